"""Messages of history that cannot be rewritten unseen (issue 9): the audit replay, the chain
head anchored on documents and in backups, the append-only triggers, and restoring safely."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # the audit replay (app/services/replay.py)
    "replay.difference": (
        "{subject}: tersimpan {stored}, menurut jejak audit {audited} ({where})",
        "{subject}: stored {stored}, the audit trail says {audited} ({where})",
    ),
    "replay.event": ("kejadian #{id}", "event #{id}"),
    "replay.no_event": ("tanpa kejadian di jejak audit", "no event in the audit trail"),
    "replay.empty": ("(kosong)", "(empty)"),
    "replay.assessor": (", penilai {assessor}", ", assessor {assessor}"),
    "replay.score_subject": (
        "nilai peserta {participant}, komponen {component}{assessor}",
        "score of participant {participant}, component {component}{assessor}",
    ),
    "replay.mark_subject": (
        "tanda {kind} peserta {participant} (tahap {stage})",
        "mark {kind} of participant {participant} (stage {stage})",
    ),
    "replay.present": ("ada", "present"),
    "replay.absent": ("tidak ada", "absent"),
    "replay.final_subject": (
        "finalisasi tahap {stage} formasi {formation}",
        "finalization of stage {stage}, formation {formation}",
    ),
    "replay.final": ("final", "final"),
    "replay.not_final": ("belum final", "not final"),
    "replay.user_subject": ("akun {user}", "account {user}"),
    "replay.user_state": ("peran {role}, aktif", "role {role}, active"),
    "replay.user_inactive": ("peran {role}, nonaktif", "role {role}, inactive"),
    "replay.before_trail": (
        "seleksi {selection}: dibuat sebelum jejak audit dimulai; {count} nilainya tidak dapat"
        " diperiksa",
        "selection {selection}: made before the audit trail began; {count} of its scores cannot"
        " be checked",
    ),
    "replay.legacy_import": (
        "seleksi {selection}: {count} nilai berasal dari impor yang dicatat sebelum jejak audit"
        " menyimpan nilai impor ({events}); nilai itu tidak dapat diperiksa",
        "selection {selection}: {count} scores come from imports recorded before the audit"
        " trail kept imported values ({events}); they cannot be checked",
    ),
    "replay.unknown_event": (
        "{count} nilai terakhir diubah oleh kejadian {action} yang tidak dapat diputar ulang;"
        " tidak diperiksa",
        "{count} scores were last changed by {action} events that cannot be replayed; not checked",
    ),
    "replay.finals_unsure": (
        "seleksi {selection}: finalisasinya tidak dapat diperiksa (kejadian {action} dari versi"
        " sebelumnya)",
        "selection {selection}: its finalizations cannot be checked ({action} events of an"
        " earlier version)",
    ),
    "replay.user_unsure": (
        "akun {user}: diubah oleh kejadian {action} yang tidak dapat diputar ulang; tidak"
        " diperiksa",
        "account {user}: changed by a {action} event that cannot be replayed; not checked",
    ),
    "replay.users_before_trail": (
        "akun yang dibuat sebelum jejak audit dimulai tidak dapat diperiksa: {users}",
        "accounts made before the audit trail began cannot be checked: {users}",
    ),
    # the chain head anchored outside the file (app/services/anchors.py)
    "history.head_present": (
        "{file}: ujung rantai {short} masih ada di jejak audit sekarang; riwayat sampai berkas"
        " ini tidak dipotong dan tidak ditulis ulang",
        "{file}: chain head {short} is still in the audit trail; history up to this file was"
        " neither cut nor rewritten",
    ),
    "history.head_cut": (
        "{file}: RIWAYAT DIPOTONG sesudah berkas ini dibuat: berkas mencatat ujung rantai"
        " {short}, tetapi jejak audit sekarang berakhir di kejadian #{last}",
        "{file}: HISTORY CUT after this file was made: the file records chain head {short},"
        " but the audit trail now ends at event #{last}",
    ),
    "history.head_rewritten": (
        "{file}: RIWAYAT DITULIS ULANG: kejadian #{id} di jejak audit sekarang tidak sama dengan"
        " ujung rantai {short} yang dicatat berkas ini; riwayat sampai kejadian itu diubah dan"
        " rantainya dihitung ulang{more}",
        "{file}: HISTORY REWRITTEN: event #{id} in the audit trail now differs from the chain"
        " head {short} this file records; history up to that event was changed and the chain"
        " computed again{more}",
    ),
    "history.first_different": (
        " (kejadian pertama yang berbeda: #{id})",
        " (first differing event: #{id})",
    ),
    "history.taken_back": (
        "{file}: ujung rantai {short} tidak ada lagi karena berkas dipulihkan dari cadangan pada"
        " {at}; salinan data sebelum pemulihan masih memuatnya",
        "{file}: chain head {short} is gone because the file was restored from a backup at"
        " {at}; the copy of the data before that restore still holds it",
    ),
    "history.other_database": (
        "{file} dibuat dari database lain, bukan dari berkas ini",
        "{file} was made from another database, not from this file",
    ),
    "history.cannot_read": (
        "{path} tidak dapat dibaca: {detail}",
        "cannot read {path}: {detail}",
    ),
    "history.not_an_anchor": (
        "{path} bukan PDF yang diterbitkan program ini dan bukan cadangan database",
        "{path} is neither a PDF issued by this program nor a database backup",
    ),
    "history.no_anchor": (
        "{path} tidak memuat ujung rantai jejak audit (diterbitkan sebelum fitur ini ada?)",
        "{path} carries no audit chain head (issued before this feature existed?)",
    ),
    # the append-only triggers (app/services/opening.py)
    "history.tampered": (
        "PERINGATAN: pemicu yang menjaga riwayat {path} hilang atau diubah ({triggers}); sudah"
        " dipasang kembali dan dicatat di jejak audit. Riwayat mungkin telah diubah: jalankan"
        " pemeriksaan jejak audit.",
        "WARNING: the triggers that protect the history of {path} were missing or changed"
        " ({triggers}); they were put back and this was recorded in the audit trail. History"
        " may have been changed: run the audit check.",
    ),
    "history.tampered_unrepaired": (
        "PERINGATAN: pemicu yang menjaga riwayat {path} hilang atau diubah ({triggers}) dan"
        " tidak dapat dipasang kembali (berkas tidak dapat ditulis)",
        "WARNING: the triggers that protect the history of {path} are missing or changed"
        " ({triggers}) and could not be put back (the file cannot be written)",
    ),
    "history.tampered_reason": (
        "pemicu jejak audit tidak lengkap saat berkas dibuka; dipasang kembali",
        "audit triggers incomplete when the file was opened; put back",
    ),
    "history.backups_differ": (
        "PERINGATAN: riwayat berkas ini tidak cocok dengan cadangannya sendiri:",
        "WARNING: the history of this file does not match its own backups:",
    ),
    # backups and restoring (app/services/backups.py)
    "backup.disk_full": (
        "cadangan {path} tidak dapat dibuat karena disk penuh: kosongkan ruang di {folder}"
        " (hapus berkas yang tidak diperlukan) lalu coba lagi; data tidak berubah",
        "cannot back up {path} because the disk is full: free space in {folder} (delete files"
        " you do not need) and try again; the data was not changed",
    ),
    "db.disk_full": (
        "disk tempat {path} berada penuh: kosongkan ruang (hapus berkas yang tidak diperlukan)"
        " lalu coba lagi; tidak ada yang berubah",
        "the disk holding {path} is full: free space (delete files you do not need) and try"
        " again; nothing was changed",
    ),
    "backup.busy": (
        "cadangan belum dibuat: berkas {path} sedang dipakai untuk menyimpan di tempat lain"
        " (mis. impor besar di laptop lain); tunggu sebentar lalu coba lagi",
        "no backup was made: {path} is busy with a save elsewhere (e.g. a large import on"
        " another laptop); wait a moment and try again",
    ),
    "backup.restore_busy": (
        "pemulihan dibatalkan: berkas {path} dikunci program lain selama lebih dari {seconds}"
        " detik; tutup program lain yang membuka berkas ini lalu coba lagi. Data sekarang tidak"
        " diubah",
        "restore cancelled: {path} was locked by another program for more than {seconds}"
        " seconds; close other programs that have this file open and try again. The current"
        " data was not changed",
    ),
    "backup.too_new": (
        "{path} ditulis oleh program yang lebih baru (revisi {revision}); perbarui program ini"
        " sebelum memulihkannya. Data sekarang tidak diubah",
        "{path} was written by a newer program (revision {revision}); update this program"
        " before restoring it. The current data was not changed",
    ),
    "backup.guards_missing": (
        "{path} tidak dipulihkan: pemicu yang menjaga riwayatnya hilang atau diubah"
        " ({triggers}), jadi isinya mungkin telah diubah. Data sekarang tidak diubah",
        "{path} was not restored: the triggers protecting its history are missing or changed"
        " ({triggers}), so its contents may have been changed. The current data was not"
        " changed",
    ),
    "backup.chain_broken": (
        "{path} tidak dipulihkan: jejak auditnya rusak mulai kejadian #{id}. Data sekarang tidak"
        " diubah",
        "{path} was not restored: its audit trail is broken from event #{id}. The current data"
        " was not changed",
    ),
    "backup.other_database": (
        "{path} adalah cadangan database lain, bukan dari {target}; pulihkan hanya jika memang"
        " itu maksudnya (konfirmasi, atau --other-database di baris perintah)",
        "{path} is a backup of another database, not of {target}; restore it only if that is"
        " really meant (confirm, or --other-database on the command line)",
    ),
    "backup.unknown_database": (
        "{path} dibuat sebelum database memiliki identitas dan riwayatnya tidak menyambung"
        " dengan {target}, jadi mungkin cadangan database lain; pulihkan hanya jika memang itu"
        " maksudnya (konfirmasi, atau --other-database di baris perintah)",
        "{path} was made before databases had an identity and its history does not join that"
        " of {target}, so it may be a backup of another database; restore it only if that is"
        " really meant (confirm, or --other-database on the command line)",
    ),
    # the command line (app/cli.py: audit verify, restore)
    "cli.help.audit_against": (
        "periksa juga bahwa riwayat masih memuat ujung rantai FILE (PDF yang diterbitkan atau"
        " cadangan)",
        "also check that history still holds the chain head of FILE (an issued PDF or a backup)",
    ),
    "cli.help.other_database": (
        "pulihkan juga bila cadangan berasal dari database lain",
        "restore even when the backup comes from another database",
    ),
    "cli.audit_head": (
        "ujung rantai: {short} (SHA-256 {hash})",
        "chain head: {short} (SHA-256 {hash})",
    ),
    "cli.audit_replay_ok": (
        "isi tabel sesuai jejak audit: {scores} nilai, {marks} tanda, {finals} finalisasi,"
        " {users} akun diperiksa",
        "the tables match the audit trail: {scores} scores, {marks} marks, {finals}"
        " finalizations, {users} accounts checked",
    ),
    "cli.audit_replay_broken": (
        "ISI TABEL TIDAK SESUAI JEJAK AUDIT: {count} perbedaan (diubah di luar program?)",
        "THE TABLES DO NOT MATCH THE AUDIT TRAIL: {count} differences (changed outside the"
        " program?)",
    ),
    "cli.audit_more": ("… dan {count} lainnya", "… and {count} more"),
    "cli.audit_unchecked": ("tidak diperiksa: {what}", "not checked: {what}"),
    "cli.audit_backups": (
        "{count} cadangan di {folder}: ujung rantainya masih ada di jejak audit",
        "{count} backups in {folder}: their chain heads are still in the audit trail",
    ),
    "cli.audit_guards_missing": (
        "PEMICU YANG MENJAGA RIWAYAT HILANG ATAU DIUBAH: {triggers}",
        "THE TRIGGERS PROTECTING HISTORY ARE MISSING OR CHANGED: {triggers}",
    ),
    "cli.audit_tampered_before": (
        "pemicu pernah hilang dan dipasang kembali saat berkas dibuka pada {at} (kejadian #{id}):"
        " riwayat sebelum saat itu mungkin telah diubah",
        "triggers were missing and put back when the file was opened at {at} (event #{id}):"
        " history before then may have been changed",
    ),
}
