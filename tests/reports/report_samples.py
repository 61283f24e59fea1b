"""Small synthetic documents for the rendering tests (and for looking at the output).

Participant numbers are ``2430`` followed by ten digits, so a test can find every one of them
in the extracted text with a regular expression and nothing else matches.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

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

NUMBER_PATTERN = r"\b2430\d{10}\b"

LETTERHEAD = Letterhead(
    government="PEMERINTAH KOTA BINJAI",
    office="PANITIA SELEKSI DAERAH PENGADAAN APARATUR SIPIL NEGARA",
    address=(
        "Jalan Jenderal Sudirman No. 6, Binjai 20712\n"
        "Telepon (061) 8821234, pos-el panselda@binjaikota.go.id"
    ),
)

SIGNATORY = Signatory(
    title="Ketua Panitia Seleksi Daerah",
    name="Drs. AHMAD SYAHPUTRA, M.Si.",
    nip="19700512 199503 1 002",
)

COLUMNS = (
    "Peringkat",
    "Nomor Peserta",
    "Nama",
    "SKD",
    "Praktik",
    "Psikotes",
    "Nilai Akhir",
    "Kode",
    "Keterangan",
)
NUMERIC = frozenset({0, 3, 4, 5, 6})
CENTERED = frozenset({7})
CODES = ("L", "TL", "TMS", "TH", "APS")
FIRST = ("Siti", "Budi", "Rina", "Andi", "Dewi", "Rizky", "Nur", "Putri", "Fajar", "Muhammad")
LAST = ("Nasution", "Siregar", "Lubis", "Harahap", "Sembiring", "Ginting", "Tarigan", "Pohan")
POSITIONS = (
    ("Perawat Terampil", "RSUD Dr. R.M. Djoelham"),
    ("Pranata Komputer Ahli Pertama", "Dinas Komunikasi dan Informatika"),
    ("Guru Ahli Pertama - Guru Kelas", "Dinas Pendidikan dan Kebudayaan"),
    ("Penata Kelola Sistem dan Teknologi Informasi", "Badan Kepegawaian Daerah"),
    ("Analis Kebijakan Ahli Pertama", "Sekretariat Daerah"),
)
LEGEND = (
    ("L", "Lulus, peringkat dalam kebutuhan formasi"),
    ("TL", "Memenuhi nilai ambang batas, peringkat di luar kebutuhan formasi"),
    ("TMS", "Tidak memenuhi syarat (di bawah nilai ambang batas tes yang menggugurkan)"),
    ("TH", "Tidak hadir pada salah satu tes"),
    ("APS", "Mengundurkan diri (atas permintaan sendiri)"),
)


def participant_number(i: int) -> str:
    return f"2430{i:010d}"


def name(i: int) -> str:
    return f"{FIRST[i % len(FIRST)]} {LAST[(i // 7) % len(LAST)]}".upper()


def result_row(i: int, rank: int, code: str, extra: int = 0) -> tuple[str, ...]:
    """One formatted results row (9 columns plus ``extra`` component columns)."""
    return (
        str(rank),
        participant_number(i),
        name(i),
        f"{400 - rank:.3f}",
        f"{90 - rank * 0.5:.2f}",
        f"{80 - rank * 0.25:.2f}",
        f"{85.5 - rank * 0.3:.3f}",
        code,
        "Tidak hadir praktik" if code == "TH" else "",
        *(f"{70 + c}.00" for c in range(extra)),
    )


def formations(count: int, per: int, extra_columns: int = 0) -> Iterator[FormationBlock]:
    """``count`` formations of ``per`` participants each, numbered from 1 without gaps."""
    columns = COLUMNS + tuple(f"Komponen {c + 1}" for c in range(extra_columns))
    numeric = NUMERIC | frozenset(range(len(COLUMNS), len(columns)))
    number = 1
    for f in range(count):
        position, unit = POSITIONS[f % len(POSITIONS)]
        quota = 1 + f % 3
        rows = []
        for rank in range(1, per + 1):
            code = "L" if rank <= quota else ("TH" if rank == per else "TL")
            rows.append(result_row(number, rank, code, extra_columns))
            number += 1
        absent = sum(1 for row in rows if row[7] == "TH")
        yield FormationBlock(
            code=f"F{f + 1:04d}",
            position_title=position,
            unit=unit,
            quota=quota,
            counts={"L": min(quota, per), "TL": per - min(quota, per) - absent, "TH": absent},
            registered=per,
            present=per - absent,
            table=ResultTable(columns, rows, numeric=numeric, centered=CENTERED),
        )


def announcement(
    count: int = 3,
    per: int = 5,
    *,
    extra_columns: int = 0,
    landscape: bool | None = None,
    generator: bool = False,
    signatory: Signatory = SIGNATORY,
) -> Announcement:
    blocks = formations(count, per, extra_columns)
    return Announcement(
        letterhead=LETTERHEAD,
        number="800.1.2.2/1234/PANSELDA/2024",
        date=datetime.date(2024, 12, 5),
        title="PENGUMUMAN",
        subject=(
            "Hasil Akhir Seleksi Kompetensi Calon Aparatur Sipil Negara "
            "Pemerintah Kota Binjai Tahun Anggaran 2024"
        ),
        opening=(
            "Berdasarkan hasil pelaksanaan seleksi kompetensi pengetahuan, praktik kerja dan "
            "psikotes Calon Aparatur Sipil Negara di lingkungan Pemerintah Kota Binjai Tahun "
            "Anggaran 2024, dengan ini diumumkan hasil akhir seleksi sebagaimana tercantum "
            "dalam pengumuman ini."
        ),
        legal_basis=(
            "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara;",
            "Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil "
            "sebagaimana telah diubah dengan Peraturan Pemerintah Nomor 17 Tahun 2020;",
            "Keputusan Wali Kota Binjai Nomor 800.1.2.2-123/K/2024 tentang Pembentukan "
            "Panitia Seleksi Daerah.",
        ),
        stage_name="Seleksi Kompetensi",
        formations=blocks if generator else list(blocks),
        recap_codes=CODES,
        legend=LEGEND,
        closing_place="Binjai",
        signatory=signatory,
        document_id="PGM-2024-SK-0001",
        verification_payload="SELEKSI-ASN|PGM-2024-SK-0001|" + "ab" * 32,
        landscape=landscape,
    )


RUBRIC = (
    ("A1", "Keterampilan teknis"),
    ("A2", "Ketepatan & keselamatan kerja"),
    ("A3", "Sikap & etika"),
    ("A4", "Komunikasi & interpersonal"),
)


def score_sheet(count: int = 12, aspects: tuple[tuple[str, str], ...] = RUBRIC) -> ScoreSheet:
    """Participants in a deliberately non-sorted entry order (highest number first)."""
    return ScoreSheet(
        letterhead=LETTERHEAD,
        title="Blanko Penilaian Praktik Kerja",
        stage_name="Seleksi Kompetensi",
        component_name="Praktik kerja",
        component_code="PRAKTIK",
        formation_or_session="F0002 — Pranata Komputer Ahli Pertama — Sesi 2, Ruang B",
        aspects=aspects,
        value_range="0–100",
        participants=[(participant_number(i), name(i)) for i in range(count, 0, -1)],
        assessor_name="Ir. RAHMAT HIDAYAT",
        document_id="BLK-2024-PRAKTIK-0002",
    )


def attendance(count: int = 20) -> AttendanceList:
    return AttendanceList(
        letterhead=LETTERHEAD,
        title="Daftar Hadir Peserta Tes Praktik Kerja",
        session="Sesi 2 (10.30–12.00 WIB), Ruang B",
        place="Gedung Olahraga Kota Binjai, Jalan Jenderal Gatot Subroto",
        date=datetime.date(2024, 11, 21),
        participants=[
            (participant_number(i), name(i), POSITIONS[i % len(POSITIONS)][0])
            for i in range(1, count + 1)
        ],
        document_id="DH-2024-S2-B",
    )


MEMBERS = (
    ("Ketua", "Drs. AHMAD SYAHPUTRA, M.Si."),
    ("Sekretaris", "SRI WAHYUNI, S.H."),
    ("Anggota", "dr. HENDRA GUNAWAN"),
    ("Anggota", "MUHAMMAD IQBAL LUBIS, S.Kom."),
    ("Anggota", "NURHAYATI SIREGAR, S.Psi., M.Psi., Psikolog"),
)


def minutes() -> Minutes:
    return Minutes(
        letterhead=LETTERHEAD,
        number="800.1.2.2/1240/PANSELDA/2024",
        date=datetime.date(2024, 12, 5),
        stage_name="Seleksi Kompetensi",
        formation=next(formations(1, 6)),
        text=(
            "Setelah memeriksa nilai setiap peserta dan urutan peringkatnya, panitia menetapkan "
            "peserta dengan kode L sebagai peserta yang lulus seleksi kompetensi pada formasi "
            "tersebut. Keputusan ini diambil secara musyawarah dan mufakat."
        ),
        members=MEMBERS,
        closing_place="Binjai",
        document_id="BA-2024-F0001",
    )


def slip() -> ResultSlip:
    return ResultSlip(
        letterhead=LETTERHEAD,
        participant_number=participant_number(7),
        participant_name="PUTRI SIREGAR",
        formation="F0002 — Pranata Komputer Ahli Pertama — Dinas Komunikasi dan Informatika",
        stage_name="Seleksi Kompetensi",
        components=(
            ("Pengetahuan (CAT)", "82.50"),
            ("Praktik kerja", "88.75"),
            ("Psikotes", "76.00"),
        ),
        final_score="83.063",
        rank="2 dari 5",
        code="L",
        code_meaning="Lulus, peringkat dalam kebutuhan formasi",
        document_id="SLIP-2024-24300000000007",
        verification_payload="SELEKSI-ASN|SLIP-2024-24300000000007|" + "cd" * 32,
    )


def pdf_reader(data: bytes):  # -> pypdf.PdfReader (pypdf is a test dependency only)
    import io

    import pypdf

    return pypdf.PdfReader(io.BytesIO(data))


def page_texts(data: bytes) -> list[str]:
    """The text of each page, as a verifier would extract it."""
    return [page.extract_text() for page in pdf_reader(data).pages]
