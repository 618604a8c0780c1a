"""How a parameter links to itself in HTML, and the stylesheet that goes with it."""

from __future__ import annotations

import pytest

from tests.helpers import soup

TIMEOUT = "pd_params.engine.Engine.connect.params.timeout"


@pytest.mark.parametrize(
    ("overrides", "symbol", "name"),
    [
        ({}, True, False),
        ({"proxydoc_param_link_style": "symbol"}, True, False),
        ({"proxydoc_param_link_style": "name"}, False, True),
        ({"proxydoc_param_link_style": "both"}, True, True),
        ({"proxydoc_param_link_style": "none"}, False, False),
        ({"paramlinks_hyperlink_param": "name_and_symbol"}, True, True),
        ({"paramlinks_hyperlink_param": "NAME"}, False, True),
        ({"paramlinks_hyperlink_param": "none"}, False, False),
    ],
    ids=[
        "default",
        "symbol",
        "name",
        "both",
        "none",
        "paramlinks-name_and_symbol",
        "paramlinks-NAME",
        "paramlinks-none",
    ],
)
def test_link_style(shared_build, overrides, symbol, name):
    app = shared_build("params", **overrides)
    entry = soup(app).find(id=TIMEOUT)
    strong = entry.find("strong", class_="proxydoc-param-name")
    assert strong.get_text() == "timeout"
    symbols = entry.select("a.proxydoc-paramlink")
    assert [a["href"] for a in symbols] == ([f"#{TIMEOUT}"] if symbol else [])
    wrapper = strong.parent
    assert (wrapper.name == "a" and wrapper["href"] == f"#{TIMEOUT}") is name


def test_stylesheet_is_linked_and_copied(shared_build):
    app = shared_build("params")
    links = [link["href"] for link in soup(app).select("link[rel=stylesheet]")]
    assert any(h.startswith("_static/proxydoc.css") for h in links)
    css = (app.outdir / "_static" / "proxydoc.css").read_text()
    assert ".proxydoc-param:target" in css
    assert ".proxydoc-param:hover a.proxydoc-paramlink" in css
