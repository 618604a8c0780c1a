"""``proxydoc generate`` and ``check`` on sample facades: output, bytes, exit codes."""

from __future__ import annotations

import asyncio
import importlib
import os
import sys
from pathlib import Path

import pytest

from proxydoc.cli import _generate

START = "    # START PROXY METHODS Facade\n"
END = "    # END PROXY METHODS Facade\n"


def _outside(text: str) -> tuple[str, str]:
    return text[: text.index(START) + len(START)], text[text.index(END) :]


def test_generate_writes_working_proxies(project: Path, run) -> None:
    result = run("generate", "facade_decorated.py")
    assert result.status == 0, result.err
    facade = importlib.import_module("facade_decorated")
    from pxdsample.target import Engine

    engine = Engine("db")
    proxy = facade.Facade(engine)
    assert proxy.run("select", {"a": 1}, echo=True, x=2) == engine.run(
        "select", {"a": 1}, echo=True, x=2
    )
    assert asyncio.run(proxy.fetch(1, 2, 3)) == (1, 2, 3)
    assert proxy.get("k") == "k"
    assert proxy.describe() == "engine db"
    assert facade.Facade.connect("sqlite://").name == "sqlite://"
    assert facade.Facade.version(3) == "3.0"
    proxy.label = "new"
    assert engine.label == "new"
    proxy.timeout = 3.0
    assert engine.timeout == 3.0
    with pytest.raises(AttributeError):
        proxy.closed = True  # read-only: the target property has no setter


def test_generated_text(project: Path, run) -> None:
    run("generate", "facade_decorated.py")
    text = (project / "facade_decorated.py").read_text()
    assert (
        "    async def fetch(self, key: int, *keys: int) -> tuple[int, ...]:\n" in text
    )
    assert "        return await self._proxied.fetch(key, *keys)\n" in text
    assert "        statement: str,\n        /,\n" in text
    assert "        echo: bool = False,\n" in text  # DEFAULT_ECHO is not imported there
    assert "return self._proxied.run(statement, params=params, echo=echo, **kw)" in text
    assert text.count("    @overload\n    def get(") == 2
    assert (
        "    @classmethod\n    def connect(cls, url: str, *args: Any, **kw: Any)"
        in text
    )
    assert "        return Engine.connect(url, *args, **kw)\n" in text
    assert "    @staticmethod\n    def version(major: int = 2) -> str:\n" in text
    assert "        return Engine.version(major=major)\n" in text
    assert '        r"""Get a value; a key matching ``\\d+`` is an int.\n' in text
    assert "    @label.setter\n" in text and "@closed.setter" not in text
    note = (
        "        Run a statement.\n\n"
        "        .. container:: class_bases\n\n"
        "            Proxied for the :class:`pxdsample.target.Engine` class on\n"
        "            behalf of the :class:`.Facade` class.\n\n"
        "        :param statement: the SQL text.\n"
    )
    assert note.lstrip() in text
    attribute_doc = (
        '"""Proxy for the :attr:`pxdsample.target.Engine.name` attribute\n'
        "        on behalf of the :class:`.Facade` class.\n"
    )
    assert attribute_doc in text


def test_second_generate_changes_nothing(project: Path, run) -> None:
    path = project / "facade_decorated.py"
    assert run("generate", str(path)).status == 0
    first = path.read_bytes()
    stat = path.stat()
    result = run("generate", str(path))
    assert result.status == 0
    assert "0 rewritten" in result.err
    assert path.read_bytes() == first
    assert path.stat().st_ino == stat.st_ino  # not even rewritten with equal text
    assert run("check", str(path)).status == 0


def test_outside_bytes_survive(project: Path, run) -> None:
    path = project / "facade_decorated.py"
    original = path.read_text()
    odd = original.replace(
        '"""A facade declared', '# trailing spaces   \n\x0c\n"""A facade declared'
    ).replace("\n", "\r\n")
    path.write_bytes(odd.encode())
    assert run("generate", str(path)).status == 0
    new = path.read_bytes().decode()
    assert _outside(new.replace("\r\n", "\n")) == _outside(odd.replace("\r\n", "\n"))
    head, tail = odd.split(START.replace("\n", "\r\n"))
    assert new.startswith(head) and new.endswith(tail.split("    # END")[1])
    assert "\n" not in new.replace("\r\n", "")  # the region uses the file's newlines


def test_check_reports_stale_with_diff(project: Path, run) -> None:
    path = project / "facade_decorated.py"
    before = path.read_bytes()
    result = run("check", str(path))
    assert result.status == 1
    assert result.out.startswith(
        "--- a/facade_decorated.py\n+++ b/facade_decorated.py\n"
    )
    assert "+    def run(\n" in result.out
    assert path.read_bytes() == before
    assert run("check", "--quiet", str(path)).out == ""


def test_generate_diff_writes_nothing(project: Path, run) -> None:
    path = project / "facade_decorated.py"
    before = path.read_bytes()
    result = run("generate", "--diff", str(path))
    assert result.status == 0
    assert "+    async def fetch(" in result.out
    assert path.read_bytes() == before


def test_stale_region_is_regenerated(project: Path, run) -> None:
    path = project / "facade_decorated.py"
    run("generate", str(path))
    good = path.read_text()
    path.write_text(good.replace("return self._proxied.describe()", "return 'x'"))
    assert run("check", str(path)).status == 1
    assert run("generate", str(path)).status == 0
    assert path.read_text() == good


def test_comment_only_edits_are_not_stale(project: Path, run) -> None:
    path = project / "facade_decorated.py"
    run("generate", str(path))
    edited = path.read_text().replace(
        "        return self._proxied.describe()\n",
        "        return self._proxied.describe()  # a comment\n",
    )
    path.write_text(edited)
    assert run("check", str(path)).status == 0


@pytest.mark.parametrize(
    ("edit", "message", "line"),
    [
        (lambda t: t.replace(END, ""), "missing end marker for Facade", 25),
        (lambda t: t.replace("class Facade:", "class Facade(:"), "cannot parse", 19),
        (
            lambda t: t.replace('"describe"', '"nothing_here"'),
            "no member 'nothing_here'",
            11,
        ),
        (
            lambda t: t.replace(
                "from pxdsample.target import Engine",
                "from pxdsample.nowhere import Engine",
            ),
            "unknown target pxdsample.nowhere:Engine",
            11,
        ),
        (
            lambda t: t.replace(START + END, START.lstrip() + END.lstrip()),
            "not in the body of a class",
            25,
        ),
        (
            lambda t: t.replace("Facade\n    # END", "Other\n    # END"),
            "END marker without a START",
            26,
        ),
    ],
    ids=[
        "no-end-marker",
        "unparseable",
        "unknown-member",
        "unknown-target",
        "markers-outside-class",
        "end-without-start",
    ],
)
def test_errors_exit_2_with_location_and_write_nothing(
    project: Path, run, edit, message: str, line: int
) -> None:
    path = project / "facade_decorated.py"
    path.write_text(edit(path.read_text()))
    before = path.read_bytes()
    result = run("generate", str(path))
    assert result.status == 2
    assert f"facade_decorated.py:{line}: " in result.err
    assert message in result.err
    assert path.read_bytes() == before
    assert run("check", str(path)).status == 2


def test_unparseable_result_is_never_written(project: Path, run) -> None:
    formatter = (
        f"{sys.executable} {Path(__file__).parent / 'samples' / 'broken_formatter.py'}"
    )
    path = project / "facade_decorated.py"
    before = path.read_bytes()
    result = run("generate", "--formatter", formatter, str(path))
    assert result.status == 2
    assert "generated code does not parse" in result.err
    assert path.read_bytes() == before


def test_formatter_runs_on_region_only(project: Path, run) -> None:
    script = Path(__file__).parent / "samples" / "append_comment_formatter.py"
    (project / "pyproject.toml").write_text(
        f"[tool.proxydoc]\nformatter = '{sys.executable} {script}'\n"
    )
    path = project / "facade_decorated.py"
    original = path.read_text()
    assert run("generate", str(path)).status == 0
    text = path.read_text()
    assert "    # formatted\n\n" + END in text
    assert _outside(text) == _outside(original)
    assert run("check", str(path)).status == 0  # comments do not make a region stale


def test_failing_formatter_is_an_error(project: Path, run) -> None:
    result = run(
        "generate",
        "--formatter",
        f"{sys.executable} -c 'raise SystemExit(3)'",
        "facade_decorated.py",
    )
    assert result.status == 2
    assert "formatter failed" in result.err


def test_write_is_atomic(project: Path, run, monkeypatch: pytest.MonkeyPatch) -> None:
    path = project / "facade_decorated.py"
    before = path.read_bytes()

    def fail(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(_generate.os, "replace", fail)
    result = run("generate", str(path))
    assert result.status == 2
    assert "cannot write: disk full" in result.err
    assert path.read_bytes() == before
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".")) == []


def test_file_mode_is_kept(project: Path, run) -> None:
    path = project / "facade_decorated.py"
    os.chmod(path, 0o640)
    run("generate", str(path))
    assert path.stat().st_mode & 0o777 == 0o640


def test_config_declares_a_facade(project: Path, run) -> None:
    (project / "pyproject.toml").write_text(
        "[tool.proxydoc]\npaths = ['facade_config.py']\n\n"
        '[tool.proxydoc.proxies."facade_config:Plain"]\n'
        "target = 'pxdsample.target:Engine'\n"
        "methods = ['describe']\nattributes = ['closed']\nclassmethods = ['connect']\n"
        "use_intermediate_variable = ['describe']\n"
    )
    result = run("generate")
    assert result.status == 0, result.err
    text = (project / "facade_config.py").read_text()
    assert "Proxied for the :class:`pxdsample.target.Engine` class on\n" in text
    assert "behalf of the :class:`facade_config.Plain` class." in text
    assert "        result = self._proxied.describe()\n        return result\n" in text
    facade = importlib.import_module("facade_config")
    from pxdsample.target import Engine

    assert facade.Plain(Engine("q")).describe() == "engine q"


def test_config_errors(project: Path, run) -> None:
    (project / "pyproject.toml").write_text("[tool.proxydoc]\nmethods = []\n")
    result = run("check")
    assert result.status == 2
    assert "unknown keys ['methods']" in result.err
    (project / "pyproject.toml").write_text(
        '[tool.proxydoc.proxies."m:C"]\ntarget = "nocolon"\n'
    )
    assert "target must be 'package.module:Class'" in run("check").err


def test_no_region_no_change(project: Path, run) -> None:
    path = project / "plain.py"
    path.write_text("x = 1\n")
    assert run("check", str(path)).status == 0
    assert run("generate", str(path)).status == 0
    assert path.read_text() == "x = 1\n"


def test_config_module_names_follow_import_paths(project: Path, run) -> None:
    """Below an ``import_paths`` folder, a namespace package (no __init__) works."""
    folder = project / "src" / "nspkg"
    folder.mkdir(parents=True)
    (project / "facade_config.py").rename(folder / "facade_config.py")
    (project / "pyproject.toml").write_text(
        "[tool.proxydoc]\nimport_paths = ['src']\n\n"
        '[tool.proxydoc.proxies."nspkg.facade_config:Plain"]\n'
        "target = 'pxdsample.target:Engine'\nmethods = ['describe']\n"
    )
    result = run("generate", "src")
    assert result.status == 0, result.err
    text = (folder / "facade_config.py").read_text()
    assert "behalf of the :class:`nspkg.facade_config.Plain` class." in text


def test_an_error_in_one_file_spares_the_others(project: Path, run) -> None:
    broken = project / "broken.py"
    broken.write_text("class Facade:\n    # START PROXY METHODS Facade\n    x = (\n")
    before = broken.read_bytes()
    result = run("generate", "facade_decorated.py", "broken.py")
    assert result.status == 2
    assert "broken.py:3: cannot parse" in result.err
    assert broken.read_bytes() == before
    assert "def run(" in (project / "facade_decorated.py").read_text()


def test_a_target_file_rewritten_in_the_same_run_is_used_as_rewritten(
    project: Path, run
) -> None:
    (project / "chain.py").write_text(
        "from facade_decorated import Facade\n"
        "from pxdsample.util import create_proxy_methods\n\n\n"
        '@create_proxy_methods(Facade, ":class:`.Facade`", ":class:`.Chain`", '
        'methods=["after", "describe"])\n'
        "class Chain:\n"
        '    """Proxies a facade."""\n\n'
        "    # START PROXY METHODS Chain\n"
        "    # END PROXY METHODS Chain\n"
    )
    # chain.py first: facade_decorated.py, which defines its target, goes first
    result = run("generate", "chain.py", "facade_decorated.py")
    assert result.status == 0, result.err
    assert "again" not in result.err
    chain = (project / "chain.py").read_text()
    assert "def after(self) -> str:" in chain
    assert "def describe(self) -> str:" in chain  # a proxy facade_decorated gained
    before = {p: p.read_bytes() for p in project.glob("*.py")}
    again = run("generate", "chain.py", "facade_decorated.py")
    assert again.status == 0 and "0 rewritten" in again.err
    assert {p: p.read_bytes() for p in project.glob("*.py")} == before


def test_facades_proxying_each_other_say_to_run_again(project: Path, run) -> None:
    """A cycle cannot be ordered: the file read first saw the other's old text."""
    for name, other in (("ping", "pong"), ("pong", "ping")):
        (project / f"{name}.py").write_text(
            "from pxdsample.util import create_proxy_methods\n\n\n"
            f"class {name.title()}Target:\n"
            "    def hit(self) -> int:\n"
            '        """Hit it."""\n'
            "        return 1\n\n\n"
            f"from {other} import {other.title()}Target as Other  # noqa: E402\n\n\n"
            f'@create_proxy_methods(Other, ":class:`.{other.title()}Target`", '
            f'":class:`.{name.title()}`", methods=["hit"])\n'
            f"class {name.title()}:\n"
            '    """A facade."""\n\n'
            f"    # START PROXY METHODS {name.title()}\n"
            f"    # END PROXY METHODS {name.title()}\n"
        )
    result = run("generate", "ping.py", "pong.py")
    assert result.status == 0, result.err
    warned = [line for line in result.err.splitlines() if "again" in line]
    assert len(warned) == 1  # the file read first saw the other's old text
    first, other = (
        ("pong", "ping") if warned[0].startswith("pong") else ("ping", "pong")
    )
    assert warned[0].startswith(f"{first}.py: its targets come from files rewritten")
    assert warned[0].endswith(f"{other}.py); run 'proxydoc generate' again")
    again = run("generate", "ping.py", "pong.py")
    assert again.status == 0 and "again" not in again.err


def test_eager_annotations_must_be_importable(project: Path, run) -> None:
    path = project / "facade_decorated.py"
    text = path.read_text().replace("from __future__ import annotations\n", "")
    path.write_text(text.replace("import Any, overload", "import overload"))
    before = path.read_bytes()
    result = run("generate", str(path))
    assert result.status == 2
    assert (
        "facade_decorated.py:10: annotations of the proxies use Any, not" in result.err
    )
    assert path.read_bytes() == before
