"""The proxy graph: the same with ``-j 2`` as with ``-j 1``, and kept current by
incremental builds."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from ..helpers import copy_root, status_of
from .helpers import proxied_by, proxy_warnings, soup

MOD = "proxy_many_mod"
FACADES = ("Async", "Logged", "Pooled", "Retrying", "Scoped")


def fresh_copy(destination: Path) -> Path:
    """A private copy of the ``proxy-many`` root, its module not yet imported."""
    sys.modules.pop(MOD, None)
    return copy_root("proxy-many", destination)


def pages(app) -> dict[str, str]:
    """The body of every page, as a reader sees it."""
    return {
        path.name: str(soup(app, path.stem).select_one("div.body"))
        for path in sorted(Path(app.outdir).glob("*.html"))
        if path.stem not in ("genindex", "search", "py-modindex")
    }


def test_parallel_read_equals_serial(make_app, tmp_path):
    results = []
    for jobs in (1, 2):
        srcdir = fresh_copy(tmp_path / f"j{jobs}")
        app = make_app("html", srcdir=srcdir, parallel=jobs, freshenv=True)
        app.build()
        if jobs == 2:
            assert app.is_parallel_allowed("read") and app.is_parallel_allowed("write")
            status = status_of(app)
            assert re.search(r"reading sources\.\.\..*\w \.\. \w", status)
        warnings = app._warning.getvalue().replace(str(srcdir), "<src>")
        results.append((pages(app), sorted(proxy_warnings(warnings, "proxy-drift"))))
        app.cleanup()
    (serial, serial_warnings), (parallel, parallel_warnings) = results
    assert serial == parallel
    assert serial_warnings == parallel_warnings
    assert len(serial_warnings) == 1
    assert f"{MOD}.PooledSession.reset" in serial_warnings[0]
    page = proxied_by(BeautifulSoup(serial["session.html"], "html.parser"))
    assert page[f"{MOD}.Session.close"] == [
        f"{f.lower()}.html#{MOD}.{f}Session.close" for f in FACADES
    ]


def test_incremental_build_drops_removed_proxy(make_app, tmp_path):
    srcdir = fresh_copy(tmp_path / "src")
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    before = proxied_by(soup(app, "session"))[f"{MOD}.Session.reset"]
    assert len(before) == 5
    app.cleanup()

    (srcdir / "pooled.rst").unlink()
    index = srcdir / "index.rst"
    index.write_text(index.read_text().replace("   pooled\n", ""))
    app = make_app("html", srcdir=srcdir)
    app.build()
    status = status_of(app)
    assert re.search(r"reading sources\.\.\. .*session", status) is None
    assert re.search(r"writing output\.\.\. .*session", status)
    after = proxied_by(soup(app, "session"))
    assert after[f"{MOD}.Session.reset"] == [h for h in before if "Pooled" not in h]
    assert len(after[f"{MOD}.Session.close"]) == 4
    app.cleanup()

    app = make_app("html", srcdir=srcdir)
    app.build()
    status = status_of(app)
    assert re.search(r"writing output\.\.\. .*session", status) is None
    app.cleanup()


def test_incremental_build_unlinks_notes_of_an_undocumented_target(make_app, tmp_path):
    srcdir = fresh_copy(tmp_path / "src")
    # Without objects in the toctree and without :paramref: to Session's members,
    # nothing but proxydoc's proxy graph makes Sphinx rewrite the facade pages.
    for page in srcdir.glob("*.rst"):
        lines = page.read_text().splitlines(keepends=True)
        page.write_text("".join(line for line in lines if "paramref" not in line))
    toc = {"toc_object_entries": False}
    app = make_app("html", srcdir=srcdir, freshenv=True, confoverrides=toc)
    app.build()
    note = soup(app, "scoped").select_one("div.proxydoc-proxy-note")
    assert "session.html#proxy_many_mod.Session.close" in str(note)
    app.cleanup()

    session = srcdir / "session.rst"
    session.write_text(session.read_text().replace(":members:", ":members: reset"))
    app = make_app("html", srcdir=srcdir, confoverrides=toc)
    app.build()
    status = status_of(app)
    assert re.search(r"reading sources\.\.\. .*scoped", status) is None
    note = soup(app, "scoped").select_one("div.proxydoc-proxy-note")
    assert "Proxied for Session.close() on behalf of ScopedSession." in note.get_text()
    assert [a["href"] for a in note.select("a")] == [
        f"session.html#{MOD}.Session",
        f"#{MOD}.ScopedSession",
    ]
