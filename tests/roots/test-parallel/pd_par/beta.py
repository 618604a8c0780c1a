"""The beta module."""


class Beta:
    """A beta.

    :param size: how big; compare :paramref:`_a.Alpha.size`.
    :param name: what it is called.
    """

    def __init__(self, size: int, name: str = "") -> None:
        self.size = size

    def run(self, steps: int, *, fast: bool = False) -> None:
        """Run it.

        :param steps: how many; bare :paramref:`fast`.
        :param fast: hurry; unlike :paramref:`_b.Beta.run.steps`.
        :param slow: not in the signature.
        """


def make_beta(count: int) -> Beta:
    """Make one.

    :param count: how many; see :paramref:`.Beta.run.fast` and :paramref:`.Beta.run.nope`.
    """
    return Beta(count)
