"""The legend of a stage's results: which codes it prints and what each one means.

One function for the window, the documents and the command line, so a code can never be
explained one way on screen and another way on paper. The meanings are keys, not words:
each caller translates ``legend.<key>`` in its own catalogue (the rules know no language).
"""

from __future__ import annotations

from dataclasses import dataclass

from .scheme import NOTE_INCOMPLETE, NOTE_TIE, Stage
from .status import PRINTED_STATUSES, Status


@dataclass(frozen=True, slots=True)
class LegendEntry:
    """One printed code (or note) and what it stands for.

    ``statuses`` are the outcomes printed as ``code``, in legend order (more than one where a
    scheme shares a code, e.g. ``TMS-1``); they are empty for the notes ``SERI`` and ``BELUM
    LENGKAP``. ``meanings`` are the catalogue keys explaining it, one per status.
    """

    code: str
    statuses: tuple[Status, ...]
    meanings: tuple[str, ...]

    @property
    def is_tie(self) -> bool:
        return self.code == NOTE_TIE and not self.statuses

    @property
    def is_incomplete(self) -> bool:
        return self.code == NOTE_INCOMPLETE and not self.statuses


def meaning_key(status: Status, final: bool) -> str:
    """A status's meaning differs only in the ranked outcomes: a seat, or a place in the cut."""
    if status is Status.WITHIN_QUOTA:
        return "within_final" if final else "within_cut"
    if status is Status.OUTSIDE_QUOTA:
        return "outside_final" if final else "outside_cut"
    return status.value


def legend(stage: Stage, final: bool, *, incomplete: bool = True) -> tuple[LegendEntry, ...]:
    """Every code the stage can print, each once, then the notes.

    ``below_threshold`` is explained only where a component has a threshold (nobody can be
    below one otherwise). ``SERI`` is explained at the final stage, the only one where a tie
    at the boundary waits for the committee; ``BELUM LENGKAP`` unless the caller knows that
    every score is in (an announcement is issued only then).
    """
    has_threshold = any(c.threshold is not None for c in stage.components)
    merged: dict[str, list[Status]] = {}
    for status in PRINTED_STATUSES:
        if status is Status.BELOW_THRESHOLD and not has_threshold:
            continue
        code = stage.codes.code_for(status)
        if code is not None:
            merged.setdefault(code, []).append(status)
    entries = [
        LegendEntry(code, tuple(statuses), tuple(meaning_key(s, final) for s in statuses))
        for code, statuses in merged.items()
    ]
    if final:
        entries.append(LegendEntry(NOTE_TIE, (), ("tie",)))
    if incomplete:
        entries.append(LegendEntry(NOTE_INCOMPLETE, (), ("incomplete",)))
    return tuple(entries)
