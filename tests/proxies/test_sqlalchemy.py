"""The real SQLAlchemy: every ``class_bases`` marker of ``scoped_session`` becomes a
note linking the right ``Session`` member, and ``Session`` links back."""

from __future__ import annotations

import inspect

import pytest

from .helpers import notes_by_member, proxied_by, proxy_warnings, soup

sqlalchemy = pytest.importorskip("sqlalchemy.orm.scoping")

SCOPED = "sqlalchemy.orm.scoping.scoped_session"
SESSION = "sqlalchemy.orm.Session"


def marker_kind(member: str) -> str | None:
    """How the docstring of ``scoped_session.<member>`` marks it as a proxy."""
    raw = inspect.getattr_static(sqlalchemy.scoped_session, member, None)
    doc = inspect.getdoc(raw) or ""
    if ".. container:: class_bases" in doc:
        return "container"
    if doc.startswith("Proxy for the :attr:"):
        return "attribute"
    return None


@pytest.mark.sphinx("html", testroot="proxy-sqlalchemy", freshenv=True)
def test_scoped_session_notes_link_session_members(app):
    app.build()
    scoping, session = soup(app, "scoping"), soup(app, "session")
    documented = [dt["id"] for dt in scoping.select("dt[id]") if dt["id"] != SCOPED]
    kinds = {m: marker_kind(m.rpartition(".")[2]) for m in documented}
    notes = notes_by_member(scoping)
    assert sorted(notes) == sorted(m for m, kind in kinds.items() if kind)
    containers = [m for m, kind in kinds.items() if kind == "container"]
    assert len(containers) >= 30  # Session's copied methods and properties
    assert not scoping.select("div.class-bases")
    session_ids = {dt["id"] for dt in session.select("dt[id]")}
    for member, (text, hrefs) in notes.items():
        name = member.rpartition(".")[2]
        assert text.startswith(f"Proxied for Session.{name}")
        assert text.endswith("on behalf of scoped_session.")
        assert hrefs[0] == f"session.html#{SESSION}"
        assert hrefs[-1] == f"#{SCOPED}"
        if f"{SESSION}.{name}" in session_ids:
            assert hrefs[1] == f"session.html#{SESSION}.{name}"
        else:  # e.g. Session.bind: an instance attribute autodoc does not list
            assert len(hrefs) == 2
    assert not proxy_warnings(app._warning.getvalue(), "proxy")
    # SQLAlchemy 2.1.9 regenerates its copies: none has drifted
    assert not proxy_warnings(app._warning.getvalue(), "proxy-drift")


@pytest.mark.sphinx("html", testroot="proxy-sqlalchemy")
def test_session_lists_scoped_session_as_proxy(app):
    app.build()
    back = proxied_by(soup(app, "session"))
    for name in ("close", "reset"):
        assert back[f"{SESSION}.{name}"] == [f"scoping.html#{SCOPED}.{name}"]
    assert len(back) >= 30
