"""The facade decorator, a no-op at runtime as in SQLAlchemy today."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

_T = TypeVar("_T")


def create_proxy_methods(
    target_cls: type[Any],
    target_cls_sphinx_name: str,
    proxy_cls_sphinx_name: str,
    classmethods: Iterable[str] = (),
    methods: Iterable[str] = (),
    attributes: Iterable[str] = (),
    use_intermediate_variable: Iterable[str] = (),
) -> Callable[[_T], _T]:
    """Return the class unchanged; ``proxydoc generate`` writes the proxies."""

    def decorate(cls: _T) -> _T:
        return cls

    return decorate
