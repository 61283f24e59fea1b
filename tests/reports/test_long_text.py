"""Long text in a document (issue #9): wrapped in one pass, and bounded where a page is.

A 5,000-character name made a 31-row announcement take 69 s: the wrap measured ever shorter
prefixes of a word too long for its cell. The time is measured in ``bench/documents.py``
(``--name-length``); here the output: every character kept where the text wraps, and a cell
or field that a page cannot hold ends in "…" instead of running off the page.
"""

from __future__ import annotations

import dataclasses
import io

import pytest
from report_samples import announcement, page_texts, slip

from app.reports import render_announcement, render_slip
from app.reports.fonts import BOLD, REGULAR, register, text_width, wrap_text
from app.reports.layout import fit_line
from app.reports.model import Announcement
from app.reports.table import Column, Grid, GridStyle

ELLIPSIS = "…"


def test_a_word_longer_than_a_line_is_broken_keeping_every_character() -> None:
    register()
    word = "ABCDEFGHIJKLMNOPQRSTUVWXYZ" * 200
    lines = wrap_text(f"Siti {word} Aminah", REGULAR, 9, 120)
    assert lines[0] == "Siti"
    assert "".join(lines).replace(" ", "") == f"Siti{word}Aminah"
    assert all(text_width(line, REGULAR, 9) <= 120 for line in lines)


def test_a_limit_of_lines_ends_the_text_with_an_ellipsis() -> None:
    register()
    text = " ".join(["Muhammad"] * 400)
    lines = wrap_text(text, BOLD, 10, 150, max_lines=3)
    assert len(lines) == 3
    assert lines[-1].endswith(ELLIPSIS)
    assert all(text_width(line, BOLD, 10) <= 150 for line in lines)
    assert wrap_text("Siti Aminah", BOLD, 10, 150, max_lines=3) == ["Siti Aminah"]


def test_a_running_header_is_shortened_in_one_pass() -> None:
    register()
    line = fit_line("Pengumuman " + "X" * 5000, REGULAR, 8, 200)
    assert line.endswith(ELLIPSIS) and line.startswith("Pengumuman X")
    assert text_width(line, REGULAR, 8) <= 200


def test_a_cell_holding_a_5000_character_name_stays_a_row_a_page_can_hold() -> None:
    style = GridStyle()
    grid = Grid([Column("No.", 30, "right"), Column("Nama", 140)], style)
    height = grid.height_of(("1", "A" * 5000))
    # Twenty lines at most: far below a page, and more than a 200-character name needs.
    assert height <= 20 * style.leading + 2 * style.pad_y
    # A 200-character name wraps whole: as many lines as it needs, none cut.
    name = " ".join(["Nur"] * 50)
    lines = wrap_text(name, REGULAR, style.size, 140 - 2 * style.pad_x)
    assert not lines[-1].endswith(ELLIPSIS)
    assert grid.height_of(("1", name)) == pytest.approx(
        len(lines) * style.leading + 2 * style.pad_y
    )


def _with_name(doc: Announcement, name: str) -> Announcement:
    blocks = list(doc.formations)
    first = blocks[0]
    rows = list(first.table.rows)
    rows[0] = (*rows[0][:2], name, *rows[0][3:])
    blocks[0] = dataclasses.replace(first, table=dataclasses.replace(first.table, rows=rows))
    return dataclasses.replace(doc, formations=blocks)


def test_an_announcement_prints_a_200_character_name_whole() -> None:
    name = " ".join(f"NAMA{i:02d}" for i in range(34))[:200]
    out = io.BytesIO()
    render_announcement(_with_name(announcement(2, 5), name), out)
    text = " ".join(" ".join(page_texts(out.getvalue())).split())
    assert all(word in text for word in name.split())


def test_an_announcement_with_a_5000_character_name_prints_its_start_and_an_ellipsis() -> None:
    name = "B" * 5000
    out = io.BytesIO()
    pages = render_announcement(_with_name(announcement(2, 5), name), out)
    text = "".join(page_texts(out.getvalue()))
    assert pages <= 3
    assert "B" * 20 in text and ELLIPSIS in text
    assert text.count("B") < 1000


def test_a_slip_bounds_a_long_name_field() -> None:
    out = io.BytesIO()
    pages = render_slip(dataclasses.replace(slip(), participant_name="C" * 5000), out)
    assert pages == 1
    assert ELLIPSIS in "".join(page_texts(out.getvalue()))
