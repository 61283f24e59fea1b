"""Messages of the Laporan Penyusunan Kebijakan (issue #14 §2) and its command."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- the document --
    "policy.report.title": ("Laporan Penyusunan Kebijakan", "Policy Drafting Report"),
    "policy.report.running": ("{title} — {draft}", "{title} — {draft}"),
    "policy.report.subject": (
        "rancangan skema seleksi: pembobotan FGD (AHP) dan simulasi sebelum ditetapkan",
        "a draft selection scheme: FGD weighting (AHP) and simulation before adoption",
    ),
    "policy.report.draft": ("Rancangan", "Draft"),
    "policy.report.answers": ("Menjawab", "Answers"),
    "policy.report.answers_none": ("(tidak disebutkan)", "(not stated)"),
    "policy.report.stage": ("Tahap yang dibobot", "Stage weighed"),
    "policy.report.fgd_date": ("Tanggal FGD", "FGD date"),
    "policy.report.local_code": ("Kode daerah (NIK)", "Local code (NIK)"),
    "policy.report.local_code_none": ("tidak dinilai", "not judged"),
    "policy.report.printed_at": ("Dicetak", "Printed"),
    "policy.report.weights": (
        "Bobot saat ini dan bobot rancangan",
        "Today's weights and the draft's",
    ),
    "policy.report.criterion": ("Kriteria", "Criterion"),
    "policy.report.aspect_of": ("   aspek {aspect}", "   aspect {aspect}"),
    "policy.report.today": ("Skema saat ini", "Today's scheme"),
    "policy.report.draft_weight": ("Rancangan", "Draft"),
    "policy.report.fgd_weight": ("Usulan FGD", "FGD proposal"),
    "policy.report.no_weights": (
        "Tahap ini tidak memakai bobot (jumlah nilai atau satu komponen).",
        "This stage uses no weights (a sum of scores, or one component).",
    ),
    "policy.report.fgd": ("FGD (perbandingan berpasangan, AHP)", "FGD (pairwise comparison, AHP)"),
    "policy.report.fgd_none": (
        "Belum ada penilaian FGD pada rancangan ini: bobotnya belum didukung pendapat"
        " pemangku kepentingan.",
        "This draft has no FGD judgments yet: its weights are not yet backed by the"
        " stakeholders' views.",
    ),
    "policy.report.fgd_heard": (
        "{respondents} responden dari {groups} kelompok pemangku kepentingan ({by_group}).",
        "{respondents} respondents from {groups} stakeholder groups ({by_group}).",
    ),
    "policy.report.fgd_all_consistent": (
        "Semua responden konsisten (CR ≤ {limit}).",
        "Every respondent is consistent (CR ≤ {limit}).",
    ),
    "policy.report.fgd_kept": (
        "{count} responden tidak konsisten (CR > {limit}): {names}; tetap diikutsertakan"
        " dalam bobot kelompok.",
        "{count} respondents are inconsistent (CR > {limit}): {names}; they are kept in the"
        " group's weights.",
    ),
    "policy.report.fgd_left_out": (
        "{count} responden tidak konsisten (CR > {limit}): {names}; dikeluarkan dari bobot"
        " kelompok atas pilihan fasilitator.",
        "{count} respondents are inconsistent (CR > {limit}): {names}; left out of the"
        " group's weights by the facilitator's choice.",
    ),
    "policy.report.fgd_level": (
        "Pada {level}: CR kelompok {cr}, konsensus {consensus} ({band}); bobot {percent}.",
        "For {level}: group CR {cr}, consensus {consensus} ({band}); weights {percent}.",
    ),
    "policy.report.fgd_level_alone": (
        "Pada {level}: CR kelompok {cr}; bobot {percent}.",
        "For {level}: group CR {cr}; weights {percent}.",
    ),
    "policy.report.level_top": ("tingkat komponen", "the components"),
    "policy.report.level_aspects": ("aspek {component}", "the aspects of {component}"),
    "policy.report.simulation": (
        "Simulasi pada nilai seleksi ini",
        "Simulation on this selection's scores",
    ),
    "policy.report.simulation_none": (
        "Simulasi tidak dapat dijalankan pada rancangan ini (lihat aturan yang dilanggar).",
        "The simulation cannot run on this draft (see the rules it breaks).",
    ),
    "policy.report.simulation_changed": (
        "Tahap {stage}: hasil {changed} dari {participants} peserta berubah, di {formations}"
        " dari {all} formasi.",
        "Stage {stage}: the outcome of {changed} of {participants} participants changes, in"
        " {formations} of {all} formations.",
    ),
    "policy.report.simulation_by_rule": ("Menurut aturan: {rules}.", "By rule: {rules}."),
    "policy.report.simulation_seats": (
        "{gained} peserta mendapat kursi, {lost} kehilangan kursi.",
        "{gained} participants gain a seat, {lost} lose one.",
    ),
    "policy.report.simulation_tau": (
        "Tau-b Kendall antara kedua urutan rata-rata {mean}, terendah {lowest} (formasi"
        " {formation}).",
        "Kendall's tau-b between the two orders: mean {mean}, lowest {lowest} (formation"
        " {formation}).",
    ),
    "policy.report.adoption": ("Dapatkah dijadikan skema?", "Can it be adopted?"),
    "policy.report.adopted": (
        "Rancangan ini sudah dijadikan skema: {file}.",
        "This draft has been adopted as a scheme: {file}.",
    ),
    "policy.report.adoptable": (
        "Ya: rancangan memenuhi setiap aturan skema dan dapat dijadikan skema untuk seleksi"
        " baru (skema seleksi ini sendiri tidak berubah).",
        "Yes: the draft meets every rule of a scheme and can be adopted as the scheme of a new"
        " selection (this selection's own scheme does not change).",
    ),
    "policy.report.not_adoptable": (
        "Belum: rancangan melanggar {count} aturan skema.",
        "Not yet: the draft breaks {count} rules of a scheme.",
    ),
    # -- the details: the FGD --
    "policy.report.respondents": ("Responden FGD", "FGD respondents"),
    "policy.report.respondents_note": (
        "Rasio konsistensi (CR) tiap responden per bagian yang dinilainya; CR > {limit}"
        " tidak konsisten, dengan pasangan yang paling menyimpang untuk ditanyakan lagi."
        " Bobot kelompok dibagi rata di antara responden kelompoknya (AIJ, rata-rata"
        " geometris berbobot).",
        "Each respondent's consistency ratio (CR) per part judged; CR > {limit} is"
        " inconsistent, with the most deviating pair to ask again. A group's weight is shared"
        " equally by its respondents (AIJ, weighted geometric mean).",
    ),
    "policy.report.number": ("No.", "No."),
    "policy.report.respondent": ("Responden", "Respondent"),
    "policy.report.group": ("Kelompok", "Group"),
    "policy.report.group_weight": ("Bobot kelompok", "Group weight"),
    "policy.report.cr_of": ("CR {level}", "CR {level}"),
    "policy.report.remark": ("Keterangan", "Remark"),
    "policy.report.consistent": ("konsisten", "consistent"),
    "policy.report.inconsistent": ("tidak konsisten", "inconsistent"),
    "policy.report.ask_again": ("tanyakan lagi: {a} – {b}", "ask again: {a} – {b}"),
    "policy.report.left_out": ("{text} (dikeluarkan)", "{text} (left out)"),
    "policy.report.level_weights": ("Bobot kelompok: {level}", "Group weights: {level}"),
    "policy.report.level_note": (
        "CR kelompok {cr}; konsensus {consensus}; {heard} responden dalam bobot kelompok."
        " Batang: bobot kelompok; garis: rentang bobot para responden (terendah–tertinggi).",
        "Group CR {cr}; consensus {consensus}; {heard} respondents in the group's weights."
        " Bar: the group's weight; line: the respondents' range (lowest to highest).",
    ),
    "policy.report.group_result": ("Bobot kelompok", "Group weight"),
    "policy.report.percent": ("Persen bulat", "Whole percent"),
    "policy.report.lowest": ("Terendah", "Lowest"),
    "policy.report.mean": ("Rata-rata", "Mean"),
    "policy.report.highest": ("Tertinggi", "Highest"),
    # -- the details: the simulation --
    "policy.report.simulation_formations": ("Simulasi per formasi", "Simulation per formation"),
    "policy.report.formations_note": (
        "Tau-b Kendall membandingkan urutan peserta yang diperingkat pada kedua skema"
        " (1: urutan sama); berubah: peserta yang kode hasil, peringkat atau tahap akhirnya"
        " berbeda.",
        "Kendall's tau-b compares the order of the participants ranked under both schemes"
        " (1: the same order); changed: participants whose result code, rank or last stage"
        " differs.",
    ),
    "policy.report.formation": ("Formasi", "Formation"),
    "policy.report.position": ("Jabatan", "Position"),
    "policy.report.quota": ("Kebutuhan", "Kebutuhan"),
    "policy.report.participants": ("Peserta", "Participants"),
    "policy.report.ranked_both": ("Diperingkat keduanya", "Ranked by both"),
    "policy.report.changed": ("Berubah", "Changed"),
    "policy.report.seats_gained": ("Kursi +", "Seats +"),
    "policy.report.seats_lost": ("Kursi −", "Seats −"),
    "policy.report.changed_people": (
        "Peserta yang hasilnya berubah",
        "Participants whose outcome changes",
    ),
    "policy.report.changed_note": (
        "Kode hasil dan peringkat menurut skema saat ini dan menurut rancangan, dengan nilai"
        " akhir keduanya dan aturan rancangan yang mengubahnya.",
        "Result code and rank under today's scheme and under the draft, with both final"
        " scores and the draft's rule that changes them.",
    ),
    "policy.report.nobody_changed": (
        "Tidak ada hasil peserta yang berubah.",
        "No participant's outcome changes.",
    ),
    "policy.report.participant_number": ("Nomor peserta", "Participant number"),
    "policy.report.name": ("Nama", "Name"),
    "policy.report.today_outcome": ("Saat ini", "Today"),
    "policy.report.draft_outcome": ("Rancangan", "Draft"),
    "policy.report.final_scores": ("Nilai akhir", "Final score"),
    "policy.report.rule": ("Aturan", "Rule"),
    "policy.report.code_rank": ("{code} / peringkat {rank}", "{code} / rank {rank}"),
    "policy.report.effective_weights": ("Bobot efektif", "Effective weights"),
    "policy.report.effective_note": (
        "Bobot tertulis tiap komponen dan bobot efektifnya: korelasi (r Pearson) nilai"
        " komponen dengan nilai akhir, pada kedua skema.",
        "Each component's stated weight and its effective weight: the correlation (Pearson's"
        " r) of its scores with the final score, under both schemes.",
    ),
    "policy.report.component": ("Komponen", "Component"),
    "policy.report.stated_today": ("Bobot saat ini", "Weight today"),
    "policy.report.r_today": ("r saat ini", "r today"),
    "policy.report.stated_draft": ("Bobot rancangan", "Draft weight"),
    "policy.report.r_draft": ("r rancangan", "r draft"),
    "policy.report.fairness": ("Keadilan: rasio dampak", "Fairness: impact ratios"),
    "policy.report.fairness_note": (
        "Rasio dampak: tingkat keterpilihan kelompok terendah dibagi kelompok tertinggi di"
        " antara yang cukup besar untuk dinilai; di bawah {limit} (aturan empat perlima)"
        " patut diperiksa.",
        "Impact ratio: the lowest group's selection rate over the highest's, among groups"
        " large enough to judge; below {limit} (the four-fifths rule) calls for a look.",
    ),
    "policy.report.fairness_group": ("Pengelompokan", "Grouping"),
    "policy.report.ratio_today": ("Skema saat ini", "Today's scheme"),
    "policy.report.ratio_draft": ("Rancangan", "Draft"),
    "policy.report.ratio": (
        "{ratio} ({lowest} terhadap {highest})",
        "{ratio} ({lowest} against {highest})",
    ),
    "policy.report.ratio_none": ("tidak dapat dinilai", "cannot be judged"),
    "policy.report.selected_by_level": (
        "Keterpilihan per kelompok",
        "Selection per group",
    ),
    "policy.report.level": ("Kelompok", "Group"),
    "policy.report.applicants": ("Pelamar", "Applicants"),
    "policy.report.selected_today": ("Terpilih saat ini", "Selected today"),
    "policy.report.rate_today": ("Tingkat saat ini", "Rate today"),
    "policy.report.selected_draft": ("Terpilih rancangan", "Selected, draft"),
    "policy.report.rate_draft": ("Tingkat rancangan", "Rate, draft"),
    # -- the command --
    "cli.draft_report_written": (
        "Laporan Penyusunan Kebijakan rancangan {id} ditulis: {path} ({pages} halaman)",
        "Policy Drafting Report of draft {id} written: {path} ({pages} pages)",
    ),
}
