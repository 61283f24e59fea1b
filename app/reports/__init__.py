"""Official documents as PDF, drawn with ReportLab from plain data (``app.reports.model``).

This package only renders: the services read the snapshot, rank, format every value as text
and pass frozen dataclasses in; nothing here touches the database or Qt, so a rendering can
run in a worker thread. Issuing, hashing, signing and verifying build on top of it.

Renderers (each writes a PDF to a binary stream, e.g. an open file or ``io.BytesIO``, and
returns the number of pages)::

    render_announcement(doc: Announcement, out, progress=None, *, on_signature_box=None) -> int
    render_score_sheet(doc: ScoreSheet, out) -> int
    render_attendance(doc: AttendanceList, out) -> int
    render_minutes(doc: Minutes, out) -> int
    render_slip(doc: ResultSlip, out) -> int
    render_slips(docs: Iterable[ResultSlip], out, progress=None, *, title="") -> int

What the caller can rely on:

- A4, Liberation Sans embedded (``resources/fonts``, SIL OFL); never an unembedded font.
- Every page: "Halaman X dari Y" and "ID dokumen: <document_id>" in the footer; the
  announcement and the slip also carry the QR code of ``verification_payload`` at the
  bottom left of every page (22 mm, error correction M, one form XObject named
  ``qr.form_name(payload)`` referenced by each page).
- The letterhead (kop surat) is on the first page; later pages have a running header.
- Text is real text (pypdf extracts it in reading order): a results row is one text line,
  its cells separated by spaces (a cell that wraps continues on the following line), and
  each participant number appears once. Long tables repeat their header on every page and
  never split a row; a formation of up to 4 rows is kept on one page.
- ``rl_config.useA85`` is switched off for the process (binary Flate streams only).
- ``render_announcement`` reads ``Announcement.formations`` once, in order, without ``len()``;
  the recap comes first on paper but the results start on a new page (see
  ``announcement.py``). ``progress(rows_drawn)`` is called after every page; raise from it to
  cancel. ``on_signature_box(SignatureBox)`` tells where the signatory's signature space is
  (0-based page index and a box in PDF points): pass it to pyHanko's ``SigFieldSpec(
  on_page=box.page_index, box=box.box)`` for a visible signature.
- ``render_slips`` draws many slips as one PDF, each on pages of its own with its own frame
  (letterhead, QR code, document id, "Halaman 1 dari 1"); ``progress(slips_drawn)`` is
  called after every slip; raise from it to cancel.
- PDF metadata: Title, Subject, Author (office), Keywords = ``document_id``, Creator.
- Same input, same layout; the bytes differ between runs only by the creation date and id.

Wording (Indonesian) lives in ``app.reports.wording``; layout pieces in ``layout`` and
``table``; fonts in ``fonts``; the QR code in ``qr``.
"""

from __future__ import annotations

from app.reports.announcement import LANDSCAPE_COLUMNS, render_announcement
from app.reports.attendance import render_attendance
from app.reports.blocks import SignatureBox
from app.reports.minutes import render_minutes
from app.reports.model import (
    Announcement,
    AttendanceList,
    FormationBlock,
    Letterhead,
    Minutes,
    ResultSlip,
    ResultTable,
    ScoreSheet,
    Signatory,
)
from app.reports.score_sheet import render_score_sheet
from app.reports.slip import render_slip, render_slips

__all__ = [
    "LANDSCAPE_COLUMNS",
    "Announcement",
    "AttendanceList",
    "FormationBlock",
    "Letterhead",
    "Minutes",
    "ResultSlip",
    "ResultTable",
    "ScoreSheet",
    "Signatory",
    "SignatureBox",
    "render_announcement",
    "render_attendance",
    "render_minutes",
    "render_score_sheet",
    "render_slip",
    "render_slips",
]
