"""Messages of monitoring and evaluation (issue #13): the findings, in plain words with the number
behind each, and the Laporan Monitoring dan Evaluasi. Fields arrive already formatted for people
(``app.messages.findings``, ``app.messages.figures``)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # findings (app.scoring.monev.findings)
    "monev.finding.in_stage": ("Tahap {stage}: {text}", "Stage {stage}: {text}"),
    "monev.finding.icc": (
        "Kesepakatan penilai komponen {name} rendah: ICC(2,1) {icc} (IK 95 % {ci}), di bawah"
        " {limit}; kategori {band} menurut Koo & Li (2016), {n} peserta × {k} penilai.",
        "Low agreement between the assessors of {name}: ICC(2,1) {icc} (95 % CI {ci}), below"
        " {limit}; {band} by Koo & Li (2016), {n} participants × {k} assessors.",
    ),
    "monev.finding.icc_aspect": (
        "Kesepakatan penilai komponen {name}, aspek {aspect_name}, rendah: ICC(2,1) {icc}"
        " (IK 95 % {ci}), di bawah {limit}; kategori {band} menurut Koo & Li (2016), {n} peserta"
        " × {k} penilai.",
        "Low agreement between the assessors of {name}, aspect {aspect_name}: ICC(2,1) {icc}"
        " (95 % CI {ci}), below {limit}; {band} by Koo & Li (2016), {n} participants × {k}"
        " assessors.",
    ),
    "monev.finding.assessor_lenient": (
        "Penilai {assessor} pada komponen {name} cenderung longgar: rata-rata {deviation} poin"
        " di atas penilai lain pada peserta yang sama ({ci}{n} peserta), melewati"
        " batas ±{limit} poin.",
        "Assessor {assessor} of {name} tends to be lenient: on average {deviation} points above"
        " the other assessors of the same participants ({ci}{n} participants), beyond"
        " the ±{limit} points allowed.",
    ),
    "monev.finding.assessor_harsh": (
        "Penilai {assessor} pada komponen {name} cenderung ketat: rata-rata {deviation} poin"
        " di bawah penilai lain pada peserta yang sama ({ci}{n} peserta), melewati"
        " batas ±{limit} poin.",
        "Assessor {assessor} of {name} tends to be harsh: on average {deviation} points below"
        " the other assessors of the same participants ({ci}{n} participants), beyond"
        " the ±{limit} points allowed.",
    ),
    "monev.finding.fairness": (
        "Tingkat keterpilihan menurut {group_name} tidak seimbang: rasio dampak {ratio}"
        " ({lowest}: {lowest_rate}, dibanding {highest}: {highest_rate}), di bawah {limit}"
        " (aturan empat perlima, 29 CFR 1607.4(D)); uji eksak Fisher {p}.",
        "Selection rates by {group_name} are unequal: impact ratio {ratio} ({lowest}:"
        " {lowest_rate}, against {highest}: {highest_rate}), below {limit} (the four-fifths"
        " rule, 29 CFR 1607.4(D)); Fisher's exact test {p}.",
    ),
    "monev.finding.small_group": (
        "Terlalu kecil untuk dinilai menurut {group_name} (kurang dari {limit} pelamar): {levels}.",
        "Too small to judge by {group_name} (fewer than {limit} applicants): {levels}.",
    ),
    "monev.finding.pileup": (
        "Nilai {name} menumpuk di sekitar ambang batas {threshold}: {share} peserta dalam ±2"
        " poin dari ambang, padahal sebaran di sekitarnya hanya memperkirakan {expected}"
        " ({ratio} kali; uji binomial {p}); {below} tepat di bawah ambang.",
        "{name} scores crowd around the threshold {threshold}: {share} of participants within"
        " ±2 points of it, where the spread around predicts only {expected} ({ratio} times;"
        " binomial test {p}); {below} just below the threshold.",
    ),
    "monev.finding.empty": (
        "Formasi tanpa peserta dalam kuota: {count}. {formations}.",
        "Formations without anyone within the quota: {count}. {formations}.",
    ),
    "monev.finding.validity_low": (
        "Validitas prediktif {measure} di bawah acuan: rho Spearman {rho} (IK 95 % {ci};"
        " n = {n}); batas atas intervalnya pun di bawah {reference}, validitas {kind} menurut"
        " Sackett dkk. (2022).",
        "The predictive validity of {measure} is below the reference: Spearman's rho {rho}"
        " (95 % CI {ci}; n = {n}); even its upper bound is below {reference}, the validity of"
        " a {kind} by Sackett et al. (2022).",
    ),
    "monev.finding.validity_zero": (
        "Validitas prediktif {measure} belum dapat dibedakan dari nol: rho Spearman {rho}"
        " (IK 95 % {ci}; n = {n}).",
        "The predictive validity of {measure} cannot be told from zero yet: Spearman's rho"
        " {rho} (95 % CI {ci}; n = {n}).",
    ),
    "monev.finding.validity_low_zero": (
        "Validitas prediktif {measure} lemah: rho Spearman {rho} (IK 95 % {ci}; n = {n}) belum"
        " dapat dibedakan dari nol, dan batas atas intervalnya di bawah {reference}, validitas"
        " {kind} menurut Sackett dkk. (2022).",
        "The predictive validity of {measure} is weak: Spearman's rho {rho} (95 % CI {ci};"
        " n = {n}) cannot be told from zero, and its upper bound is below {reference}, the"
        " validity of a {kind} by Sackett et al. (2022).",
    ),
    "monev.finding.range_restriction": (
        "Hanya {n} dari {registered} pelamar, yaitu mereka yang terpilih, memiliki data kinerja."
        " Di antara orang terpilih rentang nilainya sempit, sehingga korelasi cenderung lebih"
        " kecil daripada di antara seluruh pelamar (pembatasan rentang): angka validitas di sini"
        " lebih mungkin menaksir terlalu rendah daripada terlalu tinggi.",
        "Only {n} of {registered} applicants, those selected, have performance data. Among"
        " those selected the scores span a narrow range, so correlations tend to be smaller"
        " than among all applicants (range restriction): the validities here more likely"
        " understate than overstate.",
    ),
    "monev.measure": ("nilai {name}", "the {name} score"),
    "monev.final_score": ("nilai akhir", "the final score"),
    "monev.more": ("dan {count} lainnya", "and {count} more"),
    "monev.to": ("s.d.", "to"),
    "monev.ci_clause": ("IK 95 % {ci}; ", "95 % CI {ci}; "),
    "monev.p_equals": ("p = {p}", "p = {p}"),
    "monev.p_below": ("p < {p}", "p < {p}"),
    "monev.formation_reasons": (
        "{formation} {position} ({reasons})",
        "{formation} {position} ({reasons})",
    ),
    # Koo & Li (2016) bands
    "monev.band.poor": ("buruk", "poor"),
    "monev.band.moderate": ("sedang", "moderate"),
    "monev.band.good": ("baik", "good"),
    "monev.band.excellent": ("sangat baik", "excellent"),
    # groups of the fairness figures, and a level of age
    "monev.group.sex": ("jenis kelamin", "sex"),
    "monev.level.male": ("laki-laki", "men"),
    "monev.level.female": ("perempuan", "women"),
    "monev.level.local": ("lokal", "local"),
    "monev.level.non_local": ("luar daerah", "from elsewhere"),
    "monev.group.age": ("kelompok usia", "age band"),
    "monev.group.education": ("pendidikan", "education"),
    "monev.group.local": ("asal daerah (NIK)", "local or not (NIK)"),
    "monev.age_level": ("usia {level}", "aged {level}"),
    # kinds of test of the reference validities (Sackett et al. 2022)
    "monev.kind.job_knowledge": ("tes pengetahuan kerja", "job knowledge test"),
    "monev.kind.work_sample": ("tes sampel kerja", "work sample test"),
    "monev.kind.structured_interview": ("wawancara terstruktur", "structured interview"),
    "monev.kind.cognitive_ability": ("tes kemampuan kognitif", "cognitive ability test"),
    # a stage's outcomes, as the reasons a formation is left empty
    "monev.status.within_quota": ("dalam kuota", "within the quota"),
    "monev.status.outside_quota": ("di luar kuota", "outside the quota"),
    "monev.status.below_threshold": ("di bawah ambang", "below a threshold"),
    "monev.status.absent": ("tidak hadir", "absent"),
    "monev.status.incomplete": ("nilai belum lengkap", "scores incomplete"),
    "monev.status.withdrawn": ("mengundurkan diri", "withdrew"),
    "monev.status.disqualified": ("diskualifikasi", "disqualified"),
    "monev.status.requirement_failed": ("tidak memenuhi syarat", "requirement failed"),
    "monev.status.tied": ("seri, menunggu keputusan panitia", "tied, awaiting the committee"),
    "monev.status.count": ("{count} {status}", "{count} {status}"),
    "monev.no_participants": ("tanpa peserta", "no participants"),
    # seleksi evaluate
    "cli.help.evaluate_out": (
        "Laporan Monitoring dan Evaluasi sebagai PDF",
        "the Monitoring and Evaluation Report as PDF",
    ),
    "cli.help.evaluate_stage": (
        "hanya tahap ini (kodenya, misalnya SKD), di PDF, JSON dan XLSX",
        "this stage only (its code, e.g. SKD), in the PDF, JSON and XLSX",
    ),
    "cli.evaluation_report_written": (
        "laporan monitoring dan evaluasi ditulis: {path} ({pages} halaman)",
        "monitoring and evaluation report written: {path} ({pages} pages)",
    ),
    # the report (app.reports.monev)
    "monev.report.title": ("Laporan Monitoring dan Evaluasi", "Monitoring and Evaluation Report"),
    "monev.report.subject": (
        "Monitoring dan evaluasi hasil seleksi: ketat, konsisten, adil, dan prediktif",
        "Monitoring and evaluation of a selection: strict, consistent, fair and predictive",
    ),
    "monev.report.running": ("{title} — {selection} {year}", "{title} — {selection} {year}"),
    "monev.report.instansi": ("Instansi", "Agency"),
    "monev.report.year": ("Tahun", "Year"),
    "monev.report.stages": ("Tahap", "Stages"),
    "monev.report.local_code": ("Kode daerah lokal (NIK)", "Local area code (NIK)"),
    "monev.report.local_code_none": (
        "tidak disebut; asal daerah tidak dinilai",
        "not given; local or not is not judged",
    ),
    "monev.report.printed_at": ("Dicetak", "Printed"),
    "monev.report.scope": ("Cakupan", "Scope"),
    "monev.report.scope_all": ("seluruh seleksi", "the whole selection"),
    "monev.report.key_numbers": ("Angka utama", "Key numbers"),
    "monev.report.key_numbers_note": (
        "Dalam kuota: pada tahap akhir, peserta yang terpilih dibanding kebutuhan formasi; pada"
        " tahap sebelumnya, peserta yang lolos ke tahap berikutnya. Kesepakatan penilai: ICC(2,1)"
        " terendah antar-komponen (baik mulai 0,75, Koo & Li 2016). Rasio dampak: tingkat"
        " keterpilihan kelompok terendah dibagi tertinggi (di bawah 0,8: aturan empat perlima).",
        "Within the quota: at the final stage, those selected against the formations' vacancies;"
        " at an earlier stage, those going on to the next. Assessor agreement: the lowest"
        " ICC(2,1) of the components (good from 0.75, Koo & Li 2016). Impact ratio: the lowest"
        " group's selection rate over the highest's (below 0.8: the four-fifths rule).",
    ),
    "monev.report.measure": ("Ukuran", "Measure"),
    "monev.report.registered": ("Terdaftar", "Registered"),
    "monev.report.present": ("Hadir", "Present"),
    "monev.report.absent": ("Tidak hadir", "Absent"),
    "monev.report.met_all": ("Memenuhi semua ambang", "Met every threshold"),
    "monev.report.within_quota": ("Dalam kuota / kebutuhan", "Within the quota / vacancies"),
    "monev.report.within_quota_short": ("Dalam kuota", "Within the quota"),
    "monev.report.of": ("{part} / {whole}", "{part} / {whole}"),
    "monev.report.empty_count": ("Formasi tanpa peserta dalam kuota", "Formations left empty"),
    "monev.report.lowest_icc": (
        "Kesepakatan penilai terendah, ICC(2,1)",
        "Lowest assessor agreement, ICC(2,1)",
    ),
    "monev.report.lowest_ratio": ("Rasio dampak terendah", "Lowest impact ratio"),
    "monev.report.validity_line": (
        "Validitas prediktif {measure} terhadap kinerja kemudian: rho Spearman {rho}"
        " (IK 95 % {ci}; n = {n}).",
        "Predictive validity of {measure} for later performance: Spearman's rho {rho}"
        " (95 % CI {ci}; n = {n}).",
    ),
    "monev.report.findings": ("Temuan", "Findings"),
    "monev.report.no_findings": (
        "Tidak ada temuan: semua ukuran berada dalam batas yang ditetapkan.",
        "No findings: every measure is within its bounds.",
    ),
    "monev.report.more_findings": (
        "… dan {count} temuan lain; semuanya tercantum dalam Daftar Temuan pada halaman berikut.",
        "… and {count} more findings; all are listed under List of Findings on the next pages.",
    ),
    "monev.report.severity.warning": ("Perlu tindak lanjut:", "To act on:"),
    "monev.report.severity.note": ("Catatan:", "Note:"),
    "monev.report.finding_list": ("Daftar temuan", "List of findings"),
    "monev.report.finding_list_note": (
        "Setiap temuan memiliki kunci tetap; rekomendasi tim monitoring dan evaluasi dicatat"
        " pada kunci itu.",
        "Every finding has a fixed key; the team's recommendations are recorded against it.",
    ),
    "monev.report.key": ("(kunci: {key})", "(key: {key})"),
    "monev.report.stage": ("Tahap {code} — {name}", "Stage {code} — {name}"),
    "monev.report.flow": ("Alur peserta", "Flow of participants"),
    "monev.report.passed": ("Lolos ambang {name}", "Passed the {name} threshold"),
    "monev.report.count": ("Jumlah", "Count"),
    "monev.report.marked": ("Bertanda {mark}", "Marked {mark}"),
    "monev.report.kebutuhan": ("Kebutuhan formasi", "Vacancies"),
    "monev.report.empty_title": (
        "Formasi tanpa peserta dalam kuota, dan sebabnya",
        "Formations without anyone within the quota, and why",
    ),
    "monev.report.formation": ("Kode formasi", "Formation"),
    "monev.report.position": ("Jabatan", "Position"),
    "monev.report.reason": ("Sebab", "Why"),
    "monev.report.units": ("Per unit kerja", "By agency"),
    "monev.report.unit": ("Unit kerja", "Agency"),
    "monev.report.rate": ("Tingkat terpilih", "Selection rate"),
    "monev.report.distributions": ("Sebaran nilai", "Score distributions"),
    "monev.report.mean": ("Rata-rata", "Mean"),
    "monev.report.median": ("Median", "Median"),
    "monev.report.threshold": ("Ambang", "Threshold"),
    "monev.report.near": ("Ambang ±2", "Threshold ±2"),
    "monev.report.just_below": ("Tepat di bawah ambang", "Just below"),
    "monev.report.at_maximum": ("Nilai maksimum", "At the maximum"),
    "monev.report.agreement": ("Kesepakatan penilai", "Assessor agreement"),
    "monev.report.agreement_note": (
        "ICC(2,1): kesepakatan satu penilai; ICC(2,k): rata-rata para penilai (Shrout & Fleiss"
        " 1979, dua arah acak, kesepakatan mutlak; IK 95 % McGraw & Wong 1996), dengan kategori"
        " Koo & Li (2016); baik mulai {limit}. Alpha: Krippendorff untuk data interval, atas"
        " semua nilai. Selisih penilai: rata-rata nilainya dikurangi rata-rata penilai lain pada"
        " peserta yang sama (positif: longgar, negatif: ketat); batas ±{deviation} poin.",
        "ICC(2,1): one assessor's agreement; ICC(2,k): the assessors' mean (Shrout & Fleiss"
        " 1979, two-way random, absolute agreement; 95 % CI McGraw & Wong 1996), banded by Koo &"
        " Li (2016); good from {limit}. Alpha: Krippendorff's for interval data, over every"
        " score. An assessor's deviation: their score minus the others' mean on the same"
        " participants (positive: lenient, negative: harsh); bound ±{deviation} points.",
    ),
    "monev.report.whole": ("Seluruh komponen", "Whole component"),
    "monev.report.aspect": ("Komponen / aspek", "Component / aspect"),
    "monev.report.ci": ("IK 95 %", "95 % CI"),
    "monev.report.band": ("Kategori", "Band"),
    "monev.report.n_panel": ("n panel", "n panel"),
    "monev.report.n_scored": ("n dinilai ≥ 2", "n scored ≥ 2"),
    "monev.report.panel": (
        "ICC dihitung pada panel terbesar ({assessors}; {n} peserta yang dinilai semuanya);"
        " alpha Krippendorff memakai setiap peserta yang dinilai sedikitnya dua penilai.",
        "The ICC is computed on the largest panel ({assessors}; {n} participants scored by all"
        " of them); Krippendorff's alpha uses every participant scored by two or more.",
    ),
    "monev.report.deviations": (
        "Selisih tiap penilai — {name}",
        "Each assessor's deviation — {name}",
    ),
    "monev.report.assessor": ("Penilai", "Assessor"),
    "monev.report.deviation": ("Selisih (poin)", "Deviation (points)"),
    "monev.report.reading": ("Keterangan", "Reading"),
    "monev.report.lenient": ("longgar", "lenient"),
    "monev.report.harsh": ("ketat", "harsh"),
    "monev.report.fairness": ("Keadilan", "Fairness"),
    "monev.report.fairness_note": (
        "Tingkat terpilih: yang dalam kuota dibagi pelamar. Batang: tingkat tiap kelompok dibagi"
        " tingkat tertinggi di antara kelompok yang cukup besar; garis merah: {limit} (aturan"
        " empat perlima, 29 CFR 1607.4(D)). Kelompok abu-abu terlalu kecil untuk dinilai.",
        "Selection rate: those within the quota over the applicants. Bars: each group's rate"
        " over the highest among the groups large enough to judge; red line: {limit} (the"
        " four-fifths rule, 29 CFR 1607.4(D)). Grey groups are too small to judge.",
    ),
    "monev.report.by_group": ("Menurut {group}", "By {group}"),
    "monev.report.ratio_line": (
        "Rasio dampak {ratio} (terendah: {lowest}; tertinggi: {highest}); uji eksak Fisher {p}.",
        "Impact ratio {ratio} (lowest: {lowest}; highest: {highest}); Fisher's exact test {p}.",
    ),
    "monev.report.ratio_none": (
        "Rasio dampak tidak dihitung: kurang dari dua kelompok yang cukup besar untuk dinilai.",
        "No impact ratio: fewer than two groups large enough to judge.",
    ),
    "monev.report.level": ("Kelompok", "Group"),
    "monev.report.applicants": ("Pelamar", "Applicants"),
    "monev.report.selected": ("Terpilih", "Selected"),
    "monev.report.to_highest": ("Rasio thd. tertinggi", "Ratio to highest"),
    "monev.report.remark": ("Catatan", "Remark"),
    "monev.report.too_small": ("terlalu kecil", "too small"),
    "monev.report.validity": ("Validitas prediktif", "Predictive validity"),
    "monev.report.validity_note": (
        "Korelasi Spearman setiap komponen dan nilai akhir dengan kinerja terakhir (predikat SKP"
        " sebagai peringkat), dengan IK 95 % (Fisher z, varians 1,06 / (n − 3)), di samping"
        " validitas acuan Sackett, Zhang, Berry & Lievens (2022).",
        "Spearman's correlation of each component and the final score with the latest"
        " performance (the SKP predikat as ranks), with a 95 % CI (Fisher's z, variance"
        " 1.06 / (n − 3)), beside the reference validities of Sackett, Zhang, Berry & Lievens"
        " (2022).",
    ),
    "monev.report.measure_of": ("Nilai", "Score"),
    "monev.report.reference_kind": ("Jenis tes acuan", "Reference kind of test"),
    "monev.report.reference": ("Validitas acuan", "Reference validity"),
    "monev.report.references": (
        "Validitas acuan (Sackett dkk. 2022, Tabel 3)",
        "Reference validities (Sackett et al. 2022, Table 3)",
    ),
    "monev.report.range_restriction": ("Pembatasan rentang", "Range restriction"),
    "monev.report.recommendations": ("Rekomendasi", "Recommendations"),
    "monev.report.no_recommendations": (
        "Belum ada rekomendasi yang dicatat untuk seleksi ini.",
        "No recommendation has been recorded for this selection yet.",
    ),
    "monev.report.on_the_whole": ("Seleksi secara keseluruhan", "The selection as a whole"),
    "monev.report.written_by": ("{author}, {at}", "{author}, {at}"),
}
