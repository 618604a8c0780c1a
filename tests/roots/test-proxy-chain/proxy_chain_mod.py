"""A chain of facades: each copies the docstring of the one it proxies."""


class Session:
    """The object that does the work."""

    def add(self, obj: object) -> None:
        """Place an object into the session."""

    def delete(self, obj: object) -> None:
        """Mark an object as deleted."""


class AsyncSession:
    """Proxies :class:`.Session`."""

    async def add(self, obj: object) -> None:
        """Place an object into the session.

        .. container:: class_bases

            Proxied for the :class:`.Session` class on
            behalf of the :class:`.AsyncSession` class.
        """

    async def delete(self, obj: object) -> None:
        """Mark an object as deleted.

        .. container:: class_bases

            Proxied for the :class:`.Session` class on
            behalf of the :class:`.AsyncSession` class.
        """


class AsyncScopedSession:
    """Proxies :class:`.AsyncSession`, whose members proxy :class:`.Session`."""

    async def add(self, obj: object) -> None:
        """Place an object into the session.

        .. container:: class_bases

            Proxied for the :class:`.AsyncSession` class on
            behalf of the :class:`.AsyncScopedSession` class.

        .. container:: class_bases

            Proxied for the :class:`.Session` class on
            behalf of the :class:`.AsyncSession` class.
        """

    async def delete(self, obj: object) -> None:
        """Mark an object as deleted, and flush.

        .. container:: class_bases

            Proxied for the :class:`.Session` class on
            behalf of the :class:`.AsyncSession` class.

        .. container:: class_bases

            Proxied for the :class:`.AsyncSession` class on
            behalf of the :class:`.AsyncScopedSession` class.
        """
