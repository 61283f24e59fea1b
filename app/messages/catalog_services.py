"""Messages from services and the command line."""

MESSAGES: dict[str, tuple[str, str]] = {}
