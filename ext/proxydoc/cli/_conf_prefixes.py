"""Module prefixes read from a Sphinx ``conf.py`` as text, never by running it.

``proxydoc lint`` needs the prefix table the docs build uses
(``proxydoc_module_prefixes``, or zzzeeksphinx's ``zzzeeksphinx_module_prefixes``).
A ``conf.py`` may do anything when executed (import the project, call
``sys.exit``), so it is parsed, and a top-level assignment of a literal is read
with :func:`ast.literal_eval`.  Anything else (a computed value, an assignment
inside a block, a later ``.update()``) is not guessed at: it is a note, and the
value that cannot be read is left out.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from proxydoc.core.prefixes import invalid_prefix_entries

#: Where a project's ``conf.py`` is looked for, relative to its ``pyproject.toml``.
CONF_CANDIDATES = ("docs/conf.py", "conf.py", "doc/conf.py")

#: The settings read, in the order the extension merges them (the last wins).
PREFIX_SETTINGS = ("zzzeeksphinx_module_prefixes", "proxydoc_module_prefixes")

_MUTATORS = {"update", "setdefault", "pop", "popitem", "clear", "__setitem__"}
_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)


@dataclass(frozen=True)
class ConfPrefixes:
    """The prefixes one ``conf.py`` sets, and notes on what could not be read."""

    path: Path | None = None
    prefixes: dict[str, str] | None = None
    notes: tuple[str, ...] = ()


def find_sphinx_conf(root: Path) -> Path | None:
    """The first of :data:`CONF_CANDIDATES` that exists below *root*."""
    for candidate in CONF_CANDIDATES:
        path = root / candidate
        if path.is_file():
            return path
    return None


def read_conf_prefixes(path: Path, display: str) -> ConfPrefixes:
    """The merged prefix table that *path* assigns as literals (never executed)."""
    try:
        tree = ast.parse(path.read_bytes(), filename=display)
    except (OSError, SyntaxError, ValueError) as exc:
        note = f"{display}:1: note: cannot read module prefixes from it ({exc})"
        return ConfPrefixes(path, None, (note,))
    reader = _Reader(display)
    for statement in tree.body:
        reader.read(statement)
    merged: dict[str, str] = {}
    for name in PREFIX_SETTINGS:
        merged.update(reader.values.get(name) or {})
    return ConfPrefixes(path, merged, tuple(reader.notes))


class _Reader:
    """Reads the prefix settings from the top-level statements of a module."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.values: dict[str, dict[str, str] | None] = {}
        self.notes: list[str] = []

    def note(self, line: int, name: str, why: str) -> None:
        self.notes.append(
            f"{self.display}:{line}: note: {name} {why}; lint does not run conf.py, "
            "so it uses [tool.proxydoc] module_prefixes alone for it"
        )
        self.values[name] = None

    def read(self, statement: ast.stmt) -> None:
        assigned = _assigned_value(statement)
        if assigned is not None:
            name, value = assigned
            self.read_value(statement.lineno, name, value)
            return
        for node in _nodes(statement):
            changed = _changed_name(node)
            if changed is not None:
                line = getattr(node, "lineno", statement.lineno)
                self.note(line, changed, _how_changed(statement, node))

    def read_value(self, line: int, name: str, value: ast.expr) -> None:
        try:
            literal = ast.literal_eval(value)
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
            self.note(line, name, "is not a literal")
            return
        if not isinstance(literal, dict):
            self.note(line, name, "is not a dict")
            return
        bad = invalid_prefix_entries(literal)
        if bad:
            self.notes.append(
                f"{self.display}:{line}: note: {name}: ignoring entries that are "
                f"not 'token': 'module' strings: {', '.join(map(repr, bad))}"
            )
        self.values[name] = {k: v for k, v in literal.items() if k not in bad}


def _assigned_value(statement: ast.stmt) -> tuple[str, ast.expr] | None:
    """``(name, value)`` when *statement* is ``name = value`` for a setting."""
    if isinstance(statement, ast.Assign):
        targets = statement.targets
    elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
        targets = [statement.target]
    else:
        return None
    for target in targets:
        if isinstance(target, ast.Name) and target.id in PREFIX_SETTINGS:
            assert statement.value is not None
            return target.id, statement.value
    return None


def _nodes(node: ast.AST) -> Iterator[ast.AST]:
    """*node* and the nodes below it, not those inside a function or class."""
    yield node
    for child in ast.iter_child_nodes(node):
        if not isinstance(child, _SCOPES):
            yield from _nodes(child)


def _changed_name(node: ast.AST) -> str | None:
    """The setting that *node* assigns or changes in place, if it does."""
    if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
        name = node.id
    elif isinstance(node, ast.Subscript) and isinstance(node.ctx, (ast.Store, ast.Del)):
        name = getattr(node.value, "id", "")
    elif (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in _MUTATORS
    ):
        name = getattr(node.func.value, "id", "")
    else:
        return None
    return name if name in PREFIX_SETTINGS else None


def _how_changed(statement: ast.stmt, node: ast.AST) -> str:
    if isinstance(node, ast.Name) and isinstance(statement, ast.AugAssign):
        return "is changed by an augmented assignment"
    if isinstance(node, ast.Name):
        return "is assigned inside a block or by unpacking"
    return "is changed in place after its assignment"
