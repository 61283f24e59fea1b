"""Messages about reading and importing files."""

MESSAGES: dict[str, tuple[str, str]] = {}
