"""Annotated callables whose types sphinx-autodoc-typehints moves into the description."""

from __future__ import annotations


class Store:
    """A store.

    :param path: where it lives.
    :param readonly: refuse writes.
    """

    def __init__(self, path: str, readonly: bool = False) -> None:
        self.path = path

    def put(self, key: str, value: bytes, *, sync: bool = True) -> int:
        """Put a value.

        :param key: the key.
        :param value: the bytes; see :paramref:`.Store.readonly`.
        :param sync: flush at once.
        :return: bytes written.
        """
        return len(value)

    def get(self, key: str, default: bytes | None = None) -> bytes | None:
        """Get a value.

        :param key: the key.
        """
        return default
