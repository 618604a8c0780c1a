"""What the names of a facade's module mean: the objects its imports bind.

The facade's module is read, not imported (it is the file being written), so
a name's object is found statically: a name its last top-level binding
imports (``from pkg.target import DEFAULT``, ``import pkg.target as t``)
means that attribute of the imported module, which is imported to get it; a
name it assigns or defines itself means an object of its own, unknown here;
a name it does not bind means the builtin of that name.
"""

from __future__ import annotations

import ast
import builtins
import contextlib
import functools
import importlib
import inspect
from typing import Any

from proxydoc.cli._definitions import absolute_module
from proxydoc.cli._facades import bound_names
from proxydoc.cli._sources import flat_body
from proxydoc.core.imports import MISSING, ImportEffect, isolated

#: Values a default may be written as: equal values of these types are
#: interchangeable, so the facade may write its own copy.
_PLAIN = (type(None), bool, int, float, complex, str, bytes, type(Ellipsis))


class ModuleNames:
    """The top-level names of one facade module and what their imports mean."""

    def __init__(self, tree: ast.Module, module: str, is_package: bool) -> None:
        self.module = module
        self._package = module if is_package else module.rpartition(".")[0]
        #: name -> ("module", dotted) | ("from", module, attribute) |
        #: ("defined",) by a def or class statement | None: assigned, unknown
        self.origins: dict[str, tuple[str, ...] | None] = {}
        for stmt in flat_body(tree.body, runtime=True):
            self._record(stmt)
        self._meanings: dict[str, Any] = {}
        self._tree = tree
        self._typed: set[str] | None = None

    @property
    def typed(self) -> set[str]:
        """The names bound for type checkers: at run time, or under ``if
        TYPE_CHECKING:``."""
        if self._typed is None:
            self._typed = bound_names(self._tree, runtime=False)
        return self._typed

    def _record(self, stmt: ast.stmt) -> None:
        if isinstance(stmt, ast.Import):
            for alias in stmt.names:
                if alias.asname:
                    self.origins[alias.asname] = ("module", alias.name)
                else:
                    top = alias.name.partition(".")[0]
                    self.origins[top] = ("module", top)
        elif isinstance(stmt, ast.ImportFrom):
            base = absolute_module(stmt, self._package)
            for alias in stmt.names:
                if alias.name != "*":
                    origin = ("from", base, alias.name)
                    self.origins[alias.asname or alias.name] = origin
        elif isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            self.origins[stmt.name] = ("defined",)
        else:
            for node in _binding_nodes(stmt):
                self.origins[node] = None

    def meaning(self, name: str) -> Any:
        """The object *name* means in the module, or MISSING when unknown."""
        if name not in self._meanings:
            self._meanings[name] = self._resolve(name)
        return self._meanings[name]

    def _resolve(self, name: str) -> Any:
        if name not in self.origins:
            return getattr(builtins, name, MISSING)
        origin = self.origins[name]
        if origin is None or origin[0] == "defined":
            return MISSING
        if origin[0] == "from" and origin[1] == self.module:
            return MISSING  # the facade's module itself: not imported
        try:
            with isolated():  # importing runs code that may print or exit
                if origin[0] == "module":
                    return importlib.import_module(origin[1])
                _, module, attribute = origin
                imported = importlib.import_module(module)
                if hasattr(imported, attribute):
                    return getattr(imported, attribute)
                return importlib.import_module(f"{module}.{attribute}")
        except ImportEffect:
            return MISSING


def _binding_nodes(stmt: ast.stmt) -> list[str]:
    """The names a top-level statement other than an import, a ``def`` or a
    ``class`` binds."""
    if isinstance(stmt, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
        targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
        return [n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)]
    if isinstance(stmt, (ast.For, ast.AsyncFor, ast.With, ast.AsyncWith)):
        return [
            n.id
            for n in ast.walk(stmt)
            if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
        ]
    return []


def is_plain(value: Any) -> bool:
    """Whether *value* is one a facade may write a copy of (a literal's value)."""
    if type(value) in _PLAIN:
        return True
    if type(value) in (tuple, frozenset):
        return all(is_plain(item) for item in value)
    return False


class DefaultCheck:
    """Whether a default's text means, in the facade's module, the target's value."""

    def __init__(self, names: ModuleNames, target: type) -> None:
        self.names = names
        self.target = target

    def differing(self, method: str, text: str, value: Any) -> list[str] | None:
        """The names of *text* the facade binds to other objects than the
        target's module does; None when *text* means *value* there."""
        used = expression_names(text)
        if not used or value is MISSING:
            return None  # no names: the same literal, evaluated again
        env = {name: self.names.meaning(name) for name in used}
        if all(v is not MISSING for v in env.values()):
            try:
                with isolated():  # a default may call the target's code
                    result = eval(text, {"__builtins__": {}}, env)
            except ImportEffect:
                result = MISSING
            if result is value or _equal(result, value):
                return None
        scope = self.scope(method)
        return sorted(
            name
            for name in used
            if env[name] is MISSING
            or env[name] is not scope.get(name, getattr(builtins, name, MISSING))
        ) or sorted(used)

    def other_objects(self, member: str, texts: list[str]) -> list[str]:
        """The names *texts* (annotations of *member*) use that this module
        binds, for certain, to other objects than the target's module does.

        A name imported for type checkers only, assigned (a type alias, a
        type variable: equivalent copies), or unknown on either side, is not
        compared; a class or function the module defines itself is its own
        object, unless the target's was defined there.
        """
        scope = self.scope(member)
        found = []
        for name in sorted(set().union(*(expression_names(text) for text in texts))):
            theirs = scope.get(name, getattr(builtins, name, MISSING))
            origin = self.names.origins.get(name)
            if theirs is MISSING or origin is None:
                continue
            if origin[0] == "defined":
                if getattr(theirs, "__module__", None) != self.names.module:
                    found.append(name)
                continue
            ours = self.names.meaning(name)
            if ours is not MISSING and ours is not theirs:
                found.append(name)
        return found

    def scope(self, method: str) -> dict[str, Any]:
        """The globals of the target's function *method*: what its defaults mean."""
        for klass in self.target.__mro__:
            raw = vars(klass).get(method)
            if raw is not None:
                func = getattr(raw, "__func__", raw)
                with contextlib.suppress(ValueError):  # a __wrapped__ loop
                    func = inspect.unwrap(func)
                found = getattr(func, "__globals__", None)
                if isinstance(found, dict):
                    return found
        module = importlib.import_module(self.target.__module__)
        return vars(module)


def _equal(result: Any, value: Any) -> bool:
    """Whether *result* is a copy of *value* as good as it: same type, equal."""
    if type(result) is not type(value):
        return False
    try:
        return bool(result == value)
    except Exception:
        return False


@functools.lru_cache(maxsize=4096)
def expression_names(expression: str) -> frozenset[str]:
    """The names *expression* reads; none when it does not parse.  Kept: a
    facade's proxies repeat a few annotations and defaults many times."""
    try:
        tree = ast.parse(expression, mode="eval")
    except SyntaxError:
        return frozenset()
    return frozenset(n.id for n in ast.walk(tree) if isinstance(n, ast.Name))


#: Names a stub region may use that proxydoc can import itself, from where.
KNOWN_IMPORTS = {
    "Any": "typing",
    "overload": "typing",
    "contextmanager": "contextlib",
}


def used_names(code: str) -> set[str]:
    """The names generated *code* (module-level statements) reads where
    proxydoc chose the text: the annotations of declarations (``Any`` where
    the target has none), decorators, defaults and bodies; not the
    annotations of functions, which are the target's text."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.AnnAssign):
            names |= _loads(node.annotation)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            args = node.args
            every = [*args.posonlyargs, *args.args, *args.kwonlyargs]
            every += [a for a in (args.vararg, args.kwarg) if a is not None]
            for expr in [*args.defaults, *args.kw_defaults, *node.decorator_list]:
                if expr is not None:
                    names |= _loads(expr)
            params = {a.arg for a in every}
            for statement in node.body:
                names |= _loads(statement) - params
    return names


def _loads(node: ast.AST) -> set[str]:
    return {
        n.id
        for n in ast.walk(node)
        if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)
    }
