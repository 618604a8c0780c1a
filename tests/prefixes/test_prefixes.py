"""Module prefixes in every Python role, from either configuration name."""

from __future__ import annotations

import pytest

from proxydoc.core.prefixes import expand_prefix, strip_prefix
from tests.helpers import soup, warnings_of

PREFIXES = {"_orm": "sqlalchemy.orm"}


@pytest.mark.parametrize(
    ("target", "expanded", "shown"),
    [
        ("_orm.Session", "sqlalchemy.orm.Session", "Session"),
        (
            "_orm.scoping.scoped_session",
            "sqlalchemy.orm.scoping.scoped_session",
            "scoping.scoped_session",
        ),
        ("_orm", "sqlalchemy.orm", "sqlalchemy.orm"),
        ("_ormx.Session", "_ormx.Session", "_ormx.Session"),
        (
            "sqlalchemy._orm.Session",
            "sqlalchemy._orm.Session",
            "sqlalchemy._orm.Session",
        ),
        ("", "", ""),
    ],
    ids=[
        "prefix-and-name",
        "prefix-and-path",
        "prefix-alone",
        "longer-token",
        "token-not-first",
        "empty",
    ],
)
def test_expand_and_strip(target, expanded, shown):
    assert expand_prefix(target, PREFIXES) == expanded
    assert strip_prefix(target, PREFIXES) == shown


def test_every_python_role_expands_prefixes(shared_build):
    app = shared_build("roles")
    para = soup(app).select_one("p.roles")
    links = [(a.get_text(), a["href"]) for a in para.select("a")]
    base = "#pd_roles.core"
    assert links == [
        ("Thing", f"{base}.Thing"),
        ("Thing.grow()", f"{base}.Thing.grow"),
        ("make()", f"{base}.make"),
        ("Thing.size", f"{base}.Thing.size"),
        ("DEFAULT", f"{base}.DEFAULT"),
        ("DEFAULT", f"{base}.DEFAULT"),
        ("Broken", f"{base}.Broken"),
        ("pd_roles.core", "#module-pd_roles.core"),
        ("Thing", f"{base}.Thing"),
        ("Thing", f"{base}.Thing"),
        ("Thing.grow.by", f"{base}.Thing.grow.params.by"),
        ("grow()", f"{base}.Thing.grow"),
        ("making", f"{base}.make"),
    ]
    assert "_core" not in para.get_text() and "_zz" not in para.get_text()
    assert warnings_of(app._warning) == []


def test_annotations_with_prefixes_link_without_them(shared_build):
    app = shared_build("roles")
    sig = soup(app).find(id="pd_roles.core.build")
    links = [(a.get_text(), a["href"]) for a in sig.select("a.reference")]
    assert links == [
        ("thing", "#pd_roles.core.build.params.thing"),  # the parameter's entry
        ("Thing", "#pd_roles.core.Thing"),
        ("Other", "#pd_roles.core.Other"),
    ]
    assert "_core" not in sig.get_text()


def test_suffix_search_and_canonical_names(shared_build):
    app = shared_build("roles")
    para = soup(app).select_one("p.params")
    links = [(a.get_text(), a["href"]) for a in para.select("a")]
    assert links == [
        ("Other.grow.by", "#pd_roles.core.Other.grow.params.by"),
        ("Thing.grow.by", "#pd_roles.core.Thing.grow.params.by"),
        ("Widget.w", "#pd_roles.core.Widget.params.w"),
    ]
    assert warnings_of(app._warning) == []


def test_section_titled_with_a_prefix_keeps_its_old_id(shared_build):
    app = shared_build("roles")
    section = soup(app).find("h2").parent
    assert section.h2.get_text().startswith("Using Thing in a title")
    # the id the title gave with the prefix comes first (links on the web, the
    # table of contents); the id of the shortened text is kept as well
    assert section["id"] == "using-core-thing-in-a-title"
    assert section.select_one("span#using-thing-in-a-title") is not None
    toc = soup(app).select('a[href="#using-core-thing-in-a-title"]')
    assert toc, "the table of contents links the old id"
    # every prefixed role of a title counts: the old id reads both prefixes
    assert soup(app).find(id="core-make-replaces-zz-thing").name == "section"


def test_prefixes_on_the_params_root(shared_build):
    """The params root's own prefix (``_eng``), in :meth: and :class: roles."""
    app = shared_build("params")
    page = soup(app, "refs")
    engine = "pd_params.engine"
    shown = {
        c.get_text(): c.parent.get("href")
        for c in page.select("code.py-meth, code.py-class")
    }
    assert shown == {
        "Engine.connect()": f"index.html#{engine}.Engine.connect",
        "Engine": f"index.html#{engine}.Engine",
        "engine": f"index.html#{engine}.Engine",
        "connect()": f"index.html#{engine}.Engine.connect",
    }
    assert "_eng." not in page.get_text()
