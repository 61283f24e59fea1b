"""Widgets that more than one page or dialog uses: one module per widget.

``pdf_preview`` (a PDF shown from bytes) and ``pdf_print`` (printing one), ``code_chip``
(a status code in the colour of its meaning), ``eliding_combo_box``, ``path_row`` (a file
path with its chooser button).
"""
