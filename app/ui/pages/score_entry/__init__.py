"""Score entry, one module per question.

* ``grid``: the cell editor, the delegate that saves on Enter/Tab, the table view and its
  keyboard moves;
* ``undo``: the undo command of one saved cell;
* ``loading``: which sheet is asked for, read off the GUI thread (no widgets);
* ``page``: the page itself (choices, saving, reloading after others' changes).
"""

from .grid import ScoreEditor
from .page import ScoreEntryPage

__all__ = ["ScoreEditor", "ScoreEntryPage"]
