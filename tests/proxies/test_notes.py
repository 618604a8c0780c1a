"""``class_bases`` markers become notes linking the target member and the facade."""

from __future__ import annotations

import pytest
from docutils import nodes

from .helpers import (
    at_marker,
    notes_by_member,
    proxied_by,
    proxy_warnings,
    soup,
    text_of,
)

MOD = "proxy_basic_mod"
FACADE = f"{MOD}.ScopedSession"
TARGET = f"{MOD}.Session"


def links(member: str) -> list[str]:
    """The two links of a note: target member, facade class."""
    return [f"session.html#{TARGET}.{member}", f"#{FACADE}"]


def test_both_wordings_with_and_without_prefixes(shared_build):
    app = shared_build("proxy-basic")
    notes = notes_by_member(soup(app, "facade"))
    expected = {
        # "Proxied for the :class:`_pm.Session` class on behalf of ..." (prefix)
        "close": "Proxied for Session.close() on behalf of ScopedSession.",
        # the same wording with relative names (:class:`.Session`)
        "reset": "Proxied for Session.reset() on behalf of ScopedSession.",
        # full module names, broken over lines differently
        "flush": "Proxied for Session.flush() on behalf of ScopedSession.",
        # "Proxy for the :attr:`_pm.Session.bind` attribute ..." as the docstring
        "bind": "Proxied for Session.bind on behalf of ScopedSession.",
        # the attribute wording inside the container, with a ~ title
        "info": "Proxied for Session.info on behalf of ScopedSession.",
    }
    assert {k: v[0] for k, v in notes.items()} == {
        f"{FACADE}.{m}": text for m, text in expected.items()
    }
    for member in expected:
        assert notes[f"{FACADE}.{member}"][1] == links(member)


def test_marker_text_is_gone_and_mismatch_renders_as_before(shared_build):
    app = shared_build("proxy-basic")
    page = soup(app, "facade")
    left = page.select("div.class-bases")
    assert [text_of(d) for d in left] == [
        "Borrowed from Session for a while.",
        "Proxied for the Session class on behalf of the ScopedSession class.",
    ]
    owners = [d.find_parent("dd").find_previous_sibling("dt")["id"] for d in left]
    assert owners == [f"{FACADE}.odd", f"{MOD}.Marked"]
    rest = text_of(page.select_one("div.body")).replace(text_of(left[1]), "")
    assert "Proxy for the" not in rest and "Proxied for the" not in rest
    mismatch, not_member = proxy_warnings(app._warning.getvalue(), "proxy")
    assert at_marker(mismatch, "docstring of proxy_basic_mod.ScopedSession.odd", 3)
    assert "class_bases container does not read" in mismatch
    assert at_marker(not_member, "docstring of proxy_basic_mod.Marked", 3)
    assert "proxy marker not understood: a class is not a member" in not_member


def test_drift_warns_once_naming_both_members(shared_build):
    app = shared_build("proxy-basic")
    (drift,) = proxy_warnings(app._warning.getvalue(), "proxy-drift")
    assert at_marker(drift, "docstring of proxy_basic_mod.ScopedSession.flush", 3)
    assert f"{FACADE}.flush" in drift
    assert f"{TARGET}.flush" in drift


def test_targets_list_their_proxies_and_facade_lists_members(shared_build):
    app = shared_build("proxy-basic")
    assert proxied_by(soup(app, "session")) == {
        f"{TARGET}.{m}": [f"facade.html#{FACADE}.{m}"]
        for m in ("bind", "close", "flush", "info", "reset")
    }
    close = soup(app, "session").find("dt", id=f"{TARGET}.close").find_next("dd")
    line = close.select_one("div.proxydoc-proxied-by")
    assert text_of(line) == "Proxied by ScopedSession.close()."
    (summary,) = soup(app, "facade").select("div.proxydoc-proxy-summary")
    assert text_of(summary) == (
        "Proxies for Session: bind, close(), flush(), info, reset()."
    )
    hrefs = [a["href"] for a in summary.select("a")]
    assert hrefs[0] == f"session.html#{TARGET}"
    assert hrefs[1:] == [
        f"#{FACADE}.{m}" for m in ("bind", "close", "flush", "info", "reset")
    ]
    # the summary sits in the class's own text, before its members
    assert summary.find_parent("dd").find_previous_sibling("dt")["id"] == FACADE


def test_stylesheet_is_added(shared_build):
    app = shared_build("proxy-basic")
    page = soup(app, "facade")
    assert page.select('link[href*="_static/proxydoc-proxies.css"]')
    assert (app.outdir / "_static" / "proxydoc-proxies.css").is_file()
    assert page.select_one("div.proxydoc-proxy-note")["role"] == "note"


def test_unindexed_description_gets_a_note_but_no_back_link(shared_build):
    app = shared_build("proxy-basic")
    page = soup(app, "facade")
    notes = [text_of(n) for n in page.select("div.proxydoc-proxy-note")]
    assert notes.count("Proxied for Session.close() on behalf of ScopedSession.") == 2
    # Session.close still lists one proxy: the indexed description
    assert proxied_by(soup(app, "session"))[f"{TARGET}.close"] == [
        f"facade.html#{FACADE}.close"
    ]


@pytest.mark.sphinx(
    "html",
    testroot="proxy-basic",
    freshenv=True,
    confoverrides={"proxydoc_proxies": {"pkg.Facade": {"members": ["x"]}}},
)
def test_bad_proxies_config_warns(app):
    app.build()
    (bad,) = proxy_warnings(app._warning.getvalue(), "config")
    assert "proxydoc_proxies['pkg.Facade'] must be a dict with 'target'" in bad
    assert app.config.proxydoc_proxies == {}


@pytest.mark.sphinx(
    "html",
    testroot="proxy-basic",
    freshenv=True,
    confoverrides={"extensions": ["sphinx.ext.autodoc", "proxydoc", "summary_probe"]},
)
def test_summary_handlers_see_the_marker_sentence(app):
    """Handlers that copy a member's first paragraph (zzzeeksphinx's member
    tables) run before the marker becomes a note, so the summary keeps it."""
    import summary_probe

    summary_probe.SEEN.clear()
    app.build()
    kind, text = summary_probe.SEEN[f"{FACADE}.bind"]
    assert kind is nodes.paragraph
    assert text.startswith("Proxy for the") and "Session.bind" in text
    # ... and the page still shows the note in its place.
    notes = notes_by_member(soup(app, "facade"))
    assert f"{FACADE}.bind" in notes
