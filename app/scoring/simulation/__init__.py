"""Simulation before adoption (issue #14 §2): a draft scheme applied to a past selection.

A policy draft (rancangan kebijakan) is a scheme file with other weights, thresholds,
tie-break order or rubric aspect weights. Before anyone adopts it, the drafting team asks
what it would have changed on last year's selection: who would have had another result,
which rule made the difference, how far the order moved, what each test then weighs in the
final score, and whether pass rates and fairness move. The stored raw scores (per assessor
and rubric aspect) are what both schemes read; both rank with the program's own engine.

- :mod:`.draft`: whether the stored scores can answer a draft (``draft_problems``), and the
  draft's changes as a chain of schemes, one rule at a time (``rule_steps``);
- :mod:`.compare`: both rankings side by side, per formation, with Kendall's tau-b, the
  seats gained and lost, and the rule behind every changed outcome (``simulate``);
- :mod:`.weights`: each component's effective weight, its Pearson correlation with the
  final score (``effective_weights``).

Pure rules: nothing here knows a database, a window or a file. scipy (Kendall's tau-b) and
numpy are imported only by the simulation, as by the evaluation (``scoring/monev``).
"""

from .compare import (
    FormationSimulation,
    Outcome,
    SideBySide,
    Simulation,
    StageFlow,
    simulate,
)
from .draft import (
    RULE_ASPECTS,
    RULE_THRESHOLD,
    RULE_TIE_BREAK,
    RULE_WEIGHT,
    RULES,
    RuleStep,
    draft_problems,
    rule_steps,
)
from .weights import ComponentWeight, effective_weights

__all__ = [
    "RULES",
    "RULE_ASPECTS",
    "RULE_THRESHOLD",
    "RULE_TIE_BREAK",
    "RULE_WEIGHT",
    "ComponentWeight",
    "FormationSimulation",
    "Outcome",
    "RuleStep",
    "SideBySide",
    "Simulation",
    "StageFlow",
    "draft_problems",
    "effective_weights",
    "rule_steps",
    "simulate",
]
