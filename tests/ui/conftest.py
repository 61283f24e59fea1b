"""What every window test shares: no background read outlives its test.

Live views (rankings, the audit trail, a score sheet) read on the global thread pool. A test
that ends while one runs would close its database under it, and the read's error would
surface in a later test. So before any fixture is torn down, the pool is drained and what
it delivered is handed out (which may start a read again: drained until nothing is left).
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QThreadPool

from app.ui.workers import pending_tasks

DRAIN_SECONDS = 30


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    application = QCoreApplication.instance()
    deadline = time.monotonic() + DRAIN_SECONDS
    while application is not None and pending_tasks() and time.monotonic() < deadline:
        QThreadPool.globalInstance().waitForDone(100)
        application.processEvents()
    yield
