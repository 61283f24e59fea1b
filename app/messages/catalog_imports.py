"""Messages about reading and importing files."""

MESSAGES: dict[str, tuple[str, str]] = {
    # app.services.tabular: the file as a whole (TableError, and missing columns at row 1)
    "file.bad_extension": (
        "berkas {name} tidak didukung ({extension}); gunakan {allowed}",
        "file {name} is not supported ({extension}); use {allowed}",
    ),
    "file.not_found": ("berkas {name} tidak ditemukan", "file {name} was not found"),
    "file.unreadable": (
        "berkas {name} tidak dapat dibuka: {detail}",
        "file {name} cannot be opened: {detail}",
    ),
    "file.not_utf8": (
        'berkas {name} bukan teks UTF-8 (baris {line}); simpan ulang sebagai "CSV UTF-8"',
        'file {name} is not UTF-8 text (line {line}); save it again as "CSV UTF-8"',
    ),
    "file.bad_csv": (
        "berkas CSV {name} rusak di baris {line}: {detail}",
        "CSV file {name} is malformed at line {line}: {detail}",
    ),
    "file.bad_xlsx": (
        "berkas {name} bukan buku kerja Excel (.xlsx) yang valid: {detail}",
        "file {name} is not a valid Excel workbook (.xlsx): {detail}",
    ),
    "file.empty": ("berkas {name} kosong", "file {name} is empty"),
    "file.no_header": (
        "baris pertama berkas {name} harus berisi nama kolom",
        "the first row of file {name} must hold the column names",
    ),
    "file.duplicate_column": (
        "kolom '{column}' muncul lebih dari sekali di berkas {name}",
        "column '{column}' appears more than once in file {name}",
    ),
    "file.missing_column": ("kolom '{column}' tidak ada", "column '{column}' is missing"),
    # app.services.tabular: cells without a column name (Table rows under the key "")
    "cell.extra_cells": (
        "baris berisi data di luar kolom yang dikenal: {value}",
        "the row has data outside the known columns: {value}",
    ),
}
