"""Dotted names looked up in source, never imported: modules, classes, functions.

``proxydoc lint`` must run no project code, so a target is found the way a
reader finds it: the module's file on the import path, then its top-level
bindings — definitions, ``from x import y``, ``import x as y``, ``y = x``,
``from x import *`` — followed from module to module, with a limit on hops and
a guard against import cycles.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from proxydoc.cli._module_files import ModuleFiles
from proxydoc.cli._sources import flat_body

#: How long a chain of bindings one lookup follows (``a`` from ``b`` from ...).
MAX_DEPTH = 100
#: How many bindings one lookup follows in all, along every chain it tries.
MAX_STEPS = 20_000

_Function = ast.FunctionDef | ast.AsyncFunctionDef
_Body = ast.Module | ast.ClassDef


@dataclass(frozen=True)
class SourceModule:
    """One module's parsed source, found on the import path."""

    name: str
    path: Path
    tree: ast.Module

    @property
    def package(self) -> str:
        """The package its relative imports start from."""
        if self.path.stem == "__init__":
            return self.name
        return self.name.rpartition(".")[0]


@dataclass(frozen=True)
class Definition:
    """What a dotted name names in source, and the module it is written in.

    *node* is the module, the class, the function (with its ``@overload``
    variants in *variants*) or the statement that binds a value.
    """

    node: ast.AST
    module: SourceModule
    variants: tuple[_Function, ...] = ()


@dataclass
class _Trail:
    """The bindings one lookup follows: a cycle, too long a chain or too many end it."""

    seen: set[tuple[object, ...]] = field(default_factory=set)
    depth: int = 0

    def enter(self, *key: object) -> bool:
        if key in self.seen or self.depth >= MAX_DEPTH or len(self.seen) >= MAX_STEPS:
            return False
        self.seen.add(key)
        self.depth += 1
        return True

    def leave(self) -> None:
        self.depth -= 1


class SourceIndex:
    """Names looked up in the modules *files* finds, each module read once."""

    def __init__(self, files: ModuleFiles) -> None:
        self.files = files
        self._modules: dict[str, SourceModule | None] = {}
        self._bindings: dict[_Body, dict[str, ast.stmt]] = {}

    def find(self, dotted: str) -> Definition | None:
        """The definition *dotted* names: the longest module, then its members."""
        parts = dotted.split(".")
        for split in range(len(parts), 0, -1):
            module = self.module(".".join(parts[:split]))
            if module is not None:
                found = self.member(module, parts[split:])
                if found is not None:
                    return found
        return None

    def module(self, name: str) -> SourceModule | None:
        """The module *name*, parsed from its source or stub; None if none."""
        if name not in self._modules:
            found = self.files.find(name)
            self._modules[name] = None if found is None else SourceModule(name, *found)
        return self._modules[name]

    def member(
        self, module: SourceModule, names: list[str], trail: _Trail | None = None
    ) -> Definition | None:
        """What ``module.a.b`` names, for *names* ``[a, b]``."""
        trail = trail or _Trail()
        if not names:
            return Definition(module.tree, module)
        if not trail.enter(module.name, *names):
            return None
        try:
            return self._member(module, names, trail)
        finally:
            trail.leave()

    def _member(
        self, module: SourceModule, names: list[str], trail: _Trail
    ) -> Definition | None:
        head, rest = names[0], names[1:]
        binding = self.bindings(module.tree).get(head)
        if binding is not None:
            return self._follow(binding, head, module, module.tree, rest, trail)
        for star in _star_imports(module):
            found = self._in_module_named(star, names, trail)
            if found is not None:
                return found
        return self._in_module_named(f"{module.name}.{head}", rest, trail)

    def _in_module_named(
        self, name: str, names: list[str], trail: _Trail
    ) -> Definition | None:
        module = self.module(name)
        return None if module is None else self.member(module, names, trail)

    def in_class(
        self,
        cls: ast.ClassDef,
        module: SourceModule,
        names: list[str],
        trail: _Trail | None = None,
    ) -> Definition | None:
        """What ``Class.a.b`` names: in the class body, then in its bases."""
        trail = trail or _Trail()
        if not trail.enter(module.name, id(cls), *names):
            return None
        try:
            return self._in_class(cls, module, names, trail)
        finally:
            trail.leave()

    def _in_class(
        self, cls: ast.ClassDef, module: SourceModule, names: list[str], trail: _Trail
    ) -> Definition | None:
        binding = self.bindings(cls).get(names[0])
        if binding is not None:
            return self._follow(binding, names[0], module, cls, names[1:], trail)
        for base, base_module in self.bases(cls, module, trail):
            found = self.in_class(base, base_module, names, trail)
            if found is not None:
                return found
        return None

    def bases(
        self, cls: ast.ClassDef, module: SourceModule, trail: _Trail | None = None
    ) -> Iterator[tuple[ast.ClassDef, SourceModule]]:
        """The base classes of *cls* found in source; unresolved ones are skipped."""
        for expr in cls.bases:
            found = self.expression(expr, module, trail)
            if found is not None and isinstance(found.node, ast.ClassDef):
                yield found.node, found.module

    def expression(
        self, expr: ast.expr, module: SourceModule, trail: _Trail | None = None
    ) -> Definition | None:
        """What a name or dotted attribute (``Base``, ``orm.Base[T]``) names."""
        names = dotted_names(expr)
        return None if names is None else self.member(module, names, trail)

    def _follow(
        self,
        binding: ast.stmt,
        name: str,
        module: SourceModule,
        body: _Body,
        rest: list[str],
        trail: _Trail,
    ) -> Definition | None:
        if isinstance(binding, ast.ClassDef):
            if rest:
                return self.in_class(binding, module, rest, trail)
            return Definition(binding, module)
        if isinstance(binding, (ast.FunctionDef, ast.AsyncFunctionDef)):
            if rest:
                return None
            return Definition(binding, module, _variants(body, name))
        if isinstance(binding, (ast.Import, ast.ImportFrom)):
            return self._imported(binding, name, module, rest, trail)
        alias = _alias_of(binding)
        if alias is not None:
            if isinstance(body, ast.ClassDef):
                found = self.in_class(body, module, [*alias, *rest], trail)
                if found is not None:
                    return found
            return self.member(module, [*alias, *rest], trail)
        return None if rest else Definition(binding, module)

    def _imported(
        self,
        stmt: ast.Import | ast.ImportFrom,
        name: str,
        module: SourceModule,
        rest: list[str],
        trail: _Trail,
    ) -> Definition | None:
        imported = _imported_name(stmt, name)
        if isinstance(stmt, ast.Import):
            return self._in_module_named(imported, rest, trail)
        base = absolute_module(stmt, module.package)
        found = self._in_module_named(base, [imported, *rest], trail)
        if found is not None:
            return found
        submodule = f"{base}.{imported}" if base else imported
        return self._in_module_named(submodule, rest, trail)

    def bindings(self, body: _Body) -> dict[str, ast.stmt]:
        """Each name *body* binds, and the last statement binding it."""
        if body not in self._bindings:
            self._bindings[body] = last_bindings(body)
        return self._bindings[body]


def full_name(found: Definition) -> str:
    """``module.Class.name`` of a definition, where it is written."""
    module = found.module
    path = _qualname(module.tree, found.node)
    parts = [module.name, *path] if module.name else path
    return ".".join(parts)


def _qualname(tree: ast.Module, node: ast.AST) -> list[str]:
    """The names of the classes leading to *node*, and its own."""
    pending: list[tuple[_Body, list[str]]] = [(tree, [])]
    while pending:
        body, path = pending.pop()
        for stmt in flat_body(body.body):
            names = [*path, *names_bound(stmt)][: len(path) + 1]
            if stmt is node:
                return names
            if isinstance(stmt, ast.ClassDef):
                pending.append((stmt, names))
    return []


def last_bindings(body: _Body) -> dict[str, ast.stmt]:
    """Each name *body* binds (``if`` / ``try`` blocks inlined), by its last binding."""
    found: dict[str, ast.stmt] = {}
    for stmt in flat_body(body.body):
        found.update(dict.fromkeys(names_bound(stmt), stmt))
    return found


def dotted_names(expr: ast.expr) -> list[str] | None:
    """``a.b.C`` (or ``a.b.C[T]``) as ``[a, b, C]``; None for other expressions."""
    if isinstance(expr, ast.Subscript):
        expr = expr.value
    names: list[str] = []
    while isinstance(expr, ast.Attribute):
        names.insert(0, expr.attr)
        expr = expr.value
    if not isinstance(expr, ast.Name):
        return None
    return [expr.id, *names]


def absolute_module(stmt: ast.ImportFrom, package: str) -> str:
    """The module a ``from ... import`` reads, relative levels resolved."""
    if not stmt.level:
        return stmt.module or ""
    parts = package.split(".") if package else []
    base = parts[: len(parts) - (stmt.level - 1)]
    return ".".join([*base, stmt.module] if stmt.module else base)


def names_bound(stmt: ast.stmt) -> Iterator[str]:
    """The names one statement binds in its own scope: ``def``, ``class``,
    imports and assignment targets (``a``, ``a, *b``; not ``a.x`` or ``a[i]``)."""
    if isinstance(stmt, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
        yield stmt.name
    elif isinstance(stmt, (ast.Import, ast.ImportFrom)):
        for alias in stmt.names:
            if alias.name != "*":
                yield alias.asname or alias.name.partition(".")[0]
    elif isinstance(stmt, (ast.Assign, ast.AnnAssign)):
        targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
        for target in targets:
            yield from _assigned(target)


def _assigned(target: ast.expr) -> Iterator[str]:
    """Names an assignment target binds: ``a``, ``a, *b``; not ``a.x`` or ``a[i]``."""
    pending = [target]
    while pending:
        node = pending.pop()
        if isinstance(node, ast.Name):
            yield node.id
        elif isinstance(node, ast.Starred):
            pending.append(node.value)
        elif isinstance(node, (ast.Tuple, ast.List)):
            pending.extend(node.elts)


def _imported_name(stmt: ast.Import | ast.ImportFrom, bound: str) -> str:
    """The module (``import``) or the name (``from``) an import binds as *bound*."""
    for alias in stmt.names:
        if alias.asname == bound:
            return alias.name
        if alias.asname is None and alias.name.partition(".")[0] == bound:
            return bound
    return ""


def _alias_of(stmt: ast.stmt) -> list[str] | None:
    """``[a, B]`` for ``X = a.B`` (a plain alias), else None."""
    if (
        isinstance(stmt, ast.Assign)
        and len(stmt.targets) == 1
        and isinstance(stmt.targets[0], ast.Name)
    ):
        return dotted_names(stmt.value)
    if isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
        return dotted_names(stmt.value)
    return None


def _star_imports(module: SourceModule) -> Iterator[str]:
    for stmt in flat_body(module.tree.body):
        if isinstance(stmt, ast.ImportFrom) and any(a.name == "*" for a in stmt.names):
            yield absolute_module(stmt, module.package)


def _variants(body: _Body, name: str) -> tuple[_Function, ...]:
    funcs = (ast.FunctionDef, ast.AsyncFunctionDef)
    return tuple(
        stmt
        for stmt in flat_body(body.body)
        if isinstance(stmt, funcs) and stmt.name == name
    )
