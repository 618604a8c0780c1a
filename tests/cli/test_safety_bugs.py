"""No traceback escapes a subcommand: a bug in proxydoc is one line naming the file
and saying so, exit 2, nothing written for that file; the other files go on."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from proxydoc.cli import _cli, _generate, _lint

BUG = "this is a bug in proxydoc"


def _broken(*args: object, **kwargs: object) -> object:
    raise RuntimeError("boom")


def fail_on(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Make ``find_regions`` fail, as a bug would, for the file *name* only."""
    real = _generate.find_regions

    def find_regions(source: str, tree: object, path: str) -> object:
        if Path(path).name == name:
            raise RuntimeError("boom")
        return real(source, tree, path)  # type: ignore[arg-type]

    monkeypatch.setattr(_generate, "find_regions", find_regions)


@pytest.mark.parametrize("command", ["generate", "check"])
def test_a_bug_on_one_file_is_one_line_and_spares_the_others(
    project: Path, run, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    other = project / "facade_other.py"
    other.write_bytes((project / "facade_decorated.py").read_bytes())
    before = (project / "facade_decorated.py").read_bytes()
    fail_on(monkeypatch, "facade_decorated.py")
    result = run(command, "facade_decorated.py", "facade_other.py")
    assert result.status == 2
    lines = [line for line in result.err.splitlines() if BUG in line]
    assert lines == [
        "facade_decorated.py: RuntimeError: boom "
        "(this is a bug in proxydoc; please report it)"
    ]
    assert "Traceback" not in result.err
    assert (project / "facade_decorated.py").read_bytes() == before
    if command == "generate":
        assert "def run(" in other.read_text()
    else:
        assert "+++ b/facade_other.py" in result.out


def test_a_bug_while_writing_is_one_line(
    project: Path, run, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = project / "facade_decorated.py"
    before = path.read_bytes()
    monkeypatch.setattr(_generate.os, "chmod", _broken)
    result = run("generate", str(path))
    assert result.status == 2
    assert "facade_decorated.py: " in result.err and BUG in result.err
    assert "Traceback" not in result.err
    assert path.read_bytes() == before
    assert not [p.name for p in project.iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize("error", [RuntimeError("boom"), SystemExit(0)], ids=repr)
def test_a_bug_in_lint_names_the_file_being_read(
    project: Path, run, monkeypatch: pytest.MonkeyPatch, error: BaseException
) -> None:
    def run_lint(files: list[Path], config: object, *, strict: bool, progress):  # type: ignore[no-untyped-def]
        progress.update(1, "facade_decorated.py")
        raise error

    monkeypatch.setattr(_lint, "run_lint", run_lint)
    result = run("lint", "facade_decorated.py")
    assert result.status == 2
    assert result.err.count("\n") == 1
    assert result.err.startswith("facade_decorated.py: ") and BUG in result.err


def test_a_bug_outside_any_file_is_one_line(
    project: Path, run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_cli, "iter_python_files", _broken)
    for command in ("generate", "check", "lint"):
        result = run(command, ".")
        assert result.status == 2
        assert result.err.startswith("proxydoc: ") and BUG in result.err
        assert result.err.count("\n") == 1


def test_a_deep_tree_is_no_traceback(tmp_path: Path) -> None:
    """1,100 nested folders, a facade at the bottom: each subcommand answers."""
    folder = tmp_path
    for _ in range(1100):  # mkdir(parents=True) would recurse as deep
        folder = folder / "d"
        folder.mkdir()
    samples = Path(__file__).parent / "samples"
    facade = folder / "facade_deep.py"
    facade.write_bytes((samples / "facade_decorated.py").read_bytes())
    (tmp_path / "pyproject.toml").write_text("[tool.proxydoc]\n")
    env = dict(os.environ, PYTHONPATH=str(samples))
    expected = {"check": 1, "generate": 0, "lint": 0}
    try:
        for command in ("check", "generate", "lint"):
            done = subprocess.run(
                [sys.executable, "-m", "proxydoc", command, "--no-progress", "."],
                cwd=tmp_path,
                capture_output=True,
                text=True,
                check=False,
                env=env,
                timeout=120,
            )
            assert "Traceback" not in done.stderr
            assert done.returncode == expected[command], done.stderr
        assert "def run(" in facade.read_text()
    finally:
        remove_bottom_up(tmp_path / "d")


def remove_bottom_up(top: Path) -> None:
    """Remove a tree without recursion (pytest's own clean-up would recurse)."""
    deepest = top
    while (deepest / "d").is_dir():
        deepest = deepest / "d"
    while True:
        for child in deepest.iterdir():
            if child.is_dir() and not child.is_symlink():
                remove_bottom_up(child)  # only the few side folders Python makes
            else:
                child.unlink()
        deepest.rmdir()
        if deepest == top:
            return
        deepest = deepest.parent


def test_symlink_loops_are_paths_not_bugs(project: Path, run) -> None:
    (project / "loop_a").symlink_to("loop_b")
    (project / "loop_b").symlink_to("loop_a")
    assert _cli.display_path(project / "loop_a" / "x.py").endswith("x.py")
    result = run("check", "-I", "loop_a", "facade_decorated.py")
    assert result.status in {1, 2}, result.err  # 2 while cli._facades resolves roots
    assert "Traceback" not in result.err
