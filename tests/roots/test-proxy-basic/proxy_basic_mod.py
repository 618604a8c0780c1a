"""A library with a facade whose members are copies of the target's."""


class Session:
    """The object that does the work."""

    def close(self, force: bool = False) -> None:
        """Close the session.

        :param force: close even while a transaction is open.
        """

    def reset(self) -> None:
        """Reset the session to its initial state."""

    def flush(self) -> None:
        """Flush pending changes to the database."""

    @property
    def bind(self) -> object:
        """The engine the session is bound to."""
        return None

    @property
    def info(self) -> dict[str, object]:
        """A user-modifiable dictionary."""
        return {}


class ScopedSession:
    """A facade that hands each call to the current :class:`.Session`."""

    def close(self, force: bool = False) -> None:
        """Close the session.

        .. container:: class_bases

            Proxied for the :class:`_pm.Session` class on
            behalf of the :class:`_pm.ScopedSession` class.

        :param force: close even while a transaction is open.
        """

    def reset(self) -> None:
        """Reset the session to its initial state.

        .. container:: class_bases

            Proxied for the :class:`.Session` class
            on behalf of the :class:`.ScopedSession` class.
        """

    def flush(self) -> None:
        """Flush all changes now.

        .. container:: class_bases

            Proxied for the :class:`proxy_basic_mod.Session` class on behalf
            of the :class:`proxy_basic_mod.ScopedSession` class.
        """

    @property
    def bind(self) -> object:
        r"""Proxy for the :attr:`_pm.Session.bind` attribute
        on behalf of the :class:`_pm.ScopedSession` class.
        """
        return None

    @property
    def info(self) -> dict[str, object]:
        """A user-modifiable dictionary.

        .. container:: class_bases

            Proxy for the :attr:`~_pm.Session.info` attribute
            on behalf of the :class:`_pm.ScopedSession` class.
        """
        return {}

    def odd(self) -> None:
        """Something unrelated.

        .. container:: class_bases

            Borrowed from :class:`.Session` for a while.
        """


class Marked:
    """A class is not a proxy member.

    .. container:: class_bases

        Proxied for the :class:`.Session` class on behalf of the
        :class:`.ScopedSession` class.
    """
