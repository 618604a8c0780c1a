"""Stub regions ([tool.proxydoc.stubs.*]): module functions, stubs and
declaration blocks made from a target class, and every message they give."""

from __future__ import annotations

import ast
import importlib
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

TARGET = '''\
from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterator, Literal, overload

Alias = dict[str, "Engine"]


class Engine:
    """The target."""

    level: int = 3

    def connect(self, url: str, *, timeout: float = 1.5, **kw: Any) -> str:
        """Connect to *url*.

        :param url: where to.
        :param timeout: how long.
        """
        return f"connect {url} {timeout}"

    @overload
    def fetch(self, n: Literal[1]) -> int: ...
    @overload
    def fetch(self, n: int = ...) -> list[int]: ...
    def fetch(self, n: int = 1) -> int | list[int]:
        """Fetch rows."""
        return n if n == 1 else [n]

    @classmethod
    def build(cls, name: str) -> str:
        """Build one."""
        return f"build {name}"

    @staticmethod
    def version() -> str:
        return "v1"

    @contextmanager
    def begin(self) -> Iterator[str]:
        """A transaction."""
        yield "begun"

    async def ping(self, times: int = 2) -> str:
        """Ping, awaited."""
        return f"pong {times}"

    def table(self, other: Alias) -> Alias:
        """Aliases, evaluated or not."""
        return other

    def _private(self) -> None: ...
'''

PYPROJECT = """\
[tool.proxydoc]
paths = ["."]
import_paths = ["."]
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    (tmp_path / "stubtarget.py").write_text(TARGET, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    for name in [m for m in sys.modules if m.startswith(("stubtarget", "facade_"))]:
        del sys.modules[name]


def configure(project: Path, **stubs: str) -> None:
    tables = "".join(
        f"\n[tool.proxydoc.stubs.{name}]\n{textwrap.dedent(body)}"
        for name, body in stubs.items()
    )
    (project / "pyproject.toml").write_text(PYPROJECT + tables, encoding="utf-8")


def functions(path: Path) -> dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef]]:
    found: dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef]] = {}
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            found.setdefault(node.name, []).append(node)
    return found


def test_pyi_stub_of_a_module_facade(project: Path, run: Callable[..., object]) -> None:
    """Module functions without self, overload variants (the last one with the
    docstring), @contextmanager as configured, attributes, the module note."""
    (project / "facade_api.pyi").write_text(
        "from typing import Any\n\n# START STUBS\n", encoding="utf-8"
    )
    configure(
        project,
        api="""\
        file = "facade_api.pyi"
        target = "stubtarget:Engine"
        start = "# START STUBS"
        context_managers = ["begin"]
        """,
    )
    result = run("generate", "--no-progress")
    assert result.status == 0, result.err
    text = (project / "facade_api.pyi").read_text("utf-8")
    found = functions(project / "facade_api.pyi")
    assert sorted(found) == [
        "begin",
        "build",
        "connect",
        "fetch",
        "ping",
        "table",
        "version",
    ]
    connect = found["connect"][0]
    assert ast.unparse(connect.args) == "url: str, *, timeout: float=1.5, **kw: Any"
    assert [ast.unparse(d) for d in found["begin"][0].decorator_list] == [
        "contextmanager"
    ]
    assert isinstance(found["ping"][0], ast.AsyncFunctionDef)
    assert ast.unparse(found["build"][0].args) == "name: str"  # no cls
    assert ast.unparse(found["version"][0].args) == ""
    fetch = found["fetch"]
    assert [ast.unparse(f.args) for f in fetch] == ["n: Literal[1]", "n: int=..."]
    assert all(ast.unparse(f.decorator_list[0]) == "overload" for f in fetch)
    assert ast.get_docstring(fetch[0]) is None
    assert "level: int\n" in text
    doc = ast.get_docstring(connect)
    assert doc is not None
    assert doc.startswith("Connect to *url*.\n\n.. container:: class_bases")
    assert (
        "Proxied for the :class:`stubtarget.Engine` class on\n"
        "    behalf of the :mod:`facade_api` module." in doc
    )
    # a .pyi declaration's body is its docstring alone
    assert len(connect.body) == 1
    assert run("check", "--no-progress").status == 0
    assert run("generate", "--no-progress").status == 0
    assert (project / "facade_api.pyi").read_text("utf-8") == text


def test_module_functions_that_forward(
    project: Path, run: Callable[..., object]
) -> None:
    """``call`` makes each function forward: the module works at run time."""
    (project / "facade_mod.py").write_text(
        "from __future__ import annotations\n\n"
        "from contextlib import contextmanager\n"
        "from typing import Any, overload\n\n"
        "from stubtarget import Engine\n\n"
        "_engine = Engine()\n\n"
        "# START FUNCTIONS\n"
        "# END FUNCTIONS\n",
        encoding="utf-8",
    )
    configure(
        project,
        mod="""\
        file = "facade_mod.py"
        target = "stubtarget:Engine"
        start = "# START FUNCTIONS"
        end = "# END FUNCTIONS"
        call = "_engine"
        exclude = ["begin", "level"]
        note = false
        """,
    )
    result = run("generate", "--no-progress")
    assert result.status == 0, result.err
    module = importlib.import_module("facade_mod")
    assert module.connect("db", timeout=2) == "connect db 2"
    assert module.fetch(3) == [3]
    assert module.build("x") == "build x"
    assert module.version() == "v1"
    assert module.table({"a": 1}) == {"a": 1}
    import asyncio

    assert asyncio.run(module.ping()) == "pong 2"
    fetch = functions(project / "facade_mod.py")["fetch"]
    assert len(fetch) == 3  # two variants, then the forwarding implementation
    assert (ast.get_docstring(fetch[-1]) or "").strip() == "Fetch rows."
    assert run("check", "--no-progress").status == 0


def test_declarations_in_a_class_body(
    project: Path, run: Callable[..., object]
) -> None:
    """In a class (here under ``if TYPE_CHECKING:``) self stays, class and
    static methods keep their decorator, a docstring is followed by ``...``;
    ``annotations = "evaluated"`` writes a type alias expanded."""
    (project / "facade_decl.py").write_text(
        "from __future__ import annotations\n\n"
        "from typing import TYPE_CHECKING\n\n\n"
        "class Facade:\n"
        "    if TYPE_CHECKING:\n"
        "        # START DECLARATIONS\n"
        "        pass\n"
        "        # END DECLARATIONS\n",
        encoding="utf-8",
    )
    configure(
        project,
        decl="""\
        file = "facade_decl.py"
        target = "stubtarget:Engine"
        start = "# START DECLARATIONS"
        end = "# END DECLARATIONS"
        members = ["connect", "build", "version", "table"]
        annotations = "evaluated"
        """,
    )
    result = run("generate", "--no-progress")
    assert result.status == 0, result.err
    found = functions(project / "facade_decl.py")
    connect = found["connect"][0]
    assert ast.unparse(connect.args).startswith("self, url: str")
    assert [ast.unparse(d) for d in found["build"][0].decorator_list] == ["classmethod"]
    assert [ast.unparse(d) for d in found["version"][0].decorator_list] == [
        "staticmethod"
    ]
    assert ast.unparse(found["table"][0].args) == "self, other: dict[str, Engine]"
    assert ast.unparse(found["table"][0].returns) == "dict[str, Engine]"
    assert ast.unparse(connect.body[-1]) == "..."
    doc = ast.get_docstring(connect)
    assert doc is not None
    assert "behalf of the :class:`facade_decl.Facade` class." in doc
    importlib.import_module("facade_decl")  # still imports
    assert run("check", "--no-progress").status == 0


@pytest.mark.parametrize(
    ("text", "stub", "message"),
    [
        (
            "x = 1\n",
            'start = "# START"\n',
            "facade_x.py:1: no start marker '# START' in this file",
        ),
        (
            "# START\n# START\n",
            'start = "# START"\n',
            "facade_x.py:2: start marker '# START' appears more than once",
        ),
        (
            "# START\nx = 1\n",
            'start = "# START"\nend = "# END"\n',
            "facade_x.py:1: no end marker '# END' after this start marker",
        ),
        (
            "class A:\n    # START\n    x = 1\n# END\n",
            'start = "# START"\nend = "# END"\n',
            "facade_x.py:4: end marker is not indented like its start marker",
        ),
        (
            "def f():\n    # START\n    pass\n    # END\n",
            'start = "# START"\nend = "# END"\n',
            "facade_x.py:2: a stub region cannot be inside a function",
        ),
        (
            "# START\n# END\n",
            'start = "# START"\nend = "# END"\nmembers = ["nope"]\n',
            "facade_x.py:1: stub region 'x': Engine has no member 'nope'",
        ),
        (
            "x = '''\n# START\n'''\n",
            'start = "# START"\n',
            "facade_x.py:1: no start marker '# START' in this file",
        ),
    ],
    ids=[
        "no-start",
        "two-starts",
        "no-end",
        "end-indent",
        "in-function",
        "member",
        "in-string",
    ],
)
def test_region_messages(
    project: Path, run: Callable[..., object], text: str, stub: str, message: str
) -> None:
    (project / "facade_x.py").write_text(text, encoding="utf-8")
    configure(project, x=f'file = "facade_x.py"\ntarget = "stubtarget:Engine"\n{stub}')
    result = run("generate", "--no-progress")
    assert result.status == 2  # an error, not a stale file
    assert message in result.err.splitlines()
    assert (project / "facade_x.py").read_text("utf-8") == text


def test_overlapping_regions(project: Path, run: Callable[..., object]) -> None:
    text = "# A\n# B\n# END B\n# END A\n"
    (project / "facade_x.py").write_text(text, encoding="utf-8")
    head = 'file = "facade_x.py"\ntarget = "stubtarget:Engine"\nmembers = ["version"]\n'
    configure(
        project,
        a=head + 'start = "# A"\nend = "# END A"\n',
        b=head + 'start = "# B"\nend = "# END B"\n',
    )
    result = run("generate", "--no-progress")
    assert result.status == 2
    assert (
        "facade_x.py:2: two generated regions overlap (this one starts inside "
        "the one starting at line 1)" in result.err.splitlines()
    )
    assert (project / "facade_x.py").read_text("utf-8") == text


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('target = "m:C"\nstart = "# S"\n', "file must be a non-empty string"),
        (
            'file = "f.py"\ntarget = "m.C"\nstart = "# S"\n',
            "target must be 'package.module:Class'",
        ),
        (
            'file = "f.py"\ntarget = "m:C"\nstart = "S"\n',
            "start must be one comment line, starting with '#'",
        ),
        (
            'file = "f.py"\ntarget = "m:C"\nstart = "# S"\nnote = "no"\n',
            "note must be true or false",
        ),
        (
            'file = "f.py"\ntarget = "m:C"\nstart = "# S"\ncall = "a b"\n',
            "call must be a Python expression: 'a b'",
        ),
        (
            'file = "f.py"\ntarget = "m:C"\nstart = "# S"\nannotations = "x"\n',
            "annotations must be 'as-written' or 'evaluated'",
        ),
        (
            'file = "f.py"\ntarget = "m:C"\nstart = "# S"\naliases = ["x"]\n',
            "aliases must be 'package.module:name': ['x']",
        ),
        (
            'file = "f.py"\ntarget = "m:C"\nstart = "# S"\nwhat = 1\n',
            "unknown keys ['what']",
        ),
        (
            'file = "f.py"\ntarget = "m:C"\nend = "# E"\n',
            "end needs a start marker (without both: the whole file)",
        ),
    ],
)
def test_config_messages(
    project: Path, run: Callable[..., object], body: str, message: str
) -> None:
    configure(project, s=body)
    result = run("check", "--no-progress")
    assert result.status == 2
    pyproject = project / "pyproject.toml"
    assert result.err == (
        f'proxydoc: error: {pyproject}: [tool.proxydoc].stubs."s": {message}\n'
    )


def test_target_named_as_documented(project: Path, run: Callable[..., object]) -> None:
    """A target defined in ``pkg._base`` and re-exported by ``pkg`` is named
    ``pkg.Engine`` in the notes, in stub regions and in class proxies alike."""
    package = project / "stubpkg"
    package.mkdir()
    (package / "_base.py").write_text(TARGET, encoding="utf-8")
    (package / "__init__.py").write_text("from ._base import Engine\n", "utf-8")
    (project / "facade_api.pyi").write_text("# START STUBS\n", encoding="utf-8")
    (project / "facade_cls.py").write_text(
        "from __future__ import annotations\n\nfrom typing import Any\n\n\n"
        "class Facade:\n"
        "    _proxied = None\n\n"
        "    # START PROXY METHODS Facade\n"
        "    # END PROXY METHODS Facade\n",
        encoding="utf-8",
    )
    configure(
        project,
        api="""\
        file = "facade_api.pyi"
        target = "stubpkg._base:Engine"
        start = "# START STUBS"
        members = ["version"]
        """,
    )
    with (project / "pyproject.toml").open("a", encoding="utf-8") as stream:
        stream.write(
            '\n[tool.proxydoc.proxies."facade_cls:Facade"]\n'
            'target = "stubpkg._base:Engine"\nmethods = ["connect"]\n'
        )
    result = run("generate", "--no-progress")
    assert result.status == 0, result.err
    for name in ("facade_api.pyi", "facade_cls.py"):
        text = (project / name).read_text("utf-8")
        assert "Proxied for the :class:`stubpkg.Engine` class on" in text, name
        assert "stubpkg._base" not in text, name


def test_a_whole_file_stub(project: Path, run: Callable[..., object]) -> None:
    """Without markers the region is the whole file: written from nothing, then
    current."""
    (project / "facade_whole.pyi").write_text("", encoding="utf-8")
    configure(
        project,
        whole="""\
        file = "facade_whole.pyi"
        target = "stubtarget:Engine"
        members = ["connect", "version"]
        """,
    )
    result = run("generate", "--no-progress")
    assert result.status == 0, result.err
    text = (project / "facade_whole.pyi").read_text("utf-8")
    assert text.startswith("# code within this block is **programmatically,\n")
    assert sorted(functions(project / "facade_whole.pyi")) == ["connect", "version"]
    assert run("check", "--no-progress").status == 0
    (project / "facade_whole.pyi").write_text("def stale() -> None: ...\n", "utf-8")
    assert run("check", "--no-progress").status == 1
