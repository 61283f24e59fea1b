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
    # app.services.tabular: limits of a file (issue #9, hostile files)
    "file.too_large": (
        "berkas {name} terlalu besar ({size} MB; paling besar {limit} MB)",
        "file {name} is too large ({size} MB; at most {limit} MB)",
    ),
    "file.xlsx_too_large": (
        "isi berkas {name} terlalu besar setelah dibuka ({size} MB; paling besar {limit} MB)",
        "file {name} is too large once unpacked ({size} MB; at most {limit} MB)",
    ),
    "file.too_many_parts": (
        "berkas {name} berisi {count} bagian; ini bukan buku kerja Excel biasa",
        "file {name} holds {count} parts; this is not an ordinary Excel workbook",
    ),
    "file.too_many_rows": (
        "berkas {name} berisi lebih dari {limit} baris data",
        "file {name} holds more than {limit} data rows",
    ),
    "file.too_many_columns": (
        "baris {row} berkas {name} berisi lebih dari {limit} kolom",
        "row {row} of file {name} has more than {limit} columns",
    ),
    "file.cell_too_long": (
        "baris {row}, kolom {column} berkas {name}: isi sel lebih dari {limit} karakter",
        "row {row}, column {column} of file {name}: the cell holds more than {limit} characters",
    ),
    "file.row_too_long": (
        "baris {row} berkas {name} terlalu panjang: ada sel lebih dari {limit} karakter (atau tanda kutip yang tidak ditutup)",
        "row {row} of file {name} is too long: a cell holds more than {limit} characters (or a quote is not closed)",
    ),
    "file.nul": (
        "baris {row}, kolom {column} berkas {name} berisi karakter NUL; simpan ulang sebagai CSV UTF-8 atau .xlsx",
        "row {row}, column {column} of file {name} holds a NUL character; save it again as CSV UTF-8 or .xlsx",
    ),
    # the command line's import (app.cli)
    "cli.help.import_replace": (
        "mengganti nilai yang sudah tersimpan bila berkas berbeda (wajib dengan --reason)",
        "replace stored values where the file differs (needs --reason)",
    ),
    "cli.help.import_reason": (
        "alasan penggantian, dicatat di jejak audit untuk setiap nilai yang diganti",
        "why stored values are replaced; recorded in the audit trail for every replaced value",
    ),
    # importers: names and numbers (issue #9)
    "import.bad_number": (
        "nomor peserta '{value}' hanya boleh berisi huruf, angka, '-', '/' dan '.'",
        "participant number '{value}' may hold only letters, digits, '-', '/' and '.'",
    ),
    "import.control_character": (
        "berisi karakter kendali atau karakter tak terlihat; ketik ulang isinya",
        "holds a control or invisible character; type the text again",
    ),
    "import.too_long": ("lebih dari {max} karakter", "longer than {max} characters"),
    "import.formula_start": (
        "'{value}' diawali '{char}': nama tidak boleh diawali =, +, -, @ (akan dijalankan sebagai rumus di Excel)",
        "'{value}' starts with '{char}': a name cannot start with =, +, -, @ (Excel would run it as a formula)",
    ),
    # importers: replacing stored values (issue #9)
    "import.would_replace": (
        "peserta {owner}, {subject}: nilai tersimpan '{old}' akan diganti '{new}'",
        "participant {owner}, {subject}: the stored value '{old}' would become '{new}'",
    ),
    "import.would_replace_formation": (
        "formasi {owner}, {subject}: isi tersimpan '{old}' akan diganti '{new}'",
        "formation {owner}, {subject}: the stored '{old}' would become '{new}'",
    ),
    "import.more_replacements": (
        "dan {count} nilai tersimpan lain yang akan diganti",
        "and {count} more stored values that would be replaced",
    ),
    "import.replace_hint": (
        'nilai yang sudah tersimpan tidak diganti tanpa persetujuan dan alasan: di jendela, setujui daftar penggantian dan isi alasannya; di baris perintah, ulangi dengan --replace --reason "ALASAN"',
        'stored values are not replaced without consent and a reason: in the window, accept the list of replacements and give the reason; on the command line, run again with --replace --reason "REASON"',
    ),
    "import.reason_required": (
        "mengganti nilai yang sudah tersimpan membutuhkan alasan",
        "replacing stored values needs a reason",
    ),
    "import.changed_meanwhile": (
        "peserta {owner}, {subject}: diubah di tempat lain sejak impor dimulai ('{old}' menjadi '{new}'); impor dihentikan, periksa lalu impor lagi",
        "participant {owner}, {subject}: changed elsewhere since the import began ('{old}' became '{new}'); the import stopped, check and import again",
    ),
    "import.changed_meanwhile_formation": (
        "formasi {owner}, {subject}: diubah di tempat lain sejak impor dimulai ('{old}' menjadi '{new}'); impor dihentikan, periksa lalu impor lagi",
        "formation {owner}, {subject}: changed elsewhere since the import began ('{old}' became '{new}'); the import stopped, check and import again",
    ),
    "import.more_changed": (
        "dan {count} nilai lain yang diubah di tempat lain",
        "and {count} more values changed elsewhere",
    ),
    "import.changed_since_check": (
        "berkas atau data yang akan diganti berubah sejak pemeriksaan; tidak ada yang disimpan, periksa berkas lagi",
        "the file or the data it replaces changed since the check; nothing was saved, check the file again",
    ),
    # app.services.tabular: cells without a column name (Table rows under the key "")
    "cell.extra_cells": (
        "baris berisi data di luar kolom yang dikenal: {value}",
        "the row has data outside the known columns: {value}",
    ),
}
