"""Module prefixes in every Python role, from either configuration name."""

from __future__ import annotations

import pytest

from proxydoc._prefixes import expand_prefix, strip_prefix
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
)
def test_expand_and_strip(target, expanded, shown):
    assert expand_prefix(target, PREFIXES) == expanded
    assert strip_prefix(target, PREFIXES) == shown


@pytest.mark.sphinx("html", testroot="roles", freshenv=True)
def test_every_python_role_expands_prefixes(app, warning):
    app.build()
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
    assert warnings_of(warning) == []
