"""A selection on a real PostgreSQL 15 (issue #12 §2): the same services, the same results as
a file, writers from several laptops at once, change detection, announcements, the SQLite
copy, and field laptops prepared from the server."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from pathlib import Path

import pytest

from app.services.actor import Actor
from app.services.announcements import issue_announcement, verify_announcement
from app.services.audit import verify_chain
from app.services.commit_probe import probe_for
from app.services.database import Database
from app.services.demo import create_demo
from app.services.devices import prepare_laptop
from app.services.errors import UserError
from app.services.finalization import finalize
from app.services.history import verify_history
from app.services.opening import open_database
from app.services.packages import export_package, import_package
from app.services.ranking import compute_ranking
from app.services.score_entry import save_score
from app.services.server_backup import copy_server

ADMIN = Actor("ketua", "admin")
RINA = Actor("rina", "operator")
ANDI = Actor("andi", "operator")


def _rows(db: Database, sid: int) -> list[tuple[object, ...]]:
    return [
        (r.number, r.formation, r.status.value, str(r.final), r.rank, r.tie)
        for r in compute_ranking(db, sid).rows
    ]


@pytest.fixture
def server(server_db: str) -> Database:
    return open_database(server_db)


def test_the_server_ranks_exactly_as_a_file_does(server: Database, tmp_path: Path) -> None:
    file = open_database(tmp_path / "seleksi.db")
    on_server = create_demo(server, ADMIN, "cpns-2024", participants=300, seed=11)
    on_file = create_demo(file, ADMIN, "cpns-2024", participants=300, seed=11)
    assert _rows(server, on_server.id) == _rows(file, on_file.id)
    assert len(_rows(server, on_server.id)) > 0
    assert verify_chain(server).ok
    report = verify_history(server)
    assert report.ok and report.missing_guards == [] and report.replay.count == 0


def test_two_laptops_typing_at_once_lose_nothing_and_keep_one_chain(server: Database) -> None:
    info = create_demo(server, ADMIN, "binjai-kompetensi", participants=40, seed=2)
    numbers = [r.number for r in compute_ranking(server, info.id).rows][:20]
    errors: list[BaseException] = []

    def type_scores(actor: Actor, share: list[str], value: str) -> None:
        try:
            for number in share:
                save_score(server, actor, info.id, number, "PENGETAHUAN", value,
                           reason="koreksi berita acara")  # fmt: skip
        except BaseException as error:  # surfaced below
            errors.append(error)

    laptops = [
        threading.Thread(target=type_scores, args=(RINA, numbers[::2], "61")),
        threading.Thread(target=type_scores, args=(ANDI, numbers[1::2], "62")),
    ]
    for laptop in laptops:
        laptop.start()
    for laptop in laptops:
        laptop.join()
    assert errors == []
    with server.reading() as connection:
        stored = dict(
            connection.execute(
                "SELECT p.number, s.value_milli FROM score s"
                " JOIN participant p ON p.id = s.participant_id"
                " JOIN component c ON c.id = s.component_id WHERE c.code = 'PENGETAHUAN'"
            ).fetchall()
        )
    assert {stored[n] for n in numbers[::2]} == {61000}
    assert {stored[n] for n in numbers[1::2]} == {62000}
    report = verify_history(server)
    assert report.chain.ok and report.replay.ok


def test_a_stale_save_on_the_server_is_refused_naming_who_changed_it(server: Database) -> None:
    info = create_demo(server, ADMIN, "binjai-kompetensi", participants=20, seed=2)
    number = compute_ranking(server, info.id).rows[0].number
    seen = save_score(server, RINA, info.id, number, "PENGETAHUAN", "70", reason="koreksi")
    save_score(server, ANDI, info.id, number, "PENGETAHUAN", "71", reason="koreksi lagi")
    with pytest.raises(UserError) as refused:
        save_score(server, RINA, info.id, number, "PENGETAHUAN", "72", reason="x",
                   expected=seen.after)  # fmt: skip
    assert refused.value.message == "entry.changed_elsewhere"
    assert refused.value.params["by"] == "andi"


def test_another_laptops_commit_is_seen_by_the_probe(server: Database) -> None:
    info = create_demo(server, ADMIN, "binjai-kompetensi", participants=10, seed=2)
    probe = probe_for(server)
    try:
        assert not probe.changed()
        number = compute_ranking(server, info.id).rows[0].number
        save_score(open_database(str(server.key)), ANDI, info.id, number, "PENGETAHUAN", "55",
                   reason="koreksi")  # fmt: skip
        assert probe.changed() and not probe.changed()
    finally:
        probe.close()


def test_an_announcement_issued_on_the_server_verifies(server: Database, tmp_path: Path) -> None:
    info = create_demo(server, ADMIN, "binjai-kompetensi", participants=30, seed=4)
    finalize(server, ADMIN, info.id, "AKHIR")
    out = tmp_path / "pengumuman.pdf"
    issued = issue_announcement(server, ADMIN, info.id, None, out, number="001/PANSELDA/2024",
                                issued_on=dt.date(2024, 12, 5))  # fmt: skip
    check = verify_announcement(server, out)
    assert check.ok and check.document_id == issued.document_id
    with server.reading() as connection:
        (stored,) = connection.execute(
            "SELECT pdf FROM announcement WHERE document_id = ?", (issued.document_id,)
        ).fetchone()
    assert bytes(stored) == out.read_bytes()


def test_the_sqlite_copy_of_a_server_is_the_same_database(server: Database, tmp_path: Path) -> None:
    info = create_demo(server, ADMIN, "binjai-kompetensi", participants=50, seed=5)
    out = copy_server(server, ADMIN, tmp_path / "salinan.db")
    copy = open_database(out)
    assert _rows(copy, info.id) == _rows(server, info.id)
    report = verify_history(copy)
    assert report.ok and report.chain.events == verify_chain(server).events
    with sqlite3.connect(out) as connection:
        (identity,) = connection.execute("SELECT uuid FROM database_identity").fetchone()
    with server.reading() as connection:
        assert connection.execute("SELECT uuid FROM database_identity").fetchone() == (identity,)
    with pytest.raises(UserError) as refused:
        copy_server(server, ADMIN, out)
    assert refused.value.message == "server.copy_exists"


def test_a_field_laptop_prepared_from_the_server_merges_back_into_it(
    server: Database, tmp_path: Path
) -> None:
    info = create_demo(server, ADMIN, "binjai-kompetensi", participants=30, seed=6)
    formation = compute_ranking(server, info.id).rows[0].formation
    prepare_laptop(server, ADMIN, info.id, tmp_path / "ruang2.db", "Ruang 2",
                   formations=[formation])  # fmt: skip
    field = open_database(tmp_path / "ruang2.db")
    first = next(iter(compute_ranking(field, info.id).rows))
    typed = "87" if first.values.get("PSIKOTES") == 88 else "88"  # never the demo's own value
    save_score(field, RINA, info.id, first.number, "PSIKOTES", typed, reason="lembar ruang 2")
    export_package(field, RINA, tmp_path / "ruang2.paket")
    plan = import_package(server, ADMIN, info.id, tmp_path / "ruang2.paket")
    assert plan.status == "new" and len(plan.conflicts) == 1  # the demo's own value is kept
    assert not import_package(server, ADMIN, info.id, tmp_path / "ruang2.paket").changed
    assert verify_history(server).ok


def test_the_evaluation_and_its_recommendations_on_the_server(
    server: Database, tmp_path: Path
) -> None:
    """Issue #13 on the LAN: the same figures as a file, and a recommendation on the record."""
    from app.services.evaluation import evaluation
    from app.services.recommendations import add_recommendation, list_recommendations

    file = open_database(tmp_path / "seleksi.db")
    on_server = create_demo(server, ADMIN, "binjai-kompetensi", participants=120, seed=8)
    on_file = create_demo(file, ADMIN, "binjai-kompetensi", participants=120, seed=8)
    assert evaluation(server, on_server.id, local_code="1275") == {
        **evaluation(file, on_file.id, local_code="1275"),
        "selection": on_server.id,
    }
    added = add_recommendation(
        server, Actor("sari", "monev"), on_server.id, "Latih ulang penilai.", "icc.AKHIR.PRAKTIK"
    )
    (stored,) = list_recommendations(server, on_server.id)
    assert (stored.id, stored.text, stored.author) == (added.id, "Latih ulang penilai.", "sari")
    assert verify_chain(server).ok


def test_a_policy_draft_on_the_server(server: Database, tmp_path: Path) -> None:
    """Issue #14 on the LAN: the demo's draft and its FGD, weighed, simulated and adopted on
    the server as on a file; the chain holds."""
    from app.services.policy_drafts import (
        adopt_draft,
        create_draft,
        judgments,
        list_drafts,
        propose_fgd_weights,
        save_respondent,
    )
    from app.services.simulation import simulate_draft

    info = create_demo(server, ADMIN, "binjai-kompetensi", participants=120, seed=8)
    (demo_draft,) = list_drafts(server, info.id)
    assert len({j.respondent for j in judgments(server, demo_draft.id)}) == 12
    draft = create_draft(server, ADMIN, info.id, "Rancangan di server")
    rows = [j for j in judgments(server, demo_draft.id) if j.respondent == "Kepala BKPSDM"]
    save_respondent(server, ADMIN, draft.id, "Kepala BKPSDM", rows)
    weighed = propose_fgd_weights(server, ADMIN, draft.id)
    simulated = simulate_draft(server, ADMIN, info.id, weighed.scheme, stage="AKHIR")
    assert simulated.simulation.participants > 0
    out = tmp_path / "skema.toml"
    adopted = adopt_draft(server, ADMIN, draft.id, out)
    assert out.exists() and len(adopted.sha256) == 64
    assert verify_chain(server).ok
