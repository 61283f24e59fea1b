"""The forms drawn in memory (issue #10 §4): numbers read the Indonesian way, a formation's slips
in one PDF with progress and cancel, Indonesian documents from an English session, file names
without folders."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from app import messages
from app.services.actor import Actor
from app.services.database import Database
from app.services.demo import create_demo
from app.services.documents import (
    form_choices,
    formation_slips_pdf,
    minutes_pdf,
    score_sheet_pdf,
    slip_pdf,
)
from app.services.errors import UserError
from app.services.progress import Cancelled, Progress
from app.services.ranking import compute_ranking

ADMIN = Actor("ketua", "admin")
PRESETS = Path(__file__).resolve().parents[2] / "resources" / "schemes"


def _pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


@pytest.fixture(scope="module")
def demo(
    tmp_path_factory: pytest.TempPathFactory, new_database: Callable[[Path], Database]
) -> Iterator[tuple[Database, int]]:
    db = new_database(tmp_path_factory.mktemp("formulir") / "seleksi.db")
    info = create_demo(db, ADMIN, "binjai-kompetensi", participants=60, seed=4)
    yield db, info.id
    db.close()


@pytest.fixture(scope="module")
def decimal_scheme(
    tmp_path_factory: pytest.TempPathFactory, new_database: Callable[[Path], Database]
) -> Iterator[tuple[Database, int]]:
    """The Binjai scheme with a half-point step and weights and a threshold that are not
    whole numbers."""
    text = (PRESETS / "binjai-kompetensi.toml").read_text(encoding="utf-8")
    text = text.replace('code = "binjai-kompetensi"', 'code = "uji-desimal"')
    text = text.replace(
        "max = 100\nstep = 1\nweight = 35\nthreshold = 60",
        "max = 100\nstep = 0.5\nweight = 37.5\nthreshold = 62.5",
    )
    text = text.replace("weight = 40\nthreshold = 60", "weight = 37.5\nthreshold = 60", 1)
    text = text.replace("weight = 40\ndescription", "weight = 37.5\ndescription", 1)
    text = text.replace(
        'name = "Ketepatan & keselamatan kerja"\nweight = 20',
        'name = "Ketepatan & keselamatan kerja"\nweight = 22.5',
    )
    folder = tmp_path_factory.mktemp("desimal")
    scheme = folder / "desimal.toml"
    scheme.write_text(text, encoding="utf-8")
    db = new_database(folder / "seleksi.db")
    info = create_demo(db, ADMIN, str(scheme), participants=30, seed=5)
    yield db, info.id
    db.close()


def _formation(db: Database, selection: int) -> tuple[str, list[str]]:
    """A formation with several participants in the stage, and their numbers."""
    rows = compute_ranking(db, selection).rows
    by_formation: dict[str, list[str]] = {}
    for row in rows:
        by_formation.setdefault(row.formation, []).append(row.number)
    code = max(by_formation, key=lambda f: (len(by_formation[f]), f))
    return code, sorted(by_formation[code])


def test_a_blank_score_sheet_prints_its_numbers_with_a_decimal_comma(
    decimal_scheme: tuple[Database, int],
) -> None:
    db, selection = decimal_scheme
    document = score_sheet_pdf(db, selection, "PRAKTIK", formation="BNJ-01")
    text = "\n".join(_pages(document.data))
    assert "0–100, kelipatan 0,5" in text
    assert "37,5 %" in text  # the component's weight
    assert "62,5" in text  # its threshold
    assert "(bobot 37,5 %)" in text and "(bobot 22,5 %)" in text and "(bobot 20 %)" in text
    assert "37.5" not in text and "62.5" not in text and "0.5" not in text
    assert document.name == "Blanko penilaian PRAKTIK BNJ-01"


def test_a_whole_number_scheme_prints_no_decimals(demo: tuple[Database, int]) -> None:
    db, selection = demo
    text = "\n".join(_pages(score_sheet_pdf(db, selection, "PRAKTIK").data))
    assert ": 0–100" in text
    assert "kelipatan" not in text  # a step of 1 goes without saying
    assert "35 %" in text and "(bobot 40 %)" in text
    assert "Semua formasi" in text


def test_the_slips_of_a_formation_come_in_one_pdf_each_slip_whole(
    demo: tuple[Database, int],
) -> None:
    db, selection = demo
    formation, numbers = _formation(db, selection)
    steps: list[tuple[int, int]] = []
    document = formation_slips_pdf(
        db, selection, formation.lower(), progress=Progress(lambda d, t: steps.append((d, t)))
    )
    pages = _pages(document.data)
    assert document.pages == len(pages) == len(numbers)  # a slip is one page
    assert steps[0] == (0, len(numbers)) and steps[-1] == (len(numbers), len(numbers))
    assert [d for d, _t in steps] == list(range(len(numbers) + 1))
    for number, text in zip(numbers, pages, strict=True):  # in the order of the numbers
        assert number in text
        assert "SLIP HASIL SELEKSI" in text
        assert "Halaman 1 dari 1" in text  # each slip counts its own pages
    ids = {line for text in pages for line in text.splitlines() if line.startswith("ID dokumen")}
    assert len(ids) == len(numbers)  # every slip its own document id
    assert document.name == f"Slip hasil AKHIR {formation}"
    # The same slip as the one made alone, apart from its id.
    alone = _pages(slip_pdf(db, selection, numbers[0]).data)
    assert len(alone) == 1
    assert alone[0].split("ID dokumen")[0] == pages[0].split("ID dokumen")[0]


def test_a_cancelled_batch_stops_at_the_next_slip(demo: tuple[Database, int]) -> None:
    db, selection = demo
    formation, numbers = _formation(db, selection)
    progress = Progress()
    seen: list[int] = []

    def step(done: int, _total: int) -> None:
        seen.append(done)
        if done == 2:
            progress.cancel()

    progress.on_step = step
    with pytest.raises(Cancelled):
        formation_slips_pdf(db, selection, formation, progress=progress)
    assert seen == [0, 1, 2]
    assert len(numbers) > 3


def test_slips_of_an_unknown_formation_are_refused(demo: tuple[Database, int]) -> None:
    db, selection = demo
    with pytest.raises(UserError) as refused:
        formation_slips_pdf(db, selection, "TIDAK-ADA")
    assert "TIDAK-ADA" in refused.value.text()


def test_documents_stay_indonesian_in_an_english_session(
    demo: tuple[Database, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, selection = demo
    formation, numbers = _formation(db, selection)
    messages.set_language("en")
    try:
        sheet = "\n".join(_pages(score_sheet_pdf(db, selection, "PRAKTIK").data))
        slip = _pages(slip_pdf(db, selection, numbers[0]).data)[0]
        minutes = "\n".join(_pages(minutes_pdf(db, selection, formation).data))
        with pytest.raises(UserError) as refused:
            slip_pdf(db, selection, "tidak-ada")
        assert "tidak-ada" in refused.value.text() and "participant" in refused.value.text()
    finally:
        messages.set_language("id")
    assert "BLANKO PENILAIAN" in sheet and "Semua formasi" in sheet
    assert "SCORE SHEET" not in sheet and "All formations" not in sheet
    assert any(word in slip for word in ("kebutuhan", "ambang", "hadir", "mengundurkan"))
    assert "within" not in slip and "vacanc" not in slip
    assert "telah memeriksa dan menetapkan hasil" in minutes.replace("\n", " ")


def test_a_minutes_number_makes_a_file_name_without_folders(demo: tuple[Database, int]) -> None:
    db, selection = demo
    formation, _numbers = _formation(db, selection)
    document = minutes_pdf(db, selection, formation, number=" 012/BA/PANSELDA/2024 ")
    assert document.name == f"Berita acara AKHIR {formation} 012-BA-PANSELDA-2024"
    assert "012/BA/PANSELDA/2024" in _pages(document.data)[0]


def test_the_choices_name_stages_components_formations(demo: tuple[Database, int]) -> None:
    db, selection = demo
    choices = form_choices(db, selection)
    assert [s.code for s in choices.stages] == ["AKHIR"]
    stage = choices.stages[0]
    assert [code for code, _name in stage.components] == ["PENGETAHUAN", "PRAKTIK", "PSIKOTES"]
    assert stage.paper_component == "PRAKTIK"  # scored aspect by aspect, on paper
    assert sum(f.participants for f in choices.formations) == 60
    assert choices.sessions == ()  # the demo imports no ``sesi``
    assert choices.place


def test_a_count_above_999_is_grouped_on_the_attendance_list() -> None:
    import datetime as dt

    from app.reports.attendance import render_attendance
    from app.reports.model import AttendanceList, Letterhead

    out = io.BytesIO()
    render_attendance(
        AttendanceList(
            letterhead=Letterhead("PEMERINTAH KOTA BINJAI", "PANITIA SELEKSI", "Jl. Uji 1"),
            title="DAFTAR HADIR PESERTA",
            session="Sesi 1",
            place="Binjai",
            date=dt.date(2024, 12, 5),
            participants=[(f"24{n:06d}", f"Peserta {n}", "BNJ-01") for n in range(1250)],
            document_id="SASN-2024-UJI",
        ),
        out,
    )
    last = _pages(out.getvalue())[-1]
    assert "1.250 orang" in last and "1250 orang" not in last


def test_an_attendance_list_names_only_who_takes_the_stage(
    tmp_path: Path, new_database: Callable[[Path], Database]
) -> None:
    """Issue #11 §5: CPNS AKHIR lists the SKD P/L, never a participant who withdrew (APS);
    the formation is shown by its name too."""
    from pypdf import PdfReader

    from app.services.demo import create_demo
    from app.services.documents import attendance_pdf, stage_takers
    from app.services.marks import mark_participant
    from app.services.ranking import compute_ranking

    db = new_database(tmp_path / "cpns.db")
    info = create_demo(db, Actor("ketua", "admin"), "cpns-2024", participants=120, seed=4)
    from app.scoring.status import Status

    skd = compute_ranking(db, info.id, "SKD")
    formation = skd.rows[0].formation
    everyone = {r.number for r in skd.rows if r.formation == formation}
    gone = (Status.WITHDRAWN, Status.DISQUALIFIED)
    akhir = [r for r in compute_ranking(db, info.id, "AKHIR").rows if r.formation == formation]
    admitted = {r.number for r in akhir if r.status not in gone}  # the SKD cut, still in
    assert admitted < everyone
    assert stage_takers(db, info.id, "AKHIR", formation) & everyone == admitted
    skd_takers = {r.number for r in skd.rows if r.formation == formation and r.status not in gone}
    assert stage_takers(db, info.id, "SKD", formation) & everyone == skd_takers
    leaving = sorted(admitted)[0]
    mark_participant(
        db, Actor("ketua", "admin"), info.id, leaving, "APS", "mengundurkan diri", "AKHIR"
    )
    taking = stage_takers(db, info.id, "AKHIR", formation) & everyone
    assert taking == admitted - {leaving}
    document = attendance_pdf(db, info.id, formation=formation, stage_code="AKHIR")
    out = tmp_path / "hadir.pdf"
    document.save(out)
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert all(number in text for number in taking)
    assert not any(number in text for number in everyone - taking)
    assert f"{formation} — " in text  # by its name, not only its code
    db.close()


def test_slips_and_minutes_before_finalization_say_sementara(
    tmp_path: Path, new_database: Callable[[Path], Database]
) -> None:
    """Issue #11 §3: printed before the formation is final, every page of a slip or of the
    minutes is marked SEMENTARA; after finalization it is not."""
    from app.services.documents import RenderedDocument, minutes_pdf, slip_pdf
    from app.services.finalization import finalize

    admin = Actor("ketua", "admin")
    db = new_database(tmp_path / "binjai.db")
    info = create_demo(db, admin, "binjai-kompetensi", participants=30, seed=2)
    row = compute_ranking(db, info.id).rows[0]

    def texts(document: RenderedDocument) -> str:
        out = tmp_path / "x.pdf"
        document.save(out)
        return "".join(page.extract_text() for page in PdfReader(out).pages)

    assert "SEMENTARA" in texts(slip_pdf(db, info.id, row.number))
    assert "SEMENTARA" in texts(minutes_pdf(db, info.id, row.formation))
    finalize(db, admin, info.id, "AKHIR")
    assert "SEMENTARA" not in texts(slip_pdf(db, info.id, row.number))
    assert "SEMENTARA" not in texts(minutes_pdf(db, info.id, row.formation))
    db.close()


def test_the_minutes_read_as_minutes(
    tmp_path: Path, new_database: Callable[[Path], Database]
) -> None:
    """Issue #11 §5: names in a sentence not in capitals, "tercantum di atas" after the table,
    the codes' legend, a real default number."""
    from app.services.documents import minutes_pdf

    db = new_database(tmp_path / "binjai.db")
    info = create_demo(db, Actor("ketua", "admin"), "binjai-kompetensi", participants=30, seed=2)
    formation = compute_ranking(db, info.id).rows[0].formation
    out = tmp_path / "ba.pdf"
    minutes_pdf(db, info.id, formation).save(out)
    text = " ".join("".join(page.extract_text() for page in PdfReader(out).pages).split())
    assert "Panitia Seleksi Daerah telah melaksanakan rapat" in text
    assert "sebagaimana tercantum di atas" in text and "di bawah ini" not in text
    assert "Keterangan kode: L: lulus" in text
    assert "Nomor: 001/BA-AKHIR/PANSELDA/" in text and "......" not in text
    db.close()


def test_a_score_sheet_has_place_date_and_nip_lines_and_names_the_formation(
    tmp_path: Path, new_database: Callable[[Path], Database]
) -> None:
    """Issue #11 §5: the assessor signs with place, date and NIP; the formation by name."""
    from app.services.documents import score_sheet_pdf

    db = new_database(tmp_path / "binjai.db")
    info = create_demo(db, Actor("ketua", "admin"), "binjai-kompetensi", participants=30, seed=2)
    formation = compute_ranking(db, info.id).rows[0].formation
    out = tmp_path / "blanko.pdf"
    score_sheet_pdf(db, info.id, "PRAKTIK", formation=formation, assessor="Budi").save(out)
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Binjai, ....." in text and "NIP. ....." in text and "Budi" in text
    assert f"{formation} — " in text
    db.close()


def test_a_slip_names_the_announcement_it_is_taken_from(
    tmp_path: Path, new_database: Callable[[Path], Database]
) -> None:
    """Issue #11 §5: before an announcement the slip says there is none; after, its number
    and date."""
    import datetime as dt

    from app.services.announcements import issue_announcement
    from app.services.documents import slip_pdf
    from app.services.finalization import finalize

    admin = Actor("ketua", "admin")
    db = new_database(tmp_path / "binjai.db")
    info = create_demo(db, admin, "binjai-kompetensi", participants=30, seed=2)
    number = compute_ranking(db, info.id).rows[0].number

    def text() -> str:
        out = tmp_path / "slip.pdf"
        slip_pdf(db, info.id, number).save(out)
        return " ".join("".join(p.extract_text() for p in PdfReader(out).pages).split())

    assert "Hasil tahap ini belum diumumkan." in text()
    finalize(db, admin, info.id, "AKHIR")
    issue_announcement(
        db, admin, info.id, None, tmp_path / "p.pdf", number="9/PANSELDA/2024",
        issued_on=dt.date(2024, 12, 5),
    )  # fmt: skip
    assert "Dikutip dari Pengumuman Nomor 9/PANSELDA/2024 tanggal 5 Desember 2024." in text()
    db.close()
