"""Objects whose signatures link to their parameters' entries."""

from __future__ import annotations


class Engine:
    """An engine.

    :param url: Where the database is. Read once.
    :param echo: Log every statement.
    """

    def __init__(self, url: str, echo: bool = False, _private: int = 0) -> None:
        self.url = url

    def connect(self, timeout: float = 1.0, *args: int, **kwargs: str) -> None:
        """Connect.

        :param timeout: Seconds to wait, at most; afterwards the attempt fails.
           A second line.
        :param \\*args: Extra positional values.
        """

    def undocumented(self, a: int, b: int, *rest: int, **options: int) -> None:
        """Nothing about its parameters.

        :param a: Only this one.
        """
