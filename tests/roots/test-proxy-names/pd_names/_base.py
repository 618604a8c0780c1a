"""Where the classes are defined; the package re-exports them (not Internal)."""

from __future__ import annotations


class Base:
    """What every target can do."""

    def ping(self) -> bool:
        """Check the connection."""
        return True


class Target(Base):
    """The class the facades proxy."""

    def add(self, item: str, *, flush: bool = False) -> None:
        """Add an item.

        :param item: what to add.
        :param flush: write it at once.
        """

    def remove(self, item: str) -> None:
        """Remove an item.

        :param item: what to remove.
        """

    @classmethod
    def register(cls, name: str) -> None:
        """Make a new operation available: machinery, not proxied.

        :param name: the name it is called by.
        """


class Facade:
    """Proxies :class:`Target`, as ``proxydoc generate`` writes proxies."""

    def add(self, item: str, *, flush: bool = False) -> None:
        """Add an item.

        .. container:: class_bases

            Proxied for the :class:`pd_names._base.Target` class on
            behalf of the :class:`pd_names._base.Facade` class.

        :param item: what to add.
        :param flush: write it at once.
        """


class Engine:
    """Connects; documented by hand, so no ``:canonical:`` alias names it."""

    def connect(self, url: str) -> None:
        """Open a connection.

        :param url: where the database lives.
        """


class Session:
    """Delegates to an :class:`Engine` at run time."""

    def __getattr__(self, name: str) -> object:
        return getattr(Engine(), name)


class Hidden:
    """Re-exported by the package, documented nowhere."""

    def open(self) -> None:
        """Open it."""


class Internal:
    """Neither re-exported nor documented."""

    def close(self) -> None:
        """Close it."""
