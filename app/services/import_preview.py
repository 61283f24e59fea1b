"""What the import wizard shows before anything is written: columns, first rows, a guess of
which file column is which, and the full check as a dry run."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import ImportRejected
from .participants_import import (
    FORMATION_COLUMNS,
    FORMATION_REQUIRED,
    PARTICIPANT_OPTIONAL,
    PARTICIPANT_REQUIRED,
)
from .tabular import CellError, TableError, read_table

# Other names clerks use for the same column (normalized: lower case, underscores).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "nomor_peserta": ("no_peserta", "nomor", "no_ujian", "nomor_ujian", "nopes", "no_registrasi"),
    "nama": ("nama_peserta", "nama_lengkap", "name"),
    "tanggal_lahir": ("tgl_lahir", "tanggal_lahir_peserta", "lahir", "birth_date"),
    "kode_formasi": ("formasi", "kode_jabatan", "kd_formasi"),
    "nik": ("no_ktp", "nomor_induk_kependudukan", "ktp"),
    "pendidikan": ("pendidikan_terakhir", "jurusan", "kualifikasi_pendidikan"),
    "ipk": ("nilai_ipk", "rata_rata_ijazah", "nilai_ijazah"),
    "kelompok_prioritas": ("prioritas", "kelompok"),
    "afirmasi_persen": ("afirmasi",),
    "sesi": ("sesi_ujian", "jadwal"),
    "jabatan": ("nama_jabatan",),
    "unit_kerja": ("unit", "instansi", "unit_penempatan", "lokasi"),
    "kebutuhan": ("jumlah", "kuota", "alokasi", "jumlah_kebutuhan"),
}

KINDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "formations": (FORMATION_REQUIRED, FORMATION_COLUMNS),
    "participants": (PARTICIPANT_REQUIRED, PARTICIPANT_REQUIRED + PARTICIPANT_OPTIONAL),
    # Score files name their columns after the scheme's components: shown as they are.
    "scores": ((), ()),
}


@dataclass(frozen=True, slots=True)
class Preview:
    headers: list[str]
    rows: list[list[str]]
    total_rows: int
    required: tuple[str, ...]
    expected: tuple[str, ...]
    mapping: dict[str, str]
    """File header to expected column; headers not recognised are absent."""
    encoding: str = "utf-8"
    """How the file was read (``cp1252``: Windows' ANSI, shown to the user as a note)."""


def preview_file(path: Path, kind: str, limit: int = 20) -> Preview:
    """The first rows and a guessed mapping; a file that cannot be read raises ImportRejected."""
    required, expected = KINDS[kind]
    try:
        table = read_table(path)
    except TableError as error:
        raise ImportRejected(path.name, [CellError(0, "", error.message, error.params)]) from error
    rows = [[cells.get(h, "") for h in table.headers] for _number, cells in table.rows[:limit]]
    return Preview(
        headers=table.headers,
        rows=rows,
        total_rows=len(table.rows),
        required=required,
        expected=expected,
        mapping=guess_mapping(table.headers, expected),
        encoding=table.encoding,
    )


def guess_mapping(headers: list[str], expected: tuple[str, ...]) -> dict[str, str]:
    """Exact names first, then known synonyms; each expected column is used at most once."""
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for header in headers:
        if header in expected and header not in taken:
            mapping[header] = header
            taken.add(header)
    for header in headers:
        if header in mapping:
            continue
        for column in expected:
            if column not in taken and header in SYNONYMS.get(column, ()):
                mapping[header] = column
                taken.add(column)
                break
    return mapping
