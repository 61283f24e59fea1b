"""The Laporan Penyusunan Kebijakan read back from its PDF (issue #14 §2): the summary page
holds the demo draft's real numbers the Indonesian way (its weights, the twelve respondents,
the outcomes the simulation changes, Kendall's tau-b), the details every changed participant;
a draft nobody was heard on and a draft that breaks a rule are reported, not refused."""

from __future__ import annotations

import datetime
import re
from dataclasses import replace
from decimal import Decimal

import pytest
from report_samples import page_texts

from app.messages import translate
from app.messages.figures import fixed_text
from app.numbers import count_for_people
from app.services.actor import Actor
from app.services.database import Database
from app.services.demo import DEMO_DRAFT, create_demo
from app.services.errors import PermissionDenied
from app.services.opening import open_database
from app.services.policy_drafts import (
    DraftInfo,
    create_draft,
    draft_problems,
    list_drafts,
    save_draft_scheme,
)
from app.services.policy_report import policy_report_pdf
from app.services.simulation import SimulationReport, simulate_draft

ADMIN = Actor("ketua", "admin")
ENGLISH_DECIMAL = re.compile(r"(?<![\d.])\d\.\d{1,3}(?!\d)")
"""``0.970`` or ``38.9``: a number written the English way."""


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Database, DraftInfo]:
    db = open_database(tmp_path_factory.mktemp("policy") / "seleksi.db")
    info = create_demo(db, ADMIN, "binjai-kompetensi", participants=200, seed=3)
    draft = next(d for d in list_drafts(db, info.id) if d.name == DEMO_DRAFT)
    return db, draft


@pytest.fixture(scope="module")
def simulated(demo: tuple[Database, DraftInfo]) -> SimulationReport:
    db, draft = demo
    return simulate_draft(
        db, ADMIN, draft.selection_id, draft.scheme, stage=draft.stage_code, local_code="1275"
    )


@pytest.fixture(scope="module")
def texts(demo: tuple[Database, DraftInfo]) -> list[str]:
    db, draft = demo
    document = policy_report_pdf(
        db, ADMIN, draft.id, local_code="1275", today=datetime.date(2025, 3, 14)
    )
    found = page_texts(document.data)
    assert len(found) == document.pages >= 3
    assert document.name.startswith("Laporan penyusunan kebijakan")
    return found


def test_the_summary_page_holds_the_drafts_own_numbers(
    demo: tuple[Database, DraftInfo], simulated: SimulationReport, texts: list[str]
) -> None:
    _db, draft = demo
    first = _flat(texts[0])
    assert "LAPORAN PENYUSUNAN KEBIJAKAN" in first
    assert DEMO_DRAFT in first
    assert "Laporan Monitoring dan Evaluasi seleksi 2024" in first  # what it answers
    assert "14 Maret 2025" in first
    stage = next(s for s in draft.scheme.stages if s.code == draft.stage_code)
    today = {c.code: c.weight for c in stage.components}
    for component in stage.components:
        if component.is_numeric:
            # Today's weight (the preset's) and the draft's, side by side on one row.
            assert re.search(
                rf"{component.code} — .*? {today[component.code]} % {component.weight} %", first
            ), component.code
    assert "12 responden dari 4 kelompok" in first
    assert "2 responden tidak konsisten" in first and "tetap diikutsertakan" in first
    sim = simulated.simulation
    changed = count_for_people(len(sim.changed))
    assert f"hasil {changed} dari {count_for_people(sim.participants)} peserta berubah" in first
    assert f"{count_for_people(sim.seats_gained)} peserta mendapat kursi" in first
    assert sim.kendall_tau_mean is not None and sim.kendall_tau_lowest is not None
    assert f"rata-rata {fixed_text(sim.kendall_tau_mean, 3)}" in first
    lowest = sim.kendall_tau_lowest
    assert lowest.kendall_tau is not None
    assert f"terendah {fixed_text(lowest.kendall_tau, 3)} (formasi {lowest.formation})" in first
    assert not draft_problems(draft)
    assert "dapat dijadikan skema" in first
    assert not ENGLISH_DECIMAL.search(first), ENGLISH_DECIMAL.search(first)


def test_the_details_name_every_respondent_and_every_changed_participant(
    simulated: SimulationReport, texts: list[str]
) -> None:
    details = _flat(" ".join(texts[1:]))
    assert "Sekretaris Daerah" in details and "tanyakan lagi:" in details
    assert "Bobot kelompok: tingkat komponen" in details
    assert "Bobot kelompok: aspek PRAKTIK" in details
    for row in simulated.simulation.changed:
        assert row.number in details
        assert row.name in details
    for formation in simulated.simulation.formations:
        assert formation.formation in details
    assert "Bobot efektif" in details and "Keadilan: rasio dampak" in details
    assert "asal daerah (NIK)" in details  # the local code was given
    assert not ENGLISH_DECIMAL.search(details), ENGLISH_DECIMAL.search(details)


def test_leaving_the_inconsistent_out_is_said(demo: tuple[Database, DraftInfo]) -> None:
    db, draft = demo
    document = policy_report_pdf(db, ADMIN, draft.id, exclude_inconsistent=True)
    first = _flat(page_texts(document.data)[0])
    assert "dikeluarkan dari bobot kelompok atas pilihan fasilitator" in first
    assert "(dikeluarkan)" in _flat(page_texts(document.data)[1])


def test_a_draft_without_judgments_and_a_draft_that_breaks_a_rule(
    demo: tuple[Database, DraftInfo],
) -> None:
    db, draft = demo
    fresh = create_draft(db, ADMIN, draft.selection_id, "Rancangan tanpa FGD", draft.stage_code)
    first = _flat(page_texts(policy_report_pdf(db, ADMIN, fresh.id).data)[0])
    assert "Belum ada penilaian FGD pada rancangan ini" in first
    assert "hasil 0 dari" in first  # the same scheme changes nobody

    scheme = fresh.scheme
    stage = next(s for s in scheme.stages if s.code == fresh.stage_code)
    first_component = stage.components[0]
    broken_stage = replace(
        stage,
        components=(
            replace(first_component, weight=first_component.weight + Decimal(7)),
            *stage.components[1:],
        ),
    )
    broken = replace(scheme, stages=tuple(broken_stage if s is stage else s for s in scheme.stages))
    saved = save_draft_scheme(db, ADMIN, fresh.id, broken)
    problems = draft_problems(saved)
    assert problems
    document = policy_report_pdf(db, ADMIN, fresh.id)
    first = _flat(page_texts(document.data)[0])
    assert f"rancangan melanggar {count_for_people(len(problems))} aturan skema" in first
    for problem in problems:
        assert _flat(translate("id", problem.message, problem.params)) in first
    assert "Simulasi tidak dapat dijalankan" in first


def test_the_simulation_needs_the_evaluations_roles(demo: tuple[Database, DraftInfo]) -> None:
    db, draft = demo
    with pytest.raises(PermissionDenied):
        policy_report_pdf(db, Actor("budi", "operator"), draft.id)
