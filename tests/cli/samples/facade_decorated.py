"""A facade declared with the decorator, as SQLAlchemy does."""

from __future__ import annotations

from typing import Any, overload

from pxdsample.target import Engine
from pxdsample.util import create_proxy_methods


@create_proxy_methods(
    Engine,
    ":class:`pxdsample.target.Engine`",
    ":class:`.Facade`",
    classmethods=["connect", "version"],
    methods=["run", "fetch", "get", "describe"],
    attributes=["name", "timeout", "closed", "label"],
)
class Facade:
    """Proxies an :class:`.Engine`."""

    def __init__(self, engine: Engine) -> None:
        self._proxied = engine

    # START PROXY METHODS Facade
    # END PROXY METHODS Facade

    def after(self) -> str:  # code after the region
        return "after"


def _unused(x: int | None) -> Any:
    return overload
