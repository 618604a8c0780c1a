"""Fixtures for the ``proxydoc`` command tests: sample packages and a runner."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from proxydoc.cli import main

SAMPLES = Path(__file__).parent / "samples"


@dataclass
class Run:
    """What one ``proxydoc`` invocation returned and printed."""

    status: int
    out: str
    err: str


@pytest.fixture
def samples_on_path(monkeypatch: pytest.MonkeyPatch) -> Path:
    """The sample target package importable as ``pxdsample``."""
    monkeypatch.syspath_prepend(str(SAMPLES))
    return SAMPLES


@pytest.fixture
def project(
    tmp_path: Path, samples_on_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """A project folder with copies of the sample facades, as the working folder."""
    for name in ("facade_decorated.py", "facade_config.py"):
        shutil.copy(samples_on_path / name, tmp_path / name)
    (tmp_path / "pyproject.toml").write_text("[tool.proxydoc]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    return tmp_path


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    """Call ``proxydoc`` in this process and capture its output."""

    def call(*argv: str) -> Run:
        status = main(list(argv))
        captured = capsys.readouterr()
        return Run(status, captured.out, captured.err)

    return call


@pytest.fixture(autouse=True)
def _forget_facade_modules() -> None:
    """Tests import freshly generated facades; drop them from sys.modules after."""
    yield
    for name in [n for n in sys.modules if n.startswith("facade_")]:
        del sys.modules[name]


@pytest.fixture(autouse=True)
def every_diff_applies(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every diff the command prints in a test applies, with ``git apply`` and
    with ``patch -p1``, to the file as it is on disk, and gives exactly what
    ``generate`` writes (the command prints a diff before writing anything).

    The diff is the one :func:`proxydoc.cli._cli.write_diff` prints, observed
    as it is printed: it still prints it.  Runs in a fresh interpreter
    (``python -m proxydoc``) are not seen here; tests/cli/test_diffs_apply.py
    runs the tools on those it makes.
    """
    from proxydoc.cli import _cli

    printed: list[tuple[bytes, bytes, bytes, str]] = []
    original = _cli.write_diff

    def observed(result: Any, stream: Any) -> None:
        on_disk = Path(result.path).read_bytes()
        printed.append(
            (_cli.diff_bytes(result), on_disk, result.new.encode(result.encoding),
             Path(result.display).as_posix())
        )  # fmt: skip
        original(result, stream)

    monkeypatch.setattr(_cli, "write_diff", observed)
    yield
    for diff, before, after, name in printed:
        assert_diff_applies(diff, before, after, name)


def assert_diff_applies(diff: bytes, before: bytes, after: bytes, name: str) -> None:
    """*diff* turns *before* into *after* by ``git apply`` and ``patch -p1``."""
    assert not name.startswith("/"), f"diff of {name} names a path git cannot apply"
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for tool in ("git", "patch"):
            work = root / tool
            target = work / name
            target.parent.mkdir(parents=True)
            target.write_bytes(before)
            if tool == "git":
                command = ["git", "apply", "--whitespace=nowarn", "-"]
            else:
                command = ["patch", "-p1", "--quiet", "--fuzz=0", "--batch"]
            done = subprocess.run(
                command, input=diff, cwd=work, capture_output=True, timeout=60
            )
            assert done.returncode == 0, (tool, name, done.stdout, done.stderr, diff)
            assert target.read_bytes() == after, (tool, name, diff)
