"""sphinx-autodoc2: pages written from its own static analysis of the package."""

from __future__ import annotations

from tests.helpers import warnings_of

from ._facade import expected, seen
from ._registry import checks

MODULE = "pd_compat_autodoc2"
API = "apidocs/pd_compat_autodoc2/pd_compat_autodoc2.html"


@checks(
    "sphinx-autodoc2",
    "extension",
    "parameter anchors on its generated pages",
    ":paramref: links into them",
    "proxy note from the class_bases marker",
    "signature links",
    "no warnings",
)
def test_autodoc2_pages_get_anchors_links_and_notes(shared_build) -> None:
    app = shared_build("compat-autodoc2")
    assert seen(app.outdir, MODULE, API) == expected(MODULE, API)
    assert warnings_of(app._warning) == []
