"""The diffs of ``check`` and ``generate --diff`` apply with ``git apply`` and
``patch -p1``, and applied they give what ``generate`` writes: for every line
ending (``\\n``, ``\\r\\n``, a lone ``\\r``, mixed), with and without a final
line break, the region far from, near or at the end of the file; in UTF-8
(with and without a BOM), latin-1 and cp1252, non-ASCII text in the lines the
diff shows, and the region at the top of the file so that its first line (its
BOM, its ``coding`` declaration) is in a hunk."""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TextIO

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import proxydoc
from proxydoc.cli import main

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None or shutil.which("patch") is None,
    reason="needs git and GNU patch",
)

#: A module whose facade is declared by its decorator: the region far from the top.
DECORATED = [
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
#: A facade declared in pyproject.toml (PROXIES), its region near the top.
TOP = [
    "class Facade:",
    '    """{text}"""',
    "    # START PROXY METHODS Facade",
]
HEADS = {"decorated": DECORATED, "top": TOP}
PROXIES = """\
[tool.proxydoc.proxies."facade_diff:Facade"]
target = "pxdsample.target:Engine"
methods = ["describe"]
"""
#: Non-ASCII text each encoding holds, and whether the file declares it with a
#: ``# -*- coding: ... -*-`` first line (a UTF-8 BOM is its own declaration).
ENCODINGS = {
    "utf-8": ("Déjà vu, ☃ façade", False),
    "utf-8-sig": ("Déjà vu, ☃ façade", False),
    "latin-1": ("Déjà vu, ± façade", True),
    "cp1252": ("Déjà vu, € façade", True),
}
#: What a stale region may hold, between its START and END lines.
STALE = {
    "empty": [],
    "stale": [
        "    def describe(self) -> int:",
        '        """{text}"""',
        "        return 1",
    ],
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


def run_proxydoc(folder: Path, *argv: str) -> tuple[int, bytes, str]:
    """``proxydoc ARGV`` in this process, in *folder*: status, stdout, stderr.

    Its standard output is a UTF-8 text stream over bytes, as a real one is.
    """
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    status, err = run_into(folder, out, *argv)
    out.flush()
    data = out.buffer.getvalue()  # type: ignore[attr-defined]
    return status, data, err


def run_into(folder: Path, out: TextIO, *argv: str) -> tuple[int, str]:
    """``proxydoc ARGV`` in *folder*, printing to *out*: status, stderr."""
    err = io.StringIO()
    config = str(folder / "pyproject.toml")
    with (
        contextlib.chdir(folder),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        status = main([*argv, "--config", config, "--no-progress", "facade_diff.py"])
    return status, err.getvalue()


def tool(folder: Path, *argv: str, diff: Path) -> subprocess.CompletedProcess[str]:
    """A patch tool run in *folder* on the diff file *diff*; its output as
    text (it may quote the file's lines, in the file's encoding)."""
    with diff.open("rb") as stdin:
        done = subprocess.run(
            argv, cwd=folder, stdin=stdin, capture_output=True, check=False, env=GIT_ENV
        )
    return subprocess.CompletedProcess(
        done.args,
        done.returncode,
        done.stdout.decode("utf-8", "backslashreplace"),
        done.stderr.decode("utf-8", "backslashreplace"),
    )


def project(folder: Path, original: bytes, config: str = "[tool.proxydoc]\n") -> Path:
    """A git repository in *folder* holding the facade's *original* bytes."""
    folder.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=folder, check=True, env=GIT_ENV)
    (folder / "pyproject.toml").write_text(config)
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
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    head=st.sampled_from(sorted(HEADS)),
    encoding=st.sampled_from(sorted(ENCODINGS)),
    stale=st.sampled_from(sorted(STALE)),
    tail=st.sampled_from(sorted(TAILS)),
    final_newline=st.booleans(),
    data=st.data(),
)
def test_the_diff_applies_and_gives_what_generate_writes(
    samples_on_path: Path,
    head: str,
    encoding: str,
    stale: str,
    tail: str,
    final_newline: bool,
    data,
) -> None:
    size = len(facade_lines(head, encoding, stale, tail))
    endings = data.draw(st.lists(ENDING, min_size=size, max_size=size), label="endings")
    if not final_newline:
        endings[-1] = ""
    assert_the_diff_applies(head, encoding, stale, tail, endings)


@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
@pytest.mark.parametrize("head", sorted(HEADS))
def test_each_encoding_at_the_top_and_far_from_it(
    samples_on_path: Path, head: str, encoding: str
) -> None:
    size = len(facade_lines(head, encoding, "stale", "near-end"))
    assert_the_diff_applies(head, encoding, "stale", "near-end", ["\n"] * size)


def facade_lines(head: str, encoding: str, stale: str, tail: str) -> list[str]:
    """The facade's lines, without their line breaks."""
    text, declared = ENCODINGS[encoding]
    coding = [f"# -*- coding: {encoding} -*-"] if declared else []
    lines = [*coding, *HEADS[head], *STALE[stale], END, *TAILS[tail]]
    return [line.replace("{text}", text) for line in lines]


def assert_the_diff_applies(
    head: str, encoding: str, stale: str, tail: str, endings: list[str]
) -> None:
    """``check``'s diff applies and gives what ``generate`` writes."""
    text, declared = ENCODINGS[encoding]
    lines = facade_lines(head, encoding, stale, tail)
    if declared and endings[0] == "\r":  # a lone CR hides the declaration
        endings[0] = "\r\n"  # from Python's tokenize (proxydoc: cannot read)
    original = "".join(a + b for a, b in zip(lines, endings, strict=True))
    original_bytes = original.encode(encoding)
    config = PROXIES if head == "top" else "[tool.proxydoc]\n"
    with tempfile.TemporaryDirectory() as temp:
        folder = project(Path(temp) / "repo", original_bytes, config)
        checked, diff_data, err = run_proxydoc(folder, "check")
        shown, generate_diff, _ = run_proxydoc(folder, "generate", "--diff")
        assert (checked, shown) == (1, 0), err
        assert generate_diff == diff_data
        assert (folder / "facade_diff.py").read_bytes() == original_bytes
        if head == "top" and encoding == "utf-8-sig":  # the BOM's line in a hunk
            assert re.search(rb"\n[ -]\xef\xbb\xbfclass Facade:", diff_data)
        if head == "top" or stale == "stale":  # the non-ASCII text is shown
            assert f"{text}".encode(encoding.replace("-sig", "")) in diff_data
        # A stream without a buffer (StringIO) gets the same diff as text.
        as_text = io.StringIO()
        assert run_into(folder, as_text, "check")[0] == 1
        decoded = diff_data.decode(encoding.replace("-sig", "")).replace("\ufeff", "")
        assert as_text.getvalue() == decoded
        diff = Path(temp) / "facade.diff"
        diff.write_bytes(diff_data)
        made = applies(folder, diff)
        assert run_proxydoc(folder, "generate")[0] == 0
        written = (folder / "facade_diff.py").read_bytes()
        assert written != original_bytes
        assert made == {"git": written, "patch": written}


def test_the_diff_is_the_files_bytes_whatever_stdout_encodes(
    samples_on_path: Path, tmp_path: Path
) -> None:
    # An ASCII stdout could not print latin-1 text: the diff goes as bytes.
    lines = facade_lines("top", "latin-1", "empty", "at-end")
    original = "".join(f"{line}\n" for line in lines).encode("latin-1")
    folder = project(tmp_path / "repo", original, PROXIES)
    ext = Path(proxydoc.__file__).parents[1]
    env = {
        **os.environ,
        "PYTHONIOENCODING": "ascii",
        "PYTHONPATH": os.pathsep.join([str(ext), str(samples_on_path)]),
    }
    done = subprocess.run(
        [sys.executable, "-m", "proxydoc", "check", "--no-progress", "facade_diff.py"],
        cwd=folder,
        capture_output=True,
        check=False,
        env=env,
    )
    assert done.returncode == 1, done.stderr
    assert ENCODINGS["latin-1"][0].encode("latin-1") in done.stdout
    diff = tmp_path / "facade.diff"
    diff.write_bytes(done.stdout)
    made = applies(folder, diff)
    assert run_proxydoc(folder, "generate")[0] == 0
    written = (folder / "facade_diff.py").read_bytes()
    assert written != original
    assert made == {"git": written, "patch": written}
