"""The Monev page (issue #13), one module per question.

* ``loading``: what the page asks for and the work done off the GUI thread (no widgets);
* ``words``: numbers in the interface language's convention, the evaluation's keys in words;
* ``charts``, ``table``: the pieces every tab is made of;
* ``flow_tab``, ``distribution_tab``, ``assessors_tab``, ``fairness_tab``, ``validity_tab``:
  one tab each, a chart beside its table;
* ``page``: the page itself (filters, buttons, live refreshing).
"""

from .page import MonevPage

__all__ = ["MonevPage"]
