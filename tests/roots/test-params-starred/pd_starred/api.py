"""Starred parameters, documented as sphinx-paramlinks' users write them."""

from __future__ import annotations


def fetch(url: str, *args: object, timeout: float = 1.0, **kw: object) -> None:
    r"""Fetch *url*.

    :param url: the address.
    :param \*args: extra positional arguments.
    :param timeout: seconds, keyword-only.
    :param \*\*kw: extra keyword arguments.

    Bare: :paramref:`**kw`, :paramref:`*args`, :paramref:`kw`.
    """


class Client:
    """A client."""

    def send(self, data: bytes, *parts: bytes, **options: object) -> None:
        """Send.

        :param data: the payload.
        :param parts: more payloads, documented without their star.
        :param options: sending options, documented without their stars.
        """
