"""Messages of FGD weighting (issue #14 §1): the judgments' problems, the ``fgd`` command's
table and help. Numbers arrive already formatted for people (``app.cli_policy``)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # app.scoring.ahp and app.services.fgd: problems of the judgments
    "fgd.invalid": (
        "{count} masalah pada penilaian berpasangan",
        "{count} problems in the pairwise judgments",
    ),
    "fgd.file_rejected": (
        "{file}: {count} masalah; bobot tidak dihitung:",
        "{file}: {count} problems; no weights were computed:",
    ),
    "fgd.bad_number": (
        "'{value}' bukan angka skala Saaty; tulis mis. 3, 1/3, 0,333 atau 0.333",
        "'{value}' is not a number of Saaty's scale; write e.g. 3, 1/3, 0,333 or 0.333",
    ),
    "fgd.out_of_scale": (
        "nilai {value} di luar skala Saaty 1/9 sampai 9",
        "the value {value} lies outside Saaty's scale, 1/9 to 9",
    ),
    "fgd.same_criterion": (
        "kriteria {value} dibandingkan dengan dirinya sendiri",
        "criterion {value} is compared with itself",
    ),
    "fgd.cross_level": (
        "{a} dan {b} tidak sebanding: bandingkan komponen dengan komponen, dan aspek dengan aspek dari komponen yang sama",
        "{a} and {b} cannot be compared: compare components with components, and aspects with aspects of the same component",
    ),
    "fgd.bad_criterion": (
        "'{value}' bukan nama kriteria; tulis KOMPONEN atau KOMPONEN.ASPEK",
        "'{value}' is not a criterion name; write COMPONENT or COMPONENT.ASPECT",
    ),
    "fgd.unknown_criterion": (
        "kriteria {value} tidak ada pada tahap ini; pilihan: {choices}",
        "criterion {value} is not part of this stage; choices: {choices}",
    ),
    "fgd.duplicate_criterion": ("kriteria disebut dua kali", "a criterion is listed twice"),
    "fgd.pair_twice": (
        "pasangan {a}–{b} sudah dinilai responden ini di baris {first}",
        "the pair {a}–{b} was already judged by this respondent in row {first}",
    ),
    "fgd.cut_off": (
        "penilaian responden ini pada {level} tidak menghubungkan {criteria} dengan kriteria lain; tambahkan perbandingan yang menyebutnya",
        "this respondent's judgments on {level} do not connect {criteria} with the other criteria; add a comparison that names it",
    ),
    "fgd.group_weight_positive": (
        "bobot kelompok harus lebih dari 0",
        "the group weight must be above 0",
    ),
    "fgd.group_weight_differs": (
        "kelompok {group} sudah berbobot {first} pada responden lain; satu kelompok satu bobot",
        "group {group} already has the weight {first} for another respondent; one group, one weight",
    ),
    "fgd.respondent_group_differs": (
        "responden {respondent} tercatat di kelompok {first} pada baris {row}",
        "respondent {respondent} is in group {first} in row {row}",
    ),
    "fgd.respondent_weight_differs": (
        "bobot kelompok responden {respondent} adalah {first} pada baris {row}",
        "respondent {respondent}'s group weight is {first} in row {row}",
    ),
    "fgd.respondent_twice": (
        "seorang responden muncul dua kali",
        "a respondent appears twice",
    ),
    "fgd.no_respondents": ("tidak ada responden", "there are no respondents"),
    "fgd.no_judgments": (
        "berkas tidak berisi penilaian berpasangan",
        "the file holds no pairwise judgments",
    ),
    "fgd.no_criteria": ("tidak ada kriteria", "there are no criteria"),
    "fgd.too_many_criteria": (
        "{count} kriteria dalam satu tingkat; indeks acak Saaty hanya sampai {limit}",
        "{count} criteria on one level; Saaty's random index goes to {limit} only",
    ),
    "fgd.no_eigenvector": (
        "vektor eigen utama tidak dapat dihitung",
        "the principal eigenvector cannot be computed",
    ),
    "fgd.all_inconsistent": (
        "semua responden pada {level} tidak konsisten (CR > 0,10); tanpa --exclude-inconsistent mereka tetap dihitung",
        "every respondent on {level} is inconsistent (CR > 0.10); without --exclude-inconsistent they are counted",
    ),
    "fgd.stage_not_weighted": (
        "nilai tahap {stage} adalah jumlah biasa; komponennya tidak berbobot",
        "stage {stage} scores a plain sum; its components carry no weights",
    ),
    "fgd.apportion_total": (
        "jumlah {total} tidak boleh negatif",
        "the total {total} cannot be negative",
    ),
    "fgd.apportion_negative": ("bobot tidak boleh negatif", "a weight cannot be negative"),
    "fgd.apportion_zero": ("semua bobot nol", "every weight is zero"),
    "fgd.level.top": ("tingkat komponen", "the components"),
    "fgd.level.aspects": ("aspek {component}", "the aspects of {component}"),
    # app.cli_policy: seleksi fgd weights
    "cli.help.fgd": (
        "pembobotan kriteria dari FGD (perbandingan berpasangan, AHP)",
        "criteria weights from an FGD (pairwise comparisons, AHP)",
    ),
    "cli.help.fgd_weights": (
        "hitung bobot dari berkas responden, kelompok, bobot_kelompok, kriteria_a, kriteria_b, nilai",
        "compute the weights of a file of responden, kelompok, bobot_kelompok, kriteria_a, kriteria_b, nilai",
    ),
    "cli.help.fgd_json": (
        "tulis semua angka ke berkas JSON (titik desimal)",
        "write every figure to a JSON file (decimal points)",
    ),
    "cli.help.fgd_exclude": (
        "keluarkan responden dengan CR > 0,10 dari hasil kelompok (dicatat)",
        "leave respondents with CR > 0.10 out of the group result (recorded)",
    ),
    "cli.help.fgd_stage": (
        "periksa kriteria terhadap komponen tahap ini dan usulkan bobotnya ke rancangan skema",
        "check the criteria against this stage's components and propose its weights into a draft scheme",
    ),
    "cli.help.fgd_scheme": (
        "skema (preset atau berkas TOML) sebagai ganti skema seleksi di database",
        "a scheme (preset or TOML file) instead of the selection's scheme in the database",
    ),
    "fgd.title": (
        "Pembobotan FGD (AHP): {file}, {respondents} responden, {judgments} penilaian",
        "FGD weighting (AHP): {file}, {respondents} respondents, {judgments} judgments",
    ),
    "fgd.unanswered": (
        "{count} pasangan tidak dijawab (dilengkapi dengan metode Harker)",
        "{count} pairs left unanswered (completed by Harker's method)",
    ),
    "fgd.heading.level": ("Bobot {level}", "Weights of {level}"),
    "fgd.column.respondent": ("Responden", "Respondent"),
    "fgd.column.group": ("Kelompok", "Group"),
    "fgd.column.share": ("Porsi", "Share"),
    "fgd.column.cr": ("CR", "CR"),
    "fgd.flag.inconsistent": ("TIDAK KONSISTEN", "INCONSISTENT"),
    "fgd.flag.excluded": ("dikeluarkan", "left out"),
    "fgd.ask_again": (
        "  → {respondent}: tanyakan lagi {a} terhadap {b}: dijawab {given}, penilaian lainnya menyiratkan {implied}",
        "  → {respondent}: ask again {a} against {b}: answered {given}, the other judgments imply {implied}",
    ),
    "fgd.ask_equally": (
        "    sama menyimpangnya: {pairs}; tanyakan juga",
        "    deviating as much: {pairs}; ask about these too",
    ),
    "fgd.group_row": ("Kelompok (AIJ)", "Group (AIJ)"),
    "fgd.group_percent": ("Usulan bobot (%)", "Proposed weights (%)"),
    "fgd.group_summary": (
        "CR kelompok {cr}; konsensus {consensus} ({band}, indikator Goepel 2013)",
        "group CR {cr}; consensus {consensus} ({band}, Goepel's 2013 indicator)",
    ),
    "fgd.group_summary_alone": (
        "CR kelompok {cr}; konsensus tidak diukur untuk satu responden",
        "group CR {cr}; no consensus is measured for one respondent",
    ),
    "fgd.spread": (
        "Sebaran bobot antar-responden (min–maks; SB):",
        "Spread across respondents (min–max; SD):",
    ),
    "fgd.spread_line": (
        "  {criterion}: {minimum}–{maximum} %; SB {sd}",
        "  {criterion}: {minimum}–{maximum} %; SD {sd}",
    ),
    "fgd.band.very_low": ("sangat rendah", "very low"),
    "fgd.band.low": ("rendah", "low"),
    "fgd.band.moderate": ("sedang", "moderate"),
    "fgd.band.high": ("tinggi", "high"),
    "fgd.band.very_high": ("sangat tinggi", "very high"),
    "fgd.excluded": (
        "Dikeluarkan dari hasil kelompok (CR > 0,10): {names}",
        "Left out of the group result (CR > 0.10): {names}",
    ),
    "fgd.included_inconsistent": (
        "Responden tidak konsisten tetap dihitung: {names} (pakai --exclude-inconsistent untuk mengeluarkan)",
        "Inconsistent respondents are counted: {names} (use --exclude-inconsistent to leave them out)",
    ),
    "fgd.global": ("Bobot global (komponen × aspek):", "Global weights (component × aspect):"),
    "fgd.draft": (
        "Rancangan bobot tahap {stage} (sekarang → usulan): {changes}",
        "Draft weights of stage {stage} (now → proposed): {changes}",
    ),
    "fgd.draft_aspects": ("  aspek {component}: {changes}", "  aspects of {component}: {changes}"),
    "fgd.draft_adoptable": (
        "Rancangan memenuhi semua aturan skema dan dapat dijadikan skema.",
        "The draft meets every rule of the scheme and may be adopted.",
    ),
    "fgd.draft_not_adoptable": (
        "Rancangan TIDAK dapat dijadikan skema: {count} aturan dilanggar:",
        "The draft can NOT be adopted: {count} rules broken:",
    ),
    "fgd.json_written": ("hasil ditulis ke {path}", "figures written to {path}"),
}
