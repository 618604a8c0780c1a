"""Objects named as documented, whatever name a marker or ``:target:`` wrote.

A marker may name ``alembic.operations.base.Operations`` (where the class is
defined) while the docs describe it as ``alembic.operations.Operations``.  A
reference is looked up first as Sphinx resolves it; failing that, the object
it names is imported and each of its names (:mod:`proxydoc.core.names`) is
looked up.  An alias (autodoc's ``:canonical:``) gives way to the name it
aliases.  Undocumented, an object is named by its public re-export, else by
where it is defined.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from proxydoc._compat import find_python_object
from proxydoc.core.imports import candidate_names
from proxydoc.core.names import names_for

if TYPE_CHECKING:
    from sphinx.domains.python import ObjectEntry, PythonDomain

    from proxydoc.proxies._graph import ObjRef


def import_names(ref: ObjRef) -> list[str]:
    """The names of the object *ref* stands for, public re-exports first.

    *ref* is read in its context as Python references are (in the class, in
    the module, as written); the first reading that imports wins.
    """
    for candidate in candidate_names(ref.target, ref.module, ref.cls):
        names = names_for(candidate)
        if names:
            return names
    return []


def find_documented(
    domain: PythonDomain, ref: ObjRef
) -> tuple[str, ObjectEntry] | None:
    """The documented object *ref* names, and the name it is documented under."""
    found = find_python_object(
        domain, ref.module or "", ref.cls or "", ref.target, ref.specific
    )
    if found:
        return unaliased(domain, *found[0])
    for name in import_names(ref):
        entry = domain.objects.get(name)
        if entry is not None:
            return unaliased(domain, name, entry)
    return None


def unaliased(
    domain: PythonDomain, name: str, entry: ObjectEntry
) -> tuple[str, ObjectEntry]:
    """The description an alias (``:canonical:``) stands for, by its own name."""
    if not entry.aliased:
        return name, entry
    for other, candidate in domain.objects.items():
        if (
            not candidate.aliased
            and candidate.node_id == entry.node_id
            and candidate.docname == entry.docname
        ):
            return other, candidate
    return name, entry


def undocumented_name(ref: ObjRef) -> str | None:
    """The public name of an object no description has; None if it does not import.

    Its shortest re-export, else where it is defined.
    """
    names = import_names(ref)
    return names[0] if names else None
