"""Messages of double entry (two independent entries, then a confirmed score) and of the
assessor spread check, for services and the command line (``seleksi review``/``resolve``)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # double entry: refusals
    "double.not_double_entry": (
        "komponen {component} tidak memakai entri ganda",
        "component {component} does not use double entry",
    ),
    "double.rounds_taken": (
        "nilai ini sudah dimasukkan dua kali (oleh {first} dan {second}); orang ketiga tidak dapat menambah entri, selisih diputuskan admin",
        "this value has already been entered twice (by {first} and {second}); a third person cannot add an entry, an admin decides a mismatch",
    ),
    "double.own_entry": (
        "Anda sendiri memasukkan salah satu entri nilai ini; entri ganda harus diputuskan orang lain (tidak ada yang mengonfirmasi entrinya sendiri)",
        "you entered one of these values yourself; someone else must decide the double entry (nobody confirms their own entry)",
    ),
    "double.reason_required": (
        "alasan wajib diisi untuk memutuskan selisih entri ganda",
        "a reason is required to decide a double-entry mismatch",
    ),
    "double.no_mismatch": (
        "tidak ada selisih entri ganda untuk peserta {participant}, komponen {component}{where}",
        "there is no double-entry mismatch for participant {participant}, component {component}{where}",
    ),
    "double.round_changed": (
        "entri Anda untuk nilai ini sudah berubah sejak itu (misalnya diputuskan admin); muat ulang lembar",
        "your entry for this value has changed since (for example an admin decided it); reload the sheet",
    ),
    "double.where_assessor": (", penilai {assessor}", ", assessor {assessor}"),
    "double.where_aspect": (", aspek {aspect}", ", aspect {aspect}"),
    # double entry: command line
    "double.pending_notice": (
        "{count} nilai menunggu verifikasi entri ganda dan belum dihitung dalam peringkat",
        "{count} values await double-entry verification and are not counted in the ranking yet",
    ),
    "double.heading": ("Selisih entri ganda: {count}", "Double-entry mismatches: {count}"),
    "double.pending_line": (
        "Menunggu entri kedua atau keputusan: {count} nilai",
        "Awaiting a second entry or a decision: {count} values",
    ),
    "double.hidden": ("(tersembunyi)", "(hidden)"),
    "double.resolved": (
        "selisih diputuskan: {participant} {component}{where} = {value}",
        "mismatch decided: {participant} {component}{where} = {value}",
    ),
    # assessor spread
    "spread.heading": ("Selisih antar-penilai: {count}", "Assessor spread: {count}"),
    "spread.line_spread": ("selisih {spread} (batas {limit})", "spread {spread} (limit {limit})"),
    "cli.help.review": (
        "menampilkan selisih entri ganda dan selisih antar-penilai",
        "show double-entry mismatches and assessor spread",
    ),
    "cli.help.resolve": (
        "memutuskan selisih entri ganda (admin, dengan alasan)",
        "decide a double-entry mismatch (admin, with a reason)",
    ),
}
