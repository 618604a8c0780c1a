"""sphinx-autoapi: pages written from the source by astroid, never imported."""

from __future__ import annotations

from tests.helpers import warnings_of

from ._facade import expected, seen
from ._registry import checks

MODULE = "pd_compat_autoapi"
API = "autoapi/pd_compat_autoapi/index.html"


@checks(
    "sphinx-autoapi",
    "extension",
    "parameter anchors on its generated pages",
    ":paramref: links into them",
    "proxy note from the class_bases marker",
    "signature links",
    "no warnings",
)
def test_autoapi_pages_get_anchors_links_and_notes(shared_build) -> None:
    app = shared_build("compat-autoapi")
    assert seen(app.outdir, MODULE, API) == expected(MODULE, API)
    assert warnings_of(app._warning) == []
