"""The names an imported object goes by: where it is defined, where it is re-exported.

``alembic.operations.Operations`` is defined in ``alembic.operations.base``
and re-exported by ``alembic.operations``, where its documentation puts it.
:func:`names_of` lists an object's names, public re-exports first (shortest
parent package first), the defining module's name last; :func:`public_name`
is the first of them.  :func:`names_for` does the same for a dotted name as
written, a member of a class taking its class's names.  Only objects already
imported are read: parent packages are imported with their module.
"""

from __future__ import annotations

import inspect
import sys
from types import ModuleType

from proxydoc.core.imports import MISSING, import_object


def defining_name(obj: object) -> str | None:
    """``module.Qual.Name`` where *obj* is defined, or None when it does not say.

    A module is named by its ``__name__``; a class or function by its
    ``__module__`` and ``__qualname__``, unless it is local to a function.
    """
    if isinstance(obj, ModuleType):
        return obj.__name__
    module = getattr(obj, "__module__", None)
    qualname = getattr(obj, "__qualname__", None)
    if not isinstance(module, str) or not isinstance(qualname, str):
        return None
    if not module or "<" in qualname:
        return None
    return f"{module}.{qualname}"


def reexported_names(obj: object) -> list[str]:
    """Names of *obj* in the parent packages of its module, shortest path first.

    A parent re-exports *obj* when it binds the outermost name of its
    ``__qualname__`` to the same object as the defining module does
    (``alembic.operations.Operations`` is ``alembic.operations.base.Operations``).
    """
    if isinstance(obj, ModuleType):
        return []
    defined = defining_name(obj)
    if defined is None:
        return []
    qualname: str = obj.__qualname__  # type: ignore[attr-defined]
    module_name = defined.removesuffix(f".{qualname}")
    outer = qualname.partition(".")[0]
    module = sys.modules.get(module_name)
    top = _outermost(module, qualname, obj) if module is not None else MISSING
    if top is MISSING:
        return []
    parts = module_name.split(".")
    names = []
    for length in range(1, len(parts)):
        parent = sys.modules.get(".".join(parts[:length]))
        if parent is not None and vars(parent).get(outer, MISSING) is top:
            names.append(f"{parent.__name__}.{qualname}")
    return names


def _outermost(module: ModuleType, qualname: str, obj: object) -> object:
    """What *module* binds the first name of *qualname* to, if the path leads to *obj*.

    Read from the module's namespace and statically, so no module
    ``__getattr__`` or descriptor runs; ``MISSING`` when the path leads elsewhere.
    """
    outer, _, rest = qualname.partition(".")
    top = vars(module).get(outer, MISSING)
    current = top
    for part in rest.split(".") if rest else ():
        try:
            current = inspect.getattr_static(current, part)
        except AttributeError:
            return MISSING
    return top if current is obj and top is not MISSING else MISSING


def names_of(obj: object) -> list[str]:
    """Every name *obj* goes by: re-exports, shortest first, then its own module's."""
    defined = defining_name(obj)
    if defined is None:
        return []
    return [*reexported_names(obj), defined]


def public_name(obj: object) -> str | None:
    """The shortest public re-export of *obj*, else where it is defined."""
    names = names_of(obj)
    return names[0] if names else None


def names_for(name: str) -> list[str]:
    """Every name the object written *name* goes by, as :func:`names_of` orders them.

    A member of a class (``pkg._base.Target.add_column``, inherited or not)
    takes its class's names; anything else its own.  Empty when *name* does
    not import.
    """
    obj = import_object(name)
    if obj is MISSING:
        return []
    owner_name, _, member = name.rpartition(".")
    owner = import_object(owner_name) if owner_name else MISSING
    if isinstance(owner, type) and not isinstance(obj, ModuleType):
        return [f"{owner_names}.{member}" for owner_names in names_of(owner)]
    return names_of(obj)
