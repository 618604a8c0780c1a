"""Objects named by dotted names (``pkg.mod.Class.member``) or ``pkg.mod:Class``.

Three callers, three needs: drift checks and ``autoproxy`` want the raw
attribute and never an exception (:func:`import_object`), ``proxydoc generate``
wants the exception to report (:func:`import_target`), and ``proxydoc lint``
does not know where a dotted name's module ends (:func:`import_dotted`).
"""

from __future__ import annotations

import importlib
import inspect
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

#: What :func:`import_object` returns for a name that cannot be imported.
MISSING = object()


def import_object(name: str) -> object:
    """The object a dotted *name* names, or ``MISSING`` when it cannot be imported.

    A module imported already is used as it is; the last name is read with
    :func:`inspect.getattr_static` (a descriptor, not what it computes).
    """
    parts = name.split(".")
    for split in range(len(parts), 0, -1):  # a module imported already: no lookup
        module = sys.modules.get(".".join(parts[:split]))
        if module is not None:
            found = _attribute_path(module, parts[split:])
            if found is not MISSING:
                return found
            break
    for split in range(len(parts), 0, -1):
        try:
            obj: object = importlib.import_module(".".join(parts[:split]))
        except Exception:  # importing user code may raise anything
            continue
        return _attribute_path(obj, parts[split:])
    return MISSING


def _attribute_path(obj: object, names: list[str]) -> object:
    for position, name in enumerate(names):
        last = position == len(names) - 1
        try:
            obj = inspect.getattr_static(obj, name) if last else getattr(obj, name)
        except Exception:  # so may a descriptor
            return MISSING
    return obj


def candidate_names(target: str, module: str | None, cls: str | None) -> Iterator[str]:
    """Full names *target* may stand for, read in *module* and *cls*.

    In the order Python cross-references are searched: in the class, in the
    module, then as written.
    """
    target = target.lstrip(".")
    if module and cls:
        yield f"{module}.{cls}.{target}"
    if module:
        yield f"{module}.{target}"
    yield target


def import_first(names: Iterable[str]) -> object:
    """The object the first importable of *names* names, or ``MISSING``."""
    for name in names:
        obj = import_object(name)
        if obj is not MISSING:
            return obj
    return MISSING


def import_target(ref: str) -> Any:
    """The object named by ``package.module:Qual.Name``; raises what importing raises.

    A name the object lacks is tried as a submodule (``package:module.Class``).
    """
    module_name, _, qualname = ref.partition(":")
    obj: Any = importlib.import_module(module_name)
    for part in qualname.split(".") if qualname else ():
        try:
            obj = getattr(obj, part)
        except AttributeError:
            module_name = f"{module_name}.{part}"
            obj = importlib.import_module(module_name)
    return obj


def import_dotted(path: str) -> Any:
    """The object a dotted *path* names, the longest module first; None if none."""
    parts = path.split(".")
    for split in range(len(parts), 0, -1):
        ref = ".".join(parts[:split]) + ":" + ".".join(parts[split:])
        try:
            return import_target(ref)
        except Exception:  # importing runs arbitrary code; any failure: not found
            continue
    return None
