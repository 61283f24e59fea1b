"""Demo data: a realistic selection as the rows of its import files.

Why rows and not database objects: the demo and the benchmarks must go through the same
validated importers a committee uses, so a generated selection exercises the real code path
(and a generator bug shows up as an import error, not as silently impossible data).

The data is shaped after a Binjai round (DESIGN §1, §4): a city government's formations with
1–3 vacancies, applicants spread unevenly over them, scores on each component's grid, a few
absent (TH) and withdrawn (APS) participants, and deliberate ties near the quota boundary,
because ties and cut-offs are where the rules are hardest and a demo must show them.

Only the standard library, ``app.scoring`` and ``app.bulk``: the generator must run where no
database or Qt exists (benchmarks, tests), and it computes the first stage's cut with the very
ranking function the importer uses to refuse scores for a stage a participant has not reached.

One question per module: which posts and how many applicants each (``formations``), what
people are called (``names``), who the applicants are (``people``), what a component's
scores look like (``scores``), and one run that puts them together with the stages' cuts and
the ties near them (``generator``). The use case that writes a demo into a database is
``app.services.demo``.
"""

from .formations import load_formation_rows
from .generator import DemoData, generate_demo

__all__ = ["DemoData", "generate_demo", "load_formation_rows"]
