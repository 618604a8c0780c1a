"""A library with a facade whose types sphinx-autodoc-typehints writes."""

from __future__ import annotations


class Session:
    """The object that does the work."""

    def close(self, force: bool = False, *args: object, timeout: float = 1.0) -> None:
        """Close the session.

        :param force: close even while a transaction is open.
        :param args: passed on to the engine.
        :param timeout: seconds to wait; see :paramref:`.Session.close.force`.
        """


class ScopedSession:
    """A facade that hands each call to the current :class:`.Session`."""

    def close(self, force: bool = False, *args: object, timeout: float = 1.0) -> None:
        """Close the session.

        .. container:: class_bases

            Proxied for the :class:`.Session` class on
            behalf of the :class:`.ScopedSession` class.

        :param force: close even while a transaction is open.
        :param args: passed on to the engine.
        :param timeout: seconds to wait; see :paramref:`.Session.close.force`.
        """
