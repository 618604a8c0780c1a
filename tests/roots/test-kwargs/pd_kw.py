"""Objects an example calls with keyword arguments."""


class Engine:
    """An engine.

    :param url: Where the database is.
    :param echo: Log every statement.
    """

    def __init__(self, url: str, echo: bool = False) -> None:
        self.url = url

    def connect(self, timeout: float = 1.0, retries: int = 0) -> None:
        """Connect.

        :param timeout: Seconds to wait.
        """


def make(name: str, size: int = 1) -> Engine:
    """Make one.

    :param name: Its name.
    :param size: Its size.
    """
    return Engine(name)
