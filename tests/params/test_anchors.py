"""Parameter anchors and :paramref: on autodoc and hand-written descriptions."""

from __future__ import annotations

import json

import pytest
from sphinx import addnodes

from proxydoc.params._output import param_link
from tests.helpers import (
    inventory,
    paramref_links,
    soup,
    unresolved_paramrefs,
    warnings_of,
)

ENGINE = "pd_params.engine"

EXPECTED_IDS = {
    "index": [
        f"{ENGINE}.Engine.params.url",
        f"{ENGINE}.Engine.params.echo",
        f"{ENGINE}.Engine.connect.params.timeout",
        f"{ENGINE}.Engine.connect.params.args",
        f"{ENGINE}.Engine.connect.params.retry",
        f"{ENGINE}.Engine.connect.params.kw",
        f"{ENGINE}.Engine.from_config.params.config",
        f"{ENGINE}.Engine.quote.params.name",
        f"{ENGINE}.EngineError.params.code",
        f"{ENGINE}.create_engine.params.url",
        f"{ENGINE}.create_engine.params.pool_size",
        f"{ENGINE}.event.params.fn",
    ],
    "handwritten": [
        "pd_hand.connect.params.dsn",
        "pd_hand.connect.params.timeout",
        "pd_hand.Pool.params.size",
        "pd_hand.Pool.checkout.params.block",
        "pd_hand.listens_for.params.target",
    ],
}


def param_ids(app, docname):
    return [
        el["id"] for el in soup(app, docname).select("[id]") if ".params." in el["id"]
    ]


@pytest.mark.sphinx("html", testroot="params", freshenv=True)
def test_every_documented_parameter_has_an_anchor(app, warning):
    app.build()
    for docname, ids in EXPECTED_IDS.items():
        assert param_ids(app, docname) == ids
    assert warnings_of(warning) == []


@pytest.mark.sphinx("html", testroot="params", freshenv=True)
def test_no_index_copy_keeps_anchors_but_is_no_object(app):
    app.build()
    copy = [
        "pd_params.engine.create_engine.params.url",
        "pd_params.engine.create_engine.params.pool_size",
    ]
    assert param_ids(app, "noindex") == copy
    inv = inventory(app)
    assert inv[copy[0]][1] == f"index.html#{copy[0]}"
    genindex = (app.outdir / "genindex.html").read_text()
    assert f"noindex.html#{copy[0]}" not in genindex


@pytest.mark.sphinx("html", testroot="params", freshenv=True)
def test_anchor_sits_on_the_parameter_entry_with_a_link_symbol(app):
    app.build()
    entry = soup(app).find(id=f"{ENGINE}.Engine.connect.params.timeout")
    assert entry.name == "li"  # the whole item, however many paragraphs it has
    assert "proxydoc-param" in entry["class"]
    name = entry.p.find("strong")
    assert name.get_text() == "timeout"
    symbol = name.find_next_sibling("a")
    assert symbol["href"] == f"#{ENGINE}.Engine.connect.params.timeout"
    assert "proxydoc-paramlink" in symbol["class"]
    assert symbol.get_text() == "¶"


@pytest.mark.sphinx("html", testroot="params", freshenv=True)
def test_each_parameter_is_listed_once(app):
    app.build()
    page = soup(app)
    names = [
        s.get_text() for s in page.select(f"[id='{ENGINE}.Engine.connect'] ~ dd strong")
    ]
    for param in ("timeout", "args", "retry", "kw"):
        assert names.count(param) == 1, names


@pytest.mark.sphinx("html", testroot="params", freshenv=True)
def test_paramref_forms_resolve_with_reader_text(app):
    app.build()
    page = soup(app, "refs")
    links = [
        (c.get_text(), c.parent["href"]) for c in page.select("a > code.py-paramref")
    ]
    assert links == [
        (
            "Engine.connect.timeout",
            f"index.html#{ENGINE}.Engine.connect.params.timeout",
        ),
        ("Engine.echo", f"index.html#{ENGINE}.Engine.params.echo"),
        (
            "create_engine.pool_size",
            f"index.html#{ENGINE}.create_engine.params.pool_size",
        ),
        ("create_engine.url", f"index.html#{ENGINE}.create_engine.params.url"),
        ("Pool.checkout.block", "handwritten.html#pd_hand.Pool.checkout.params.block"),
        ("retry", f"index.html#{ENGINE}.Engine.connect.params.retry"),
        ("the retry count", f"index.html#{ENGINE}.Engine.connect.params.retry"),
        ("connect.dsn", "handwritten.html#pd_hand.connect.params.dsn"),
        ("Engine.url", f"index.html#{ENGINE}.Engine.params.url"),
        ("Engine.echo", f"index.html#{ENGINE}.Engine.params.echo"),
    ]
    assert unresolved_paramrefs(page) == []


@pytest.mark.sphinx("html", testroot="params", freshenv=True)
def test_paramrefs_inside_docstrings(app):
    app.build()
    links = paramref_links(soup(app))
    assert links == {
        "Engine.connect.timeout": f"#{ENGINE}.Engine.connect.params.timeout",
        "Engine.url": f"#{ENGINE}.Engine.params.url",
        "timeout": f"#{ENGINE}.Engine.connect.params.timeout",
    }


@pytest.mark.sphinx("html", testroot="params", freshenv=True)
def test_module_prefixes_in_python_roles(app):
    app.build()
    page = soup(app, "refs")
    shown = {
        c.get_text(): c.parent.get("href")
        for c in page.select("code.py-meth, code.py-class")
    }
    assert shown == {
        "Engine.connect()": f"index.html#{ENGINE}.Engine.connect",
        "Engine": f"index.html#{ENGINE}.Engine",
        "engine": f"index.html#{ENGINE}.Engine",
        "connect()": f"index.html#{ENGINE}.Engine.connect",
    }
    assert "_eng." not in page.get_text()


@pytest.mark.sphinx("html", testroot="params", freshenv=True)
def test_parameters_are_python_objects_in_the_inventory(app):
    app.build()
    inv = inventory(app)
    params = {k: v for k, v in inv.items() if v[0] == "py:parameter"}
    expected = EXPECTED_IDS["index"] + EXPECTED_IDS["handwritten"]
    assert sorted(params) == sorted(expected)
    assert params[f"{ENGINE}.Engine.connect.params.timeout"] == (
        "py:parameter",
        f"index.html#{ENGINE}.Engine.connect.params.timeout",
        "Engine.connect.timeout",
    )
    # Constructor parameters and attributes of the same name do not collide.
    assert inv[f"{ENGINE}.Engine"][0] == "py:class"


@pytest.mark.sphinx("html", testroot="params", freshenv=True)
def test_stored_doctree_holds_one_index_node_per_description(app):
    # Sphinx keeps each doctree in memory from reading until writing: what
    # proxydoc adds per parameter there is memory held for the whole build.
    app.build()
    doctree = app.env.get_doctree("index")
    assert not list(doctree.findall(param_link))  # made at write time, for HTML
    per_node = [
        [e[2] for e in node["entries"] if e[1].endswith(" parameter)")]
        for node in doctree.findall(addnodes.index)
    ]
    per_node = [anchors for anchors in per_node if anchors]
    assert sorted(a for anchors in per_node for a in anchors) == sorted(
        EXPECTED_IDS["index"]
    )
    owners = [{a.partition(".params.")[0] for a in anchors} for anchors in per_node]
    assert all(len(o) == 1 for o in owners)  # one node per described object ...
    assert len(owners) == len({o.pop() for o in owners})  # ... and one object per node
    connect = f"{ENGINE}.Engine.connect.params."
    assert [a for a in per_node if a[0].startswith(connect)] == [
        [connect + name for name in ("timeout", "args", "retry", "kw")]
    ]
    # The :no-index: copy of event links to the id its first description has.
    symbols = [*EXPECTED_IDS["index"], f"{ENGINE}.event.params.fn"]
    assert [a["href"] for a in soup(app).select("a.proxydoc-paramlink")] == [
        f"#{anchor}" for anchor in symbols
    ]


@pytest.mark.sphinx("html", testroot="params", freshenv=True)
def test_parameters_in_general_index_and_search(app):
    app.build()
    genindex = (app.outdir / "genindex.html").read_text()
    for anchor in EXPECTED_IDS["index"]:
        assert f'href="index.html#{anchor}"' in genindex
    assert f"({ENGINE}.Engine.connect parameter)" in genindex
    raw = (app.outdir / "searchindex.js").read_text()
    search = json.loads(raw[raw.index("(") + 1 : raw.rindex(")")])
    ptype = next(int(k) for k, v in search["objtypes"].items() if v == "py:parameter")
    found = {
        entry[4] for entry in search["objects"]["Engine.connect"] if entry[1] == ptype
    }
    assert found == {"timeout", "args", "retry", "kw"}
