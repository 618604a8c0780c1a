"""``proxydoc lint``: :paramref: targets checked against real signatures."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest


@pytest.fixture
def lint_project(project: Path) -> Path:
    shutil.copy(Path(__file__).parent / "samples" / "lint_sample.py", project)
    (project / "pyproject.toml").write_text(
        '[tool.proxydoc]\nmodule_prefixes = {_t = "pxdsample.target"}\n'
    )
    return project


def test_findings_with_codes_and_lines(lint_project: Path, run) -> None:
    result = run("lint", "lint_sample.py")
    assert result.status == 1
    lines = result.out.splitlines()
    assert lines == [
        "lint_sample.py:13: PXD001 :paramref:`gamma` names no parameter 'gamma' "
        "of helper",
        "lint_sample.py:19: PXD001 :paramref:`_t.Engine.run.nope` names no parameter "
        "'nope' of pxdsample.target.Engine.run",
        "lint_sample.py:25: PXD002 :paramref:`pxdsample.nowhere.f.x`: "
        "target not found: pxdsample.nowhere.f",
        "lint_sample.py:26: PXD003 :paramref:`pxdsample.target.Engine.closed.x`: "
        "target has no signature: pxdsample.target.Engine.closed",
    ]
    assert "1 files, 4 problems" in result.err


def test_strict_reports_unresolvable_relative_targets(lint_project: Path, run) -> None:
    result = run("lint", "--strict", "lint_sample.py")
    assert result.status == 1
    assert (
        "lint_sample.py:26: PXD005 :paramref:`.Unknown.f.x`: relative target "
        "cannot be resolved without Sphinx" in result.out
    )


def test_bare_name_at_module_level(lint_project: Path, run) -> None:
    path = lint_project / "bare.py"
    path.write_text('"""See :paramref:`x`."""\n')
    result = run("lint", str(path))
    assert result.status == 1
    assert result.out.startswith("bare.py:1: PXD004 ")


def test_clean_file_exits_0(lint_project: Path, run) -> None:
    path = lint_project / "clean.py"
    path.write_text('def f(a):\n    """Takes :paramref:`a`."""\n')
    assert run("lint", str(path)).status == 0


def test_unparseable_file_exits_2(lint_project: Path, run) -> None:
    path = lint_project / "broken.py"
    path.write_text('def f(:\n    """:paramref:`a`"""\n')
    result = run("lint", str(path))
    assert result.status == 2
    assert "broken.py:1: cannot parse" in result.err
