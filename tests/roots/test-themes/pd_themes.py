"""A small API whose parameters every theme test reads."""


class Connection:
    """A connection to a database.

    :param url: Where the database is, as a URL with a driver name.
    :param timeout: Seconds to wait for an answer before giving up.
    :param \\*args: Values passed on to the driver as they are.
    :param retries: How often to try again after a failure.
    :param \\*\\*options: Options of the driver, by name.
    """

    def __init__(self, url, timeout=10.0, *args, retries=3, **options):
        self.url = url

    def execute(self, statement, *params, echo=False):
        """Run one statement.

        :param statement: The SQL to run.
        :param \\*params: Values bound to the statement's placeholders.
        :param echo: Whether to log the statement first.
        """
