"""Selection details, formations, the scheme editor's service, import preview, dry runs."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from app.scoring import load_scheme_text
from app.services.actor import Actor
from app.services.database import Database
from app.services.errors import ImportRejected, PermissionDenied, UserError
from app.services.formations import delete_formation, list_formations, save_formation
from app.services.import_preview import guess_mapping, preview_file
from app.services.marks import mark_participant
from app.services.participants import list_participants, participant_marks
from app.services.participants_import import import_formations, import_participants
from app.services.ranking import compute_ranking
from app.services.scheme_edit import (
    SchemeProblems,
    current_scheme,
    save_scheme,
    scheme_as_toml,
    scheme_locked,
)
from app.services.score_entry import save_score
from app.services.scores_import import import_scores
from app.services.selections import resolve_selection, update_selection

FORMATIONS = Path("resources/demo/formasi_binjai.csv")
HEADER = ["nomor_peserta", "nama", "tanggal_lahir", "kode_formasi"]


def test_selection_details_change(db: Database, actor: Actor, make_selection: Callable) -> None:
    info = make_selection("binjai-kompetensi")
    update_selection(db, actor, info.id, "  Seleksi   2025 ", 2025, "Pemerintah Kota Binjai")
    assert resolve_selection(db, info.id).name == "Seleksi 2025"
    with pytest.raises(UserError):
        update_selection(db, actor, info.id, "", 2025, "")
    with pytest.raises(PermissionDenied):
        update_selection(db, Actor("op", "operator"), info.id, "X", 2025, "")


def test_formations_are_edited_one_by_one(
    db: Database, actor: Actor, make_selection: Callable, write_csv: Callable, tmp_path: Path
) -> None:
    info = make_selection("binjai-kompetensi")
    import_formations(db, actor, info.id, FORMATIONS)
    first = list_formations(db, info.id)[0]
    saved = save_formation(
        db, actor, info.id, first.code, first.position_title, first.unit, first.education, 7,
        formation_id=first.id,
    )  # fmt: skip
    changed = saved.value
    assert changed.quota == 7
    # what changed, for the views: the formations kind, this formation only
    assert saved.changes.kinds == {"formations"}
    assert saved.changes.formations == {first.code}
    assert saved.changes.selection_id == info.id
    with pytest.raises(UserError) as clash:
        save_formation(db, actor, info.id, "BNJ-02", "Dokter", "", "", 1, formation_id=first.id)
    assert clash.value.message == "formation.code_exists"
    added = save_formation(
        db, actor, info.id, "bnj-99", "Penyuluh Pertanian", "Dinas", "S-1", 2
    ).value
    assert added.code == "BNJ-99"
    people = write_csv(tmp_path / "p.csv", HEADER, [["001", "Rina", "1995-01-01", "BNJ-99"]])
    import_participants(db, actor, info.id, people)
    with pytest.raises(UserError) as used:
        delete_formation(db, actor, info.id, added.id)
    assert used.value.message == "formation.has_participants"
    empty = next(f for f in list_formations(db, info.id) if f.code == "BNJ-30")
    gone = delete_formation(db, actor, info.id, empty.id)
    assert gone.formations == {"BNJ-30"} and gone.touches("formations")
    assert "BNJ-30" not in {f.code for f in list_formations(db, info.id)}


def test_scheme_edits_are_validated_saved_and_then_locked(
    db: Database, actor: Actor, make_selection: Callable, write_csv: Callable, tmp_path: Path
) -> None:
    info = make_selection("binjai-kompetensi")
    scheme = current_scheme(db, info.id)
    stage = scheme.stages[0]
    first, second, third = stage.components

    def with_weights(a: int, b: int) -> object:
        components = (
            dataclasses.replace(first, weight=Decimal(a)),
            dataclasses.replace(second, weight=Decimal(b)),
            third,
        )
        return dataclasses.replace(
            scheme, stages=(dataclasses.replace(stage, components=components),)
        )

    with pytest.raises(SchemeProblems) as invalid:
        save_scheme(db, actor, info.id, with_weights(50, 35))  # type: ignore[arg-type]
    assert [(p.key, p.message) for p in invalid.value.problems] == [
        ("stages[0].components", "scheme.weights_sum")
    ]
    saved = save_scheme(db, actor, info.id, with_weights(45, 30)).value  # type: ignore[arg-type]
    assert [c.weight for c in saved.stages[0].components] == [45, 30, 25]
    assert load_scheme_text(scheme_as_toml(saved)) == saved

    import_formations(db, actor, info.id, FORMATIONS)
    people = write_csv(tmp_path / "p.csv", HEADER, [["001", "Rina", "1995-01-01", "BNJ-02"]])
    import_participants(db, actor, info.id, people)
    mark_participant(db, actor, info.id, "001", "APS", "mundur")
    renamed = dataclasses.replace(saved, stages=(dataclasses.replace(saved.stages[0], code="X"),))
    with pytest.raises(UserError) as marked:
        save_scheme(db, actor, info.id, renamed)  # stage AKHIR holds the APS mark
    assert marked.value.message == "scheme.stage_has_marks"
    assert not scheme_locked(db, info.id)
    save_score(db, actor, info.id, "001", "PENGETAHUAN", "70")
    assert scheme_locked(db, info.id)
    with pytest.raises(UserError) as locked:
        save_scheme(db, actor, info.id, with_weights(40, 35))  # type: ignore[arg-type]
    assert locked.value.message == "scheme.locked"
    assert participant_marks(db, info.id, "001")[0].kind == "APS"


def test_import_preview_guesses_columns(tmp_path: Path, write_csv: Callable) -> None:
    path = write_csv(
        tmp_path / "peserta.csv",
        ["No Peserta", "Nama Lengkap", "Tgl Lahir", "Formasi", "Alamat"],
        [["001", "Rina", "01-02-1995", "BNJ-02", "Jl. Gatot Subroto"]],
    )
    preview = preview_file(path, "participants")
    assert preview.mapping == {
        "no_peserta": "nomor_peserta",
        "nama_lengkap": "nama",
        "tgl_lahir": "tanggal_lahir",
        "formasi": "kode_formasi",
    }
    assert preview.rows == [["001", "Rina", "01-02-1995", "BNJ-02", "Jl. Gatot Subroto"]]
    assert guess_mapping(["nama", "nama_peserta"], ("nama",)) == {"nama": "nama"}


def test_a_dry_run_checks_everything_and_writes_nothing(
    db: Database,
    db_path: Path,
    actor: Actor,
    make_selection: Callable,
    write_csv: Callable,
    tmp_path: Path,
    dump: Callable,
) -> None:
    info = make_selection("binjai-kompetensi")
    import_formations(db, actor, info.id, FORMATIONS)
    path = write_csv(
        tmp_path / "p.csv",
        ["No Peserta", "Nama Lengkap", "Tgl Lahir", "Formasi"],
        [["001", "Rina", "01-02-1995", "BNJ-02"], ["002", "Andi", "1994-07-01", "BNJ-01"]],
    )
    mapping = preview_file(path, "participants").mapping
    before = dump(db_path)
    summary = import_participants(db, actor, info.id, path, columns=mapping, dry_run=True)
    assert (summary.added, summary.updated) == (2, 0)
    assert dump(db_path) == before
    import_participants(db, actor, info.id, path, columns=mapping)
    assert [p.number for p in list_participants(db, info.id)] == ["002", "001"]
    scores = write_csv(tmp_path / "n.csv", ["nomor_peserta", "PENGETAHUAN"], [["001", "70"]])
    before = dump(db_path)
    assert import_scores(db, actor, info.id, scores, dry_run=True).added == 1
    assert dump(db_path) == before


def test_one_file_may_carry_both_stages(
    db: Database, actor: Actor, make_selection: Callable, write_csv: Callable, tmp_path: Path
) -> None:
    info = make_selection("cpns-2024")
    import_formations(db, actor, info.id, FORMATIONS)
    people = write_csv(tmp_path / "p.csv", HEADER, [["001", "Rina", "1995-01-01", "BNJ-02"]])
    import_participants(db, actor, info.id, people)
    rows = [["001", "TWK", "100", ""], ["001", "TIU", "120", ""], ["001", "TKP", "180", ""]]
    rows += [["001", "CAT_SKB", "400", ""], ["001", "PRAKTIK", "80", "A"]]
    rows += [["001", "PRAKTIK", "82", "B"]]
    path = write_csv(tmp_path / "n.csv", ["nomor_peserta", "komponen", "nilai", "penilai"], rows)
    import_scores(db, actor, info.id, path)
    row = compute_ranking(db, info.id).rows[0]
    assert (row.number, row.code) == ("001", "P/L")
    # The same file with an SKD below the threshold: the AKHIR rows are refused, nothing stays.
    rows[0] = ["001", "TWK", "60", ""]
    path = write_csv(tmp_path / "n2.csv", ["nomor_peserta", "komponen", "nilai", "penilai"], rows)
    with pytest.raises(ImportRejected) as rejected:
        import_scores(db, actor, info.id, path)
    assert {p.message for p in rejected.value.problems} == {"import.stage_not_reached"}
    assert compute_ranking(db, info.id, "SKD").rows[0].cells["TWK"] == 100


def test_a_column_mapped_to_nothing_is_left_out(
    db: Database, actor: Actor, make_selection: Callable, write_csv: Callable, tmp_path: Path
) -> None:
    info = make_selection("binjai-kompetensi")
    import_formations(db, actor, info.id, FORMATIONS)
    path = write_csv(
        tmp_path / "p.csv",
        [*HEADER, "nik"],
        [["001", "Rina", "1995-01-01", "BNJ-02", "bukan-nik"]],
    )
    import_participants(db, actor, info.id, path, columns={"nik": ""})
    assert list_participants(db, info.id)[0].nik == ""
    assert preview_file(path, "scores").mapping == {}


def test_roles_are_checked_in_the_services(
    db: Database, actor: Actor, make_selection: Callable
) -> None:
    info = make_selection("binjai-kompetensi")
    assessor = Actor("dewi", "penilai")
    with pytest.raises(PermissionDenied):
        import_formations(db, assessor, info.id, FORMATIONS)
    import_formations(db, Actor("op", "operator"), info.id, FORMATIONS)
    with pytest.raises(PermissionDenied):
        save_formation(db, assessor, info.id, "BNJ-77", "Jabatan", "", "", 1)
