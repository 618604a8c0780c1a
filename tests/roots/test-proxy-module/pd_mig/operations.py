"""The operations a migration script calls through ``pd_mig.op``."""

from __future__ import annotations

from pd_mig.util import ModuleClsProxy


class AbstractOperations(ModuleClsProxy):
    """What every operations object can do."""

    def get_bind(self) -> str:
        """The connection the migration runs on."""
        return ""


class Operations(AbstractOperations):
    """Schema operations, run in the migration's context."""

    def add_column(
        self, table_name: str, column: str, *, schema: str | None = None
    ) -> None:
        """Add a column to a table.

        :param table_name: the table.
        :param column: the column to add.
        :param schema: the schema the table is in.
        """

    def drop_column(self, table_name: str, column_name: str) -> None:
        """Remove a column from a table.

        :param table_name: the table.
        :param column_name: the column to drop.
        """

    @classmethod
    def register_operation(cls, name: str) -> None:
        """Make a new operation available.

        :param name: the name it is called by.
        """

    async def run_async(self, fn: object) -> None:
        """Run *fn* on the async connection.

        :param fn: what to run.
        """


class BatchOperations:
    """Operations on one table, run in a batch; delegates to :class:`Operations`."""

    def __getattr__(self, name: str) -> object:
        return getattr(Operations(), name)
