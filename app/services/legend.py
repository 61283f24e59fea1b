"""The legend of the rules package in the user's language, for every caller that prints it."""

from __future__ import annotations

from app.messages import t, translate
from app.scoring.legend import LegendEntry, legend, meaning_key
from app.scoring.scheme import Stage
from app.scoring.status import Status


def entry_text(entry: LegendEntry, language: str | None = None) -> str:
    """``tidak memenuhi nilai ambang batas atau tidak memenuhi syarat`` for a shared code;
    ``language``: a document's own (always Indonesian), else the user's."""

    def say(key: str) -> str:
        return t(key) if language is None else translate(language, key)

    return say("legend.or").join(say(f"legend.{key}") for key in entry.meanings)


def code_meanings(
    stage: Stage, final: bool, *, incomplete: bool = True, language: str | None = None
) -> list[tuple[str, str]]:
    """(code, meaning) for each line of the legend, in its order."""
    return [
        (entry.code, entry_text(entry, language))
        for entry in legend(stage, final, incomplete=incomplete)
    ]


def status_meaning(status: Status, tie: bool, final: bool) -> str:
    """What one participant's own result means (a slip explains that, not the whole code)."""
    if tie:
        return t("legend.tie")
    return t(f"legend.{meaning_key(status, final)}")
