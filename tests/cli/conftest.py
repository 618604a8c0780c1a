"""Fixtures for the ``proxydoc`` command tests: sample packages and a runner."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

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
