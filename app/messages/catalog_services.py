"""Messages from services and the command line."""

MESSAGES: dict[str, tuple[str, str]] = {
    # database
    "db.is_directory": (
        "{path} adalah folder, bukan berkas database",
        "{path} is a folder, not a database file",
    ),
    "db.cannot_create": (
        "database {path} tidak dapat dibuat: {detail}",
        "cannot create database {path}: {detail}",
    ),
    "db.unreadable": ("berkas {path} tidak dapat dibaca: {detail}", "cannot read {path}: {detail}"),
    "db.not_ours": (
        "{path} bukan database Seleksi ASN; berkas tidak diubah",
        "{path} is not a Seleksi ASN database; the file was not changed",
    ),
    "db.damaged": (
        "database {path} rusak atau tidak dapat dibuka ({detail}); berkas tidak diubah",
        "database {path} is damaged or cannot be opened ({detail}); the file was not changed",
    ),
    "db.too_new": (
        "database {path} dibuat oleh versi program yang lebih baru (skema {revision}); perbarui program",
        "database {path} was written by a newer version of the program (schema {revision}); update the program",
    ),
    # imports
    "import.rejected": (
        "{file}: {count} masalah; tidak ada data yang disimpan",
        "{file}: {count} problems; nothing was saved",
    ),
    "import.where_row": ("baris {row}", "row {row}"),
    "import.where_field": ("kolom {field}", "column {field}"),
    "import.missing_column": ("kolom wajib tidak ada", "required column is missing"),
    "import.required": ("wajib diisi", "is required"),
    "import.duplicate": ("sama dengan baris {row}", "duplicates row {row}"),
    "import.duplicate_score": (
        "nilai yang sama sudah ada di baris {row}",
        "the same score is already in row {row}",
    ),
    "import.not_whole_number": (
        "'{value}' bukan bilangan bulat",
        "'{value}' is not a whole number",
    ),
    "import.at_least_one": ("harus paling sedikit 1", "must be at least 1"),
    "import.no_rows": ("berkas tidak berisi data", "the file has no data rows"),
    "import.no_formations": (
        "belum ada formasi; impor formasi terlebih dahulu",
        "there are no formations yet; import formations first",
    ),
    "import.unknown_formation": ("formasi '{value}' tidak dikenal", "unknown formation '{value}'"),
    "import.bad_nik": ("NIK '{value}' harus 16 angka", "NIK '{value}' must be 16 digits"),
    "import.bad_date": (
        "tanggal '{value}' tidak valid (gunakan YYYY-MM-DD atau DD-MM-YYYY)",
        "invalid date '{value}' (use YYYY-MM-DD or DD-MM-YYYY)",
    ),
    "import.implausible_birth": (
        "tanggal lahir '{value}' tidak masuk akal",
        "birth date '{value}' is implausible",
    ),
    "import.not_number": ("'{value}' bukan angka", "'{value}' is not a number"),
    "import.range": ("'{value}' di luar rentang {min}–{max}", "'{value}' is outside {min}–{max}"),
    "import.unknown_participant": (
        "nomor peserta '{value}' tidak terdaftar",
        "participant number '{value}' is not registered",
    ),
    "import.unknown_component": ("komponen '{value}' tidak dikenal", "unknown component '{value}'"),
    "import.no_component_columns": (
        "tidak ada kolom komponen nilai (bentuk lebar) atau kolom komponen dan nilai (bentuk panjang)",
        "no score component columns (wide form) nor komponen and nilai columns (long form)",
    ),
    "import.assessor_required": (
        "komponen {component} dinilai oleh {count} penilai; isi kolom penilai",
        "component {component} is scored by {count} assessors; fill in the penilai column",
    ),
    "import.whole_and_aspects": (
        "penilai yang sama memberi nilai utuh dan nilai aspek (lihat baris {row}); isi salah satu saja",
        "the same assessor has a whole value and aspect values (see row {row}); enter only one of them",
    ),
    "import.bad_value": ("'{value}' {reason}", "'{value}' {reason}"),
    "import.stage_not_reached": (
        "peserta {value} tidak lolos ke tahap {stage} (kode {previous}: {code})",
        "participant {value} has not reached stage {stage} ({previous} code: {code})",
    ),
    "value.absent_on_aspect": (
        "TH dicatat untuk komponen, bukan untuk aspek",
        "TH is recorded for a component, not for an aspect",
    ),
    # schemes and selections
    "scheme.not_found": (
        "skema '{name}' tidak ditemukan (preset: {presets}, atau jalur berkas .toml)",
        "scheme '{name}' not found (presets: {presets}, or a path to a .toml file)",
    ),
    "scheme.unreadable": (
        "berkas skema {path} tidak dapat dibaca: {detail}",
        "cannot read scheme file {path}: {detail}",
    ),
    "scheme.invalid": (
        "skema {source} tidak valid ({count} masalah)",
        "scheme {source} is invalid ({count} problems)",
    ),
    "selection.not_found": (
        "seleksi dengan ID {id} tidak ada",
        "there is no selection with ID {id}",
    ),
    "selection.none": (
        "database belum berisi seleksi; jalankan 'init' atau 'demo' terlebih dahulu",
        "the database holds no selection yet; run 'init' or 'demo' first",
    ),
    "selection.name_required": ("nama seleksi wajib diisi", "the selection needs a name"),
    "selection.bad_year": ("tahun {year} tidak valid", "invalid year {year}"),
    "stage.not_found": (
        "tahap '{value}' tidak ada (pilihan: {choices})",
        "no stage '{value}' (choices: {choices})",
    ),
    "formation.not_found": ("formasi '{value}' tidak ada", "no formation '{value}'"),
    "participant.not_found": (
        "peserta '{value}' tidak terdaftar",
        "participant '{value}' is not registered",
    ),
    # marks
    "mark.bad_kind": (
        "tanda '{value}' tidak dikenal (pilihan: {choices})",
        "unknown mark '{value}' (choices: {choices})",
    ),
    "mark.reason_required": ("alasan wajib diisi", "a reason is required"),
    "mark.exists": (
        "peserta {value} sudah bertanda {kind} pada tahap {stage}",
        "participant {value} is already marked {kind} at stage {stage}",
    ),
    # users
    "user.bad_name": (
        "nama pengguna tidak boleh kosong atau berisi spasi",
        "a user name cannot be empty or contain spaces",
    ),
    "user.bad_role": (
        "peran '{value}' tidak dikenal (pilihan: {choices})",
        "unknown role '{value}' (choices: {choices})",
    ),
    "user.short_password": (
        "kata sandi paling sedikit {min} karakter",
        "the password needs at least {min} characters",
    ),
    "user.exists": ("pengguna '{value}' sudah ada", "user '{value}' already exists"),
    "user.bad_login": ("nama pengguna atau kata sandi salah", "wrong user name or password"),
    "user.password_mismatch": ("kedua kata sandi tidak sama", "the two passwords differ"),
    # command line
    "cli.description": (
        "Seleksi ASN: pengolahan nilai dan pemeringkatan seleksi ASN. Tanpa perintah: membuka jendela aplikasi.",
        "Seleksi ASN: scores and rankings of civil-service selections. Without a command: opens the window.",
    ),
    "cli.usage_error": ("perintah tidak valid", "invalid command"),
    "cli.help.db": (
        "berkas database (bawaan: seleksi.db di folder data pengguna)",
        "database file (default: seleksi.db in the user data folder)",
    ),
    "cli.help.selection": (
        "ID seleksi (bawaan: yang terakhir dibuat)",
        "selection ID (default: the most recent)",
    ),
    "cli.help.init": ("membuat seleksi baru dari skema", "create a selection from a scheme"),
    "cli.help.scheme": (
        "nama preset (cpns-2024, pppk-2024, binjai-kompetensi) atau berkas .toml",
        "preset name or .toml file",
    ),
    "cli.help.import": (
        "impor formasi, peserta atau nilai dari CSV/XLSX",
        "import formations, participants or scores from CSV/XLSX",
    ),
    "cli.help.mark": ("menandai peserta APS, TMS atau DIS", "mark a participant APS, TMS or DIS"),
    "cli.help.rank": ("menampilkan peringkat suatu tahap", "show a stage's ranking"),
    "cli.help.demo": ("membuat seleksi contoh Kota Binjai", "create a Binjai demo selection"),
    "cli.help.user": ("mengelola pengguna", "manage users"),
    "cli.help.selections": ("daftar seleksi dalam database", "list the selections in the database"),
    "cli.import_rejected": (
        "{file}: impor dibatalkan, {count} masalah; database tidak diubah:",
        "{file}: import rejected, {count} problems; the database was not changed:",
    ),
    "cli.scheme_rejected": ("skema {source} tidak valid:", "scheme {source} is invalid:"),
    "cli.interrupted": ("dibatalkan", "interrupted"),
    "cli.created_selection": (
        "seleksi {id} dibuat: {name} (skema {scheme})",
        "selection {id} created: {name} (scheme {scheme})",
    ),
    "cli.created_demo": (
        "seleksi contoh {id} dibuat: {name}, {participants} peserta",
        "demo selection {id} created: {name}, {participants} participants",
    ),
    "cli.counts": (
        "{formations} formasi, {participants} peserta",
        "{formations} formations, {participants} participants",
    ),
    "cli.imported.formations": (
        "formasi: {added} baru, {updated} diperbarui",
        "formations: {added} added, {updated} updated",
    ),
    "cli.imported.participants": (
        "peserta: {added} baru, {updated} diperbarui",
        "participants: {added} added, {updated} updated",
    ),
    "cli.imported.scores": (
        "nilai: {added} baru, {updated} diganti",
        "scores: {added} added, {updated} replaced",
    ),
    "cli.marked": (
        "peserta {number} ditandai {kind} mulai tahap {stage}",
        "participant {number} marked {kind} from stage {stage}",
    ),
    "cli.cannot_write": ("tidak dapat menulis {path}: {detail}", "cannot write {path}: {detail}"),
    "cli.password_prompt": ("Kata sandi: ", "Password: "),
    "cli.password_again": ("Ulangi kata sandi: ", "Repeat password: "),
    "cli.user_added": ("pengguna {name} ({role}) ditambahkan", "user {name} ({role}) added"),
    # permissions and entry
    "permission.admin_only": ("hanya admin yang boleh melakukan ini", "only an admin may do this"),
    "permission.denied": (
        "peran Anda tidak mengizinkan tindakan ini",
        "your role does not allow this",
    ),
    "entry.assessor_required": (
        "komponen {component} dinilai oleh beberapa penilai; pilih penilai",
        "component {component} has several assessors; choose the assessor",
    ),
    "entry.own_name_only": (
        "penilai hanya boleh mengisi nilai atas namanya sendiri ({name})",
        "an assessor may only enter scores under their own name ({name})",
    ),
    "entry.stage_not_reached": (
        "peserta {value} tidak mengikuti tahap {stage}",
        "participant {value} does not take stage {stage}",
    ),
    # formations
    "formation.code_required": ("kode formasi wajib diisi", "the formation code is required"),
    "formation.title_required": ("jabatan wajib diisi", "the position title is required"),
    "formation.quota_at_least_one": ("kebutuhan paling sedikit 1", "vacancies must be at least 1"),
    "formation.code_exists": (
        "kode formasi {value} sudah dipakai",
        "formation code {value} is already used",
    ),
    "formation.has_participants": (
        "formasi {value} masih memiliki {count} peserta; pindahkan peserta terlebih dahulu",
        "formation {value} still has {count} participants; move them first",
    ),
    # scheme editing
    "scheme.locked": (
        "skema tidak dapat diubah karena nilai sudah dimasukkan",
        "the scheme cannot change once scores have been entered",
    ),
    "scheme.stage_has_marks": (
        "tahap {stages} memiliki peserta bertanda APS/TMS/DIS dan tidak dapat dihapus",
        "stages {stages} have marked participants and cannot be removed",
    ),
    "cli.database_error": (
        "database tidak dapat dipakai saat ini ({detail}); tidak ada yang diubah",
        "the database cannot be used right now ({detail}); nothing was changed",
    ),
    "cli.os_error": ("kesalahan berkas: {detail}", "file error: {detail}"),
    "cli.unexpected": (
        "kesalahan tak terduga ({detail}); tidak ada yang diubah; rincian di {log}",
        "unexpected error ({detail}); nothing was changed; details in {log}",
    ),
    "sign.short_password": (
        "kata sandi kunci paling sedikit {min} karakter",
        "the key password needs at least {min} characters",
    ),
    "sign.key_unreadable": (
        "berkas kunci {path} tidak dapat dibaca: {detail}",
        "cannot read key file {path}: {detail}",
    ),
    "sign.bad_key": (
        "kunci {path} tidak dapat dibuka: kata sandi salah atau berkas rusak",
        "key {path} cannot be opened: wrong password or damaged file",
    ),
    "documents.bad_prefix": (
        "awalan penanda tangan harus salah satu dari: {choices}",
        "the signatory prefix must be one of: {choices}",
    ),
    "documents.government_required": (
        "nama pemerintah daerah pada kop wajib diisi",
        "the letterhead needs the government's name",
    ),
    "documents.image_too_large": ("gambar paling besar {max}", "an image may be at most {max}"),
    "documents.not_an_image": (
        "gambar harus berupa berkas PNG atau JPEG",
        "an image must be a PNG or JPEG file",
    ),
}
