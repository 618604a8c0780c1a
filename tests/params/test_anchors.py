"""Parameter anchors on autodoc and hand-written descriptions: ids, index, inventory."""

from __future__ import annotations

import json

import pytest
from docutils import nodes
from sphinx import addnodes

from proxydoc._pydomain import python_domain
from proxydoc.params._anchors import ANCHOR_ATTR
from proxydoc.params._output import param_link, param_name
from tests.helpers import (
    inventory,
    paramref_links,
    soup,
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


#: The parameters of tests/roots/test-params-noindex: described once indexed,
#: in index.rst, and again as copies in old.rst (:noindex:) and new.rst (:no-index:).
NOINDEX_ORIGINALS = [
    "pd_nx.connect.params.dsn",
    "pd_nx.connect.params.timeout",
    "pd_nx.Pool.checkout.params.block",
]


def param_ids(app, docname):
    return [
        el["id"] for el in soup(app, docname).select("[id]") if ".params." in el["id"]
    ]


def test_every_documented_parameter_has_an_anchor(shared_build):
    app = shared_build("params")
    for docname, ids in EXPECTED_IDS.items():
        assert param_ids(app, docname) == ids
    assert warnings_of(app._warning) == []


def test_no_index_copy_keeps_anchors_but_is_no_object(shared_build):
    app = shared_build("params")
    copy = [
        "pd_params.engine.create_engine.params.url",
        "pd_params.engine.create_engine.params.pool_size",
    ]
    assert param_ids(app, "noindex") == copy
    inv = inventory(app)
    assert inv[copy[0]][1] == f"index.html#{copy[0]}"
    genindex = (app.outdir / "genindex.html").read_text()
    assert f"noindex.html#{copy[0]}" not in genindex


def test_anchor_sits_on_the_parameter_entry_with_a_link_symbol(shared_build):
    app = shared_build("params")
    entry = soup(app).find(id=f"{ENGINE}.Engine.connect.params.timeout")
    assert entry.name == "li"  # the whole item, however many paragraphs it has
    assert "proxydoc-param" in entry["class"]
    name = entry.p.find("strong")
    assert name.get_text() == "timeout"
    symbol = name.find_next_sibling("a")
    assert symbol["href"] == f"#{ENGINE}.Engine.connect.params.timeout"
    assert "proxydoc-paramlink" in symbol["class"]
    assert symbol.get_text() == "¶"


def test_each_parameter_is_listed_once(shared_build):
    app = shared_build("params")
    page = soup(app)
    names = [
        s.get_text() for s in page.select(f"[id='{ENGINE}.Engine.connect'] ~ dd strong")
    ]
    for param in ("timeout", "args", "retry", "kw"):
        assert names.count(param) == 1, names


def test_parameters_are_python_objects_in_the_inventory(shared_build):
    app = shared_build("params")
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


def test_stored_doctree_holds_one_index_node_per_description(shared_build):
    # Sphinx keeps each doctree in memory from reading until writing: what
    # proxydoc adds per parameter there is memory held for the whole build.
    app = shared_build("params")
    doctree = app.env.get_doctree("index")
    assert not list(doctree.findall(param_link))  # made at write time, for HTML
    # The name becomes self-linking at write time, in place (no node per
    # parameter); the ¶ links to the item's first id, kept as an attribute
    # only by the copy whose id the first description took.
    assert not list(doctree.findall(param_name))
    kept = [
        node[ANCHOR_ATTR]
        for node in doctree.findall(nodes.Element)
        if ANCHOR_ATTR in node.attributes
    ]
    assert kept == [f"{ENGINE}.event.params.fn"]
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


def test_parameters_in_general_index_and_search(shared_build):
    app = shared_build("params")
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


@pytest.mark.parametrize(
    ("docname", "spelling"), [("old", "noindex"), ("new", "no-index")]
)
def test_hand_written_no_index_copy_keeps_anchors_but_is_no_object(
    shared_build, docname, spelling
):
    """A ``py:function`` and a ``py:method`` with either spelling of the option."""
    app = shared_build("params-noindex")
    source = (app.srcdir / f"{docname}.rst").read_text(encoding="utf-8")
    assert source.count(f"   :{spelling}:\n") == 3
    only = f"pd_nx.only_{docname}.params.flag"
    copies = [*NOINDEX_ORIGINALS, only]
    assert param_ids(app, docname) == copies
    params = {k for k, v in inventory(app).items() if v[0] == "py:parameter"}
    assert sorted(params) == sorted(NOINDEX_ORIGINALS)
    owners = python_domain(app.env).param_owners
    assert {o: e.docname for o, e in owners.items()} == {
        "pd_nx.connect": "index",
        "pd_nx.Pool.checkout": "index",
    }
    genindex = (app.outdir / "genindex.html").read_text(encoding="utf-8")
    assert f"{docname}.html#" not in genindex
    # A bare name in the copy, and every full name, link to the original.
    assert paramref_links(soup(app, docname)) == {
        "timeout": "index.html#pd_nx.connect.params.timeout"
    }
    assert paramref_links(soup(app, "refs")) == {
        "pd_nx.connect.dsn": "index.html#pd_nx.connect.params.dsn",
        "pd_nx.Pool.checkout.block": "index.html#pd_nx.Pool.checkout.params.block",
        "pd_nx.connect.timeout": "index.html#pd_nx.connect.params.timeout",
    }
    assert warnings_of(app._warning) == []
