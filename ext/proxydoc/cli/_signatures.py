"""Parameter names read from source: a function's, a class's through its constructor."""

from __future__ import annotations

import ast
from dataclasses import dataclass

from proxydoc.cli._definitions import (
    Definition,
    SourceIndex,
    SourceModule,
    dotted_names,
)
from proxydoc.cli._sources import flat_body

_Function = ast.FunctionDef | ast.AsyncFunctionDef

#: Decorators that make a function an attribute, not something to call; so does
#: any whose name ends in ``property`` (``hybrid_property``, ``memoized_property``).
ATTRIBUTE_DECORATORS = frozenset({"setter", "getter", "deleter", "declared_attr"})
#: Class decorators that write ``__init__`` from the annotated fields.
FIELD_DECORATORS = frozenset({"dataclass", "define", "frozen", "mutable", "attrs", "s"})
#: Bases whose fields are the constructor's parameters.
FIELD_BASES = frozenset({"NamedTuple", "TypedDict"})
#: Bases that add no constructor parameters.
PLAIN_BASES = frozenset({"object", "Generic", "Protocol", "ABC"})


@dataclass(frozen=True)
class SourceSignature:
    """The parameter names of a callable as written, and the docstrings about them."""

    names: frozenset[str]
    docstrings: tuple[str, ...]


def read_signature(index: SourceIndex, found: Definition) -> SourceSignature | None:
    """What *found* accepts; None when its source shows nothing to call."""
    node = found.node
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        if any(_is_attribute_decorator(d) for d in node.decorator_list):
            return None
        variants = _signatures(found.variants or (node,))
        names = frozenset().union(*(arg_names(v) for v in variants))
        return SourceSignature(names, _docstrings(node))
    if isinstance(node, ast.ClassDef):
        return _constructor(index, node, found.module)
    return None


def _signatures(variants: tuple[_Function, ...]) -> tuple[_Function, ...]:
    """The definition that runs, as at run time; a stub's overloads all together."""
    implemented = [v for v in variants if not _is_overload(v)]
    return (implemented[-1],) if implemented else variants


def _is_overload(node: _Function) -> bool:
    return any(_decorator_name(d) == "overload" for d in node.decorator_list)


def arg_names(node: _Function, *, bound: bool = False) -> set[str]:
    """The names of *node*'s parameters; without the first when *bound*."""
    args = node.args
    positional = [*args.posonlyargs, *args.args][1 if bound else 0 :]
    every = [*positional, *args.kwonlyargs, args.vararg, args.kwarg]
    return {a.arg for a in every if a is not None}


def _constructor(
    index: SourceIndex, cls: ast.ClassDef, module: SourceModule
) -> SourceSignature | None:
    """The first ``__init__`` / ``__new__`` in source along the bases, or the fields.

    A constructor taking ``**kw`` from a base (a declarative base) also takes
    the annotated fields of the classes before it.
    """
    chain, complete = _class_chain(index, cls, module)
    fields: set[str] = set()
    for position, klass in enumerate(chain):
        if _has_generated_init(klass):
            return _fields_signature(chain, cls)
        fields.update(_annotated(klass))
        for name in ("__init__", "__new__"):
            funcs = [
                n
                for n in flat_body(klass.body)
                if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
                and n.name == name
            ]
            if funcs:
                names = set().union(*(arg_names(f, bound=True) for f in funcs))
                if position and any(f.args.kwarg for f in funcs):
                    names |= fields
                return SourceSignature(
                    frozenset(names), (*_docstrings(cls), *_docstrings(funcs[-1]))
                )
    if complete:
        return SourceSignature(frozenset(), _docstrings(cls))
    return None


def _fields_signature(chain: list[ast.ClassDef], cls: ast.ClassDef) -> SourceSignature:
    names = set().union(*(_annotated(k) for k in chain if _has_generated_init(k)))
    return SourceSignature(frozenset(names), _docstrings(cls))


def _class_chain(
    index: SourceIndex, cls: ast.ClassDef, module: SourceModule
) -> tuple[list[ast.ClassDef], bool]:
    """*cls* and its bases found in source, depth first; whether all were found."""
    chain: list[ast.ClassDef] = []
    complete = True
    pending = [(cls, module)]
    while pending and len(chain) < 100:
        klass, where = pending.pop(0)
        if any(klass is seen for seen in chain):
            continue
        chain.append(klass)
        bases = []
        for expr in klass.bases:
            names = dotted_names(expr)
            if names and names[-1] in PLAIN_BASES | FIELD_BASES:
                continue
            found = index.expression(expr, where)
            if found is not None and isinstance(found.node, ast.ClassDef):
                bases.append((found.node, found.module))
            else:
                complete = False
        pending = bases + pending
    return chain, complete


def _has_generated_init(cls: ast.ClassDef) -> bool:
    if any(_decorator_name(d) in FIELD_DECORATORS for d in cls.decorator_list):
        return True
    return any(
        (names := dotted_names(b)) is not None and names[-1] in FIELD_BASES
        for b in cls.bases
    )


def _annotated(cls: ast.ClassDef) -> set[str]:
    return {
        n.target.id
        for n in flat_body(cls.body)
        if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name)
    }


def _is_attribute_decorator(node: ast.expr) -> bool:
    name = _decorator_name(node)
    return name in ATTRIBUTE_DECORATORS or name.endswith("property")


def _decorator_name(node: ast.expr) -> str:
    if isinstance(node, ast.Call):
        node = node.func
    names = dotted_names(node)
    return names[-1] if names else ""


def _docstrings(node: ast.ClassDef | _Function) -> tuple[str, ...]:
    doc = ast.get_docstring(node)
    return () if doc is None else (doc,)
