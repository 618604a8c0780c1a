"""Writing: through symlinks (the link kept), atomic, only on change, the mode
kept; a failure on one file never stops the others."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_helpers import ping_facade, ping_target

from proxydoc.cli import _generate


@pytest.fixture(autouse=True)
def _forget_targets() -> Iterator[None]:
    yield
    for name in [n for n in sys.modules if n.startswith("pxdsafe_")]:
        del sys.modules[name]


def make_facade(
    folder: Path,
    name: str,
    *,
    doc: str = "Answer.",
    encoding: str = "utf-8",
) -> Path:
    """A facade *name*.py proxying ``Target.ping`` of its own module pxdsafe_<name>."""
    module = f"pxdsafe_{name}"
    (folder / f"{module}.py").write_text(ping_target(doc=doc), encoding="utf-8")
    path = folder / f"{name}.py"
    path.write_text(ping_facade(module, encoding=encoding), encoding=encoding)
    return path


def test_a_symlinked_facade_is_written_through_the_link(project: Path, run) -> None:
    real_folder = project / "real"
    real_folder.mkdir()
    real = make_facade(real_folder, "linked")
    os.chmod(real, 0o640)
    (project / "pxdsafe_linked.py").write_text(ping_target())
    link = project / "link.py"
    link.symlink_to(Path("real") / "linked.py")
    chain = project / "chain.py"
    chain.symlink_to("link.py")
    result = run("generate", str(chain))
    assert result.status == 0, result.err
    assert chain.is_symlink() and os.readlink(chain) == "link.py"
    assert link.is_symlink() and os.readlink(link) == str(Path("real") / "linked.py")
    assert "def ping(self) -> str:" in real.read_text()
    assert real.stat().st_mode & 0o777 == 0o640
    leftovers = [p.name for p in (*project.iterdir(), *real_folder.iterdir())]
    assert not [name for name in leftovers if name.startswith(".")]
    inode = real.stat().st_ino
    assert run("generate", str(chain)).status == 0
    assert real.stat().st_ino == inode  # unchanged: not written again


def test_a_failed_write_spares_the_other_files(
    project: Path, run, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = make_facade(project, "first")
    second = make_facade(project, "second")
    before = first.read_bytes()
    real_replace = os.replace

    def replace(src: str, dst: str) -> None:
        if Path(dst).name == "first.py":
            raise PermissionError("read-only")
        real_replace(src, dst)

    monkeypatch.setattr(_generate.os, "replace", replace)
    result = run("generate", str(first), str(second))
    assert result.status == 2
    assert "first.py:1: cannot write: read-only" in result.err
    assert first.read_bytes() == before
    assert "def ping(" in second.read_text()
    assert not [p.name for p in project.iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize(
    ("breakage", "message"),
    [
        ("read", "cannot read"),
        ("parse", "cannot parse"),
        ("import", "unknown target"),
    ],
)
def test_a_failure_on_one_file_spares_the_others(
    project: Path, run, breakage: str, message: str
) -> None:
    broken = make_facade(project, "broken")
    good = make_facade(project, "good")
    if breakage == "read":
        broken.write_bytes(broken.read_bytes() + b"# \xff\xfe not utf-8\n")
    elif breakage == "parse":
        broken.write_text(broken.read_text() + "x = (\n")
    else:
        (project / "pxdsafe_broken.py").write_text("raise ValueError('no')\n")
    before = broken.read_bytes()
    result = run("generate", str(broken), str(good))
    assert result.status == 2
    assert "broken.py:" in result.err and message in result.err
    assert "Traceback" not in result.err
    assert broken.read_bytes() == before
    assert "def ping(" in good.read_text()


def test_a_docstring_the_encoding_lacks_is_escaped(project: Path, run) -> None:
    """A latin-1 facade whose target docstring holds an arrow latin-1 lacks."""
    narrow = make_facade(project, "narrow", doc="Go \u2192 there.", encoding="latin-1")
    wide = make_facade(project, "wide")
    result = run("generate", str(narrow), str(wide))
    assert result.status == 0, result.err
    assert "def ping(" in wide.read_text()
    text = narrow.read_bytes().decode("latin-1")
    assert "\\u2192" in text
    module = importlib.import_module("narrow")
    assert "Go \u2192 there." in module.Facade.ping.__doc__
    assert run("check", str(narrow)).status == 0


def test_code_the_encoding_lacks_is_refused(project: Path, run) -> None:
    """The header is code, not a docstring: refused with the place, nothing written."""
    narrow = make_facade(project, "narrow", encoding="latin-1")
    wide = make_facade(project, "wide")
    (project / "pyproject.toml").write_text(
        "[tool.proxydoc]\nheader = '# generated \u2192 do not edit'\n",
        encoding="utf-8",
    )
    before = narrow.read_bytes()
    result = run("generate", str(narrow), str(wide))
    assert result.status == 2
    assert "narrow.py:" in result.err and "Traceback" not in result.err
    assert narrow.read_bytes() == before
    assert "def ping(" in wide.read_text()
    assert run("check", str(narrow)).status == 2
