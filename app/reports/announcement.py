"""The result announcement (pengumuman hasil seleksi) of one stage.

Order on paper: letterhead, title, number, subject, opening, legal basis, the recap of every
formation, the closing provisions, "Demikian …", the signatory block and the copies (the
announcement's own body, signed at its end as tata naskah dinas has it); then, from a new page,
the lampiran: each formation's heading and results table (header and heading repeated on every
page it runs to), the legend of codes and what each score column is.

The formations are read exactly once, as they come (a generator over 100,000 rows is fine),
but the recap at the front needs every formation's counts. So the results pages are drawn
first into one page group while the recap rows are collected, then the front pages into
another, and ``DocumentCanvas.save`` puts the front first. That is also why the results
always start on a fresh page: the same data gives the same PDF whether it comes as a list or
as a generator.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from typing import BinaryIO

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from app.numbers import count_for_people
from app.reports import fonts
from app.reports.blocks import SignatureBox, draw_signatory, signatory_block_height
from app.reports.canvas import DocumentCanvas
from app.reports.fonts import BOLD, REGULAR, draw_string, text_width, wrap_text
from app.reports.layout import Flow, Geometry, PageFrame, markup, styles
from app.reports.model import Announcement, FormationBlock, ResultTable
from app.reports.table import Column, Grid, fit_widths, results_grid
from app.reports.wording import long_date, text

LANDSCAPE_COLUMNS = 9
"""More results columns than this and ``landscape=None`` turns the pages."""

SAMPLE_ROWS = 300
"""Rows read ahead to fix the column widths (all formations share them)."""

KEEP_WHOLE = 4
"""A formation with this many rows or fewer is never split across pages."""

HEADING_SIZE = 9.5
HEADING_LEADING = 12.0


def render_announcement(
    doc: Announcement,
    out: BinaryIO,
    progress: Callable[[int], None] | None = None,
    *,
    on_signature_box: Callable[[SignatureBox], None] | None = None,
) -> int:
    """Write the announcement as PDF to ``out``; returns the number of pages.

    ``progress(rows)`` is called after every page with the number of result rows drawn so
    far; raising from it (e.g. a GUI's cancel) stops the rendering, and ``out`` then holds
    nothing usable. ``on_signature_box`` receives where the signatory's signature space is
    (page index and box), for a visible digital signature placed there afterwards.
    """
    fonts.register()
    head, formations = _read_ahead(iter(doc.formations), SAMPLE_ROWS)
    columns = head[0].table.columns if head else ()
    landscape = doc.landscape
    if landscape is None:
        landscape = len(columns) > LANDSCAPE_COLUMNS or _names_squeezed(head)
    geometry = Geometry.a4(landscape=landscape, qr_footer=True)
    frame = PageFrame(
        geometry,
        doc.document_id,
        running_header=text(
            "running_header", title=doc.title, number=doc.number, date=long_date(doc.date)
        ),
        qr_payload=doc.verification_payload,
        chain_anchor=doc.chain_anchor.printed if doc.chain_anchor else "",
        page_seal=doc.page_seal,
    )
    canvas = DocumentCanvas(out, (geometry.width, geometry.height), frame)
    canvas.setTitle(f"{doc.title} {doc.number}")
    canvas.setSubject(doc.subject)
    canvas.setAuthor(doc.letterhead.office)
    # The verification payload (document id and snapshot hash) also sits in the metadata, so
    # a verifier reads it without decoding the QR image.
    canvas.setKeywords(
        " ".join(
            part
            for part in (
                doc.document_id,
                doc.verification_payload,
                doc.chain_anchor.keyword if doc.chain_anchor else "",
            )
            if part
        )
    )
    canvas.setCreator("Seleksi ASN")

    canvas.begin_group("results")
    body = Flow(canvas, geometry)
    results = _Results(body, head)
    recap = results.draw(doc, formations, progress)
    # What the lampiran's codes and columns mean stays with its tables.
    _draw_legend(body, doc.legend)
    _draw_components(body, doc.components_legend)
    body.finish()

    canvas.begin_group("front")
    front = Flow(canvas, geometry, letterhead=doc.letterhead)
    _draw_front(front, doc)
    _draw_recap(front, doc.recap_codes, recap)
    front.space(4 * mm)
    box = _draw_enactment(front, doc)
    front.finish()

    total = canvas.write(order=("front", "results"))
    if on_signature_box is not None:
        on_signature_box(SignatureBox(box.page_index, box.x1, box.y1, box.x2, box.y2))
    return total


def _draw_enactment(flow: Flow, doc: Announcement) -> SignatureBox:
    """The end of the announcement's own body, before its lampiran (Permendagri 1/2023, tata
    naskah dinas: a pengumuman is signed at the end of its text, the attachment follows):
    the closing provisions, "Demikian …", place and date, the signatory and the copies."""
    _draw_closing(flow, doc.closing)
    heads = (
        text("enacted_at", place=doc.closing_place or doc.signatory.place),
        text("enacted_on", date=long_date(doc.date)),
    )
    # "Demikian …" and the signature share a page, with a short Tembusan: a signature never
    # stands alone, and the copies do not open a page of their own.
    closing_words = Paragraph(markup(text("closing_words")), styles()["body"])
    _, words_height = closing_words.wrap(flow.width, flow.room)
    fingerprint = _fingerprint_paragraph(doc.root_fingerprint)
    if fingerprint is not None:
        words_height += 2 * mm + fingerprint.wrap(flow.width, flow.room)[1]
    copies = len(doc.copies_to) + 1 if 0 < len(doc.copies_to) <= 6 else 0
    flow.ensure(
        words_height
        + 6 * mm
        + signatory_block_height(doc.signatory, len(heads), 85 * mm)
        + (4 * mm + 14 * copies if copies else 0)
    )
    flow.paragraph(markup(text("closing_words")), styles()["body"])
    if fingerprint is not None:
        flow.space(2 * mm)
        flow.paragraph(
            markup(text("root_fingerprint", fingerprint=doc.root_fingerprint)),
            styles(FINGERPRINT_SIZE)["left"],
        )
    flow.space(6 * mm)
    box = draw_signatory(flow, doc.signatory, heads, width=85 * mm)
    _draw_copies(flow, doc.copies_to)
    return box


FINGERPRINT_SIZE = 9.0
"""The root fingerprint's line is smaller than the body: 95 characters on one line."""


def _fingerprint_paragraph(fingerprint: str) -> Paragraph | None:
    """The line naming the committee root's SHA-256 (issue #11 §4), for a signed
    announcement only: a reader compares it with the fingerprint the committee publishes."""
    if not fingerprint:
        return None
    return Paragraph(
        markup(text("root_fingerprint", fingerprint=fingerprint)), styles(FINGERPRINT_SIZE)["left"]
    )


NAME_LINES = 2
ABSURD_LINES = 10
"""A name wraps over at most this many lines (issue #11 §1); a portrait page that cannot give
the names that room is turned to landscape."""


def _names_squeezed(head: list[FormationBlock]) -> bool:
    """Whether the portrait widths would break the longest names of the sample over more than
    ``NAME_LINES`` lines. The names are the widest wrapping column (neither number nor code)."""
    if not head:
        return False
    table = head[0].table
    rows = list(
        itertools.islice(
            itertools.chain.from_iterable(
                b.table.rows for b in head if b.table.columns == table.columns
            ),
            SAMPLE_ROWS,
        )
    )
    if not rows:
        return False
    wrapping = [
        i for i in range(len(table.columns)) if i not in table.numeric and i not in table.centered
    ]
    if not wrapping:
        return False
    width = Geometry.a4(landscape=False, qr_footer=True).content_width
    grid = results_grid(table, rows, width)

    def long(index: int) -> float:
        """The width most of the column's cells stay within (the 97th percentile): one
        absurd 5,000-character name must not decide which column holds the names."""
        widths = sorted(text_width(row[index], REGULAR, grid.style.size) for row in rows)
        return widths[int(0.97 * (len(widths) - 1))]

    names = max(wrapping, key=long)
    room = grid.columns[names].width - 2 * grid.style.pad_x
    # Wrapped as the table wraps them: a real name over NAME_LINES lines turns the page; an
    # absurd one (ten lines and more: it is cut with an ellipsis anyway) does not.
    return any(
        NAME_LINES < len(wrap_text(row[names], REGULAR, grid.style.size, room)) < ABSURD_LINES
        for row in rows
    )


def _read_ahead(
    blocks: Iterator[FormationBlock], rows: int
) -> tuple[list[FormationBlock], Iterator[FormationBlock]]:
    """The first blocks up to ``rows`` rows (for the column widths) and all blocks again."""
    head: list[FormationBlock] = []
    seen = 0
    for block in blocks:
        head.append(block)
        seen += len(block.table.rows)
        if seen >= rows:
            break
    return head, itertools.chain(head, blocks)


# --------------------------------------------------------------------------- front


def _draw_front(flow: Flow, doc: Announcement) -> None:
    style = styles()
    flow.centered_lines([doc.title], BOLD, 13, 16)
    flow.centered_lines([text("number", number=doc.number)], REGULAR, 11, 14)
    flow.space(2 * mm)
    flow.centered_lines([text("about")], REGULAR, 11, 14)
    flow.centered_lines([doc.subject.upper()], BOLD, 11, 14)
    flow.space(6 * mm)
    for part in _paragraphs(doc.opening):
        flow.paragraph(markup(part), style["body"])
        flow.space(2 * mm)
    if doc.legal_basis:
        flow.space(1 * mm)
        _draw_basis(flow, doc.legal_basis, style["list"])
    flow.space(5 * mm)


def _paragraphs(source: str) -> list[str]:
    """Paragraphs are separated by blank lines; single line breaks stay inside one."""
    parts = [p.strip() for p in source.replace("\r\n", "\n").split("\n\n")]
    return [p for p in parts if p]


def _draw_basis(flow: Flow, items: tuple[str, ...], style: ParagraphStyle) -> None:
    """``Dasar : 1. …`` with the numbers hanging, as in a Surat Keputusan."""
    label = text("basis")
    indent = max(22 * mm, text_width(label, REGULAR, style.fontSize) + 5 * mm)
    plain = ParagraphStyle("basis-label", parent=style, leftIndent=0, alignment=TA_LEFT)
    for number, item in enumerate(items, start=1):
        top, page = flow.y, flow.pages
        flow.paragraph(markup(item), style, indent=indent, bullet=f"{number}.")
        if number == 1:  # the label shares the first item's baseline: same style, same top
            if flow.pages != page:
                top = flow.geometry.continuation_top
            for text_, x in ((label, flow.x), (":", flow.x + indent - 4 * mm)):
                para = Paragraph(markup(text_), plain)
                _, height = para.wrap(indent, top)
                para.drawOn(flow.canvas, x, top - height)
        flow.space(1 * mm)


def _draw_recap(flow: Flow, codes: tuple[str, ...], recap: list[tuple[str, ...]]) -> None:
    labels = (
        text("recap_no"),
        text("recap_code"),
        text("recap_position"),
        text("recap_quota"),
        text("recap_registered"),
        text("recap_present"),
        *codes,
    )
    numeric = frozenset({0, *range(3, len(labels))})
    totals = [sum(int(row[i]) for row in recap) for i in range(3, len(labels))]
    # Counts as the README promises them in every document: 100.000, not 100000.
    total_row = (text("recap_total"), *(count_for_people(t) for t in totals))
    recap = [
        tuple(
            count_for_people(int(cell)) if i in numeric and cell.isdigit() else cell
            for i, cell in enumerate(row)
        )
        for row in recap
    ]
    sample = [*recap[:SAMPLE_ROWS], ("", "", "", *total_row[1:])]
    widths = fit_widths(labels, sample, flow.width, rigid=numeric)
    grid = Grid(
        [
            Column(label, width, "right" if i in numeric else "left")
            for i, (label, width) in enumerate(zip(labels, widths, strict=True))
        ]
    )
    first = recap[0] if recap else labels
    flow.ensure(16 + grid.header_height + grid.height_of(first))
    flow.centered_lines([text("recap_title")], BOLD, 10, 16)
    flow.space(1 * mm)
    grid.draw(
        flow,
        recap,
        total_row=total_row,
        total_span=3,
        continuation=_continued_title(text("recap_title")),
    )


def _continued_title(title: str) -> Callable[[Flow], None]:
    def draw(flow: Flow) -> None:
        flow.centered_lines([f"{title} {text('continued')}"], BOLD, 10, 16)
        flow.space(1 * mm)

    return draw


# --------------------------------------------------------------------------- results


class _Results:
    """Draws each formation's heading and table and collects its recap row."""

    def __init__(self, flow: Flow, head: list[FormationBlock]) -> None:
        self.flow = flow
        self.head = head
        self._grids: dict[tuple[object, ...], Grid] = {}

    def grid_for(self, table: ResultTable) -> Grid:
        key = (table.columns, table.numeric, table.centered)
        grid = self._grids.get(key)
        if grid is None:
            sample: Iterable[tuple[str, ...]] = itertools.islice(
                itertools.chain.from_iterable(
                    b.table.rows for b in self.head if b.table.columns == table.columns
                ),
                SAMPLE_ROWS,
            )
            rows = list(sample) or list(itertools.islice(table.rows, SAMPLE_ROWS))
            grid = self._grids[key] = results_grid(table, rows, self.flow.width)
        return grid

    def draw(
        self,
        doc: Announcement,
        formations: Iterable[FormationBlock],
        progress: Callable[[int], None] | None,
    ) -> list[tuple[str, ...]]:
        flow = self.flow
        # The results are the announcement's lampiran (Permendagri 1/2023): it says whose,
        # with the number and date, on its first page.
        flow.lines(
            [
                text("annex_of", title=doc.title, office=doc.letterhead.office.upper()),
                text("annex_number", number=doc.number),
                text("annex_date", date=long_date(doc.date).upper()),
            ],
            REGULAR,
            10,
            13,
            indent=flow.width * 0.55,
        )
        flow.space(4 * mm)
        flow.centered_lines([text("results_title", stage=doc.stage_name.upper())], BOLD, 11, 15)
        flow.space(3 * mm)
        recap: list[tuple[str, ...]] = []
        done = 0
        # Each page's code names the rows it shows (issue #11 §3): the canvas files the count
        # with every page, this one included.
        flow.canvas.rows_done = 0

        def report(rows: int) -> None:
            flow.canvas.rows_done = done + rows  # called just before the table breaks the page
            if progress is not None:
                progress(done + rows)

        for number, block in enumerate(formations, start=1):
            recap.append(_recap_row(number, block, doc.recap_codes))
            heading = text(
                "formation_heading",
                code=block.code,
                position=block.position_title,
                unit=block.unit,
                quota=block.quota,
            )
            lines = wrap_text(heading, BOLD, HEADING_SIZE, flow.width)
            rows = block.table.rows
            if not rows:
                flow.ensure(len(lines) * HEADING_LEADING + 16)
                self._heading(flow, lines)
                flow.paragraph(markup(text("no_participants")), styles(9.5)["left"])
                flow.space(4 * mm)
                continue
            grid = self.grid_for(block.table)
            # A short table stays whole; a longer one starts with at least two rows.
            lead = rows[:KEEP_WHOLE] if len(rows) <= KEEP_WHOLE else rows[:2]
            flow.ensure(
                len(lines) * HEADING_LEADING
                + 2
                + grid.header_height
                + sum(grid.height_of(row) for row in lead)
            )
            self._heading(flow, lines)
            done += grid.draw(
                flow,
                rows,
                continuation=self._continuation(block),
                progress=report,
            )
            flow.canvas.rows_done = done
            flow.space(4 * mm)
        return recap

    @staticmethod
    def _heading(flow: Flow, lines: list[str]) -> None:
        for line in lines:
            flow.y -= HEADING_LEADING
            draw_string(flow.canvas, flow.x, flow.y + 3, line, BOLD, HEADING_SIZE)
        flow.y -= 2

    def _continuation(self, block: FormationBlock) -> Callable[[Flow], None]:
        """Names the formation again, shorter, on each page its table continues on."""
        heading = text(
            "formation_continued",
            code=block.code,
            position=block.position_title,
            continued=text("continued"),
        )

        def draw(flow: Flow) -> None:
            self._heading(flow, wrap_text(heading, BOLD, HEADING_SIZE, flow.width))

        return draw


def _recap_row(number: int, block: FormationBlock, codes: tuple[str, ...]) -> tuple[str, ...]:
    return (
        str(number),
        block.code,
        f"{block.position_title}\n{block.unit}",
        str(block.quota),
        str(block.registered),
        str(block.present),
        *(str(block.counts.get(code, 0)) for code in codes),
    )


def _draw_closing(flow: Flow, items: tuple[str, ...]) -> None:
    """The numbered closing provisions, the numbers hanging (issue #11 §1)."""
    if not items:
        return
    style = styles()
    flow.ensure(14 * 3)
    flow.paragraph(markup(text("closing_intro")), style["body"])
    flow.space(1 * mm)
    for number, item in enumerate(items, start=1):
        flow.paragraph(markup(item), style["list"], bullet=f"{number}.")
        flow.space(1 * mm)
    flow.space(3 * mm)


def _draw_copies(flow: Flow, copies: tuple[str, ...]) -> None:
    """Tembusan, left under the signature; with one recipient, unnumbered."""
    if not copies:
        return
    style = styles(10)
    flow.space(4 * mm)
    flow.ensure(14 * min(3, len(copies) + 1))
    flow.paragraph(markup(text("copies_title")), style["left"])
    if len(copies) == 1:
        flow.paragraph(markup(copies[0]), style["left"])
        return
    for number, item in enumerate(copies, start=1):
        flow.paragraph(markup(item), style["list"], bullet=f"{number}.")


def _draw_components(flow: Flow, entries: tuple[tuple[str, str], ...]) -> None:
    """What each score column is: its name, code, range, weight and threshold, so a reader
    can recompute the final value (issue #11 §1)."""
    if not entries:
        return
    style = styles(10)["left"]
    item = ParagraphStyle("component", parent=style, leftIndent=6 * mm, firstLineIndent=-6 * mm)
    flow.space(2 * mm)
    flow.ensure(14 + 14 * min(2, len(entries)))
    flow.paragraph(f"<b>{markup(text('components_legend_title'))}</b>", style)
    flow.space(1 * mm)
    for name, meaning in entries:
        flow.paragraph(f"{markup(name)}: {markup(meaning)}", item)


def _draw_legend(flow: Flow, legend: tuple[tuple[str, str], ...]) -> None:
    if not legend:
        return
    style = styles(10)["left"]
    code_w = max(text_width(code, BOLD, 10) for code, _ in legend) + 3 * mm
    colon_w = text_width(": ", REGULAR, 10)
    flow.ensure(14 + 14 * min(2, len(legend)))
    flow.paragraph(f"<b>{markup(text('legend_title'))}</b>", style)
    flow.space(1 * mm)
    item = ParagraphStyle(
        "legend",
        parent=style,
        leftIndent=code_w + colon_w,
        firstLineIndent=-colon_w,
        bulletIndent=0,
        bulletFontName=BOLD,
        bulletFontSize=10,
    )
    for code, meaning in legend:
        flow.paragraph(": " + markup(meaning), item, bullet=code)  # bullets are not markup
