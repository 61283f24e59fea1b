"""Score sheet, attendance list, minutes and result slip, read back from their PDFs."""

from __future__ import annotations

import io
import re
from collections.abc import Callable

import pytest
from report_samples import (
    MEMBERS,
    NUMBER_PATTERN,
    RUBRIC,
    attendance,
    minutes,
    page_texts,
    pdf_reader,
    score_sheet,
    slip,
)

from app.reports import (
    qr,
    render_attendance,
    render_minutes,
    render_score_sheet,
    render_slip,
)


def render(function: Callable[..., int], doc: object) -> tuple[bytes, list[str]]:
    out = io.BytesIO()
    pages = function(doc, out)
    texts = page_texts(out.getvalue())
    assert pages == len(texts)
    for number, text in enumerate(texts, start=1):
        assert f"Halaman {number} dari {pages}" in text
        assert f"ID dokumen: {doc.document_id}" in text  # type: ignore[attr-defined]
    return out.getvalue(), texts


def test_score_sheet_has_one_box_per_aspect_and_one_row_per_participant_in_order() -> None:
    doc = score_sheet(45)
    _, texts = render(render_score_sheet, doc)
    assert len(texts) > 1
    codes = " ".join(code for code, _ in RUBRIC)
    with_rows = [t for t in texts if re.search(NUMBER_PATTERN, t)]
    assert len(with_rows) > 1
    for text in with_rows:  # the header, with every aspect box, repeats on each page
        assert f"No. Nomor Peserta Nama {codes} Catatan" in text
    whole = "\n".join(texts)
    for code, name in RUBRIC:
        assert f"{code} – {name}" in whole
    assert re.findall(NUMBER_PATTERN, whole) == [number for number, _ in doc.participants]
    for index, (number, name) in enumerate(doc.participants, start=1):
        assert re.search(rf"^{index} {number} {name}$", whole, re.M), number
    assert "Praktik kerja (PRAKTIK)" in whole and "0–100" in whole
    assert "Ir. RAHMAT HIDAYAT" in texts[-1]


def test_score_sheet_without_aspects_has_a_single_value_box() -> None:
    _, texts = render(render_score_sheet, score_sheet(3, aspects=()))
    assert "No. Nomor Peserta Nama Nilai Catatan" in texts[0]
    assert "Aspek penilaian" not in texts[0]


def test_score_sheet_with_many_aspects_turns_to_landscape() -> None:
    many = tuple((f"A{i}", f"Aspek {i}") for i in range(1, 9))
    data, texts = render(render_score_sheet, score_sheet(3, aspects=many))
    box = pdf_reader(data).pages[0].mediabox
    assert box.width > box.height
    assert "A1 A2 A3 A4 A5 A6 A7 A8 Catatan" in texts[0]


def test_attendance_list_names_every_participant_with_a_numbered_signature_box() -> None:
    doc = attendance(30)
    _, texts = render(render_attendance, doc)
    whole = "\n".join(texts)
    assert "DAFTAR HADIR PESERTA TES PRAKTIK KERJA" in whole
    assert "Kamis, 21 November 2024" in whole
    assert doc.session in whole and doc.place in whole
    assert re.findall(NUMBER_PATTERN, whole) == [n for n, _, _ in doc.participants]
    for index, (number, name, formation) in enumerate(doc.participants, start=1):
        assert f"{index} {number} {name} {formation} {index}." in whole
    assert "Jumlah peserta : 30 orang" in whole
    assert "Panitia / Pengawas Ruangan," in texts[-1]


def test_minutes_spell_the_date_and_give_every_member_a_signature_line() -> None:
    doc = minutes()
    _, texts = render(render_minutes, doc)
    whole = "\n".join(texts)
    assert "BERITA ACARA" in whole and f"Nomor: {doc.number}" in whole
    assert "Pada hari ini Kamis tanggal lima bulan Desember tahun dua ribu dua puluh empat" in (
        whole.replace("\n", " ")
    )
    assert set(re.findall(NUMBER_PATTERN, whole)) == {row[1] for row in doc.formation.table.rows}
    assert "musyawarah dan mufakat" in whole
    assert "Binjai, 5 Desember 2024" in whole
    for index, (role, name) in enumerate(MEMBERS, start=1):
        assert f"{index} {name} {role} {index}." in whole


def test_result_slip_shows_each_component_the_code_and_a_qr_code() -> None:
    doc = slip()
    data, texts = render(render_slip, doc)
    assert len(texts) == 1
    text = texts[0]
    for index, (component, value) in enumerate(doc.components, start=1):
        assert f"{index} {component} {value}" in text
    assert "Nilai akhir : 83.063" in text
    assert "Peringkat : 2 dari 5" in text
    assert "Kode : L — Lulus, peringkat dalam kebutuhan formasi" in text
    assert doc.participant_number in text and doc.participant_name in text
    page = pdf_reader(data).pages[0]
    assert any(qr.form_name(doc.verification_payload) in k for k in page["/Resources"]["/XObject"])


@pytest.mark.parametrize(
    ("function", "factory"),
    [
        (render_score_sheet, score_sheet),
        (render_attendance, attendance),
        (render_minutes, minutes),
        (render_slip, slip),
    ],
)
def test_every_document_embeds_its_fonts(function, factory) -> None:
    out = io.BytesIO()
    function(factory(), out)
    assert b"Helvetica" not in out.getvalue()
    for page in pdf_reader(out.getvalue()).pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object()["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor
