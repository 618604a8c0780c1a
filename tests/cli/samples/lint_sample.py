"""Docstrings with :paramref: roles for ``proxydoc lint``.

Good: :paramref:`pxdsample.target.Engine.run.echo` and
:paramref:`echo flag <_t.Engine.run.echo>` and :paramref:`~.Engine.name`.
"""

from pxdsample.target import Engine


def helper(alpha: int, *, beta: int = 0) -> Engine:
    """Use :paramref:`alpha` and :paramref:`beta`.

    Bad: :paramref:`gamma`.
    """
    return Engine()


class Local:
    """Made with :paramref:`size`; see :paramref:`_t.Engine.run.nope`."""

    def __init__(self, size: int) -> None:
        self.size = size

    def method(self) -> None:
        """See :paramref:`_t.Engine.connect.url`, :paramref:`pxdsample.nowhere.f.x`,
        :paramref:`pxdsample.target.Engine.closed.x` and :paramref:`.Unknown.f.x`.
        """


def kwargs_documented(**kw: int) -> None:
    """Accepts :paramref:`.kwargs_documented.colour`, documented below.

    :param colour: a colour.
    """
