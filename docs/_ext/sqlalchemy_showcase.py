"""What the SQLAlchemy showcase needs beyond proxydoc: SQLAlchemy's docs conventions.

SQLAlchemy builds its own docs with zzzeeksphinx, which adds a ``legacy``
directive and resolves loosely written references (``:meth:`Session.rollback```
inside an asyncio docstring, ``:doc:`queryguide/dml``` relative to SQLAlchemy's
``orm/`` folder).  These pages autodoc SQLAlchemy's real docstrings, so this
module gives them the same conventions -- for pages under ``showcase/`` only:

* ``.. legacy::`` renders as an admonition titled "Legacy Feature";
* a Python reference that names an object by a unique dotted suffix resolves to
  that object, here or in SQLAlchemy's inventory (as zzzeeksphinx does);
* a ``:doc:`` reference resolves to the SQLAlchemy page it names;
* a reference into the inventory Alembic's docs call ``sqla``
  (``:ref:`sqla:constraint_naming_conventions```, in the docstrings the
  Alembic showcase page renders) resolves in SQLAlchemy's inventory;
* :data:`UPSTREAM_DANGLING` lists, one by one, what SQLAlchemy's docstrings
  get wrong (dangling references, a parameter its signature lacks), so that
  the nitpicky build passes; nothing of SQLAlchemy's text is changed.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst.directives.admonitions import BaseAdmonition
from sphinx.ext.intersphinx import resolve_reference_in_inventory
from sphinx.util import logging

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

SHOWCASE = "showcase/"
INVENTORY = "sqlalchemy"
#: Alembic's docs name SQLAlchemy's inventory ``sqla`` (``:ref:`sqla:label```).
ALEMBIC_SQLALCHEMY_INVENTORY = "sqla:"

#: References in SQLAlchemy 2.1.9's docstrings (and one in Alembic 1.20.1's)
#: that are dangling in its own published docs too (its build is not nitpicky).  Added to ``nitpick_ignore``
#: while ``showcase_hide_upstream_problems`` is true (the default); listed one
#: by one, never by pattern.  ``tests/docs`` builds with it false and checks
#: that each is reported, by Sphinx or by proxydoc.
UPSTREAM_DANGLING: tuple[tuple[str, str], ...] = (
    # A constructor parameter written as an attribute, undocumented attributes.
    ("py:attr", "sqlalchemy.orm.Session.bind"),
    ("py:attr", "InstanceState.key"),
    ("py:attr", "sqlalchemy.ext.asyncio.AsyncEngine.sync_engine"),
    # :paramref: links to parameters that do not exist.
    ("py:paramref", "Session.refresh.params.lockmode"),
    ("py:paramref", "AsyncSession.get_async_bind.params.bind"),
    ("py:paramref", "sqlalchemy.ext.asyncio.AsyncSession.params.binds"),
    # A :param: field for a parameter the signature does not have: Session's
    # docstring documents sessionmaker's class_ (a proxydoc.param warning).
    ("py:parameter", "sqlalchemy.orm.Session.params.class_"),
    # Alembic 1.20.1 (the op showcase): Operations.add_column, and so
    # alembic.op.add_column, links the parameter as AddColumnOp's, a class
    # that documents no parameters, in Alembic's own docs too.
    ("py:paramref", "AddColumnOp.params.inline_primary_key"),
)


def hide_upstream_problems(app: Sphinx, config: Any) -> None:
    """Add :data:`UPSTREAM_DANGLING` to ``nitpick_ignore`` unless told not to.

    proxydoc expands module prefixes where the role is read, so the entries
    name targets in full (``sqlalchemy.orm.Session.bind``).
    """
    if not config.showcase_hide_upstream_problems:
        return
    config.nitpick_ignore = [*config.nitpick_ignore, *UPSTREAM_DANGLING]


class Legacy(BaseAdmonition):
    """zzzeeksphinx's ``.. legacy::``: a note that an API is a legacy feature."""

    node_class = nodes.admonition

    def run(self) -> list[nodes.Node]:
        self.arguments = ["Legacy Feature"]
        self.options.setdefault("class", []).append("legacy")
        return super().run()

    # BaseAdmonition only takes a title when node_class is admonition.
    optional_arguments: ClassVar[int] = 0


def _suffix_matches(names: Any, target: str, sep: str = ".") -> list[str]:
    suffix = sep + target
    return [n for n in names if n == target or n.endswith(suffix)]


def _local_match(env: BuildEnvironment, target: str, objtypes: list[str]) -> str | None:
    domain: Any = env.domains["py"]
    found = [
        name
        for name in _suffix_matches(domain.objects, target)
        if domain.objects[name].objtype in objtypes and not domain.objects[name].aliased
    ]
    return found[0] if len(found) == 1 else None


def _inventory_match(
    env: BuildEnvironment, domain: str, target: str, objtypes: list[str], sep: str = "."
) -> str | None:
    inventory = getattr(env, "intersphinx_named_inventory", {}).get(INVENTORY, {})
    by_uri: dict[str, str] = {}
    for objtype in objtypes:
        entries = inventory.get(f"{domain}:{objtype}", {})
        for name in _suffix_matches(entries, target, sep):
            by_uri.setdefault(entries[name].uri, name)
    return next(iter(by_uri.values())) if len(by_uri) == 1 else None


def resolve_loose_reference(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.reference | None:
    """Resolve a showcase reference the way SQLAlchemy's own docs do."""
    if not node.get("refdoc", "").startswith(SHOWCASE):
        return None
    domain, reftype = node.get("refdomain"), node.get("reftype")
    target = node["reftarget"].lstrip("~.").lstrip("/")
    if target.startswith(ALEMBIC_SQLALCHEMY_INVENTORY):
        name = target.removeprefix(ALEMBIC_SQLALCHEMY_INVENTORY)
        return _in_inventory(env, node, contnode, name)
    if domain == "std" and reftype == "doc":
        name = _inventory_match(env, "std", target, ["doc"], sep="/")
        return _in_inventory(env, node, contnode, name)
    if domain != "py" or reftype == "paramref":
        return None
    objtypes = list(env.domains["py"].objtypes_for_role(reftype) or [])
    local = _local_match(env, target, objtypes)
    if local is not None:
        return env.domains["py"].resolve_xref(
            env, node["refdoc"], app.builder, reftype, local, node, contnode
        )
    name = _inventory_match(env, "py", target, objtypes)
    return _in_inventory(env, node, contnode, name)


@contextmanager
def _target(node: pending_xref, target: str) -> Iterator[None]:
    """*node* names *target* for the duration (intersphinx reads the node itself)."""
    original = node["reftarget"]
    node["reftarget"] = target
    try:
        yield
    finally:
        node["reftarget"] = original


def _in_inventory(
    env: BuildEnvironment,
    node: pending_xref,
    contnode: nodes.TextElement,
    name: str | None,
) -> nodes.reference | None:
    if name is None:
        return None
    with _target(node, name):
        return resolve_reference_in_inventory(env, INVENTORY, node, contnode)


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directive and the two event handlers."""
    app.setup_extension("sphinx.ext.intersphinx")
    app.add_config_value("showcase_hide_upstream_problems", True, "env", bool)
    app.connect("config-inited", hide_upstream_problems)
    app.add_directive("legacy", Legacy)
    # After intersphinx (500), which resolves exact names first.
    app.connect("missing-reference", resolve_loose_reference, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
