"""The window's one door to the services: writes broadcast what they changed, reads do not.

In the manner of Anki's ``CollectionOp`` and ``QueryOp`` (``qt/aqt/operations``):

    ServiceOp(self, self.context, lambda: mark_participant(db, actor, sid, number, "APS", why))
        .success(self._marked)
        .run_in_background(self.tr("Tandai peserta"))

* The call runs on a pool thread (``workers.run_in_background``), with a progress dialog when
  it takes longer than a moment; the GUI thread never waits on the database.
* On success the ``Changes`` the service returned (the result itself, or its ``changes``
  attribute) are broadcast through ``context.changes`` with the page that started the call
  as initiator; every view decides for itself whether to refresh. No page announces changes
  by hand.
* ``QueryOp`` is the same for reading: nothing is broadcast.
* ``with_progress(cancellable=True)`` hands the call a ``Progress`` to report steps on and
  shows a Cancel button; a cancelled call raises ``Cancelled`` inside its transaction, which
  rolls back: nothing of it is kept.
* ``quietly()`` runs without the modal progress dialog, for live views that show their own
  busy indicator; ``LiveQuery`` adds what such a view needs around it: one read at a time,
  and a result that a newer request has overtaken is dropped, never shown for a moment.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from app.services.changes import Changes
from app.services.progress import Progress

from .context import AppContext
from .workers import BackgroundTask, run_in_background

T = TypeVar("T")


def changes_of(result: object) -> Changes | None:
    """What a service's result says it changed (``None``: it is not a write's result)."""
    if isinstance(result, Changes):
        return result
    changes = getattr(result, "changes", None)
    return changes if isinstance(changes, Changes) else None


class _Op(Generic[T]):
    def __init__(self, parent: QWidget, work: Callable[..., T]) -> None:
        self._parent = parent
        self._work = work
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[Exception], None] | None = None
        self._label: str | None = None
        self._cancellable = False
        self._with_progress = False
        self._quiet = False

    def success(self, callback: Callable[[T], None]) -> _Op[T]:
        self._success = callback
        return self

    def failure(self, callback: Callable[[Exception], None]) -> _Op[T]:
        """Without it, a ``UserError`` is shown in a message box."""
        self._failure = callback
        return self

    def saying(self, label: str) -> _Op[T]:
        """The text of the progress dialog (default: "Mohon tunggu…")."""
        self._label = label
        return self

    def with_progress(self, *, cancellable: bool = False) -> _Op[T]:
        """Hand the call a ``Progress`` (its only argument) and show its steps."""
        self._cancellable = cancellable
        self._with_progress = True
        return self

    def quietly(self) -> _Op[T]:
        """No progress dialog: the caller shows that it is busy (a live view's own bar)."""
        self._quiet = True
        return self

    def _delivered(self, result: T) -> None:
        if self._success is not None:
            self._success(result)

    def run_in_background(self, title: str) -> BackgroundTask:
        return run_in_background(
            self._parent,
            title,
            self._work,
            on_done=self._delivered,
            on_error=self._failure,
            label=self._label,
            progress=self._with_progress,
            cancellable=self._cancellable,
            quiet=self._quiet,
        )


class ServiceOp(_Op[T]):
    """A write: on success its ``Changes`` reach every view, with ``parent`` as initiator."""

    def __init__(self, parent: QWidget, context: AppContext, work: Callable[..., T]) -> None:
        super().__init__(parent, work)
        self._context = context

    def _delivered(self, result: T) -> None:
        changes = changes_of(result)
        if changes is None:
            raise TypeError(f"{self._work!r} returned no Changes: it is not a write")
        # The initiator learns of its own success first, then every view of the change.
        super()._delivered(result)
        self._context.changes.broadcast(changes, initiator=self._parent)

    def run_now(self) -> T:
        """Run on the GUI thread, for writes measured to stay below 50 ms even at 100k
        participants (one score, one row), where the keyboard flow needs the answer at once.
        A ``UserError`` reaches the caller; on success the changes are broadcast as above."""
        result = self._work()
        self._delivered(result)
        return result


class QueryOp(_Op[T]):
    """A read off the GUI thread; nothing changed, so nothing is broadcast."""


class LiveQuery(QObject):
    """The reads of a view that follows the data (rankings, the audit trail, a score sheet).

    Changes arrive in bursts while others type, and a read can take a second at 100k
    participants, so: one quiet ``QueryOp`` at a time; ``outdate()`` marks whatever is running
    as overtaken (its result goes to ``on_overtaken`` instead of ``on_result``, and the view
    decides whether to read again, usually at once when visible); ``generation`` counts the
    requests, so a view can tell its own results apart.

    ``on_error`` receives a ``UserError`` (shown by the view beside its table, not in a box)
    or, for a bug, any other exception after ``sys.excepthook`` has reported it.
    """

    def __init__(
        self,
        parent: QWidget,
        title: str,
        on_result: Callable[[Any], None],
        on_error: Callable[[Exception], None],
        on_overtaken: Callable[[], None],
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._title = title
        self._on_result = on_result
        self._on_error = on_error
        self._on_overtaken = on_overtaken
        self.generation = 0
        self.running = False

    def outdate(self) -> None:
        """Whatever is running answers an older question now."""
        self.generation += 1

    def start(self, work: Callable[[], Any]) -> bool:
        """Run ``work`` unless a read is still running (``False``: the view asks again when
        that one reports, through ``on_overtaken`` or ``on_result``)."""
        if self.running:
            return False
        self.running = True
        generation = self.generation
        QueryOp(self._parent, work).quietly().success(
            lambda result: self._reported(generation, result, None)
        ).failure(lambda error: self._reported(generation, None, error)).run_in_background(
            self._title
        )
        return True

    def _reported(self, generation: int, result: Any, error: Exception | None) -> None:
        self.running = False
        if generation != self.generation:
            self._on_overtaken()
        elif error is not None:
            self._on_error(error)
        else:
            self._on_result(result)


__all__ = ["LiveQuery", "Progress", "QueryOp", "ServiceOp", "changes_of"]
