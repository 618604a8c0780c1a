"""An engine, a connection, and two facades documented on other pages."""


class Engine:
    """Makes connections."""

    def connect(self) -> "Connection":
        """Return a new connection."""
        return Connection()

    def dispose(self) -> None:
        """Dispose of the connection pool."""

    def hidden(self) -> None:
        """Not documented: the docs list Engine's members by name."""

    @property
    def url(self) -> str:
        """Where the engine connects to."""
        return ""


class Connection:
    """One connection."""

    def execute(self, statement: str) -> None:
        """Run *statement*."""

    def close(self) -> None:
        """Give the connection back."""


class EngineFacade:
    """Hands each call to the current :class:`.Engine` or :class:`.Connection`."""

    def connect(self) -> Connection:
        """Return a new connection.

        .. container:: class_bases

            Proxied for the :class:`pd_build.Engine` class on behalf of the
            :class:`pd_build.EngineFacade` class.
        """
        return Connection()

    def dispose(self) -> None:
        """Dispose of the connection pool.

        .. container:: class_bases

            Proxied for the :class:`pd_build.Engine` class on behalf of the
            :class:`pd_build.EngineFacade` class.
        """

    def hidden(self) -> None:
        """Not documented: the docs list Engine's members by name.

        .. container:: class_bases

            Proxied for the :class:`pd_build.Engine` class on behalf of the
            :class:`pd_build.EngineFacade` class.
        """

    @property
    def url(self) -> str:
        """Proxy for the :attr:`pd_build.Engine.url` attribute on behalf of the
        :class:`pd_build.EngineFacade` class.
        """
        return ""

    def execute(self, statement: str) -> None:
        """Run *statement*.

        .. container:: class_bases

            Proxied for the :class:`pd_build.Connection` class on behalf of the
            :class:`pd_build.EngineFacade` class.
        """
