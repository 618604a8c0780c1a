"""Chained facades: a facade whose target is itself a facade regenerated in the run."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from cli_helpers import run_proxydoc

DECORATOR = """\
def create_proxy_methods(*args, **kwargs):
    return lambda cls: cls
"""

ENGINE = '''\
class Engine:
    def run(self, sql: str, *, timeout: float = 1.0) -> int:
        """Run *sql*."""
        return 1

    def close(self) -> None:
        """Close it."""
'''

#: Session proxies Engine; Scoped proxies Session, including Session's proxies.
SESSION = '''\
from chainpkg.engine import Engine
from chainpkg.util import create_proxy_methods


@create_proxy_methods(Engine, ":class:`.Engine`", ":class:`.Session`",
                      methods=["run", "close"])
class Session:
    _proxied: Engine

    def own(self) -> str:
        """Session's own method."""
        return "own"

    # START PROXY METHODS Session
    # END PROXY METHODS Session
'''

SCOPED = """\
from chainpkg.session import Session
from chainpkg.util import create_proxy_methods


@create_proxy_methods(Session, ":class:`.Session`", ":class:`.Scoped`",
                      methods=["own", "run", "close"])
class Scoped:
    _proxied: Session

    # START PROXY METHODS Scoped
    # END PROXY METHODS Scoped
"""


def make_chain(root: Path) -> list[str]:
    """The package, with both regions empty; its facade files, scoped one first."""
    package = root / "chainpkg"
    package.mkdir()
    files = {
        "__init__.py": "",
        "util.py": DECORATOR,
        "engine.py": ENGINE,
        "session.py": SESSION,
        "scoped.py": SCOPED,
    }
    for name, text in files.items():
        (package / name).write_text(text, encoding="utf-8")
    (root / "pyproject.toml").write_text('[tool.proxydoc]\nimport_paths = ["."]\n')
    # listed with the dependent first: the order given must not matter
    return ["chainpkg/scoped.py", "chainpkg/session.py"]


def proxydoc(root: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """``python -m proxydoc ARGV --no-progress`` in a fresh interpreter, in *root*."""
    return run_proxydoc(root, *argv, "--no-progress")


def test_one_generate_fills_a_chain(tmp_path: Path) -> None:
    files = make_chain(tmp_path)
    done = proxydoc(tmp_path, "generate", *files)
    assert done.returncode == 0, done.stderr
    assert "run 'proxydoc generate' again" not in done.stderr
    scoped = (tmp_path / "chainpkg" / "scoped.py").read_text(encoding="utf-8")
    for name in ("own", "run", "close"):
        assert f"    def {name}(self" in scoped
    assert "def run(self, sql: str, *, timeout: float = 1.0) -> int:" in scoped
    # the regenerated files import and work together
    code = textwrap.dedent(
        """
        from chainpkg.engine import Engine
        from chainpkg.session import Session
        from chainpkg.scoped import Scoped
        s = Session(); s._proxied = Engine()
        c = Scoped(); c._proxied = s
        print(c.run("x", timeout=2.0), c.own())
        """
    )
    ran = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True
    )
    assert ran.stdout.split() == ["1", "own"], ran.stderr
    again = proxydoc(tmp_path, "check", *files)
    assert again.returncode == 0, again.stdout + again.stderr


@pytest.mark.parametrize("quiet", [False, True])
def test_check_on_an_emptied_chain_says_stale(tmp_path: Path, quiet: bool) -> None:
    files = make_chain(tmp_path)
    before = {f: (tmp_path / f).read_bytes() for f in files}
    done = proxydoc(tmp_path, "check", *(["-q"] if quiet else []), *files)
    assert done.returncode == 1, done.stderr
    assert "2 files, 2 stale, 0 with errors" in done.stderr
    if not quiet:
        assert "+    def own(self)" in done.stdout  # the scoped region's diff
    assert {f: (tmp_path / f).read_bytes() for f in files} == before


def test_the_collector_settings_are_restored_after_a_run(tmp_path: Path) -> None:
    """main() raises the collector's thresholds for its run only (in-process use)."""
    import gc

    from proxydoc.cli import main

    files = make_chain(tmp_path)
    before = gc.get_threshold()
    assert main(["lint", "--no-progress", *(str(tmp_path / f) for f in files)]) == 0
    assert gc.get_threshold() == before
