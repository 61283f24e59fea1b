"""The demo selection: generated rows fed through the same validated importers as real files."""

from __future__ import annotations

import csv
import dataclasses
import tempfile
from collections.abc import Callable
from pathlib import Path

from app.demo import DemoData, generate_demo

from .actor import Actor
from .database import Database
from .document_settings import document_settings, save_document_settings
from .marks import mark_participant
from .participants_import import import_formations, import_participants
from .schemes import load_preset_or_file
from .scores_import import import_scores
from .selections import SelectionInfo, create_selection
from .tabular import spreadsheet_safe

DEMO_INSTANSI = "Pemerintah Kota Binjai"
DEMO_NAMES = {
    "cpns-2024": "Seleksi CPNS Kota Binjai (demo)",
    "pppk-2024": "Seleksi PPPK Kota Binjai (demo)",
    "binjai-kompetensi": "Seleksi Kompetensi Kota Binjai (demo)",
}


def _write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    # Generated names never start like a formula; the guard is here because every CSV the
    # program writes has it (issue #9).
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows({k: spreadsheet_safe(v) for k, v in row.items()} for row in rows)
    return path


DEMO_SIGNATORY = ("Ir. Rahmad Hidayat, M.AP.", "197503122000031004")
"""The demo's chair of the committee: a made-up name and NIP of the right form."""


def create_demo(
    db: Database,
    actor: Actor,
    scheme_name: str = "binjai-kompetensi",
    participants: int = 600,
    seed: int = 1,
    progress: Callable[[str], None] | None = None,
    *,
    performance: bool = True,
    policy: bool = True,
) -> SelectionInfo:
    """A complete selection for Binjai: formations, participants, every stage scored."""
    scheme = load_preset_or_file(scheme_name)
    data = generate_demo(scheme, participants=participants, seed=seed)
    info = create_selection(
        db,
        actor,
        scheme,
        name=DEMO_NAMES.get(scheme.code, f"{scheme.name} (demo)"),
        year=2024,
        instansi=DEMO_INSTANSI,
    )
    step = progress or (lambda _text: None)
    with tempfile.TemporaryDirectory() as folder:
        directory = Path(folder)
        step("formasi")
        import_formations(
            db, actor, info.id, _write_csv(directory / "formasi.csv", data.formations)
        )
        step("peserta")
        import_participants(
            db, actor, info.id, _write_csv(directory / "peserta.csv", data.participants)
        )
        # Marks before scores: the SKD cut that admits AKHIR scores must already see them.
        step("tanda")
        for number, stage, reason in data.withdrawn:
            mark_participant(db, actor, info.id, number, "APS", reason, stage)
        step("nilai")
        scores = [
            {k: row[k] for k in ("nomor_peserta", "komponen", "nilai", "penilai")}
            for row in [*data.scores, *data.aspect_scores]
        ]
        first_stage = {c.code for c in scheme.stages[0].components}
        # Earlier stages first: a later stage's scores are accepted only for those who passed.
        early = [r for r in scores if r["komponen"].split(".")[0] in first_stage]
        late = [r for r in scores if r["komponen"].split(".")[0] not in first_stage]
        if early:
            import_scores(db, actor, info.id, _write_csv(directory / "nilai-1.csv", early))
        if late:
            import_scores(db, actor, info.id, _write_csv(directory / "nilai-2.csv", late))
    # Later performance of those chosen (issue #13): the Monev page's validity has data.
    if performance:
        step("kinerja")
        _import_demo_performance(db, actor, info.id, info.year, data, seed)
    # A policy draft heard by a demo FGD (issue #14), where the last stage has weights to weigh.
    if policy:
        step("rancangan")
        _demo_policy_draft(db, actor, info.id, seed)
    # An announcement names who signs it (issue #11 §2): the demo's chair, with a NIP.
    step("dokumen")
    save_document_settings(
        db,
        actor,
        info.id,
        dataclasses.replace(
            document_settings(db, info.id),
            signatory_name=DEMO_SIGNATORY[0],
            signatory_nip=DEMO_SIGNATORY[1],
            next_steps=(
                "Peserta yang dinyatakan lulus wajib melakukan pemberkasan di Sekretariat"
                " Panitia sesuai jadwal yang diumumkan kemudian."
            ),
            copies_to=("Wali Kota Binjai", "Kepala Kantor Regional VI BKN Medan"),
        ),
    )
    return info


def _import_demo_performance(
    db: Database, actor: Actor, selection_id: int, year: int, data: DemoData, seed: int
) -> None:
    """The SKP predikat a year later of everyone within quota at the last stage, through the
    same importer a real performance file goes through."""
    from app.demo.performance import performance_rows

    from .performance import import_performance
    from .ranking import compute_ranking

    ranking = compute_ranking(db, selection_id)
    chosen = [row.number for row in ranking.rows if row.status.value == "within_quota"]
    if not chosen:
        return
    rows = performance_rows(data.abilities, chosen, year, seed)
    with tempfile.TemporaryDirectory() as folder:
        import_performance(db, actor, selection_id, _write_csv(Path(folder) / "kinerja.csv", rows))


DEMO_DRAFT = "Rancangan bobot seleksi kompetensi 2025 (demo)"


def _demo_policy_draft(db: Database, actor: Actor, selection_id: int, seed: int) -> None:
    """A draft with a ready FGD: twelve respondents in four groups, two of them
    inconsistent, through the same file import a paper round goes through; its weights are
    proposed into the draft, so the Rancangan Kebijakan page and ``simulate`` have a draft
    that changes a few outcomes. Stages without weights (a sum, one component) get none."""
    from app.demo.fgd import fgd_rows
    from app.scoring.ahp import AhpError, stage_criteria

    from .policy_drafts import create_draft, import_fgd_file, propose_fgd_weights
    from .scheme_edit import current_scheme

    stage = current_scheme(db, selection_id).stages[-1]
    try:
        levels = stage_criteria(stage)
        rows = fgd_rows([name for codes in levels.values() for name in codes], seed)
    except (AhpError, ValueError, KeyError):
        return  # nothing an FGD could weigh in this scheme's demo
    draft = create_draft(
        db,
        actor,
        selection_id,
        DEMO_DRAFT,
        stage.code,
        answers="Laporan Monitoring dan Evaluasi seleksi 2024",
    )
    with tempfile.TemporaryDirectory() as folder:
        import_fgd_file(db, actor, draft.id, _write_csv(Path(folder) / "fgd.csv", rows))
    propose_fgd_weights(db, actor, draft.id)
