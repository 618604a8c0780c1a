"""A facade and its target, for the messages of autoproxy."""


class Engine:
    """The target."""

    def connect(self):
        """Connect."""


class Facade:
    """The facade."""
