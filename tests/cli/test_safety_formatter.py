"""A formatter's output is used only when it parses and holds the same code."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

#: Formatters as Python programs reading the region on stdin.
FORMATTERS = {
    "empty": "import sys; sys.stdin.read()",
    "drops-a-method": (
        "import sys, re\n"
        "text = sys.stdin.read()\n"
        "sys.stdout.write(re.sub(r'(?s)    def describe.*?\\n\\n(?=    \\S|$)', '', "
        "text) + '    pass\\n')\n"
    ),
    "changes-a-value": (
        "import sys\n"
        "sys.stdout.write(sys.stdin.read().replace('echo: bool = False', "
        "'echo: bool = True'))\n"
    ),
    "unparseable": (
        "import sys; sys.stdin.read()\n"
        "sys.stdout.write('class _ProxydocRegion:\\n    def broken(:\\n')\n"
    ),
    "not-utf-8": "import sys; sys.stdin.read(); sys.stdout.buffer.write(b'\\xff\\n')",
}
#: Formatters that only change the layout: their output is kept.
LAYOUT_ONLY = {
    "single-quotes": (
        "import sys\nsys.stdout.write(sys.stdin.read().replace('\"select\"', "
        "\"'select'\").replace('# code within', '#   code within'))\n"
    ),
    "docstring-indent": (
        "import sys\n"
        'sys.stdout.write(sys.stdin.read().replace(\'"""Run a statement.\', '
        '\'"""\\n        Run a statement.\'))\n'
    ),
}


def formatter(folder: Path, name: str, program: str) -> str:
    script = folder / f"fmt_{name.replace('-', '_')}.py"
    script.write_text(program, encoding="utf-8")
    return f"{sys.executable} {script}"


@pytest.mark.parametrize("name", sorted(FORMATTERS))
def test_a_formatter_that_changes_the_code_is_refused(
    project: Path, run, tmp_path_factory: pytest.TempPathFactory, name: str
) -> None:
    command = formatter(tmp_path_factory.mktemp("fmt"), name, FORMATTERS[name])
    path = project / "facade_decorated.py"
    other = project / "facade_other.py"
    other.write_bytes(path.read_bytes())
    before = path.read_bytes()
    result = run("generate", "--formatter", command, str(path), str(other))
    assert result.status == 2
    assert "facade_decorated.py:25: formatter " in result.err
    assert repr(command) in result.err
    assert "Traceback" not in result.err
    assert path.read_bytes() == before
    assert "facade_other.py:25: formatter " in result.err  # not stopped
    assert run("check", "--formatter", command, str(path)).status == 2


def test_the_formatter_named_in_the_config_is_named_too(
    project: Path, run, tmp_path_factory: pytest.TempPathFactory
) -> None:
    command = formatter(tmp_path_factory.mktemp("fmt"), "empty", FORMATTERS["empty"])
    (project / "pyproject.toml").write_text(
        f"[tool.proxydoc]\nformatter = {command!r}\n"
    )
    path = project / "facade_decorated.py"
    before = path.read_bytes()
    result = run("generate", str(path))
    assert result.status == 2
    assert (
        f"formatter {command!r}" in result.err and "facade_decorated.py" in result.err
    )
    assert path.read_bytes() == before


@pytest.mark.parametrize("name", sorted(LAYOUT_ONLY))
def test_a_formatter_that_keeps_the_code_is_used(
    project: Path, run, tmp_path_factory: pytest.TempPathFactory, name: str
) -> None:
    command = formatter(tmp_path_factory.mktemp("fmt"), name, LAYOUT_ONLY[name])
    path = project / "facade_decorated.py"
    result = run("generate", "--formatter", command, str(path))
    assert result.status == 0, result.err
    text = path.read_text()
    assert {
        "single-quotes": "#   code within",
        "docstring-indent": '"""\n        Run a st',
    }[name] in text
    assert run("check", "--formatter", command, str(path)).status == 0
    assert run("generate", "--formatter", command, str(path)).status == 0
    assert path.read_text() == text
