"""The merge rule of field laptops' packages (``app.scoring.merge``): hand-computed cases and
the properties that make merging safe: any order of packages, and any package again."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from hypothesis import given, settings
from hypothesis import strategies as st

from app.scoring.merge import EMPTY, MAIN, RowRecord, decide, fingerprint, in_conflict, merge_row

A, B = '[["",80000,null,false]]', '[["",75000,null,false]]'


def test_agreeing_claims_stand_and_disagreeing_ones_wait() -> None:
    assert decide({"Ruang 2": A}, None, None) == A
    assert decide({"Ruang 2": A, "Ruang 3": A}, None, None) == A
    # Two laptops disagree: nobody's value counts.
    assert decide({"Ruang 2": A, "Ruang 3": B}, None, None) == EMPTY
    assert in_conflict({"Ruang 2": A, "Ruang 3": B}, None, None)
    # The main laptop's own value is never overwritten.
    assert decide({MAIN: B, "Ruang 2": A}, None, None) == B
    # A decision holds for exactly the claims it was taken between.
    claims = {"Ruang 2": A, "Ruang 3": B}
    assert decide(claims, B, fingerprint(claims)) == B
    assert not in_conflict(claims, B, fingerprint(claims))
    newer = {"Ruang 2": A, "Ruang 3": '[["",76000,null,false]]'}
    assert decide(newer, B, fingerprint(claims)) == EMPTY and in_conflict(newer, B, None)


def test_the_main_laptops_claim_is_taken_when_it_had_or_changed_the_value() -> None:
    # Typed here before any package: the main laptop claims it.
    first = merge_row(B, "sekretaris", None, {}, "Ruang 2", A)
    assert first.claims == {MAIN: B, "Ruang 2": A} and first.result == B and first.conflict
    # Written by the merge, untouched here: no claim of the main laptop.
    second = merge_row(A, "rina", RowRecord(A), {"Ruang 2": A}, "Ruang 2", A)
    assert second.claims == {"Ruang 2": A} and second.record == RowRecord(A)
    # Corrected here after the merge wrote it.
    third = merge_row(B, "sekretaris", RowRecord(A), {"Ruang 2": A}, "Ruang 2", A)
    assert third.record.main_claim == B and third.result == B and third.conflict
    # The laptop's own later correction replaces its own earlier value.
    own = merge_row(A, "rina", RowRecord(A), {"Ruang 2": A}, "Ruang 2", B)
    assert own.result == B and not own.conflict


value = st.sampled_from([EMPTY, A, B, '[["",90000,null,false]]', '[["",null,null,true]]'])
devices = st.lists(st.sampled_from(["R1", "R2", "R3", "R4"]), min_size=1, max_size=4, unique=True)


@dataclass
class Row:
    """One sheet row on the main laptop: the table's value, the devices' claims, the record."""

    current: str
    claims: dict[str, str] = field(default_factory=dict)
    record: RowRecord | None = None

    def state(self) -> tuple[str, tuple[tuple[str, str], ...], RowRecord | None]:
        return self.current, tuple(sorted(self.claims.items())), self.record


def _import(row: Row, device: str, incoming: str) -> None:
    """One package into one row, as the service does: value, claims and record written back."""
    decision = merge_row(row.current, "x", row.record, row.claims, device, incoming)
    row.current = decision.result
    row.claims = {s: v for s, v in decision.claims.items() if s != MAIN}
    row.record = decision.record


@settings(max_examples=300, deadline=None)
@given(names=devices, data=st.data(), before=value)
def test_any_order_of_packages_gives_the_same_row(
    names: list[str], data: st.DataObject, before: str
) -> None:
    """Whatever the main laptop held first, the devices' packages in every order end in the
    same value, the same claims and the same record; and every package again changes nothing."""
    said = {name: data.draw(value, label=name) for name in names}
    outcomes = set()
    for order in itertools.permutations(names):
        row = Row(before)
        for name in order:
            _import(row, name, said[name])
        state = row.state()
        outcomes.add(state)
        for name in order:  # idempotent: the same packages again
            _import(row, name, said[name])
            assert row.state() == state
    assert len(outcomes) == 1
    (current, claims, _record) = outcomes.pop()
    distinct = set(said.values()) | ({before} if before != EMPTY else set())
    if len(distinct) == 1:
        assert current == next(iter(distinct))  # agreement is taken
    elif before != EMPTY:
        assert current == before  # the main laptop's value is never overwritten
    else:
        assert current == EMPTY  # devices disagree: nothing counts until decided
    assert dict(claims) == said
