"""Parameters found by ``:any:`` and by MyST's links and roles."""

from __future__ import annotations

from tests.helpers import soup, warnings_of


def links(app, docname: str) -> list[tuple[str, str, str]]:
    return [
        (a.get_text(), a["href"], a.get("title", ""))
        for a in soup(app, docname).select("p a.reference.internal")
    ]


def test_any_role_finds_parameters(shared_build) -> None:
    app = shared_build("anyrefs")
    assert links(app, "index") == [
        (
            "pkg.Engine.connect.params.timeout",
            "#pkg.Engine.connect.params.timeout",
            "Engine.connect.timeout \u2014 parameter: Seconds to wait.",
        ),
        (
            "Engine.connect.url",
            "#pkg.Engine.connect.params.url",
            "Engine.connect.url \u2014 parameter: Where to.",
        ),
        ("pkg.Engine.connect", "#pkg.Engine.connect", "pkg.Engine.connect"),
    ]
    assert warnings_of(app._warning) == []


def test_myst_links_and_roles_find_parameters(shared_build) -> None:
    app = shared_build("anyrefs")
    assert [(text, href) for text, href, _ in links(app, "guide")] == [
        ("the timeout", "index.html#pkg.Engine.connect.params.timeout"),
        ("the url", "index.html#pkg.Engine.connect.params.url"),
        ("Engine.connect.timeout", "index.html#pkg.Engine.connect.params.timeout"),
    ]
