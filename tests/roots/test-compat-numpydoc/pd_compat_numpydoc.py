"""A library with a facade, its docstrings in NumPy style, read by numpydoc."""


class Session:
    """The object that does the work."""

    def close(self, force=False, *args, timeout=1.0):
        """Close the session.

        Parameters
        ----------
        force : bool
            Close even while a transaction is open.
        *args
            Passed on to the engine.
        timeout : float, optional
            Seconds to wait; see :paramref:`.Session.close.force`.
        """


class ScopedSession:
    """A facade that hands each call to the current :class:`.Session`."""

    def close(self, force=False, *args, timeout=1.0):
        """Close the session.

        .. container:: class_bases

            Proxied for the :class:`.Session` class on
            behalf of the :class:`.ScopedSession` class.

        Parameters
        ----------
        force : bool
            Close even while a transaction is open.
        *args
            Passed on to the engine.
        timeout : float, optional
            Seconds to wait; see :paramref:`.Session.close.force`.
        """
