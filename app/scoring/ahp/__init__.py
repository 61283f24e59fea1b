"""Weights from stakeholders' pairwise judgments: the Analytic Hierarchy Process (issue #14 §1).

Pure rules: judgments in, weights and figures out; numpy does the eigenvectors. Nothing here
knows a file, a database or a window, so the window's live form, the file service and the CLI
share every number. One question per module:

- ``scale``: Saaty's 1–9 scale and how a written reciprocal (``0.333``) is read;
- ``matrix``: the reciprocal matrix of one respondent (``Judgment``, ``comparison_matrix``);
- ``connectivity``: which criteria an incomplete set of judgments leaves cut off;
- ``priorities``: the principal eigenvector, λmax, Harker's completion (``priorities``);
- ``consistency``: CI, CR with Saaty's random index, the most inconsistent pair;
- ``aggregation``: respondents' shares and the weighted geometric mean (AIJ);
- ``consensus``: Goepel's AHP consensus indicator and each weight's spread;
- ``apportion``: whole percentages summing to 100 (largest remainder);
- ``hierarchy``: components and their aspects, global weights;
- ``group``: a whole FGD (``analyse_fgd``);
- ``draft``: the weights proposed into a stage's scheme and validated (``propose_weights``).

Typical use::

    result = analyse_fgd(responses, criteria=stage_criteria(stage))
    result.top.percent_of()                     # {"PENGETAHUAN": 41, "PRAKTIK": 37, …}
    draft = propose_weights(scheme, stage.code, result)
    draft.adoptable, draft.problems

Imported only by the FGD's service and command: numpy stays out of other commands' start-up.
"""

from __future__ import annotations

from .aggregation import Respondent, aggregate_judgments, respondent_weights
from .apportion import largest_remainder
from .connectivity import connected_parts, cut_off
from .consensus import Spread, ahp_consensus, consensus_band, weight_spread
from .consistency import (
    CR_LIMIT,
    RANDOM_INDEX,
    RANDOM_INDEX_SOURCE,
    InconsistentPair,
    consistency_index,
    consistency_ratio,
    most_inconsistent_pair,
    random_index,
)
from .draft import WeightDraft, propose_weights, stage_criteria
from .errors import AhpError, FgdInvalid, ResponseProblem
from .group import (
    Exclusion,
    FgdResult,
    LevelResult,
    Response,
    analyse_fgd,
    level_criteria,
    response_problems,
)
from .hierarchy import TOP, global_weights, level_of, normalize_criterion, split_criterion
from .matrix import Judgment, comparison_matrix, consistent_matrix
from .priorities import (
    Priorities,
    harker_matrix,
    principal_eigenvector,
    priorities,
    priorities_of_matrix,
)
from .scale import SCALE_MAX, SCALE_MIN, in_scale, judgment_of_decimal

__all__ = [
    "CR_LIMIT",
    "RANDOM_INDEX",
    "RANDOM_INDEX_SOURCE",
    "SCALE_MAX",
    "SCALE_MIN",
    "TOP",
    "AhpError",
    "Exclusion",
    "FgdInvalid",
    "FgdResult",
    "InconsistentPair",
    "Judgment",
    "LevelResult",
    "Priorities",
    "Respondent",
    "Response",
    "ResponseProblem",
    "Spread",
    "WeightDraft",
    "aggregate_judgments",
    "ahp_consensus",
    "analyse_fgd",
    "comparison_matrix",
    "connected_parts",
    "consensus_band",
    "consistency_index",
    "consistency_ratio",
    "consistent_matrix",
    "cut_off",
    "global_weights",
    "harker_matrix",
    "in_scale",
    "judgment_of_decimal",
    "largest_remainder",
    "level_criteria",
    "level_of",
    "most_inconsistent_pair",
    "normalize_criterion",
    "principal_eigenvector",
    "priorities",
    "priorities_of_matrix",
    "propose_weights",
    "random_index",
    "respondent_weights",
    "response_problems",
    "split_criterion",
    "stage_criteria",
    "weight_spread",
]
