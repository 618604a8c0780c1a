"""Google and NumPy style docstrings, read by napoleon."""


def google(url: str, retries: int = 3, *args: object, **kwargs: object) -> bool:
    """Fetch in Google style.

    Args:
        url: the address.
        retries (int): how often.
        *args: more positional values.
        **kwargs: more keyword values.

    Keyword Args:
        timeout (float): seconds, read from ``kwargs``.

    Returns:
        bool: whether it worked.
    """
    return True


def numpy(url: str, retries: int = 3, verbose: bool = False) -> bool:
    """Fetch in NumPy style.

    Parameters
    ----------
    url : str
        The address.
    retries : int, optional
        How often.

    Other Parameters
    ----------------
    verbose : bool
        Chatty.

    Returns
    -------
    bool
        Whether it worked.
    """
    return True


class Client:
    """A client.

    Args:
        base: the base address.
    """

    def __init__(self, base: str) -> None:
        self.base = base

    def get(self, path: str) -> str:
        """Get a path.

        Args:
            path: relative to :paramref:`.Client.base`.
        """
        return path
