"""numpydoc: NumPy sections become numpydoc's field lists; the marker survives them."""

from __future__ import annotations

from tests.helpers import warnings_of

from ._facade import expected, page, seen
from ._registry import checks

MODULE = "pd_compat_numpydoc"


@checks(
    "numpydoc",
    "extension",
    "parameter anchors (the *args spelling kept as a second id)",
    ":paramref: links",
    "proxy note from the class_bases marker before the Parameters section",
    "signature links",
    "no warnings",
)
def test_numpydoc_sections_get_anchors_links_and_notes(shared_build) -> None:
    app = shared_build("compat-numpydoc")
    assert seen(app.outdir, MODULE, "index.html") == expected(MODULE, "index.html")
    api = page(app.outdir, "index.html")
    star = api.find(id=f"{MODULE}.ScopedSession.close.params.*args")
    assert star is not None and star.get_text() == "*args"
    assert warnings_of(app._warning) == []
