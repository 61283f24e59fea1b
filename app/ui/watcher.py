"""Learns of changes written to the file from elsewhere and broadcasts them like any other.

A ranking open on one window must follow scores the CLI or another laptop imports into the
same file (within 2 s). A ``QTimer`` asks the service's ``CommitProbe`` once a second — a
pragma on an idle connection, microseconds on the GUI thread — and on a change broadcasts
``Changes.from_elsewhere()``: every view refreshes what it shows, through its usual door.
Commits of this window's own operations are seen too; views coalesce the second refresh,
and a refresh that finds nothing new costs little (results are cached per formation).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from app.services.changes import Changes
from app.services.commit_probe import probe_for

from .context import AppContext

POLL_MS = 1000


class FileWatcher(QObject):
    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._probe = probe_for(context.database)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)
        self._timer.start()

    def poll(self) -> bool:
        """Broadcast if the file changed; ``True`` when it did (tests call it directly)."""
        if not self._probe.changed():
            return False
        self.context.changes.broadcast(Changes.from_elsewhere())
        return True

    def stop(self) -> None:
        self._timer.stop()
        self._probe.close()
