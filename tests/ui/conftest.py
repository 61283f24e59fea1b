"""GUI tests end only when the background work they started has ended.

The app runs long work off the GUI thread: ``app.ui.workers`` on the global thread pool, and
the Rankings and Audit pages on thread pools of their own (children of the page). Work left
running after a test finishes during a later one, writing to a database that test never opened
or calling back into a page being torn down, and the failure then names the wrong test.

``no_background_work_left`` (autouse) records every pool that is given work during the test
and keeps the window owning it alive; right after the test body it waits until every pool,
every ``run_in_background`` call, every running ``QThread`` of a window and every Python thread
the test started is done, and fails the test, by name, when one is still busy after
``IDLE_TIMEOUT_MS``. The check runs in ``pytest_runtest_call``, before pytest-qt closes the
test's widgets: a page's pool waits for its jobs when the page is destroyed, which would
otherwise hide exactly the work this is looking for.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThread, QThreadPool
from PySide6.QtWidgets import QApplication
from pytestqt.exceptions import TimeoutError as WaitTimedOut

from app.ui import workers

# Longer than any single computation a GUI test starts (a ranking of a few hundred rows,
# a PDF of a few pages), short enough that a hung worker fails the run quickly.
IDLE_TIMEOUT_MS = 10_000


class BackgroundWatch:
    """What a test set running in the background, and the wait for it to end."""

    def __init__(self, qtbot: Any, test: str) -> None:
        self.qtbot = qtbot
        self.test = test
        self.threads_before = set(threading.enumerate())
        self.pools: list[QThreadPool] = []
        # The top-level objects owning those pools: a page destroyed at the end of the test
        # would wait for its pool inside its destructor, where nobody can see it.
        self.owners: list[QObject] = []

    def started(self, pool: QThreadPool) -> None:
        if any(known is pool for known in self.pools):
            return
        self.pools.append(pool)
        owner = pool.parent()
        while owner is not None and owner.parent() is not None:
            owner = owner.parent()
        if owner is not None:
            self.owners.append(owner)

    def busy(self) -> list[str]:
        """What is still working, in words; empty when everything is idle."""
        busy: list[str] = []
        active = QThreadPool.globalInstance().activeThreadCount()
        if active:
            busy.append(f"{active} thread(s) of the global QThreadPool")
        if workers.pending_tasks():
            busy.append(f"{workers.pending_tasks()} run_in_background call(s) not delivered")
        for pool in self.pools:
            if not shiboken6.isValid(pool):  # deleted with its page, which waited for it
                continue
            owner = pool.parent()
            if owner is not None and pool.activeThreadCount():
                busy.append(
                    f"{pool.activeThreadCount()} job(s) on the pool of a {type(owner).__name__}"
                )
        threads = [
            thread
            for widget in QApplication.topLevelWidgets()
            for thread in widget.findChildren(QThread)
            if thread.isRunning()
        ]
        if threads:
            busy.append(f"{len(threads)} running QThread(s)")
        busy.extend(f"Python thread {thread.name!r}" for thread in self._python_threads())
        return busy

    def _python_threads(self) -> list[threading.Thread]:
        # Pool threads that ran Python code appear as _DummyThread entries that can outlive
        # them; the pools are asked about those directly.
        return [
            thread
            for thread in threading.enumerate()
            if thread not in self.threads_before
            and thread.is_alive()
            and not isinstance(thread, threading._DummyThread)
        ]

    def settle(self) -> list[str]:
        """Wait until idle; what is still busy when the time is up (empty: all done)."""
        try:
            self.qtbot.waitUntil(lambda: not self.busy(), timeout=IDLE_TIMEOUT_MS)
            # A finished job hands its result over through a queued signal: let that run,
            # and wait again in case it started more work.
            QCoreApplication.processEvents()
            self.qtbot.waitUntil(lambda: not self.busy(), timeout=IDLE_TIMEOUT_MS)
        except WaitTimedOut:
            return self.busy()
        return []

    def require_idle(self) -> None:
        still = self.settle()
        if still:
            pytest.fail(
                f"{self.test} left background work running {IDLE_TIMEOUT_MS / 1000:g} s after"
                f" it ended: {'; '.join(still)}. Wait for the work's signal in the test.",
                pytrace=False,
            )

    def release(self) -> None:
        self.pools.clear()
        self.owners.clear()


WATCH = pytest.StashKey[BackgroundWatch]()


@pytest.fixture(autouse=True)
def no_background_work_left(
    qtbot: Any, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[BackgroundWatch]:
    watch = BackgroundWatch(qtbot, request.node.nodeid)
    start = QThreadPool.start

    def recorded_start(pool: QThreadPool, *args: Any, **kwargs: Any) -> Any:
        watch.started(pool)
        return start(pool, *args, **kwargs)

    monkeypatch.setattr(QThreadPool, "start", recorded_start)
    request.node.stash[WATCH] = watch
    yield watch
    watch.release()
    del request.node.stash[WATCH]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """After the test body, before any teardown: the test's work must have ended."""
    watch = item.stash.get(WATCH, None)
    try:
        result = yield
    except BaseException:
        if watch is not None:
            watch.settle()  # the test failed already; only keep its work out of the next one
        raise
    if watch is not None:
        watch.require_idle()
    return result
