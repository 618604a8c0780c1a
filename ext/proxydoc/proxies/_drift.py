"""Stale copies: a proxy's docstring that no longer matches its target's."""

from __future__ import annotations

import inspect
from typing import TYPE_CHECKING

from proxydoc._warnings import warn
from proxydoc.core.imports import MISSING, candidate_names, import_first, import_object
from proxydoc.core.markers import without_markers

if TYPE_CHECKING:
    from collections.abc import Iterator

    from docutils import nodes

    from proxydoc.proxies._graph import ObjRef


def candidates(ref: ObjRef) -> Iterator[str]:
    """Full names *ref* may stand for, the way Python cross-references are searched."""
    return candidate_names(ref.target, ref.module, ref.cls)


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
    target_doc = docstring(import_first(candidates(target)))
    if proxy_doc is None or target_doc is None:
        return
    # the target may be a proxy itself: its own marker is not part of the text
    if normalised(without_markers(proxy_doc)) == normalised(
        without_markers(target_doc)
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
