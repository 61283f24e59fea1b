"""Policy drafts (issue #14): a copy of a selection's scheme, the FGD's rows behind it, and
"Jadikan skema" on the record; the selection itself never changes."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from app.services.actor import Actor
from app.services.errors import PermissionDenied, UserError
from app.services.policy_drafts import (
    Judgment,
    adopt_draft,
    create_draft,
    draft_problems,
    judgments,
    list_drafts,
    load_draft,
    save_draft_scheme,
    save_respondent,
)
from app.services.scheme_edit import SchemeProblems, current_scheme
from app.services.schemes import load_preset_or_file

ADMIN = Actor("ketua", "admin")
TEAM = Actor("sari", "monev")


def _reweighted(scheme, weights: dict[str, int]):
    stage = scheme.stages[-1]
    components = tuple(
        replace(c, weight=Decimal(weights[c.code])) if c.code in weights else c
        for c in stage.components
    )
    return replace(scheme, stages=(*scheme.stages[:-1], replace(stage, components=components)))


def _events(db, action: str) -> int:
    with db.reading() as connection:
        return connection.execute(
            "SELECT count(*) FROM audit_event WHERE action = ?", (action,)
        ).fetchone()[0]


def test_a_draft_is_weighed_heard_and_adopted(db, make_selection, tmp_path: Path) -> None:
    info = make_selection("binjai-kompetensi")
    before = current_scheme(db, info.id)
    draft = create_draft(db, TEAM, info.id, "  Revisi   bobot 2025 ", answers="Laporan monev 2024")
    assert draft.name == "Revisi bobot 2025" and draft.stage_code == "AKHIR"
    assert draft.scheme == before  # a faithful copy, through TOML and back
    proposal = _reweighted(draft.scheme, {"PENGETAHUAN": 35, "PRAKTIK": 40, "PSIKOTES": 25})
    changed = save_draft_scheme(db, TEAM, draft.id, proposal)
    assert changed.scheme == proposal and draft_problems(changed) == []
    assert current_scheme(db, info.id) == before  # the selection keeps its own scheme

    form = [
        Judgment("Bu Rina", "Pemda", "0,35", "PENGETAHUAN", "PRAKTIK", "1/3"),
        Judgment("Bu Rina", "Pemda", "0,35", "PENGETAHUAN", "PSIKOTES", "2"),
    ]
    save_respondent(db, TEAM, draft.id, "Bu Rina", form)
    save_respondent(db, TEAM, draft.id, "Bu Rina", form[:1])  # the second form replaces
    assert [(j.criterion_b, j.value) for j in judgments(db, draft.id)] == [("PRAKTIK", "1/3")]

    with pytest.raises(PermissionDenied):
        adopt_draft(db, TEAM, draft.id, tmp_path / "skema.toml")
    out = tmp_path / "skema-2025.toml"
    adopted = adopt_draft(
        db, ADMIN, draft.id, out, fgd_date="2025-03-12", groups=["Pemda", "DPRD"], group_cr=0.041
    )
    assert adopted.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    scheme = load_preset_or_file(str(out))  # a scheme file a new selection can use
    assert scheme.stages[-1].component("PRAKTIK").weight == Decimal(40)
    assert "rancangan kebijakan «Revisi bobot 2025»" in scheme.source
    assert "FGD 2025-03-12" in scheme.source and "CR kelompok 0,041" in scheme.source
    assert "menjawab: Laporan monev 2024" in scheme.source
    stored = load_draft(db, draft.id)
    assert stored.adopted and stored.adopted_sha256 == adopted.sha256
    # A new selection on it names it in its announcement's legal basis (issue #14 §3).
    from app.services.document_settings import document_settings
    from app.services.selections import create_selection

    new = create_selection(db, ADMIN, scheme, "Seleksi 2025", 2025, "Kota Binjai")
    basis = document_settings(db, new.id).legal_basis
    assert basis[-1].startswith("Skema seleksi yang ditetapkan dari")
    assert "rancangan kebijakan «Revisi bobot 2025»" in basis[-1] and basis[-1].endswith(";")
    assert "rancangan" not in " ".join(document_settings(db, info.id).legal_basis)
    with pytest.raises(UserError) as refused:
        save_draft_scheme(db, TEAM, draft.id, before)
    assert refused.value.message == "policy.adopted_already"
    assert [d.id for d in list_drafts(db, info.id)] == [draft.id]
    counted = [
        _events(db, f"policy.{kind}")
        for kind in ("draft_created", "draft_changed", "respondent_saved", "adopted")
    ]
    assert counted == [1, 1, 2, 1]


def test_a_draft_that_breaks_a_rule_says_which_and_writes_nothing(
    db, make_selection, tmp_path: Path
) -> None:
    info = make_selection("binjai-kompetensi")
    draft = create_draft(db, TEAM, info.id, "Bobot tidak genap")
    broken = _reweighted(draft.scheme, {"PENGETAHUAN": 50, "PRAKTIK": 40, "PSIKOTES": 25})
    kept = save_draft_scheme(db, TEAM, draft.id, broken)  # kept: work in progress
    assert draft_problems(kept)
    out = tmp_path / "tidak.toml"
    with pytest.raises(SchemeProblems) as refused:
        adopt_draft(db, ADMIN, draft.id, out)
    assert refused.value.problems and not out.exists()
    assert not load_draft(db, draft.id).adopted


def test_refusals_change_nothing(db, make_selection) -> None:
    info = make_selection("binjai-kompetensi")
    for name, message in [("  ", "policy.name_required"), ("x" * 201, "policy.name_too_long")]:
        with pytest.raises(UserError) as refused:
            create_draft(db, TEAM, info.id, name)
        assert refused.value.message == message
    with pytest.raises(UserError) as refused:
        create_draft(db, TEAM, info.id, "Rancangan", "SKB")
    assert refused.value.message == "stage.not_found"
    with pytest.raises(PermissionDenied):
        create_draft(db, Actor("rina", "operator"), info.id, "Rancangan")
    draft = create_draft(db, TEAM, info.id, "Rancangan")
    twice = [
        Judgment("Pak Budi", "DPRD", "0,2", "PRAKTIK", "PSIKOTES", "3"),
        Judgment("Pak Budi", "DPRD", "0,2", "PSIKOTES", "PRAKTIK", "1/3"),
    ]
    with pytest.raises(UserError) as refused:
        save_respondent(db, TEAM, draft.id, "Pak Budi", twice)
    assert refused.value.message == "policy.pair_twice"
    with pytest.raises(UserError) as refused:
        save_respondent(db, TEAM, draft.id, "Bu Sri", twice[:1])
    assert refused.value.message == "policy.respondent_mixed"
    assert judgments(db, draft.id) == []
    with pytest.raises(UserError) as refused:
        load_draft(db, 99)
    assert refused.value.message == "policy.not_found"


def test_drafts_from_the_terminal(tmp_path: Path, capsys, monkeypatch) -> None:
    from app.cli import main

    monkeypatch.setenv("SELEKSI_USER", "ketua")
    monkeypatch.setenv("SELEKSI_PASSWORD", "rahasia-ketua")
    database = str(tmp_path / "seleksi.db")
    assert main(["--db", database, "demo", "--participants", "30", "--seed", "2"]) == 0
    capsys.readouterr()
    assert main(["--db", database, "draft", "create", "Revisi 2025"]) == 0
    said = capsys.readouterr().out
    assert "«Revisi 2025» dibuat dari skema seleksi" in said  # the demo's own draft is 1
    number = said.split("rancangan nomor ")[1].split(" ")[0]
    edited = tmp_path / "rancangan.toml"
    assert main(["--db", database, "draft", "export", number, "--out", str(edited)]) == 0
    text = edited.read_text(encoding="utf-8")
    assert 'weight = "40"' in text
    edited.write_text(text.replace('weight = "40"', 'weight = "50"', 1), encoding="utf-8")
    capsys.readouterr()
    assert main(["--db", database, "draft", "scheme", number, str(edited)]) == 0
    said = capsys.readouterr()
    assert "1 aturan dilanggar" in said.out and "100" in said.err  # the weights' sum, named
    out = tmp_path / "skema.toml"
    assert main(["--db", database, "draft", "adopt", number, "--out", str(out)]) == 1
    assert not out.exists()
    edited.write_text(text.replace("weight = \"40\"", "weight = \"35\"", 1).replace(
        "weight = \"25\"", "weight = \"30\"", 1), encoding="utf-8")  # fmt: skip
    assert main(["--db", database, "draft", "scheme", number, str(edited)]) == 0
    assert main(["--db", database, "draft", "adopt", number, "--out", str(out),
                 "--fgd-date", "2025-03-12", "--groups", "Pemda", "DPRD"]) == 0  # fmt: skip
    assert "dijadikan skema" in capsys.readouterr().out
    assert main(["--db", database, "init", "--scheme", str(out), "--name", "Seleksi 2025",
                 "--year", "2025"]) == 0  # fmt: skip
    # The new selection uses the adopted scheme; the draft stays with the one it came from.
    assert "seleksi 2 dibuat: Seleksi 2025" in capsys.readouterr().out
    assert main(["--db", database, "--selection", "1", "draft", "list"]) == 0
    assert "dijadikan skema" in capsys.readouterr().out


def test_the_fgd_of_a_draft_from_a_file_to_its_weights(
    db, make_selection, tmp_path, demo_fgd_file
) -> None:
    """The demo FGD's file stored in a draft, then weighed into the draft's scheme: the
    weights are the file's own (``fgd weights`` on the same file), whole, summing to 100."""
    from app.services.fgd import fgd_weights
    from app.services.policy_drafts import import_fgd_file, propose_fgd_weights

    info = make_selection("binjai-kompetensi")
    draft = create_draft(db, TEAM, info.id, "Bobot FGD 2025")
    path = demo_fgd_file
    import_fgd_file(db, TEAM, draft.id, path)
    assert len({j.respondent for j in judgments(db, draft.id)}) == 12
    expected = fgd_weights(path, scheme=draft.scheme, stage="AKHIR").draft
    assert expected is not None
    weighed = propose_fgd_weights(db, TEAM, draft.id)
    stage = weighed.scheme.stages[-1]
    shares = {c.code: int(c.weight) for c in stage.components}
    assert shares == expected.components and sum(shares.values()) == 100
    # Leaving the two inconsistent respondents out is a choice on the record.
    propose_fgd_weights(db, TEAM, draft.id, exclude_inconsistent=True)
    with db.reading() as connection:
        recorded = [
            json.loads(new)
            for (new,) in connection.execute(
                "SELECT new FROM audit_event WHERE action = 'policy.fgd_weights' ORDER BY id"
            )
        ]
    assert [r["exclude_inconsistent"] for r in recorded] == [False, True]
    assert recorded[0]["excluded"] == [] and len(recorded[1]["excluded"]) == 2
    # A bad file is refused whole: the draft keeps the judgments it had.
    bad = tmp_path / "salah.csv"
    bad.write_text(
        "responden,kelompok,bobot_kelompok,kriteria_a,kriteria_b,nilai\n"
        "Ani,Pemda,0,35,PRAKTIK,TIDAK_ADA,3\n",
        encoding="utf-8",
    )
    from app.services.errors import ImportRejected

    with pytest.raises(ImportRejected):
        import_fgd_file(db, TEAM, draft.id, bad)
    assert len({j.respondent for j in judgments(db, draft.id)}) == 12


def test_a_drafts_fgd_from_the_terminal(
    tmp_path: Path, capsys, monkeypatch, demo_fgd_file: Path
) -> None:
    from app.cli import main

    monkeypatch.setenv("SELEKSI_USER", "ketua")
    monkeypatch.setenv("SELEKSI_PASSWORD", "rahasia-ketua")
    database = str(tmp_path / "seleksi.db")
    assert main(["--db", database, "demo", "--participants", "20"]) == 0
    capsys.readouterr()
    assert main(["--db", database, "draft", "create", "Bobot FGD"]) == 0
    number = capsys.readouterr().out.split("rancangan nomor ")[1].split(" ")[0]
    path = demo_fgd_file
    assert main(["--db", database, "draft", "fgd", number, str(path)]) == 0
    assert "12 responden" in capsys.readouterr().out
    assert main(["--db", database, "draft", "weights", number]) == 0
    said = capsys.readouterr().out
    assert f"bobot FGD masuk rancangan nomor {number}: PENGETAHUAN" in said
    assert "0 aturan" in said
