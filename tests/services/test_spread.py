"""Assessor spread: hand-computed per-assessor values (rubric aspects weighted as the ranking
weighs them) and the flag when they lie more than ``max_spread`` apart.

Binjai PRAKTIK: two assessors, aspects TEKNIS 40 %, KETEPATAN, SIKAP, KOMUNIKASI 20 % each;
the default limit is 20 points.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from app.scoring import Scheme
from app.services.actor import Actor
from app.services.database import Database
from app.services.double_entry import save_draft
from app.services.errors import UserError
from app.services.participants_import import import_formations, import_participants
from app.services.scheme_edit import current_scheme, save_scheme
from app.services.score_entry import save_score
from app.services.selections import SelectionInfo
from app.services.spread import SpreadFlag, spread_flags

ADMIN = Actor("ketua", "admin")
PEOPLE = [
    ["001", "Rina Ginting", "1995-03-12", "BNJ-02"],
    ["002", "Andi Siregar", "1994-07-01", "BNJ-02"],
    ["003", "Budi Tarigan", "1996-01-01", "BNJ-02"],
]
ASPECTS = ("TEKNIS", "KETEPATAN", "SIKAP", "KOMUNIKASI")


def with_praktik(scheme: Scheme, **changes: object) -> Scheme:
    stage = scheme.stages[0]
    components = tuple(
        replace(c, **changes) if c.code == "PRAKTIK" else c  # type: ignore[arg-type]
        for c in stage.components
    )
    return replace(scheme, stages=(replace(stage, components=components),))


@pytest.fixture
def make_binjai(
    db: Database,
    make_selection: Callable[..., SelectionInfo],
    write_csv: Callable[..., Path],
    tmp_path: Path,
) -> Callable[..., SelectionInfo]:
    def make(**praktik: object) -> SelectionInfo:
        info = make_selection("binjai-kompetensi")
        if praktik:
            save_scheme(db, ADMIN, info.id, with_praktik(current_scheme(db, info.id), **praktik))
        import_formations(db, ADMIN, info.id, Path("resources/demo/formasi_binjai.csv"))
        people = write_csv(
            tmp_path / "peserta.csv",
            ["nomor_peserta", "nama", "tanggal_lahir", "kode_formasi"],
            PEOPLE,
        )
        import_participants(db, ADMIN, info.id, people)
        return info

    return make


def aspects(db: Database, info: SelectionInfo, number: str, assessor: str, *values: str) -> None:
    for aspect, value in zip(ASPECTS, values, strict=False):
        save_score(db, ADMIN, info.id, number, "PRAKTIK", value, assessor=assessor, aspect=aspect)


def whole(db: Database, info: SelectionInfo, number: str, assessor: str, value: str) -> None:
    save_score(db, ADMIN, info.id, number, "PRAKTIK", value, assessor=assessor)


def fill(db: Database, info: SelectionInfo) -> None:
    # 001: Budi 0.4·90 + 0.2·(80+70+60) = 78; Sari 57 -> 21 apart: flagged.
    aspects(db, info, "001", "Budi", "90", "80", "70", "60")
    whole(db, info, "001", "Sari", "57")
    # 002: Budi 0.4·75 + 0.2·(62+61+60) = 66.6; Sari 0.4·100 + 0.2·(80+83+80) = 88.6;
    # Tono 70 in between -> 22 apart: flagged.
    aspects(db, info, "002", "Budi", "75", "62", "61", "60")
    aspects(db, info, "002", "Sari", "100", "80", "83", "80")
    whole(db, info, "002", "Tono", "70")
    # 003: 60 and 80 are exactly 20 apart: not more than the limit. Tono scored one aspect
    # only and Wati recorded TH: neither has a value yet, so neither counts.
    whole(db, info, "003", "Budi", "60")
    whole(db, info, "003", "Sari", "80")
    aspects(db, info, "003", "Tono", "10")
    whole(db, info, "003", "Wati", "TH")


def test_spread_is_taken_over_each_assessors_weighted_value(
    db: Database, make_binjai: Callable[..., SelectionInfo]
) -> None:
    info = make_binjai()
    fill(db, info)
    assert spread_flags(db, info.id) == [
        SpreadFlag(
            "001",
            "Rina Ginting",
            "BNJ-02",
            "PRAKTIK",
            {"Budi": Decimal("78"), "Sari": Decimal("57")},
            Decimal("21"),
            Decimal("20"),
        ),
        SpreadFlag(
            "002",
            "Andi Siregar",
            "BNJ-02",
            "PRAKTIK",
            {"Budi": Decimal("66.6"), "Sari": Decimal("88.6"), "Tono": Decimal("70")},
            Decimal("22"),
            Decimal("20"),
        ),
    ]
    assert [f.participant for f in spread_flags(db, info.id, "akhir")] == ["001", "002"]


def test_the_limit_comes_from_the_component(
    db: Database, make_binjai: Callable[..., SelectionInfo]
) -> None:
    info = make_binjai(max_spread=Decimal("21.5"))
    fill(db, info)
    # 21 is within 21.5 now; 22 is not.
    assert [(f.participant, f.spread, f.limit) for f in spread_flags(db, info.id)] == [
        ("002", Decimal("22"), Decimal("21.5"))
    ]


def test_no_limit_means_no_check(db: Database, make_binjai: Callable[..., SelectionInfo]) -> None:
    info = make_binjai(max_spread=None)
    fill(db, info)
    assert spread_flags(db, info.id) == []


def test_only_confirmed_scores_are_compared(
    db: Database, make_binjai: Callable[..., SelectionInfo]
) -> None:
    info = make_binjai(double_entry=True)
    # Two people typed Budi's and Sari's sheets; Sari's second entry has not come yet.
    for who in (Actor("ratna", "operator"), Actor("dewi", "operator")):
        save_draft(db, who, info.id, "001", "PRAKTIK", "90", assessor="Budi")
    save_draft(db, Actor("ratna", "operator"), info.id, "001", "PRAKTIK", "40", assessor="Sari")
    assert spread_flags(db, info.id) == []
    save_draft(db, Actor("dewi", "operator"), info.id, "001", "PRAKTIK", "40", assessor="Sari")
    assert [(f.participant, f.spread) for f in spread_flags(db, info.id)] == [
        ("001", Decimal("50"))
    ]


def test_an_unknown_stage_is_refused(
    db: Database, make_binjai: Callable[..., SelectionInfo]
) -> None:
    info = make_binjai()
    with pytest.raises(UserError) as refused:
        spread_flags(db, info.id, "SKB")
    assert refused.value.message == "stage.not_found"


def test_flags_kept_per_formation_are_the_flags_computed_afresh(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services import spread
    from app.services.demo import create_demo
    from app.services.participants import list_participants
    from app.services.score_entry import known_assessors

    def fresh() -> list[SpreadFlag]:
        monkeypatch.setattr(spread, "_KEPT", {})
        return spread_flags(db, info.id)

    info = create_demo(db, ADMIN, "binjai-kompetensi", participants=120, seed=4)
    first, second = known_assessors(db, info.id, "PRAKTIK")[:2]
    people = list_participants(db, info.id)
    one = people[0]
    other = next(p for p in people if p.formation != one.formation)
    seen = [spread_flags(db, info.id)]
    # Assessors far apart for one participant, then for one of another formation, then
    # close together again for the first: each time one formation moves.
    for person, low, high in ((one, "10", "95"), (other, "20", "90"), (one, "70", "71")):
        for assessor in (first, second):
            for aspect in ASPECTS:
                value = low if assessor == first else high
                save_score(
                    db,
                    ADMIN,
                    info.id,
                    person.number,
                    "PRAKTIK",
                    value,
                    assessor=assessor,
                    aspect=aspect,
                    reason="koreksi uji",
                )
        seen.append(spread_flags(db, info.id))
        assert seen[-1] == fresh()
    assert [{f.participant for f in flags} & {one.number, other.number} for flags in seen] == [
        set(),
        {one.number},
        {one.number, other.number},
        {other.number},
    ]
