"""The pre-commit hooks, installed and run by pre-commit itself on a sample project.

pre-commit builds each hook's environment with pip from the package index:
the tests that run it are marked ``slow``.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from pre_commit.clientlib import load_manifest

from proxydoc.cli._cli import build_parser
from tests.packaging.sample import (
    GIT_ENV,
    ROOT,
    checkout_copy,
    commit_all,
    git,
    sample_project,
)

MANIFEST = ROOT / ".pre-commit-hooks.yaml"
#: The ``.pre-commit-config.yaml`` the Docs CI page shows.
EXAMPLE_CONFIG = ROOT / "docs" / "ci-examples" / "pre-commit-config.yaml"
TYPO = ":paramref:`.Engine.connect.timout`"


def test_manifest_is_valid() -> None:
    """Plain YAML, pre-commit's own schema, and entries proxydoc accepts."""
    hooks = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    assert [hook["id"] for hook in hooks] == ["proxydoc-check", "proxydoc-lint"]
    assert hooks[1]["name"] == "proxydoc lint (:paramref: names real parameters)"
    load_manifest(str(MANIFEST))  # raises InvalidManifestError
    check, lint = hooks
    assert check["entry"] == "proxydoc check --no-progress"
    assert check["pass_filenames"] is False  # check reads its config's paths
    assert check["types_or"] == ["python", "pyi", "toml"]
    assert lint["entry"] == "proxydoc lint --no-progress"
    assert lint["types"] == ["python"]
    assert "pass_filenames" not in lint  # lint checks the files pre-commit names
    for hook in hooks:
        command, *argv = shlex.split(hook["entry"])
        assert command == "proxydoc"
        build_parser().parse_args(argv)  # an unknown option exits


def pre_commit(
    project: Path, *argv: str, home: Path
) -> subprocess.CompletedProcess[str]:
    """``pre-commit ARGV`` in *project*, with its own store of environments."""
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *argv, "--all-files", "--color=never"],
        cwd=project,
        env={**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(home)},
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def verdicts(output: str) -> dict[str, str]:
    """Each hook's name and its ``Passed`` / ``Failed`` line of pre-commit's report."""
    found = re.findall(r"^(proxydoc \w+) .*?\.{3,}(Passed|Failed)$", output, re.M)
    return dict(found)


@pytest.fixture(scope="module")
def hooks_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This checkout, changes included, as the repository pre-commit installs from."""
    return checkout_copy(tmp_path_factory.mktemp("proxydoc-repo"))


@pytest.mark.slow
def test_try_repo(tmp_path: Path, hooks_repo: Path) -> None:
    """check passes on current proxies; lint fails on a planted typo, naming it."""
    project = sample_project(tmp_path / "mylib")
    session = project / "mylib" / "session.py"
    text = session.read_text()
    session.write_text(text.replace(":class:`.Engine`.", f":class:`.Engine`, {TYPO}."))
    assert TYPO in session.read_text()
    commit_all(project)
    result = pre_commit(project, "try-repo", str(hooks_repo), home=tmp_path / "pc")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert verdicts(output) == {"proxydoc check": "Passed", "proxydoc lint": "Failed"}
    assert (
        "mylib/session.py:9: PXD001 :paramref:`.Engine.connect.timout` names no "
        "parameter 'timout' of mylib.engine.Engine.connect" in output
    )
    assert "proxydoc lint: 4 files, 1 problems, 0 with errors" in output


@pytest.mark.slow
def test_example_config(tmp_path: Path, hooks_repo: Path) -> None:
    """The docs' ``.pre-commit-config.yaml``: a target importing PyYAML passes both.

    Without ``additional_dependencies`` proxydoc-check fails here with
    ``ModuleNotFoundError: No module named 'yaml'``.
    """
    project = sample_project(tmp_path / "mylib", third_party=True)
    config = yaml.safe_load(EXAMPLE_CONFIG.read_text(encoding="utf-8"))
    (entry,) = config["repos"]
    assert entry["repo"] == "https://github.com/proxydoc/proxydoc"
    entry.update(repo=str(hooks_repo), rev=git(hooks_repo, "rev-parse", "HEAD").strip())
    (project / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config))
    commit_all(project)
    result = pre_commit(project, "run", home=tmp_path / "pc")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert verdicts(output) == {"proxydoc check": "Passed", "proxydoc lint": "Passed"}
    # The two hooks share one environment: one install.
    assert output.count("Installing environment") == 1, output
