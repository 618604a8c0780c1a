"""Markers that cannot be read render as before and warn, with their location."""

from __future__ import annotations

import re

import pytest

from .helpers import (
    at_marker,
    notes_by_member,
    proxied_by,
    proxy_warnings,
    soup,
    text_of,
)


@pytest.mark.sphinx("html", testroot="proxy-odd", freshenv=True)
def test_odd_markers_warn_and_never_break_the_build(app):
    app.build()
    warnings = sorted(
        proxy_warnings(app._warning.getvalue(), "proxy"),
        key=lambda w: int(re.search(r"index\.rst:(\d+):", w).group(1)),
    )
    expected = [
        (4, "it is outside a Python object description"),
        (13, "class_bases container does not read"),
        (21, "the proxied attribute is not Class.member"),
        (25, "class_bases container does not read"),
        (46, "it is outside a Python object description"),
    ]
    assert len(warnings) == len(expected)
    for warning, (line, what) in zip(warnings, expected, strict=True):
        assert at_marker(warning, "index.rst", line)
        assert what in warning
    page = soup(app, "index")
    # the lowercase wording without a full stop is still the proxy sentence
    assert notes_by_member(page) == {
        "Facade.fine": (
            "Proxied for Session.fine() on behalf of Facade.",
            ["#Session.fine", "#Facade"],
        ),
        # Session.undocumented_target is not documented: the name links the class
        "Facade.undocumented_target": (
            "Proxied for Session.undocumented_target() on behalf of Facade.",
            ["#Session", "#Facade"],
        ),
    }
    assert proxied_by(page) == {"Session.fine": ["#Facade.fine"]}
    assert len(page.select("div.class-bases")) == 4
    assert "Proxy for the bind attribute" in text_of(page)


@pytest.mark.sphinx(
    "html", testroot="proxy-odd", freshenv=True, confoverrides={"nitpicky": True}
)
def test_member_link_proxydoc_adds_is_no_nitpick(app):
    app.build()
    warnings = app._warning.getvalue()
    assert "reference target not found: Session.undocumented_target" not in warnings
    # the user's own unresolved references still are nitpicks
    assert "py:attr reference target not found: bind" in warnings
