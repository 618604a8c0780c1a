"""A member that proxies itself, and facades that proxy each other, warn."""

from __future__ import annotations

import re
from pathlib import Path

from ..helpers import copy_root, serial_and_parallel, status_of
from .helpers import at_marker, notes_by_member, proxied_by, proxy_warnings, soup

MOD = "cycles"
LEFT_OUT = 'it is left out of "Proxied by" lists'


def test_cycles_warn_once_each_with_place_and_full_names(shared_build):
    app = shared_build("proxy-cycles")
    warnings = proxy_warnings(app._warning.getvalue(), "proxy")
    assert len(warnings) == 3, warnings
    mirror, a_run, b_run = warnings
    assert at_marker(mirror, "index.rst", 14)
    assert f"{MOD}.Mirror.look proxies itself; {LEFT_OUT}" in mirror
    # written with the prefix _cy: named by the full name
    assert at_marker(a_run, "index.rst", 23)
    assert (
        f"{MOD}.A.run is in a proxy cycle "
        f"({MOD}.A.run -> {MOD}.B.run -> {MOD}.A.run); {LEFT_OUT}"
    ) in a_run
    assert "other.rst:13: WARNING" in b_run
    assert (
        f"{MOD}.B.run is in a proxy cycle "
        f"({MOD}.B.run -> {MOD}.A.run -> {MOD}.B.run); {LEFT_OUT}"
    ) in b_run


def test_no_circular_proxied_by_lines(shared_build):
    app = shared_build("proxy-cycles")
    index, other = soup(app, "index"), soup(app, "other")
    # a proxy that leads into a cycle is listed; the cycle's members are not
    assert proxied_by(index) == {
        f"{MOD}.A.run": [f"other.html#{MOD}.C.run"],
        f"{MOD}.Target.stop": [f"#{MOD}.A.stop"],
    }
    assert proxied_by(other) == {}
    # the notes say what the markers say
    assert notes_by_member(index)[f"{MOD}.Mirror.look"][0] == (
        "Proxied for Mirror.look() on behalf of Mirror."
    )
    assert notes_by_member(other)[f"{MOD}.B.run"][0] == (
        "Proxied for A.run() on behalf of B."
    )


def cycle_warnings(app) -> list[str]:
    """The cycle warnings of a build, the source folder written ``<src>``."""
    text = app._warning.getvalue().replace(str(app.srcdir), "<src>")
    return [w for w in proxy_warnings(text, "proxy") if LEFT_OUT in w]


def add_pages(srcdir: Path, *names: str) -> None:
    """Orphan pages without proxies, so a build has more to read."""
    for name in names:
        (srcdir / f"{name}.rst").write_text(f":orphan:\n\n{name}\n{'=' * len(name)}\n")


def test_cycles_warn_once_each_with_parallel_jobs(make_app, tmp_path):
    """Read and written by two processes, each cycle member still warns once,
    at its note, as a serial build does (the check runs once all is merged)."""
    # more than five pages (Sphinx 7.4 reads fewer serially); index and
    # other fall in different chunks: index j1 j2 | other p1 p2
    serial, parallel = serial_and_parallel(
        make_app,
        "proxy-cycles",
        tmp_path,
        "",
        cycle_warnings,
        prepare=lambda srcdir: add_pages(srcdir, "j1", "j2", "p1", "p2"),
    )
    assert parallel == serial
    assert len(serial) == 3, serial
    assert [w.split(": WARNING")[0].rsplit(":", 1)[0] for w in serial] == [
        "<src>/index.rst",
        "<src>/index.rst",
        "<src>/other.rst",
    ]


def test_incremental_builds_warn_as_sphinx_checks_consistency(make_app, tmp_path):
    """A rebuild that reads nothing repeats nothing, as Sphinx repeats no
    warning of an unchanged page; a rebuild that reads any page repeats every
    cycle warning, at its place, as Sphinx repeats its consistency warnings;
    a cycle broken by an edit no longer warns."""
    srcdir = copy_root("proxy-cycles", tmp_path / "src")
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    first = cycle_warnings(app)
    assert len(first) == 3, first
    app.cleanup()

    app = make_app("html", srcdir=srcdir)
    app.build()
    assert "no targets are out of date" in status_of(app)
    assert cycle_warnings(app) == []
    app.cleanup()

    add_pages(srcdir, "unrelated")  # read alone: the cycles' pages are not
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert re.search(r"reading sources\.\.\. .*(index|other)", status_of(app)) is None
    assert cycle_warnings(app) == first
    app.cleanup()

    other = srcdir / "other.rst"
    other.write_text(other.read_text().replace("Proxy for the", "Calls the"))
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert cycle_warnings(app) == first[:1]  # Mirror.look still proxies itself
    # A.run, no longer on a cycle, is listed under what it proxies
    assert proxied_by(soup(app, "other")) == {
        f"{MOD}.B.run": [f"index.html#{MOD}.A.run"]
    }
    app.cleanup()
