"""Run one service call off the GUI thread, with a progress dialog, and hand the outcome back.

Imports and recomputations can take seconds on 100k rows; running them on the GUI thread
would freeze the window, and a frozen window at a test site looks like a crash. This module
is the one door for such work (the idea of Anki's ``CollectionOp``, without undo):

    run_in_background(
        parent, self.tr("Impor peserta"), import_participants, db, actor, selection_id, path,
        dry_run=True, on_done=self.show_summary, on_error=self.show_problems,
    )

* ``function(*args, **kwargs)`` runs on ``QThreadPool.globalInstance()``.
* ``on_done(result)`` or ``on_error(error)`` is then called **on the GUI thread**. ``error`` is
  the ``UserError`` the service raised (``ImportRejected`` included). Any other exception is a
  bug: it goes to ``sys.excepthook`` (so it is logged, and fails a pytest-qt test), and then to
  ``on_error`` as well, so the caller can leave its busy state.
* Without ``on_error``, a ``UserError`` is shown with ``Dialogs.error``.
* A window-modal ``QProgressDialog`` (busy indicator, no cancel: services are one transaction
  and cannot stop half-way) appears when the work takes longer than ``PROGRESS_DELAY_MS``.
* When ``parent`` has been deleted by the time the work ends (the user closed the wizard), the
  callbacks are skipped: there is nothing left to show the result in.
* ``pending_tasks()`` says how many calls have not delivered yet; tests wait until it is 0.
* ``progress=True`` calls ``function(progress)`` with a ``Progress`` whose steps move the
  dialog's bar; ``cancellable=True`` adds a Cancel button that stops the work at its next
  step (the service's transaction rolls back; ``on_error`` receives ``Cancelled``, and no
  message box is shown for it: the user asked for it).
* ``quiet=True`` shows no progress dialog at all: for live views (rankings, the audit trail,
  a score sheet) that read again after every change and show their own busy indicator
  beside the table, so that a modal dialog never steals the keyboard from someone typing.

Do not touch widgets inside ``function``: it runs on another thread. Services are safe: each
call opens its own session or connection.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.services.errors import UserError
from app.services.progress import Cancelled, Progress

from .dialogs import Dialogs

# Below this a progress dialog would only flash; above it the user needs to see that work runs.
PROGRESS_DELAY_MS = 300

# Tasks that have not delivered yet: kept here so Python does not collect them mid-flight.
_pending: set[BackgroundTask] = set()


def pending_tasks() -> int:
    """How many background calls have not delivered their outcome yet."""
    return len(_pending)


def run_in_background(
    parent: QWidget | None,
    title: str,
    function: Callable[..., Any],
    *args: Any,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[Exception], None] | None = None,
    label: str | None = None,
    progress: bool = False,
    cancellable: bool = False,
    quiet: bool = False,
    **kwargs: Any,
) -> BackgroundTask:
    """Start ``function(*args, **kwargs)`` on a pool thread; see the module docstring.

    ``title`` is the progress dialog's window title (and the error box's); ``label`` its text
    (default: "Mohon tunggu…"). ``quiet`` leaves the dialog out; it cannot be combined with
    ``progress`` or ``cancellable``, whose steps and Cancel button live in that dialog.
    """
    if quiet and (progress or cancellable):
        raise ValueError("a quiet task has no dialog to show progress or a Cancel button in")
    task = BackgroundTask(
        parent, title, label, function, args, kwargs, on_done, on_error, quiet=quiet
    )
    if progress or cancellable:
        task.track_progress(cancellable)
    task.start()
    return task


class _Call(QRunnable):
    """The part that runs on the pool thread; it only calls and reports back via signals."""

    def __init__(self, task: BackgroundTask) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the task owns it; Qt must not delete a Python object
        self.task = task

    def run(self) -> None:
        task = self.task
        args = (task.progress, *task.args) if task.progress is not None else task.args
        try:
            result = task.function(*args, **task.kwargs)
        except UserError as error:
            task.failed_on_worker.emit(error)
        except Exception as error:
            task.crashed_on_worker.emit((type(error), error, error.__traceback__))
        else:
            task.done_on_worker.emit(result)


class BackgroundTask(QObject):
    """One call in flight. Lives on the GUI thread; ``done``/``failed`` fire there.

    Attributes: ``title`` (shown on the progress and error dialogs), ``running`` (``False``
    once the outcome was delivered), ``result`` / ``error`` (what was delivered).
    """

    done = Signal(object)
    failed = Signal(object)

    # Emitted on the pool thread; queued to the slots below, which run on the GUI thread.
    done_on_worker = Signal(object)
    failed_on_worker = Signal(object)
    crashed_on_worker = Signal(object)
    step_on_worker = Signal(int, int)

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        label: str | None,
        function: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[Exception], None] | None,
        *,
        quiet: bool = False,
    ) -> None:
        # No Qt parent: the task must outlive a parent closed mid-flight, to receive the
        # worker's signals safely; it is released once it has delivered.
        super().__init__()
        self.parent_widget = parent
        self.title = title
        self.function = function
        self.args = args
        self.kwargs = kwargs
        self.on_done = on_done
        self.on_error = on_error
        self.running = False
        self.result: Any = None
        self.error: Exception | None = None
        self.progress: Progress | None = None
        self._call = _Call(self)
        self._progress = None if quiet else self._make_progress(parent, title, label)
        queued = Qt.ConnectionType.QueuedConnection
        self.done_on_worker.connect(self._deliver_result, queued)
        self.failed_on_worker.connect(self._deliver_error, queued)
        self.crashed_on_worker.connect(self._deliver_crash, queued)
        self.step_on_worker.connect(self._show_step, queued)

    def track_progress(self, cancellable: bool) -> None:
        """Give the call a ``Progress``; its steps move the bar, Cancel stops it."""
        self.progress = Progress(on_step=self.step_on_worker.emit)
        if cancellable and self._progress is not None:
            self._progress.setCancelButtonText(self.tr("Batal"))
            self._progress.canceled.connect(self._cancel)

    @Slot()
    def _cancel(self) -> None:
        if self.progress is not None:
            self.progress.cancel()
        if self._progress is not None and shiboken6.isValid(self._progress):
            self._progress.setLabelText(self.tr("Membatalkan…"))

    @Slot(int, int)
    def _show_step(self, done: int, total: int) -> None:
        if self._progress is None or not shiboken6.isValid(self._progress) or not self.running:
            return
        if total > 0:
            self._progress.setRange(0, total)
            self._progress.setValue(min(done, total))

    def _make_progress(
        self, parent: QWidget | None, title: str, label: str | None
    ) -> QProgressDialog:
        progress = QProgressDialog(parent)
        progress.setWindowTitle(title)
        progress.setLabelText(label or self.tr("Mohon tunggu…"))
        progress.setRange(0, 0)  # busy indicator: services do not report steps
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(PROGRESS_DELAY_MS)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumWidth(360)
        return progress

    def start(self) -> None:
        self.running = True
        _pending.add(self)
        QThreadPool.globalInstance().start(self._call)

    def _finish(self) -> bool:
        """Close the progress dialog; ``True`` when the parent is still there to be told."""
        self.running = False
        _pending.discard(self)
        if self._progress is not None and shiboken6.isValid(self._progress):
            self._progress.reset()
            self._progress.close()
            self._progress.deleteLater()
        parent = self.parent_widget
        return parent is None or shiboken6.isValid(parent)

    @Slot(object)
    def _deliver_result(self, result: Any) -> None:
        self.result = result
        if not self._finish():
            return
        if self.on_done is not None:
            self.on_done(result)
        self.done.emit(result)

    @Slot(object)
    def _deliver_error(self, error: UserError) -> None:
        self.error = error
        if not self._finish():
            return
        if self.on_error is not None:
            self.on_error(error)
        elif not isinstance(error, Cancelled):
            Dialogs.error(self.parent_widget, self.title, error.text())
        self.failed.emit(error)

    @Slot(object)
    def _deliver_crash(self, info: tuple[type[BaseException], BaseException, Any]) -> None:
        kind, error, traceback = info
        self.error = error if isinstance(error, Exception) else None
        alive = self._finish()
        sys.excepthook(kind, error, traceback)  # a bug: report it like any other
        if alive and self.on_error is not None and isinstance(error, Exception):
            self.on_error(error)
        self.failed.emit(error)
