"""Members of a target class: signatures as written in source, docs as at runtime."""

from __future__ import annotations

import ast
import builtins
import functools
import inspect
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
        func = raw.__func__ if kind != "method" else raw
        if not callable(func):
            raise LookupError(f"{self.cls.__qualname__}.{name} is not a method")
        defs = self.sources.defs(owner, name)
        impls = [d for d in defs if not _decorated(d, "overload")]
        overloads = [d for d in defs if _decorated(d, "overload")]
        if impls:
            source = self.sources.text(owner)
            signature = signature_from_ast(impls[-1], source)
            extra = tuple(signature_from_ast(d, source, True) for d in overloads)
        else:
            try:
                signature, extra = _runtime_signature(func), ()
            except LookupError as exc:
                raise LookupError(f"{name}(): {exc.args[0]}") from exc
        doc = getattr(func, "__doc__", None)
        return Method(name, kind, signature, extra, doc, _default_values(func))

    def attribute(self, name: str) -> Attribute:
        """The attribute *name*, read-only when its descriptor has no setter."""
        _, raw = self._lookup(name)
        annotation = self._annotation(name, raw)
        if raw is MISSING or not hasattr(raw, "__get__"):
            return Attribute(name, annotation, None, True)
        if isinstance(raw, property):
            writable = raw.fset is not None
        else:
            writable = hasattr(type(raw), "__set__")
        return Attribute(name, annotation, raw.__doc__ or None, writable)

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
    """method, classmethod or staticmethod: what a class's own entry *raw* is."""
    if isinstance(raw, classmethod):
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


def _runtime_signature(func: Any) -> SourceSignature:
    """A signature from ``inspect`` when the source is not available."""
    try:
        sig = inspect.signature(func)
    except (TypeError, ValueError) as exc:
        raise LookupError(f"no signature ({exc})") from exc
    params = [runtime_param(p) for p in sig.parameters.values()]
    if not params or params[0].kind not in ("posonly", "normal"):
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
            raise LookupError(f"cannot write the default of {param.name}") from exc
    annotation = annotation_text(param.annotation)
    return Param(param.name, _KINDS[param.kind], annotation, default)


def annotation_text(value: Any) -> str | None:
    """An annotation as source text: a string as it is, an object formatted."""
    if value is inspect.Signature.empty:
        return None
    return value if isinstance(value, str) else inspect.formatannotation(value)
