"""What the theme tests read, checked in the HTML: one id per parameter item.

HTML writes each id of an element after its first as an empty ``<span>``
before the element; in a list item that span is a box of its own and spaces
the item apart from the others.  So an item carries its first parameter's id
and the other ids sit on the name, inline.
"""

from __future__ import annotations

from pathlib import Path

from tests.helpers import soup, warnings_of

ARGS = "pd_themes.Connection.params.args"
PARAMS = "pd_themes.Connection.execute.params.params"


def param_items(page):
    return page.select(".proxydoc-param")


def test_alias_ids_are_on_the_name_not_before_the_item(shared_build):
    app = shared_build("themes")
    page = soup(app, "api")
    for anchor, alias in ((ARGS, "*args"), (PARAMS, "*params")):
        item = page.find(id=anchor)
        name = item.find(class_="proxydoc-param-name")
        assert name.get_text() == alias
        assert name["id"] == anchor.rpartition(".")[0] + "." + alias
        # the description's paragraph is the item's first child: nothing before it
        assert item.find(True) is item.p
    assert page.select("dl.field-list span[id]:empty") == []
    for item in param_items(page):
        assert item.p is item.find(True), item["id"]
    assert warnings_of(app._warning) == []


def test_both_ids_of_a_starred_parameter_are_linked_to(shared_build):
    app = shared_build("themes")
    ids = {el["id"] for el in soup(app, "api").select("[id]")}
    assert {ARGS, "pd_themes.Connection.params.*args"} <= ids
    assert {PARAMS, "pd_themes.Connection.execute.params.*params"} <= ids
    assert "pd_themes.Connection.params.**options" in ids


def test_a_multi_name_item_keeps_one_id(shared_build):
    """``low, high : float`` (numpydoc): the second name's id moves onto the name."""
    app = shared_build("numpydoc")
    page = soup(app)
    low = page.find(id="pd_numpydoc.Filter.params.low")
    name = low.find(class_="proxydoc-param-name")
    assert name["id"] == "pd_numpydoc.Filter.params.high"
    assert page.select("dl span[id]:empty") == []
    # both still link from the signature
    hrefs = {a["href"] for a in page.select("a.proxydoc-siglink")}
    assert {
        "#pd_numpydoc.Filter.params.low",
        "#pd_numpydoc.Filter.params.high",
    } <= hrefs


def test_latex_labels_both_ids(shared_build):
    app = shared_build("themes", "latex")
    text = "\n".join(p.read_text() for p in Path(app.outdir).glob("*.tex"))
    for anchor in (ARGS, "pd_themes.Connection.params.*args"):
        assert text.count(f"\\label{{\\detokenize{{api:{anchor}}}}}") == 1, anchor
    assert warnings_of(app._warning) == []


def tooltip_links(app, docname):
    return soup(app, docname).select("a.proxydoc-tooltip")


def test_tooltips_mark_signature_and_paramref_links(shared_build):
    app = shared_build("themes", proxydoc_param_tooltip=True)
    api, guide = soup(app, "api"), soup(app, "guide")
    siglinks = api.select("a.proxydoc-siglink")
    assert len(siglinks) == 8
    assert api.select("a.proxydoc-tooltip") == siglinks
    paramrefs = [code.parent for code in guide.select("a > code.py-paramref")]
    assert len(paramrefs) == 6
    assert guide.select("a.proxydoc-tooltip") == paramrefs
    for link in siglinks + paramrefs:
        assert " \u2014 parameter: " in link["title"], link
    # the backlinks, the self-links and the toctree are not parameter links
    assert not api.select("p.proxydoc-backlinks a.proxydoc-tooltip")
    assert warnings_of(app._warning) == []


def test_no_tooltips_by_default(shared_build):
    app = shared_build("themes")
    assert tooltip_links(app, "api") == []
    assert tooltip_links(app, "guide") == []
    assert soup(app, "api").select("a.proxydoc-siglink[title]")
