"""Messages about scoring schemes and entered values (ids used by ``app.scoring``)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "scheme.missing": ("wajib diisi", "is required"),
    "scheme.not_text": ("harus berupa teks yang tidak kosong", "must be non-empty text"),
    "scheme.not_number": ("harus berupa angka", "must be a number"),
    "scheme.not_integer": ("harus berupa bilangan bulat", "must be a whole number"),
    "scheme.not_text_list": ("harus berupa daftar teks", "must be a list of text"),
    "scheme.not_table_list": ("harus berupa daftar tabel", "must be a list of tables"),
    "scheme.not_table": ("harus berupa tabel", "must be a table"),
    "scheme.not_boolean": ("harus true atau false", "must be true or false"),
    "scheme.weighted_min_zero": (
        "komponen berbobot dikonversi ke 0–100 dari nilai maksimal; nilai minimal harus 0",
        "a weighted component is converted to 0–100 from its maximum; its minimum must be 0",
    ),
    "scheme.toml_syntax": ("berkas TOML tidak valid: {detail}", "invalid TOML file: {detail}"),
    "scheme.bad_choice": (
        "nilai '{value}' tidak dikenal (pilihan: {choices})",
        "unknown value '{value}' (choices: {choices})",
    ),
    "scheme.no_stages": (
        "skema harus memiliki paling sedikit satu tahap",
        "a scheme needs a stage",
    ),
    "scheme.no_components": (
        "tahap harus memiliki paling sedikit satu komponen",
        "a stage needs at least one component",
    ),
    "scheme.duplicate": (
        "kode '{value}' dipakai lebih dari sekali",
        "code '{value}' is used twice",
    ),
    "scheme.code_shared": (
        "kode '{value}' sudah dipakai untuk {other}; hasil yang berbeda tidak boleh tercetak sama",
        "code '{value}' is already used for {other}; different outcomes may not print alike",
    ),
    "scheme.code_reserved": (
        "'{value}' adalah catatan hasil, bukan kode status",
        "'{value}' is a result note, not a status code",
    ),
    "scheme.at_least_one": ("harus paling sedikit 1", "must be at least 1"),
    "scheme.weights_sum": (
        "jumlah bobot harus 100, sekarang {total}",
        "weights must sum to 100, now {total}",
    ),
    "scheme.unknown_stage": (
        "tahap '{value}' tidak ada sebelum tahap ini",
        "stage '{value}' does not come before this stage",
    ),
    "scheme.percent_open": (
        "harus lebih dari 0 dan kurang dari 100",
        "must be above 0 and below 100",
    ),
    "scheme.percent": ("harus antara 0 dan 100", "must be between 0 and 100"),
    "scheme.no_values": (
        "komponen kategori harus menyebut nilai yang diizinkan",
        "a categorical component must list its allowed values",
    ),
    "scheme.passing_not_value": (
        "nilai lulus '{value}' tidak ada dalam daftar nilai",
        "passing value '{value}' is not an allowed value",
    ),
    "scheme.categorical_weight": (
        "komponen kategori tidak boleh berbobot",
        "a categorical component cannot carry a weight",
    ),
    "scheme.negative": ("tidak boleh negatif", "must not be negative"),
    "scheme.max_not_above_min": (
        "nilai maksimal harus lebih besar dari nilai minimal",
        "maximum must be above minimum",
    ),
    "scheme.step_positive": ("langkah nilai harus lebih dari 0", "step must be above 0"),
    "scheme.step_precision": (
        "langkah nilai paling banyak tiga desimal",
        "step may have at most three decimals",
    ),
    "scheme.step_grid": (
        "rentang nilai harus habis dibagi langkah nilai",
        "the range must be a whole number of steps",
    ),
    "scheme.threshold_range": (
        "ambang batas {value} di luar rentang {min}–{max}",
        "threshold {value} is outside the range {min}–{max}",
    ),
    "scheme.weight_missing": ("bobot harus lebih dari 0", "weight must be above 0"),
    "scheme.ranking_needs_final": (
        "urutan peringkat harus memuat NILAI_AKHIR",
        "the ranking order must include NILAI_AKHIR",
    ),
    "scheme.unknown_ranking_key": (
        "kunci peringkat '{value}' tidak dikenal",
        "unknown ranking key '{value}'",
    ),
    "scheme.regional_one_cat": (
        "SKB instansi daerah harus memiliki tepat satu komponen CAT berbobot",
        "a regional SKB needs exactly one weighted CAT component",
    ),
    "scheme.regional_cat_weight": (
        "bobot CAT SKB instansi daerah paling sedikit {min} %",
        "a regional CAT SKB must weigh at least {min} %",
    ),
    "scheme.regional_one_extra": (
        "SKB instansi daerah paling banyak satu tes tambahan",
        "a regional SKB allows at most one additional test",
    ),
    "scheme.regional_extra_weight": (
        "bobot tes tambahan paling banyak {max} %",
        "an additional test may weigh at most {max} %",
    ),
    "scheme.regional_no_interview": (
        "tes tambahan SKB instansi daerah tidak boleh wawancara",
        "a regional SKB additional test may not be an interview",
    ),
    "value.not_allowed": (
        "nilai tidak diizinkan (pilihan: {allowed})",
        "value not allowed (choices: {allowed})",
    ),
    "value.not_number": ("harus berupa angka atau TH", "must be a number or TH"),
    "value.out_of_range": ("di luar rentang {min}–{max}", "outside the range {min}–{max}"),
    "value.off_step": ("harus kelipatan {step}", "must be a multiple of {step}"),
    "value.not_whole": ("harus bilangan bulat", "must be a whole number"),
    "value.too_precise": ("paling banyak tiga desimal", "at most three decimals"),
    # Typed into the scheme editor's integration weight, which holds a Decimal: text that is
    # no number at all cannot be kept in the draft, so it is listed beside the rule problems.
    "scheme.typed_not_number": ("'{text}' bukan angka.", "'{text}' is not a number."),
}
