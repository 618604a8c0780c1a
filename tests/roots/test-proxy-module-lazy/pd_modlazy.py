"""A module facade whose functions are made on demand by ``__getattr__``."""

from __future__ import annotations

from typing import Any


class Target:
    """What the module's functions call."""

    def run(self, step: int) -> None:
        """Run one step.

        :param step: which one.
        """

    def stop(self) -> None:
        """Stop."""


_target = Target()


def __getattr__(name: str) -> Any:
    if name in ("run", "stop"):
        return getattr(_target, name)
    raise AttributeError(name)
