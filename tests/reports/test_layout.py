"""The pieces under the documents: wording, measuring, wrapping, column widths, page order."""

from __future__ import annotations

import datetime
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st
from report_samples import page_texts
from reportlab.pdfbase.pdfmetrics import stringWidth

from app.reports import fonts
from app.reports.canvas import DocumentCanvas
from app.reports.fonts import BOLD, REGULAR, balanced_wrap, text_width, wrap_text
from app.reports.layout import Flow, Geometry, PageFrame
from app.reports.table import fit_widths
from app.reports.wording import long_date, spell_number, weekday


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (1, "satu"),
        (11, "sebelas"),
        (15, "lima belas"),
        (21, "dua puluh satu"),
        (100, "seratus"),
        (111, "seratus sebelas"),
        (1000, "seribu"),
        (2024, "dua ribu dua puluh empat"),
        (1_250_000, "satu juta dua ratus lima puluh ribu"),
    ],
)
def test_numbers_are_spelled_in_indonesian(number: int, words: str) -> None:
    assert spell_number(number) == words


def test_dates_use_indonesian_names() -> None:
    day = datetime.date(2024, 12, 5)
    assert long_date(day) == "5 Desember 2024"
    assert weekday(day) == "Kamis"


@pytest.mark.parametrize("sample", ["Hello World", "0–100 é ĞÇ", "24300000000001", ""])
def test_text_width_matches_reportlab(sample: str) -> None:
    fonts.register()
    assert text_width(sample, BOLD, 9) == pytest.approx(stringWidth(sample, BOLD, 9))


@given(st.text(alphabet="abc ABCWMi.-()", max_size=80), st.floats(min_value=8, max_value=200))
def test_wrapping_keeps_every_character_and_fits(sample: str, width: float) -> None:
    lines = wrap_text(sample, REGULAR, 9, width)
    assert "".join(lines).replace(" ", "") == sample.replace(" ", "")
    for line in lines:
        assert len(line) == 1 or text_width(line, REGULAR, 9) <= width + 1e-6


def test_balanced_wrap_keeps_the_line_count_and_evens_the_lines() -> None:
    title = "PANITIA SELEKSI DAERAH PENGADAAN APARATUR SIPIL NEGARA"
    greedy = wrap_text(title, BOLD, 15, 330)
    even = balanced_wrap(title, BOLD, 15, 330)
    assert len(even) == len(greedy) == 2
    assert " ".join(even) == title
    spread = [text_width(line, BOLD, 15) for line in even]
    assert max(spread) - min(spread) < max(text_width(line, BOLD, 15) for line in greedy)


def test_column_widths_fill_the_space_and_favour_the_names() -> None:
    labels = ("No.", "Nomor Peserta", "Nama", "Nilai", "Keterangan")
    rows = [(str(i), f"2430{i:010d}", "MUHAMMAD RIZKY AL FARIZI", "88.125", "") for i in range(9)]
    rows.append(("10", "24300000000010", "ANI", "70.000", "Tidak hadir pada tes praktik"))
    widths = fit_widths(labels, rows, 400, rigid=frozenset({0, 1, 3}))
    assert sum(widths) == pytest.approx(400)
    assert widths[2] > widths[4]  # the names column is full, the notes column mostly empty
    assert widths[1] >= text_width("24300000000010", REGULAR, 9)


def test_column_widths_never_go_below_the_longest_word_when_space_is_short() -> None:
    labels = ("Nomor Peserta", "Nama", "Formasi")
    rows = [("24300000000001", "MUHAMMAD RIZKY", "Penata Kelola Sistem dan Teknologi Informasi")]
    widths = fit_widths(labels, rows, 260, rigid=frozenset({0}))
    assert sum(widths) == pytest.approx(260)
    assert widths[1] >= text_width("MUHAMMAD RIZKY", REGULAR, 9)  # short column stays whole
    assert widths[2] >= text_width("Informasi", REGULAR, 9)


def test_page_groups_are_written_in_the_requested_order() -> None:
    geometry = Geometry.a4()
    out = io.BytesIO()
    canvas = DocumentCanvas(out, (geometry.width, geometry.height), PageFrame(geometry, "X-1"))
    for group, label in (("later", "second part"), ("first", "first part")):
        canvas.begin_group(group)
        flow = Flow(canvas, geometry)
        flow.centered_lines([label], REGULAR, 11, 14)
        flow.new_page()
        flow.centered_lines([f"{label} continued"], REGULAR, 11, 14)
        flow.finish()
    assert canvas.write(order=("first", "later")) == 4
    texts = page_texts(out.getvalue())
    assert [t.splitlines()[0] for t in texts] == [
        "first part",
        "first part continued",
        "second part",
        "second part continued",
    ]
    assert [f"Halaman {i} dari 4" in t for i, t in enumerate(texts, start=1)] == [True] * 4
