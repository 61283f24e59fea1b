"""Messages of field laptops and their packages (issue #12 §1)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # preparing a field laptop (app/services/devices.py)
    "device.bad_name": (
        "nama laptop lapangan wajib diisi, paling banyak {limit} karakter",
        "the field laptop's name is required, at most {limit} characters",
    ),
    "device.file_exists": (
        "{path} sudah ada; pilih nama berkas lain (berkas itu mungkin berisi data laptop lain)",
        "{path} already exists; choose another file name (it may hold another laptop's data)",
    ),
    "device.from_field_laptop": (
        "berkas ini milik laptop lapangan; laptop lapangan disiapkan dari laptop utama",
        "this file belongs to a field laptop; field laptops are prepared from the main laptop",
    ),
    "device.no_identity": (
        "berkas ini belum mempunyai identitas database; buka sekali dengan versi ini",
        "this file has no database identity yet; open it once with this version",
    ),
    "device.name_taken": (
        "laptop lapangan bernama {name} sudah disiapkan untuk seleksi ini",
        "a field laptop named {name} was already prepared for this selection",
    ),
    "device.unknown_formation": (
        "formasi tidak dikenal: {value}",
        "unknown formation: {value}",
    ),
    "device.unknown_component": (
        "komponen tidak dikenal: {value} (pilihan: {choices})",
        "unknown component: {value} (choices: {choices})",
    ),
    "device.out_of_scope": (
        "laptop {name} disiapkan untuk komponen {components}; {component} dimasukkan di laptop"
        " lain",
        "laptop {name} was prepared for components {components}; {component} is entered on"
        " another laptop",
    ),
    "device.prepared": (
        "laptop lapangan {name} disiapkan: {path} ({participants} peserta); sidik jari kunci"
        " {fingerprint}",
        "field laptop {name} prepared: {path} ({participants} participants); key fingerprint"
        " {fingerprint}",
    ),
    "cli.help.laptop": (
        "menyiapkan laptop lapangan dan menampilkan daftarnya",
        "prepare field laptops and list them",
    ),
    "cli.help.package": (
        "mengekspor paket laptop lapangan atau menggabungkannya di laptop utama",
        "export a field laptop's package or merge it on the main laptop",
    ),
    "cli.help.for_device": (
        "di laptop utama: paket koreksi peserta dan tanda untuk laptop lapangan ini",
        "on the main laptop: a package of participant corrections and marks for this laptop",
    ),
    "cli.help.dry_run": (
        "hanya menampilkan apa yang akan ditambahkan",
        "only show what would be added",
    ),
    "device.heading": ("{count} laptop lapangan", "{count} field laptops"),
    "device.never_received": ("belum ada paket", "no package yet"),
    # the package file (app/services/package_file.py)
    "package.not_a_package": (
        "{path} bukan paket Seleksi ASN",
        "{path} is not a Seleksi ASN package",
    ),
    "package.truncated": (
        "{path} terpotong (tidak lengkap); salin ulang dari laptop lapangan",
        "{path} is cut short (incomplete); copy it again from the field laptop",
    ),
    "package.damaged": (
        "{path} rusak atau telah diubah; tidak ada yang diimpor",
        "{path} is damaged or was changed; nothing was imported",
    ),
    "package.cannot_read": ("{path} tidak dapat dibaca: {error}", "{path} cannot be read: {error}"),
    "package.cannot_write": (
        "{path} tidak dapat ditulis: {error}",
        "{path} cannot be written: {error}",
    ),
    "package.bad_key": ("kunci laptop ini rusak", "this laptop's key is damaged"),
    # exporting and importing (app/services/packages.py)
    "package.not_field": (
        "berkas ini bukan laptop lapangan; paket diekspor dari laptop yang disiapkan dengan"
        " 'seleksi laptop prepare'",
        "this file is not a field laptop's; packages are exported from a laptop prepared with"
        " 'seleksi laptop prepare'",
    ),
    "package.other_selection": (
        "paket ini untuk seleksi lain ({name}) atau database lain; tidak ada yang diimpor",
        "this package is for another selection ({name}) or another database; nothing was imported",
    ),
    "package.unknown_device": (
        "paket dari laptop yang tidak dikenal ({name}); hanya laptop yang disiapkan dari berkas"
        " ini yang diterima",
        "package from an unknown laptop ({name}); only laptops prepared from this file are"
        " accepted",
    ),
    "package.bad_signature": (
        "tanda tangan paket laptop {name} tidak sah; tidak ada yang diimpor",
        "the signature of laptop {name}'s package is not valid; nothing was imported",
    ),
    "package.other_chain": (
        "paket laptop {name} tidak berasal dari berkas yang disiapkan untuknya",
        "laptop {name}'s package does not come from the file prepared for it",
    ),
    "package.chain_broken": (
        "jejak audit laptop {name} terputus pada kejadian #{event}; tidak ada yang diimpor",
        "laptop {name}'s audit trail is broken at event #{event}; nothing was imported",
    ),
    "package.chain_rewritten": (
        "kejadian #{event} laptop {name} berbeda dengan yang sudah diterima (jejak audit ditulis"
        " ulang); tidak ada yang diimpor",
        "event #{event} of laptop {name} differs from the one already received (the audit"
        " trail was rewritten); nothing was imported",
    ),
    "package.unknown_participant": (
        "paket laptop {name} memuat {count} peserta yang tidak ada di sini: {value}; tambahkan"
        " dahulu, lalu impor lagi",
        "laptop {name}'s package holds {count} participants unknown here: {value}; add them"
        " first, then import again",
    ),
    "package.unknown_component": (
        "paket laptop {name} memuat komponen atau tahap yang tidak dikenal: {value}",
        "laptop {name}'s package holds an unknown component or stage: {value}",
    ),
    "package.finalized": (
        "paket laptop {name} mengubah formasi yang sudah final: {formations}; buka kembali"
        " dahulu atau biarkan; tidak ada yang diimpor",
        "laptop {name}'s package changes finalized formations: {formations}; reopen them first"
        " or leave it; nothing was imported",
    ),
    "package.main_only": (
        "paket laptop lapangan digabungkan di laptop utama, bukan di laptop lapangan",
        "a field laptop's package is merged on the main laptop, not on a field laptop",
    ),
    "package.for_field_only": (
        "paket dari laptop utama hanya diterima oleh laptop lapangan yang dituju",
        "a package from the main laptop is taken only by the field laptop it is for",
    ),
    "package.other_device": (
        "paket ini untuk laptop {name}, bukan laptop ini; tidak ada yang diubah",
        "this package is for laptop {name}, not this one; nothing was changed",
    ),
    "package.from_main": (
        "dari laptop utama (paket sampai kejadian #{head})",
        "from the main laptop (package up to event #{head})",
    ),
    "package.for_device_exported": (
        "paket untuk laptop {device} ditulis: {path} ({participants} peserta, {marks} tanda;"
        " SHA-256 {sha256})",
        "package for laptop {device} written: {path} ({participants} participants, {marks}"
        " marks; SHA-256 {sha256})",
    ),
    "package.received": (
        "dari laptop utama (kejadian sampai #{head}): {updated} peserta diperbarui, {added}"
        " peserta baru, {marks} tanda baru; nilai laptop ini tidak disentuh",
        "from the main laptop (events up to #{head}): {updated} participants updated, {added}"
        " new participants, {marks} new marks; this laptop's scores are untouched",
    ),
    "device.unknown": (
        "laptop lapangan {name} tidak dikenal (yang ada: {choices})",
        "unknown field laptop {name} (known: {choices})",
    ),
    "db.server_unreachable": (
        "server {url} tidak dapat dibuka: {detail}",
        "server {url} cannot be opened: {detail}",
    ),
    "server.no_restore": (
        "cadangan tidak dipulihkan ke server dari program ini; buka salinannya sebagai berkas,"
        " atau pulihkan server dengan alat PostgreSQL",
        "a backup is not restored onto a server from this program; open the copy as a file,"
        " or restore the server with PostgreSQL's tools",
    ),
    "server.backup_needs_out": (
        "cadangan server ditulis ke berkas: seleksi backup --out BERKAS.db",
        "a server's backup is written to a file: seleksi backup --out FILE.db",
    ),
    "server.copy_exists": (
        "{path} sudah ada; pilih nama berkas lain",
        "{path} already exists; choose another file name",
    ),
    "cli.help.evaluate": (
        "monitoring dan evaluasi: laporan PDF, angka (alur, sebaran, keadilan, kesepakatan"
        " penilai, validitas) sebagai JSON, tabel sebagai XLSX",
        "monitoring and evaluation: the PDF report, the figures (flow, distributions, fairness,"
        " the assessors' agreement, validity) as JSON, the tables as XLSX",
    ),
    "cli.help.local": (
        "kode kabupaten/kota instansi (4 digit NIK, misalnya 1275 untuk Kota Binjai)",
        "the agency's regency or city code (the NIK's first 4 digits, e.g. 1275 for Binjai)",
    ),
    "cli.imported.performance": (
        "kinerja: {added} baru, {unchanged} sama",
        "performance: {added} added, {unchanged} the same",
    ),
    "performance.bad_year": ("tahun tidak sah: {value}", "not a valid year: {value}"),
    "performance.bad_predikat": (
        "predikat tidak dikenal: {value} (Sangat Baik, Baik, Butuh Perbaikan, Kurang, Sangat"
        " Kurang)",
        "unknown predikat: {value} (Sangat Baik, Baik, Butuh Perbaikan, Kurang, Sangat Kurang)",
    ),
    "performance.missing": ("isi predikat atau nilai", "fill in the predikat or the score"),
    "performance.twice": (
        "peserta dan tahun {value} sudah ada di baris lain berkas ini",
        "this participant and year {value} are on another row of this file",
    ),
    "performance.differs": (
        "sudah tersimpan {old}, berkas berisi {new}; tidak ditimpa",
        "{old} is stored, the file says {new}; not overwritten",
    ),
    "cli.evaluate_needs_out": (
        "sebutkan --out LAPORAN.pdf, --json BERKAS dan/atau --xlsx BERKAS",
        "give --out REPORT.pdf, --json FILE and/or --xlsx FILE",
    ),
    "cli.evaluated": ("angka evaluasi ditulis: {path}", "evaluation figures written: {path}"),
    "package.none": ("(tidak ada)", "(none)"),
    "package.main_source": ("laptop utama", "main laptop"),
    "package.no_conflict": (
        "tidak ada selisih antar-laptop untuk peserta {participant}, komponen {component}",
        "no conflict between laptops for participant {participant}, component {component}",
    ),
    "package.bad_choice": (
        "{value} bukan salah satu nilai yang berselisih ({choices})",
        "{value} is not one of the conflicting values ({choices})",
    ),
    "package.exported": (
        "paket laptop {device} ditulis: {path} ({rows} baris nilai, {drafts} entri ganda,"
        " {marks} tanda, {events} kejadian audit; SHA-256 {sha256})",
        "laptop {device}'s package written: {path} ({rows} score rows, {drafts} double-entry"
        " rounds, {marks} marks, {events} audit events; SHA-256 {sha256})",
    ),
    "package.preview": (
        "paket laptop {device} (kejadian sampai #{head}): {added} nilai baru, {replaced}"
        " diganti oleh laptop yang sama, {conflicts} ditahan karena berselisih ({withdrawn}"
        " ditarik dari peringkat), {unchanged} sama; {marks} tanda baru, {drafts} entri ganda"
        " baru, {events} kejadian audit baru",
        "laptop {device}'s package (events up to #{head}): {added} new values, {replaced}"
        " replaced by the same laptop, {conflicts} held back as conflicting ({withdrawn} taken"
        " out of the ranking), {unchanged} the same; {marks} new marks, {drafts} new"
        " double-entry rounds, {events} new audit events",
    ),
    "package.conflicts": (
        "{count} baris berselisih menunggu keputusan admin (seleksi review)",
        "{count} conflicting rows wait for an admin's decision (seleksi review)",
    ),
    "package.draft_conflicts": (
        "{count} entri ganda berbeda dengan yang sudah ada di sini, tidak diambil: {value}",
        "{count} double-entry rounds differ from those already here and were not taken: {value}",
    ),
    "package.same": (
        "paket laptop {device} sudah diterima; tidak ada yang berubah",
        "laptop {device}'s package was already received; nothing changed",
    ),
    "package.older": (
        "paket laptop {device} lebih lama (kejadian sampai #{head}) daripada yang sudah"
        " diterima; tidak ada yang berubah",
        "laptop {device}'s package is older (events up to #{head}) than one already received;"
        " nothing changed",
    ),
    "package.imported": ("paket digabungkan", "package merged"),
    "package.dry_run": ("(uji coba: tidak ada yang diubah)", "(dry run: nothing was changed)"),
    "package.conflict_heading": (
        "{count} selisih antar-laptop",
        "{count} conflicts between laptops",
    ),
    "package.resolved": (
        "selisih diputuskan: peserta {participant}, komponen {component}{where} = {value}",
        "conflict decided: participant {participant}, component {component}{where} = {value}",
    ),
    "package.chain_ok": (
        "jejak audit laptop {device} utuh: {events} kejadian",
        "laptop {device}'s audit trail is intact: {events} events",
    ),
    "package.chain_bad": (
        "jejak audit laptop {device} RUSAK pada kejadian #{event}: {problem}",
        "laptop {device}'s audit trail is BROKEN at event #{event}: {problem}",
    ),
}
