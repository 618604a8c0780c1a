"""A module facade that binds nothing its target has."""

from __future__ import annotations


class Target:
    """What the module's functions would call."""

    def run(self) -> None:
        """Run."""
