"""The command itself: help, entry points, file discovery and the progress line."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from proxydoc import __version__
from proxydoc.cli import main
from proxydoc.cli._cli import Progress, iter_python_files

REPO = Path(__file__).parents[2]


@pytest.mark.parametrize("command", ["generate", "check", "lint"])
def test_each_subcommand_has_help(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: proxydoc {command} ")
    assert "--config" in out and "PATH" in out


def test_version_and_bare_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out == f"proxydoc {__version__}\n"
    assert main([]) == 0
    assert "generate" in capsys.readouterr().out


def test_unknown_path_exits_2(project: Path, run) -> None:
    result = run("check", "missing.py")
    assert result.status == 2
    assert "missing.py: no such file or folder" in result.err


@pytest.mark.parametrize("module", ["proxydoc", "proxydoc.cli"])
def test_python_dash_m(project: Path, samples_on_path: Path, module: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", module, "check", "facade_decorated.py"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env=_env(samples_on_path),
    )
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith("--- a/facade_decorated.py")


def test_console_script_is_declared() -> None:
    text = (REPO / "pyproject.toml").read_text()
    assert 'proxydoc = "proxydoc.cli:main"' in text


def test_files_are_found_in_stable_order(tmp_path: Path) -> None:
    for name in ("b.py", "a/c.py", "a/d.txt", ".hidden/e.py", "__pycache__/f.py"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_python_files([tmp_path])]
    assert found == ["a/c.py", "b.py"]


def test_progress_line_on_large_trees(project: Path, run) -> None:
    (project / "facade_config.py").unlink()
    for index in range(61):
        (project / f"m{index:02}.py").write_text("x = 1\n")
    result = run("check")
    assert result.status == 1  # facade_decorated.py is stale
    assert "proxydoc: 6/62 files\n" in result.err
    assert "proxydoc: 62/62 files\n" in result.err
    assert "proxydoc: " not in run("check", "--no-progress").err.replace(
        "proxydoc check:", ""
    )


def test_progress_rewrites_one_line_on_a_terminal() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    progress = Progress(100, True, stream)
    progress.update(1, "a.py")
    progress.update(2, "b.py")
    progress.finish()
    assert stream.getvalue().count("\r") == 3
    assert "[2/100] b.py" in stream.getvalue()
    quiet = Terminal()
    small = Progress(3, True, quiet)
    small.update(1, "a.py")
    assert quiet.getvalue() == ""


def test_default_paths_from_config(project: Path, run) -> None:
    sub = project / "pkg"
    sub.mkdir()
    shutil.move(str(project / "facade_decorated.py"), sub)
    (project / "pyproject.toml").write_text("[tool.proxydoc]\npaths = ['pkg']\n")
    result = run("check")
    assert result.status == 1
    assert "+++ b/pkg/facade_decorated.py" in result.out


def _env(samples: Path) -> dict[str, str]:
    import os

    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(samples), env.get("PYTHONPATH", "")])
    return env
