"""Classes and non-classes that autoproxy is pointed at."""

CONSTANT = 3


def not_a_class():
    """A function."""


class Engine:
    """The target."""

    def connect(self):
        """Connect."""


class Facade:
    """The facade."""
