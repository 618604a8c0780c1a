"""One target and five facades, each on its own page (enough for ``-j 2``)."""


class Session:
    """The object that does the work."""

    def close(self, force: bool = False) -> None:
        """Close the session.

        :param force: close even while busy.
        """

    def reset(self) -> None:
        """Reset the session."""


class ScopedSession:
    """A facade over :class:`.Session`."""

    def close(self, force: bool = False) -> None:
        """Close the session.

        .. container:: class_bases

            Proxied for the :class:`_many.Session` class on
            behalf of the :class:`_many.ScopedSession` class.

        :param force: close even while busy.
        """

    def reset(self) -> None:
        """Reset the session.

        .. container:: class_bases

            Proxied for the :class:`_many.Session` class
            on behalf of the :class:`_many.ScopedSession` class.
        """

class AsyncSession:
    """A facade over :class:`.Session`."""

    def close(self, force: bool = False) -> None:
        """Close the session.

        .. container:: class_bases

            Proxied for the :class:`_many.Session` class on
            behalf of the :class:`_many.AsyncSession` class.

        :param force: close even while busy.
        """

    def reset(self) -> None:
        """Reset the session.

        .. container:: class_bases

            Proxied for the :class:`_many.Session` class
            on behalf of the :class:`_many.AsyncSession` class.
        """

class PooledSession:
    """A facade over :class:`.Session`."""

    def close(self, force: bool = False) -> None:
        """Close the session.

        .. container:: class_bases

            Proxied for the :class:`_many.Session` class on
            behalf of the :class:`_many.PooledSession` class.

        :param force: close even while busy.
        """

    def reset(self) -> None:
        """Reset the session and the pool.

        .. container:: class_bases

            Proxied for the :class:`_many.Session` class
            on behalf of the :class:`_many.PooledSession` class.
        """

class LoggedSession:
    """A facade over :class:`.Session`."""

    def close(self, force: bool = False) -> None:
        """Close the session.

        .. container:: class_bases

            Proxied for the :class:`_many.Session` class on
            behalf of the :class:`_many.LoggedSession` class.

        :param force: close even while busy.
        """

    def reset(self) -> None:
        """Reset the session.

        .. container:: class_bases

            Proxied for the :class:`_many.Session` class
            on behalf of the :class:`_many.LoggedSession` class.
        """

class RetryingSession:
    """A facade over :class:`.Session`."""

    def close(self, force: bool = False) -> None:
        """Close the session.

        .. container:: class_bases

            Proxied for the :class:`_many.Session` class on
            behalf of the :class:`_many.RetryingSession` class.

        :param force: close even while busy.
        """

    def reset(self) -> None:
        """Reset the session.

        .. container:: class_bases

            Proxied for the :class:`_many.Session` class
            on behalf of the :class:`_many.RetryingSession` class.
        """
