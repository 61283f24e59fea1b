"""Issuing and verifying announcements: snapshot, hashes, QR on every page, signature."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from pypdf import PdfReader

from app.services.actor import Actor
from app.services.announcements import (
    PAYLOAD_PREFIX,
    issue_announcement,
    list_announcements,
    snapshot_of,
    verify_announcement,
)
from app.services.database import Database
from app.services.demo import create_demo
from app.services.errors import PermissionDenied, UserError
from app.services.finalization import finalize, reopen
from app.services.ranking import compute_ranking
from app.services.score_entry import save_score
from app.services.signing import certificate_fingerprint, create_committee_key

ADMIN = Actor("ketua", "admin")
PASSWORD = "kunci-panitia-2024"


@pytest.fixture(scope="module")
def selection(
    tmp_path_factory: pytest.TempPathFactory, new_database: Callable[[Path], Database]
) -> tuple[Path, int]:
    folder = tmp_path_factory.mktemp("pengumuman")
    db = new_database(folder / "seleksi.db")
    info = create_demo(db, ADMIN, "binjai-kompetensi", participants=90, seed=11)
    finalize(db, ADMIN, info.id, "AKHIR")  # announcements are issued from final results only
    db.close()
    return folder / "seleksi.db", info.id


@pytest.fixture
def db(
    selection: tuple[Path, int], tmp_path: Path, copy_database: Callable[[Path, Path], Database]
) -> Database:
    return copy_database(selection[0], tmp_path / "seleksi.db")


def _issue(
    db: Database, selection_id: int, out: Path, number: str = "001/PANSELDA/2024", **options: object
):
    return issue_announcement(
        db, ADMIN, selection_id, None, out, number=number,
        issued_on=dt.date(2024, 12, 5), **options,
    )  # fmt: skip


def test_every_participant_is_printed_once_with_the_right_code(
    db: Database, selection: tuple[Path, int], tmp_path: Path
) -> None:
    out = tmp_path / "pengumuman.pdf"
    info = _issue(db, selection[1], out)
    reader = PdfReader(out)
    text = "\n".join(page.extract_text() for page in reader.pages)
    ranking = compute_ranking(db, selection[1])
    for row in ranking.rows:
        assert text.count(row.number) == 1
        line = next(line for line in text.splitlines() if row.number in line)
        assert row.code in line
    assert info.rows == len(ranking.rows)
    total = len(reader.pages)
    for index, page in enumerate(reader.pages, start=1):
        assert f"Halaman {index} dari {total}" in page.extract_text()
        assert info.document_id in page.extract_text()


def test_the_qr_code_of_every_page_names_its_page_rows_and_the_hash(
    db: Database, selection: tuple[Path, int], tmp_path: Path
) -> None:
    out = tmp_path / "pengumuman.pdf"
    info = _issue(db, selection[1], out)
    from app.services.page_seal import parse_seal

    document = pypdfium2.PdfDocument(out)
    seals = []
    for page in document:
        image = page.render(scale=2.5).to_pil()
        [code] = [barcode.text for barcode in zxingcpp.read_barcodes(image)]
        seals.append(parse_seal(code))
    total = len(document)
    document.close()
    # Each page's own code (issue #11 §3): its document, page of pages, the results' hash,
    # and the rows it shows, which together are every stored row once and in order.
    shown = 0
    for index, seal in enumerate(seals, start=1):
        assert seal is not None and (seal.document_id, seal.page, seal.pages) == (
            info.document_id, index, total,
        )  # fmt: skip
        assert seal.snapshot_sha256 == info.snapshot_sha256
        assert not seal.signature  # issued without the committee key
        if seal.row_count:
            assert seal.first_row == shown + 1
            shown += seal.row_count
    assert shown == info.rows
    # The file's keywords still name the document and its hash, for a verifier of the PDF.
    assert f"{PAYLOAD_PREFIX}|{info.document_id}|{info.snapshot_sha256}" in str(
        PdfReader(out).metadata.get("/Keywords")
    )


def test_an_issued_file_verifies_and_a_changed_byte_does_not(
    db: Database, selection: tuple[Path, int], tmp_path: Path
) -> None:
    out = tmp_path / "pengumuman.pdf"
    _issue(db, selection[1], out)
    assert verify_announcement(db, out).ok
    altered = bytearray(out.read_bytes())
    altered[len(altered) // 2] ^= 0x01
    changed = tmp_path / "diubah.pdf"
    changed.write_bytes(bytes(altered))
    result = verify_announcement(db, changed)
    assert not result.ok
    assert "berkas BERBEDA dari yang diterbitkan" in result.findings


def test_a_snapshot_changed_in_the_database_fails_verification(
    db: Database, selection: tuple[Path, int], tmp_path: Path
) -> None:
    out = tmp_path / "pengumuman.pdf"
    info = _issue(db, selection[1], out)
    with sqlite3.connect(db.path) as connection:
        # Someone with direct access removes the guard and edits a stored row.
        connection.execute("DROP TRIGGER announcement_no_update")
        snapshot = connection.execute("SELECT snapshot FROM announcement").fetchone()[0]
        connection.execute(
            "UPDATE announcement SET snapshot = ? WHERE document_id = ?",
            (snapshot.replace('"L"', '"TL"', 1), info.document_id),
        )
    result = verify_announcement(db, out)
    assert not result.ok
    assert any("TELAH DIUBAH" in finding for finding in result.findings)


def test_a_signed_announcement_verifies_against_the_committee_certificate(
    db: Database, selection: tuple[Path, int], tmp_path: Path
) -> None:
    p12, cert = tmp_path / "panitia.p12", tmp_path / "panitia.pem"
    create_committee_key(p12, cert, PASSWORD, "Panitia Seleksi Daerah", "Pemerintah Kota Binjai")
    out = tmp_path / "pengumuman.pdf"
    info = _issue(db, selection[1], out, key=(p12, PASSWORD))
    assert info.signed
    root = certificate_fingerprint(cert.read_bytes())
    # The closing text names the root a reader must trust (issue #11 §4), on the signed page.
    words = " ".join("".join(page.extract_text() for page in PdfReader(out).pages).split())
    assert f"sertifikat akar panitia: {root}" in words
    good = verify_announcement(db, out, cert)
    assert good.ok
    assert any("sah" in f and root in f for f in good.findings), good.findings
    # Without a certificate the file's own claim is named, to compare with the published one.
    alone = verify_announcement(db, out)
    assert any("bandingkan" in f and root in f for f in alone.findings), alone.findings
    # Another root, even of the same name: the signature is intact, but not the committee's.
    other_p12, other_cert = tmp_path / "lain.p12", tmp_path / "lain.pem"
    create_committee_key(
        other_p12, other_cert, PASSWORD, "Panitia Seleksi Daerah", "Pemerintah Kota Binjai"
    )
    stranger = verify_announcement(db, out, other_cert)
    assert not stranger.ok
    mismatch = [f for f in stranger.findings if "TIDAK cocok" in f]
    assert mismatch and root in mismatch[0]
    assert certificate_fingerprint(other_cert.read_bytes()) in mismatch[0]
    with pytest.raises(UserError) as wrong:
        _issue(
            db, selection[1], tmp_path / "x.pdf", "002/PANSELDA/2024", key=(p12, "bukan-sandinya")
        )
    assert wrong.value.message == "sign.bad_key"


def test_reissuing_names_the_announcement_it_corrects(
    db: Database, selection: tuple[Path, int], tmp_path: Path
) -> None:
    first = _issue(db, selection[1], tmp_path / "1.pdf")
    second = issue_announcement(db, ADMIN, selection[1], None, tmp_path / "2.pdf")
    assert second.replaces == first.number
    assert [a.document_id for a in list_announcements(db, selection[1])] == [
        first.document_id,
        second.document_id,
    ]
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "2.pdf").pages[:1])
    assert first.number in text


def test_issuing_refuses_incomplete_results_and_non_admins(
    db: Database, selection: tuple[Path, int], tmp_path: Path
) -> None:
    with pytest.raises(PermissionDenied):
        issue_announcement(db, Actor("op", "operator"), selection[1], None, tmp_path / "a.pdf")
    row = compute_ranking(db, selection[1]).rows[0]
    reopen(db, ADMIN, selection[1], "AKHIR", [row.formation], "koreksi nilai")
    save_score(db, ADMIN, selection[1], row.number, "PENGETAHUAN", "", reason="koreksi")
    with pytest.raises(UserError) as incomplete:
        _issue(db, selection[1], tmp_path / "a.pdf")
    assert incomplete.value.message == "announce.incomplete"
    assert not (tmp_path / "a.pdf").exists()


def test_the_snapshot_is_the_canonical_json_of_every_printed_row(
    db: Database, selection: tuple[Path, int]
) -> None:
    import hashlib
    import json

    ranking = compute_ranking(db, selection[1])
    header = {"document_id": "SASN-2024-0", "selection": 'Seleksi "rows":[] é', "stage": "AKHIR"}
    text, digest = snapshot_of(ranking, header)
    expected = json.dumps(
        {**header, "columns": ranking.header(), "rows": [list(line) for line in ranking.lines()]},
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    assert text == expected
    assert digest == hashlib.sha256(expected.encode("utf-8")).hexdigest()


def test_the_issued_announcement_is_described_as_it_is_listed(
    db: Database, selection: tuple[Path, int], tmp_path: Path
) -> None:
    info = _issue(db, selection[1], tmp_path / "pengumuman.pdf")
    (listed,) = list_announcements(db, selection[1])
    assert info == listed  # ``changes`` and ``warnings`` are not compared


def test_the_pdf_takes_its_name_only_after_the_commit(
    db: Database,
    selection: tuple[Path, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A kill between writing the PDF and committing used to leave an official-looking file
    that ``verify`` rejects (issue #9 §5): now the file appears under its name only once the
    database holds the announcement, and a failed commit leaves no PDF under any name."""
    import os

    out = tmp_path / "pengumuman.pdf"
    stored_when_named: list[int] = []
    real_replace = os.replace

    def replace(source: object, target: object) -> None:
        if Path(str(target)) == out:
            with sqlite3.connect(db.path) as reader:  # another process's view of the file
                stored_when_named.append(
                    reader.execute("SELECT count(*) FROM announcement").fetchone()[0]
                )
        real_replace(str(source), str(target))

    monkeypatch.setattr("app.services.announcements.os.replace", replace)
    _issue(db, selection[1], out)
    assert stored_when_named == [1]
    assert verify_announcement(db, out).ok

    # A commit that fails (here: the audit chain refuses the event) leaves nothing behind.
    again = tmp_path / "kedua.pdf"

    def failing_audit(*_args: object, **_kwargs: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr("app.services.door.record", failing_audit)
    with pytest.raises(sqlite3.OperationalError):
        _issue(db, selection[1], again, "002/PANSELDA/2024")
    assert sorted(p.name for p in tmp_path.iterdir() if "kedua" in p.name) == []


def test_reopening_an_announced_stage_says_a_replacement_is_needed(
    db: Database, selection: tuple[Path, int], tmp_path: Path
) -> None:
    """Issue #10 §6: reopening a stage whose announcement is out names that announcement."""
    selection_id = selection[1]
    assert reopen(db, ADMIN, selection_id, "AKHIR", None, "sanggah").announced == ()
    finalize(db, ADMIN, selection_id, "AKHIR")
    _issue(db, selection_id, tmp_path / "pengumuman.pdf")
    result = reopen(db, ADMIN, selection_id, "AKHIR", None, "sanggah peserta")
    assert result.announced == ("001/PANSELDA/2024",)


def test_an_skd_announcement_prints_whole_totals_and_the_tie_break_notes(
    tmp_path: Path, new_database: Callable[[Path], Database]
) -> None:
    """The SKD total is a sum of whole scores: ``397``, never ``397,000`` (issue #10 §2); two
    equal totals ordered by TIU say so in catatan (§3)."""
    db = new_database(tmp_path / "cpns.db")
    info = create_demo(db, ADMIN, "cpns-2024", participants=400, seed=1)
    finalize(db, ADMIN, info.id, "SKD")
    out = tmp_path / "skd.pdf"
    issue_announcement(
        db, ADMIN, info.id, "SKD", out, number="002/PANSELDA/2024", issued_on=dt.date(2024, 12, 5)
    )
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    ranking = compute_ranking(db, info.id, "SKD")
    separated = [row for row in ranking.rows if row.separated]
    assert separated  # the demo has equal totals
    for row in ranking.rows[:50]:
        line = next(line for line in text.splitlines() if row.number in line)
        if row.final is not None:
            assert f" {row.final:.0f} " in f"{line} "
            assert f"{row.final:.0f},000" not in line
    flat = " ".join(text.split())
    for row in separated[:5]:
        assert f"nilai sama — menurut {row.separated}" in flat
    # Every field of every row reads back as printed: whole totals, wrapped notes.
    from pypdf import PdfWriter

    rewritten = tmp_path / "skd-ulang.pdf"
    with rewritten.open("wb") as handle:
        PdfWriter(clone_from=str(out)).write(handle)
    result = verify_announcement(db, rewritten)
    assert "semua baris hasil dalam berkas sesuai dengan data tersimpan" in result.findings
    db.close()


def test_a_replaced_announcement_is_no_longer_in_force(
    db: Database, selection: tuple[Path, int], tmp_path: Path
) -> None:
    """Issue #11 §2: the genuine file of a replaced announcement verifies as TIDAK BERLAKU,
    naming its replacement; the replacement is SAH."""
    first = _issue(db, selection[1], tmp_path / "1.pdf")
    second = issue_announcement(
        db, ADMIN, selection[1], None, tmp_path / "2.pdf", number="002/PANSELDA/2024"
    )
    old = verify_announcement(db, tmp_path / "1.pdf")
    assert not old.ok and old.replaced_by == second.number == "002/PANSELDA/2024"
    assert old.findings[-1] == (
        "TIDAK BERLAKU: pengumuman ini telah diganti oleh Pengumuman Nomor 002/PANSELDA/2024"
    )
    assert "berkas sama persis dengan yang diterbitkan" in old.findings  # genuine, but replaced
    current = verify_announcement(db, tmp_path / "2.pdf")
    assert current.ok and not current.replaced_by and current.number == second.number
    assert first.number != second.number


def _forged(path: Path, snapshot: dict, keywords: str, change: tuple[str, int, str] | None) -> None:
    """A PDF printing the snapshot's rows as the announcement does (415, 79,430), with the
    document's verification code, and optionally one cell of one participant replaced."""
    from reportlab.pdfgen.canvas import Canvas

    from app.numbers import column_for_people

    columns = snapshot["columns"]
    shown = [i for i, name in enumerate(columns) if name not in ("tahap", "kode_formasi")]
    numeric = {"nilai_akhir", *columns[columns.index("nama") + 1 : columns.index("nilai_akhir")]}
    canvas = Canvas(str(path))
    canvas.setKeywords(keywords)
    y = 800
    for row in snapshot["rows"]:
        cells = [
            column_for_people(columns[i], row[i]) if columns[i] in numeric else row[i]
            for i in shown
        ]
        if change is not None and row[columns.index("nomor_peserta")] == change[0]:
            cells[shown.index(change[1])] = change[2]
        canvas.drawString(30, y, " ".join(cell for cell in cells if cell))
        y -= 12
        if y < 40:
            canvas.showPage()
            y = 800
    canvas.save()


def test_verify_names_the_field_that_was_changed(
    db: Database, selection: tuple[Path, int], tmp_path: Path
) -> None:
    """Issue #11 §2: every printed field of a row is compared, and a changed name is
    reported as a changed name (the binjai final is weighted: 79,430, not 79.430)."""
    import json

    info = _issue(db, selection[1], tmp_path / "asli.pdf")
    with db.reading() as connection:
        snapshot = json.loads(
            connection.execute(
                "SELECT snapshot FROM announcement WHERE id = ?", (info.id,)
            ).fetchone()[0]
        )
    keywords = f"SELEKSI-ASN|{info.document_id}|{info.snapshot_sha256}"
    columns = snapshot["columns"]
    victim = snapshot["rows"][3]
    number = victim[columns.index("nomor_peserta")]

    faithful = tmp_path / "salinan.pdf"
    _forged(faithful, snapshot, keywords, None)
    copy = verify_announcement(db, faithful)
    assert "berkas BERBEDA dari yang diterbitkan" in copy.findings
    assert "semua baris hasil dalam berkas sesuai dengan data tersimpan" in copy.findings

    for column, new, field in (
        ("nama", victim[columns.index("nama")] + " Siregar", "Nama"),
        ("kode", "L" if victim[columns.index("kode")] != "L" else "TL", "Kode"),
        ("nilai_akhir", "99,999", "Nilai Akhir"),
    ):
        forged = tmp_path / f"palsu-{column}.pdf"
        _forged(forged, snapshot, keywords, (number, columns.index(column), new))
        result = verify_announcement(db, forged)
        assert not result.ok
        assert result.findings[-1] == (
            f"1 baris hasil tidak sesuai dengan data tersimpan (mis. {number} ({field}))"
        )


def test_a_rewritten_genuine_file_still_shows_every_row(
    db: Database, selection: tuple[Path, int], tmp_path: Path
) -> None:
    """A genuine announcement saved again by another program differs byte for byte, yet every
    printed field of every row is still the snapshot's: verify says exactly that."""
    from pypdf import PdfWriter

    out = tmp_path / "asli.pdf"
    _issue(db, selection[1], out)
    writer = PdfWriter(clone_from=str(out))
    rewritten = tmp_path / "disimpan-ulang.pdf"
    with rewritten.open("wb") as handle:
        writer.write(handle)
    result = verify_announcement(db, rewritten)
    assert "berkas BERBEDA dari yang diterbitkan" in result.findings
    assert "semua baris hasil dalam berkas sesuai dengan data tersimpan" in result.findings


def test_what_would_make_an_immutable_announcement_wrong_is_refused_first(
    db: Database, selection: tuple[Path, int], tmp_path: Path
) -> None:
    """Issue #11 §2: a used number (naming the earlier one), a replacement dated before what
    it replaces, a date far ahead without confirmation, a blank signatory: refused, nothing
    issued."""
    import dataclasses

    from app.services.document_settings import document_settings, save_document_settings

    selection_id = selection[1]
    _issue(db, selection_id, tmp_path / "1.pdf")  # 001/PANSELDA/2024 of 05-12-2024
    with pytest.raises(UserError) as taken:
        _issue(db, selection_id, tmp_path / "2.pdf")
    assert taken.value.message == "announce.number_taken"
    assert taken.value.text() == (
        "Nomor 001/PANSELDA/2024 sudah dipakai oleh pengumuman tahap AKHIR tanggal 05-12-2024;"
        " pakai nomor lain"
    )
    with pytest.raises(UserError) as early:
        issue_announcement(
            db, ADMIN, selection_id, None, tmp_path / "3.pdf", number="2/X",
            issued_on=dt.date(2024, 12, 4),
        )  # fmt: skip
    assert early.value.message == "announce.before_replaced"
    assert "001/PANSELDA/2024 (05-12-2024)" in early.value.text()
    far = dt.date.today() + dt.timedelta(days=40)
    with pytest.raises(UserError) as ahead:
        issue_announcement(
            db, ADMIN, selection_id, None, tmp_path / "4.pdf", number="3/X", issued_on=far
        )
    assert ahead.value.message == "announce.date_far"
    settings = document_settings(db, selection_id)
    save_document_settings(db, ADMIN, selection_id, dataclasses.replace(settings, signatory_nip=""))
    with pytest.raises(UserError) as unsigned:
        _issue(db, selection_id, tmp_path / "5.pdf", "4/X")
    assert unsigned.value.text().startswith(
        "pengumuman belum dapat diterbitkan: NIP penandatangan masih kosong"
    )
    assert [a.number for a in list_announcements(db, selection_id)] == ["001/PANSELDA/2024"]
    assert not any((tmp_path / f"{n}.pdf").exists() for n in (2, 3, 4, 5))
    save_document_settings(db, ADMIN, selection_id, settings)
    confirmed = issue_announcement(
        db, ADMIN, selection_id, None, tmp_path / "6.pdf", number="5/X", issued_on=far,
        confirm_date=True,
    )  # fmt: skip
    assert confirmed.issued_on == far
    # The default number skips one typed by hand: 002 is free, then 003 after it is taken.
    assert _default_free(db, selection_id)


def _default_free(db: Database, selection_id: int) -> bool:
    from app.services.announcements import _default_number

    number = _default_number(db, selection_id, dt.date(2024, 12, 5))
    return number not in {a.number for a in list_announcements(db, selection_id)}


def test_the_subject_does_not_say_the_same_words_twice() -> None:
    from app.services.announcements import default_subject

    assert default_subject("Seleksi Kompetensi PPPK", "Seleksi PPPK Kota Binjai (demo)") == (
        "HASIL SELEKSI KOMPETENSI PPPK KOTA BINJAI (DEMO)"
    )
    assert default_subject("Seleksi Kompetensi Dasar", "Seleksi CPNS Kota Binjai 2024") == (
        "HASIL SELEKSI KOMPETENSI DASAR CPNS KOTA BINJAI 2024"
    )
    assert default_subject("Seleksi", "Seleksi") == "HASIL SELEKSI"


def test_an_announcement_issued_from_an_english_window_is_indonesian(
    db: Database, selection: tuple[Path, int], tmp_path: Path
) -> None:
    """A document's words never follow the interface language: the legend, the component
    notes and the closing provisions stay Indonesian."""
    from app.messages import language, set_language

    before = language()
    set_language("en")
    try:
        out = tmp_path / "en.pdf"
        _issue(db, selection[1], out)
    finally:
        set_language(before)
    text = " ".join("".join(page.extract_text() for page in PdfReader(out).pages).split())
    assert "lulus, dalam kebutuhan formasi" in text and "passed, within" not in text
    assert "kode PRAKTIK; rentang 0–100" in text and "range 0" not in text
    assert "Keputusan panitia bersifat mutlak" in text


def test_an_integrated_final_prints_its_skd_and_skb_parts(
    tmp_path: Path, new_database: Callable[[Path], Database]
) -> None:
    """Issue #11 §1: beside the nilai akhir of CPNS, SKD × 40 % and SKB × 60 %, which add up
    to it; a part changed in a copy is named by verification."""
    import json
    from decimal import Decimal

    from app.services.ties import decide_tie, list_ties

    db = new_database(tmp_path / "cpns.db")
    info = create_demo(db, ADMIN, "cpns-2024", participants=60, seed=7)
    for stage in ("SKD", "AKHIR"):
        for group in list_ties(db, info.id, stage):
            if group.decision is None:
                winners = [p.number for p in group.participants][: group.seats]
                decide_tie(db, ADMIN, info.id, stage, group.formation, winners, "rapat", "BA-1")
        finalize(db, ADMIN, info.id, stage)
    out = tmp_path / "akhir.pdf"
    issued = _issue(db, info.id, out)
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert "SKD × 40 %" in " ".join(text.split()) and "SKB × 60 %" in " ".join(text.split())
    assert "nilai SKD × 40 ÷ 550 (skala 100 × 40 %), dibulatkan tiga desimal" in text
    ranking = compute_ranking(db, info.id, "AKHIR")
    row = next(r for r in ranking.rows if r.final is not None)
    skd = Decimal(str(row.values["SKD"]))
    prior = (skd * 40 / 550).quantize(Decimal("0.001"), rounding="ROUND_HALF_UP")
    own = Decimal(str(row.final)) - prior
    printed = f"{prior:.3f}".replace(".", ",") + " " + f"{own:.3f}".replace(".", ",")
    line = next(line for line in text.splitlines() if row.number in line)
    assert printed in line
    with db.reading() as connection:
        snapshot = json.loads(
            connection.execute(
                "SELECT snapshot FROM announcement WHERE id = ?", (issued.id,)
            ).fetchone()[0]
        )
    assert snapshot["integration"] == {"prior": "SKD", "weight": 40, "maximum": 550}
    # A copy printed without the parts (or with one changed) is named at the part.
    keywords = f"SELEKSI-ASN|{issued.document_id}|{issued.snapshot_sha256}"
    forged = tmp_path / "tanpa-bagian.pdf"
    _forged(forged, snapshot, keywords, None)
    result = verify_announcement(db, forged)
    assert not result.ok
    assert "(SKD × 40 %)" in result.findings[-1]
