"""The real SQLAlchemy: every ``class_bases`` marker of ``scoped_session`` becomes a
note linking the right ``Session`` member, and ``Session`` links back."""

from __future__ import annotations

import inspect

import pytest
from sqlalchemy.orm.scoping import scoped_session

from .helpers import notes_by_member, proxied_by, proxy_warnings, soup

#: autodoc of the real Session and scoped_session, about 200 members.
pytestmark = pytest.mark.slow

SCOPED = "sqlalchemy.orm.scoping.scoped_session"
SESSION = "sqlalchemy.orm.Session"


def marker_kind(member: str) -> str | None:
    """How the docstring of ``scoped_session.<member>`` marks it as a proxy."""
    raw = inspect.getattr_static(scoped_session, member, None)
    doc = inspect.getdoc(raw) or ""
    if ".. container:: class_bases" in doc:
        return "container"
    if doc.startswith("Proxy for the :attr:"):
        return "attribute"
    return None


def test_every_class_bases_container_links_its_session_member(shared_build):
    app = shared_build("proxy-sqlalchemy")
    scoping = soup(app, "scoping")
    notes = notes_by_member(scoping)
    containers = sorted(
        f"{SCOPED}.{name}"
        for name in vars(scoped_session)
        if marker_kind(name) == "container"
    )
    assert len(containers) == 40  # every copy SQLAlchemy 2.1.9 generates
    assert not scoping.select("div.class-bases")
    for member in containers:
        name = member.rpartition(".")[2]
        text, hrefs = notes[member]
        suffix = "()" if callable(getattr(scoped_session, name)) else ""
        assert (
            text == f"Proxied for Session.{name}{suffix} on behalf of scoped_session."
        )
        assert hrefs == [
            f"session.html#{SESSION}.{name}",
            f"#{SCOPED}",
        ]
    assert not proxy_warnings(app._warning.getvalue(), "proxy")
    # SQLAlchemy 2.1.9 regenerates its copies: none has drifted
    assert not proxy_warnings(app._warning.getvalue(), "proxy-drift")


def test_attribute_pointers_become_notes_too(shared_build):
    app = shared_build("proxy-sqlalchemy")
    scoping, session = soup(app, "scoping"), soup(app, "session")
    notes = notes_by_member(scoping)
    documented = {dt["id"] for dt in session.select("dt[id]")}
    pointers = [m for m in notes if marker_kind(m.rpartition(".")[2]) == "attribute"]
    assert f"{SCOPED}.bind" in pointers and f"{SCOPED}.identity_map" in pointers
    for member in pointers:
        name = member.rpartition(".")[2]
        text, hrefs = notes[member]
        assert text == f"Proxied for Session.{name} on behalf of scoped_session."
        target = f"session.html#{SESSION}.{name}"
        # Session.bind is an instance attribute autodoc does not document
        assert (target in hrefs) == (f"{SESSION}.{name}" in documented)
    assert sorted(notes) == sorted(
        m
        for m in (dt["id"] for dt in scoping.select("dt[id]"))
        if marker_kind(m.rpartition(".")[2])
    )


def test_session_lists_scoped_session_as_proxy(shared_build):
    app = shared_build("proxy-sqlalchemy")
    back = proxied_by(soup(app, "session"))
    for name in ("close", "reset"):
        assert back[f"{SESSION}.{name}"] == [f"scoping.html#{SCOPED}.{name}"]
    assert len(back) == 42  # 40 copies and the 2 documented attributes
