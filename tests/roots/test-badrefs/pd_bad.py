"""Docstrings with mistakes a user makes."""


def connect(url, timeout=10):
    """Connect.

    :param url: the address.
    :param timout: misspelt, the signature says timeout.
    """


def untyped(*args, **kw):
    """Takes anything.

    :param anything: documented keyword, fine with ``**kw``.
    """


def quiet():
    """No parameters documented; see :paramref:`connect.tmeout`."""
