"""``proxydoc lint``: :paramref: targets checked against real signatures."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLES = Path(__file__).parent / "samples"


@pytest.fixture
def lint_project(project: Path) -> Path:
    shutil.copy(SAMPLES / "lint_sample.py", project)
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


@pytest.fixture
def keyword_target(lint_project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``pxd_kwtarget.connect(**kw)``: its keywords documented, not in its signature."""
    (lint_project / "pxd_kwtarget.py").write_text(
        "def connect(url, **kw):\n"
        '    """Connect.\n\n'
        "    :keyword echo: log statements\n"
        "    :parameter int timeout: seconds\n"
        "    :kwarg \\\\*pool: pool settings\n"
        '    """\n'
    )
    yield lint_project
    monkeypatch.delitem(sys.modules, "pxd_kwtarget", raising=False)


def test_every_parameter_field_documents_a_parameter(keyword_target: Path, run) -> None:
    """The fields the extension reads (``:keyword x:``, ``:parameter int x:``) count."""
    path = keyword_target / "uses.py"
    path.write_text(
        '"""See :paramref:`pxd_kwtarget.connect.echo`,\n'
        ":paramref:`pxd_kwtarget.connect.timeout`, "
        ":paramref:`pxd_kwtarget.connect.pool` and\n"
        ':paramref:`pxd_kwtarget.connect.nope`."""\n'
    )
    result = run("lint", str(path))
    assert result.out.splitlines() == [
        "uses.py:3: PXD001 :paramref:`pxd_kwtarget.connect.nope` names no "
        "parameter 'nope' of pxd_kwtarget.connect"
    ]


def test_canonical_targets_name_the_owner(keyword_target: Path, run) -> None:
    """``Owner.params.name``, the form anchors use, is read as ``Owner.name``."""
    path = keyword_target / "canonical.py"
    path.write_text(
        '"""See :paramref:`pxd_kwtarget.connect.params.url` and\n'
        ':paramref:`~pxd_kwtarget.connect.params.nope`."""\n'
    )
    result = run("lint", str(path))
    assert result.out.splitlines() == [
        "canonical.py:2: PXD001 :paramref:`~pxd_kwtarget.connect.params.nope` "
        "names no parameter 'nope' of pxd_kwtarget.connect"
    ]


def test_lint_loads_neither_sphinx_nor_docutils(lint_project: Path) -> None:
    """In a fresh interpreter: ``proxydoc lint`` reads text, it builds nothing."""
    code = (
        "import sys\n"
        "from proxydoc.cli import main\n"
        "status = main(['lint', 'lint_sample.py'])\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('sphinx', 'docutils')))\n"
        "print(status, loaded, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=lint_project,
        env={**os.environ, "PYTHONPATH": str(SAMPLES)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stderr.splitlines()[-1] == "1 []"
    assert "PXD001" in done.stdout  # it did check the file
