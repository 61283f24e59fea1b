"""The statistics of monitoring and evaluation (issue #13), pure: numbers in, figures out.

Each module answers one question the tim monev asks of a selection: were the assessors
consistent (``reliability``), were the groups of applicants treated alike (``fairness``),
how are the scores spread (``distribution``), do the tests predict later performance
(``validity``), and who is who from their NIK (``nik``). numpy and scipy do the arithmetic and
the distributions; nothing here knows a database, a window or a file, so every figure can be
checked against an independent implementation on the same data.

Imported only by the evaluation itself: numpy and scipy stay out of every other command's
start-up.
"""
