"""The Docs CI page's examples (``docs/ci-examples/``): well-formed, and their commands work.

Each command of the GitHub workflow, the GitLab job and the tox sessions is
either an install step (not run: it needs the package index and installs into
the running environment) or run here, in a shell, on the sample library: it
must pass on the library as it is and fail on the library with a stale proxy
and a mistyped ``:paramref:``.  A wrong flag, a missing ``-W`` or a command
that checks nothing fails a test.
"""

from __future__ import annotations

import configparser
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import yaml
from packaging.requirements import Requirement

from tests.packaging.sample import ROOT, sample_project

EXAMPLES = ROOT / "docs" / "ci-examples"
WARNINGS_PAGE = ROOT / "docs" / "reference" / "warnings.rst"
CI_PAGE = ROOT / "docs" / "ci.rst"
#: Commands not run here: they install from the package index.
INSTALL = re.compile(r"python -m pip install ")
#: Commands run here, on the sample library.
RUNNABLE = re.compile(r"(proxydoc (check|lint)|python -m sphinx|sphinx-build) ")
SPHINX_OPTIONS = ("-W", "-n", "--keep-going")


def load_yaml(name: str) -> dict:
    return yaml.safe_load((EXAMPLES / name).read_text(encoding="utf-8"))


def github_commands() -> list[str]:
    workflow = load_yaml("github-docs.yml")
    assert {"push", "pull_request"} <= set(
        workflow[True]
    )  # YAML 1.1 reads `on` as True
    (job,) = workflow["jobs"].values()
    assert job["runs-on"]
    for step in job["steps"]:
        assert ("uses" in step) != ("run" in step), step
    runs = [step["run"] for step in job["steps"] if "run" in step]
    return [line for run in runs for line in run.splitlines() if line.strip()]


def gitlab_commands() -> list[str]:
    (job,) = load_yaml("gitlab-ci.yml").values()
    assert job["image"].startswith("python:")
    assert all(isinstance(line, str) for line in job["script"])
    return list(job["script"])


def tox_commands(envtmpdir: Path) -> list[str]:
    tox = configparser.ConfigParser(interpolation=None)
    tox.read_string((EXAMPLES / "tox.ini").read_text(encoding="utf-8"))
    envs = [e.strip() for e in tox["tox"]["env_list"].split(",")]
    assert sorted(s for s in tox.sections() if s.startswith("testenv:")) == sorted(
        f"testenv:{env}" for env in envs
    )
    lines = [
        line.strip()
        for env in envs
        for line in tox[f"testenv:{env}"]["commands"].splitlines()
        if line.strip()
    ]
    return [
        line.replace("{envtmpdir}", str(envtmpdir)).replace(" {posargs}", "")
        for line in lines
    ]


def commands(tmp_path: Path) -> dict[str, list[str]]:
    """Each example's commands, in order."""
    return {
        "github": github_commands(),
        "gitlab": gitlab_commands(),
        "tox": tox_commands(tmp_path / "toxtmp"),
    }


def to_run(tmp_path: Path) -> list[str]:
    """The distinct commands the examples run, installs apart; each classified."""
    found: list[str] = []
    for example, lines in commands(tmp_path).items():
        runnable = [line for line in lines if RUNNABLE.match(line)]
        others = [line for line in lines if line not in runnable]
        assert all(INSTALL.match(line) for line in others), (example, others)
        # Every example runs all three: check, lint and the build.
        assert [line.split()[:2] for line in runnable if "proxydoc" in line] == [
            ["proxydoc", "check"],
            ["proxydoc", "lint"],
        ], example
        builds = [line for line in runnable if "sphinx" in line]
        assert len(builds) == 1, example
        assert set(SPHINX_OPTIONS) <= set(shlex.split(builds[0])), builds[0]
        found += [line for line in runnable if line not in found]
    return found


def run(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """*command* in a shell, with this interpreter's ``python`` first on PATH."""
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    return subprocess.run(
        ["bash", "-e", "-c", command],
        cwd=cwd,
        env={**os.environ, "PATH": path},
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_read_the_docs_config(tmp_path: Path) -> None:
    project = sample_project(tmp_path / "mylib")
    config = load_yaml("readthedocs.yaml")
    assert config["version"] == 2
    assert config["build"]["os"] and config["build"]["tools"]["python"]
    assert config["sphinx"]["fail_on_warning"] is True
    assert (project / config["sphinx"]["configuration"]).is_file()
    installs = config["python"]["install"]
    assert {"method": "pip", "path": "."} in installs
    assert {"requirements": "docs/requirements.txt"} in installs


def test_requirements_file() -> None:
    lines = (EXAMPLES / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# docs/requirements.txt"  # where the examples read it
    names = [Requirement(line).name for line in lines if not line.startswith("#")]
    assert "sphinx-proxydoc" in names
    for example in ("github", "gitlab"):
        installs = [
            line for line in commands(Path("unused"))[example] if INSTALL.match(line)
        ]
        assert installs == ["python -m pip install . -r docs/requirements.txt"], example
    tox = configparser.ConfigParser(interpolation=None)
    tox.read_string((EXAMPLES / "tox.ini").read_text(encoding="utf-8"))
    assert tox["testenv:docs"]["deps"] == "-r docs/requirements.txt"


def test_commands_pass_on_a_current_library(tmp_path: Path) -> None:
    project = sample_project(tmp_path / "mylib")
    for command in to_run(tmp_path):
        result = run(command, project)
        assert result.returncode == 0, f"{command}\n{result.stdout}{result.stderr}"


def test_commands_fail_on_a_broken_library(tmp_path: Path) -> None:
    """A target docstring changed after the proxies were generated, and a typo."""
    project = sample_project(tmp_path / "mylib")
    engine = project / "mylib" / "engine.py"
    engine.write_text(engine.read_text().replace("Open a connection.", "Connect."))
    session = project / "mylib" / "session.py"
    typo = ":paramref:`.Engine.connect.timout`"
    session.write_text(
        session.read_text().replace(":class:`.Engine`.", f":class:`.Engine`, {typo}.")
    )
    failures = {}
    for command in to_run(tmp_path):
        result = run(command, project)
        failures[command] = (result.returncode, result.stdout + result.stderr)
    for command, (status, output) in failures.items():
        assert status == 1, f"{command}: exit {status}\n{output}"
        if command.startswith("proxydoc check"):
            assert '-        """Open a connection.\n+        """Connect.' in output, (
                output
            )
        elif command.startswith("proxydoc lint"):
            assert "PXD001 :paramref:`.Engine.connect.timout`" in output, output
        else:
            assert "[proxydoc.paramref]" in output, output
            assert "[proxydoc.proxy-drift]" in output, output


def test_ci_page_names_every_warning_subtype() -> None:
    """The gating advice covers each subtype the warnings reference lists."""
    listed = re.findall(
        r"^``(proxydoc\.[\w-]+)``$", WARNINGS_PAGE.read_text(encoding="utf-8"), re.M
    )
    advised = re.findall(
        r"^``(proxydoc\.[\w-]+)``$", CI_PAGE.read_text(encoding="utf-8"), re.M
    )
    assert len(listed) >= 6
    assert advised == listed
