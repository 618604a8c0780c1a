"""Test roots, and readers for what a Sphinx build wrote: HTML, inventory, logs."""

from __future__ import annotations

import re
import shutil
import zlib
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup

#: Where the test projects live, one ``test-<name>`` folder each.
ROOTS = Path(__file__).parent / "roots"

_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def copy_root(name: str, destination: Path) -> Path:
    """A private copy of ``tests/roots/test-<name>`` at *destination*, to edit or build."""
    shutil.copytree(
        ROOTS / f"test-{name}",
        destination,
        ignore=shutil.ignore_patterns("_build", "__pycache__"),
    )
    return destination


def strip_ansi(text: str) -> str:
    """*text* without terminal colour codes."""
    return _ANSI.sub("", text)


def status_of(app: Any) -> str:
    """What a build logged as its progress, without colour codes."""
    return strip_ansi(app._status.getvalue())


def soup(app: Any, docname: str = "index") -> BeautifulSoup:
    """The parsed HTML page of *docname*."""
    path = Path(app.outdir) / f"{docname}.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def inventory(app: Any) -> dict[str, tuple[str, str, str]]:
    """objects.inv as ``{name: (domain:type, uri, dispname)}``, read as intersphinx does."""
    raw = (Path(app.outdir) / "objects.inv").read_bytes()
    header_end = 0
    for _ in range(4):
        header_end = raw.index(b"\n", header_end) + 1
    body = zlib.decompress(raw[header_end:]).decode()
    entries = {}
    for line in body.splitlines():
        m = re.match(r"(.+?)\s+(\S+:\S+)\s+(-?\d+)\s+(\S*)\s+(.*)", line)
        assert m, line
        name, typ, _prio, uri, disp = m.groups()
        uri = uri.replace("$", name) if uri.endswith("$") else uri
        entries[name] = (typ, uri, name if disp == "-" else disp)
    return entries


def warnings_of(warning: Any) -> list[str]:
    """Warning lines of a build, without colour codes."""
    text = strip_ansi(warning.getvalue())
    return [line for line in text.splitlines() if "WARNING" in line]


def paramref_links(page: BeautifulSoup) -> dict[str, str]:
    """Text of each resolved :paramref: link -> its href."""
    links = {}
    for code in page.select("a > code.py-paramref"):
        links[code.get_text()] = code.parent["href"]
    return links


def unresolved_paramrefs(page: BeautifulSoup) -> list[str]:
    """Text of each :paramref: rendered without a link."""
    return [
        c.get_text() for c in page.select("code.py-paramref") if c.parent.name != "a"
    ]


def serial_and_parallel(
    make_app: Any,
    root: str,
    tmp_path: Path,
    package: str,
    outcome: Any,
    prepare: Any = None,
) -> list[Any]:
    """``outcome(app)`` of a ``-j 1`` and a ``-j 2`` build of a fresh copy of *root*.

    *package*, the root's own Python package (or ""), is dropped from
    ``sys.modules`` before each build, so each imports it from its own copy;
    ``prepare(srcdir)``, if given, changes each copy first.  The ``-j 2``
    build must really read in parallel (Sphinx logs worker chunks as ranges).
    """
    import sys

    results = []
    for jobs in (1, 2):
        for name in [m for m in sys.modules if m.split(".")[0] == package]:
            del sys.modules[name]
        srcdir = copy_root(root, tmp_path / f"j{jobs}")
        if prepare is not None:
            prepare(srcdir)
        app = make_app("html", srcdir=srcdir, parallel=jobs, freshenv=True)
        app.build()
        if jobs == 2:
            assert app.is_parallel_allowed("read") and app.is_parallel_allowed("write")
            assert re.search(r"reading sources\.\.\..*\w \.\. \w", status_of(app))
        results.append(outcome(app))
        app.cleanup()
    return results
