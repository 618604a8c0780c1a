"""A module facade filled by hand, and things that are not facades."""

from __future__ import annotations


class Target:
    """What the module's functions call."""

    def run(self, step: int) -> None:
        """Run one step.

        :param step: which one.
        """


_target = Target()
run = _target.run


def helper() -> None:
    """Not a facade."""
