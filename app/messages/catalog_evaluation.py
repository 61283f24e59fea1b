"""Messages of the evaluation's recommendations and of the year-to-year comparison (#13)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "recommendation.empty": (
        "rekomendasi kosong; tuliskan isinya",
        "the recommendation is empty; write what it says",
    ),
    "recommendation.too_long": (
        "rekomendasi terlalu panjang: {length} karakter, paling banyak {maximum}",
        "the recommendation is too long: {length} characters, at most {maximum}",
    ),
    "recommendation.bad_finding": (
        "kunci temuan tidak sah: {value} (satu baris, misalnya icc.AKHIR.PRAKTIK)",
        "not a valid finding key: {value} (one line, e.g. icc.AKHIR.PRAKTIK)",
    ),
    "recommendation.not_found": (
        "rekomendasi nomor {id} tidak ada pada seleksi ini",
        "there is no recommendation number {id} in this selection",
    ),
    "recommendation.withdrawn": (
        "rekomendasi nomor {id} sudah ditarik",
        "recommendation number {id} has been withdrawn",
    ),
    "recommendation.unchanged": (
        "isi rekomendasi nomor {id} sama dengan yang tersimpan",
        "recommendation number {id} already says this",
    ),
    "recommendation.not_author": (
        "rekomendasi ini ditulis oleh {author}; hanya penulisnya atau administrator yang dapat"
        " mengubah atau menariknya",
        "this recommendation was written by {author}; only its author or an administrator may"
        " change or withdraw it",
    ),
    "cli.help.recommend": (
        "rekomendasi tim monev untuk revisi kebijakan (tambah, daftar, ubah, tarik)",
        "the M&E team's recommendations for the policy revision (add, list, revise, withdraw)",
    ),
    "cli.help.compare": (
        "perbandingan antartahun: seleksi berkas ini dan berkas lain (dibuka hanya-baca)",
        "year to year: this file's selections and other files' (opened read-only)",
    ),
    "cli.recommendation_added": (
        "rekomendasi nomor {id} disimpan",
        "recommendation number {id} stored",
    ),
    "cli.recommendation_revised": (
        "rekomendasi nomor {id} diubah",
        "recommendation number {id} revised",
    ),
    "cli.recommendation_withdrawn": (
        "rekomendasi nomor {id} ditarik",
        "recommendation number {id} withdrawn",
    ),
    "cli.recommendations_none": ("(belum ada rekomendasi)", "(no recommendations yet)"),
    "cli.compare_written": (
        "perbandingan ditulis: {path}",
        "comparison written: {path}",
    ),
    "compare.no_file": ("berkas {path} tidak ada", "the file {path} does not exist"),
    "compare.not_database": (
        "{path} bukan basis data Seleksi ASN yang dapat dibaca: {detail}",
        "{path} is not a readable Seleksi ASN database: {detail}",
    ),
    "compare.unknown_selection": (
        "seleksi nomor {id} tidak ada pada berkas ini",
        "there is no selection number {id} in this file",
    ),
}
