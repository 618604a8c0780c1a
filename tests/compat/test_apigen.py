"""sphinx-immaterial's apigen: a generated page per class and per member.

Built in a subprocess, as sphinx-immaterial patches Sphinx when imported.
"""

from __future__ import annotations

import pytest
import sphinx

from ._facade import (
    CLASSES,
    LINKED,
    PARAMS,
    anchor,
    markers_left,
    page,
    paramrefs,
    text_of,
)
from ._isolated import Build, build_isolated
from ._registry import checks

MODULE = "pd_compat_apigen"

pytestmark = pytest.mark.skipif(
    sphinx.version_info >= (9,),
    reason="on Sphinx 9, sphinx-immaterial 0.13's apigen finds no members "
    "(Sphinx 9 rewrote autodoc), so it generates no pages",
)


@pytest.fixture(scope="module")
def apigen(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build_isolated("compat-apigen", tmp_path_factory.mktemp("apigen"))


@checks(
    "sphinx-immaterial",
    "extension",
    "apigen's generated member pages: parameter anchors and the proxy note",
)
def test_apigen_member_pages_get_anchors_and_notes(apigen) -> None:
    for cls in CLASSES:
        member = page(apigen.outdir, f"api/{cls}.close.html")
        for param in PARAMS:
            item = member.find(id=anchor(MODULE, cls, param))
            assert item is not None, (cls, param)
            # immaterial's own id (p-<name> on a member's page) stays first
            term = item if item.name == "dt" else item.find_parent("dt")
            assert term["id"] == f"p-{param}"
    facade = page(apigen.outdir, "api/ScopedSession.close.html")
    assert markers_left(facade) == []
    # the member has no id of its own: its page is its anchor
    notes = [
        (text_of(n), [a["href"] for a in n.select("a")])
        for n in facade.select("div.proxydoc-proxy-note")
    ]
    assert notes == [
        (
            "Proxied for Session.close() on behalf of ScopedSession.",
            ["Session.close.html", "ScopedSession.html"],
        )
    ]


@checks(
    "sphinx-immaterial",
    "extension",
    ":paramref: links to the parameters of apigen's member pages",
)
def test_apigen_paramrefs_resolve(apigen) -> None:
    # registered, though apigen gives a member's signature no id (its page
    # is its anchor)
    links = paramrefs(page(apigen.outdir, "index.html"))
    assert links == [
        (text, f"api/{cls}.close.html#{anchor(MODULE, cls, param)}")
        for text, cls, param in LINKED
    ]
    assert apigen.warnings == []
