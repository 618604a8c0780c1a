"""A facade declared in pyproject.toml only."""

from __future__ import annotations

# the generated proxies use it
from typing import Any  # noqa: F401

from pxdsample.target import Engine


class Plain:
    def __init__(self, engine: Engine) -> None:
        self._proxied = engine

    # START PROXY METHODS Plain
    # END PROXY METHODS Plain
