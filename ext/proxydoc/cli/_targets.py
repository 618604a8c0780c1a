"""Members of a target class: signatures as written in source, docs as at runtime."""

from __future__ import annotations

import ast
import builtins
import functools
import inspect
import itertools
import keyword
import sys
import types
from dataclasses import dataclass, field, replace
from typing import Any, NoReturn

from proxydoc.cli._bindings import DefaultCheck, is_plain
from proxydoc.cli._sources import SourceCache, expr_text
from proxydoc.core.imports import MISSING


@dataclass(frozen=True)
class Param:
    """One parameter; *kind* is posonly, normal, vararg, kwonly or varkw."""

    name: str
    kind: str
    annotation: str | None = None
    default: str | None = None


@dataclass(frozen=True)
class SourceSignature:
    """Parameters (the first one is ``self`` or ``cls``) and return annotation."""

    params: tuple[Param, ...]
    returns: str | None
    is_async: bool
    decorators: tuple[str, ...] = ()


@dataclass(frozen=True)
class Method:
    """A method to proxy: its implementation signature, overloads and docstring."""

    name: str
    kind: str  # method, classmethod or staticmethod
    signature: SourceSignature
    overloads: tuple[SourceSignature, ...]
    doc: str | None
    values: dict[str, Any] = field(default_factory=dict)  # runtime defaults


@dataclass(frozen=True)
class Attribute:
    """An attribute to proxy as a property."""

    name: str
    annotation: str
    doc: str | None
    writable: bool
    deletable: bool = False  # a property with a deleter, a descriptor with __delete__


class TargetClass:
    """Reads members of one imported class, with its source parsed once."""

    def __init__(self, cls: type, sources: SourceCache) -> None:
        self.cls = cls
        self.sources = sources

    def method(self, name: str) -> Method:
        """The method *name*, however the target class got it."""
        owner, raw = self._lookup(name)
        if raw is MISSING:
            raise LookupError(f"{self.cls.__qualname__} has no member {name!r}")
        kind = method_kind(raw)
        func = raw.__func__ if isinstance(raw, (classmethod, staticmethod)) else raw
        if not callable(func):
            raise LookupError(f"{self.cls.__qualname__}.{name} is not a method")
        defs = self.sources.defs(owner, name)
        impls = [d for d in defs if not _decorated(d, "overload")]
        overloads = [d for d in defs if _decorated(d, "overload")]
        extra: tuple[SourceSignature, ...] = ()
        # A callable that is no descriptor (len, a functools.partial) is called
        # as it is, without the instance: the proxy adds the self it takes.
        unbound = kind == "method" and not _binds(raw)
        try:
            if unbound:
                signature = _with_self(_runtime_signature(func, "staticmethod"))
                values = _default_values(func)
            elif impls:
                source = self.sources.text(owner)
                written = signature_from_ast(impls[-1], source)
                signature, values = accepted_signature(func, written, kind)
                extra = tuple(signature_from_ast(d, source, True) for d in overloads)
            else:
                signature = _runtime_signature(func, kind)
                values = _default_values(func)
        except LookupError as exc:
            raise LookupError(f"{name}(): {exc.args[0]}") from exc
        # Awaited when calling it gives a coroutine; an async generator, a
        # generator or a wrapper's result is returned as it is.
        signature = replace(signature, is_async=inspect.iscoroutinefunction(func))
        doc = getattr(func, "__doc__", None)
        return Method(name, kind, signature, extra, doc, values)

    def attribute(self, name: str) -> Attribute:
        """The attribute *name*, read-only when its descriptor has no setter."""
        _, raw = self._lookup(name)
        annotation = self._annotation(name, raw)
        if raw is MISSING or not hasattr(raw, "__get__"):
            return Attribute(name, annotation, None, True)
        if isinstance(raw, property):
            writable, deletable = raw.fset is not None, raw.fdel is not None
        else:
            writable = hasattr(type(raw), "__set__")
            deletable = hasattr(type(raw), "__delete__")
        return Attribute(name, annotation, raw.__doc__ or None, writable, deletable)

    def _lookup(self, name: str) -> tuple[type, Any]:
        return static_member(self.cls, name)

    def _annotation(self, name: str, raw: Any) -> str:
        for klass in self.cls.__mro__:
            found = self.sources.annotation(klass, name)
            if found is not None:
                return found
        fget = getattr(raw, "fget", None)
        if fget is None or hasattr(fget, "__wrapped__"):
            return "Any"
        owner, _ = self._lookup(name)
        for node in self.sources.defs(owner, name):
            if node.returns is not None and not _is_setter(node):
                return expr_text(node.returns, self.sources.text(owner))
        return "Any"


def static_member(cls: type, name: str) -> tuple[type, Any]:
    """The class of *cls*'s MRO that defines *name*, and its entry there
    (a function, classmethod, descriptor...): ``(cls, MISSING)`` if none."""
    for klass in cls.__mro__:
        if name in vars(klass):
            return klass, vars(klass)[name]
    return cls, MISSING


def _default_values(func: Any) -> dict[str, Any]:
    """The defaults ``inspect.signature(func)`` reports, by parameter name."""
    plain = _plain_defaults(func)
    if plain is not None:
        return plain
    try:
        params = inspect.signature(func).parameters.values()
    except (TypeError, ValueError):
        return {}
    return {p.name: p.default for p in params if p.default is not p.empty}


_EMPTY = inspect.Parameter.empty

#: (name, kind, has a default) of each parameter: what a call may pass.
_Shape = tuple[tuple[str, str, bool], ...]


def accepted_signature(
    func: Any, written: SourceSignature, kind: str
) -> tuple[SourceSignature, dict[str, Any]]:
    """What calling *func* accepts, and its defaults by name.

    *written* is its ``def`` in source; a decorator may have changed what the
    call takes.  The ``def`` is kept, as written, when the function called
    takes the same parameters, or when it is a wrapper passing ``*args`` and
    ``**kwargs`` on (``functools.wraps``): its own keyword-only parameters are
    added then.  Else the signature is the function's own (its
    ``__signature__``, or the wrapper's parameters), kept as written where a
    parameter is the same.
    """
    shape = _code_shape(func)
    if shape is not None and shape == _shape(written.params):
        return written, _default_values(func)
    try:
        own = inspect.signature(func, follow_wrapped=False)
    except (TypeError, ValueError):  # a wrapper in C (lru_cache): it passes all on
        return written, _default_values(func)
    params = list(own.parameters.values())
    if _runtime_shape(params) == _shape(written.params):
        return written, _default_values(func)
    if _passes_on(params, written.params):
        return _with_keywords(written, params, _default_values(func))
    values = {p.name: p.default for p in params if p.default is not _EMPTY}
    by_name = {p.name: p for p in written.params}
    declared = [_as_written(p, by_name.get(p.name)) for p in params]
    if kind != "staticmethod" and (
        not declared or declared[0].kind not in ("posonly", "normal")
    ):
        declared.insert(0, Param("self", "normal"))
    returns = annotation_text(own.return_annotation)
    return SourceSignature(tuple(declared), returns, written.is_async), values


def _shape(params: tuple[Param, ...]) -> _Shape:
    return tuple((p.name, p.kind, p.default is not None) for p in params)


def _runtime_shape(params: list[inspect.Parameter]) -> _Shape:
    return tuple((p.name, _KINDS[p.kind], p.default is not _EMPTY) for p in params)


def _code_shape(func: Any) -> _Shape | None:
    """The parameters of a plain function, read from its code (fast); None for
    anything else, or a function a decorator marked (``__wrapped__``,
    ``__signature__``)."""
    if type(func) is not types.FunctionType:
        return None
    attributes = vars(func)
    if "__wrapped__" in attributes or "__signature__" in attributes:
        return None
    code = func.__code__
    count, posonly, kwonly = (
        code.co_argcount,
        code.co_posonlyargcount,
        code.co_kwonlyargcount,
    )
    names = code.co_varnames
    first_default = count - len(func.__defaults__ or ())
    kwdefaults = func.__kwdefaults__ or {}
    shape = [
        (names[i], "posonly" if i < posonly else "normal", i >= first_default)
        for i in range(count)
    ]
    index = count + kwonly
    if code.co_flags & inspect.CO_VARARGS:
        shape.append((names[index], "vararg", False))
        index += 1
    shape.extend((n, "kwonly", n in kwdefaults) for n in names[count : count + kwonly])
    if code.co_flags & inspect.CO_VARKEYWORDS:
        shape.append((names[index], "varkw", False))
    return tuple(shape)


def _passes_on(params: list[inspect.Parameter], written: tuple[Param, ...]) -> bool:
    """Whether a wrapper of *params* takes what the ``def`` *written* takes and
    passes it on: ``*args`` and ``**kwargs``, and, before them, the first
    positional parameters of *written* (``self``), by the same names."""
    kinds = {p.kind for p in params}
    if not {inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD} <= kinds:
        return False
    positional = [p.name for p in params if p.kind in _POSITIONAL]
    inner = [p.name for p in written if p.kind in ("posonly", "normal")]
    return (
        len(positional) <= len(inner) and positional[1:] == inner[1 : len(positional)]
    )


_POSITIONAL = (
    inspect.Parameter.POSITIONAL_ONLY,
    inspect.Parameter.POSITIONAL_OR_KEYWORD,
)


def _with_keywords(
    written: SourceSignature, params: list[inspect.Parameter], values: dict[str, Any]
) -> tuple[SourceSignature, dict[str, Any]]:
    """*written* with the wrapper's own keyword-only parameters added."""
    names = {p.name for p in written.params}
    added = [
        p
        for p in params
        if p.kind is inspect.Parameter.KEYWORD_ONLY and p.name not in names
    ]
    if not added:
        return written, values
    merged = list(written.params)
    where = len(merged) - (bool(merged) and merged[-1].kind == "varkw")
    merged[where:where] = [runtime_param(p) for p in added]
    values = {**values, **{p.name: p.default for p in added if p.default is not _EMPTY}}
    return replace(written, params=tuple(merged)), values


def _as_written(param: inspect.Parameter, written: Param | None) -> Param:
    """*param* as source text: as the ``def`` wrote it when it is the same
    parameter there (kind, and default: a literal of the same value)."""
    runtime_kind = _KINDS[param.kind]
    if written is None or written.kind != runtime_kind:
        return runtime_param(param)
    if (written.default is None) != (param.default is _EMPTY):
        return runtime_param(param)
    if written.default is not None:
        try:
            value = ast.literal_eval(written.default)
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            return written  # a name or a call: the same text means the same value
        if type(value) is not type(param.default) or value != param.default:
            return runtime_param(param)
    return written


def _plain_defaults(func: Any) -> dict[str, Any] | None:
    """The defaults of a plain function, read as ``inspect.signature`` reads
    them (Python 3.11 to 3.13), without building its Signature; None where it
    would do more than that: a function with attributes (``__wrapped__``,
    ``__signature__``), parameter names it would refuse or rename, more
    defaults than positional parameters."""
    if (
        type(func) is not types.FunctionType
        or vars(func)
        or sys.version_info >= (3, 14)
    ):
        return None
    code = func.__code__
    count, kwonly = code.co_argcount, code.co_kwonlyargcount
    stars = int(bool(code.co_flags & inspect.CO_VARARGS))
    stars += int(bool(code.co_flags & inspect.CO_VARKEYWORDS))
    names = code.co_varnames[: count + kwonly + stars]
    defaults, kwdefaults = func.__defaults__, func.__kwdefaults__
    if type(defaults) not in (tuple, type(None)) or type(kwdefaults) not in (
        dict,
        type(None),
    ):
        return None  # a subclass may answer len() or get() its own way
    defaults = defaults or ()
    if (
        len(names) != count + kwonly + stars
        or len(defaults) > count
        or len(set(names)) != len(names)
        or not all(n.isidentifier() and not keyword.iskeyword(n) for n in names)
    ):
        return None
    values = dict(zip(names[count - len(defaults) : count], defaults, strict=True))
    for name in names[count : count + kwonly]:
        values[name] = _EMPTY if kwdefaults is None else kwdefaults.get(name, _EMPTY)
    return {name: value for name, value in values.items() if value is not _EMPTY}


def bind_defaults(
    method: Method, bound: set[str], check: DefaultCheck | None = None
) -> Method:
    """*method* written with names the facade's module binds (*bound*).

    Defaults that use names the facade lacks, or (with *check*) binds to
    other objects than the target's module, are written as values; the
    decorators of ``@overload`` variants as the facade spells ``overload``.
    Raises LookupError, naming what to import, where neither works.
    """
    params = _bound_params(method, method.signature.params, bound, check)
    overloads = tuple(
        replace(
            sig,
            params=_bound_params(method, sig.params, bound, check),
            decorators=_bound_decorators(method.name, sig, bound),
        )
        for sig in method.overloads
    )
    if params == method.signature.params and not overloads:
        return method  # what replace() would build, equal field by field
    signature = replace(method.signature, params=params)
    return replace(method, signature=signature, overloads=overloads)


def _bound_params(
    method: Method,
    params: tuple[Param, ...],
    bound: set[str],
    check: DefaultCheck | None = None,
) -> tuple[Param, ...]:
    """*params* with defaults that use names the facade lacks written as values.

    The values are the implementation's at run time: an ``@overload``
    variant's default is written so only where the implementation's parameter
    of that name has the same default.
    """
    written = {p.name: p.default for p in method.signature.params}
    out = []
    for param in params:
        if param.default is not None and _free_names(param.default) - bound:
            same = written.get(param.name) == param.default
            value = _literal(method, param) if same else _refuse(method, param)
            param = replace(param, default=value)
        elif (
            check is not None
            and param.default is not None
            and written.get(param.name) == param.default
        ):
            param = _same_object(method, param, check)
        out.append(param)
    return tuple(out)


def _same_object(method: Method, param: Param, check: DefaultCheck) -> Param:
    """*param*, its default written as a value where the names it uses mean
    other objects in the facade's module than in the target's."""
    assert param.default is not None
    value = method.values.get(param.name, MISSING)
    differing = check.differing(method.name, param.default, value)
    if differing is None:
        return param
    if is_plain(value):
        text = repr(value)
        try:
            plain = ast.literal_eval(text)
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            plain = MISSING
        if type(plain) is type(value) and plain == value:
            return replace(param, default=text)
    module = check.scope(method.name).get("__name__", "the target's module")
    raise LookupError(
        f"default of {param.name!r} in {method.name}() is {param.default}, but "
        f"the facade's module binds {', '.join(differing)} to another object than "
        f"the target's module does: import {', '.join(differing)} from {module} "
        "there"
    )


#: How a facade's module may spell ``typing.overload``: the name it must bind.
_OVERLOAD_SPELLINGS = (
    ("overload", "overload"),
    ("typing", "typing.overload"),
    ("typing_extensions", "typing_extensions.overload"),
)


def _bound_decorators(
    name: str, sig: SourceSignature, bound: set[str]
) -> tuple[str, ...]:
    """The decorators of an ``@overload`` variant of *name*, as the facade has them."""
    written = []
    for text in sig.decorators:
        if _is_overload(text):
            spelling = next((s for n, s in _OVERLOAD_SPELLINGS if n in bound), None)
            if spelling is None:
                raise LookupError(
                    f"the @overload variants of {name}() need overload, which the "
                    "facade's module does not import: add 'from typing import "
                    "overload' there"
                )
            text = spelling
        elif missing := _free_names(text) - bound:
            raise LookupError(
                f"an @overload variant of {name}() is decorated @{text}; import "
                f"{', '.join(sorted(missing))} in the facade's module"
            )
        written.append(text)
    return tuple(written)


def _is_overload(decorator: str) -> bool:
    node = ast.parse(decorator, mode="eval").body
    return (isinstance(node, ast.Name) and node.id == "overload") or (
        isinstance(node, ast.Attribute) and node.attr == "overload"
    )


def annotation_texts(member: Method | Attribute) -> list[str]:
    """The annotations the proxy of *member* writes."""
    if isinstance(member, Attribute):
        return [member.annotation]
    texts: list[str] = []
    for sig in (member.signature, *member.overloads):
        texts.extend(p.annotation for p in sig.params if p.annotation)
        texts.append(sig.returns or "None")
    return texts


def unbound_annotation_names(member: Method | Attribute, bound: set[str]) -> set[str]:
    """Names the annotations of *member* use that the facade's module lacks."""
    texts = annotation_texts(member)
    names: set[str] = set()
    for text in texts:
        names |= _free_names(text)
    return names - bound


def _free_names(expression: str) -> set[str]:
    """The names *expression* uses, but for those of the builtins module now."""
    names = _names(expression)
    if not names:
        return set()
    namespace = vars(builtins)
    if type(builtins) is not types.ModuleType or "__dir__" in namespace:
        return set(names) - set(dir(builtins))  # dir() asks them, not the namespace
    return {name for name in names if name not in namespace}


@functools.lru_cache(maxsize=4096)
def _names(expression: str) -> frozenset[str]:
    """The names read by *expression*: a facade's proxies repeat a few
    annotations and defaults thousands of times, each parsed once here."""
    tree = ast.parse(expression, mode="eval")
    return frozenset(n.id for n in ast.walk(tree) if isinstance(n, ast.Name))


def _literal(method: Method, param: Param) -> str:
    value = method.values.get(param.name, MISSING)
    text = repr(value)
    try:
        same = value is not MISSING and ast.literal_eval(text) == value
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        same = False
    return text if same else _refuse(method, param)


def _refuse(method: Method, param: Param) -> NoReturn:
    raise LookupError(
        f"default of {param.name!r} in {method.name}() is {param.default}, "
        "a name the facade's module does not bind; import it there"
    )


def method_kind(raw: Any) -> str:
    """method, classmethod or staticmethod: what a class's own entry *raw* is
    (a classmethod of a class written in C, ``dict.fromkeys``, is one too)."""
    if isinstance(raw, (classmethod, types.ClassMethodDescriptorType)):
        return "classmethod"
    if isinstance(raw, staticmethod):
        return "staticmethod"
    return "method"


def _decorated(node: ast.FunctionDef | ast.AsyncFunctionDef, name: str) -> bool:
    for deco in node.decorator_list:
        if isinstance(deco, ast.Name) and deco.id == name:
            return True
        if isinstance(deco, ast.Attribute) and deco.attr == name:
            return True
    return False


def _is_setter(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return _decorated(node, "setter") or _decorated(node, "deleter")


def signature_from_ast(
    node: ast.FunctionDef | ast.AsyncFunctionDef,
    source: list[str],
    keep_decorators: bool = False,
) -> SourceSignature:
    args = node.args
    positional = [*args.posonlyargs, *args.args]
    defaults: list[ast.expr | None] = [None] * (len(positional) - len(args.defaults))
    defaults.extend(args.defaults)
    params: list[Param] = []
    for index, (arg, default) in enumerate(zip(positional, defaults, strict=True)):
        kind = "posonly" if index < len(args.posonlyargs) else "normal"
        params.append(_param(arg, kind, default, source))
    if args.vararg is not None:
        params.append(_param(args.vararg, "vararg", None, source))
    for arg, default in zip(args.kwonlyargs, args.kw_defaults, strict=True):
        params.append(_param(arg, "kwonly", default, source))
    if args.kwarg is not None:
        params.append(_param(args.kwarg, "varkw", None, source))
    returns = None if node.returns is None else expr_text(node.returns, source)
    decorators: tuple[str, ...] = ()
    if keep_decorators:
        decorators = tuple(expr_text(d, source) for d in node.decorator_list)
    is_async = isinstance(node, ast.AsyncFunctionDef)
    return SourceSignature(tuple(params), returns, is_async, decorators)


def _param(
    arg: ast.arg, kind: str, default: ast.expr | None, source: list[str]
) -> Param:
    annotation = None if arg.annotation is None else expr_text(arg.annotation, source)
    text = None if default is None else expr_text(default, source)
    return Param(arg.arg, kind, annotation, text)


_KINDS = {
    inspect.Parameter.POSITIONAL_ONLY: "posonly",
    inspect.Parameter.POSITIONAL_OR_KEYWORD: "normal",
    inspect.Parameter.VAR_POSITIONAL: "vararg",
    inspect.Parameter.KEYWORD_ONLY: "kwonly",
    inspect.Parameter.VAR_KEYWORD: "varkw",
}


def _binds(raw: Any) -> bool:
    """Whether a class's entry *raw* gets the instance when called through it.

    A ``functools.partial`` has ``__get__`` from Python 3.13, which binds from
    3.14 on only (3.13's warns and returns the partial)."""
    if isinstance(raw, functools.partial) and sys.version_info < (3, 14):
        return False
    return hasattr(type(raw), "__get__")


def _with_self(sig: SourceSignature) -> SourceSignature:
    """*sig* after a first parameter, ``self`` (``self_``... when taken)."""
    taken = {p.name for p in sig.params}
    name = next(
        n for n in (f"self{'_' * i}" for i in itertools.count()) if n not in taken
    )
    first = Param(name, "posonly")
    return replace(sig, params=(first, *sig.params))


def _runtime_signature(func: Any, kind: str) -> SourceSignature:
    """A signature from ``inspect`` when the source is not available."""
    try:
        sig = inspect.signature(func)
    except (TypeError, ValueError) as exc:
        raise LookupError(f"no signature ({exc})") from exc
    params = [runtime_param(p) for p in sig.parameters.values()]
    if kind != "staticmethod" and (
        not params or params[0].kind not in ("posonly", "normal")
    ):
        params.insert(0, Param("self", "normal"))
    returns = annotation_text(sig.return_annotation)
    return SourceSignature(tuple(params), returns, inspect.iscoroutinefunction(func))


def runtime_param(param: inspect.Parameter) -> Param:
    """*param* as source text: its default written as its ``repr()``."""
    default = None
    if param.default is Ellipsis:
        default = "..."  # its repr, "Ellipsis", is a name a module may rebind
    elif param.default is not inspect.Parameter.empty:
        try:
            default = repr(param.default)
        except Exception as exc:
            raise LookupError(
                f"cannot write the default of {param.name}: its repr() raised "
                f"{type(exc).__name__}: {exc}"
            ) from exc
        try:
            ast.parse(default, mode="eval")
        except SyntaxError as exc:
            raise LookupError(
                f"cannot write the default of {param.name}: its repr() {default} is "
                "not Python code and no source text of the signature gives it; "
                "give it a repr() that is, or leave the member out"
            ) from exc
    annotation = annotation_text(param.annotation)
    return Param(param.name, _KINDS[param.kind], annotation, default)


def annotation_text(value: Any) -> str | None:
    """An annotation as source text: a string as it is, an object formatted."""
    if value is inspect.Signature.empty:
        return None
    return value if isinstance(value, str) else inspect.formatannotation(value)
