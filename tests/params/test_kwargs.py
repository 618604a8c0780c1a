"""Keyword arguments in sphinx-codeautolink's examples link to their parameters."""

from __future__ import annotations

import re

from tests.helpers import soup, warnings_of


def kwarg_links(app) -> list[tuple[str, str, str]]:
    block = soup(app).find("pre")
    return [
        (a.get_text(), a["href"], a["title"]) for a in block.select("a.proxydoc-kwarg")
    ]


def test_keyword_arguments_link_to_parameters(shared_build) -> None:
    app = shared_build("kwargs")
    assert kwarg_links(app) == [
        (
            "echo",
            "api.html#pd_kw.Engine.params.echo",
            "Engine.echo \u2014 parameter: Log every statement.",
        ),
        (
            "timeout",
            "api.html#pd_kw.Engine.connect.params.timeout",
            "Engine.connect.timeout \u2014 parameter: Seconds to wait.",
        ),
        (
            "name",
            "api.html#pd_kw.make.params.name",
            "make.name \u2014 parameter: Its name.",
        ),
        (
            "size",
            "api.html#pd_kw.make.params.size",
            "make.size \u2014 parameter: Its size.",
        ),
        (
            "name",
            "api.html#pd_kw.make.params.name",
            "make.name \u2014 parameter: Its name.",
        ),
        (
            "size",
            "api.html#pd_kw.make.params.size",
            "make.size \u2014 parameter: Its size.",
        ),
    ]
    # every link leads to a parameter's entry on the API page
    api = soup(app, "api")
    for _, href, _ in kwarg_links(app):
        assert api.find(id=href.partition("#")[2]) is not None, href
    assert warnings_of(app._warning) == []


def test_what_is_not_linked(shared_build) -> None:
    """An undocumented parameter (retries), a call codeautolink did not link
    (dict), and everything that is not a keyword argument stay as they were."""
    app = shared_build("kwargs")
    text = str(soup(app).find("pre"))
    assert re.search(r'<span class="n">retries</span><span class="o">=</span>', text)
    assert re.search(
        r'<span class="nb">dict</span><span class="p">\(</span>'
        r'<span class="n">echo</span><span class="o">=</span>',
        text,
    )
    # the code reads the same as without the links
    assert soup(app).find("pre").get_text().splitlines()[2] == (
        'engine = Engine("sqlite://", echo=True)'
    )


def test_without_codeautolink_nothing_changes(shared_build) -> None:
    app = shared_build("kwargs", extensions=["sphinx.ext.autodoc", "proxydoc"])
    assert soup(app).select("a.proxydoc-kwarg") == []
