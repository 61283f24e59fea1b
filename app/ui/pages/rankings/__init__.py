"""The Rankings page, one module per question.

* ``loading``: what the page asks for and the work done off the GUI thread (no widgets);
* ``summary``: the legend of the stage's codes and the counts line under the table;
* ``page``: the page itself (choices, the table, the formation band, live refreshing).

The finalize bar it shows above the table is ``app.ui.widgets.finalize_bar``.
"""

from .page import RankingsPage

__all__ = ["RankingsPage"]
