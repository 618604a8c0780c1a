"""The environment a migration runs in."""

from __future__ import annotations

from pd_mig.util import ModuleClsProxy


class EnvironmentContext(ModuleClsProxy):
    """Configures the migration environment."""

    def configure(self, url: str, *, target_metadata: object = None) -> None:
        """Configure the migration.

        :param url: the database to migrate.
        :param target_metadata: the models to compare with.
        """

    @property
    def config(self) -> dict[str, str]:
        """The configuration read from the ini file."""
        return {}

    def is_offline_mode(self) -> bool:
        """Is the migration written as SQL instead of run?"""
        return False
