"""A target class with every kind of member ``proxydoc generate`` proxies."""

from __future__ import annotations

from typing import Any, overload

DEFAULT_ECHO = False


class Engine:
    """An engine the facades proxy."""

    name: str
    timeout: float | None = None

    def __init__(self, name: str = "e", *, pool_size: int = 5) -> None:
        self.name = name
        self._label = "label"
        self.pool_size = pool_size

    def run(
        self,
        statement: str,
        /,
        params: dict[str, Any] | None = None,
        *,
        echo: bool = DEFAULT_ECHO,
        **kw: Any,
    ) -> list[object]:
        """Run a statement.

        :param statement: the SQL text.
        :param params: bound values.
        :param echo: print the statement.
        """
        return [self.name, statement, params, echo, kw]

    async def fetch(self, key: int, *keys: int) -> tuple[int, ...]:
        """Fetch rows by key."""
        return (key, *keys)

    @overload
    def get(self, key: int) -> int: ...

    @overload
    def get(self, key: str) -> str: ...

    def get(self, key: int | str) -> int | str:
        r"""Get a value; a key matching ``\d+`` is an int.

        Strings are returned unchanged.
        """
        return key

    def describe(self) -> str:
        return f"engine {self.name}"

    @classmethod
    def connect(cls, url: str, *args: Any, **kw: Any) -> Engine:
        """Make an engine for *url*.

        The extra arguments are ignored.
        """
        return cls(url)

    @staticmethod
    def version(major: int = 2) -> str:
        """The engine version."""
        return f"{major}.0"

    @property
    def closed(self) -> bool:
        """Whether the engine is closed."""
        return False

    @property
    def label(self) -> str:
        """A label shown in logs.

        Writable.
        """
        return self._label

    @label.setter
    def label(self, value: str) -> None:
        self._label = value
