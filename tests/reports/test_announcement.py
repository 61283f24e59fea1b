"""The announcement read back from its PDF: every row once, page frame on every page."""

from __future__ import annotations

import dataclasses
import io
import re
from collections import Counter

import pytest
from report_samples import NUMBER_PATTERN, announcement, page_texts, participant_number, pdf_reader

from app.reports import qr, render_announcement
from app.reports.model import Announcement, FormationBlock, ResultTable

BIG_FORMATIONS = 100
BIG_PER = 30  # 3,000 rows


def render(doc: Announcement, **kwargs: object) -> tuple[bytes, int]:
    out = io.BytesIO()
    pages = render_announcement(doc, out, **kwargs)  # type: ignore[arg-type]
    return out.getvalue(), pages


@pytest.fixture(scope="module")
def big() -> tuple[bytes, int, list[str], list[int]]:
    """A 3,000-row announcement fed through a generator, rendered and extracted once."""
    progress: list[int] = []
    data, pages = render(
        announcement(BIG_FORMATIONS, BIG_PER, generator=True), progress=progress.append
    )
    return data, pages, page_texts(data), progress


@pytest.mark.slow  # shares a 3,000-row announcement rendered once
def test_every_participant_appears_exactly_once_with_the_right_code(big) -> None:
    _, _, texts, _ = big
    text = "\n".join(texts)
    found = Counter(re.findall(NUMBER_PATTERN, text))
    expected = {participant_number(i) for i in range(1, BIG_FORMATIONS * BIG_PER + 1)}
    assert set(found) == expected
    assert set(found.values()) == {1}
    codes = dict(re.findall(rf"({NUMBER_PATTERN}) .* (L|TL|TH)\b", text))
    assert len(codes) == len(expected)
    for f in range(BIG_FORMATIONS):
        quota = 1 + f % 3
        for rank in range(1, BIG_PER + 1):
            number = participant_number(f * BIG_PER + rank)
            want = "L" if rank <= quota else ("TH" if rank == BIG_PER else "TL")
            assert codes[number] == want, number


@pytest.mark.slow  # shares a 3,000-row announcement rendered once
def test_pages_are_numbered_x_of_y_on_every_page(big) -> None:
    _, pages, texts, _ = big
    assert pages == len(texts) > 50
    for number, text in enumerate(texts, start=1):
        assert re.findall(r"Halaman \d+ dari \d+", text) == [f"Halaman {number} dari {pages}"]


@pytest.mark.slow  # shares a 3,000-row announcement rendered once
def test_document_id_and_qr_code_are_on_every_page(big) -> None:
    data, _, texts, _ = big
    assert all("ID dokumen: PGM-2024-SK-0001" in text for text in texts)
    name = qr.form_name(announcement().verification_payload)
    for page in pdf_reader(data).pages:
        xobjects = page["/Resources"]["/XObject"]
        key = next(k for k in xobjects if name in k)
        assert f"{key} Do".encode() in page.get_contents().get_data()


def test_the_qr_code_is_drawn_once_per_page(monkeypatch) -> None:
    calls: list[str] = []
    draw = qr.draw_qr

    def counting(canvas, payload, x, y, size):  # type: ignore[no-untyped-def]
        calls.append(payload)
        draw(canvas, payload, x, y, size)

    monkeypatch.setattr(qr, "draw_qr", counting)
    doc = announcement(6, 20)
    _, pages = render(doc)
    assert calls == [doc.verification_payload] * pages


def test_the_qr_form_holds_the_payload_matrix() -> None:
    """The form's rectangles cover exactly the dark modules (decoding is the verifier's job)."""
    payload = announcement().verification_payload
    matrix = qr.modules(payload)
    dark = sum(map(sum, matrix))
    assert 0 < dark < len(matrix) ** 2
    data, _ = render(announcement(1, 2))
    page = pdf_reader(data).pages[0]
    form = next(v for k, v in page["/Resources"]["/XObject"].items() if qr.form_name(payload) in k)
    ops = form.get_object().get_data().decode()
    widths = [float(w) for w in re.findall(r"[\d.]+ [\d.]+ ([\d.]+) 1 re", ops)]
    assert sum(widths) == dark


@pytest.mark.slow  # shares a 3,000-row announcement rendered once
def test_results_header_is_repeated_on_every_page_with_rows(big) -> None:
    _, _, texts, _ = big
    with_rows = [t for t in texts if re.search(NUMBER_PATTERN, t)]
    assert len(with_rows) > 40
    for text in with_rows:
        header = text.index("Peringkat Nomor Peserta Nama")
        first_row = re.search(NUMBER_PATTERN, text)
        assert first_row is not None and header < first_row.start()


@pytest.mark.slow  # shares a 3,000-row announcement rendered once
def test_a_formation_continued_on_the_next_page_repeats_its_heading(big) -> None:
    _, _, texts, _ = big
    continued = [t for t in texts if "(lanjutan)" in t and "REKAPITULASI" not in t]
    assert continued
    for text in continued:
        assert re.search(r"F\d{4} — .* \(lanjutan\)", text)


def test_generator_and_list_give_the_same_document() -> None:
    listed, _ = render(announcement(8, 12))
    streamed, _ = render(announcement(8, 12, generator=True))
    assert page_texts(listed) == page_texts(streamed)


@pytest.mark.slow  # shares a 3,000-row announcement rendered once
def test_progress_counts_rows_up_to_the_total(big) -> None:
    _, _, _, progress = big
    assert progress == sorted(progress)
    assert progress[-1] == BIG_FORMATIONS * BIG_PER
    assert len(progress) > 50


def test_cancelling_from_progress_stops_rendering() -> None:
    def cancel(rows: int) -> None:
        if rows > 100:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        render(announcement(20, 30), progress=cancel)


@pytest.mark.parametrize(
    ("extra", "landscape", "expected"),
    [(0, None, False), (2, None, True), (0, True, True), (2, False, False)],
)
def test_landscape_follows_the_number_of_columns(extra, landscape, expected) -> None:
    data, _ = render(announcement(2, 4, extra_columns=extra, landscape=landscape))
    for page in pdf_reader(data).pages:
        box = page.mediabox
        assert (box.width > box.height) is expected


def test_fonts_are_embedded_truetype_and_never_helvetica() -> None:
    data, _ = render(announcement())
    reader = pdf_reader(data)
    seen = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            seen.add(str(font["/BaseFont"]))
            descriptor = font.get("/FontDescriptor") or font["/DescendantFonts"][0]
            assert "/FontFile2" in descriptor.get_object()
    assert seen and not any("Helvetica" in name for name in seen)
    assert b"Helvetica" not in data


def test_front_matter_recap_legend_and_closing() -> None:
    data, _ = render(announcement(3, 5))
    first, *rest = page_texts(data)
    assert first.index("PENGUMUMAN") < first.index("Nomor: 800.1.2.2/1234/PANSELDA/2024")
    assert "TENTANG" in first
    assert "HASIL AKHIR SELEKSI KOMPETENSI" in first
    assert "Dasar" in first and "1." in first and "3." in first
    assert "REKAPITULASI PESERTA PER FORMASI" in first
    # 3 formations of 5: quotas 1+2+3, 15 registered, 3 absent (one per formation)
    assert re.search(r"Jumlah 6 15 12 6 6 0 3 0", first)
    pages = [first, *rest]
    # The announcement's own body is signed at its end, before the lampiran (tata naskah
    # dinas), and the signature never stands alone: "Demikian …" goes with it (issue #11 §1).
    signed = next(i for i, page in enumerate(pages) if "NIP. 19700512 199503 1 002" in page)
    lampiran = next(i for i, page in enumerate(pages) if "LAMPIRAN PENGUMUMAN" in page)
    assert signed < lampiran
    assert "Demikian pengumuman ini disampaikan" in pages[signed]
    assert "Ditetapkan di Binjai" in pages[signed]
    assert "pada tanggal 5 Desember 2024" in pages[signed]
    assert "Drs. AHMAD SYAHPUTRA, M.Si." in pages[signed]
    # The codes are explained with the tables they stand in.
    for code, _ in announcement().legend:
        assert code in "".join(pages[lampiran:])
    assert "Keterangan kode:" in "".join(pages[lampiran:])


def test_closing_provisions_are_numbered_and_the_copies_follow_the_signature() -> None:
    """Issue #11 §1: masa sanggah, next steps and the standard statements, numbered, then
    "Demikian …", the signature, and Tembusan under it."""
    import dataclasses

    doc = dataclasses.replace(
        announcement(2, 3),
        closing=(
            "Peserta yang berkeberatan dapat mengajukan sanggahan pada tanggal 6 Desember 2024.",
            "Peserta yang lulus wajib melakukan pemberkasan.",
            "Keputusan panitia bersifat mutlak dan tidak dapat diganggu gugat.",
        ),
        copies_to=("Wali Kota Binjai", "Kepala BKN Regional VI Medan"),
    )
    data, _ = render(doc)
    text = " ".join(" ".join(page_texts(data)).split())
    assert "Dengan ketentuan sebagai berikut: 1. Peserta yang berkeberatan" in text
    assert "2. Peserta yang lulus wajib melakukan pemberkasan. 3. Keputusan panitia" in text
    assert text.index("3. Keputusan panitia") < text.index("Demikian pengumuman ini")
    assert text.index("Demikian pengumuman ini") < text.index("Ditetapkan di Binjai")
    signature_at = text.index("NIP. 19700512 199503 1 002")
    assert signature_at < text.index("Tembusan: 1. Wali Kota Binjai 2. Kepala BKN Regional VI")


def test_signatory_prefix_images_and_signature_box() -> None:
    from report_samples import SIGNATORY

    image = _png()
    signatory = SIGNATORY.__class__(
        title=SIGNATORY.title,
        name=SIGNATORY.name,
        nip=SIGNATORY.nip,
        prefix="Plh.",
        signature_image=image,
        stamp_image=image,
    )
    boxes = []
    data, pages = render(announcement(signatory=signatory), on_signature_box=boxes.append)
    (box,) = boxes
    reader = pdf_reader(data)
    # The signature closes the body, before the lampiran starts on a page of its own.
    lampiran = next(
        i for i, page in enumerate(reader.pages) if "LAMPIRAN PENGUMUMAN" in page.extract_text()
    )
    assert box.page_index == lampiran - 1 and lampiran < pages
    page = reader.pages[box.page_index]
    assert "Plh. Ketua Panitia Seleksi Daerah," in page.extract_text()
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert 0 < box.x1 < box.x2 <= width and 0 < box.y1 < box.y2 <= height
    images = [v for v in page["/Resources"]["/XObject"].values() if v["/Subtype"] == "/Image"]
    assert images


def test_texts_with_pdf_special_and_non_ascii_characters_survive() -> None:
    odd = "NUR'AINI (ANI) \\ ÇAĞLAR – ÉLODIE"
    table = ResultTable(("No.", "Nomor Peserta", "Nama"), [("1", participant_number(1), odd)])
    block = FormationBlock("F1", "Jabatan (khusus)", "Unit – kerja", 1, {}, 1, 1, table)
    doc = announcement()
    doc = Announcement(**{**doc.__dict__, "formations": [block]})
    data, _ = render(doc)
    text = "\n".join(page_texts(data))
    assert odd in text
    assert "Jabatan (khusus) — Unit – kerja" in text


def test_empty_formations_and_no_formations_render() -> None:
    doc = announcement()
    empty = FormationBlock("F9", "Jabatan", "Unit", 1, {}, 0, 0, ResultTable(("No.",), []))
    data, _ = render(Announcement(**{**doc.__dict__, "formations": [empty]}))
    assert "Tidak ada peserta pada formasi ini." in "\n".join(page_texts(data))
    data, pages = render(Announcement(**{**doc.__dict__, "formations": iter(())}))
    assert pages == 2


def test_a_row_with_the_wrong_number_of_cells_is_refused() -> None:
    doc = announcement()
    table = ResultTable(("No.", "Nama"), [("1", "A", "extra")])
    block = FormationBlock("F1", "J", "U", 1, {}, 1, 1, table)
    with pytest.raises(ValueError, match="3 cells"):
        render(Announcement(**{**doc.__dict__, "formations": [block]}))


def _png() -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (200, 80), (0, 0, 0, 0))
    ImageDraw.Draw(image).line([(10, 60), (80, 10), (120, 60), (190, 20)], fill="navy", width=4)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


@pytest.mark.slow  # shares a 3,000-row announcement rendered once
def test_a_continued_table_never_starts_a_page_with_a_lone_row(big) -> None:
    _, _, texts, _ = big
    for text in texts:
        if "(lanjutan)" not in text or "REKAPITULASI" in text:
            continue
        continued = text.split("(lanjutan)", 1)[1]
        continued = re.split(r"\nF\d{4} — ", continued)[0]
        assert len(re.findall(NUMBER_PATTERN, continued)) >= 2


def test_the_printed_qr_code_decodes_to_the_payload(tmp_path) -> None:
    """Rasterise the last page as a scanner would and decode it."""
    import pypdfium2
    import zxingcpp

    doc = announcement(2, 3)
    data, pages = render(doc)
    (tmp_path / "a.pdf").write_bytes(data)
    document = pypdfium2.PdfDocument(tmp_path / "a.pdf")
    image = document[pages - 1].render(scale=200 / 72, grayscale=True).to_pil()
    document.close()
    found = zxingcpp.read_barcodes(image)
    assert [code.text for code in found] == [doc.verification_payload]


def test_a_nip_is_printed_in_its_groups() -> None:
    from app.reports.wording import nip_text

    assert nip_text("197503122000031004") == "19750312 200003 1 004"
    assert nip_text("19700512 199503 1 002") == "19700512 199503 1 002"  # already grouped
    assert nip_text("." * 40) == "." * 40  # a blank line to write on


def test_every_document_says_it_is_indonesian() -> None:
    """Issue #11 §1: the PDF catalog names the language, id-ID (readers, screen readers)."""
    data, _ = render(announcement(1, 2))
    assert pdf_reader(data).trailer["/Root"]["/Lang"] == "id-ID"


def test_the_recap_groups_thousands() -> None:
    """A count of a thousand or more reads 1.250 in the recap, as in every other document."""
    doc = announcement(1, 5)
    block = doc.formations[0]
    many = dataclasses.replace(block, registered=1250, present=1200)
    data, _ = render(dataclasses.replace(doc, formations=[many]))
    first = page_texts(data)[0]
    assert re.search(r"Jumlah 1 1\.250 1\.200", first), first
