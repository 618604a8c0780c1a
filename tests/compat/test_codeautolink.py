"""sphinx-codeautolink: code examples link their names; proxydoc's links stay."""

from __future__ import annotations

from tests.helpers import warnings_of

from ._facade import expected, page, seen
from ._registry import checks

MODULE = "pd_compat_codeautolink"


@checks(
    "sphinx-codeautolink",
    "extension",
    "parameter anchors",
    ":paramref: links",
    "proxy note from the class_bases marker",
    "signature links",
    "the example's names still link to their objects",
    "no warnings",
)
def test_codeautolink_keeps_anchors_links_and_notes(shared_build) -> None:
    app = shared_build("compat-codeautolink")
    assert seen(app.outdir, MODULE, "index.html") == expected(MODULE, "index.html")
    example = page(app.outdir, "index.html").select_one("div.highlight-python")
    linked = {
        a.get_text(): a["href"] for a in example.select("a.sphinx-codeautolink-a")
    }
    assert linked == {
        "pd_compat_codeautolink": "index.html#module-pd_compat_codeautolink",
        "ScopedSession": f"index.html#{MODULE}.ScopedSession",
        "scoped": f"index.html#{MODULE}.ScopedSession",
        "scoped.close": f"index.html#{MODULE}.ScopedSession.close",
    }
    assert warnings_of(app._warning) == []
