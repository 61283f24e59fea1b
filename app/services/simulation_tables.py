"""The simulation's tables as a workbook (``seleksi simulate --xlsx tabel.xlsx``, issue #14).

The same tables as the JSON (``simulation.simulation_figures``), one sheet per question, as
``evaluation_tables`` lays out the evaluation's: *Ringkasan* (the stage under today's scheme
and the draft, and the overall changes), *Formasi* (per formation: tau-b, changed outcomes,
seats), *Perubahan* (every changed outcome with the rule behind it), *Bobot efektif* and
*Keadilan* (both schemes side by side). Headers are Indonesian, as on every document the
program makes, whatever the interface language; numbers stay numbers, formatted per cell so
Excel in Indonesian settings shows a decimal comma. No names: the workbook is made for the
drafting team's discussion, where a participant number says enough.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.messages import translate
from app.scoring.legend import meaning_key
from app.scoring.status import Status

from .evaluation_tables import FIGURE, RATE, save_workbook
from .evaluation_tables import append_row as _row

SCORE = FIGURE


def _id(key: str, **params: Any) -> str:
    return translate("id", key, **params)


def write_simulation_tables(figures: dict[str, Any], out: Path) -> Path:
    """Write the tables of ``figures`` (``simulation_figures``) to ``out``."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    head = _id
    sheets = {
        "summary": ["figure", "today", "draft"],
        "formations": ["formation", "quota", "participants", "ranked_both", "tau", "changed",
                       "gained", "lost"],
        "changed": ["formation", "number", "old_stage", "old_code", "old_rank", "old_final",
                    "new_stage", "new_code", "new_rank", "new_final", "rule", "seat"],
        "weights": ["component", "stated_today", "r_today", "n_today", "stated_draft",
                    "r_draft", "n_draft"],
        "fairness": ["group", "level", "applicants_today", "selected_today", "rate_today",
                     "ratio_today", "applicants_draft", "selected_draft", "rate_draft",
                     "ratio_draft"],
    }  # fmt: skip
    columns = {
        "formation": "simulation.col.formation",
        "quota": "simulation.col.quota",
        "participants": "simulation.col.participants",
        "tau": "simulation.col.tau",
        "changed": "simulation.col.changed",
        "gained": "simulation.col.gained",
        "lost": "simulation.col.lost",
    }
    first = True
    for name, header in sheets.items():
        sheet = book.active if first else book.create_sheet()
        first = False
        assert sheet is not None
        sheet.title = head(f"simulation.sheet.{name}")
        sheet.append([head(columns.get(k, f"simulation.head.{k}")) for k in header])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
    summary, formations, changed, weights, fairness = book.worksheets
    _summary(summary, figures)
    for code, found in figures["formations"].items():
        _row(formations, [code, found["kebutuhan"], found["participants"], found["ranked_both"],
                          found["kendall_tau"], len(found["changed"]), len(found["seats_gained"]),
                          len(found["seats_lost"])], {4: FIGURE})  # fmt: skip
        gained, lost = set(found["seats_gained"]), set(found["seats_lost"])
        for c in found["changed"]:
            number = c["nomor_peserta"]
            seat = (_id("simulation.seat.gained") if number in gained
                    else _id("simulation.seat.lost") if number in lost else "")  # fmt: skip
            _row(changed, [code, number, c["old_stage"], c["old_code"], c["old_rank"],
                           c["old_final"], c["new_stage"], c["new_code"], c["new_rank"],
                           c["new_final"], _id(f"simulation.rule.{c['rule']}"), seat],
                 {5: SCORE, 9: SCORE})  # fmt: skip
    today, draft = (figures["effective_weights"][side] for side in ("current", "draft"))
    for code in [*today, *(c for c in draft if c not in today)]:
        before, after = today.get(code, {}), draft.get(code, {})
        _row(weights, [code, before.get("stated"), before.get("pearson"), before.get("n"),
                       after.get("stated"), after.get("pearson"), after.get("n")],
             {2: FIGURE, 5: FIGURE})  # fmt: skip
    _fairness(fairness, figures["fairness"])
    return save_workbook(book, out)


def _summary(sheet: Any, figures: dict[str, Any]) -> None:
    today, draft = figures["flow"]["current"], figures["flow"]["draft"]
    final = bool(figures["final_stage"])
    _row(sheet, [_id("simulation.figure.registered"), today["registered"], draft["registered"]])
    _row(sheet, [_id("simulation.figure.kebutuhan"), today["kebutuhan"], draft["kebutuhan"]])
    _row(sheet, [_id("simulation.figure.within_quota"), today["within_quota"],
                 draft["within_quota"]])  # fmt: skip
    _row(sheet, [_id("simulation.figure.pass_rate"), today["pass_rate"], draft["pass_rate"]],
         {1: RATE, 2: RATE})  # fmt: skip
    statuses = [*today["statuses"], *(s for s in draft["statuses"] if s not in today["statuses"])]
    for value in statuses:
        meaning = _id(f"legend.{_legend_key(Status(value), final)}")
        _row(sheet, [_id("simulation.figure.status", meaning=meaning),
                     today["statuses"].get(value, 0), draft["statuses"].get(value, 0)])  # fmt: skip
    overall = figures["overall"]
    _row(sheet, [_id("simulation.figure.changed"), None, overall["changed"]])
    for rule, count in overall["changed_by_rule"].items():
        label = _id("simulation.figure.changed_rule", rule=_id(f"simulation.rule.{rule}"))
        _row(sheet, [label, None, count])
    _row(sheet, [_id("simulation.figure.gained"), None, overall["seats_gained"]])
    _row(sheet, [_id("simulation.figure.lost"), None, overall["seats_lost"]])
    _row(sheet, [_id("simulation.figure.formations_changed"), None,
                 overall["formations_changed"]])  # fmt: skip
    _row(sheet, [_id("simulation.figure.tau_mean"), None, overall["kendall_tau_mean"]],
         {2: FIGURE})  # fmt: skip
    lowest = overall["kendall_tau_lowest"]
    if lowest is not None:
        label = _id("simulation.figure.tau_lowest", formation=lowest["formation"])
        _row(sheet, [label, None, lowest["kendall_tau"]], {2: FIGURE})


def _legend_key(status: Status, final: bool) -> str:
    return "tie" if status is Status.TIED else meaning_key(status, final)


def _fairness(sheet: Any, fairness: dict[str, Any]) -> None:
    today, draft = fairness["current"], fairness["draft"]
    for group in [*today, *(g for g in draft if g not in today)]:
        before, after = today.get(group, {}), draft.get(group, {})
        levels = [*before.get("levels", {})]
        levels += [level for level in after.get("levels", {}) if level not in levels]
        for level in levels:
            old = before.get("levels", {}).get(level, {})
            new = after.get("levels", {}).get(level, {})
            _row(sheet, [_id(f"simulation.group.{group}"), level, old.get("applicants"),
                         old.get("selected"), old.get("rate"), before.get("impact_ratio"),
                         new.get("applicants"), new.get("selected"), new.get("rate"),
                         after.get("impact_ratio")],
                 {4: RATE, 5: FIGURE, 8: RATE, 9: FIGURE})  # fmt: skip


__all__ = ["write_simulation_tables"]
