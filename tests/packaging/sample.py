"""A small library with a facade, as a user's repository, and a copy of this checkout."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

#: The checkout the tests run from.
ROOT = Path(__file__).resolve().parents[2]

#: Who commits in the repositories the tests make (CI has no git identity).
GIT_ENV = {
    "GIT_AUTHOR_NAME": "proxydoc tests",
    "GIT_AUTHOR_EMAIL": "tests@proxydoc.invalid",
    "GIT_COMMITTER_NAME": "proxydoc tests",
    "GIT_COMMITTER_EMAIL": "tests@proxydoc.invalid",
}

_PYPROJECT = """\
[project]
name = "mylib"
version = "1.0"

[tool.proxydoc]
paths = ["mylib"]
import_paths = ["."]  # where `mylib` imports from

[tool.proxydoc.proxies."mylib.session:Session"]
target = "mylib.engine:Engine"
methods = ["connect"]
"""

_ENGINE = '''\
"""The engine: what a session proxies."""

from __future__ import annotations
{imports}

class Engine:
    """Runs statements."""

    def connect(self, timeout: float = 1.0, retries: int = 0) -> str:
        """Open a connection.

        :param timeout: seconds to wait for the server.
        :param retries: how often to try again after
         :paramref:`.Engine.connect.timeout` seconds.
        """
        return f"connected within {{timeout}} s, {{retries}} retries"
'''

_SESSION = '''\
"""The facade: a session proxies its engine's methods."""

from __future__ import annotations

from mylib.engine import Engine


class Session:
    """Talks to an :class:`.Engine`."""

    def __init__(self, engine: Engine) -> None:
        self._proxied = engine

    # START PROXY METHODS Session
    # END PROXY METHODS Session
'''

_CONF = """\
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))
project = "mylib"
extensions = ["sphinx.ext.autodoc", "proxydoc"]
"""

_INDEX = """\
mylib
=====

.. automodule:: mylib.engine
   :members:

.. automodule:: mylib.session
   :members:

Connect with :paramref:`.Engine.connect.timeout`.
"""


def git(repo: Path, *args: str) -> str:
    """Run ``git ARGS`` in *repo*; its standard output."""
    return subprocess.run(
        ["git", *args],
        cwd=repo,
        env={**os.environ, **GIT_ENV},
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def commit_all(repo: Path) -> str:
    """Commit every file of *repo* (made a repository first if it is not); the sha."""
    if not (repo / ".git").exists():
        git(repo, "init", "--quiet")
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "--no-gpg-sign", "--allow-empty", "-m", "tree")
    return git(repo, "rev-parse", "HEAD").strip()


def checkout_copy(destination: Path) -> Path:
    """This checkout's working tree (changes not committed included) as a new repository.

    Exactly the files git knows or would add: what a clone with these
    changes committed would hold, and no virtual environments or builds.
    """
    listed = git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():  # a file deleted but not yet committed is not
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)
    commit_all(destination)
    return destination


def sample_project(destination: Path, *, third_party: bool = False) -> Path:
    """A library whose ``Session`` proxies ``Engine.connect``, proxies current.

    With *third_party*, ``mylib.engine`` imports PyYAML, as a real target
    imports its dependencies.  ``docs/`` documents both classes.
    """
    package = destination / "mylib"
    package.mkdir(parents=True)
    (destination / "pyproject.toml").write_text(_PYPROJECT)
    (package / "__init__.py").write_text('"""A library with a facade."""\n')
    imports = "\nimport yaml  # a third-party import: the hooks need it\n"
    (package / "engine.py").write_text(
        _ENGINE.format(imports=imports if third_party else "")
    )
    (package / "session.py").write_text(_SESSION)
    (destination / "docs").mkdir()
    (destination / "docs" / "conf.py").write_text(_CONF)
    (destination / "docs" / "index.rst").write_text(_INDEX)
    generated = subprocess.run(
        [sys.executable, "-m", "proxydoc", "generate", "--no-progress"],
        cwd=destination,
        capture_output=True,
        text=True,
        check=False,
    )
    assert generated.returncode == 0, generated.stderr
    assert "def connect(" in (package / "session.py").read_text()
    return destination
