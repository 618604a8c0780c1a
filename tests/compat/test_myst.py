"""MyST: descriptions written in Markdown, linked by role and by anchor."""

from __future__ import annotations

from tests.helpers import warnings_of

from ._facade import anchor, expected, page, seen
from ._registry import checks

MODULE = "pd_compat_myst"


@checks(
    "myst-parser",
    "extension",
    "parameter anchors of {py:method} descriptions written in Markdown",
    "{py:paramref} links",
    "[text](#…params.name) links",
    "proxy note from a class_bases container written in Markdown",
    "signature links",
    "no warnings",
)
def test_myst_descriptions_get_anchors_links_and_notes(shared_build) -> None:
    app = shared_build("compat-myst")
    assert seen(app.outdir, MODULE, "api.html") == expected(MODULE, "api.html")
    by_anchor = [
        (a.get_text(), a["href"])
        for a in page(app.outdir, "index.html").select("p > a.reference.internal")
        if a.code is None  # not a {py:paramref}
    ]
    assert by_anchor == [
        ("the force flag", f"api.html#{anchor(MODULE, 'ScopedSession', 'force')}"),
        ("the timeout", f"api.html#{anchor(MODULE, 'Session', 'timeout')}"),
    ]
    assert warnings_of(app._warning) == []
