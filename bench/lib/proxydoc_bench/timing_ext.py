"""Bench-only Sphinx extension: time spent inside other extensions' own code.

Loaded first.  Once every extension is set up it wraps, for the modules named
in ``MEASURED``: their event listeners, node visitors, the methods their
transform, post-transform, domain, role and directive classes define.
Time is charged to the innermost running wrapper (exclusive accounting), and a
call from an overriding method into the Sphinx implementation it overrides
(``super().resolve_xref(...)`` for a ``:class:`` link) is charged to nobody:
the bare build does that work too.  Garbage collections are charged to a label
of their own (``gc_seconds``), whoever triggered them.  At ``build-finished``
the totals go to the JSON file named by ``PROXYDOC_BENCH_TIMING``.
"""

from __future__ import annotations

import functools
import gc
import inspect
import json
import os
import time
from typing import Any

#: Module-name prefixes whose code is measured, reported per module.
MEASURED = ("proxydoc", "sphinx_paramlinks", "zzzeeksphinx")
BASE = "<base>"
GC = "<gc>"

_clock = time.perf_counter
_start = _clock()
#: Stack of [label, started_at, is_method] frames; the top one is being charged.
#: A label is ``module:qualified name`` of the wrapped function.
_stack: list[list[Any]] = []
_totals: dict[str, float] = {}
_calls: dict[str, int] = {}
#: Calls from a label into the Sphinx code it overrides or wraps (charged to base).
_base_calls: dict[str, int] = {}
_wrapped: set[int] = set()


def _measured(module: str | None) -> str | None:
    for name in MEASURED:
        if module == name or (module or "").startswith(name + "."):
            return module
    return None


def _push(label: str, is_method: bool) -> None:
    now = _clock()
    if _stack:
        top = _stack[-1]
        _totals[top[0]] = _totals.get(top[0], 0.0) + now - top[1]
    _stack.append([label, now, is_method])
    _calls[label] = _calls.get(label, 0) + 1


def _pop() -> None:
    now = _clock()
    label, started, _ = _stack.pop()
    _totals[label] = _totals.get(label, 0.0) + now - started
    if _stack:
        _stack[-1][1] = now


def _timed(func: Any, label: str, is_method: bool = False) -> Any:
    if inspect.isgeneratorfunction(func):

        @functools.wraps(func)
        def gen_wrapper(*args: Any, **kwargs: Any) -> Any:
            inner = func(*args, **kwargs)
            while True:
                _push(label, is_method)
                try:
                    item = next(inner)
                except StopIteration:
                    return
                finally:
                    _pop()
                yield item

        return gen_wrapper

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        _push(label, is_method)
        try:
            return func(*args, **kwargs)
        finally:
            _pop()

    return wrapper


def _count_base() -> None:
    label = _stack[-1][0]
    _base_calls[label] = _base_calls.get(label, 0) + 1


def _as_base(func: Any) -> Any:
    """The overridden Sphinx method: not charged when called via ``super()``."""
    if inspect.isgeneratorfunction(func):

        @functools.wraps(func)
        def gen_base(*args: Any, **kwargs: Any) -> Any:
            inner = func(*args, **kwargs)
            while True:
                charged = bool(_stack) and _stack[-1][2]
                if charged:
                    _count_base()
                    _push(BASE, False)
                try:
                    item = next(inner)
                except StopIteration:
                    return
                finally:
                    if charged:
                        _pop()
                yield item

        return gen_base

    @functools.wraps(func)
    def base(*args: Any, **kwargs: Any) -> Any:
        if not (_stack and _stack[-1][2]):
            return func(*args, **kwargs)
        _count_base()
        _push(BASE, False)
        try:
            return func(*args, **kwargs)
        finally:
            _pop()

    return base


def _wrap_class(cls: type) -> None:
    label = _measured(cls.__module__)
    if label is None or id(cls) in _wrapped:
        return
    _wrapped.add(id(cls))
    for name, value in list(vars(cls).items()):
        if not inspect.isfunction(value) or (
            name.startswith("__") and name != "__call__"
        ):
            continue
        setattr(
            cls, name, _timed(value, f"{label}:{cls.__name__}.{name}", is_method=True)
        )
        for base in cls.__mro__[1:]:
            if name in vars(base):
                if (
                    _measured(base.__module__) is None
                    and id(vars(base)[name]) not in _wrapped
                ):
                    wrapped = _as_base(vars(base)[name])
                    _wrapped.add(id(wrapped))
                    setattr(base, name, wrapped)
                break


def _wrap_listeners(app: Any) -> None:
    for listeners in app.events.listeners.values():
        for i, listener in enumerate(listeners):
            module = _measured(getattr(listener.handler, "__module__", None))
            if module and id(listener.handler) not in _wrapped:
                qualname = getattr(listener.handler, "__qualname__", "?")
                handler = _timed(listener.handler, f"{module}:{qualname}")
                _wrapped.add(id(handler))
                listeners[i] = listener._replace(handler=handler)


def _wrap_registry(app: Any) -> None:
    registry = app.registry
    for cls in [*registry.transforms, *registry.post_transforms]:
        _wrap_class(cls)
    for domain in registry.domains.values():
        # a domain class made at run time over another (proxydoc composes its
        # own over the registered Python domain) defines no methods itself
        for cls in domain.__mro__:
            _wrap_class(cls)
        for role in getattr(domain, "roles", {}).values():
            _wrap_class(type(role))
    for roles in registry.domain_roles.values():
        for role in roles.values():
            _wrap_class(type(role))


def _wrap_handlers(app: Any) -> None:
    """Node visitors and departers the measured modules registered for writers."""
    for handlers in app.registry.translation_handlers.values():
        for node, pair in list(handlers.items()):
            wrapped = []
            for func in pair:
                module = _measured(getattr(func, "__module__", None))
                if func is None or module is None or id(func) in _wrapped:
                    wrapped.append(func)
                    continue
                timed = _timed(func, f"{module}:{func.__qualname__}")
                _wrapped.add(id(timed))
                wrapped.append(timed)
            handlers[node] = tuple(wrapped)


def _wrap_docutils(app: Any) -> None:
    """Directives of the measured modules, and their domains' directives."""
    from docutils.parsers.rst import directives

    classes = list(vars(directives).get("_directives", {}).values())
    for domain in app.registry.domains.values():
        classes += list(getattr(domain, "directives", {}).values())
    for cls in classes:
        if isinstance(cls, type):
            _wrap_class(cls)


def _wrap_sphinx_roles() -> None:
    """Sphinx's role entry points count as base work when a measured role wraps them.

    (A measured role that delegates to ``:class:`` & co. does the bare build's
    work plus its own; only its own is charged.)  ``ReferenceRole.__call__``
    splits the title from the target before ``SphinxRole.__call__`` runs: both
    are Sphinx's work.
    """
    from sphinx.util.docutils import ReferenceRole, SphinxRole

    for cls in (ReferenceRole, SphinxRole):
        call = vars(cls).get("__call__")
        if call is not None and id(call) not in _wrapped:
            wrapped = _as_base(call)
            _wrapped.add(id(wrapped))
            cls.__call__ = wrapped  # type: ignore[method-assign]


def _wrap_all(app: Any, *args: Any) -> None:
    _wrap_sphinx_roles()
    _wrap_listeners(app)
    _wrap_registry(app)
    _wrap_handlers(app)
    _wrap_docutils(app)


def _calibrate(calls: int = 20000) -> tuple[float, float]:
    """Seconds the timers charge to a label per call, and per call into base code.

    The first is what a wrapper costs around an empty function; the second what
    a call from it into an (empty) overridden Sphinx function adds.
    """

    def noop() -> None:
        return None

    base = _as_base(noop)

    def calls_base() -> None:
        base()

    timed = _timed(noop, "<calibration>", is_method=True)
    timed_base = _timed(calls_base, "<calibration-base>", is_method=True)
    for _ in range(calls):
        timed()
    for _ in range(calls):
        timed_base()
    for label in ("<calibration>", "<calibration-base>"):
        _calls.pop(label)
        _base_calls.pop(label, None)
    per_call = _totals.pop("<calibration>") / calls
    per_base_call = _totals.pop("<calibration-base>") / calls - per_call
    return per_call, max(0.0, per_base_call)


def _gc_phase(phase: str, info: dict[str, Any]) -> None:
    """Charge collections to their own label: their cost follows the heap size."""
    if phase == "start":
        _push(GC, False)
    elif _stack and _stack[-1][0] == GC:
        _pop()


def _report(app: Any, exception: Exception | None) -> None:
    path = os.environ.get("PROXYDOC_BENCH_TIMING")
    if not path:
        return
    if _gc_phase in gc.callbacks:
        gc.callbacks.remove(_gc_phase)
    functions = {k: v for k, v in _totals.items() if k not in (BASE, GC)}
    modules: dict[str, float] = {}
    calls: dict[str, int] = {}
    for label, seconds in functions.items():
        module = label.partition(":")[0]
        modules[module] = modules.get(module, 0.0) + seconds
        calls[module] = calls.get(module, 0) + _calls.get(label, 0)
    build_seconds = _clock() - _start
    base_seconds = _totals.get(BASE, 0.0)
    overhead, base_overhead = _calibrate()
    base_calls: dict[str, int] = {}
    for label, count in _base_calls.items():
        module = label.partition(":")[0]
        base_calls[module] = base_calls.get(module, 0) + count
    data = {
        "build_seconds": build_seconds,
        "overhead_per_call": overhead,
        "base_overhead_per_call": base_overhead,
        "module_seconds_corrected": {
            k: max(0.0, v - overhead * calls[k] - base_overhead * base_calls.get(k, 0))
            for k, v in modules.items()
        },
        "module_seconds": modules,
        "module_calls": calls,
        "function_seconds": functions,
        "function_calls": {k: v for k, v in _calls.items() if k != BASE},
        "function_base_calls": dict(_base_calls),
        "base_seconds": base_seconds,
        "gc_seconds": _totals.get(GC, 0.0),
        "gc_collections": _calls.get(GC, 0),
        "parallel": app.parallel,
    }
    with open(path, "w", encoding="utf-8") as out:
        json.dump(data, out, indent=1, sort_keys=True)


def setup(app: Any) -> dict[str, Any]:
    """Wrap the measured code once all extensions are set up."""
    gc.callbacks.append(_gc_phase)
    app.connect("config-inited", _wrap_all, priority=999)
    app.connect("builder-inited", _wrap_all, priority=999)
    app.connect("build-finished", _report, priority=999)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
