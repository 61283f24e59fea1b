"""A complete tie at the last seat is decided by the committee, on the record (issue #10 §3).

Before, every participant of such a tie printed P/L ("P/L 3" for kebutuhan 2), finalization
did not mention it, and the announcement went out with more winners than seats.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from app.scoring.status import Status
from app.services.actor import Actor
from app.services.announcements import issue_announcement
from app.services.audit import audit_log
from app.services.database import Database
from app.services.demo import create_demo
from app.services.errors import PermissionDenied, UserError
from app.services.finalization import finalize, reopen
from app.services.ranking import compute_ranking
from app.services.ranking_export import render_ranking
from app.services.score_entry import save_score
from app.services.ties import decide_tie, list_ties

ADMIN = Actor("ketua", "admin")
OPERATOR = Actor("opi", "operator")
REFERENCE = "BA No. 7/PANSELDA/2024 tanggal 5 Desember 2024"


@pytest.fixture(scope="module")
def template(
    tmp_path_factory: pytest.TempPathFactory, new_database: Callable[[Path], Database]
) -> tuple[Path, int]:
    folder = tmp_path_factory.mktemp("seri")
    db = new_database(folder / "seleksi.db")
    info = create_demo(db, ADMIN, "cpns-2024", participants=150, seed=6)  # a tie in BNJ-05
    db.close()
    return folder / "seleksi.db", info.id


@pytest.fixture
def db(
    template: tuple[Path, int], tmp_path: Path, copy_database: Callable[[Path, Path], Database]
) -> Database:
    return copy_database(template[0], tmp_path / "seleksi.db")


def _rows(db: Database, selection: int, formation: str) -> dict[str, tuple[str, str]]:
    ranking = compute_ranking(db, selection, None, formation)
    return {row.number: (row.code or "", row.note) for row in ranking.rows}


def test_an_undecided_tie_prints_seri_and_takes_no_seat(
    db: Database, template: tuple[Path, int]
) -> None:
    selection = template[1]
    [group, *_] = list_ties(db, selection)
    ranking = compute_ranking(db, selection, None, group.formation)
    quota = ranking.quotas[group.formation]
    winners = [r for r in ranking.rows if r.status is Status.WITHIN_QUOTA]
    tied = [r for r in ranking.rows if r.tie]
    assert len(winners) < quota < len(winners) + len(tied)  # the tie straddles the last seat
    assert group.seats == quota - len(winners)
    assert {r.status for r in tied} == {Status.TIED}
    assert {(r.code, r.note) for r in tied} == {("SERI", "menunggu keputusan panitia")}
    assert len({r.rank for r in tied}) == 1
    # In every export too, never P/L.
    csv_text = render_ranking(ranking, "csv")
    for row in tied:
        assert f",{row.number}," in csv_text
        line = next(line for line in csv_text.splitlines() if f",{row.number}," in line)
        assert line.endswith(",SERI,menunggu keputusan panitia")


def test_finalization_is_refused_naming_the_formation_and_participants(
    db: Database, template: tuple[Path, int]
) -> None:
    selection = template[1]
    [group, *_] = list_ties(db, selection)
    with pytest.raises(UserError) as refused:
        finalize(db, ADMIN, selection, "AKHIR", [group.formation])
    assert refused.value.message == "tie.undecided"
    text = refused.value.text()
    assert group.formation in text
    assert all(p.number in text for p in group.participants)


def test_the_committee_decides_and_only_then_the_formation_is_final(
    db: Database, template: tuple[Path, int], tmp_path: Path
) -> None:
    selection = template[1]
    [group, *_] = list_ties(db, selection)
    chosen = [p.number for p in group.participants][: group.seats]
    others = [p.number for p in group.participants][group.seats :]
    info = decide_tie(
        db, ADMIN, selection, None, group.formation, chosen, "undian di rapat pleno", REFERENCE
    )
    assert info.winners == tuple(sorted(chosen))
    rows = _rows(db, selection, group.formation)
    note = f"SERI — keputusan panitia {REFERENCE}"
    assert all(rows[number] == ("P/L", note) for number in chosen)
    assert all(rows[number] == ("P/TL", note) for number in others)
    ranking = compute_ranking(db, selection, None, group.formation)
    assert (
        sum(r.status is Status.WITHIN_QUOTA for r in ranking.rows)
        == ranking.quotas[group.formation]
    )  # never more winners than kebutuhan
    [event] = [e for e in audit_log(db) if e.action == "tie.decided"]
    assert (event.actor, event.reason) == ("ketua", "undian di rapat pleno")
    assert json.loads(event.new or "{}")["winners"] == sorted(chosen)
    assert list_ties(db, selection)[0].decided
    # Every formation's ties decided: the stage finalizes and announces.
    for other in list_ties(db, selection):
        if not other.decided:
            decide_tie(
                db,
                ADMIN,
                selection,
                None,
                other.formation,
                [p.number for p in other.participants][: other.seats],
                "undian",
                REFERENCE,
            )
    finalize(db, ADMIN, selection, "AKHIR")
    issued = issue_announcement(
        db, ADMIN, selection, None, tmp_path / "p.pdf", issued_on=dt.date(2024, 12, 6)
    )
    assert issued.rows > 0
    # Once final, the decision changes only after reopening.
    with pytest.raises(UserError) as final:
        decide_tie(db, ADMIN, selection, None, group.formation, others[: group.seats], "x", "y")
    assert final.value.message == "tie.final"
    reopen(db, ADMIN, selection, "AKHIR", [group.formation], "sanggah")
    if others:
        decide_tie(
            db, ADMIN, selection, None, group.formation, others[: group.seats], "ulang", REFERENCE
        )


def test_a_decision_must_fit_the_tie(db: Database, template: tuple[Path, int]) -> None:
    selection = template[1]
    [group, *_] = list_ties(db, selection)
    numbers = [p.number for p in group.participants]
    with pytest.raises(PermissionDenied):
        decide_tie(db, OPERATOR, selection, None, group.formation, numbers[:1], "x", REFERENCE)
    with pytest.raises(UserError) as too_many:
        decide_tie(db, ADMIN, selection, None, group.formation, numbers, "x", REFERENCE)
    assert too_many.value.message == "tie.wrong_count"
    with pytest.raises(UserError) as stranger:
        decide_tie(db, ADMIN, selection, None, group.formation, ["999999"], "x", REFERENCE)
    assert stranger.value.message == "tie.not_tied"
    for reason, reference, message in (
        ("", REFERENCE, "tie.reason_required"),
        ("x", " ", "tie.reference_required"),
    ):
        with pytest.raises(UserError) as empty:
            decide_tie(db, ADMIN, selection, None, group.formation, numbers[:1], reason, reference)
        assert empty.value.message == message
    assert not list_ties(db, selection)[0].decided
    assert [e for e in audit_log(db) if e.action == "tie.decided"] == []


def test_a_decision_for_a_group_that_changed_no_longer_applies(
    db: Database, template: tuple[Path, int]
) -> None:
    """A corrected score dissolves the tie: the old decision must not pick winners any more."""
    selection = template[1]
    [group, *_] = list_ties(db, selection)
    numbers = [p.number for p in group.participants]
    decide_tie(db, ADMIN, selection, None, group.formation, numbers[: group.seats], "x", REFERENCE)
    assert list_ties(db, selection)[0].decided
    loser = numbers[-1]
    save_score(db, ADMIN, selection, loser, "CAT_SKB", "500", reason="koreksi lembar jawaban")
    after = {g.formation: g for g in list_ties(db, selection)}
    assert group.formation not in after  # no tie any more: the corrected one is first
    ranking = compute_ranking(db, selection, None, group.formation)
    row = next(r for r in ranking.rows if r.number == loser)
    assert (row.code, row.note, row.rank) == ("P/L", "", 1)


def test_the_berita_acara_records_the_decision(
    db: Database, template: tuple[Path, int], tmp_path: Path
) -> None:
    from pypdf import PdfReader

    from app.services.documents import write_minutes

    selection = template[1]
    [group, *_] = list_ties(db, selection)
    chosen = [p.number for p in group.participants][: group.seats]
    decide_tie(db, ADMIN, selection, None, group.formation, chosen, "undian", REFERENCE)
    out = tmp_path / "ba.pdf"
    write_minutes(db, selection, group.formation, out)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(out).pages)
    assert "berdasarkan keputusan panitia " + REFERENCE in text
    assert "dengan alasan undian" in text
    assert all(p.number in text for p in group.participants)
