"""sphinx-autodoc-typehints: types moved from the signature into the fields.

Built in a subprocess: on Sphinx 9 the extension patches autodoc's signature
formatting for the rest of the process (a later build in the same process
showed one overload of two).
"""

from __future__ import annotations

import pytest

from ._facade import PARAMS, anchor, expected, page, seen, text_of
from ._isolated import Build, build_isolated
from ._registry import checks

MODULE = "pd_compat_typehints"


@pytest.fixture(scope="module")
def typehints(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build_isolated("compat-typehints", tmp_path_factory.mktemp("typehints"))


@checks(
    "sphinx-autodoc-typehints",
    "extension",
    "parameter anchors on the fields it rewrote with types",
    ":paramref: links",
    "proxy note from the class_bases marker",
    "signature links",
    "no warnings",
)
def test_typehints_fields_get_anchors_links_and_notes(typehints) -> None:
    assert seen(typehints.outdir, MODULE, "index.html") == expected(
        MODULE, "index.html"
    )
    api = page(typehints.outdir, "index.html")
    # the extension's work is there: each entry names its type
    types = [text_of(api.find(id=anchor(MODULE, "ScopedSession", p))) for p in PARAMS]
    assert [t.split("(", 1)[1].split(")")[0].strip() for t in types] == [
        "bool",
        "object",
        "float",
    ]
    assert typehints.warnings == []
