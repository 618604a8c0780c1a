"""Why the proxydoc build warns where the anchor build did not: each warning checked.

A ``proxydoc.paramref`` warning is a *hidden broken reference* when the anchor
build has no ``<owner>.params.<name>`` id either, the owner as the warning names
it (in full, or the tail written after a leading dot): sphinx-paramlinks linked
to an anchor that is not there, or printed the role as text, without a word.
A ``proxydoc.param`` warning is a *documented parameter the code lacks* when
``inspect.signature`` of the imported object has no such parameter and no
``**kwargs`` that could take it.  Anything else is *unexplained*, and a
proxydoc bug until shown otherwise.

Given *other_projects* (module names such as ``sqlalchemy``), a
``proxydoc.paramref`` warning whose owner is in one of them is a *reference
into another project's docs* when the imported owner's signature names the
parameter: the link is right, but the bench builds offline with no inventory
of that project, so neither build resolves it.  This check comes first, and
without *other_projects* the causes and their counts are as before.
"""

from __future__ import annotations

import inspect
import re
import sys
from collections import Counter
from typing import Any

from proxydoc.core.imports import MISSING, import_object
from proxydoc_bench.analyse import PARAMS, Page

_SUBTYPE = re.compile(r"\[proxydoc\.([\w-]+)\]\s*$")
#: "X has no documented parameter 'p' (it documents ...)"
_NO_SUCH = re.compile(r"WARNING: ([\w.]+) has no documented parameter '(\w+)'")
#: "... :paramref: 'T' has no target" / "unknown object 'O' in :paramref: 'T'"
_WRITTEN = re.compile(r":paramref: '([^']+)'")
#: "docstring of pkg.mod.Class.meth:12: WARNING: ... documents parameter 'p', ..."
_PARAM = re.compile(
    r"docstring of ([\w.]+):\d+: WARNING: .* documents parameter '(\w+)', which"
)

HIDDEN = "broken reference the anchor build hid"
DOC_ERROR = "documented parameter the code lacks"
UNEXPLAINED = "unexplained"
OTHER_PROJECT = "reference into another project's docs (no inventory offline)"


def _tails(node_id: str) -> set[str]:
    """``close.params.x``, ``Session.close.params.x``, ... of one parameter id."""
    owner, _, name = node_id.rpartition(PARAMS)
    parts = owner.split(".")
    return {".".join(parts[cut:]) + PARAMS + name for cut in range(len(parts))}


def _anchor_suffixes(anchor: dict[str, Page]) -> set[str]:
    """Tails of the parameter ids the anchor build's paramref links land on.

    A reference is hidden when no paramref link of the anchor build reaches a
    parameter of that owner and name: the id is missing, or nothing links it.
    """
    ids = {i for page in anchor.values() for i in page.ids if PARAMS in i}
    found: set[str] = set()
    for page in anchor.values():
        for href in page.links:
            fragment = href.rpartition("#")[2]
            if fragment in ids:
                found |= _tails(fragment)
    return found


#: "unknown object 'O' in ..." and "O documents no parameters": O as resolved.
_OWNER = re.compile(r"WARNING: (?:unknown object '([\w.]+)'|([\w.]+) documents no)")


def _paramref_target(line: str) -> tuple[str, str] | None:
    """Owner (as far as the warning names it) and parameter of a paramref warning."""
    match = _NO_SUCH.search(line)
    if match:
        return match.group(1), match.group(2)
    match, owner_match = _WRITTEN.search(line), _OWNER.search(line)
    if match:
        written = match.group(1).lstrip("~.")
        owner, _, name = written.rpartition(PARAMS if PARAMS in written else ".")
        if owner_match:
            owner = owner_match.group(1) or owner_match.group(2)
        return owner, name
    return None


def _signature_lacks(dotted: str, name: str) -> bool:
    """Does the real object *dotted* lack parameter *name*, with no ``**kw``?"""
    obj = import_object(dotted)
    if obj is MISSING:
        return False
    try:
        params = inspect.signature(obj).parameters  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    kinds = {p.kind for p in params.values()}
    return name not in params and inspect.Parameter.VAR_KEYWORD not in kinds


def _signature_names(dotted: str, name: str) -> bool:
    """Does the real object *dotted* name parameter *name* in its signature?"""
    obj = import_object(dotted)
    if obj is MISSING:
        return False
    try:
        return name in inspect.signature(obj).parameters  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def _in_other_project(
    target: tuple[str, str] | None, projects: tuple[str, ...]
) -> bool:
    """Is *target* (owner, parameter) a real parameter of one of *projects*?"""
    if target is None or not projects:
        return False
    owner, name = target
    return owner.startswith(tuple(f"{p}." for p in projects)) and _signature_names(
        owner, name
    )


def classify(
    lines: list[str],
    anchor: dict[str, Page],
    lib: str,
    other_projects: tuple[str, ...] = (),
) -> dict[str, Any]:
    """Counts and examples of *lines* (the proxydoc build's new warnings) by cause."""
    suffixes = _anchor_suffixes(anchor)
    sys.path.insert(0, lib)
    causes: Counter[str] = Counter()
    unexplained: list[str] = []
    for line in lines:
        subtype = _SUBTYPE.search(line)
        cause = UNEXPLAINED
        if subtype and subtype.group(1) == "paramref":
            target = _paramref_target(line)
            if _in_other_project(target, other_projects):
                cause = OTHER_PROJECT
            elif (
                target and f"{target[0]}{PARAMS}{target[1]}".lstrip(".") not in suffixes
            ):
                cause = HIDDEN
        elif subtype and subtype.group(1) == "param":
            match = _PARAM.search(line)
            if match and _signature_lacks(match.group(1), match.group(2)):
                cause = DOC_ERROR
        causes[cause] += 1
        if cause == UNEXPLAINED:
            unexplained.append(line)
    sys.path.remove(lib)
    kinds = (HIDDEN, DOC_ERROR, *((OTHER_PROJECT,) if other_projects else ()))
    return {
        "by_cause": {c: causes.get(c, 0) for c in (*kinds, UNEXPLAINED)},
        "unexplained_examples": unexplained[:40],
    }
