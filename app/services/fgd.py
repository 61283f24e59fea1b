"""FGD weighting (issue #14 §1): a file of stakeholders' pairwise judgments, weighed.

``seleksi fgd weights FILE`` and, later, the Rancangan Kebijakan page read one file with a
row per judgment::

    responden, kelompok, bobot_kelompok, kriteria_a, kriteria_b, nilai

``nilai`` > 1 means ``kriteria_a`` is that many times as important as ``kriteria_b`` on
Saaty's 1–9 scale; a reciprocal may be written ``1/3``, ``0.333`` or ``0,33``
(``ahp.scale``). A criterion is a component code (``PRAKTIK``) or ``COMPONENT.ASPECT``
(``PRAKTIK.TEKNIS``). A row with an empty ``nilai`` is a pair the respondent left unanswered
on the paper questionnaire: it is left out, and the matrix is completed by Harker's method
as long as the respondent's other judgments still connect every criterion.

All or nothing: every bad row is named (a value outside [1/9, 9], a criterion compared with
itself or across levels, a pair one respondent judged twice, a respondent whose group
weight differs between rows, a group whose respondents give it different weights, a
respondent whose judgments leave a criterion cut off) and no weight is computed until the
file is right. Nothing is stored: the file is read, weighed and described; with a stage of a
scheme the criteria are checked against its components and aspects and the percentages are
proposed into a draft of its weights, validated by every rule of the scheme
(``ahp.draft``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.messages import t

from .database import Database
from .errors import ImportRejected, UserError
from .participants_import import name_problems, open_table
from .schemes import chosen_stage
from .tabular import EXTRA, CellError, parse_decimal

if TYPE_CHECKING:
    from app.scoring import Scheme
    from app.scoring.ahp import FgdResult, Priorities, WeightDraft

COLUMNS = ("responden", "kelompok", "bobot_kelompok", "kriteria_a", "kriteria_b", "nilai")
_FIELDS = {
    "a": "kriteria_a",
    "b": "kriteria_b",
    "value": "nilai",
    "group_weight": "bobot_kelompok",
    "respondent": "responden",
}


@dataclass(frozen=True, slots=True)
class FgdWeights:
    """What a file of judgments gives.

    ``judgments`` counts the rows read as judgments, ``unanswered`` the rows left blank;
    ``stage`` and ``draft`` are set when a scheme's stage was given.
    """

    file: str
    sha256: str
    judgments: int
    unanswered: int
    result: FgdResult
    stage: str | None = None
    draft: WeightDraft | None = None


def fgd_weights(
    path: Path,
    *,
    exclude_inconsistent: bool = False,
    scheme: Scheme | None = None,
    stage: str | None = None,
) -> FgdWeights:
    """Weigh the judgments of ``path`` (see the module text). With ``scheme``, ``stage``
    (default: its last stage) names the criteria allowed and receives the proposed weights;
    ``ImportRejected`` lists every bad row, ``UserError`` any other reason."""
    path = Path(path)
    table = open_table(path, COLUMNS)
    return weigh_rows(
        table.rows,
        source=path.name,
        sha256=table.sha256,
        exclude_inconsistent=exclude_inconsistent,
        scheme=scheme,
        stage=stage,
    )


def weigh_rows(
    rows: Sequence[tuple[int, dict[str, str]]],
    *,
    source: str,
    sha256: str = "",
    exclude_inconsistent: bool = False,
    scheme: Scheme | None = None,
    stage: str | None = None,
) -> FgdWeights:
    """``fgd_weights`` of rows already read (``(row number, cells by column)``): a file's,
    or a draft's stored judgments; ``source`` names them in a refusal."""
    from app.scoring.ahp import (
        AhpError,
        FgdInvalid,
        analyse_fgd,
        propose_weights,
        response_problems,
        stage_criteria,
    )

    criteria: dict[str, tuple[str, ...]] | None = None
    stage_code: str | None = None
    if scheme is not None:
        chosen = chosen_stage(scheme, stage)
        stage_code = chosen.code
        try:
            criteria = stage_criteria(chosen)
        except AhpError as error:
            raise UserError(error.message, **error.params) from error
    responses, places, unanswered, errors = _read_rows(rows)
    if errors:
        # The rules' problems of the rows that did read, too: every bad row in one pass.
        found = response_problems(responses, criteria)
        errors.extend(_cell_errors(found, places))
        errors.sort(key=lambda e: (e.row, e.field))
        raise ImportRejected(source, errors)
    try:
        result = analyse_fgd(
            responses, criteria=criteria, exclude_inconsistent=exclude_inconsistent
        )
    except FgdInvalid as invalid:
        raise ImportRejected(source, _cell_errors(invalid.problems, places)) from invalid
    except AhpError as error:
        raise UserError(error.message, **readable_params(error.params)) from error
    draft = None
    if scheme is not None and stage_code is not None:
        draft = propose_weights(scheme, stage_code, result)
    return FgdWeights(
        file=source,
        sha256=sha256,
        judgments=sum(len(r.judgments) for r in responses),
        unanswered=unanswered,
        result=result,
        stage=stage_code,
        draft=draft,
    )


def fgd_weights_for_selection(
    db: Database,
    selection_id: int,
    path: Path,
    *,
    stage: str | None = None,
    exclude_inconsistent: bool = False,
) -> FgdWeights:
    """``fgd_weights`` against the scheme of a selection (read only: a scheme is what every
    announcement prints, so reading it needs no role)."""
    from .scheme_edit import current_scheme

    return fgd_weights(
        path,
        exclude_inconsistent=exclude_inconsistent,
        scheme=current_scheme(db, selection_id),
        stage=stage,
    )


@dataclass(slots=True)
class _Respondent:
    name: str
    group: str
    weight: Decimal
    weight_text: str
    first_row: int
    rows: list[int]
    judgments: list[Any]


def _read_rows(
    rows: Sequence[tuple[int, dict[str, str]]],
) -> tuple[list[Any], list[tuple[int, list[int]]], int, list[CellError]]:
    """The responses of the rows, each respondent's rows (first row, row of each judgment),
    the number of unanswered rows, and every problem a row has on its own."""
    from app.scoring.ahp import Judgment, Respondent, Response, normalize_criterion

    errors: list[CellError] = []
    found: dict[str, _Respondent] = {}
    groups: dict[str, str] = {}
    unanswered = 0
    for row, cells in rows:
        if cells.get(EXTRA):
            errors.append(CellError(row, "", "cell.extra_cells", {"value": cells[EXTRA][:80]}))
            continue
        name = " ".join(cells["responden"].split())
        group = " ".join(cells["kelompok"].split())
        problems: list[CellError] = []
        for column, text in (("responden", name), ("kelompok", group)):
            if not text:
                problems.append(CellError(row, column, "import.required", {}))
            else:
                problems.extend(name_problems(text, row, column))
        weight = _group_weight(cells["bobot_kelompok"], row, problems)
        a = normalize_criterion(cells["kriteria_a"])
        b = normalize_criterion(cells["kriteria_b"])
        for column, text in (("kriteria_a", a), ("kriteria_b", b)):
            if not text:
                problems.append(CellError(row, column, "import.required", {}))
        value_text = cells["nilai"].strip()
        value = _judgment(value_text, row, problems) if value_text else None
        if problems:
            errors.extend(problems)
            continue
        assert weight is not None
        key = name.casefold()
        group_key = groups.setdefault(group.casefold(), group)
        respondent = found.get(key)
        if respondent is None:
            respondent = found[key] = _Respondent(
                name, group_key, weight, cells["bobot_kelompok"].strip(), row, [], []
            )
        elif respondent.group.casefold() != group.casefold():
            errors.append(
                CellError(
                    row,
                    "kelompok",
                    "fgd.respondent_group_differs",
                    {"respondent": name, "first": respondent.group, "row": respondent.first_row},
                )
            )
            continue
        elif respondent.weight != weight:
            errors.append(
                CellError(
                    row,
                    "bobot_kelompok",
                    "fgd.respondent_weight_differs",
                    {
                        "respondent": name,
                        "first": respondent.weight_text,
                        "row": respondent.first_row,
                    },
                )
            )
            continue
        if value is None:
            unanswered += 1
            continue
        respondent.rows.append(row)
        respondent.judgments.append(Judgment(a, b, float(value)))
    responses = [
        Response(Respondent(r.name, r.group, float(r.weight)), tuple(r.judgments))
        for r in found.values()
    ]
    places = [(r.first_row, r.rows) for r in found.values()]
    return responses, places, unanswered, errors


def _group_weight(text: str, row: int, problems: list[CellError]) -> Decimal | None:
    stripped = text.strip()
    if not stripped:
        problems.append(CellError(row, "bobot_kelompok", "import.required", {}))
        return None
    try:
        weight = parse_decimal(stripped)
    except ValueError:
        problems.append(CellError(row, "bobot_kelompok", "fgd.bad_number", {"value": stripped}))
        return None
    if weight <= 0:
        problems.append(
            CellError(row, "bobot_kelompok", "fgd.group_weight_positive", {"group": ""})
        )
        return None
    return weight


def judgment_value(text: str) -> Fraction | None:
    """``3``, ``1/3``, ``0,333`` as the judgment it means (``None``: not one): how a form
    shows a stored answer."""
    return _judgment(text, 0, [])


def _judgment(text: str, row: int, problems: list[CellError]) -> Fraction | None:
    """``3``, ``1/3``, ``0,333``: the judgment, or a problem naming the cell."""
    from app.scoring.ahp import in_scale, judgment_of_decimal

    try:
        if "/" in text:
            top, _, bottom = text.partition("/")
            denominator = parse_decimal(bottom)
            if denominator == 0:
                raise ValueError(text)
            value = Fraction(parse_decimal(top)) / Fraction(denominator)
        else:
            value = judgment_of_decimal(parse_decimal(text))
    except ValueError:
        problems.append(CellError(row, "nilai", "fgd.bad_number", {"value": text}))
        return None
    if not in_scale(value):
        problems.append(CellError(row, "nilai", "fgd.out_of_scale", {"value": text}))
        return None
    return value


def _cell_errors(problems: Sequence[Any], places: list[tuple[int, list[int]]]) -> list[CellError]:
    errors = []
    for problem in problems:
        first_row, rows = places[problem.respondent]
        row = first_row if problem.judgment is None else rows[problem.judgment]
        params = dict(problem.params)
        if "first" in params and problem.message == "fgd.pair_twice":
            params["first"] = rows[params["first"]]
        errors.append(
            CellError(row, _FIELDS[problem.field], problem.message, readable_params(params))
        )
    errors.sort(key=lambda e: (e.row, e.field))
    return errors


def readable_params(params: Mapping[str, Any]) -> dict[str, Any]:
    """A rule's message parameters for a person: floats as the short decimals typed
    (``0.35``, not ``0.35000000000000003``), a level by its name (the components, or the
    aspects of ``PRAKTIK``)."""
    found = {
        key: Decimal(repr(value)) if isinstance(value, float) else value
        for key, value in params.items()
    }
    if "level" in found:
        found["level"] = level_name(str(found["level"]))
    return found


def level_name(key: str) -> str:
    """``""`` → "komponen"; ``PRAKTIK`` → "aspek PRAKTIK" (in the current language)."""
    return t("fgd.level.top") if not key else t("fgd.level.aspects", component=key)


# --- the figures, for the JSON of ``fgd weights`` and the window ---------------------------

WEIGHT_PLACES = 6
RATIO_PLACES = 4


def fgd_figures(weights: FgdWeights) -> dict[str, Any]:
    """Everything as JSON-ready numbers with decimal points (machine text, for scripts).

    Keys: ``weights`` (the top level's group weights, fractions summing to 1), ``percent``
    (whole, summing to 100), ``group_cr``, ``group_lambda_max``, ``consensus``,
    ``consensus_band``, ``spread`` (per criterion: ``min``, ``max``, ``mean``, ``sd``,
    ``q1``, ``q3``), ``respondents.<NAME>`` (``group``, ``share``, ``cr``, ``ci``,
    ``lambda_max``, ``consistent``, ``weights``, ``missing``, ``most_inconsistent_pair``,
    ``aspects.<COMPONENT>`` with the same for each aspect level), ``aspects.<COMPONENT>``
    (the group's figures of that component's aspects), ``global_weights``, ``excluded``,
    ``exclude_inconsistent``, ``method``, and ``draft`` when a stage was given.
    """
    from app.scoring.ahp import CR_LIMIT, RANDOM_INDEX_SOURCE, TOP

    result = weights.result
    top = result.top
    figures: dict[str, Any] = {
        "file": weights.file,
        "sha256": weights.sha256,
        "judgments": weights.judgments,
        "unanswered": weights.unanswered,
    }
    figures |= _level_figures(top) if top is not None else _level_figures(None)
    figures["aspects"] = {
        level.key: _level_figures(level) for level in result.levels if level.key != TOP
    }
    figures["global_weights"] = {
        k: round(v, WEIGHT_PLACES) for k, v in result.global_weights.items()
    }
    respondents: dict[str, Any] = {}
    for respondent in result.respondents:
        entry: dict[str, Any] = {"group": respondent.group, "group_weight": respondent.group_weight}
        if top is not None and respondent.name in top.respondents:
            entry |= _respondent_figures(top.respondents[respondent.name])
            entry["share"] = _share(top.shares.get(respondent.name))
        else:
            entry |= {"cr": None, "weights": {}}
        entry["aspects"] = {
            level.key: _respondent_figures(level.respondents[respondent.name])
            | {"share": _share(level.shares.get(respondent.name))}
            for level in result.levels
            if level.key != TOP and respondent.name in level.respondents
        }
        respondents[respondent.name] = entry
    figures["respondents"] = respondents
    figures["exclude_inconsistent"] = result.exclude_inconsistent
    figures["excluded"] = [
        {"respondent": e.respondent, "level": e.level or None, "cr": round(e.cr, RATIO_PLACES)}
        for e in result.excluded
    ]
    figures["method"] = {
        "weights": "principal eigenvector (Saaty 1977, 1980)",
        "random_index": RANDOM_INDEX_SOURCE,
        "cr_limit": CR_LIMIT,
        "incomplete": "Harker (1987) eigenvector method",
        "aggregation": "weighted geometric mean of judgments, AIJ (Forman & Peniwati 1998)",
        "consensus": "AHP consensus indicator S* (Goepel 2013)",
        "percent": "largest remainder (Hamilton)",
    }
    if weights.draft is not None:
        figures["draft"] = draft_figures(weights.draft)
    return figures


def draft_figures(draft: WeightDraft) -> dict[str, Any]:
    """The proposed weights beside today's, and whether the draft may be adopted (each
    problem with its scheme key and its sentence in the current language)."""
    return {
        "stage": draft.stage,
        "weights": dict(draft.components),
        "current_weights": {k: _plain(v) for k, v in draft.current_components.items()},
        "aspects": {k: dict(v) for k, v in draft.aspects.items()},
        "current_aspects": {
            k: {a: _plain(w) for a, w in v.items()} for k, v in draft.current_aspects.items()
        },
        "adoptable": draft.adoptable,
        "problems": [
            {"key": p.key, "message": p.message, "text": t(p.message, p.params)}
            for p in draft.problems
        ],
    }


def _level_figures(level: Any) -> dict[str, Any]:
    if level is None:
        return {
            "weights": {},
            "percent": {},
            "group_cr": None,
            "group_lambda_max": None,
            "consensus": None,
            "consensus_band": None,
            "spread": {},
        }
    group: Priorities = level.group
    short = _short_names(level)
    return {
        "weights": {short[k]: round(w, WEIGHT_PLACES) for k, w in group.as_dict().items()},
        "percent": {short[k]: p for k, p in level.percent_of().items()},
        "group_cr": round(group.cr, RATIO_PLACES),
        "group_lambda_max": round(group.lambda_max, RATIO_PLACES),
        "consensus": None if level.consensus is None else round(level.consensus, RATIO_PLACES),
        "consensus_band": level.consensus_band,
        "spread": {
            short[name]: {
                "min": round(s.minimum, WEIGHT_PLACES),
                "max": round(s.maximum, WEIGHT_PLACES),
                "mean": round(s.mean, WEIGHT_PLACES),
                "sd": None if s.sd is None else round(s.sd, WEIGHT_PLACES),
                "q1": round(s.q1, WEIGHT_PLACES),
                "q3": round(s.q3, WEIGHT_PLACES),
            }
            for name, s in zip(level.criteria, level.spread, strict=True)
        },
    }


def _short_names(level: Any) -> dict[str, str]:
    """An aspect level's criteria by their aspect code (``TEKNIS``), the top level's as they are."""
    return {name: name.rpartition(".")[2] if level.key else name for name in level.criteria}


def _respondent_figures(found: Priorities) -> dict[str, Any]:
    pair = found.most_inconsistent
    short = {name: name.rpartition(".")[2] for name in found.criteria}
    return {
        "cr": round(found.cr, RATIO_PLACES),
        "ci": round(found.ci, RATIO_PLACES),
        "lambda_max": round(found.lambda_max, RATIO_PLACES),
        "consistent": found.consistent,
        "weights": {short[k]: round(w, WEIGHT_PLACES) for k, w in found.as_dict().items()},
        "missing": found.missing,
        "most_inconsistent_pair": None
        if pair is None
        else {
            "a": pair.a,
            "b": pair.b,
            "given": round(pair.given, RATIO_PLACES),
            "implied": round(pair.implied, RATIO_PLACES),
            "equally": [list(other) for other in pair.equally],
        },
    }


def _share(value: float | None) -> float | None:
    return None if value is None else round(value, WEIGHT_PLACES)


def _plain(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)
