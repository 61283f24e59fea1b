"""The selection rules: schemes, aggregation, gates, final score, ranking, status codes.

Pure Python on purpose: no Qt, no database, nothing from the rest of ``app``; the rules can be
read, tested and reasoned about on their own.
"""

from .engine import StageTable, rank_selection_fast
from .numbers import Score, format_score, from_milli, round_half_up, to_milli, to_score
from .presets import load_scheme_file, load_scheme_text
from .problems import Problem, SchemeInvalid
from .ranking import (
    ABSENT,
    ABSENT_TEXT,
    Candidate,
    Cell,
    Entry,
    ResultRow,
    StageResult,
    columns_of,
    rank_selection,
    rank_stage,
)
from .scheme import Aspect, Component, Scheme, Stage, StageCodes
from .scheme_file import scheme_from_mapping, scheme_to_mapping, validate_scheme
from .status import Status
from .values import ValueProblem, check_value

__all__ = [
    "ABSENT",
    "ABSENT_TEXT",
    "Aspect",
    "Candidate",
    "Cell",
    "Component",
    "Entry",
    "Problem",
    "ResultRow",
    "Scheme",
    "SchemeInvalid",
    "Score",
    "Stage",
    "StageCodes",
    "StageResult",
    "StageTable",
    "Status",
    "ValueProblem",
    "check_value",
    "columns_of",
    "format_score",
    "from_milli",
    "load_scheme_file",
    "load_scheme_text",
    "rank_selection",
    "rank_selection_fast",
    "rank_stage",
    "round_half_up",
    "scheme_from_mapping",
    "scheme_to_mapping",
    "to_milli",
    "to_score",
    "validate_scheme",
]
