"""The diffs of ``check`` and ``generate --diff`` apply with ``git apply`` and
``patch -p1``, and applied they give what ``generate`` writes: for every line
ending (``\\n``, ``\\r\\n``, a lone ``\\r``, mixed), with and without a final
line break, the region far from, near or at the end of the file."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from proxydoc.cli import main

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None or shutil.which("patch") is None,
    reason="needs git and GNU patch",
)

HEAD = [
    '"""A facade."""',
    "from pxdsample.target import Engine",
    "from pxdsample.util import create_proxy_methods",
    "",
    "",
    "@create_proxy_methods(",
    '    Engine, ":class:`.Engine`", ":class:`.Facade`", methods=["describe"]',
    ")",
    "class Facade:",
    "    def __init__(self, engine: Engine) -> None:",
    "        self._proxied = engine",
    "",
    "    # START PROXY METHODS Facade",
]
#: What a stale region may hold, between its START and END lines.
STALE = {
    "empty": [],
    "stale": ["    def describe(self) -> int:", "        return 1"],
}
END = "    # END PROXY METHODS Facade"
#: What follows the END line: nothing (the region ends the file), or code.
TAILS = {
    "at-end": [],
    "near-end": ["", "    x = 1"],
    "far-from-end": [
        "",
        "    def after(self) -> str:",
        '        return "after"',
        "",
        "",
        "X = 1",
        "Y = 2",
    ],
}
#: Git with no user or system configuration (no autocrlf, no hooks).
GIT_ENV = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def run_proxydoc(folder: Path, *argv: str) -> tuple[int, str, str]:
    """``proxydoc ARGV`` in this process, in *folder*: status, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    config = str(folder / "pyproject.toml")
    with (
        contextlib.chdir(folder),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        status = main([*argv, "--config", config, "--no-progress", "facade_diff.py"])
    return status, out.getvalue(), err.getvalue()


def tool(folder: Path, *argv: str, diff: Path) -> subprocess.CompletedProcess[str]:
    """A patch tool run in *folder* on the diff file *diff*."""
    with diff.open("rb") as stdin:
        return subprocess.run(
            argv,
            cwd=folder,
            stdin=stdin,
            capture_output=True,
            text=True,
            check=False,
            env=GIT_ENV,
        )


def project(folder: Path, original: bytes) -> Path:
    """A git repository in *folder* holding the facade's *original* bytes."""
    folder.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=folder, check=True, env=GIT_ENV)
    (folder / "pyproject.toml").write_text("[tool.proxydoc]\n")
    (folder / "facade_diff.py").write_bytes(original)
    return folder


def applies(folder: Path, diff: Path) -> dict[str, bytes]:
    """What ``git apply`` and ``patch -p1`` make of the facade, each in a copy."""
    made = {}
    for name, check, apply in [
        ("git", ["git", "apply", "--check"], ["git", "apply"]),
        (
            "patch",
            ["patch", "-p1", "--dry-run", "--fuzz=0", "--batch"],
            ["patch", "-p1", "--fuzz=0", "--batch", "--no-backup-if-mismatch"],
        ),
    ]:
        copy = folder.with_name(f"{folder.name}-{name}")
        shutil.copytree(folder, copy)
        for argv in (check, apply):
            done = tool(copy, *argv, diff=diff)
            assert done.returncode == 0, f"{' '.join(argv)}: {done.stdout}{done.stderr}"
        made[name] = (copy / "facade_diff.py").read_bytes()
    return made


ENDING = st.sampled_from(["\n", "\r\n", "\r"])


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    stale=st.sampled_from(sorted(STALE)),
    tail=st.sampled_from(sorted(TAILS)),
    final_newline=st.booleans(),
    data=st.data(),
)
def test_the_diff_applies_and_gives_what_generate_writes(
    samples_on_path: Path, stale: str, tail: str, final_newline: bool, data
) -> None:
    lines = [*HEAD, *STALE[stale], END, *TAILS[tail]]
    endings = data.draw(
        st.lists(ENDING, min_size=len(lines), max_size=len(lines)), label="endings"
    )
    if not final_newline:
        endings[-1] = ""
    original = "".join(a + b for a, b in zip(lines, endings, strict=True)).encode()
    with tempfile.TemporaryDirectory() as temp:
        folder = project(Path(temp) / "repo", original)
        checked, diff_text, err = run_proxydoc(folder, "check")
        shown, generate_diff, _ = run_proxydoc(folder, "generate", "--diff")
        assert (checked, shown) == (1, 0), err
        assert generate_diff == diff_text
        assert (folder / "facade_diff.py").read_bytes() == original
        diff = Path(temp) / "facade.diff"
        diff.write_bytes(diff_text.encode())
        made = applies(folder, diff)
        assert run_proxydoc(folder, "generate")[0] == 0
        written = (folder / "facade_diff.py").read_bytes()
        assert written != original
        assert made == {"git": written, "patch": written}
