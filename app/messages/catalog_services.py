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
    "import.unknown_component": (
        "komponen '{value}' tidak dikenal (yang dikenal: {choices})",
        "unknown component '{value}' (known: {choices})",
    ),
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
    "import.double_entry": (
        "komponen {component} memakai entri ganda: nilainya diketik dua operator di layar input nilai, tidak diimpor",
        "component {component} uses double entry: two operators type its values on the score-entry screen; it is not imported",
    ),
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
    "participant.rejected": (
        "data peserta belum disimpan; perbaiki isian berikut:",
        "the participant was not saved; correct the following:",
    ),
    "participant.number_taken": (
        "nomor peserta '{value}' sudah dipakai peserta lain",
        "participant number '{value}' is already used by another participant",
    ),
    "participant.changed_meanwhile": (
        "data peserta {number} baru saja diubah di jendela lain; tutup dan buka kembali untuk"
        " melihat data terbaru (tidak ada yang disimpan)",
        "participant {number} was changed in another window just now; close and open it again"
        " to see the latest data (nothing was saved)",
    ),
    "participant.reason_required": (
        "alasan wajib diisi: perubahan data peserta dicatat dalam jejak audit",
        "a reason is required: changes to a participant are recorded in the audit trail",
    ),
    "participant.field.nomor_peserta": ("Nomor peserta", "Participant number"),
    "participant.field.nama": ("Nama", "Name"),
    "participant.field.tanggal_lahir": ("Tanggal lahir", "Date of birth"),
    "participant.field.kode_formasi": ("Formasi", "Formation"),
    "participant.field.nik": ("NIK", "NIK"),
    "participant.field.pendidikan": ("Pendidikan", "Education"),
    "participant.field.ipk": ("IPK", "GPA (IPK)"),
    "participant.field.kelompok_prioritas": ("Kelompok prioritas", "Priority group"),
    "participant.field.afirmasi_persen": ("Afirmasi (%)", "Affirmation (%)"),
    "participant.field.sesi": ("Sesi", "Session"),
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
    # One message for an unknown name, a wrong password and a locked account (issue #9): the
    # words must not tell a guesser which names exist, yet a locked-out user learns to wait.
    "user.bad_login": (
        "nama pengguna atau kata sandi salah (setelah lima kali salah, akun dikunci {minutes} menit)",
        "wrong user name or password (after five wrong attempts the account is locked for"
        " {minutes} minutes)",
    ),
    "user.password_mismatch": ("kedua kata sandi tidak sama", "the two passwords differ"),
    "user.not_found": ("pengguna '{value}' tidak ada", "there is no user '{value}'"),
    "user.reason_required": (
        "tulis alasannya: perubahan peran dan penonaktifan akun dicatat beserta alasan",
        "give a reason: role changes and deactivations are recorded with their reason",
    ),
    "user.same_role": (
        "'{value}' sudah berperan {role}; tidak ada yang diubah",
        "'{value}' already has the role {role}; nothing was changed",
    ),
    "user.own_role": (
        "peran akun Anda sendiri hanya dapat diubah oleh admin lain",
        "only another admin can change the role of your own account",
    ),
    "user.own_reset": (
        "kata sandi Anda sendiri diganti lewat Berkas › Ganti kata sandi, dengan kata sandi lama",
        "change your own password with File › Change password, using the current one",
    ),
    "user.own_deactivate": (
        "akun Anda sendiri tidak dapat dinonaktifkan; minta admin lain",
        "you cannot deactivate your own account; ask another admin",
    ),
    "user.last_admin": (
        "'{value}' adalah satu-satunya admin aktif; jadikan pengguna lain admin lebih dahulu",
        "'{value}' is the only active admin; make another user an admin first",
    ),
    "user.already_active": (
        "akun '{value}' sudah aktif",
        "the account '{value}' is active already",
    ),
    "user.already_inactive": (
        "akun '{value}' sudah nonaktif",
        "the account '{value}' is inactive already",
    ),
    "user.not_locked": ("akun '{value}' tidak terkunci", "the account '{value}' is not locked"),
    "user.inactive": (
        "akun '{value}' sudah dinonaktifkan; keluar dan masuk dengan akun lain",
        "the account '{value}' has been deactivated; log out and log in with another account",
    ),
    "user.wrong_password": ("kata sandi lama salah", "the current password is wrong"),
    "user.same_password": (
        "kata sandi baru harus berbeda dari kata sandi lama",
        "the new password must differ from the current one",
    ),
    "user.try_later": (
        "terlalu banyak kata sandi salah; akun terkunci, coba lagi setelah {minutes} menit",
        "too many wrong passwords; the account is locked, try again in {minutes} minutes",
    ),
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
    "cli.password_needs_terminal": (
        "kata sandi diperlukan, tetapi tidak ada terminal untuk mengetiknya: berikan dengan"
        " {option}",
        "a password is needed but there is no terminal to type it: give it with {option}",
    ),
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
    "sign.bad_certificate": (
        "berkas sertifikat bukan sertifikat X.509 (PEM atau DER) yang dapat dibaca",
        "the certificate file is not a readable X.509 certificate (PEM or DER)",
    ),
    "documents.bad_prefix": (
        "awalan penanda tangan harus salah satu dari: {choices}",
        "the signatory prefix must be one of: {choices}",
    ),
    "documents.bad_nip": (
        "NIP '{value}' tidak sah: NIP terdiri atas {digits} digit angka (spasi boleh, huruf dan"
        " tanda baca tidak)",
        "NIP '{value}' is not valid: a NIP has {digits} digits (spaces allowed, no letters or"
        " punctuation)",
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
    # announcements
    "announce.incomplete": (
        "pengumuman tahap {stage} belum dapat diterbitkan: {count} peserta nilainya belum lengkap",
        "the {stage} announcement cannot be issued yet: {count} participants are incomplete",
    ),
    "announce.ties": (
        "peringatan: nilai sama persis (SERI) di batas kebutuhan pada formasi {formations}; panitia yang memutuskan",
        "warning: complete ties (SERI) at the vacancy boundary in formations {formations}; the committee decides",
    ),
    "announce.changed": (
        "data berubah selama pengumuman tahap {stage} disusun ({count} formasi: {formations}); pengumuman tidak disimpan, terbitkan ulang",
        "the data changed while the {stage} announcement was being prepared ({count} formations: {formations}); nothing was stored, issue it again",
    ),
    "announce.subject": ("hasil {stage} {selection}", "results of {stage}, {selection}"),
    "announce.subject_short": ("hasil {selection}", "results of {selection}"),
    "announce.replaces": (
        "Pengumuman ini menggantikan Pengumuman Nomor {number}.",
        "This announcement replaces announcement number {number}.",
    ),
    "announce.sign_reason": ("Pengumuman Nomor {number}", "Announcement number {number}"),
    "announce.no_signatory": (
        "pengumuman belum dapat diterbitkan: {fields} penandatangan masih kosong (isi di"
        " Pengaturan dokumen)",
        "the announcement cannot be issued yet: the signatory's {fields} is blank (fill it in"
        " the document settings)",
    ),
    "announce.field_signatory_name": ("nama", "name"),
    "announce.field_signatory_nip": ("NIP", "NIP"),
    "announce.number_taken": (
        "Nomor {number} sudah dipakai oleh pengumuman tahap {stage} tanggal {date}; pakai nomor"
        " lain",
        "number {number} is already used by the {stage} announcement of {date}; use another",
    ),
    "announce.before_replaced": (
        "tanggal {date} mendahului Pengumuman Nomor {number} ({replaced}) yang diganti;"
        " pengganti tidak boleh bertanggal lebih awal",
        "the date {date} is before announcement {number} ({replaced}) that it replaces",
    ),
    "announce.date_far": (
        "tanggal {date} lebih dari {days} hari ke depan; periksa tanggalnya, atau tegaskan"
        " (--confirm-date)",
        "the date {date} is more than {days} days ahead; check it, or confirm it (--confirm-date)",
    ),
    "documents.objection_incomplete": (
        "masa sanggah perlu tanggal mulai dan tanggal akhir",
        "the objection period needs a first and a last day",
    ),
    "documents.objection_order": (
        "masa sanggah berakhir ({end}) sebelum dimulai ({start})",
        "the objection period ends ({end}) before it starts ({start})",
    ),
    "announce.objection": (
        "Peserta yang berkeberatan atas hasil ini dapat mengajukan sanggahan secara tertulis"
        " pada tanggal {start} sampai dengan {end} kepada {place}; sanggahan yang diterima"
        " sesudahnya tidak dilayani.",
        "Participants who object to these results may file a written objection from {start}"
        " to {end} with {place}; objections received later are not considered.",
    ),
    "announce.legend_code": ("kode {code}", "code {code}"),
    "announce.legend_range": ("rentang {low}–{high}", "range {low}–{high}"),
    "announce.legend_weight": ("bobot {weight} %", "weight {weight} %"),
    "announce.legend_threshold": ("nilai ambang batas {value}", "threshold {value}"),
    "announce.legend_passing": ("lulus bila {values}", "passes with {values}"),
    "announce.legend_assessors": (
        "rata-rata {count} penilai atau lebih",
        "the mean of {count} or more assessors",
    ),
    "announce.legend_integrated": (
        "kode {code}; nilai tahap itu (0–{maximum}) dihitung {weight} % dalam nilai akhir",
        "code {code}; that stage's score (0–{maximum}) counts {weight} % in the final value",
    ),
    "announce.legend_prior_part": (
        "nilai {code} × {weight} ÷ {maximum} (skala 100 × {weight} %), dibulatkan tiga desimal",
        "the {code} score × {weight} ÷ {maximum} (scale of 100 × {weight} %), to three decimals",
    ),
    "announce.legend_own_part": (
        "nilai SKB skala 100 × {weight} %; bersama bagian {code} menjadi nilai akhir",
        "the SKB score on a scale of 100 × {weight} %; with the {code} part it makes the final"
        " value",
    ),
    "printed.registered": (
        "dokumen terdaftar: {title} — {subject}; dicetak oleh {user} pada {time}",
        "registered document: {title} — {subject}; printed by {user} at {time}",
    ),
    "printed.file_ok": (
        "berkas sama persis dengan yang dicetak",
        "the file is exactly the one printed",
    ),
    "printed.file_differs": (
        "berkas BERBEDA dari yang dicetak",
        "the file DIFFERS from the one printed",
    ),
    "printed.shows": ("halaman harus menunjukkan: {rows}", "the page must show: {rows}"),
    "printed.more_rows": (" (dan {count} baris lain)", " (and {count} more rows)"),
    "printed.provisional": (
        "SEMENTARA: dicetak sebelum hasil difinalkan, bukan hasil resmi",
        "PROVISIONAL: printed before the results were final, not an official result",
    ),
    "announce.not_found": ("pengumuman {value} tidak ada", "there is no announcement {value}"),
    "legend.within_final": ("lulus, dalam kebutuhan formasi", "passed, within the vacancies"),
    "legend.within_cut": (
        "memenuhi nilai ambang batas dan mengikuti tahap berikutnya",
        "met the thresholds and goes on to the next stage",
    ),
    "legend.outside_final": (
        "memenuhi syarat, di luar kebutuhan formasi",
        "qualified, outside the vacancies",
    ),
    "legend.outside_cut": (
        "memenuhi nilai ambang batas, di luar peringkat untuk tahap berikutnya",
        "met the thresholds, outside the ranks that go on",
    ),
    "legend.below_threshold": ("tidak memenuhi nilai ambang batas", "below a threshold"),
    "legend.absent": ("tidak hadir", "absent"),
    "legend.requirement_failed": ("tidak memenuhi syarat", "failed a requirement"),
    "legend.withdrawn": ("mengundurkan diri", "withdrew"),
    "legend.disqualified": ("diskualifikasi", "disqualified"),
    "legend.tie": (
        "nilai sama persis di batas kebutuhan; diputuskan oleh panitia",
        "a complete tie at the vacancy boundary; the committee decides",
    ),
    "legend.or": (" atau ", " or "),
    "work.cancelled": ("dibatalkan; tidak ada yang diubah", "cancelled; nothing was changed"),
    "cli.legend_title": ("Keterangan kode:", "Codes:"),
    # verification
    "verify.no_id": (
        "berkas ini tidak memuat ID dokumen Seleksi ASN",
        "this file carries no Seleksi ASN document id",
    ),
    "verify.unknown": (
        "dokumen {id} tidak tercatat di database ini",
        "document {id} is not recorded in this database",
    ),
    "verify.snapshot_ok": (
        "data hasil yang tersimpan utuh (SHA-256 cocok)",
        "the stored results are intact (SHA-256 matches)",
    ),
    "verify.snapshot_changed": (
        "data hasil yang tersimpan TELAH DIUBAH: SHA-256 tidak cocok",
        "the stored results HAVE BEEN CHANGED: SHA-256 differs",
    ),
    "verify.payload_ok": (
        "kode verifikasi dalam berkas cocok dengan database",
        "the verification code in the file matches the database",
    ),
    "verify.payload_differs": (
        "kode verifikasi dalam berkas TIDAK cocok dengan database",
        "the verification code in the file does NOT match the database",
    ),
    "verify.file_ok": (
        "berkas sama persis dengan yang diterbitkan",
        "the file is exactly the one issued",
    ),
    "verify.file_differs": (
        "berkas BERBEDA dari yang diterbitkan",
        "the file DIFFERS from the one issued",
    ),
    "verify.rows_match": (
        "semua baris hasil dalam berkas sesuai dengan data tersimpan",
        "every result row in the file matches the stored data",
    ),
    "verify.rows_differ": (
        "{count} baris hasil tidak sesuai dengan data tersimpan (mis. {rows})",
        "{count} result rows do not match the stored data (e.g. {rows})",
    ),
    "verify.signature_missing": (
        "tanda tangan elektronik tidak ditemukan",
        "no digital signature found",
    ),
    "verify.signature_broken": (
        "tanda tangan elektronik RUSAK: isi berkas berubah setelah ditandatangani",
        "the digital signature is BROKEN: the file changed after signing",
    ),
    "verify.signature_untrusted": (
        "sertifikat yang diberikan TIDAK cocok dengan penanda tangan berkas ini ({signer}):"
        " berkas ini berantai ke sertifikat akar SHA-256 {fingerprint}, sertifikat yang"
        " diberikan {given}",
        "the certificate given does NOT match the signer of this file ({signer}): the file"
        " chains to the root certificate SHA-256 {fingerprint}, the certificate given is {given}",
    ),
    "verify.issued_unsigned": (
        "pengumuman ini diterbitkan tanpa tanda tangan elektronik; diperiksa dengan sidik"
        " SHA-256 saja",
        "this announcement was issued without a digital signature; checked by its SHA-256 only",
    ),
    "picture.unreadable": (
        "{path} bukan gambar yang dapat dibaca (PNG atau JPEG)",
        "{path} is not a picture that can be read (PNG or JPEG)",
    ),
    "picture.no_code": (
        "tidak ada kode QR yang terbaca pada gambar; foto ulang halaman dengan kode QR terlihat"
        " jelas dan rata",
        "no QR code could be read in the picture; photograph the page again with the QR code"
        " sharp and flat",
    ),
    "picture.foreign_code": (
        "kode QR pada gambar bukan kode verifikasi Seleksi ASN",
        "the QR code in the picture is not a Seleksi ASN verification code",
    ),
    "picture.code_read": (
        "kode QR terbaca: dokumen {id}",
        "QR code read: document {id}",
    ),
    "picture.page_read": (
        "kode QR terbaca: dokumen {id}, halaman {page} dari {pages}",
        "QR code read: document {id}, page {page} of {pages}",
    ),
    "picture.pages_ok": (
        "jumlah halaman cocok dengan berkas yang tersimpan ({pages} halaman)",
        "the page count matches the stored file ({pages} pages)",
    ),
    "picture.pages_differ": (
        "kode QR menyebut halaman {page} dari {claimed}, tetapi berkas yang tersimpan berisi"
        " {pages} halaman",
        "the QR code says page {page} of {claimed}, but the stored file has {pages} pages",
    ),
    "picture.seal_ok": (
        "kode QR ditandatangani dengan kunci panitia yang menandatangani pengumuman ini",
        "the QR code is signed with the committee key that signed this announcement",
    ),
    "picture.seal_bad": (
        "tanda tangan pada kode QR TIDAK SAH: kode ini tidak dibuat dengan kunci panitia"
        " yang menandatangani pengumuman ini, atau isinya diubah",
        "the signature in the QR code is NOT VALID: the code was not made with the committee"
        " key that signed this announcement, or its content was changed",
    ),
    "picture.seal_missing": (
        "kode QR tidak bertanda tangan, padahal pengumuman ini ditandatangani: kode ini bukan"
        " buatan panitia",
        "the QR code is unsigned although this announcement is signed: the code was not made"
        " by the committee",
    ),
    "picture.seal_unexpected": (
        "kode QR bertanda tangan, padahal pengumuman ini diterbitkan tanpa tanda tangan elektronik",
        "the QR code carries a signature although this announcement was issued unsigned",
    ),
    "picture.seal_unsigned": (
        "pengumuman ini diterbitkan tanpa tanda tangan elektronik; kode QR diperiksa dengan"
        " sidik SHA-256 saja",
        "this announcement was issued without a digital signature; the QR code is checked by"
        " its SHA-256 only",
    ),
    "picture.seal_old_key": (
        "pengumuman ini ditandatangani dengan kunci panitia versi lama (RSA) yang tidak"
        " menandatangani kode QR; kode diperiksa dengan sidik SHA-256 saja",
        "this announcement was signed with an older committee key (RSA) that does not sign QR"
        " codes; the code is checked by its SHA-256 only",
    ),
    "picture.no_rows": (
        "halaman ini tidak memuat baris hasil (naskah pengumuman atau keterangan kode)",
        "this page shows no result rows (the announcement's text or the legend)",
    ),
    "picture.rows_beyond": (
        "kode QR menyebut baris yang tidak ada dalam hasil yang tersimpan ({count} baris)",
        "the QR code names rows that the stored results do not have ({count} rows)",
    ),
    "picture.rows": (
        "halaman ini harus memuat baris {first} s.d. {last} berikut; bandingkan dengan kertasnya",
        "this page must show rows {first} to {last} below; compare them with the paper",
    ),
    "picture.hash_ok": (
        "sidik SHA-256 pada kode QR cocok dengan hasil yang tersimpan",
        "the SHA-256 in the QR code matches the stored results",
    ),
    "picture.hash_differs": (
        "sidik SHA-256 pada kode QR TIDAK cocok dengan hasil yang tersimpan",
        "the SHA-256 in the QR code does NOT match the stored results",
    ),
    "picture.compare": (
        "halaman ini bagian dari Pengumuman Nomor {number} tanggal {date}; bandingkan baris"
        " yang tercetak dengan berkas aslinya (seleksi verify BERKAS.pdf)",
        "this page belongs to announcement {number} of {date}; compare its printed rows with"
        " the original file (seleksi verify FILE.pdf)",
    ),
    "picture.id_only": (
        "dokumen ini tercatat sebagai Pengumuman Nomor {number} tanggal {date}; hanya nomornya"
        " yang diperiksa: periksa berkas PDF atau foto halamannya untuk isinya",
        "this document is recorded as announcement {number} of {date}; only its id was checked:"
        " check the PDF or a photo of a page for its content",
    ),
    "verify.replaced": (
        "TIDAK BERLAKU: pengumuman ini telah diganti oleh Pengumuman Nomor {number}",
        "NO LONGER IN FORCE: this announcement was replaced by announcement {number}",
    ),
    "verify.signature_no_cert": (
        "tanda tangan utuh; sertifikat akar yang dibawa berkas: SHA-256 {fingerprint};"
        " bandingkan dengan sidik jari yang diumumkan panitia, atau berikan sertifikat panitia"
        " (--cert) untuk memeriksa penanda tangan",
        "the signature is intact; the root certificate the file carries: SHA-256"
        " {fingerprint}; compare it with the fingerprint the committee published, or give the"
        " committee certificate (--cert) to check the signer",
    ),
    "verify.signature_ok": (
        "tanda tangan elektronik sah: {signer}, berantai ke sertifikat akar panitia SHA-256"
        " {fingerprint}",
        "valid digital signature: {signer}, chaining to the committee root certificate SHA-256"
        " {fingerprint}",
    ),
    "verify.valid": (
        "SAH: dokumen {id} (Nomor {number}) sesuai dengan database",
        "VALID: document {id} (number {number}) matches the database",
    ),
    "verify.invalid": (
        "TIDAK SAH: dokumen {id} tidak sesuai",
        "NOT VALID: document {id} does not match",
    ),
    "cli.help.announce": (
        "menerbitkan pengumuman hasil suatu tahap (PDF)",
        "issue a stage's result announcement (PDF)",
    ),
    "cli.help.confirm_date": (
        "terbitkan juga bila --date lebih dari sebulan ke depan",
        "issue even when --date is more than a month ahead",
    ),
    "cli.help.verify": (
        "memeriksa keaslian pengumuman: berkas PDF, atau foto/pindaian halamannya (PNG, JPEG)",
        "verify an announcement: its PDF, or a photo or scan of a page (PNG, JPEG)",
    ),
    "cli.help.key": (
        "membuat kunci dan sertifikat tanda tangan panitia",
        "create the committee's signing key and certificate",
    ),
    "cli.bad_date": (
        "tanggal '{value}' tidak valid (gunakan YYYY-MM-DD)",
        "invalid date '{value}' (use YYYY-MM-DD)",
    ),
    "cli.cannot_read": ("tidak dapat membaca {path}: {detail}", "cannot read {path}: {detail}"),
    "cli.key_password_prompt": ("Kata sandi kunci: ", "Key password: "),
    "cli.key_created": (
        "kunci panitia disimpan di {p12}; sertifikat akar untuk pemeriksa di {cert}",
        "committee key saved in {p12}; root certificate for verifiers in {cert}",
    ),
    "cli.key_fingerprint": (
        "sidik jari SHA-256 sertifikat akar (umumkan bersama sertifikatnya): {fingerprint}",
        "SHA-256 fingerprint of the root certificate (publish it with the certificate):"
        " {fingerprint}",
    ),
    "cli.announced": (
        "pengumuman Nomor {number} terbit: {out} ({rows} baris, ID {id}, SHA-256 {sha})",
        "announcement {number} issued: {out} ({rows} rows, id {id}, SHA-256 {sha})",
    ),
    "cli.verify_valid_printed": (
        "SAH: {file} adalah {title} yang dicetak dan terdaftar ({id})",
        "VALID: {file} is the registered printed {title} ({id})",
    ),
    "cli.verify_valid": (
        "SAH: {file} adalah pengumuman Nomor {number} ({id})",
        "VALID: {file} is announcement {number} ({id})",
    ),
    "cli.verify_replaced": (
        "TIDAK BERLAKU: {file} ({id}) adalah Pengumuman Nomor {number}, diganti oleh Pengumuman"
        " Nomor {replaced_by}",
        "NOT IN FORCE: {file} ({id}) is announcement {number}, replaced by announcement"
        " {replaced_by}",
    ),
    "cli.verify_invalid": (
        "TIDAK SAH: {file} ({id}) tidak sesuai dengan database",
        "NOT VALID: {file} ({id}) does not match the database",
    ),
    "documents.all_formations": ("Semua formasi", "All formations"),
    "documents.sheet_title": ("BLANKO PENILAIAN", "SCORE SHEET"),
    "documents.attendance_title": ("DAFTAR HADIR PESERTA", "ATTENDANCE LIST"),
    "documents.minutes_record": ("Berita acara Nomor {number}", "Minutes No. {number}"),
    "documents.slip_record": ("Kartu hasil seleksi", "Result slip"),
    "documents.nobody": (
        "tidak ada peserta untuk sesi {session} / formasi {formation}",
        "no participants for session {session} / formation {formation}",
    ),
    "documents.no_slips": (
        "formasi {formation} tidak punya peserta pada tahap {stage}",
        "formation {formation} has no participants in stage {stage}",
    ),
    "documents.minutes_tie": (
        "Peserta {tied} memperoleh nilai sama persis ({final}) pada batas kebutuhan; berdasarkan"
        " keputusan panitia {reference} dengan alasan {reason}, kursi yang tersisa diisi oleh"
        " {winners}.",
        "Participants {tied} have exactly equal results ({final}) at the vacancy boundary; by"
        " the committee's decision {reference}, for the reason {reason}, the remaining seat(s)"
        " go to {winners}.",
    ),
    "documents.minutes_text": (
        "Panitia Seleksi Daerah telah memeriksa dan menetapkan hasil {stage} untuk formasi {formation} sebagaimana tercantum di atas, berdasarkan nilai yang diolah dengan aplikasi Seleksi ASN dan telah diperiksa bersama.",
        "The committee has checked and fixed the results of {stage} for formation {formation} as listed above.",
    ),
    "legend.incomplete": ("nilai belum lengkap", "scores incomplete"),
    "cli.help.sheet": (
        "mencetak blanko penilaian suatu komponen",
        "print a score sheet for a component",
    ),
    "cli.help.attendance": (
        "mencetak daftar hadir suatu sesi atau formasi",
        "print an attendance list",
    ),
    "cli.help.minutes": (
        "mencetak berita acara hasil suatu formasi",
        "print the minutes of a formation's results",
    ),
    "cli.help.slip": ("mencetak slip hasil seorang peserta", "print one participant's result slip"),
    "cli.document_written": ("{out} ditulis ({pages} halaman)", "{out} written ({pages} pages)"),
    "audit.chain_link": (
        "rantai terputus: kejadian sebelumnya hilang atau diubah",
        "the chain is broken: an earlier event is missing or changed",
    ),
    "audit.chain_content": (
        "isi kejadian ini telah diubah",
        "this event's content has been changed",
    ),
    "entry.reason_required": (
        "nilai yang sudah dimasukkan hanya dapat diubah dengan alasan",
        "a score already entered can only be changed with a reason",
    ),
    "db.busy": (
        "berkas {path} sedang dipakai untuk menyimpan di tempat lain (mis. impor besar);"
        " tidak ada yang berubah, tunggu sebentar lalu coba lagi",
        "{path} is busy with a save elsewhere (e.g. a large import); nothing was changed,"
        " wait a moment and try again",
    ),
    "entry.changed_elsewhere": (
        "nilai ini baru saja diubah oleh {by} pada {at}; muat ulang lalu coba lagi",
        "this score was just changed by {by} at {at}; reload and try again",
    ),
    "cli.help.user_login": (
        "masuk sebagai pengguna aplikasi (atau SELEKSI_USER); perannya berlaku. Wajib untuk"
        " setiap perintah yang mengubah data atau menampilkan nilai yang belum final",
        "log in as an application user (or SELEKSI_USER); their role applies. Required by every"
        " command that changes data or shows values not yet final",
    ),
    "cli.help.login_password_file": (
        "kata sandi login dari baris pertama berkas ini (atau SELEKSI_PASSWORD; tanpa keduanya"
        " ditanyakan di terminal)",
        "the login password from this file's first line (or SELEKSI_PASSWORD; without either"
        " it is asked at the terminal)",
    ),
    "cli.help.first_admin": (
        "pada berkas yang belum punya pengguna: nama admin pertama yang dibuat (bawaan: --user"
        " atau SELEKSI_USER)",
        "on a file without users: the name of the first admin to create (default: --user or"
        " SELEKSI_USER)",
    ),
    "cli.login_required": (
        "perintah '{command}' memerlukan login: beri --user NAMA (atau SELEKSI_USER) dan kata"
        " sandinya (prompt, --password-file, atau SELEKSI_PASSWORD)",
        "the command '{command}' needs a login: give --user NAME (or SELEKSI_USER) and its"
        " password (prompt, --password-file, or SELEKSI_PASSWORD)",
    ),
    "cli.no_user_yet": (
        "berkas ini belum punya pengguna: buat admin pertama dengan 'init --admin NAMA',"
        " 'demo --admin NAMA' atau 'user add NAMA --role admin'",
        "this file has no user yet: create the first admin with 'init --admin NAME',"
        " 'demo --admin NAME' or 'user add NAME --role admin'",
    ),
    "cli.first_admin_required": (
        "berkas ini belum punya pengguna: '{command}' membuat admin pertama; beri --admin NAMA"
        " (atau SELEKSI_USER) dan kata sandinya",
        "this file has no user yet: '{command}' creates the first admin; give --admin NAME"
        " (or SELEKSI_USER) and its password",
    ),
    "cli.admin_exists": (
        "berkas ini sudah punya pengguna: --admin {name} hanya untuk berkas baru; masuklah"
        " dengan --user",
        "this file already has users: --admin {name} is only for a new file; log in with --user",
    ),
    "cli.help.tie": (
        "nilai seri pada batas kebutuhan dan keputusan panitia",
        "ties at the vacancy boundary and the committee's decision",
    ),
    "cli.help.tie_list": ("daftar nilai seri per formasi", "the ties per formation"),
    "cli.help.tie_decide": (
        "catat keputusan panitia: siapa yang mengisi kursi yang tersisa (admin)",
        "record the committee's decision: who takes the remaining seats (admin)",
    ),
    "cli.help.winner": (
        "nomor peserta yang mengisi kursi (ulangi untuk beberapa kursi)",
        "participant number taking a seat (repeat for several seats)",
    ),
    "cli.help.reference": (
        "rujukan rapat panitia, mis. 'BA No. 12/PANSELDA/2024 tanggal 5 Desember 2024'",
        "reference of the committee meeting, e.g. 'BA No. 12/PANSELDA/2024 of 5 December 2024'",
    ),
    "cli.tie_decided": (
        "keputusan seri dicatat: formasi {formation}, kursi untuk {winners} ({reference})",
        "tie decision recorded: formation {formation}, seat(s) for {winners} ({reference})",
    ),
    "cli.no_ties": (
        "tidak ada nilai seri pada batas kebutuhan",
        "no tie at the vacancy boundary",
    ),
    "cli.tie_seats": (
        "{seats} kursi untuk {count} peserta seri",
        "{seats} seat(s) for {count} tied participants",
    ),
    "cli.tie_state_open": ("belum diputuskan", "not decided yet"),
    "cli.tie_state_decided": (
        "diputuskan: {winners} ({reference})",
        "decided: {winners} ({reference})",
    ),
    "cli.tie_state_stale": (
        "keputusan {reference} tidak berlaku lagi (kelompok seri berubah); putuskan lagi",
        "decision {reference} no longer applies (the tied group changed); decide again",
    ),
    "tie.reason_required": (
        "keputusan seri memerlukan alasan",
        "a tie decision needs a reason",
    ),
    "tie.reference_required": (
        "keputusan seri memerlukan rujukan rapat panitia (nomor dan tanggal berita acara)",
        "a tie decision needs the reference of the committee meeting (minutes number and date)",
    ),
    "tie.none": (
        "formasi {formation} tidak memiliki nilai seri pada batas kebutuhan",
        "formation {formation} has no tie at the vacancy boundary",
    ),
    "tie.not_tied": (
        "peserta {numbers} tidak termasuk yang seri di formasi {formation} (yang seri: {tied})",
        "participant(s) {numbers} are not among those tied in formation {formation} (tied: {tied})",
    ),
    "tie.wrong_count": (
        "formasi {formation} masih memiliki {seats} kursi untuk peserta yang seri; dipilih {count}",
        "formation {formation} has {seats} seat(s) left for the tied participants; {count} chosen",
    ),
    "tie.final": (
        "formasi {formation} sudah final pada tahap {stage}: buka kembali dahulu untuk mengubah"
        " keputusan seri",
        "formation {formation} is final at stage {stage}: reopen it first to change the tie"
        " decision",
    ),
    "tie.undecided": (
        "formasi {formation}: nilai seri pada batas kebutuhan belum diputuskan panitia"
        " (peserta {numbers}); putuskan dengan 'seleksi tie decide' atau di halaman Peringkat",
        "formation {formation}: the tie at the vacancy boundary is not decided by the committee"
        " yet (participants {numbers}); decide it with 'seleksi tie decide' or on the Rankings"
        " page",
    ),
    "cli.reopened_announced": (
        "pengumuman tahap ini sudah terbit (nomor {numbers}): bila hasil berubah, terbitkan"
        " pengumuman pengganti",
        "announcements of this stage were already issued (number {numbers}): if a result"
        " changes, issue a replacement announcement",
    ),
    "cli.first_admin_created": (
        "admin pertama '{name}' dibuat",
        "first admin '{name}' created",
    ),
    "cli.help.audit": ("memeriksa dan menampilkan jejak audit", "verify and show the audit trail"),
    "cli.audit_ok": (
        "jejak audit utuh: {count} kejadian, rantai SHA-256 cocok",
        "audit trail intact: {count} events, SHA-256 chain matches",
    ),
    "cli.audit_broken": (
        "jejak audit RUSAK mulai kejadian #{id}: {reason}",
        "audit trail BROKEN from event #{id}: {reason}",
    ),
    # finalization (locking a stage per formation)
    "finalize.locked": (
        "formasi {formation} sudah final pada tahap {final}: nilai dan tanda peserta tahap {stage} tidak dapat diubah; admin dapat membukanya kembali dengan alasan",
        "formation {formation} is final at stage {final}: scores and marks of stage {stage} cannot be changed; an admin may reopen it with a reason",
    ),
    "finalize.row_locked": (
        "peserta {value}: formasi {formation} sudah final pada tahap {final}; nilai {component} (tahap {stage}) tidak dapat diubah",
        "participant {value}: formation {formation} is final at stage {final}; {component} (stage {stage}) cannot be changed",
    ),
    "finalize.incomplete": (
        "tahap {stage} belum dapat difinalisasi: {count} peserta nilainya belum lengkap (formasi {formations})",
        "stage {stage} cannot be finalized yet: {count} participants are incomplete (formations {formations})",
    ),
    "finalize.required": (
        "pengumuman tahap {stage} hanya dapat diterbitkan dari data final: {count} dari {total} formasi belum difinalisasi ({formations})",
        "the {stage} announcement can only be issued from final data: {count} of {total} formations are not finalized ({formations})",
    ),
    "finalize.reason_required": (
        "membuka kembali finalisasi memerlukan alasan",
        "reopening a finalized stage needs a reason",
    ),
    "finalize.not_final": (
        "tahap {stage} belum final untuk formasi {formations}; tidak ada yang dibuka kembali",
        "stage {stage} is not final for formations {formations}; nothing was reopened",
    ),
    "finalize.no_formation": (
        "sebutkan paling sedikit satu formasi",
        "name at least one formation",
    ),
    "cli.help.finalize": (
        "memfinalisasi hasil suatu tahap (per formasi atau semua): nilainya menjadi hanya-baca",
        "finalize a stage's results (per formation or all): its scores become read-only",
    ),
    "cli.help.reopen": (
        "membuka kembali tahap yang sudah final (admin, dengan alasan)",
        "reopen a finalized stage (admin, with a reason)",
    ),
    "cli.finalized": (
        "tahap {stage}: {count} formasi difinalisasi ({formations})",
        "stage {stage}: {count} formations finalized ({formations})",
    ),
    "cli.already_final": (
        "tahap {stage}: {count} formasi sudah final sebelumnya ({formations})",
        "stage {stage}: {count} formations were already final ({formations})",
    ),
    "cli.reopened": (
        "tahap {stage}: {count} formasi dibuka kembali ({formations}); alasan: {reason}",
        "stage {stage}: {count} formations reopened ({formations}); reason: {reason}",
    ),
    "cli.not_final": (
        "tahap {stage}: {count} formasi memang belum final ({formations})",
        "stage {stage}: {count} formations were not final ({formations})",
    ),
    # backups and recovery (app/services/backups.py, database.py)
    "db.not_ours_with_backup": (
        "{path} bukan database Seleksi ASN; berkas tidak diubah. Cadangan terbaru yang baik: {backup}",
        "{path} is not a Seleksi ASN database; the file was not changed. Newest good backup: {backup}",
    ),
    "db.damaged_with_backup": (
        "database {path} rusak atau tidak dapat dibuka ({detail}); berkas tidak diubah. Cadangan terbaru yang baik: {backup}",
        "database {path} is damaged or cannot be opened ({detail}); the file was not changed. Newest good backup: {backup}",
    ),
    "db.truncated": (
        "database {path} terpotong: ukurannya {size} byte, seharusnya {expected} byte; berkas tidak diubah",
        "database {path} is truncated: it has {size} bytes of {expected}; the file was not changed",
    ),
    "db.truncated_with_backup": (
        "database {path} terpotong: ukurannya {size} byte, seharusnya {expected} byte; berkas tidak diubah. Cadangan terbaru yang baik: {backup}",
        "database {path} is truncated: it has {size} bytes of {expected}; the file was not changed. Newest good backup: {backup}",
    ),
    "backup.no_database": (
        "tidak ada database di {path} untuk dicadangkan",
        "there is no database at {path} to back up",
    ),
    "backup.out_exists": (
        "{path} sudah ada; pilih nama berkas lain agar tidak ada yang tertimpa",
        "{path} already exists; choose another file name so nothing is overwritten",
    ),
    "backup.failed": (
        "cadangan {path} tidak dapat dibuat: {detail}",
        "cannot back up {path}: {detail}",
    ),
    "backup.source_damaged": (
        "cadangan tidak dibuat karena database {path} rusak ({detail}); cadangan lama tetap disimpan",
        "no backup was made because database {path} is damaged ({detail}); older backups were kept",
    ),
    "backup.not_found": ("berkas cadangan {path} tidak ada", "backup file {path} does not exist"),
    "backup.same_file": (
        "{path} adalah database itu sendiri, bukan cadangannya",
        "{path} is the database itself, not a backup of it",
    ),
    "backup.bad": (
        "{path} tidak dapat dipakai sebagai cadangan ({detail}); data sekarang tidak diubah",
        "{path} cannot be used as a backup ({detail}); the current data was not changed",
    ),
    "backup.restore_failed": (
        "pemulihan ke {path} gagal: {detail}",
        "restoring into {path} failed: {detail}",
    ),
    "backup.none": (
        "tidak ada cadangan yang baik untuk {path}",
        "there is no good backup of {path}",
    ),
    "cli.help.backup": (
        "membuat cadangan database (tanpa --out: ke folder cadangan di sebelah berkas)",
        "back up the database (without --out: into the backups folder next to the file)",
    ),
    "cli.help.backup_out": (
        "berkas tujuan cadangan (tidak boleh sudah ada)",
        "file to write the backup to (must not exist yet)",
    ),
    "cli.help.restore": (
        "memulihkan database dari berkas cadangan (data sekarang dicadangkan dulu)",
        "restore the database from a backup file (the current data is backed up first)",
    ),
    "cli.backup_done": ("cadangan dibuat: {path}", "backup written: {path}"),
    "cli.restored": (
        "{target} dipulihkan dari {backup}; data sebelumnya disimpan di {safety}",
        "{target} restored from {backup}; the previous data was kept in {safety}",
    ),
    "cli.restored_fresh": (
        "{target} dipulihkan dari {backup} (sebelumnya belum ada data)",
        "{target} restored from {backup} (there was no data before)",
    ),
}
