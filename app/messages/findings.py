"""A finding of the evaluation in plain words (``app.scoring.monev.findings``), with its number.

``finding_text(finding)`` is the sentence a Kepala BKPSDM reads: "Kesepakatan penilai
komponen Tes Praktik Kerja rendah: ICC(2,1) 0,62 (IK 95 % 0,48–0,74), di bawah 0,75; …".
The rule keeps its numbers as numbers; here they get the decimals that carry meaning and the
language's way of writing them (Indonesian: decimal comma; English: point). A long list (the
formations left empty, the small groups) names its first few and counts the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from app.numbers import NumberStyle, count_for_people, style_for

from . import language as current_language
from . import translate
from .figures import SMALLEST_P, fixed_text, interval_text, p_text, percent_text, plain_number

if TYPE_CHECKING:
    from app.scoring.monev.findings import Finding

LISTED = 8
"""Items a finding names before "dan N lainnya"; the report's tables list every one."""


def finding_text(finding: Finding, language: str | None = None, *, with_stage: bool = False) -> str:
    """The finding as a sentence in ``language`` (default: the current one). ``with_stage``:
    prefixed with the stage's code (``Tahap SKD: …``), for a list that mixes the stages."""
    code = language or current_language()
    style = style_for(code)
    params = finding.params
    shape = _SHAPES.get(finding.message)
    fields = shape(params, code, style) if shape is not None else dict(params)
    sentence = translate(code, finding.message, fields)
    if with_stage and params.get("stage"):
        return translate(code, "monev.finding.in_stage", stage=params["stage"], text=sentence)
    return sentence


def band_text(band: str, language: str) -> str:
    """A Koo & Li (2016) band in words (``moderate`` → ``sedang``)."""
    return translate(language, f"monev.band.{band}") if band else "-"


def group_text(group: str, language: str) -> str:
    """A fairness grouping in words (``sex`` → ``jenis kelamin``)."""
    return translate(language, f"monev.group.{group}")


def level_text(group: str, level: str, language: str) -> str:
    """A level of a grouping as a reader says it: an age band gets its "usia"."""
    if group == "age":
        return translate(language, "monev.age_level", level=level)
    # The levels the evaluation itself names (not data typed by people) read in the language.
    if (group, level) in _NAMED_LEVELS:
        return translate(language, _NAMED_LEVELS[(group, level)])
    return level


_NAMED_LEVELS = {
    ("sex", "laki-laki"): "monev.level.male",
    ("sex", "perempuan"): "monev.level.female",
    ("local", "lokal"): "monev.level.local",
    ("local", "luar daerah"): "monev.level.non_local",
}


def kind_text(kind: str, language: str) -> str:
    return translate(language, f"monev.kind.{kind}") if kind else ""


def reasons_text(statuses: Mapping[str, int], language: str) -> str:
    """Why nobody is within the quota: ``5 di bawah ambang, 1 tidak hadir`` (largest first)."""
    style = style_for(language)
    parts = [
        translate(
            language,
            "monev.status.count",
            count=count_for_people(count, style),
            status=translate(language, f"monev.status.{status}"),
        )
        for status, count in sorted(statuses.items(), key=lambda item: (-item[1], item[0]))
        if count
    ]
    return ", ".join(parts) or translate(language, "monev.no_participants")


def listed(items: Sequence[str], language: str, limit: int = LISTED) -> str:
    """``a, b, c`` or, beyond ``limit``, the first ones and ``dan N lainnya``."""
    if len(items) <= limit:
        return ", ".join(items)
    rest = translate(language, "monev.more", count=count_for_people(len(items) - limit))
    return ", ".join(items[:limit]) + ", " + rest


def measure_text(name: str, language: str) -> str:
    """What a validity is of: ``nilai Tes Praktik Kerja``, or ``nilai akhir``."""
    if not name:
        return translate(language, "monev.final_score")
    return translate(language, "monev.measure", name=name)


# -- the fields of each message ----------------------------------------------------------------


def p_clause(p: float | None, language: str) -> str:
    """``p = 0,012`` or ``p < 0,001``."""
    style = style_for(language)
    if p is not None and p < SMALLEST_P:
        return translate(language, "monev.p_below", p=fixed_text(SMALLEST_P, 3, style))
    return translate(language, "monev.p_equals", p=p_text(p, style))


def _to(language: str) -> str:
    return translate(language, "monev.to")


def _icc(params: Mapping[str, Any], language: str, style: NumberStyle) -> dict[str, str]:
    return {
        "name": str(params.get("name", "")),
        "aspect_name": str(params.get("aspect_name", "")),
        "icc": fixed_text(params["icc"], 2, style),
        "ci": interval_text(params.get("ci95"), 2, style, to=_to(language)),
        "limit": fixed_text(params["limit"], 2, style),
        "band": band_text(str(params.get("band", "")), language),
        "n": count_for_people(int(params.get("n", 0)), style),
        "k": count_for_people(int(params.get("k", 0)), style),
    }


def _assessor(params: Mapping[str, Any], language: str, style: NumberStyle) -> dict[str, str]:
    return {
        "assessor": str(params["assessor"]),
        "name": str(params.get("name", "")),
        "deviation": fixed_text(abs(params["deviation"]), 1, style),
        "ci": ""
        if params.get("ci95") is None
        else translate(
            language,
            "monev.ci_clause",
            ci=interval_text(params["ci95"], 1, style, to=_to(language)),
        ),
        "n": count_for_people(int(params.get("n", 0)), style),
        "limit": plain_number(params["limit"], style),
    }


def _fairness(params: Mapping[str, Any], language: str, style: NumberStyle) -> dict[str, str]:
    group = str(params["group"])
    return {
        "group_name": group_text(group, language),
        "ratio": fixed_text(params["ratio"], 2, style),
        "lowest": level_text(group, str(params["lowest"]), language),
        "lowest_rate": percent_text(params["lowest_rate"], 1, style),
        "highest": level_text(group, str(params["highest"]), language),
        "highest_rate": percent_text(params["highest_rate"], 1, style),
        "limit": fixed_text(params["limit"], 1, style),
        "p": p_clause(params.get("fisher_p"), language),
    }


def _small(params: Mapping[str, Any], language: str, style: NumberStyle) -> dict[str, str]:
    group = str(params["group"])
    levels = [
        f"{level_text(group, str(level), language)} ({count_for_people(int(count), style)})"
        for level, count in params.get("levels", ())
    ]
    return {
        "group_name": group_text(group, language),
        "limit": count_for_people(int(params["limit"]), style),
        "levels": listed(levels, language),
    }


def _pileup(params: Mapping[str, Any], language: str, style: NumberStyle) -> dict[str, str]:
    below = params.get("just_below")
    ratio = params["ratio"]
    return {
        "name": str(params.get("name", "")),
        "threshold": plain_number(params["threshold"], style),
        "share": percent_text(params["share"], 1, style),
        "expected": percent_text(params["expected_share"], 1, style),
        "ratio": "∞" if ratio == float("inf") else fixed_text(ratio, 1, style),
        "p": p_clause(params.get("p"), language),
        "below": "-" if below is None else percent_text(below, 1, style),
    }


def _empty(params: Mapping[str, Any], language: str, style: NumberStyle) -> dict[str, str]:
    formations = [
        translate(
            language,
            "monev.formation_reasons",
            formation=str(item["formation"]),
            position=str(item.get("position") or ""),
            reasons=reasons_text(item.get("statuses") or {}, language),
        ).replace("  ", " ")
        for item in params.get("formations", ())
    ]
    return {
        "count": count_for_people(int(params["count"]), style),
        "formations": listed(formations, language),
    }


def _validity(params: Mapping[str, Any], language: str, style: NumberStyle) -> dict[str, str]:
    reference = params.get("reference")
    return {
        "measure": measure_text(str(params.get("name", "")), language),
        "rho": fixed_text(params["rho"], 2, style),
        "ci": interval_text(params.get("ci95"), 2, style, to=_to(language)),
        "n": count_for_people(int(params.get("n", 0)), style),
        "reference": "-" if reference is None else fixed_text(reference, 2, style),
        "kind": kind_text(str(params.get("kind", "")), language),
    }


def _range(params: Mapping[str, Any], language: str, style: NumberStyle) -> dict[str, str]:
    return {
        "n": count_for_people(int(params["n"]), style),
        "registered": count_for_people(int(params["registered"]), style),
    }


_Shape = Callable[[Mapping[str, Any], str, NumberStyle], dict[str, str]]
_SHAPES: dict[str, _Shape] = {
    "monev.finding.icc": _icc,
    "monev.finding.icc_aspect": _icc,
    "monev.finding.assessor_lenient": _assessor,
    "monev.finding.assessor_harsh": _assessor,
    "monev.finding.fairness": _fairness,
    "monev.finding.small_group": _small,
    "monev.finding.pileup": _pileup,
    "monev.finding.empty": _empty,
    "monev.finding.validity_low": _validity,
    "monev.finding.validity_zero": _validity,
    "monev.finding.validity_low_zero": _validity,
    "monev.finding.range_restriction": _range,
}
