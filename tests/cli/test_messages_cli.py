"""The exact text of each error of the ``proxydoc`` command, from real runs.

Each case writes a small project (a facade, maybe a target module, maybe a
``[tool.proxydoc]`` table), runs ``proxydoc check`` or ``generate`` on it and
compares stderr line for line.  The messages of stub regions and of their
markers (``cli._stubs``, ``cli._regions.find_marked_region``) are in
test_stubs.py, but for the members without a signature, which are here.
"""

from __future__ import annotations

import importlib.util
import os
import py_compile
import shlex
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from cli_helpers import ping_facade

SUMMARY_ERROR = "proxydoc {command}: 1 files, 0 {verb}, 1 with errors"


@pytest.fixture(autouse=True)
def _forget_target_modules() -> Iterator[None]:
    """Each test writes its own ``msg_*`` target modules; none outlives it."""
    yield
    for name in [n for n in sys.modules if n.startswith("msg_")]:
        del sys.modules[name]


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    """*text*, dedented, as the file *name* of *folder*."""
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding=encoding)
    return path


def errors_of(result: Any, command: str = "check") -> list[str]:
    """The lines a run printed on stderr, less its summary of one failed file."""
    verb = "stale" if command == "check" else "rewritten"
    lines = result.err.splitlines()
    assert result.status == 2, result.err
    assert lines[-1] == SUMMARY_ERROR.format(command=command, verb=verb)
    return lines[:-1]


# -- [tool.proxydoc] in pyproject.toml ---------------------------------------


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("[tool]\nproxydoc = 1\n", "[tool.proxydoc]: must be a table"),
        (
            '[tool.proxydoc]\npaths = "src"\n',
            "[tool.proxydoc]: paths must be a list of strings",
        ),
        (
            "[tool.proxydoc]\nimport_paths = ['src', 3]\n",
            "[tool.proxydoc]: import_paths must be a list of strings",
        ),
        (
            "[tool.proxydoc]\nformatter = ['ruff', 'format', '-']\n",
            "[tool.proxydoc]: formatter must be a string",
        ),
        (
            '[tool.proxydoc]\nheader = "# generated\\nby proxydoc"\n',
            "[tool.proxydoc]: header lines must be comments",
        ),
        (
            "[tool.proxydoc]\nline_length = 20\n",
            "[tool.proxydoc]: line_length must be an integer above 20",
        ),
        (
            "[tool.proxydoc]\nline_length = true\n",
            "[tool.proxydoc]: line_length must be an integer above 20",
        ),
        (
            "[tool.proxydoc]\nproxies = ['facade:Facade']\n",
            "[tool.proxydoc]: proxies must be a table",
        ),
        (
            "[tool.proxydoc.proxies.Facade]\ntarget = 'pxdsample.target:Engine'\n",
            "[tool.proxydoc].proxies.\"Facade\": the key must be 'package.module:Class'",
        ),
        (
            "[tool.proxydoc.proxies]\n'facade:Facade' = 'pxdsample.target:Engine'\n",
            '[tool.proxydoc].proxies."facade:Facade": must be a table',
        ),
        (
            "[tool.proxydoc.proxies.'facade:Facade']\n"
            "target = 'pxdsample.target:Engine'\nmethods = 'run'\n",
            '[tool.proxydoc].proxies."facade:Facade": methods must be a list of strings',
        ),
        (
            "[tool.proxydoc.proxies.'facade:Facade']\n"
            "target = 'pxdsample.target:Engine'\ntarget_name = 3\n",
            '[tool.proxydoc].proxies."facade:Facade": target_name must be a string',
        ),
        (
            "[tool.proxydoc]\nstubs = 'op.pyi'\n",
            "[tool.proxydoc]: stubs must be a table",
        ),
        (
            "[tool.proxydoc.stubs]\nop = 'op.pyi'\n",
            '[tool.proxydoc].stubs."op": must be a table',
        ),
    ],
)
def test_config_messages(
    project: Path, run: Callable[..., Any], toml: str, message: str
) -> None:
    pyproject = write(project, "pyproject.toml", toml)
    result = run("check", "--no-progress")
    assert result.status == 2
    assert result.err == f"proxydoc: error: {pyproject}: {message}\n"


# -- The decorator that declares a facade ------------------------------------

DECORATED = '''\
from pxdsample.target import Engine
from pxdsample.util import create_proxy_methods


@create_proxy_methods({arguments})
class Facade:
    """A facade."""

    # START PROXY METHODS Facade
    # END PROXY METHODS Facade
'''


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            'Engine, ":class:`.Engine`"',
            "the proxy decorator needs (Target, target_name, facade_name)",
        ),
        (
            'Engine, ENGINE, ":class:`.Facade`"',
            "the Sphinx names of the two classes must be string literals",
        ),
        ('Engine, "E", "F", method=["run"]', "unknown keyword 'method'"),
        (
            'Engine, "E", "F", methods="run"',
            "methods must be a list of string literals",
        ),
        (
            'Engine, "E", "F", attributes=[NAME]',
            "attributes must be a list of string literals",
        ),
        ('Motor, "E", "F"', "cannot tell where Motor is imported from"),
        ('engines[0], "E", "F"', "cannot tell where engines[0] is imported from"),
    ],
)
def test_decorator_messages(
    project: Path, run: Callable[..., Any], arguments: str, message: str
) -> None:
    write(project, "facade_x.py", DECORATED.format(arguments=arguments))
    result = run("check", "facade_x.py")
    assert errors_of(result) == [f"facade_x.py:5: {message}"]


def test_region_of_an_undeclared_class(project: Path, run: Callable[..., Any]) -> None:
    write(
        project,
        "facade_x.py",
        '''\
        class Plain:
            """Not a facade."""

            # START PROXY METHODS Plain
            # END PROXY METHODS Plain
        ''',
    )
    assert errors_of(run("check", "facade_x.py")) == [
        "facade_x.py:4: no proxy declaration for class Plain "
        "(decorator create_proxy_methods() or [tool.proxydoc.proxies])"
    ]


# -- Markers -----------------------------------------------------------------


def test_marker_after_code(project: Path, run: Callable[..., Any]) -> None:
    write(
        project,
        "facade_x.py",
        DECORATED.format(arguments='Engine, "E", "F"').replace(
            "    # START", "    x = 1  # START"
        ),
    )
    assert errors_of(run("check", "facade_x.py")) == [
        "facade_x.py:9: a marker must be alone on its line"
    ]


def test_second_region_for_one_class(project: Path, run: Callable[..., Any]) -> None:
    text = DECORATED.format(arguments='Engine, "E", "F", methods=["describe"]')
    write(
        project,
        "facade_x.py",
        text + "\n    # START PROXY METHODS Facade\n    # END PROXY METHODS Facade\n",
    )
    assert errors_of(run("check", "facade_x.py")) == [
        "facade_x.py:12: second region for class Facade"
    ]


# -- What the proxies need from the facade's module --------------------------


def test_annotations_the_module_does_not_bind(
    project: Path, run: Callable[..., Any]
) -> None:
    """``Engine.run`` is annotated with ``Any``, which this facade lacks."""
    write(
        project,
        "facade_x.py",
        DECORATED.format(arguments='Engine, "E", "F", methods=["run"]'),
    )
    assert errors_of(run("check", "facade_x.py")) == [
        "facade_x.py:5: annotations of the proxies use Any, not bound in this "
        "module (import them, or use 'from __future__ import annotations')"
    ]


def test_overloads_without_overload(project: Path, run: Callable[..., Any]) -> None:
    write(
        project,
        "facade_x.py",
        "from __future__ import annotations\n\n"
        + DECORATED.format(arguments='Engine, "E", "F", methods=["get"]'),
    )
    assert errors_of(run("check", "facade_x.py")) == [
        "facade_x.py:7: the @overload variants of get() need overload, which the "
        "facade's module does not import: add 'from typing import overload' there"
    ]


def test_overload_variant_with_another_decorator(
    project: Path, run: Callable[..., Any]
) -> None:
    write(
        project,
        "msg_tagged.py",
        """\
        from typing import overload


        def tagged(func):
            return func


        class Engine:
            @overload
            @tagged
            def get(self, key: int) -> int: ...
            @overload
            def get(self, key: str) -> str: ...
            def get(self, key):
                return key
        """,
    )
    facade = DECORATED.format(arguments='Engine, "E", "F", methods=["get"]')
    facade = facade.replace("pxdsample.target", "msg_tagged")
    write(project, "facade_x.py", "from typing import overload\n" + facade)
    assert errors_of(run("check", "facade_x.py")) == [
        "facade_x.py:6: an @overload variant of get() is decorated @tagged; "
        "import tagged in the facade's module"
    ]


def test_class_method_of_a_target_not_imported(
    project: Path, run: Callable[..., Any]
) -> None:
    """A facade declared in the config calls ``Engine.connect`` by name."""
    write(
        project,
        "pyproject.toml",
        """\
        [tool.proxydoc.proxies."facade_x:Facade"]
        target = "pxdsample.target:Engine"
        classmethods = ["connect"]
        """,
    )
    write(
        project,
        "facade_x.py",
        '''\
        from __future__ import annotations


        class Facade:
            """Not importing Engine."""

            # START PROXY METHODS Facade
            # END PROXY METHODS Facade
        ''',
    )
    assert errors_of(run("check", "facade_x.py")) == [
        "facade_x.py:4: the proxy of connect() calls the target class "
        "pxdsample.target:Engine, which this module does not import: "
        "add 'from pxdsample.target import Engine'"
    ]


# -- What the target's members allow -----------------------------------------


def test_attribute_named_as_a_method(project: Path, run: Callable[..., Any]) -> None:
    write(
        project,
        "facade_x.py",
        DECORATED.format(arguments='Engine, "E", "F", methods=["timeout"]'),
    )
    assert errors_of(run("check", "facade_x.py")) == [
        "facade_x.py:5: Engine.timeout is not a method"
    ]


def test_method_without_a_signature(project: Path, run: Callable[..., Any]) -> None:
    """``dict.update`` has no source and no signature ``inspect`` can read."""
    write(project, "msg_registry.py", "class Registry(dict):\n    pass\n")
    facade = DECORATED.format(arguments='Registry, "R", "F", methods=["update"]')
    write(
        project,
        "facade_x.py",
        facade.replace(
            "pxdsample.target import Engine", "msg_registry import Registry"
        ),
    )
    assert errors_of(run("check", "facade_x.py")) == [
        "facade_x.py:5: update(): no signature (no signature found for builtin "
        "<method 'update' of 'dict' objects>)"
    ]


MADE_AT_RUN_TIME = """\
class Marker:
    def __repr__(self):
        return "<marker>"


MARKER = Marker()


def _made(name):
    def method(self, value=MARKER):
        return value

    method.__name__ = name
    return method


class Engine:
    ping = _made("ping")
"""


def test_default_without_a_literal(project: Path, run: Callable[..., Any]) -> None:
    """``ping`` has no source of its own: its default is written by ``repr()``."""
    write(project, "msg_made.py", MADE_AT_RUN_TIME)
    facade = DECORATED.format(arguments='Engine, "E", "F", methods=["ping"]')
    write(project, "facade_x.py", facade.replace("pxdsample.target", "msg_made"))
    assert errors_of(run("check", "facade_x.py")) == [
        "facade_x.py:5: ping(): cannot write the default of value: its repr() "
        "<marker> is not Python code and no source text of the signature gives "
        "it; give it a repr() that is, or leave the member out"
    ]


def test_target_source_out_of_step_with_its_bytecode(
    project: Path, run: Callable[..., Any]
) -> None:
    """Python imports the target from its bytecode (same size and time as the
    source it was compiled from); the source now holds bytes no encoding
    declared for it decodes, so proxydoc cannot read it."""
    source = 'class Engine:\n    def ping(self):\n        "Cafe."\n'
    path = write(project, "msg_stale.py", source)
    py_compile.compile(
        str(path),
        cfile=importlib.util.cache_from_source(str(path)),
        invalidation_mode=py_compile.PycInvalidationMode.TIMESTAMP,
    )
    stat = path.stat()
    broken = source.replace("Cafe.", "Caf\xe9.").encode("latin-1")
    assert len(broken) == len(source)
    path.write_bytes(broken)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    at = broken.index(b"\xe9")
    facade = DECORATED.format(arguments='Engine, "E", "F", methods=["ping"]')
    write(project, "facade_x.py", facade.replace("pxdsample.target", "msg_stale"))
    assert errors_of(run("check", "facade_x.py")) == [
        f"{path}: cannot read target source: 'utf-8' codec can't decode byte "
        f"0xe9 in position {at}: invalid continuation byte"
    ]


SURROGATE_DOC = """\
class Target:
    def ping(self) -> str:
        return "pong"

    # made at run time: Python 3.13 cannot compile a lone surrogate in source
    ping.__doc__ = "Half a pair: " + chr(0xD83D) + "."
"""


def test_lone_surrogate_in_a_docstring(project: Path, run: Callable[..., Any]) -> None:
    write(project, "msg_surrogate.py", SURROGATE_DOC)
    write(project, "facade_x.py", ping_facade("msg_surrogate"))
    assert errors_of(run("check", "facade_x.py")) == [
        "facade_x.py:5: the proxy of ping() has a docstring holding a lone "
        "surrogate (U+D83D), which Python 3.13 cannot compile, escaped or not"
    ]


# -- The formatter -----------------------------------------------------------

#: Where ``facade_decorated.py`` (a copy of the sample) starts its region.
REGION_LINE = next(
    number
    for number, line in enumerate(
        (Path(__file__).parent / "samples" / "facade_decorated.py")
        .read_text(encoding="utf-8")
        .splitlines(),
        1,
    )
    if "# START PROXY METHODS" in line
)


def python_command(code: str) -> str:
    """A formatter command running *code* in this Python."""
    return f"{shlex.quote(sys.executable)} -c {shlex.quote(code)}"


@pytest.mark.parametrize(
    ("code", "why"),
    [
        (
            "import sys; sys.stdin.read(); sys.exit('cannot format this')",
            "cannot format this",
        ),
        ("import sys; sys.stdin.read(); sys.exit(3)", "exit status 3"),
    ],
)
def test_formatter_fails(
    project: Path, run: Callable[..., Any], code: str, why: str
) -> None:
    command = python_command(code)
    result = run("check", "--formatter", command, "facade_decorated.py")
    assert errors_of(result) == [
        f"facade_decorated.py:{REGION_LINE}: formatter failed: {command!r}: {why}"
    ]


def test_formatter_not_found(project: Path, run: Callable[..., Any]) -> None:
    command = "pxd-no-such-formatter --quiet"
    result = run("check", "--formatter", command, "facade_decorated.py")
    assert errors_of(result) == [
        f"facade_decorated.py:{REGION_LINE}: formatter failed: {command!r}: "
        "[Errno 2] No such file or directory: 'pxd-no-such-formatter'"
    ]


def test_formatter_output_does_not_parse(
    project: Path, samples_on_path: Path, run: Callable[..., Any]
) -> None:
    script = samples_on_path / "broken_formatter.py"
    command = f"{shlex.quote(sys.executable)} {shlex.quote(str(script))}"
    result = run("check", "--formatter", command, "facade_decorated.py")
    assert errors_of(result) == [
        f"facade_decorated.py:{REGION_LINE}: formatter {command!r}: generated code "
        "does not parse after formatting (invalid syntax (<unknown>, line 3)); "
        "nothing written"
    ]


def test_formatter_changes_the_code(project: Path, run: Callable[..., Any]) -> None:
    command = python_command(
        "import sys; sys.stdout.write(sys.stdin.read() + '    changed = True\\n')"
    )
    result = run("check", "--formatter", command, "facade_decorated.py")
    assert errors_of(result) == [
        f"facade_decorated.py:{REGION_LINE}: formatter {command!r}: its output is "
        "not the same code as the generated region (the ASTs differ); nothing written"
    ]


# -- Text the facade's encoding cannot hold -----------------------------------


def test_header_the_class_region_cannot_hold(
    project: Path, run: Callable[..., Any]
) -> None:
    write(
        project, "pyproject.toml", '[tool.proxydoc]\nheader = "# \\u2603 generated"\n'
    )
    facade = DECORATED.format(arguments='Engine, "E", "F", methods=["describe"]')
    write(project, "facade_x.py", "# -*- coding: latin-1 -*-\n" + facade, "latin-1")
    assert errors_of(run("check", "facade_x.py")) == [
        "facade_x.py:6: the header holds '\u2603' (U+2603), which this file's "
        "encoding, iso-8859-1, cannot hold: change the file's encoding, or write "
        "the character as an escape where it comes from"
    ]


STUB_HEADER = """\
[tool.proxydoc]
header = "# \\u2603 generated"

[tool.proxydoc.stubs.api]
file = "facade_api.py"
target = "pxdsample.target:Engine"
start = "# START STUBS"
members = ["describe"]
"""


def stub_header_error(project: Path, run: Callable[..., Any]) -> tuple[str, str]:
    """The place and the text of the error about a stub region's header."""
    write(project, "pyproject.toml", STUB_HEADER)
    text = "# -*- coding: latin-1 -*-\n# START STUBS\n"
    write(project, "facade_api.py", text, "latin-1")
    (line,) = errors_of(run("check", "facade_api.py"))
    where, _, message = line.partition(": ")
    return where, message


def test_header_the_stub_region_cannot_hold(
    project: Path, run: Callable[..., Any]
) -> None:
    where, message = stub_header_error(project, run)
    assert where.startswith("facade_api.py:")
    assert message == (
        "cannot write '\u2603' (U+2603) in this file's encoding iso-8859-1: "
        "declare another encoding, or change the target's text"
    )


def test_header_the_stub_region_cannot_hold_names_its_marker(
    project: Path, run: Callable[..., Any]
) -> None:
    assert stub_header_error(project, run)[0] == "facade_api.py:2"


# -- Stub regions: members without a usable signature -------------------------

ODD_MEMBERS = """\
class Registry(dict):
    def bare(*args):
        return args

    def none():
        return None
"""


@pytest.mark.parametrize(
    ("member", "message"),
    [
        (
            "update",
            "no signature for update(): no signature found for builtin "
            "<method 'update' of 'dict' objects>",
        ),
        ("bare", "bare() takes no self or cls parameter"),
        ("none", "none() takes no self or cls parameter"),
    ],
)
def test_stub_member_without_a_signature(
    project: Path, run: Callable[..., Any], member: str, message: str
) -> None:
    write(project, "msg_odd.py", ODD_MEMBERS)
    write(
        project,
        "pyproject.toml",
        f"""\
        [tool.proxydoc.stubs.api]
        file = "facade_api.pyi"
        target = "msg_odd:Registry"
        start = "# START STUBS"
        members = ["{member}"]
        """,
    )
    write(project, "facade_api.pyi", "from typing import Any\n\n# START STUBS\n")
    assert errors_of(run("check", "facade_api.pyi")) == [
        f"facade_api.pyi:3: stub region 'api': {message}"
    ]


# -- The target's own code failing ---------------------------------------------

RAISING_REPR = """\
class Marker:
    def __repr__(self):
        raise RuntimeError("no repr for Marker")


def _made(self, value=Marker()):
    return value


class Engine:
    ping = _made
"""


def test_default_whose_repr_raises(project: Path, run: Callable[..., Any]) -> None:
    """``ping`` has no source of its own, so its default is written by ``repr()``,
    which raises: the target's code failing is named, not taken for a bug."""
    write(project, "msg_raising.py", RAISING_REPR)
    facade = DECORATED.format(arguments='Engine, "E", "F", methods=["ping"]')
    write(project, "facade_x.py", facade.replace("pxdsample.target", "msg_raising"))
    assert errors_of(run("check", "facade_x.py")) == [
        "facade_x.py:5: ping(): cannot write the default of value: its repr() "
        "raised RuntimeError: no repr for Marker"
    ]


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("latin-1", "# -*- coding: latin-1 -*-\n"), ("utf-8-sig", "")],
)
def test_target_source_python_can_read(
    project: Path, run: Callable[..., Any], encoding: str, prefix: str
) -> None:
    source = prefix + 'class Engine:\n    def ping(self):\n        "Caf\xe9."\n'
    write(project, "msg_declared.py", source, encoding=encoding)
    facade = DECORATED.format(arguments='Engine, "E", "F", methods=["ping"]')
    write(project, "facade_x.py", facade.replace("pxdsample.target", "msg_declared"))
    result = run("check", "facade_x.py")
    assert result.status == 1, result.err  # stale, not an error
    assert '+        """Caf\xe9.' in result.out


# -- A facade's declared encoding ---------------------------------------------


def python_says(encoding: str) -> str:
    """What Python says when *encoding* decodes a file: its wording differs
    between versions (3.11 wraps a codec's error, 3.12 does not)."""
    try:
        b"x".decode(encoding)
    except (UnicodeError, LookupError) as exc:
        return str(exc)
    raise AssertionError(f"{encoding} decodes")  # pragma: no cover


@pytest.mark.parametrize(
    ("encoding", "why"),
    [
        # Not a text encoding: refused here, so rendering never meets an
        # encoding it cannot use.
        ("hex", python_says("hex")),
        ("undefined", python_says("undefined")),
    ],
)
def test_facade_encoding_that_cannot_read_it(
    project: Path, run: Callable[..., Any], encoding: str, why: str
) -> None:
    facade = DECORATED.format(arguments='Engine, "E", "F", methods=["describe"]')
    write(project, "facade_x.py", f"# -*- coding: {encoding} -*-\n{facade}")
    for command in ("check", "generate"):
        result = run(command, "facade_x.py")
        assert errors_of(result, command) == [f"facade_x.py:1: cannot read: {why}"]
