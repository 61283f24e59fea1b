"""Reading and writing schemes as plain mappings (the TOML file format) with validation.

Validation collects every problem at once so the committee fixes a scheme in one pass; each
problem names the TOML key, e.g. ``stages[1].components[0].threshold``.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from .numbers import PLACES, decimal_places
from .problems import Problem, SchemeInvalid
from .scheme import (
    CATEGORICAL,
    CATEGORIES,
    COMPONENT_KINDS,
    KEY_FINAL,
    NOTE_INCOMPLETE,
    NOTE_TIE,
    NUMERIC,
    SCHEME_KINDS,
    SPECIAL_KEYS,
    STAGE_METHODS,
    WEIGHTED,
    Aspect,
    Component,
    Scheme,
    Stage,
    StageCodes,
)
from .status import MAY_SHARE_CODE, PRINTED_STATUSES, Status

CODE_FIELDS = (
    "within_quota",
    "outside_quota",
    "below_threshold",
    "absent",
    "requirement_failed",
    "withdrawn",
    "disqualified",
)

# PermenPANRB 6/2024 Pasal 36(4): in a regional SKB the CAT SKB weighs at least 60 %, one
# extra test at most 40 %, and that test may not be an interview.
REGIONAL_CAT_MIN_WEIGHT = Decimal(60)
REGIONAL_EXTRA_MAX_WEIGHT = Decimal(40)


class _Reader:
    """Pulls typed values out of a mapping, recording a problem instead of raising."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems

    def text(self, data: Mapping[str, Any], key: str, path: str, default: str | None = None) -> str:
        value = data.get(key, default)
        if value is None:
            self.problems.append(Problem(f"{path}.{key}".lstrip("."), "scheme.missing"))
            return ""
        if not isinstance(value, str) or not value.strip():
            self.problems.append(Problem(f"{path}.{key}".lstrip("."), "scheme.not_text"))
            return ""
        return value.strip()

    def decimal(
        self, data: Mapping[str, Any], key: str, path: str, default: Decimal | None = None
    ) -> Decimal | None:
        value = data.get(key)
        if value is None:
            return default
        if isinstance(value, bool):
            self.problems.append(Problem(f"{path}.{key}", "scheme.not_number"))
            return default
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            self.problems.append(Problem(f"{path}.{key}", "scheme.not_number"))
            return default
        if not number.is_finite():
            self.problems.append(Problem(f"{path}.{key}", "scheme.not_number"))
            return default
        return number

    def integer(self, data: Mapping[str, Any], key: str, path: str, default: int) -> int:
        value = data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            self.problems.append(Problem(f"{path}.{key}", "scheme.not_integer"))
            return default
        return value

    def strings(self, data: Mapping[str, Any], key: str, path: str) -> tuple[str, ...]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problems.append(Problem(f"{path}.{key}", "scheme.not_text_list"))
            return ()
        return tuple(v.strip() for v in value)

    def table_list(self, data: Mapping[str, Any], key: str, path: str) -> list[Mapping[str, Any]]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
            self.problems.append(Problem(f"{path}.{key}".lstrip("."), "scheme.not_table_list"))
            return []
        return value


def scheme_from_mapping(data: Mapping[str, Any], *, validate: bool = True) -> Scheme:
    """Build and validate a scheme; raises ``SchemeInvalid`` listing every problem.

    ``validate=False`` reads a draft (issue #14): a value that cannot be read is still
    refused, but the rules (weights summing to 100, the regulation's minimum shares…) are left
    to ``validate_scheme``, so a draft that breaks one can be kept, shown and corrected."""
    problems: list[Problem] = []
    read = _Reader(problems)
    stages = []
    for s_index, s_data in enumerate(read.table_list(data, "stages", "")):
        path = f"stages[{s_index}]"
        components = []
        for c_index, c_data in enumerate(read.table_list(s_data, "components", path)):
            components.append(_component(read, c_data, f"{path}.components[{c_index}]"))
        codes_data = s_data.get("codes", {})
        if not isinstance(codes_data, Mapping):
            problems.append(Problem(f"{path}.codes", "scheme.not_table"))
            codes_data = {}
        codes = StageCodes(
            **{
                name: read.text(codes_data, name, f"{path}.codes", _default_code(name))
                for name in CODE_FIELDS
            }
        )
        stages.append(
            Stage(
                code=read.text(s_data, "code", path).upper(),
                name=read.text(s_data, "name", path),
                method=read.text(s_data, "method", path),
                components=tuple(components),
                ranking=tuple(k.upper() for k in read.strings(s_data, "ranking", path)),
                codes=codes,
                quota_multiplier=read.integer(s_data, "quota_multiplier", path, 1),
                integrates=(
                    str(s_data["integrates"]).upper() if s_data.get("integrates") else None
                ),
                integrate_weight=read.decimal(s_data, "integrate_weight", path, Decimal(0))
                or Decimal(0),
            )
        )
    scheme = Scheme(
        code=read.text(data, "code", ""),
        name=read.text(data, "name", ""),
        kind=read.text(data, "kind", "").upper(),
        regional=_flag(data, "regional", "", problems),
        source=str(data.get("source", "")),
        stages=tuple(stages),
    )
    # One problem per key: a value the reader already refused is not reported twice.
    read_keys = {problem.key for problem in problems}
    if validate:
        problems.extend(p for p in validate_scheme(scheme) if p.key not in read_keys)
    if problems:
        raise SchemeInvalid(problems)
    return scheme


def _flag(data: Mapping[str, Any], key: str, path: str, problems: list[Problem]) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        problems.append(Problem(f"{path}.{key}".lstrip("."), "scheme.not_boolean"))
        return False
    return value


def _default_code(name: str) -> str | None:
    return {"withdrawn": "APS", "disqualified": "DIS"}.get(name)


def _component(read: _Reader, data: Mapping[str, Any], path: str) -> Component:
    aspects = []
    for a_index, a_data in enumerate(read.table_list(data, "aspects", path)):
        a_path = f"{path}.aspects[{a_index}]"
        aspects.append(
            Aspect(
                code=read.text(a_data, "code", a_path).upper(),
                name=read.text(a_data, "name", a_path),
                weight=read.decimal(a_data, "weight", a_path, Decimal(0)) or Decimal(0),
                description=str(a_data.get("description", "")),
            )
        )
    kind = str(data.get("kind", NUMERIC))
    return Component(
        code=read.text(data, "code", path).upper(),
        name=read.text(data, "name", path),
        kind=kind,
        category=str(data.get("category", "lainnya")),
        minimum=read.decimal(data, "min", path, Decimal(0)) or Decimal(0),
        maximum=read.decimal(data, "max", path, Decimal(100 if kind == NUMERIC else 0))
        or Decimal(0),
        step=read.decimal(data, "step", path, Decimal(1)) or Decimal(0),
        weight=read.decimal(data, "weight", path, Decimal(0)) or Decimal(0),
        threshold=read.decimal(data, "threshold", path),
        assessors=read.integer(data, "assessors", path, 1),
        aspects=tuple(aspects),
        values=tuple(v.upper() for v in read.strings(data, "values", path)),
        passing=tuple(v.upper() for v in read.strings(data, "passing", path)),
        affirmation=_flag(data, "affirmation", path, read.problems),
        double_entry=_flag(data, "double_entry", path, read.problems),
        max_spread=_spread_limit(read, data, path),
    )


def _spread_limit(read: _Reader, data: Mapping[str, Any], path: str) -> Decimal | None:
    """``max_spread``: a number, or ``false`` for no spread check (TOML has no null)."""
    if data.get("max_spread") is False:
        return None
    return read.decimal(data, "max_spread", path, Decimal(20))


def validate_scheme(scheme: Scheme) -> list[Problem]:
    """Every rule a scheme must satisfy before it may score anyone."""
    problems: list[Problem] = []
    add = problems.append
    if scheme.kind and scheme.kind not in SCHEME_KINDS:
        add(Problem("kind", "scheme.bad_choice", {"value": scheme.kind, "choices": SCHEME_KINDS}))
    if not scheme.stages:
        add(Problem("stages", "scheme.no_stages"))
    stage_codes: dict[str, int] = {}
    component_codes: dict[str, str] = {}
    for s_index, stage in enumerate(scheme.stages):
        path = f"stages[{s_index}]"
        problems.extend(_blank(path, code=stage.code, name=stage.name))
        for name in CODE_FIELDS:
            problems.extend(_blank(f"{path}.codes", **{name: getattr(stage.codes, name)}))
        problems.extend(_validate_codes(stage.codes, f"{path}.codes"))
        if stage.code in stage_codes:
            add(Problem(f"{path}.code", "scheme.duplicate", {"value": stage.code}))
        stage_codes.setdefault(stage.code, s_index)
        if stage.method not in STAGE_METHODS:
            add(
                Problem(
                    f"{path}.method",
                    "scheme.bad_choice",
                    {"value": stage.method, "choices": STAGE_METHODS},
                )
            )
        if not stage.components:
            add(Problem(f"{path}.components", "scheme.no_components"))
        if stage.quota_multiplier < 1:
            add(Problem(f"{path}.quota_multiplier", "scheme.at_least_one"))
        for c_index, component in enumerate(stage.components):
            c_path = f"{path}.components[{c_index}]"
            if component.code in component_codes:
                add(Problem(f"{c_path}.code", "scheme.duplicate", {"value": component.code}))
            component_codes.setdefault(component.code, stage.code)
            problems.extend(_validate_component(component, c_path, stage.method))
        if stage.method == WEIGHTED:
            total = sum((c.weight for c in stage.components if c.is_numeric), Decimal(0))
            if total != 100:
                add(Problem(f"{path}.components", "scheme.weights_sum", {"total": total}))
        integrated: Stage | None = None
        if stage.integrates is not None:
            earlier = stage_codes.get(stage.integrates)
            if earlier is None or earlier >= s_index:
                add(
                    Problem(
                        f"{path}.integrates", "scheme.unknown_stage", {"value": stage.integrates}
                    )
                )
            else:
                integrated = scheme.stages[earlier]
            if not 0 < stage.integrate_weight < 100:
                add(Problem(f"{path}.integrate_weight", "scheme.percent_open"))
        problems.extend(_validate_ranking(stage, integrated, path))
        if scheme.regional and scheme.kind == "CPNS" and stage.integrates is not None:
            problems.extend(_validate_regional_skb(stage, path))
    return problems


def _validate_codes(codes: StageCodes, path: str) -> list[Problem]:
    """Two outcomes printed alike must mean the same to the reader of an announcement.

    The regulations print one code for several reasons of not passing (``TMS-1``, ``TL``):
    those may share (``MAY_SHARE_CODE``). Any other pair would make, for instance, a
    participant below a threshold read as passed, so it is refused at the later key. The
    notes ``SERI`` and ``BELUM LENGKAP`` are printed beside codes and cannot be one.
    """
    problems: list[Problem] = []
    first: dict[str, Status] = {}
    for status in PRINTED_STATUSES:
        code = (codes.code_for(status) or "").strip()
        if not code:
            continue  # a blank code is reported on its own
        if code.upper() in (NOTE_TIE, NOTE_INCOMPLETE):
            problems.append(
                Problem(f"{path}.{status.value}", "scheme.code_reserved", {"value": code})
            )
            continue
        earlier = first.setdefault(code, status)
        if earlier is not status and not {earlier, status} <= MAY_SHARE_CODE:
            problems.append(
                Problem(
                    f"{path}.{status.value}",
                    "scheme.code_shared",
                    {"value": code, "other": f"{path}.{earlier.value}"},
                )
            )
    return problems


def _blank(path: str, **values: str) -> list[Problem]:
    """Codes and names must say something: an empty one cannot be printed or imported."""
    return [
        Problem(f"{path}.{key}", "scheme.not_text")
        for key, value in values.items()
        if not (value or "").strip()
    ]


def _validate_component(component: Component, path: str, method: str) -> list[Problem]:
    problems: list[Problem] = _blank(path, code=component.code, name=component.name)
    for index, aspect in enumerate(component.aspects):
        problems.extend(_blank(f"{path}.aspects[{index}]", code=aspect.code, name=aspect.name))
    add = problems.append
    if component.kind not in COMPONENT_KINDS:
        add(
            Problem(
                f"{path}.kind",
                "scheme.bad_choice",
                {"value": component.kind, "choices": COMPONENT_KINDS},
            )
        )
        return problems
    if component.category not in CATEGORIES:
        add(
            Problem(
                f"{path}.category",
                "scheme.bad_choice",
                {"value": component.category, "choices": CATEGORIES},
            )
        )
    if component.assessors < 1:
        add(Problem(f"{path}.assessors", "scheme.at_least_one"))
    if component.kind == CATEGORICAL:
        if not component.values:
            add(Problem(f"{path}.values", "scheme.no_values"))
        for value in component.passing:
            if value not in component.values:
                add(Problem(f"{path}.passing", "scheme.passing_not_value", {"value": value}))
        if component.weight:
            add(Problem(f"{path}.weight", "scheme.categorical_weight"))
        return problems
    if component.minimum < 0:
        add(Problem(f"{path}.min", "scheme.negative"))
    if component.minimum >= component.maximum:
        add(Problem(f"{path}.max", "scheme.max_not_above_min"))
    if component.step <= 0:
        add(Problem(f"{path}.step", "scheme.step_positive"))
    elif decimal_places(component.step) > PLACES:
        add(Problem(f"{path}.step", "scheme.step_precision"))
    elif (component.maximum - component.minimum) % component.step != 0:
        add(Problem(f"{path}.step", "scheme.step_grid"))
    if component.threshold is not None and not (
        component.minimum <= component.threshold <= component.maximum
    ):
        add(
            Problem(
                f"{path}.threshold",
                "scheme.threshold_range",
                {
                    "value": component.threshold,
                    "min": component.minimum,
                    "max": component.maximum,
                },
            )
        )
    if component.weight < 0 or component.weight > 100:
        add(Problem(f"{path}.weight", "scheme.percent"))
    if method == WEIGHTED and component.weight == 0:
        add(Problem(f"{path}.weight", "scheme.weight_missing"))
    if method == WEIGHTED and component.minimum != 0:
        # A weighted stage converts value / max to 0-100; that conversion assumes min 0.
        add(Problem(f"{path}.min", "scheme.weighted_min_zero"))
    if component.max_spread is not None and component.max_spread < 0:
        add(Problem(f"{path}.max_spread", "scheme.negative"))
    if component.aspects:
        codes = [a.code for a in component.aspects]
        for index, aspect in enumerate(component.aspects):
            if codes.index(aspect.code) != index:
                add(
                    Problem(
                        f"{path}.aspects[{index}].code", "scheme.duplicate", {"value": aspect.code}
                    )
                )
            if aspect.weight <= 0:
                add(Problem(f"{path}.aspects[{index}].weight", "scheme.weight_missing"))
        total = sum((a.weight for a in component.aspects), Decimal(0))
        if total != 100:
            add(Problem(f"{path}.aspects", "scheme.weights_sum", {"total": total}))
    return problems


def _validate_ranking(stage: Stage, integrated: Stage | None, path: str) -> list[Problem]:
    problems: list[Problem] = []
    known = set(SPECIAL_KEYS) | {c.code for c in stage.components if c.is_numeric}
    if integrated is not None:
        known.add(integrated.code)
        known |= {c.code for c in integrated.components if c.is_numeric}
    if KEY_FINAL not in stage.ranking:
        problems.append(Problem(f"{path}.ranking", "scheme.ranking_needs_final"))
    seen: set[str] = set()
    for index, key in enumerate(stage.ranking):
        if key not in known:
            problems.append(
                Problem(f"{path}.ranking[{index}]", "scheme.unknown_ranking_key", {"value": key})
            )
        if key in seen:
            problems.append(Problem(f"{path}.ranking[{index}]", "scheme.duplicate", {"value": key}))
        seen.add(key)
    return problems


def _validate_regional_skb(stage: Stage, path: str) -> list[Problem]:
    problems: list[Problem] = []
    weighted = [c for c in stage.components if c.is_numeric and c.weight > 0]
    cats = [c for c in weighted if c.category == "cat"]
    extras = [c for c in weighted if c.category != "cat"]
    if len(cats) != 1:
        problems.append(Problem(f"{path}.components", "scheme.regional_one_cat"))
    elif cats[0].weight < REGIONAL_CAT_MIN_WEIGHT:
        index = stage.components.index(cats[0])
        problems.append(
            Problem(
                f"{path}.components[{index}].weight",
                "scheme.regional_cat_weight",
                {"min": REGIONAL_CAT_MIN_WEIGHT},
            )
        )
    if len(extras) > 1:
        problems.append(Problem(f"{path}.components", "scheme.regional_one_extra"))
    for extra in extras:
        index = stage.components.index(extra)
        if extra.weight > REGIONAL_EXTRA_MAX_WEIGHT:
            problems.append(
                Problem(
                    f"{path}.components[{index}].weight",
                    "scheme.regional_extra_weight",
                    {"max": REGIONAL_EXTRA_MAX_WEIGHT},
                )
            )
        if extra.category == "wawancara":
            problems.append(
                Problem(f"{path}.components[{index}].category", "scheme.regional_no_interview")
            )
    return problems


def scheme_to_mapping(scheme: Scheme) -> dict[str, Any]:
    """The inverse of ``scheme_from_mapping``; numbers as strings keep them exact."""
    return {
        "code": scheme.code,
        "name": scheme.name,
        "kind": scheme.kind,
        "regional": scheme.regional,
        "source": scheme.source,
        "stages": [
            {
                "code": stage.code,
                "name": stage.name,
                "method": stage.method,
                "quota_multiplier": stage.quota_multiplier,
                **(
                    {
                        "integrates": stage.integrates,
                        "integrate_weight": str(stage.integrate_weight),
                    }
                    if stage.integrates
                    else {}
                ),
                "ranking": list(stage.ranking),
                "codes": {name: getattr(stage.codes, name) for name in CODE_FIELDS},
                "components": [_component_mapping(c) for c in stage.components],
            }
            for stage in scheme.stages
        ],
    }


def _component_mapping(component: Component) -> dict[str, Any]:
    data: dict[str, Any] = {
        "code": component.code,
        "name": component.name,
        "kind": component.kind,
        "category": component.category,
        "assessors": component.assessors,
    }
    if component.double_entry:
        data["double_entry"] = True
    if component.max_spread != Decimal(20):
        data["max_spread"] = False if component.max_spread is None else str(component.max_spread)
    if component.is_numeric:
        data |= {
            "min": str(component.minimum),
            "max": str(component.maximum),
            "step": str(component.step),
            "weight": str(component.weight),
        }
        if component.threshold is not None:
            data["threshold"] = str(component.threshold)
        if component.affirmation:
            data["affirmation"] = True
    else:
        data |= {"values": list(component.values), "passing": list(component.passing)}
    if component.aspects:
        data["aspects"] = [
            {"code": a.code, "name": a.name, "weight": str(a.weight), "description": a.description}
            for a in component.aspects
        ]
    return data
