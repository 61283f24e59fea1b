"""Words of the pairwise-comparison questionnaire of an FGD (issue #14 §1)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "questionnaire.title": (
        "Kuesioner Perbandingan Berpasangan",
        "Pairwise Comparison Questionnaire",
    ),
    "questionnaire.subtitle": (
        "Pembobotan kriteria tahap {stage}",
        "Weighting the criteria of stage {stage}",
    ),
    "questionnaire.running": (
        "Kuesioner perbandingan berpasangan — {stage}",
        "Questionnaire — {stage}",
    ),
    "questionnaire.respondent": ("Nama responden", "Respondent"),
    "questionnaire.group": ("Kelompok pemangku kepentingan", "Stakeholder group"),
    "questionnaire.group_hint": (
        "Pemda / akademisi atau ahli / DPRD / masyarakat / ASN pengguna / …",
        "Local government / academics or experts / DPRD / citizens / civil servants / …",
    ),
    "questionnaire.date": ("Tanggal", "Date"),
    "questionnaire.blank": (
        "..............................................",
        "......................",
    ),
    "questionnaire.how": (
        "Petunjuk pengisian",
        "How to fill it in",
    ),
    "questionnaire.how_text": (
        "Untuk setiap pasangan, beri tanda silang (X) pada satu kotak. Kotak di sebelah kiri"
        " berarti kriteria kiri lebih penting, di sebelah kanan berarti kriteria kanan lebih"
        " penting; makin jauh dari tengah, makin penting. Kotak 1 di tengah berarti keduanya sama"
        " penting. Angka genap (2, 4, 6, 8) boleh dipakai untuk nilai di antaranya dengan"
        " menuliskannya di kolom catatan. Isilah sesuai pendapat Anda sendiri; tidak ada jawaban"
        " benar atau salah.",
        "For each pair, mark one box with a cross (X). A box on the left means the left criterion"
        " is more important, on the right the right one; the farther from the middle, the more"
        " important. The box 1 in the middle means both are equally important. The even values"
        " (2, 4, 6, 8) may be used for values in between by writing them in the notes column."
        " Give your own view; there is no right or wrong answer.",
    ),
    "questionnaire.scale": ("Skala Saaty", "Saaty's scale"),
    "questionnaire.scale_value": ("Nilai", "Value"),
    "questionnaire.scale_meaning": ("Arti", "Meaning"),
    "questionnaire.scale.1": ("sama penting", "equally important"),
    "questionnaire.scale.3": ("sedikit lebih penting", "moderately more important"),
    "questionnaire.scale.5": ("lebih penting", "strongly more important"),
    "questionnaire.scale.7": ("sangat lebih penting", "very strongly more important"),
    "questionnaire.scale.9": ("jauh lebih penting (mutlak)", "extremely more important"),
    "questionnaire.scale.even": (
        "nilai di antara dua nilai di atas",
        "between two of the values above",
    ),
    "questionnaire.level_top": (
        "Bagian {number}. Antarkomponen {stage}",
        "Part {number}. Between the components of {stage}",
    ),
    "questionnaire.level_aspects": (
        "Bagian {number}. Antaraspek komponen {component}",
        "Part {number}. Between the aspects of {component}",
    ),
    "questionnaire.col_no": ("No.", "No."),
    "questionnaire.col_left": ("Kriteria kiri", "Left criterion"),
    "questionnaire.col_right": ("Kriteria kanan", "Right criterion"),
    "questionnaire.col_note": ("Catatan", "Notes"),
    "questionnaire.left_more": ("◄ kiri lebih penting", "◄ left more important"),
    "questionnaire.right_more": ("kanan lebih penting ►", "right more important ►"),
    "questionnaire.signature": ("Tanda tangan responden", "Respondent's signature"),
    "questionnaire.pairs": (
        "{count} pasangan; setiap kriteria dibandingkan dengan setiap kriteria lain pada bagian yang"
        " sama.",
        "{count} pairs; each criterion is compared with every other criterion of its part.",
    ),
    "questionnaire.too_few": (
        "tahap {stage} hanya punya satu komponen dan tidak ada aspek rubrik: tidak ada yang perlu"
        " dibandingkan",
        "stage {stage} has one component and no rubric aspects: there is nothing to compare",
    ),
    "questionnaire.bad_count": (
        "jumlah responden {value} tidak sah (1 sampai {maximum})",
        "{value} is not a valid number of respondents (1 to {maximum})",
    ),
    "questionnaire.sheet_judgments": ("Penilaian", "Judgments"),
    "questionnaire.sheet_help": ("Petunjuk", "Instructions"),
    "questionnaire.xlsx_help": (
        "Isi satu blok baris per responden: nama (responden), kelompok pemangku kepentingan"
        " (kelompok), bobot kelompok (bobot_kelompok, sama untuk semua anggota kelompok), dan"
        " nilai setiap pasangan (nilai): lebih dari 1 berarti kriteria_a lebih penting daripada"
        " kriteria_b (3, 5, 7, 9), kurang dari 1 berarti sebaliknya (1/3, 1/5, 1/7, 1/9), 1 berarti"
        " sama penting. Baca kembali dengan: seleksi fgd weights BERKAS.xlsx",
        "Fill one block of rows per respondent: the name (responden), the stakeholder group"
        " (kelompok), the group's weight (bobot_kelompok, the same for every member of a group),"
        " and each pair's value (nilai): above 1 means kriteria_a is more important than"
        " kriteria_b (3, 5, 7, 9), below 1 the other way round (1/3, 1/5, 1/7, 1/9), 1 equally"
        " important. Read it back with: seleksi fgd weights FILE.xlsx",
    ),
    "cli.help.fgd_questionnaire": (
        "cetak kuesioner perbandingan berpasangan (PDF) dan buku kerja isiannya (XLSX)",
        "print the pairwise comparison questionnaire (PDF) and the workbook to type it into (XLSX)",
    ),
    "fgd.questionnaire_needs_out": (
        "sebutkan --out KUESIONER.pdf dan/atau --xlsx KUESIONER.xlsx",
        "give --out QUESTIONNAIRE.pdf and/or --xlsx QUESTIONNAIRE.xlsx",
    ),
    "fgd.questionnaire_written": (
        "kuesioner ditulis: {path} ({pages} halaman)",
        "questionnaire written: {path} ({pages} pages)",
    ),
    "fgd.workbook_written": (
        "buku kerja isian ditulis: {path} ({count} responden)",
        "workbook to fill in written: {path} ({count} respondents)",
    ),
}
