"""Progress of long work, and the way to stop it.

A service doing long work (an announcement of 100k rows, an import) reports its steps on a
``Progress``; the window shows them and may ask to stop. Stopping raises ``Cancelled`` from
inside the service's own transaction, which then rolls back: cancelled work leaves nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from .errors import UserError


class Cancelled(UserError):
    """The user stopped the work; nothing of it was kept."""

    def __init__(self) -> None:
        super().__init__("work.cancelled")


class Progress:
    """Steps done out of ``total`` (0: unknown), reported from the worker thread.

    ``report`` is called by the service; ``on_step`` (set by the window) receives the numbers;
    ``cancel`` may be called from any thread, and the next ``report`` raises ``Cancelled``.
    """

    def __init__(self, on_step: Callable[[int, int], None] | None = None) -> None:
        self.on_step = on_step
        self._cancelled = threading.Event()

    def report(self, done: int, total: int = 0) -> None:
        if self._cancelled.is_set():
            raise Cancelled()
        if self.on_step is not None:
            self.on_step(done, total)

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()
