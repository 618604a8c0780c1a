"""dogpile.cache's convention: a backend documents the keys of its arguments dictionary."""


class RedisBackend:
    """A backend configured by one dictionary.

    Arguments accepted in the arguments dictionary:

    :param url: string; overrides host and port.
    :param host: string, default is ``localhost``.
    :param port: integer, default is ``6379``.
    """

    def __init__(self, arguments):
        self.arguments = arguments


class Connection:
    """An ordinary signature with a typo in one entry.

    :param url: where to connect.
    :param timout: seconds to wait.
    """

    def __init__(self, url, timeout=10):
        self.url = url


def configure(arguments):
    """The only parameter, misspelt, and a key of it.

    :param argumnets: the settings.
    :param timeout: seconds to wait.
    """


def handle_error(exception_context):
    """The only parameter, renamed: one name for one parameter.

    :param context: what went wrong.
    """


def ping():
    """A function that takes nothing.

    :param host: where to ping.
    """
