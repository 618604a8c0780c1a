"""A member that proxies itself, and facades that proxy each other, warn."""

from __future__ import annotations

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
