"""A facade with no generated code: it delegates through ``__getattr__``."""

from __future__ import annotations


class Engine:
    """Connects to databases."""

    def connect(self, timeout: float = 1.0, *, retries: int = 3) -> str:
        """Open a connection.

        :param timeout: seconds to wait.
        :param retries: attempts before giving up.
        """
        return ""

    @classmethod
    def create(cls, url: str) -> Engine:
        """Make an engine for *url*.

        :param url: where the database lives.
        """
        return cls()

    @property
    def name(self) -> str:
        """The dialect name."""
        return "sqlite"

    async def ping(self) -> bool:
        """Check the connection."""
        return True


class Facade:
    """Delegates every call to an :class:`Engine`."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def __getattr__(self, name: str) -> object:
        return getattr(self._engine, name)


class Configured(Facade):
    """Documented through the ``proxydoc_proxies`` config map."""
