"""Objects the links of the test point at, documented with and without parameters."""


def connect(url, timeout=10):
    """Connect.

    :param url: the address.
    :param timeout: seconds to wait.
    :param retries: not in the signature.
    """


def ping():
    """Ping.

    :param host: the signature has no parameters at all.
    """


def quiet():
    """Documents no parameters."""


def params(x):
    """A function named params.

    :param x: the one parameter.
    """


class AlterColumnOp:
    """An operation; its class documents no parameters."""

    def alter(self, server_default=None):
        """Alter a column.

        :param server_default: the new default.
        """

    def execute(self):
        """Documents no parameters."""


class AddColumnOp:
    """Documents no parameters."""
