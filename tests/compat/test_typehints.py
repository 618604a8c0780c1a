"""sphinx-autodoc-typehints: types moved from the signature into the fields."""

from __future__ import annotations

from tests.helpers import warnings_of

from ._facade import PARAMS, anchor, expected, page, seen, text_of
from ._registry import checks

MODULE = "pd_compat_typehints"


@checks(
    "sphinx-autodoc-typehints",
    "extension",
    "parameter anchors on the fields it rewrote with types",
    ":paramref: links",
    "proxy note from the class_bases marker",
    "signature links",
    "no warnings",
)
def test_typehints_fields_get_anchors_links_and_notes(shared_build) -> None:
    app = shared_build("compat-typehints")
    assert seen(app.outdir, MODULE, "index.html") == expected(MODULE, "index.html")
    api = page(app.outdir, "index.html")
    # the extension's work is there: each entry names its type
    types = [text_of(api.find(id=anchor(MODULE, "ScopedSession", p))) for p in PARAMS]
    assert [t.split("(", 1)[1].split(")")[0].strip() for t in types] == [
        "bool",
        "object",
        "float",
    ]
    assert warnings_of(app._warning) == []
