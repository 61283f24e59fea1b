"""The PySide6 window: pages and dialogs over the services; no SQL and no rules here."""
