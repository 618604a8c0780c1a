"""What a module does on import, read from source: ``__doc__`` set, ``__getattr__``."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from typing import NamedTuple

from proxydoc.cli._definitions import (
    Definition,
    SourceIndex,
    SourceModule,
    dotted_names,
)

Function = ast.FunctionDef | ast.AsyncFunctionDef
#: What a docstring documents: a function, a class or a module.
Owner = Function | ast.ClassDef | ast.Module
OWNERS = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
#: The nodes a walk over statements enters (never an expression).
HOLDS_STATEMENTS = (ast.stmt, ast.excepthandler, ast.match_case)
#: What an assignment to ``X.__doc__`` is read for: X found as one of these.
_DOCUMENTED = (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)


class Assignment(NamedTuple):
    """A statement setting a ``__doc__``: ``X.y.__doc__ = v``, or ``__doc__ = v``
    in a module or class body (*names* None, *body* that module or class)."""

    names: list[str] | None
    written: str
    body: Owner
    value: ast.expr
    augmented: bool

    @property
    def text(self) -> str | None:
        """The docstring, when the value is a string literal that replaces it."""
        value = self.value
        if self.augmented or not isinstance(value, ast.Constant):
            return None
        return value.value if isinstance(value.value, str) else None


class Documented(NamedTuple):
    """The function or class an assignment documents, the class it is read in
    and the module that defines it."""

    owner: Owner
    cls: ast.ClassDef | None
    module: SourceModule


class AssignedDocs:
    """The ``__doc__`` assignments of the modules lint reads, found in *index*."""

    def __init__(self, index: SourceIndex) -> None:
        self.index = index
        #: Per module, its ``__doc__`` assignments, by the object each documents.
        self._by_object: dict[ast.Module, dict[ast.AST, list[Assignment]]] = {}

    def with_paramref(
        self, here: SourceModule
    ) -> Iterator[tuple[Assignment, Documented | None]]:
        """Each assignment in *here* whose value holds a ``:paramref:``, with
        what it documents (None when lint cannot find it)."""
        for assigned in _doc_assignments(here.tree):
            if _mentions_paramref(assigned.value):
                yield assigned, self.documented(assigned, here)

    def documented(self, assigned: Assignment, here: SourceModule) -> Documented | None:
        """What *assigned*, written in *here*, documents; None when not found."""
        if assigned.names is None:  # __doc__ = "..." in a module or class body
            cls = assigned.body if isinstance(assigned.body, ast.ClassDef) else None
            return Documented(assigned.body, cls, here)
        found = self.index.member(here, assigned.names) if assigned.names else None
        if found is None or not isinstance(found.node, _DOCUMENTED):
            return None
        cls = found.node if isinstance(found.node, ast.ClassDef) else None
        if cls is None and len(assigned.names) > 1:
            parent = self.index.member(here, assigned.names[:-1])
            if parent is not None and isinstance(parent.node, ast.ClassDef):
                cls = parent.node
        return Documented(found.node, cls, found.module)

    def of(self, found: Definition) -> list[Assignment]:
        """What the module defining *found* assigns to its ``__doc__`` (a
        class's: and to its ``__init__``'s and ``__new__``'s)."""
        tree = found.module.tree
        if tree not in self._by_object:
            by_object: dict[ast.AST, list[Assignment]] = {}
            for assigned in _doc_assignments(tree):
                owner = self.documented(assigned, found.module)
                if owner is not None:
                    by_object.setdefault(owner.owner, []).append(assigned)
            self._by_object[tree] = by_object
        owners: list[ast.AST | None] = [found.node]
        if isinstance(found.node, ast.ClassDef):
            bound = self.index.bindings(found.node)
            owners.extend(bound.get(name) for name in ("__init__", "__new__"))
        table = self._by_object[tree]
        return [a for owner in owners if owner for a in table.get(owner, [])]

    def computed(self, found: Definition) -> bool:
        """Is a docstring of *found* assigned a value that is not a literal?"""
        return any(a.text is None for a in self.of(found))


def made_at_run_time(index: SourceIndex, owner: str) -> str | None:
    """The module that may make *owner* with its ``__getattr__``, if any.

    That is the longest module of *owner* found in *index*, when the name
    after it is not in its source and it binds ``__getattr__``.
    """
    parts = owner.split(".")
    for split in range(len(parts) - 1, 0, -1):
        module = index.module(".".join(parts[:split]))
        if module is None:
            continue
        if index.member(module, parts[split : split + 1]) is not None:
            return None
        lazy = "__getattr__" in index.bindings(module.tree)
        return module.name if lazy else None
    return None


def statements(
    tree: ast.Module,
) -> Iterator[tuple[ast.AST, Owner, ast.ClassDef | None]]:
    """Every node of *tree* that holds or is a statement (never one inside an
    expression), with the innermost module, class or function around it and
    the innermost class (for a class or function: itself included)."""
    pending: list[tuple[ast.AST, Owner, ast.ClassDef | None]] = [(tree, tree, None)]
    while pending:
        node, owner, cls = pending.pop()
        if isinstance(node, OWNERS):
            owner = node
        if isinstance(node, ast.ClassDef):
            cls = node
        yield node, owner, cls
        pending.extend(
            (child, owner, cls)
            for child in ast.iter_child_nodes(node)
            if isinstance(child, HOLDS_STATEMENTS)
        )


def _doc_assignments(tree: ast.Module) -> Iterator[Assignment]:
    """Every assignment to a ``__doc__`` in *tree*."""
    for node, body, _ in statements(tree):
        if isinstance(node, (ast.Assign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                assigned = _doc_target(target, body)
                if assigned is not None:
                    names, written = assigned
                    augmented = isinstance(node, ast.AugAssign)
                    yield Assignment(names, written, body, node.value, augmented)


def _doc_target(target: ast.expr, body: Owner) -> tuple[list[str] | None, str] | None:
    """Whose ``__doc__`` *target* sets, written in *body*: dotted names (empty when
    not a dotted name) or None for the body's own, and the target as written."""
    if isinstance(target, ast.Attribute) and target.attr == "__doc__":
        return dotted_names(target.value) or [], ast.unparse(target)
    in_body = isinstance(body, (ast.Module, ast.ClassDef))  # in a function: a local
    if isinstance(target, ast.Name) and target.id == "__doc__" and in_body:
        return None, "__doc__"
    return None


def _mentions_paramref(value: ast.expr) -> bool:
    """Does a string in *value* hold a ``:paramref:`` role?"""
    return any(
        isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and ":paramref:" in node.value
        for node in ast.walk(value)
    )
