"""Incremental builds: a removed parameter takes its links on unchanged pages with it."""

from __future__ import annotations

import os
import time
from pathlib import Path

from tests.helpers import (
    copy_root,
    paramref_links,
    soup,
    status_of,
    unresolved_paramrefs,
    warnings_of,
)

TIMEOUT = "pd_inc.connect.params.timeout"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))
    later = time.time() + 5  # newer than anything the first build wrote
    os.utime(path, (later, later))


def build(make_app, srcdir):
    app = make_app("html", srcdir=srcdir)
    app.build()
    return app


def test_removed_parameter_updates_unchanged_pages(make_app, tmp_path):
    srcdir = copy_root("incremental", tmp_path / "src")

    first = build(make_app, srcdir)
    assert paramref_links(soup(first, "other")) == {
        "connect.timeout": f"api.html#{TIMEOUT}",
        "connect.url": "api.html#pd_inc.connect.params.url",
    }
    unrelated_written = (Path(first.outdir) / "unrelated.html").stat().st_mtime_ns
    first.cleanup()

    edit(srcdir / "api.rst", "   :param timeout: seconds.\n", "")
    second = build(make_app, srcdir)
    status = status_of(second)
    assert "1 changed" in status  # only api.rst was read again
    assert "html_static_path" not in status  # the stylesheet path is added once
    assert soup(second, "api").find(id=TIMEOUT) is None
    other = soup(second, "other")
    assert unresolved_paramrefs(other) == ["pd_inc.connect.timeout"]
    assert list(paramref_links(other)) == ["connect.url"]
    lines = warnings_of(second._warning)
    assert len(lines) == 1
    assert "other.rst:4" in lines[0]
    assert "pd_inc.connect has no documented parameter 'timeout'" in lines[0]
    assert (
        Path(second.outdir) / "unrelated.html"
    ).stat().st_mtime_ns == unrelated_written
    second.cleanup()

    edit(
        srcdir / "api.rst",
        "   :param url: the address.\n",
        "   :param url: the address.\n   :param timeout: back.\n",
    )
    third = build(make_app, srcdir)
    assert "connect.timeout" in paramref_links(soup(third, "other"))
    assert warnings_of(third._warning) == []
    third.cleanup()
