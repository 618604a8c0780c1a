"""Importing a target isolates its effects: an exit or any exception it raises is
an error for that file (exit 2, ``file:line``), what it prints is never shown;
a Ctrl-C still stops the run. Run as ``python -m proxydoc``, as users do."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from cli_helpers import ping_facade, ping_target, run_proxydoc

DECLARATION_LINE = 5


def make_facade(folder: Path, name: str, prelude: str = "") -> Path:
    """*name*.py proxying ``Target.ping`` of pxdsafe_<name>, which runs *prelude*."""
    module = f"pxdsafe_{name}"
    (folder / f"{module}.py").write_text(ping_target(prelude=prelude))
    path = folder / f"{name}.py"
    path.write_text(ping_facade(module))
    return path


def proxydoc(folder: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    (folder / "pyproject.toml").write_text("[tool.proxydoc]\n")
    samples = Path(__file__).parent / "samples"
    return run_proxydoc(folder, *argv, pythonpath=[samples, folder], timeout=60)


ENDINGS = {
    "exit-0": ("import sys\nsys.exit(0)", "SystemExit"),
    "exit-text": ("import sys\nsys.exit('bye')", "SystemExit"),
    "base-exception": (
        "class Stop(BaseException):\n    pass\n\nraise Stop('halt')",
        "Stop",
    ),
    "generator-exit": ("raise GeneratorExit", "GeneratorExit"),
}


@pytest.mark.parametrize("command", ["check", "generate"])
@pytest.mark.parametrize("ending", sorted(ENDINGS))
def test_a_target_that_ends_the_run_is_an_error_for_its_file(
    tmp_path: Path, command: str, ending: str
) -> None:
    prelude, name = ENDINGS[ending]
    bad = make_facade(tmp_path, "bad", prelude)
    good = make_facade(tmp_path, "good")
    before = bad.read_bytes()
    done = proxydoc(tmp_path, command, "bad.py", "good.py")
    assert done.returncode == 2, done.stderr
    assert f"bad.py:{DECLARATION_LINE}: " in done.stderr
    assert "pxdsafe_bad" in done.stderr and name in done.stderr
    assert "Traceback" not in done.stderr
    assert bad.read_bytes() == before
    if command == "check":
        assert "+++ b/good.py" in done.stdout  # the other file is still checked
    else:
        assert "def ping(" in good.read_text()


PRINTS = (
    "import os, sys\n"
    "print('NOISE printed')\n"
    "sys.stderr.write('NOISE on stderr\\n')\n"
    "sys.__stdout__.write('NOISE on the real stdout\\n')\n"
    "os.write(1, b'NOISE on fd 1\\n')\n"
    "os.write(2, b'NOISE on fd 2\\n')"
)


@pytest.mark.parametrize(
    "argv", [["check"], ["generate", "--diff"], ["generate"]], ids=" ".join
)
def test_what_a_target_prints_is_never_shown(tmp_path: Path, argv: list[str]) -> None:
    make_facade(tmp_path, "loud", PRINTS)
    done = proxydoc(tmp_path, *argv, "loud.py")
    assert done.returncode in {0, 1}, done.stderr
    assert "NOISE" not in done.stdout and "NOISE" not in done.stderr
    if argv != ["generate"]:
        assert done.stdout.startswith("--- a/loud.py\n+++ b/loud.py\n")


def test_ctrl_c_still_stops_the_run(tmp_path: Path) -> None:
    bad = make_facade(tmp_path, "bad", "raise KeyboardInterrupt")
    good = make_facade(tmp_path, "good")
    before = bad.read_bytes(), good.read_bytes()
    done = proxydoc(tmp_path, "generate", "bad.py", "good.py")
    assert done.returncode == 130
    assert "interrupted" in done.stderr and "Traceback" not in done.stderr
    assert (bad.read_bytes(), good.read_bytes()) == before
