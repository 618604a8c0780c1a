"""Annotations evaluated and written back, for stubs that expand type aliases.

A stub's import block is often kept by hand; names a target's source uses in
its annotations (type aliases, names imported for type checkers only) may not
be importable from the stub.  With ``annotations = "evaluated"`` a stub region
writes what those annotations mean instead: each one evaluated in the names
its function's module and the target's module see (including those imported
under ``if TYPE_CHECKING:``), then written as ``repr()`` writes it, module
paths left out (``collections.abc.Callable[[str], bool]`` is written
``Callable[[str], bool]``).  Names listed in ``aliases`` are written by name.
An annotation that cannot be evaluated is written as the source has it.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import io
import sys
import tokenize
import types
import typing
from typing import Any

#: Evaluation namespaces, by module name, each with the module object it was
#: read from: reading a module's imports for type checkers runs imports, once
#: per module object (a module imported again, by a later run in the same
#: process, is read again).
_NAMESPACES: dict[str, tuple[types.ModuleType, dict[str, Any]]] = {}


def namespace(*modules: str) -> dict[str, Any]:
    """The names *modules* see, theirs and their type checkers' imports, the
    later modules' names winning; ``typing``'s below all."""
    names: dict[str, Any] = dict(vars(typing))
    for name in modules:
        names.update(_module_namespace(name))
    return names


def _module_namespace(name: str) -> dict[str, Any]:
    module = sys.modules.get(name)
    if module is None:
        return {}
    cached = _NAMESPACES.get(name)
    if cached is None or cached[0] is not module:
        names = {**_type_checking_names(module), **vars(module)}
        _NAMESPACES[name] = cached = (module, names)
    return cached[1]


def _type_checking_names(module: types.ModuleType) -> dict[str, Any]:
    """What the imports under the module's top-level ``if TYPE_CHECKING:`` bind."""
    try:
        tree = ast.parse(inspect.getsource(module))
    except (OSError, TypeError, SyntaxError, ValueError):
        return {}
    package = module.__package__ or ""
    names: dict[str, Any] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for statement in ast.walk(node):
                if isinstance(statement, (ast.Import, ast.ImportFrom)):
                    names.update(_bind(statement, package))
    return names


def _is_type_checking(test: ast.expr) -> bool:
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"


def _bind(node: ast.Import | ast.ImportFrom, package: str) -> dict[str, Any]:
    names: dict[str, Any] = {}
    try:
        if isinstance(node, ast.Import):
            for alias in node.names:
                module = importlib.import_module(alias.name)
                if alias.asname:
                    names[alias.asname] = module
                else:
                    top = alias.name.partition(".")[0]
                    names[top] = sys.modules[top]
            return names
        base = "." * node.level + (node.module or "")
        module = importlib.import_module(base, package or None)
        for alias in node.names:
            if alias.name == "*":
                continue
            if hasattr(module, alias.name):
                names[alias.asname or alias.name] = getattr(module, alias.name)
    except Exception:
        return names
    return names


def alias_names(refs: tuple[str, ...]) -> dict[int, str]:
    """The objects ``"module:name"`` refers to, by id, each written as its name."""
    found: dict[int, str] = {}
    for ref in refs:
        module, _, name = ref.partition(":")
        try:
            value = getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError):
            continue
        found[id(value)] = name
    return found


def evaluated(
    text: str | None, names: dict[str, Any], aliases: dict[int, str]
) -> str | None:
    """*text* evaluated in *names* and written back; as it is when that fails."""
    if text is None:
        return None
    try:
        value = eval(text, dict(names))
    except Exception:
        return text
    written = write(value, aliases, names)
    try:
        ast.parse(written, mode="eval")
    except SyntaxError:
        return text
    return written


def write(
    value: Any, aliases: dict[int, str], names: dict[str, Any] | None = None
) -> str:
    """*value*, an evaluated annotation, as source text without module paths.

    Generic aliases are written part by part: a union as ``A | B``, a
    ``Literal`` with its values' reprs, a forward reference evaluated in
    *names* when it can be (else its text).
    """
    names = names or {}

    def each(item: Any) -> str:
        return write(item, aliases, names)

    if id(value) in aliases:
        return aliases[id(value)]
    if value is None or value is type(None):
        return "None"
    if value is Ellipsis:
        return "..."
    if isinstance(value, (str, typing.ForwardRef)):
        text = value if isinstance(value, str) else value.__forward_arg__
        try:
            result = eval(text, dict(names))
        except Exception:
            return text
        if isinstance(result, type) and "[" in text:
            # A class whose __class_getitem__ returns itself: ``T[Any]`` is
            # ``T`` at run time, but a type checker wants the subscript.
            return _without_paths(text)
        return each(result)
    if isinstance(value, list):
        return "[" + ", ".join(each(item) for item in value) + "]"
    if isinstance(value, typing.TypeVar):
        return value.__name__
    origin = typing.get_origin(value)
    args = typing.get_args(value)
    if isinstance(value, types.UnionType) or origin is typing.Union:
        return " | ".join(each(arg) for arg in args)
    if origin is typing.Literal:
        return "Literal[" + ", ".join(repr(arg) for arg in args) + "]"
    if origin is not None and args:
        name = getattr(value, "_name", None) or getattr(origin, "__qualname__", None)
        if isinstance(name, str):
            return f"{name}[{', '.join(each(arg) for arg in args)}]"
    if isinstance(value, type):
        return value.__qualname__
    return _without_paths(repr(value))


def _without_paths(text: str) -> str:
    """*text* with ``a.b.C`` written ``C`` outside string literals, ``~T`` as
    ``T``, ``ForwardRef('X')`` as ``'X'`` and ``NoneType`` as ``None``."""
    out: list[str] = []
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, SyntaxError):
        return text
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == tokenize.NAME:
            end = index
            while (
                end + 2 < len(tokens)
                and tokens[end + 1].string == "."
                and tokens[end + 2].type == tokenize.NAME
            ):
                end += 2
            name = tokens[end].string
            if (
                name == "ForwardRef"
                and end + 3 < len(tokens)
                and tokens[end + 1].string == "("
            ):
                out.append(tokens[end + 2].string)
                index = end + 4
                continue
            out.append("None" if name == "NoneType" else name)
            index = end + 1
            continue
        if token.type == tokenize.OP and token.string == "~":
            index += 1
            continue
        if token.type in (tokenize.NEWLINE, tokenize.ENDMARKER, tokenize.NL):
            index += 1
            continue
        out.append(token.string)
        index += 1
    return _join(out)


def _join(parts: list[str]) -> str:
    text = ""
    for part in parts:
        if (
            (
                text
                and (text[-1].isalnum() or text[-1] in "_'\"")
                and (part[:1].isalnum() or part[:1] in "_'\"")
            )
            or part == "|"
            or (text.endswith("|"))
            or text.endswith(",")
        ):
            text += " "
        text += part
    return text
