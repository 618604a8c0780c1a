"""An engine module with every kind of callable that lists parameters."""

from __future__ import annotations


class Engine:
    """An engine.

    :param url: where to connect.
    :param echo: log statements; see also :paramref:`.Engine.connect.timeout`.
    """

    def __init__(self, url: str, echo: bool = False) -> None:
        self.url = url
        self.echo = echo

    def connect(self, timeout: float = 1.0, /, *args: object, retry: int = 0, **kw: object) -> None:
        """Connect.

        :param timeout: seconds to wait; the engine's :paramref:`_eng.Engine.url`.
        :param args: extra positional arguments.
        :param retry: how often; unlike bare :paramref:`timeout`.
        :param kw: extra keyword arguments.
        """

    @classmethod
    def from_config(cls, config: dict[str, object]) -> Engine:
        """Build from config.

        :param config: the mapping.
        """
        return cls("x")

    @staticmethod
    def quote(name: str) -> str:
        """Quote a name.

        :param name: the name to quote.
        """
        return name


class EngineError(Exception):
    """Raised by :class:`Engine`.

    :param code: the error code.
    """

    def __init__(self, code: int) -> None:
        super().__init__(code)


def create_engine(url: str, *, pool_size: int = 5) -> Engine:
    """Create an :class:`_eng.Engine`.

    :param url: the URL, passed to :paramref:`_eng.Engine.url`.
    :param pool_size: size of the pool.
    """
    return Engine(url)


def event(fn: object) -> object:
    """A decorator.

    :param fn: the function to decorate.
    """
    return fn
