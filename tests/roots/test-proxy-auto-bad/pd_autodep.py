"""A module whose dependency is not installed."""

import pd_not_installed_anywhere  # noqa: F401


class Facade:
    """Never reached."""
