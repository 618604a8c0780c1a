"""Stub regions: a target class's members written as functions or declarations.

A facade made at run time (a module filled by ``create_module_class_proxy``,
methods added by a registry) has no source a type checker or a reader can
see.  A stub region, configured in ``[tool.proxydoc.stubs.<name>]``, holds
that source: one function per member of the target class, with the member's
signature and docstring as the imported class has them, between two marker
comments of a ``.pyi`` stub, of a module, or of a class body (typically under
``if TYPE_CHECKING:``).

At a module's top level the functions take no ``self``; in a class body they
keep it.  By default they are declarations: the docstring, then ``...`` in a
``.py`` file (a ``.pyi`` stub's function has its docstring alone, as type
checkers and Alembic's own generator write them); with ``call`` set, each
forwards to ``<call>.<member>(...)`` instead.
"""

from __future__ import annotations

import inspect
import sys
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from proxydoc.cli._config import StubConfig
from proxydoc.cli._evaluated import alias_names, evaluated, namespace
from proxydoc.cli._render import (
    Unwritable,
    call_arguments,
    def_line,
    docstring_literal,
    indent_lines,
    inject_note,
    unshadowed,
)
from proxydoc.cli._targets import (
    Param,
    SourceSignature,
    annotation_text,
    method_kind,
    runtime_param,
    static_member,
)
from proxydoc.core.imports import MISSING
from proxydoc.core.markers import copy_text

_STEP = "    "


@dataclass(frozen=True)
class StubMember:
    """One member of the target: a function (maybe overloaded) or an attribute."""

    name: str
    kind: str  # method, classmethod, staticmethod or attribute
    signatures: tuple[SourceSignature, ...]  # the overload variants, or one
    overloaded: bool
    doc: str | None
    annotation: str | None = None  # attributes only
    implementation: SourceSignature | None = None  # of an overloaded function


def member_names(cls: type, stub: StubConfig) -> list[str]:
    """The members a stub region holds: as configured, else every public name
    ``dir()`` lists, less those excluded.

    Raises LookupError when ``exclude`` or ``context_managers`` names a member
    that is not in that list: it would match nothing.
    """
    if stub.members:
        names = list(stub.members)
        among = "members"
    else:
        names = [name for name in dir(cls) if not name.startswith("_")]
        among = f"the public members of {cls.__qualname__}"
    unknown = [name for name in stub.exclude if name not in names]
    if unknown:
        raise LookupError(f"exclude names {unknown}, not among {among}")
    kept = [name for name in names if name not in stub.exclude]
    unknown = [name for name in stub.context_managers if name not in kept]
    if unknown:
        raise LookupError(
            f"context_managers names {unknown}, not among the members written"
        )
    return kept


def read_member(cls: type, name: str, stub: StubConfig | None = None) -> StubMember:
    """The member *name* of *cls* as the imported class has it; annotations
    evaluated when *stub* asks for it.

    Raises LookupError when *cls* has no such member or no signature for it.
    """
    member = _read_member(cls, name)
    if stub is None or stub.annotations != "evaluated":
        return member
    return _evaluate(member, cls, stub)


def _evaluate(member: StubMember, cls: type, stub: StubConfig) -> StubMember:
    aliases = alias_names(stub.aliases)
    if member.kind == "attribute":
        names = namespace(cls.__module__)
        return replace(member, annotation=evaluated(member.annotation, names, aliases))
    func = _unwrapped(_function_of(static_member(cls, member.name)[1]))
    names = namespace(cls.__module__, getattr(func, "__module__", None) or "")

    def each(sig: SourceSignature) -> SourceSignature:
        params = tuple(
            replace(p, annotation=evaluated(p.annotation, names, aliases))
            for p in sig.params
        )
        return replace(
            sig, params=params, returns=evaluated(sig.returns, names, aliases)
        )

    implementation = member.implementation
    return replace(
        member,
        signatures=tuple(each(sig) for sig in member.signatures),
        implementation=None if implementation is None else each(implementation),
    )


def _function_of(raw: Any) -> Any:
    return raw.__func__ if isinstance(raw, (classmethod, staticmethod)) else raw


def _read_member(cls: type, name: str) -> StubMember:
    _, raw = static_member(cls, name)
    if raw is MISSING:
        raise LookupError(f"{cls.__qualname__} has no member {name!r}")
    value = getattr(cls, name)
    if not callable(value):
        return StubMember(name, "attribute", (), False, None, _annotation(cls, name))
    kind = method_kind(raw)
    func = _unwrapped(_function_of(raw))
    variants = [_unwrapped(f) for f in _overloads(func)]
    implementation = _signature(func, kind, name)
    signatures = tuple(_signature(f, kind, name) for f in variants) or (implementation,)
    return StubMember(
        name, kind, signatures, bool(variants), _doc(func), None, implementation
    )


def _unwrapped(func: Any) -> Any:
    """*func* without its decorators that set ``__wrapped__`` (loops stop)."""
    seen = {id(func)}
    while hasattr(func, "__wrapped__"):
        func = func.__wrapped__
        if id(func) in seen:
            break
        seen.add(id(func))
    return func


def _overloads(func: Any) -> list[Callable[..., Any]]:
    """The ``@overload`` variants registered for *func* (Python 3.11+)."""
    get = getattr(typing, "get_overloads", None)
    if get is None:  # pragma: no cover - Python 3.10
        extensions = sys.modules.get("typing_extensions")
        get = getattr(extensions, "get_overloads", None)
    if get is None or not isinstance(func, types.FunctionType):
        return []  # pragma: no cover
    return list(get(func))


def _doc(func: Any) -> str | None:
    doc = getattr(func, "__doc__", None)
    return doc if isinstance(doc, str) and doc.strip() else None


def _signature(func: Any, kind: str, name: str) -> SourceSignature:
    try:
        sig = inspect.signature(func, follow_wrapped=False)
    except (TypeError, ValueError) as exc:
        raise LookupError(f"no signature for {name}(): {exc}") from exc
    try:
        params = tuple(runtime_param(p) for p in sig.parameters.values())
    except LookupError as exc:
        raise LookupError(f"{name}(): {exc.args[0]}") from exc
    if kind != "staticmethod" and (not params or params[0].kind not in _FIRST):
        raise LookupError(f"{name}() takes no self or cls parameter")
    returns = annotation_text(sig.return_annotation)
    return SourceSignature(params, returns, inspect.iscoroutinefunction(func))


_FIRST = ("posonly", "normal")


def _annotation(cls: type, name: str) -> str:
    """An attribute's annotation as its class wrote it, else ``Any``."""
    for klass in cls.__mro__:
        annotations = vars(klass).get("__annotations__", {})
        if isinstance(annotations, dict) and name in annotations:
            text = annotation_text(annotations[name]) or "Any"
            if text[:1] in "'\"" and text[-1:] == text[:1]:
                text = text[1:-1]  # a quoted annotation under string annotations
            return text
    return "Any"


@dataclass(frozen=True)
class StubLayout:
    """Where and how a stub region's functions are written."""

    in_class: bool  # a class body: keep self/cls; else a module: drop them
    pyi: bool  # a .pyi file: a docstring alone is a declaration's body
    note: str | None  # the proxy note for each docstring, or None
    call: str | None
    width: int
    encoding: str


def layout_for(
    stub: StubConfig,
    path: Path,
    in_class: bool,
    target: str,
    facade: str,
    width: int,
    encoding: str,
) -> StubLayout:
    """How *stub* is written in *path*; *target*/*facade* as Sphinx references."""
    note = None
    if stub.note:
        note = copy_text(target, facade, on_first_line=True, module=not in_class)
    return StubLayout(in_class, path.suffix == ".pyi", note, stub.call, width, encoding)


def render_member(member: StubMember, stub: StubConfig, layout: StubLayout) -> str:
    """The text of one member: overload variants, then the function itself.

    Declarations of an overloaded function are its variants alone, the last
    one with the docstring (a type checker wants no implementation there);
    forwarding functions add the implementation, which carries the docstring.
    """
    if member.kind == "attribute":
        return f"{member.name}: {member.annotation}\n"
    forwards = layout.call is not None
    signatures = list(member.signatures)
    if forwards and member.overloaded and member.implementation is not None:
        signatures.append(member.implementation)
    parts = []
    for index, sig in enumerate(signatures):
        last = index == len(signatures) - 1
        variant = member.overloaded and not (forwards and last)
        decorators = ["overload"] if variant else []
        if member.name in stub.context_managers:
            decorators.append("contextmanager")
        if layout.in_class and member.kind != "method":
            decorators.append(member.kind)
        params = sig.params
        if not layout.in_class and member.kind != "staticmethod":
            params = params[1:]
        sig = SourceSignature(params, sig.returns, sig.is_async)
        forward = forwards and not variant
        parts.append(_function(member, sig, decorators, last, forward, layout))
    return "\n".join(parts)


def _function(
    member: StubMember,
    sig: SourceSignature,
    decorators: list[str],
    with_doc: bool,
    forward: bool,
    layout: StubLayout,
) -> str:
    head = "".join(f"@{d}\n" for d in decorators)
    doc = member.doc if with_doc else None
    if layout.note and with_doc:
        doc = inject_note(doc or "", layout.note)
    elif doc is not None:
        doc = inspect.cleandoc(doc)
    if doc is None and not forward:
        return head + def_line(member.name, sig, layout.width, body=" ...")
    lines = []
    if doc is not None:
        lines.append(docstring_literal(doc, "", layout.encoding))
    if forward:
        lines.extend(_forward(member, sig, layout))
    elif not layout.pyi:
        lines.append("...")
    body = indent_lines("\n".join(lines), _STEP)
    return head + def_line(member.name, sig, layout.width) + body + "\n"


def _forward(member: StubMember, sig: SourceSignature, layout: StubLayout) -> list[str]:
    params: tuple[Param, ...] = sig.params
    if layout.in_class and member.kind != "staticmethod":
        params = params[1:]
    lead = "return await " if sig.is_async else "return "
    hint = "set the stub's call to a name no parameter has"
    call = unshadowed(layout.call or "", params, hint)  # self.x: self is meant
    return [f"{lead}{call}.{member.name}({', '.join(call_arguments(params))})"]


__all__ = [
    "StubLayout",
    "StubMember",
    "Unwritable",
    "layout_for",
    "member_names",
    "read_member",
    "render_member",
]
