"""Outputs a large project may leave out: parameters in the general index
(``proxydoc_param_index``) and in the search index (``proxydoc_param_search``).

Either way every anchor stays, ``:paramref:`` links resolve and ``objects.inv``
lists every parameter, so intersphinx links into the project keep working.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from proxydoc.params._synopsis import synopsis
from tests.helpers import inventory, paramref_links, soup, warnings_of

ENGINE = "pd_params.engine"
TIMEOUT = f"{ENGINE}.Engine.connect.params.timeout"


def search_index(app: Any) -> dict[str, Any]:
    """searchindex.js as data."""
    text = (Path(app.outdir) / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1 : text.rindex(")")])


def searchable_parameters(app: Any) -> set[str]:
    """Parameters among the search index's objects, as ``prefix.name``."""
    data = search_index(app)
    kinds = {i for i, name in data["objnames"].items() if name[1] == "parameter"}
    return {
        f"{prefix}.{item[4]}"
        for prefix, items in data["objects"].items()
        for item in items
        if str(item[1]) in kinds
    }


def genindex(app: Any) -> str:
    return (Path(app.outdir) / "genindex.html").read_text(encoding="utf-8")


def test_by_default_parameters_are_indexed_and_searchable(shared_build):
    app = shared_build("params")
    assert f"index.html#{TIMEOUT}" in genindex(app)
    assert f"({ENGINE}.Engine.connect parameter)" in genindex(app)
    assert "Engine.connect.timeout" in searchable_parameters(app)
    assert inventory(app)[TIMEOUT][0] == "py:parameter"


def test_the_search_lists_a_parameter_once(shared_build):
    # as an object; not again as the general-index entry of the same place
    app = shared_build("params")
    entries = search_index(app)["indexentries"]
    assert not [key for key in entries if key.endswith(" parameter)")]
    assert f"connect() ({ENGINE}.Engine method)".lower() in entries  # objects stay


def test_other_formats_index_the_parameters(shared_build):
    app = shared_build("params", buildername="latex")
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert r"\index{timeout (pd\_params.engine.Engine.connect parameter)" in tex


def test_without_index_entries_anchors_links_and_inventory_stay(shared_build):
    app = shared_build("params", proxydoc_param_index=False)
    assert warnings_of(app._warning) == []
    text = genindex(app)
    assert TIMEOUT not in text
    assert " parameter)" not in text
    assert f"index.html#{ENGINE}.Engine.connect" in text  # the method's own entry
    entries = search_index(app)["indexentries"]
    assert not [key for key in entries if key.endswith(" parameter)")]
    assert "Engine.connect.timeout" in searchable_parameters(app)
    assert soup(app).find(id=TIMEOUT) is not None
    assert inventory(app)[TIMEOUT] == (
        "py:parameter",
        f"index.html#{TIMEOUT}",
        "Engine.connect.timeout",
    )
    assert paramref_links(soup(app, "refs"))


def test_without_search_parameters_stay_in_the_inventory(shared_build):
    app = shared_build("params", proxydoc_param_search=False)
    assert warnings_of(app._warning) == []
    assert searchable_parameters(app) == set()
    methods = search_index(app)["objects"][f"{ENGINE}.Engine"]
    assert "connect" in {item[4] for item in methods}  # other objects stay
    inv = inventory(app)
    assert inv[TIMEOUT] == (
        "py:parameter",
        f"index.html#{TIMEOUT}",
        "Engine.connect.timeout",
    )
    assert f"index.html#{TIMEOUT}" in genindex(app)
    assert paramref_links(soup(app, "refs")) == paramref_links(
        soup(shared_build("params"), "refs")
    )


@pytest.mark.parametrize("name", ["timeout", "retry"])
def test_a_synopsis_read_from_an_entry(name):
    from docutils import nodes

    from proxydoc.params._fields import ParamEntry

    strong = nodes.strong(name, name)
    para = nodes.paragraph("", "", strong, nodes.Text(" (int) -- How long to wait."))
    entry = ParamEntry(para, para, strong, (name,), (name,))
    assert synopsis("Engine.connect", name, entry) == (
        f"Engine.connect.{name} \u2014 parameter, int: How long to wait."
    )


def test_signature_links_take_the_synopses_the_anchors_made(shared_build):
    """The anchors store each synopsis in the domain, after its head (the
    owner's and the parameter's names, known without it): the signature links
    of the same description are titled with those."""
    from proxydoc._pydomain import python_domain

    app = shared_build("siglinks")
    stored = python_domain(app.env).param_owners["pd_sig.Engine.connect"]
    titles = {
        a.get_text(): a["title"]
        for a in soup(app).find(id="pd_sig.Engine.connect").select("a.proxydoc-siglink")
    }
    assert titles == {
        name: f"Engine.connect.{name} \u2014 parameter{stored.details[name]}"
        for name in titles
    }
    assert set(titles) == {"timeout", "args"}
    assert stored.details["timeout"] == (
        ", float: Seconds to wait, at most; afterwards the attempt fails."
    )
    assert stored.details["timeout"].isascii()  # one byte a character


def test_parameter_entries_add_no_index_node(shared_build):
    # Sphinx keeps each doctree in memory until it is written and the garbage
    # collector walks every node: the entries join the object's own index node.
    from sphinx import addnodes

    def index_nodes(app: Any) -> list[Any]:
        return list(app.env.get_doctree("index").findall(addnodes.index))

    with_entries = index_nodes(shared_build("params"))
    without = index_nodes(shared_build("params", proxydoc_param_index=False))
    assert len(with_entries) == len(without)
    timeout = [n for n in with_entries if any(e[2] == TIMEOUT for e in n["entries"])]
    assert timeout[0]["entries"][0][2] == f"{ENGINE}.Engine.connect"
