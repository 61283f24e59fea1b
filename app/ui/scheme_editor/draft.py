"""The scheme being edited, without Qt: what the editor's panels show and change.

Every edit builds a new frozen ``Scheme`` (``dataclasses.replace``) and asks the scoring
package what is wrong with it, so the rules live in one place and the editor only shows their
verdict. Keeping this state free of widgets means a test can type into a field, so to speak,
and read the problems by their TOML key without opening a window.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from decimal import Decimal
from typing import Any

from app.messages import known, language, t
from app.scoring import (
    Aspect,
    Component,
    Problem,
    Scheme,
    SchemeInvalid,
    Stage,
    StageCodes,
    scheme_from_mapping,
    scheme_to_mapping,
    validate_scheme,
)
from app.scoring.scheme import KEY_FINAL, WEIGHTED
from app.services.tabular import parse_decimal

# Where a problem key points: ``stages[0].components[2].aspects[1].weight``.
STAGE_PATH = re.compile(r"stages\[(\d+)\](?:\.(.*))?")
ITEM_PATH = re.compile(r"(components|aspects|ranking)\[(\d+)\](?:\.(.*))?")

# The codes of a first stage, before there is an earlier one to copy them from.
DEFAULT_CODES = StageCodes("L", "TL", "TMS", "TH", "TMS")


def decimal_text(value: Decimal | None) -> str:
    """A decimal as the user writes it: a comma in Indonesian, a point in English."""
    if value is None:
        return ""
    text = format(value, "f")
    return text.replace(".", ",") if language() == "id" else text


def scheme_problems(scheme: Scheme) -> list[Problem]:
    """``validate_scheme`` plus what the scheme file reader refuses (an empty code or name).

    The reader's checks are included so a saved scheme can always be exported and loaded
    again with ``init --scheme FILE``.
    """
    problems = list(validate_scheme(scheme))
    try:
        scheme_from_mapping(scheme_to_mapping(scheme))
    except SchemeInvalid as error:
        seen = {(p.key, p.message) for p in problems}
        problems += [p for p in error.problems if (p.key, p.message) not in seen]
    return problems


_FIELD = re.compile(r"([a-z_]+)(?:\[(\d+)\])?(?:\.(.*))?")


def problem_place(scheme: Scheme | None, key: str) -> str:
    """Where a problem is, in words: ``stages[1].components[0].aspects[2].weight`` reads
    "Tahap Seleksi Kompetensi Bidang › komponen Praktik Kerja › aspek Sikap › bobot" (issue
    #10 §6); the TOML key stays the item's data, to find the field."""
    parts: list[str] = []
    rest: str | None = key
    stages = scheme.stages if scheme is not None else ()
    stage: Stage | None = None
    component: Component | None = None
    while rest:
        match = _FIELD.fullmatch(rest)
        if match is None:
            parts.append(rest)
            break
        field, index, rest = match.group(1), match.group(2), match.group(3)
        position = int(index) if index is not None else None
        if field == "stages" and position is not None:
            stage = stages[position] if position < len(stages) else None
            name = (stage.name or stage.code) if stage is not None else str(position + 1)
            parts.append(t("scheme.place.stage", name=name))
        elif field == "components" and position is not None:
            items = stage.components if stage is not None else ()
            component = items[position] if position < len(items) else None
            name = (component.name or component.code) if component else str(position + 1)
            parts.append(t("scheme.place.component", name=name))
        elif field == "aspects" and position is not None:
            aspects = component.aspects if component is not None else ()
            aspect = aspects[position] if position < len(aspects) else None
            name = (aspect.name or aspect.code) if aspect is not None else str(position + 1)
            parts.append(t("scheme.place.aspect", name=name))
        elif field == "ranking" and position is not None:
            parts.append(t("scheme.place.ranking", position=position + 1))
        elif field == "codes" and rest:
            parts.append(t("scheme.place.codes", status=_word("scheme.status", rest)))
            rest = None
        elif stage is not None and field in _STATUS_FIELDS:  # a code written on the stage
            parts.append(t("scheme.place.codes", status=_word("scheme.status", field)))
        else:
            parts.append(_word("scheme.field", field))
    if stage is None and not parts:
        parts.append(t("scheme.place.scheme"))
    return " › ".join(parts)


_STATUS_FIELDS = frozenset(StageCodes.__dataclass_fields__)


def _word(prefix: str, name: str) -> str:
    """The catalogue's word for ``name``, or the name itself where there is none."""
    return t(f"{prefix}.{name}") if known(f"{prefix}.{name}") else name


class ProblemMarks:
    """The current problems, looked up by where they show on screen.

    ``entries`` are ``(key, text)`` in the order the rules found them; the other methods
    answer "what is wrong here" for one field, one part of a stage, or a table's cells.
    """

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.entries = [(p.key, t(p.message, p.params)) for p in problems]
        self._by_key: dict[str, list[str]] = {}
        for key, text in self.entries:
            self._by_key.setdefault(key, []).append(text)

    def __bool__(self) -> bool:
        return bool(self.entries)

    def at(self, key: str) -> list[str]:
        return self._by_key.get(key, [])

    def count_under(self, prefix: str) -> int:
        return sum(
            len(texts)
            for key, texts in self._by_key.items()
            if key == prefix or key.startswith((prefix + ".", prefix + "["))
        )

    def items_under(
        self, prefix: str, kind: str, fields: Collection[str]
    ) -> dict[tuple[int, str], list[str]]:
        """``{(row, field): texts}`` for ``prefix.kind[row].field``; a problem that has no
        cell of its own (a component's rubric) goes on the row's code cell, with its path."""
        found: dict[tuple[int, str], list[str]] = {}
        start = prefix + "."
        for key, texts in self._by_key.items():
            if not key.startswith(start):
                continue
            match = ITEM_PATH.fullmatch(key[len(start) :])
            if match is None or match.group(1) != kind:
                continue
            row, rest = int(match.group(2)), match.group(3) or "code"
            if rest not in fields:
                found.setdefault((row, "code"), []).extend(f"{rest}: {text}" for text in texts)
            else:
                found.setdefault((row, rest), []).extend(texts)
        return found


class SchemeDraft:
    """The editable state of one selection's scheme.

    ``saved`` is the scheme as stored, ``scheme`` the one being edited; the difference is what
    saving writes and reverting throws away. ``stage_row`` is the stage being edited (the
    editor shows one at a time); component and aspect rows are passed in, since which row is
    current belongs to the table on screen. ``input_errors`` holds text typed into a number
    field that could not be read, by the key the field would have: such text cannot live in
    a ``Decimal``, yet it must block saving like any rule problem.
    """

    def __init__(self, saved: Scheme | None = None) -> None:
        self.saved: Scheme | None = None
        self.scheme: Scheme | None = None
        self.stage_row = 0
        self.input_errors: dict[str, str] = {}
        self.marks = ProblemMarks([])
        self.load(saved)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> SchemeDraft:
        """A draft of the scheme a scheme file holds (``SchemeInvalid`` if it cannot be read)."""
        return cls(scheme_from_mapping(data))

    def to_mapping(self) -> dict[str, Any]:
        """The edited scheme as the scheme file writes it."""
        if self.scheme is None:
            raise ValueError("no scheme to convert")
        return scheme_to_mapping(self.scheme)

    # --- state ---------------------------------------------------------------------------

    def load(self, saved: Scheme | None) -> None:
        """Start again from ``saved``; the stage row stays where it was if it still exists."""
        self.saved = self.scheme = saved
        self.input_errors.clear()
        self.stage_row = min(self.stage_row, self.stage_count - 1) if saved else 0
        self.stage_row = max(self.stage_row, 0)
        self.validate()

    def stored(self, saved: Scheme) -> None:
        """The scheme was saved as ``saved``: nothing is left to save."""
        self.saved = saved
        self.replace(saved)

    @property
    def dirty(self) -> bool:
        return self.scheme != self.saved

    @property
    def problems(self) -> list[tuple[str, str]]:
        """``(key, text)`` of every problem, including numbers that do not parse."""
        return [*self.marks.entries, *self.input_errors.items()]

    def validate(self) -> None:
        self.marks = ProblemMarks(scheme_problems(self.scheme) if self.scheme else [])

    def show_problems(self, problems: Sequence[Problem]) -> None:
        """Problems found elsewhere (the service refusing to save) replace the draft's own."""
        self.marks = ProblemMarks(problems)

    def replace(self, scheme: Scheme) -> None:
        """Take the edited scheme and find what is wrong with it."""
        self.scheme = scheme
        self.validate()

    @property
    def stage_count(self) -> int:
        return len(self.scheme.stages) if self.scheme else 0

    @property
    def stage(self) -> Stage | None:
        """The stage being edited, if there is one."""
        if self.scheme is None or not 0 <= self.stage_row < len(self.scheme.stages):
            return None
        return self.scheme.stages[self.stage_row]

    @property
    def stage_prefix(self) -> str:
        """The problem key of the stage being edited."""
        return f"stages[{self.stage_row}]"

    @property
    def earlier_stages(self) -> tuple[Stage, ...]:
        """The stages the current one may integrate."""
        return self.scheme.stages[: self.stage_row] if self.scheme else ()

    @property
    def integrated_stage(self) -> Stage | None:
        """The earlier stage the current one integrates, whose totals it may rank by."""
        stage = self.stage
        if stage is None or not stage.integrates:
            return None
        for earlier in self.earlier_stages:
            if earlier.code == stage.integrates:
                return earlier
        return None

    def component(self, row: int) -> Component | None:
        stage = self.stage
        if stage is None or not 0 <= row < len(stage.components):
            return None
        return stage.components[row]

    def choose_stage(self, row: int) -> None:
        """Edit another stage; text that was not a number is dropped with the old stage."""
        self.stage_row = row
        self.input_errors.clear()

    # --- editing the current stage -------------------------------------------------------

    def _with_stage(self, stage: Stage, scheme: Scheme | None = None) -> Scheme:
        scheme = scheme or self.scheme
        assert scheme is not None
        stages = list(scheme.stages)
        stages[self.stage_row] = stage
        return replace(scheme, stages=tuple(stages))

    def edit_stage(self, **changes: Any) -> bool:
        """Change fields of the current stage; ``False`` when nothing changed."""
        stage = self.stage
        if stage is None:
            return False
        changed = replace(stage, **changes)
        if changed == stage:
            return False
        self.replace(self._with_stage(changed))
        return True

    def set_stage_code(self, text: str) -> str:
        """The stage's new code (upper case, no spaces around); later stages that integrate
        this one follow it, in their link and in their ranking keys."""
        stage = self.stage
        code = text.strip().upper()
        if stage is None:
            return code
        scheme = self._with_stage(replace(stage, code=code))
        if stage.code and code:
            stages = []
            for other in scheme.stages:
                if other.integrates == stage.code:
                    other = replace(
                        other,
                        integrates=code,
                        ranking=_renamed(other.ranking, stage.code, code),
                    )
                stages.append(other)
            scheme = replace(scheme, stages=tuple(stages))
        self.replace(scheme)
        return code

    def set_integrate_weight(self, text: str) -> bool:
        """The integration weight as typed; ``False`` when the text is not a number, which
        then stays in ``input_errors`` until it is corrected or the stage changes."""
        key = f"{self.stage_prefix}.integrate_weight"
        try:
            weight = parse_decimal(text) if text.strip() else Decimal(0)
        except ValueError:
            self.input_errors[key] = t("scheme.typed_not_number", text=text)
            return False
        self.input_errors.pop(key, None)
        self.edit_stage(integrate_weight=weight)
        return True

    def set_code(self, name: str, text: str) -> bool:
        """One status code of the current stage (``within_quota``, ``absent``, …)."""
        stage = self.stage
        if stage is None:
            return False
        return self.edit_stage(codes=replace(stage.codes, **{name: text.strip()}))

    def set_ranking(self, keys: Sequence[str]) -> bool:
        """The keys the current stage ranks by, first to last."""
        return self.edit_stage(ranking=tuple(keys))

    def set_component(self, row: int, component: Component) -> None:
        """Replace a component of the current stage; a new code is followed by the stage's
        ranking and by the ranking of a later stage that integrates this one."""
        stage = self.stage
        if stage is None:
            return
        old = stage.components[row]
        components = list(stage.components)
        components[row] = component
        stage = replace(stage, components=tuple(components))
        renamed = bool(old.code) and component.code != old.code
        if renamed:
            stage = replace(stage, ranking=_renamed(stage.ranking, old.code, component.code))
        scheme = self._with_stage(stage)
        if renamed:
            stages = [
                replace(other, ranking=_renamed(other.ranking, old.code, component.code))
                if other.integrates == stage.code
                else other
                for other in scheme.stages
            ]
            scheme = replace(scheme, stages=tuple(stages))
        self.replace(scheme)

    def set_aspect(self, component_row: int, row: int, aspect: Aspect) -> None:
        """Replace one rubric aspect of a component of the current stage."""
        component = self.component(component_row)
        if component is None:
            return
        aspects = list(component.aspects)
        aspects[row] = aspect
        self._put_component(component_row, replace(component, aspects=tuple(aspects)))

    def _put_component(self, row: int, component: Component) -> None:
        stage = self.stage
        assert stage is not None
        components = list(stage.components)
        components[row] = component
        self.replace(self._with_stage(replace(stage, components=tuple(components))))

    # --- adding and removing -------------------------------------------------------------

    def _component_codes(self) -> set[str]:
        assert self.scheme is not None
        return {c.code for stage in self.scheme.stages for c in stage.components}

    def add_stage(self, name: str, component_name: str) -> None:
        """A weighted stage with one component after the last, which becomes current; its
        status codes are copied from the last stage."""
        if self.scheme is None:
            return
        template = self.scheme.stages[-1] if self.scheme.stages else None
        stage = Stage(
            code=free_code("TAHAP", {s.code for s in self.scheme.stages}),
            name=name,
            method=WEIGHTED,
            components=(
                Component(
                    code=free_code("KOMPONEN", self._component_codes()),
                    name=component_name,
                    weight=Decimal(100),
                ),
            ),
            ranking=(KEY_FINAL,),
            codes=template.codes if template else DEFAULT_CODES,
        )
        self.stage_row = len(self.scheme.stages)
        self.replace(replace(self.scheme, stages=(*self.scheme.stages, stage)))

    def remove_stage(self) -> None:
        """Remove the current stage; the one after it (or the last) becomes current."""
        if self.scheme is None or self.stage is None:
            return
        stages = tuple(s for i, s in enumerate(self.scheme.stages) if i != self.stage_row)
        self.stage_row = max(0, min(self.stage_row, len(stages) - 1))
        self.replace(replace(self.scheme, stages=stages))

    def add_component(self, name: str) -> int:
        """A component at the end of the current stage; its row (``-1`` without a stage)."""
        stage = self.stage
        if stage is None:
            return -1
        component = Component(code=free_code("KOMPONEN", self._component_codes()), name=name)
        self.replace(self._with_stage(replace(stage, components=(*stage.components, component))))
        return len(stage.components)

    def remove_component(self, row: int) -> str:
        """Remove a component of the current stage; its code."""
        stage = self.stage
        assert stage is not None
        code = stage.components[row].code
        components = tuple(c for i, c in enumerate(stage.components) if i != row)
        self.replace(self._with_stage(replace(stage, components=components)))
        return code

    def add_aspect(self, component_row: int, name: str) -> int:
        """A rubric aspect of weight 0 at the end of a component's rubric; its row."""
        component = self.component(component_row)
        if component is None:
            return -1
        taken = {a.code for a in component.aspects}
        aspect = Aspect(free_code("ASPEK", taken), name, Decimal(0))
        self._put_component(component_row, replace(component, aspects=(*component.aspects, aspect)))
        return len(component.aspects)

    def remove_aspect(self, component_row: int, row: int) -> None:
        component = self.component(component_row)
        if component is None:
            return
        aspects = tuple(a for i, a in enumerate(component.aspects) if i != row)
        self._put_component(component_row, replace(component, aspects=aspects))


def free_code(stem: str, taken: Collection[str]) -> str:
    """``stem`` with the smallest number from 1 that no one uses yet (``TAHAP2``)."""
    number = 1
    while f"{stem}{number}" in taken:
        number += 1
    return f"{stem}{number}"


def _renamed(keys: tuple[str, ...], old: str, new: str) -> tuple[str, ...]:
    return tuple(new if key == old else key for key in keys)
