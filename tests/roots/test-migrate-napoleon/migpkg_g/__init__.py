"""A small library with Google-style docstrings, read by napoleon."""


class Bot:
    """A bot.

    Args:
        token (str): the bot's token.
    """

    def __init__(self, token: str) -> None:
        self.token = token

    def send_message(self, chat_id: int, text: str) -> None:
        """Send a message.

        Args:
            chat_id (int): where to.
            text (str): what; at most as long as :paramref:`Bot.send_message.chat_id`
                allows (a made-up rule, for the link).
        """
