"""The results cache: a cached ranking is always the ranking a fresh computation gives.

Random edits through the real services on a real database file (scores, marks, a participant
moving to another formation, quotas, the scheme), each followed by a comparison of every
stage, cached against computed without the cache.
"""

from __future__ import annotations

import csv
import dataclasses
import sqlite3
from collections.abc import Callable
from pathlib import Path
from random import Random

import pytest

from app.demo import generate_demo
from app.scoring import Scheme, Status
from app.scoring.blocks import ResultBlock
from app.services import formations, ranking
from app.services.actor import Actor
from app.services.database import Database
from app.services.errors import UserError
from app.services.formations import list_formations, save_formation
from app.services.marks import mark_participant
from app.services.participants import ParticipantRow, list_participants
from app.services.participants_import import import_formations, import_participants
from app.services.ranking import compute_ranking
from app.services.ranking_cache import RankingCache, isolated
from app.services.scheme_edit import current_scheme, save_scheme
from app.services.schemes import load_preset_or_file
from app.services.score_entry import save_score
from app.services.scores_import import import_scores
from app.services.selections import create_selection

ADMIN = Actor("ketua", "admin")
REASON = "koreksi uji"
STAGES = ("SKD", "AKHIR")


def _write(path: Path, rows: list[dict[str, str]], fields: list[str] | None = None) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields or list(rows[0]), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def _assert_cached_is_fresh(db: Database, selection_id: int, formation: str | None = None) -> None:
    """Every stage (and one formation alone): cached rows equal rows computed afresh; the
    formations' participant counts (kept per stamp too) equal counts made afresh."""
    listed = list_formations(db, selection_id)
    kept = dict(formations._COUNTS)
    formations._COUNTS.clear()
    try:
        assert list_formations(db, selection_id) == listed
    finally:
        formations._COUNTS.update(kept)
    for stage in STAGES:
        cached = compute_ranking(db, selection_id, stage)
        with isolated():
            fresh = compute_ranking(db, selection_id, stage)
        assert cached.columns == fresh.columns
        assert cached.quotas == fresh.quotas
        assert cached.rows == fresh.rows
        if formation is not None:
            alone = compute_ranking(db, selection_id, stage, formation)
            assert alone.rows == [row for row in fresh.rows if row.formation == formation]


def _with_threshold(scheme: Scheme, code: str, step: int) -> Scheme:
    stages = []
    for stage in scheme.stages:
        components = tuple(
            dataclasses.replace(c, threshold=(c.threshold or 0) + step) if c.code == code else c
            for c in stage.components
        )
        stages.append(dataclasses.replace(stage, components=components))
    return dataclasses.replace(scheme, stages=tuple(stages))


@pytest.fixture
def cpns(db: Database, tmp_path: Path) -> int:
    """A CPNS selection of 4 formations and 80 participants, its scheme not yet locked."""
    scheme = load_preset_or_file("cpns-2024")
    data = generate_demo(scheme, participants=80, seed=5, formations=4)
    info = create_selection(db, ADMIN, scheme, "Seleksi uji cache", 2024, "Kota Binjai")
    import_formations(db, ADMIN, info.id, _write(tmp_path / "formasi.csv", data.formations))
    import_participants(db, ADMIN, info.id, _write(tmp_path / "peserta.csv", data.participants))
    for number, stage, reason in data.withdrawn:
        mark_participant(db, ADMIN, info.id, number, "APS", reason, stage)
    fields = ["nomor_peserta", "komponen", "nilai", "penilai"]
    scores = [*data.scores, *data.aspect_scores]
    first = {c.code for c in scheme.stages[0].components}
    with isolated():  # the scheme is edited before any score exists: rank, edit, rank again
        _assert_cached_is_fresh(db, info.id)
        for step in (5, -5):
            save_scheme(
                db, ADMIN, info.id, _with_threshold(current_scheme(db, info.id), "TIU", step)
            )
            _assert_cached_is_fresh(db, info.id)
        early = [r for r in scores if r["komponen"].split(".")[0] in first]
        late = [r for r in scores if r["komponen"].split(".")[0] not in first]
        import_scores(db, ADMIN, info.id, _write(tmp_path / "nilai-1.csv", early, fields))
        _assert_cached_is_fresh(db, info.id)
        import_scores(db, ADMIN, info.id, _write(tmp_path / "nilai-2.csv", late, fields))
        _assert_cached_is_fresh(db, info.id)
    return info.id


class _Editor:
    """Random edits of one selection through the services; each says what it touched."""

    def __init__(self, db: Database, selection_id: int, rng: Random, folder: Path):
        self.db, self.selection, self.rng, self.folder = db, selection_id, rng, folder
        self.scheme = current_scheme(db, selection_id)

    def people(self) -> list[ParticipantRow]:
        return list_participants(self.db, self.selection)

    def score(self) -> str:
        person = self.rng.choice(self.people())
        stage = self.rng.choice(self.scheme.stages)
        component = self.rng.choice([c for c in stage.components if not c.aspects])
        steps = int((component.maximum - component.minimum) / component.step)
        value = component.minimum + component.step * self.rng.randint(0, steps)
        text = self.rng.choice([str(value), str(value), "TH", ""])
        save_score(
            self.db, ADMIN, self.selection, person.number, component.code, text, reason=REASON
        )
        return person.formation

    def mark(self) -> str:
        person = self.rng.choice(self.people())
        kind = self.rng.choice(["APS", "TMS", "DIS"])
        stage = self.rng.choice(STAGES)
        mark_participant(self.db, ADMIN, self.selection, person.number, kind, REASON, stage)
        return person.formation

    def move(self) -> str:
        person = self.rng.choice(self.people())
        target = self.rng.choice(
            [f.code for f in list_formations(self.db, self.selection) if f.code != person.formation]
        )
        row = {
            "nomor_peserta": person.number,
            "nama": person.name,
            "tanggal_lahir": person.birth_date.isoformat(),
            "kode_formasi": target,
        }
        import_participants(
            self.db, ADMIN, self.selection, _write(self.folder / "pindah.csv", [row])
        )
        return target

    def quota(self) -> str:
        formation = self.rng.choice(list_formations(self.db, self.selection))
        save_formation(
            self.db, ADMIN, self.selection, formation.code, formation.position_title,
            formation.unit, formation.education, self.rng.randint(1, 4), formation_id=formation.id,
        )  # fmt: skip
        return formation.code

    def component(self) -> str:
        """A threshold changed in the stored scheme. Once scores exist the scheme editor
        refuses, so this is a direct write (a repair by hand): the triggers see it all the
        same, and every formation must be ranked again."""
        stage = self.rng.choice(self.scheme.stages)
        component = self.rng.choice([c for c in stage.components if c.is_numeric])
        threshold = component.minimum + component.step * self.rng.randint(0, 20)
        with sqlite3.connect(self.db.path) as connection:
            connection.execute(
                "UPDATE component SET threshold = ? WHERE code = ? AND stage_id IN"
                " (SELECT id FROM stage WHERE selection_id = ?)",
                (str(threshold), component.code, self.selection),
            )
        return ""


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_edits_never_leave_a_stale_ranking(
    db: Database, cpns: int, tmp_path: Path, seed: int
) -> None:
    rng = Random(seed)
    editor = _Editor(db, cpns, rng, tmp_path)
    edits = [editor.score] * 4 + [editor.mark, editor.move, editor.quota, editor.component]
    with isolated():
        _assert_cached_is_fresh(db, cpns)
        done = 0
        for _ in range(30):
            edit = rng.choice(edits)
            try:
                touched = edit()
            except UserError:  # e.g. a later stage's score for someone the cut left out
                touched = ""
            else:
                done += 1
            _assert_cached_is_fresh(db, cpns, touched or None)
        assert done >= 15


def test_after_one_saved_score_only_its_formation_is_ranked_again(
    db: Database, cpns: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[set[str] | None] = []
    original = ranking._rank_formations

    def recording(*args: object) -> list[ResultBlock]:
        asked.append(args[-1])  # type: ignore[arg-type]
        return original(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(ranking, "_rank_formations", recording)
    person = list_participants(db, cpns)[0]
    with isolated():
        compute_ranking(db, cpns, "AKHIR")
        compute_ranking(db, cpns, "AKHIR")
        assert asked == [None]  # the whole selection once, then nothing
        save_score(db, ADMIN, cpns, person.number, "TWK", "TH", reason=REASON)
        compute_ranking(db, cpns, "AKHIR")
    assert asked == [None, {person.formation}]


def test_the_cache_drops_the_selections_not_used_for_longest() -> None:
    cache = RankingCache(max_rows=5)
    stage = load_preset_or_file("cpns-2024").stages[0]

    def blocks(formation: str, count: int) -> Callable[[set[str]], list[ResultBlock]]:
        made = ResultBlock(
            stage.code,
            formation,
            stage.codes,
            (),
            [f"{formation}{i}" for i in range(count)],
            [""] * count,
            [],
            [None] * count,
            [None] * count,
            [Status.INCOMPLETE] * count,
            [False] * count,
        )
        return lambda _stale: [made]

    def rows(database: str, selection: int, count: int) -> int:
        kept = cache.stage_blocks(
            database, selection, stage, (), {"F": 1}, ["F"], blocks("F", count)
        )
        return sum(len(block) for block in kept)

    for selection in (1, 2):
        rows("a.db", selection, 2)
    assert cache.rows == 4
    rows("a.db", 1, 2)  # 1 is used again
    rows("b.db", 1, 2)  # 2 goes, 1 stays
    assert cache.rows == 4
    assert rows("a.db", 2, 1) == 1  # computed again: it had been dropped
    assert rows("c.db", 1, 9) == 9 and cache.rows == 9  # the one in use stays, however large
