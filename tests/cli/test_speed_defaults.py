"""The defaults of a plain function are read from ``__defaults__`` and
``__kwdefaults__``; for every function, they are what ``inspect.signature``
reports, and where it would raise, it is asked."""

from __future__ import annotations

import functools
import inspect
import types
from collections.abc import Callable
from typing import Any

import pytest

from proxydoc.cli._targets import _default_values, _plain_defaults


def _by_inspect(func: Any) -> dict[str, Any] | type[BaseException]:
    try:
        params = inspect.signature(func).parameters.values()
    except (TypeError, ValueError):
        return {}
    except Exception as exc:
        return type(exc)
    return {p.name: p.default for p in params if p.default is not p.empty}


def _ours(func: Any) -> dict[str, Any] | type[BaseException]:
    try:
        return _default_values(func)
    except Exception as exc:
        return type(exc)


def _functions() -> list[Callable[..., Any]]:
    found: list[Callable[..., Any]] = []
    for module in (inspect, functools, types, pytest, _plain_defaults.__globals__):
        space = module if isinstance(module, dict) else vars(module)
        for value in space.values():
            if isinstance(value, type):
                found.extend(v for v in vars(value).values() if callable(v))
            elif callable(value):
                found.append(value)
    return found


def test_as_inspect_reports_them() -> None:
    functions = _functions()
    assert len(functions) > 500
    for func in functions:
        assert _ours(func) == _by_inspect(func), func


def f1(a, b=1, /, c=2, *args, d, e=3, **kw):  # type: ignore[no-untyped-def]
    pass


def f2(a=inspect.Parameter.empty, *, b=inspect.Parameter.empty):  # type: ignore[no-untyped-def]
    pass


def _odd_functions() -> list[Any]:
    wrapped = functools.wraps(f1)(lambda x=5: x)
    signed = types.FunctionType(f1.__code__, {}, "signed", (1, 2, 3))
    signed.__signature__ = inspect.signature(f2)  # type: ignore[attr-defined]
    too_many = types.FunctionType(f1.__code__, {}, "many", (1, 2, 3, 4, 5))
    no_kwdefaults = types.FunctionType(f1.__code__, {}, "nokw", (1,))

    class Tuple(tuple):  # type: ignore[type-arg]
        def __len__(self) -> int:
            return 0

    subclassed = types.FunctionType(f1.__code__, {}, "sub", Tuple((1, 2)))
    renamed = types.FunctionType(
        f1.__code__.replace(co_varnames=(".0", *f1.__code__.co_varnames[1:])), {}
    )
    keyword = types.FunctionType(
        f1.__code__.replace(co_varnames=("class", *f1.__code__.co_varnames[1:])), {}
    )
    twice = types.FunctionType(
        f1.__code__.replace(co_varnames=("b", *f1.__code__.co_varnames[1:])), {}
    )
    partial = functools.partial(f1, 1)
    return [
        f1,
        f2,
        wrapped,
        signed,
        too_many,
        no_kwdefaults,
        subclassed,
        renamed,
        keyword,
        twice,
        partial,
        len,
        print,
        1,
    ]


@pytest.mark.parametrize("func", _odd_functions())
def test_odd_functions_as_inspect_reports_them(func: Any) -> None:
    assert _ours(func) == _by_inspect(func)


def test_the_shortcut_is_taken_for_plain_functions() -> None:
    assert _plain_defaults(f1) == {"b": 1, "c": 2, "e": 3}
    assert _plain_defaults(f2) == {}
    assert _plain_defaults(functools.wraps(f1)(lambda: 0)) is None
