"""A ``class_bases`` container inside another: one marker, read once."""

from __future__ import annotations

from .helpers import (
    at_marker,
    notes_by_member,
    proxied_by,
    proxy_warnings,
    soup,
)

NOTE = "Proxied for Session.{0}() on behalf of Facade."


def test_nested_containers_are_one_marker(shared_build):
    app = shared_build("proxy-nested")
    page = soup(app)
    notes = notes_by_member(page)
    for member in ("twice", "thrice", "beside"):
        text, _links = notes.pop(f"Facade.{member}")
        assert text == NOTE.format(member)
    assert notes == {}
    assert proxied_by(page) == {
        f"Session.{member}": [f"#Facade.{member}"]
        for member in ("twice", "thrice", "beside")
    }
    twice = page.find(id="Facade.twice").find_next_sibling("dd")
    assert len(twice.select("div.proxydoc-proxy-note")) == 1
    assert not twice.select("div.class-bases")  # no empty wrapper is left
    assert "The text of twice." in twice.get_text()


def test_nested_containers_warn_once_where_they_do_not_read(shared_build):
    app = shared_build("proxy-nested")
    warnings = proxy_warnings(app._warning.getvalue(), "proxy")
    assert len(warnings) == 2, warnings
    unreadable, beside = warnings
    # the sentence that does not read is the innermost container's
    assert at_marker(unreadable, "index.rst", 32)
    assert "class_bases container does not read" in unreadable
    # a container holding a marker and more text is not a marker itself;
    # docutils before 0.22 numbers no container: the first text in it is at 42
    assert any(f"index.rst:{n}: WARNING" in beside for n in (38, 42)), beside
    assert "class_bases container does not read" in beside
    page = soup(app)
    unread = page.find(id="Facade.unreadable").find_next_sibling("dd")
    assert len(unread.select("div.class-bases")) == 2  # left as it is
    assert "Proxied for the Session class." in unread.get_text()
