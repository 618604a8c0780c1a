"""Stale copies: a proxy's docstring that no longer matches its target's."""

from __future__ import annotations

import importlib
import inspect
import re
import sys
from typing import TYPE_CHECKING

from proxydoc._warnings import warn

if TYPE_CHECKING:
    from collections.abc import Iterable

    from docutils import nodes

    from proxydoc.proxies._graph import ObjRef

_CONTAINER = re.compile(
    r"^(?P<indent>[ \t]*)\.\.[ \t]+container::[ \t]+class_bases[ \t]*$"
)
MISSING = object()


def import_object(name: str) -> object:
    """The object a dotted *name* names, or ``MISSING`` when it cannot be imported."""
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


def candidates(ref: ObjRef) -> Iterable[str]:
    """Full names *ref* may stand for, the way Python cross-references are searched."""
    target = ref.target.lstrip(".")
    if ref.module and ref.cls:
        yield f"{ref.module}.{ref.cls}.{target}"
    if ref.module:
        yield f"{ref.module}.{target}"
    yield target


def import_ref(ref: ObjRef) -> object:
    """The object *ref* names, trying the names it may stand for in turn."""
    for name in candidates(ref):
        obj = import_object(name)
        if obj is not MISSING:
            return obj
    return MISSING


def without_container(doc: str) -> str:
    """*doc* without its ``.. container:: class_bases`` blocks."""
    kept: list[str] = []
    indent: int | None = None
    for line in doc.splitlines():
        if indent is not None:
            stripped = line.lstrip()
            if not stripped or len(line) - len(stripped) > indent:
                continue
            indent = None
        match = _CONTAINER.match(line)
        if match:
            indent = len(match.group("indent"))
            continue
        kept.append(line)
    return "\n".join(kept)


def normalised(text: str) -> str:
    """*text* with every run of whitespace made one space."""
    return " ".join(text.split())


def docstring(obj: object) -> str | None:
    """The cleaned docstring of *obj* (of the function a descriptor wraps)."""
    if obj is MISSING:
        return None
    try:
        return inspect.getdoc(obj)
    except Exception:  # a descriptor's __doc__ may raise anything
        return None


def check_drift(proxy: str, target: ObjRef, location: nodes.Node) -> None:
    """Warn when the docstring copied into *proxy* differs from *target*'s."""
    proxy_doc = docstring(import_object(proxy))
    target_doc = docstring(import_ref(target))
    if proxy_doc is None or target_doc is None:
        return
    # the target may be a proxy itself: its own marker is not part of the text
    if normalised(without_container(proxy_doc)) == normalised(
        without_container(target_doc)
    ):
        return
    names = [n for n in candidates(target) if import_object(n) is not MISSING]
    original = names[0] if names else target.target
    warn(
        f"the docstring of {proxy} is a copy of {original}'s "
        "but differs from it; regenerate the proxy or update the copy",
        "proxy-drift",
        location=location,
    )
