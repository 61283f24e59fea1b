"""The scheme editor: stages, components, rubric aspects, ranking order and status codes.

``draft`` holds the scheme being edited and imports no Qt, so importing it alone (as the unit
tests do) needs no display; one module per panel shows a part of it (``stages``,
``components``, ``aspects``, ``ranking``, ``codes``, ``problems``), ``records`` is the table
model the component and aspect panels share, and ``editor`` puts them together.
"""
