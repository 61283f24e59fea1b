"""Every word the documents print that does not come from the caller, in one place per language.

Official documents are Indonesian; the texts are keyed by a stable id so an English set can be
added next to ``"id"`` later without touching the renderers. Templates use ``str.format``
fields. Dates and spelled-out numbers are language rules too, so they live here as well.
"""

from __future__ import annotations

import datetime
from typing import Any

LANGUAGE = "id"

TEXTS: dict[str, dict[str, str]] = {
    "id": {
        # page frame
        "page_of": "Halaman {page} dari {total}",
        "document_id": "ID dokumen: {id}",
        "verify_note": "Keaslian dokumen ini dapat diperiksa dengan memindai kode QR di samping.",
        "chain_anchor": "Jejak audit: {head}",
        "continued": "(lanjutan)",
        "provisional": "SEMENTARA",
        # announcement
        "number": "Nomor: {number}",
        "about": "TENTANG",
        "basis": "Dasar",
        "recap_title": "REKAPITULASI PESERTA PER FORMASI",
        "recap_no": "No.",
        "recap_code": "Kode Formasi",
        "recap_position": "Jabatan / Unit Kerja",
        "recap_quota": "Kebutuhan",
        "recap_registered": "Peserta",
        "recap_present": "Hadir",
        "recap_total": "Jumlah",
        "results_title": "HASIL {stage} PER FORMASI",
        "formation_heading": "{code} — {position} — {unit} — Kebutuhan {quota}",
        "formation_continued": "{code} — {position} {continued}",
        "no_participants": "Tidak ada peserta pada formasi ini.",
        "legend_title": "Keterangan kode:",
        "components_legend_title": "Keterangan nilai:",
        "closing_intro": "Dengan ketentuan sebagai berikut:",
        "closing_words": (
            "Demikian pengumuman ini disampaikan untuk diketahui dan dipergunakan sebagaimana"
            " mestinya."
        ),
        "root_fingerprint": (
            "Pengumuman ini ditandatangani secara elektronik oleh panitia. Sidik jari (SHA-256)"
            " sertifikat akar panitia: {fingerprint}"
        ),
        "copies_title": "Tembusan:",
        "enacted_at": "Ditetapkan di {place}",
        "enacted_on": "pada tanggal {date}",
        "nip": "NIP. {nip}",
        "running_header": "{title} Nomor: {number} Tanggal {date}",
        "annex_of": "LAMPIRAN {title} {office}",
        "annex_number": "NOMOR    : {number}",
        "annex_date": "TANGGAL : {date}",
        # score sheet
        "sheet_stage": "Tahap",
        "sheet_component": "Komponen",
        "sheet_group": "Formasi / Sesi",
        "sheet_range": "Rentang nilai",
        "sheet_aspects": "Aspek penilaian",
        "sheet_value": "Nilai",
        "sheet_notes": "Catatan",
        "sheet_instruction": (
            "Isilah nilai setiap peserta dengan angka dalam rentang {range}. Peserta yang tidak "
            "hadir ditulis TH. Coretan diparaf oleh penilai."
        ),
        "sheet_instruction_values": (
            "Isilah nilai setiap peserta dengan salah satu dari: {values}. Peserta yang tidak "
            "hadir ditulis TH. Coretan diparaf oleh penilai."
        ),
        "sheet_range_step": "{range}, kelipatan {step}",
        "sheet_choices": "Pilihan nilai",
        "sheet_weight": "Bobot komponen",
        "sheet_threshold": "Nilai ambang batas",
        "sheet_aspect": "{code} – {name}",
        "sheet_aspect_weight": "{code} – {name} (bobot {weight} %)",
        "percent": "{value} %",
        "sheet_assessor": "Penilai",
        "sheet_running": "{title} — {component} — {group}",
        # shared column labels
        "col_no": "No.",
        "col_number": "Nomor Peserta",
        "col_name": "Nama",
        "col_formation": "Formasi",
        "col_signature": "Tanda Tangan",
        "col_role": "Jabatan dalam Panitia",
        # attendance
        "att_session": "Sesi / Formasi",
        "att_place": "Tempat",
        "att_day_date": "Hari / Tanggal",
        "att_count": "Jumlah peserta",
        "att_present": "Hadir",
        "att_absent": "Tidak hadir",
        "att_blank_count": "........ orang",
        "att_officer": "Panitia / Pengawas Ruangan,",
        "att_running": "{title} — {session}",
        "blank_name": "(........................................)",
        # minutes
        "minutes_title": "BERITA ACARA",
        "minutes_about": "PENETAPAN HASIL {stage}",
        "minutes_opening": (
            "Pada hari ini {weekday} tanggal {day} bulan {month} tahun {year}, bertempat di "
            "{place}, {office} telah melaksanakan rapat penetapan hasil {stage} untuk formasi "
            "sebagai berikut:"
        ),
        "minutes_code": "Kode formasi",
        "minutes_position": "Jabatan",
        "minutes_unit": "Unit kerja",
        "minutes_quota": "Kebutuhan",
        "minutes_registered": "Jumlah peserta",
        "minutes_present": "Hadir",
        "minutes_counts": "Rincian kode",
        "minutes_people": "{n} orang",
        "minutes_closing": (
            "Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan "
            "sebagaimana mestinya."
        ),
        "minutes_signers": "Panitia Seleksi yang hadir dan menandatangani:",
        "minutes_running": "Berita Acara Nomor: {number}",
        "place_date": "{place}, {date}",
        # slip
        "slip_title": "SLIP HASIL SELEKSI",
        "slip_number": "Nomor peserta",
        "slip_name": "Nama",
        "slip_formation": "Formasi",
        "slip_stage": "Tahap",
        "slip_component": "Komponen",
        "slip_value": "Nilai",
        "slip_final": "Nilai akhir",
        "slip_rank": "Peringkat",
        "slip_code": "Kode",
        "slip_note": (
            "Slip ini adalah kutipan hasil seleksi untuk peserta yang bersangkutan. Yang berlaku "
            "adalah pengumuman resmi panitia; keaslian slip dapat diperiksa dengan kode QR."
        ),
        "slip_source": "Dikutip dari Pengumuman Nomor {number} tanggal {date}.",
        "slip_no_source": "Hasil tahap ini belum diumumkan.",
        "slips_title": "SLIP HASIL SELEKSI — FORMASI {formation}",
        # the names proposed for the files (no suffix; folders and slashes are removed)
        "file_sheet": "Blanko penilaian {component} {group}",
        "file_attendance": "Daftar hadir {group} {date}",
        "file_minutes": "Berita acara {stage} {formation}",
        "file_slip": "Slip hasil {stage} {group}",
    },
}

MONTHS: dict[str, tuple[str, ...]] = {
    "id": (
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ),
}

# datetime.date.weekday(): Monday is 0.
WEEKDAYS: dict[str, tuple[str, ...]] = {
    "id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
}

_ONES_ID = (
    "",
    "satu",
    "dua",
    "tiga",
    "empat",
    "lima",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
    "sepuluh",
    "sebelas",
)


def text(key: str, /, **fields: Any) -> str:
    """The document text ``key`` in the current language, with ``fields`` filled in."""
    template = TEXTS[LANGUAGE][key]
    return template.format(**fields) if fields else template


def nip_text(nip: str) -> str:
    """A NIP as it is printed under a signature: ``19750312 200003 1 004`` (birth date,
    appointment month, sex, sequence); anything that is not 18 digits as it is."""
    if len(nip) == 18 and nip.isdigit():
        return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
    return nip


def long_date(day: datetime.date) -> str:
    """``5 Desember 2024``: the form used in ``Ditetapkan … pada tanggal …``."""
    return f"{day.day} {MONTHS[LANGUAGE][day.month - 1]} {day.year}"


def weekday(day: datetime.date) -> str:
    """The day's name (``Kamis``), as attendance lists and minutes write it."""
    return WEEKDAYS[LANGUAGE][day.weekday()]


def month_name(day: datetime.date) -> str:
    return MONTHS[LANGUAGE][day.month - 1]


def spell_number(n: int) -> str:
    """Indonesian number words (terbilang), for the spelled-out date in minutes.

    A berita acara writes its date in words so it cannot be altered by adding a digit.
    """
    if n < 0:
        raise ValueError(n)
    if n == 0:
        return "nol"
    return _spell_id(n).strip()


def _spell_id(n: int) -> str:
    if n < 12:
        return _ONES_ID[n]
    if n < 20:
        return f"{_ONES_ID[n - 10]} belas"
    if n < 100:
        return f"{_ONES_ID[n // 10]} puluh {_spell_id(n % 10)}".strip()
    if n < 200:
        return f"seratus {_spell_id(n - 100)}".strip()
    if n < 1000:
        return f"{_ONES_ID[n // 100]} ratus {_spell_id(n % 100)}".strip()
    if n < 2000:
        return f"seribu {_spell_id(n - 1000)}".strip()
    if n < 1_000_000:
        return f"{_spell_id(n // 1000)} ribu {_spell_id(n % 1000)}".strip()
    if n < 1_000_000_000:
        return f"{_spell_id(n // 1_000_000)} juta {_spell_id(n % 1_000_000)}".strip()
    raise ValueError(n)
