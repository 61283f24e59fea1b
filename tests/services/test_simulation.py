"""A draft scheme simulated on a real demo selection (issue #14 §2): the selection is only
read (its rows and audit chain byte for byte the same after), today's side is the program's
own ranking, the draft's side is what the reference ranking gives under the draft, and the
fairness figures are the evaluation's."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from app.messages import t
from app.scoring import Scheme
from app.scoring.ranking import rank_selection
from app.scoring.simulation import RULES
from app.services.actor import Actor
from app.services.candidates import load_candidates, load_quotas
from app.services.database import Database
from app.services.demo import create_demo
from app.services.errors import PermissionDenied, UserError
from app.services.evaluation import stage_figures
from app.services.ranking import compute_ranking
from app.services.schemes import RESOURCES, SchemeRejected, load_preset_or_file, scheme_of_selection
from app.services.simulation import load_draft_file, simulate_draft, simulation_figures
from app.services.tie_store import read_decisions

ADMIN = Actor("ketua", "admin")
DEMO_DRAFT = RESOURCES / "schemes" / "drafts" / "binjai-kompetensi-rancangan.toml"


def reweighted(
    scheme: Scheme, weights: dict[str, int], ranking: tuple[str, ...] | None = None
) -> Scheme:
    """``scheme`` with other weights (and ranking keys) in its last stage."""
    stage = scheme.last_stage
    components = tuple(
        replace(c, weight=Decimal(weights[c.code])) if c.code in weights else c
        for c in stage.components
    )
    last = replace(stage, components=components, ranking=ranking or stage.ranking)
    return replace(scheme, code="rancangan", stages=(*scheme.stages[:-1], last))


@pytest.fixture(scope="module")
def demo_template(
    tmp_path_factory: pytest.TempPathFactory, new_database: Callable[[Path], Database]
) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("simulation") / "template.db"
    database = new_database(path)
    info = create_demo(database, ADMIN, "binjai-kompetensi", participants=160, seed=2)
    database.close()
    return path, info.id


@pytest.fixture
def demo(
    tmp_path: Path, demo_template: tuple[Path, int], copy_database: Callable[[Path, Path], Database]
) -> Iterator[tuple[Database, int]]:
    template, selection_id = demo_template
    database = copy_database(template, tmp_path / "seleksi.db")
    yield database, selection_id
    database.close()


def kept_results(path: Path) -> dict[str, str]:
    """The files of results kept beside the database, by name, with their SHA-256."""
    folder = path.with_name(path.name + ".cache")
    if not folder.is_dir():
        return {}
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_the_selection_is_only_read(
    demo: tuple[Database, int], dump: Callable[[Path], str], tmp_path: Path
) -> None:
    db, selection_id = demo
    path = tmp_path / "seleksi.db"
    compute_ranking(db, selection_id)  # results kept beside the file, as the window does
    before = hashlib.sha256(dump(path).encode()).hexdigest()
    kept = kept_results(path)
    with db.reading() as connection:
        scheme, _ids = scheme_of_selection(connection, selection_id)
        events = connection.execute("SELECT count(*), max(hash) FROM audit_event").fetchone()
    draft = reweighted(scheme, {"PENGETAHUAN": 30, "PRAKTIK": 45, "PSIKOTES": 25})
    report = simulate_draft(db, ADMIN, selection_id, draft)
    assert report.simulation.rules == ("weight",)
    assert report.changed, "the draft should move someone in this demo"
    assert hashlib.sha256(dump(path).encode()).hexdigest() == before
    assert kept_results(path) == kept
    with db.reading() as connection:
        assert (
            connection.execute("SELECT count(*), max(hash) FROM audit_event").fetchone() == events
        )


def test_today_is_the_programs_ranking_and_the_draft_the_reference_ranking(
    demo: tuple[Database, int],
) -> None:
    db, selection_id = demo
    with db.reading() as connection:
        scheme, ids = scheme_of_selection(connection, selection_id)
        quotas = load_quotas(connection, selection_id)
        people = load_candidates(connection, selection_id, scheme, ids, "AKHIR")
        decisions = read_decisions(connection, selection_id, "AKHIR")
    draft = reweighted(
        scheme,
        {"PENGETAHUAN": 30, "PRAKTIK": 45, "PSIKOTES": 25},
        ("NILAI_AKHIR", "PSIKOTES", "PRAKTIK", "PENGETAHUAN", "IPK", "USIA"),
    )
    report = simulate_draft(db, ADMIN, selection_id, draft)
    rows = {row.number: row for f in report.formations for row in f.rows}
    today = compute_ranking(db, selection_id)
    assert len(rows) == len(today.rows)
    for expected in today.rows:
        row = rows[expected.number]
        assert (row.before.code, row.before.rank, row.before.final) == (
            expected.code,
            expected.rank,
            expected.final,
        )
        assert row.name == expected.name
    reference = rank_selection(draft, quotas, people, decisions=decisions)["AKHIR"]
    for expected in reference.rows:
        row = rows[expected.number]
        assert (row.after.status, row.after.rank, row.after.final) == (
            expected.status,
            expected.rank,
            expected.final,
        )
        assert row.changed == (row.before.status is not row.after.status)


def test_the_selections_own_scheme_reports_the_evaluations_fairness(
    demo: tuple[Database, int],
) -> None:
    db, selection_id = demo
    with db.reading() as connection:
        scheme, _ids = scheme_of_selection(connection, selection_id)
    report = simulate_draft(db, ADMIN, selection_id, scheme, local_code="1275")
    figures = simulation_figures(report)
    evaluated = stage_figures(db, selection_id, local_code="1275")
    assert figures["fairness"]["current"] == evaluated["fairness"]
    assert figures["fairness"]["draft"] == evaluated["fairness"]
    assert figures["flow"]["current"]["statuses"] == evaluated["flow"]["statuses"]
    assert figures["flow"]["current"]["within_quota"] == evaluated["flow"]["seats"]["within_quota"]
    assert figures["rules"] == []
    assert figures["overall"]["changed"] == 0
    assert {f["kendall_tau"] for f in figures["formations"].values()} <= {1.0, None}
    assert figures["effective_weights"]["current"] == figures["effective_weights"]["draft"]
    weights = figures["effective_weights"]["current"]
    assert [w["stated"] for w in weights.values()] == [40.0, 35.0, 25.0]


def test_the_json_figures_of_a_changed_outcome(demo: tuple[Database, int]) -> None:
    db, selection_id = demo
    with db.reading() as connection:
        scheme, _ids = scheme_of_selection(connection, selection_id)
    draft = reweighted(scheme, {"PENGETAHUAN": 20, "PRAKTIK": 55, "PSIKOTES": 25})
    report = simulate_draft(db, ADMIN, selection_id, draft, source="rancangan.toml")
    figures = simulation_figures(report)
    assert figures["schemes"]["draft"] == {
        "code": "rancangan",
        "name": scheme.name,
        "source": "rancangan.toml",
    }
    changed = [c for f in figures["formations"].values() for c in f["changed"]]
    assert len(changed) == figures["overall"]["changed"] == len(report.changed) > 0
    first = report.changed[0]
    entry = figures["formations"][first.formation]["changed"][0]
    assert entry == {
        "nomor_peserta": first.number,
        "old_code": first.before.code,
        "new_code": first.after.code,
        "rule": "weight",
        "old_stage": "AKHIR",
        "new_stage": "AKHIR",
        "old_rank": first.before.rank,
        "new_rank": first.after.rank,
        "old_final": None if first.before.final is None else float(first.before.final),
        "new_final": None if first.after.final is None else float(first.after.final),
    }
    gained = sum(len(f["seats_gained"]) for f in figures["formations"].values())
    assert gained == figures["overall"]["seats_gained"]
    assert figures["overall"]["changed_by_rule"] == {"weight": len(changed)}


def test_a_draft_naming_a_component_without_scores_is_refused_by_name(
    demo: tuple[Database, int],
) -> None:
    db, selection_id = demo
    with db.reading() as connection:
        scheme, _ids = scheme_of_selection(connection, selection_id)
    stage = scheme.last_stage
    interview = replace(stage.components[0], code="WAWANCARA", name="Wawancara", weight=Decimal(10))
    first = replace(stage.components[0], weight=Decimal(30))
    draft = replace(
        scheme,
        stages=(replace(stage, components=(first, *stage.components[1:], interview)),),
    )
    with pytest.raises(SchemeRejected) as refused:
        simulate_draft(db, ADMIN, selection_id, draft, source="rancangan.toml")
    [problem] = refused.value.problems
    assert problem.key == "stages[0].components[3].code"
    assert "WAWANCARA" in t(problem.message, problem.params)
    assert refused.value.source == "rancangan.toml"


def test_a_draft_that_breaks_a_rule_of_the_scheme_validator_is_refused(
    demo: tuple[Database, int],
) -> None:
    db, selection_id = demo
    with db.reading() as connection:
        scheme, _ids = scheme_of_selection(connection, selection_id)
    draft = reweighted(scheme, {"PENGETAHUAN": 50})  # 50 + 35 + 25 = 110
    with pytest.raises(SchemeRejected) as refused:
        simulate_draft(db, ADMIN, selection_id, draft)
    assert [p.message for p in refused.value.problems] == ["scheme.weights_sum"]


def test_a_penilai_may_not_simulate_and_the_refusal_is_recorded(
    demo: tuple[Database, int], data_dump: Callable[[Path], str], tmp_path: Path
) -> None:
    db, selection_id = demo
    path = tmp_path / "seleksi.db"
    before = data_dump(path)
    with db.reading() as connection:
        scheme, _ids = scheme_of_selection(connection, selection_id)
    with pytest.raises(PermissionDenied):
        simulate_draft(db, Actor("budi", "penilai"), selection_id, scheme)
    assert data_dump(path) == before
    with db.reading() as connection:
        refused = connection.execute(
            "SELECT count(*) FROM audit_event WHERE action = 'permission.refused'"
        ).fetchone()[0]
    assert refused == 1


def test_an_unknown_stage_is_refused_with_the_stages_there_are(demo: tuple[Database, int]) -> None:
    db, selection_id = demo
    with pytest.raises(UserError) as refused:
        simulate_draft(db, ADMIN, selection_id, load_draft_file("binjai-kompetensi"), stage="SKD")
    assert refused.value.message == "stage.not_found"


def test_the_demo_draft_changes_a_few_outcomes_of_the_default_demo(db: Database) -> None:
    """``seleksi demo`` (binjai-kompetensi, 600 participants, seed 1) and the draft shipped in
    ``resources/schemes/drafts/``: every rule it changes moves someone, and only a few."""
    info = create_demo(db, ADMIN)
    report = simulate_draft(db, ADMIN, info.id, load_draft_file(DEMO_DRAFT), source=str(DEMO_DRAFT))
    simulation = report.simulation
    assert simulation.rules == RULES
    # The manual (section 15) and the README quote these: 22 of 600, every rule at least once.
    assert len(simulation.changed) == 22
    assert simulation.changed_by_rule() == {
        "threshold": 15,
        "weight": 4,
        "aspects": 1,
        "tie_break": 2,
    }
    assert (simulation.seats_gained, simulation.seats_lost) == (3, 3)
    assert simulation.formations_changed == 12


def test_a_finalized_earlier_stage_of_a_cpns_selection(
    db: Database, dump: Callable[[Path], str], db_path: Path
) -> None:
    """CPNS, SKD finalized: a higher TWK threshold keeps some out of the SKB, and the final
    stage's simulation says at which stage they now stop."""
    from app.services.finalization import finalize

    info = create_demo(db, ADMIN, "cpns-2024", participants=150, seed=6)
    finalize(db, ADMIN, info.id, "SKD")
    before = hashlib.sha256(dump(db_path).encode()).hexdigest()
    scheme = load_preset_or_file("cpns-2024")
    skd = scheme.stages[0]
    twk = replace(skd.component("TWK"), threshold=Decimal(90))
    draft = replace(
        scheme,
        stages=(
            replace(skd, components=(twk, *skd.components[1:])),
            *scheme.stages[1:],
        ),
    )
    at_skd = simulate_draft(db, ADMIN, info.id, draft, stage="skd")
    assert at_skd.stage == "SKD"
    assert at_skd.simulation.rules == ("threshold",)
    assert at_skd.changed
    assert {row.after.code for row in at_skd.changed if row.before.code == "P/L"} <= {"TL", "P"}
    final = simulate_draft(db, ADMIN, info.id, draft)
    stopped = [row for row in final.changed if row.after.stage == "SKD"]
    assert stopped, "someone who sat the SKB today stops at the SKD under the draft"
    assert all(row.before.stage == "AKHIR" for row in stopped)
    assert {row.rule for row in final.changed} == {"threshold"}
    assert hashlib.sha256(dump(db_path).encode()).hexdigest() == before
