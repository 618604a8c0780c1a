"""``proxydoc lint`` gives the build's "did you mean", and reads starred targets."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from tests.helpers import ROOTS

STARRED = ROOTS / "test-params-starred"


@pytest.fixture
def starred_project(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The package of the starred test root, in the lint project."""
    shutil.copytree(STARRED / "pd_starred", project / "pd_starred")
    (project / "pyproject.toml").write_text(
        '[tool.proxydoc]\nmodule_prefixes = {_st = "pd_starred.api"}\n'
    )
    yield project
    for name in [m for m in sys.modules if m.split(".")[0] == "pd_starred"]:
        monkeypatch.delitem(sys.modules, name)


def test_a_close_name_is_suggested(starred_project: Path, run) -> None:
    path = starred_project / "uses.py"
    path.write_text(
        '"""See :paramref:`pd_starred.api.fetch.timout`,\n'
        ":paramref:`_st.Client.send.optoins` and\n"
        ':paramref:`pd_starred.api.fetch.nothing_like_it`."""\n\n\n'
        "def g(retries, delay):\n"
        '    """Bare: :paramref:`retry`."""\n'
    )
    result = run("lint", "--no-progress", str(path))
    assert result.out.splitlines() == [
        "uses.py:1: PXD001 :paramref:`pd_starred.api.fetch.timout` names no "
        "parameter 'timout' of pd_starred.api.fetch; did you mean 'timeout'?",
        "uses.py:2: PXD001 :paramref:`_st.Client.send.optoins` names no "
        "parameter 'optoins' of pd_starred.api.Client.send; did you mean 'options'?",
        "uses.py:3: PXD001 :paramref:`pd_starred.api.fetch.nothing_like_it` names "
        "no parameter 'nothing_like_it' of pd_starred.api.fetch",
        "uses.py:7: PXD001 :paramref:`retry` names no parameter 'retry' of g; "
        "did you mean 'retries'?",
    ]


def test_starred_targets(starred_project: Path, run) -> None:
    """Stars are how a parameter is passed: ``f.**kw`` names ``kw``, as in the build."""
    path = starred_project / "starred.py"
    path.write_text(
        '"""See :paramref:`pd_starred.api.fetch.**kw`,\n'
        ":paramref:`_st.fetch.*args`, :paramref:`~pd_starred.api.fetch.**kw`,\n"
        ":paramref:`options <pd_starred.api.fetch.\\\\*\\\\*kw>`,\n"
        ":paramref:`pd_starred.api.Client.send.**options` and\n"
        ':paramref:`pd_starred.api.fetch.**kws`."""\n\n\n'
        "def g(*parts, **options):\n"
        '    """Bare: :paramref:`*parts`, :paramref:`**options`."""\n'
    )
    result = run("lint", "--no-progress", str(path))
    assert result.out.splitlines() == [
        "starred.py:5: PXD001 :paramref:`pd_starred.api.fetch.**kws` names no "
        "parameter '**kws' of pd_starred.api.fetch; did you mean '**kw'?",
    ]
