"""The minutes (berita acara) fixing the final results of one formation.

Written as Indonesian minutes are: the day and the date spelled out in words (so no digit can
be added later), the formation's facts, the results table, the committee's decision, and a
signature line for every committee member present.
"""

from __future__ import annotations

from typing import BinaryIO

from reportlab.lib.units import mm

from app.numbers import count_for_people
from app.reports import fonts
from app.reports.blocks import draw_fields
from app.reports.canvas import DocumentCanvas
from app.reports.fonts import BOLD, REGULAR, draw_string
from app.reports.layout import Flow, Geometry, PageFrame, markup, styles
from app.reports.model import Minutes
from app.reports.qr import document_payload
from app.reports.table import Column, Grid, GridStyle, fit_widths, results_grid
from app.reports.wording import long_date, month_name, spell_number, text, weekday

SIGNATURE_WIDTH = 45 * mm


def render_minutes(doc: Minutes, out: BinaryIO) -> int:
    """Write the minutes as PDF to ``out``; returns the number of pages."""
    fonts.register()
    block = doc.formation
    geometry = Geometry.a4(landscape=len(block.table.columns) > 9, qr_footer=True)
    frame = PageFrame(
        geometry,
        doc.document_id,
        running_header=text("minutes_running", number=doc.number),
        qr_payload=document_payload(doc.document_id),
        chain_anchor=doc.chain_anchor.printed if doc.chain_anchor else "",
        provisional=doc.provisional,
    )
    canvas = DocumentCanvas(out, (geometry.width, geometry.height), frame)
    canvas.setTitle(f"{text('minutes_title')} {doc.number}")
    canvas.setKeywords(
        f"{doc.document_id} {doc.chain_anchor.keyword}" if doc.chain_anchor else doc.document_id
    )
    canvas.setCreator("Seleksi ASN")
    flow = Flow(canvas, geometry, letterhead=doc.letterhead)
    body = styles()["body"]

    flow.centered_lines([text("minutes_title")], BOLD, 13, 16)
    flow.centered_lines([text("number", number=doc.number)], REGULAR, 11, 14)
    flow.space(2 * mm)
    flow.centered_lines([text("about")], REGULAR, 11, 14)
    flow.centered_lines(
        [
            text("minutes_about", stage=doc.stage_name.upper()),
            f"{block.position_title} — {block.unit}".upper(),
        ],
        BOLD,
        11,
        14,
    )
    flow.space(6 * mm)
    opening = text(
        "minutes_opening",
        weekday=weekday(doc.date),
        day=spell_number(doc.date.day),
        month=month_name(doc.date),
        year=spell_number(doc.date.year),
        place=doc.closing_place,
        # Inside a sentence a name is written as a name, not in the letterhead's capitals.
        office=doc.letterhead.office.title()
        if doc.letterhead.office.isupper()
        else doc.letterhead.office,
        stage=doc.stage_name,
    )
    flow.paragraph(markup(opening), body)
    flow.space(2 * mm)
    people = text("minutes_people", n="{n}")
    draw_fields(
        flow,
        (
            (text("minutes_code"), block.code),
            (text("minutes_position"), block.position_title),
            (text("minutes_unit"), block.unit),
            (text("minutes_quota"), str(block.quota)),
            (text("minutes_registered"), people.format(n=count_for_people(block.registered))),
            (text("minutes_present"), people.format(n=count_for_people(block.present))),
            (
                text("minutes_counts"),
                ", ".join(f"{code} {n}" for code, n in block.counts.items()) or "-",
            ),
        ),
        indent=6 * mm,
    )
    flow.space(4 * mm)
    rows = block.table.rows
    if rows:
        grid = results_grid(block.table, rows[:300], flow.width)
        flow.ensure(grid.header_height + grid.height_of(rows[0]))
        grid.draw(flow, rows)
        flow.space(2 * mm)
        _draw_legend(flow, doc.legend)
        flow.space(3 * mm)
    for part in [p for p in doc.text.split("\n\n") if p.strip()]:
        flow.paragraph(markup(part.strip()), body)
        flow.space(2 * mm)
    flow.paragraph(markup(text("minutes_closing")), body)
    flow.space(5 * mm)

    _draw_members(flow, doc)
    flow.finish()
    return canvas.write()


def _in_sentence(name: str) -> str:
    """Inside a sentence a name is written as a name, not in the letterhead's capitals."""
    return name.title() if name.isupper() else name


def _draw_legend(flow: Flow, legend: tuple[tuple[str, str], ...]) -> None:
    """The codes of the table, one line: ``L: lulus; TL: tidak lulus; …``."""
    if legend:
        entries = "; ".join(f"<b>{markup(code)}</b>: {markup(meaning)}" for code, meaning in legend)
        flow.paragraph(f"{markup(text('legend_title'))} {entries}", styles(9)["left"])


def _draw_members(flow: Flow, doc: Minutes) -> None:
    """Place and date on the right, then every member's name, role and signature box."""
    style = GridStyle(size=10, leading=12, min_row_height=11 * mm)
    labels = (text("col_no"), text("col_name"), text("col_role"))
    sample = [(str(len(doc.members)), name, role) for role, name in doc.members]
    widths = fit_widths(
        labels, sample, flow.width - SIGNATURE_WIDTH, rigid=frozenset({0}), style=style
    )
    grid = Grid(
        [
            Column(labels[0], widths[0], "right"),
            Column(labels[1], widths[1]),
            Column(labels[2], widths[2]),
            Column(text("col_signature"), SIGNATURE_WIDTH, "signature"),
        ],
        style,
    )
    rows = [
        (str(index), name, role, f"{index}.")
        for index, (role, name) in enumerate(doc.members, start=1)
    ]
    heights = [grid.height_of(row) for row in rows]
    whole = 14 * 3 + grid.header_height + sum(heights)
    # Keep the signature table on one page when it can be; else at least its first rows.
    page = flow.geometry.continuation_top - flow.bottom
    flow.ensure(whole if whole <= page else 14 * 3 + grid.header_height + sum(heights[:2]))
    place_date = text("place_date", place=doc.closing_place, date=long_date(doc.date))
    flow.y -= 14
    draw_string(flow.canvas, flow.x + flow.width - 70 * mm, flow.y + 3, place_date, REGULAR, 11)
    flow.y -= 6
    flow.paragraph(markup(text("minutes_signers")), styles()["left"])
    flow.space(2 * mm)
    grid.draw(flow, rows)
