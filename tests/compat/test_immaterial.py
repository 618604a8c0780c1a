"""sphinx-immaterial: its theme and Python domain features, before or after proxydoc.

Importing sphinx-immaterial patches Sphinx's Python domain for the rest of the
process (its modules do so at import), so each build runs in a subprocess and
the tests read what it wrote.  Its parameter fields become its own definition
lists (terms holding the declaration copied from the signature, named by a
``paramname`` attribute) and its own ``py:parameter`` objects; proxydoc
recognises those items (``proxydoc.params._immaterial``) and adds its ids,
links and notes beside immaterial's.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import inventory

from ._facade import CLASSES, PARAMS, anchor, expected, page, seen
from ._isolated import Build, build_isolated
from ._registry import checks

MODULE = "pd_compat_immaterial"
IMMATERIAL = ["sphinx_immaterial", "sphinx_immaterial.apidoc.python.apigen"]
ORDERS = {
    "immaterial-first": [*IMMATERIAL, "sphinx.ext.autodoc", "proxydoc"],
    "proxydoc-first": ["sphinx.ext.autodoc", "proxydoc", *IMMATERIAL],
}


def searchable_parameters(outdir: Path) -> set[tuple[str, str]]:
    """(full name, anchor) of each parameter in immaterial's search index.

    immaterial writes an object's anchor as 0 when it is the full name, 1 when
    it is ``parameter-`` and the full name, else as it is.
    """
    text = (outdir / "searchindex.js").read_text(encoding="utf-8")
    data = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    kinds = {i for i, name in data["objnames"].items() if name[1] == "parameter"}
    found = set()
    for prefix, items in data["objects"].items():
        for _doc, kind, _prio, short, name, *_synopsis in items:
            if str(kind) in kinds:
                full = f"{prefix}.{name}" if prefix else name
                found.add((full, {0: full, 1: f"parameter-{full}"}.get(short, short)))
    return found


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory):
    built: dict[str, Build] = {}

    def make(order: str) -> Build:
        if order not in built:
            base = tmp_path_factory.mktemp(order)
            built[order] = build_isolated("compat-immaterial", base, ORDERS[order])
        return built[order]

    return make


@checks(
    "sphinx-immaterial",
    "extension",
    "theme and Python domain features (apigen) listed before or after proxydoc",
    "parameter anchors on immaterial's parameter items, its own ids kept",
    ":paramref: links",
    "proxy note from the class_bases marker",
)
@pytest.mark.parametrize("order", ORDERS)
def test_immaterial_items_get_anchors_links_and_notes(build, order) -> None:
    made = build(order)
    found = seen(made.outdir, MODULE, "index.html")
    want = expected(MODULE, "index.html")
    found.pop("signature links"), want.pop("signature links")  # see below
    assert found == want
    api = page(made.outdir, "index.html")
    for cls in ("Session", "ScopedSession"):
        for param in ("force", "args", "timeout"):
            # immaterial's own id names the same item as proxydoc's
            term = api.find(id=f"{MODULE}.{cls}.close.{param}")
            assert term.name == "dt" and "proxydoc-param" in term["class"]
            assert term.find(id=anchor(MODULE, cls, param)) is not None


@checks(
    "sphinx-immaterial",
    "extension",
    "each parameter name in a signature is one link (immaterial's own)",
)
def test_immaterial_signature_names_link_once(build) -> None:
    made = build("immaterial-first")
    found = seen(made.outdir, MODULE, "index.html")["signature links"]
    assert "nested" not in str(found)


@checks(
    "sphinx-immaterial",
    "extension",
    "no warnings: immaterial's search lists the parameters, as its own objects; "
    "objects.inv lists proxydoc's too (intersphinx :paramref:)",
)
@pytest.mark.parametrize("order", ORDERS)
def test_immaterial_build_has_no_warnings(build, order) -> None:
    made = build(order)
    assert made.warnings == []
    # immaterial's search index: its own parameter objects, none of proxydoc's
    # (it could not read their anchors back: "Unable to determine anchor")
    params = searchable_parameters(made.outdir)
    assert (f"{MODULE}.Session.close.force",) * 2 in params
    assert not [p for p in params if ".params." in p[1]], params
    listed = inventory(made)
    for cls in CLASSES:
        for param in PARAMS:
            assert listed[anchor(MODULE, cls, param)][0] == "py:parameter"


@checks(
    "sphinx-immaterial",
    "extension",
    "with proxydoc_param_search = False (immaterial puts parameters in its "
    "search itself): no warnings",
)
def test_immaterial_without_proxydoc_search_entries_warns_nothing(
    tmp_path: Path,
) -> None:
    made = build_isolated(
        "compat-immaterial",
        tmp_path,
        ORDERS["immaterial-first"],
        proxydoc_param_search="0",
    )
    assert made.warnings == []
    # still anchored and linked
    assert (
        seen(made.outdir, MODULE, "index.html")["paramrefs"]
        == expected(MODULE, "index.html")["paramrefs"]
    )
