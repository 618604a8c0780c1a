"""Sphinx configuration of proxydoc's own documentation (``make html``)."""

from __future__ import annotations

import sys
from pathlib import Path

import proxydoc

HERE = Path(__file__).resolve().parent
# Local helper extensions of these docs (the CLI reference directive).
sys.path.insert(0, str(HERE / "docs" / "_ext"))

project = "proxydoc"
author = "the proxydoc authors"
copyright = "2026, the proxydoc authors"
release = proxydoc.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.intersphinx",
    "proxydoc",
    "proxydoc_docs",
    "sqlalchemy_showcase",
    "compat_table",
]

root_doc = "index"
exclude_patterns = ["_build", "_inventories", "_tools", "_ext"]
html_static_path = ["docs/_static"]
html_css_files = ["proxydoc-docs.css"]
html_theme = "alabaster"
html_title = f"proxydoc {release}"
#: Options of the default theme; another theme (``-D html_theme=furo``) gets none.
ALABASTER_OPTIONS = {
    "description": "Parameter links and proxied members for Sphinx",
    "fixed_sidebar": False,
    "page_width": "1100px",
}

nitpicky = True

# -- The SQLAlchemy showcase ------------------------------------------------

# "Referenced by" under each parameter: SQLAlchemy's docstrings link many of
# Session's parameters from other methods' descriptions.
proxydoc_param_backlinks = True

# SQLAlchemy's own short module prefixes, as its docstrings use them
# (``:class:`_orm.Session```); the same table SQLAlchemy's docs configure.
proxydoc_module_prefixes = {
    "_sa": "sqlalchemy",
    "_engine": "sqlalchemy.engine",
    "_url": "sqlalchemy.engine",
    "_result": "sqlalchemy.engine",
    "_row": "sqlalchemy.engine",
    "_schema": "sqlalchemy.schema",
    "_types": "sqlalchemy.types",
    "_sqltypes": "sqlalchemy.types",
    "_asyncio": "sqlalchemy.ext.asyncio",
    "_expression": "sqlalchemy.sql.expression",
    "_sql": "sqlalchemy.sql.expression",
    "_dml": "sqlalchemy.sql.expression",
    "_ddl": "sqlalchemy.schema",
    "_functions": "sqlalchemy.sql.functions",
    "_pool": "sqlalchemy.pool",
    "_event": "sqlalchemy.event",
    "_events": "sqlalchemy.events",
    "_ormevent": "sqlalchemy.orm",
    "_ormevents": "sqlalchemy.orm",
    "_scoping": "sqlalchemy.orm.scoping",
    "_exc": "sqlalchemy.exc",
    "_reflection": "sqlalchemy.engine.reflection",
    "_orm": "sqlalchemy.orm",
    "_query": "sqlalchemy.orm",
    "_ormexc": "sqlalchemy.orm.exc",
    "_roles": "sqlalchemy.sql.roles",
    "_baked": "sqlalchemy.ext.baked",
    "_horizontal": "sqlalchemy.ext.horizontal_shard",
    "_associationproxy": "sqlalchemy.ext.associationproxy",
    "_automap": "sqlalchemy.ext.automap",
    "_hybrid": "sqlalchemy.ext.hybrid",
    "_compilerext": "sqlalchemy.ext.compiler",
    "_mutable": "sqlalchemy.ext.mutable",
    "_declarative": "sqlalchemy.ext.declarative",
    "_future": "sqlalchemy.future",
    "_futureorm": "sqlalchemy.future.orm",
    "_postgresql": "sqlalchemy.dialects.postgresql",
    "_mysql": "sqlalchemy.dialects.mysql",
    "_mssql": "sqlalchemy.dialects.mssql",
    "_oracle": "sqlalchemy.dialects.oracle",
    "_sqlite": "sqlalchemy.dialects.sqlite",
    "_util": "sqlalchemy.util",
}

import sqlalchemy  # noqa: E402

rst_epilog = f".. |sqlalchemy_version| replace:: {sqlalchemy.__version__}\n"

autodoc_class_signature = "separated"
autodoc_member_order = "alphabetical"
autodoc_default_options = {"exclude-members": "__new__"}

# SQLAlchemy's narrative docs (``:ref:`session_closing```, ``:term:`releases```)
# and Python's, from inventories kept in the repository: the build needs no
# network.  Regenerate them with ``python docs/_tools/sqlalchemy_inventory.py``
# and ``python docs/_tools/python_inventory.py``.
intersphinx_mapping = {
    "sqlalchemy": (
        "https://docs.sqlalchemy.org/en/21/",
        str(HERE / "docs" / "_inventories" / "sqlalchemy.inv"),
    ),
    "python": (
        "https://docs.python.org/3/",
        str(HERE / "docs" / "_inventories" / "python.inv"),
    ),
}

# -- Nitpicky, with the references that nothing documents -------------------
#
# Each entry below is checked by tests/docs: none of them resolves in these
# docs or in SQLAlchemy's inventory, so ignoring them hides no working link.
# The references that are wrong in SQLAlchemy's docstrings themselves are
# listed, one by one, in docs/_ext/sqlalchemy_showcase.py (UPSTREAM_DANGLING).

# SQLAlchemy's signatures name private type aliases (``_SessionBind``) and
# type variables (``_T``, ``sqlalchemy.orm.session._S``) that no
# documentation defines.
nitpick_ignore_regex = [
    ("py:class", r"_\w+"),
    ("py:class", r"sqlalchemy\.[\w.]+\._[A-Z]{1,2}\d*"),
    ("py:class", r"sqlalchemy\.util\._collections_cy\.IdentitySet"),
]

nitpick_ignore = [
    # Public-looking typing aliases of SQLAlchemy's signatures that its own
    # documentation does not document either.
    *(
        ("py:class", name)
        for name in (
            "Connectable",
            "CoreExecuteOptionsParameter",
            "ForUpdateParameter",
            "IdentitySet",
            "JoinTransactionMode",
            "ORMOption",
            "OrmExecuteOptionsParameter",
            "RowReturningQuery",
            "TupleAny",
            "TypedColumnsClauseRole",
            "TypedReturnsRows",
            "typing_extensions.Unpack",
        )
    ),
]


def _theme_options(app: object, config: object) -> None:
    if config.html_theme == "alabaster" and not config.html_theme_options:  # type: ignore[attr-defined]
        config.html_theme_options = dict(ALABASTER_OPTIONS)  # type: ignore[attr-defined]


def setup(app: object) -> None:
    """Give the default theme its options, whatever theme ``-D`` chooses."""
    app.connect("config-inited", _theme_options)  # type: ignore[attr-defined]
