"""Every CLI test runs as a logged-in admin unless it says otherwise (issue #9).

The login comes from the environment, as a script's would: ``init`` and ``demo`` make
``ketua`` the first admin of a new file with this password, and every later command logs in
with it. Subprocesses inherit it.
"""

from __future__ import annotations

import pytest

ADMIN = "ketua"
ADMIN_PASSWORD = "rahasia-ketua"


@pytest.fixture(autouse=True)
def logged_in(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SELEKSI_USER", ADMIN)
    monkeypatch.setenv("SELEKSI_PASSWORD", ADMIN_PASSWORD)
