"""An announcement is stored only if nothing it prints changed while it was being made."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

import app.reports.announcement as announcement_pdf
from app.services.actor import Actor
from app.services.announcements import (
    AnnouncementInfo,
    issue_announcement,
    list_announcements,
)
from app.services.database import Database
from app.services.demo import create_demo
from app.services.errors import UserError
from app.services.finalization import finalize, reopen
from app.services.formations import list_formations, save_formation
from app.services.opening import open_database
from app.services.ranking import compute_ranking
from app.services.score_entry import save_score

ADMIN = Actor("ketua", "admin")


@pytest.fixture
def final(db: Database) -> int:
    info = create_demo(db, ADMIN, "binjai-kompetensi", participants=60, seed=4)
    finalize(db, ADMIN, info.id, "AKHIR")
    return info.id


def _issue(db: Database, selection_id: int, out: Path) -> AnnouncementInfo:
    return issue_announcement(
        db, ADMIN, selection_id, None, out, number="001/PANSELDA/2024",
        issued_on=dt.date(2024, 12, 5),
    )  # fmt: skip


def _meanwhile(
    monkeypatch: pytest.MonkeyPatch, path: Path, change: Callable[[Database], object]
) -> None:
    """Make ``change`` from another connection while the PDF is being rendered."""
    render = announcement_pdf.render_announcement

    def rendering_while_someone_edits(*args: object, **kwargs: object) -> object:
        other = open_database(path)
        try:
            change(other)
        finally:
            other.close()
        return render(*args, **kwargs)

    monkeypatch.setattr(announcement_pdf, "render_announcement", rendering_while_someone_edits)


def _issued_events(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return connection.execute(
            "SELECT count(*) FROM audit_event WHERE action = 'announcement.issued'"
        ).fetchone()[0]


def test_a_correction_made_while_rendering_refuses_the_announcement(
    db: Database, final: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    row = compute_ranking(db, final).rows[0]

    def correct_and_finalize_again(other: Database) -> None:
        # Reopened, corrected and final again: the stage is final when the store checks it.
        reopen(other, ADMIN, final, "AKHIR", [row.formation], "salah ketik pada blanko")
        save_score(other, ADMIN, final, row.number, "PSIKOTES", "TH", reason="tidak hadir")
        finalize(other, ADMIN, final, "AKHIR", [row.formation])

    _meanwhile(monkeypatch, db.path, correct_and_finalize_again)
    out = tmp_path / "pengumuman.pdf"
    with pytest.raises(UserError) as refused:
        _issue(db, final, out)
    assert refused.value.message == "announce.changed"
    assert row.formation in refused.value.text()
    assert "tidak disimpan" in refused.value.text()
    assert list_announcements(db, final) == []
    assert _issued_events(db.path) == 0
    assert not out.exists()
    # Issued again, the announcement shows the corrected row.
    monkeypatch.undo()
    info = _issue(db, final, out)
    assert info.rows == len(compute_ranking(db, final).rows)
    assert out.exists()


def test_a_quota_changed_while_rendering_refuses_the_announcement(
    db: Database, final: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    formation = list_formations(db, final)[0]

    def more_vacancies(other: Database) -> None:
        save_formation(
            other, ADMIN, final, formation.code, formation.position_title, formation.unit,
            formation.education, formation.quota + 1, formation_id=formation.id,
        )  # fmt: skip

    _meanwhile(monkeypatch, db.path, more_vacancies)
    with pytest.raises(UserError) as refused:
        _issue(db, final, tmp_path / "pengumuman.pdf")
    assert refused.value.message == "announce.changed"
    assert refused.value.params["formations"] == formation.code
    assert list_announcements(db, final) == []


def test_nothing_changed_while_rendering_stores_the_announcement(
    db: Database, final: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _meanwhile(monkeypatch, db.path, lambda other: compute_ranking(other, final))
    info = _issue(db, final, tmp_path / "pengumuman.pdf")
    assert [a.id for a in list_announcements(db, final)] == [info.id]
    assert _issued_events(db.path) == 1
