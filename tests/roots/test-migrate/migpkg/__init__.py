"""A small library documented as the SQLAlchemy family documents theirs."""


class Client:
    """A client of a cache server.

    :param url: where the server is.
    :param timeout: seconds to wait for it.
    """

    def __init__(self, url: str, timeout: float = 10.0) -> None:
        self.url = url
        self.timeout = timeout

    def connect(self, retries: int = 3, *, timeout: float | None = None) -> None:
        """Connect to the server.

        :param retries: how many times to try.
        :param timeout: seconds to wait, instead of :paramref:`.Client.timeout`.
        """


def make_client(url: str, **kw: float) -> Client:
    """A client for *url*.

    :param url: where the server is.
    :param \\**kw: passed to :class:`.Client`.
    """
    return Client(url, **kw)
