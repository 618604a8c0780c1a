"""A proxy of a proxy: its docstring carries both markers; the graph takes its own."""

from __future__ import annotations

import pytest

from .helpers import proxied_by, proxy_warnings, soup, text_of

MOD = "proxy_chain_mod"


@pytest.mark.sphinx("html", testroot="proxy-chain", freshenv=True)
def test_chain_shows_both_notes_and_records_the_own_one(app):
    app.build()
    page = soup(app, "index")
    texts = [text_of(n) for n in page.select("div.proxydoc-proxy-note")]
    assert "Proxied for AsyncSession.add() on behalf of AsyncScopedSession." in texts
    # AsyncSession's two own notes, and two on each AsyncScopedSession member
    assert len(texts) == 6
    assert texts.count("Proxied for Session.add() on behalf of AsyncSession.") == 2
    back = proxied_by(page)
    assert back[f"{MOD}.Session.add"] == [f"#{MOD}.AsyncSession.add"]
    assert back[f"{MOD}.AsyncSession.add"] == [f"#{MOD}.AsyncScopedSession.add"]
    # the own marker second in the docstring is still the one recorded
    assert back[f"{MOD}.AsyncSession.delete"] == [f"#{MOD}.AsyncScopedSession.delete"]
    assert back[f"{MOD}.Session.delete"] == [f"#{MOD}.AsyncSession.delete"]
    # the copy of add matches (both markers ignored); delete's text drifted
    (drift,) = proxy_warnings(app._warning.getvalue(), "proxy-drift")
    assert (
        f"{MOD}.AsyncScopedSession.delete is a copy of {MOD}.AsyncSession.delete"
        in (drift)
    )
