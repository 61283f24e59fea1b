"""Messages of the simulation of a draft scheme on a past selection (issue #14 §2)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- a draft the stored scores cannot answer (each names its TOML key) --
    "simulation.stages_differ": (
        "rancangan memuat tahap {draft}, seleksi ini tahap {current}; simulasi membutuhkan"
        " tahap yang sama dengan urutan yang sama",
        "the draft has the stages {draft}, this selection {current}; a simulation needs the"
        " same stages in the same order",
    ),
    "simulation.component_not_scored": (
        "komponen {value} (tahap {stage}) tidak punya nilai tersimpan pada seleksi ini;"
        " simulasi hanya dapat membaca nilai yang sudah dimasukkan",
        "component {value} (stage {stage}) has no stored scores in this selection; a simulation"
        " can only read scores that were entered",
    ),
    "simulation.component_moved": (
        "komponen {value} dinilai pada tahap {stage} seleksi ini, bukan pada tahap {draft_stage}",
        "component {value} was scored at stage {stage} of this selection, not at stage"
        " {draft_stage}",
    ),
    "simulation.field_fixed": (
        "{field} pada {owner} tidak dapat diubah dalam simulasi (rancangan {value}, tersimpan"
        " {current}): nilai yang tersimpan dibaca sebagaimana dimasukkan",
        "{field} of {owner} cannot change in a simulation (draft {value}, stored {current}):"
        " the stored scores are read as they were entered",
    ),
    "simulation.aspects_dropped": (
        "komponen {component} dinilai per aspek rubrik; rancangan harus memuat paling sedikit"
        " satu aspeknya",
        "component {component} was scored per rubric aspect; the draft must keep at least one"
        " of its aspects",
    ),
    "simulation.aspect_not_stored": (
        "aspek {value} bukan aspek komponen {component} pada seleksi ini (aspek: {stored})",
        "{value} is not an aspect of component {component} in this selection (aspects: {stored})",
    ),
    # -- the rules a draft changes --
    "simulation.rule.threshold": ("ambang batas", "threshold"),
    "simulation.rule.weight": ("bobot", "weight"),
    "simulation.rule.aspects": ("aspek rubrik", "rubric aspects"),
    "simulation.rule.tie_break": ("urutan penentu peringkat", "tie-break order"),
    # -- the command --
    "cli.help.simulate": (
        "simulasi rancangan skema pada nilai seleksi ini (tidak ada yang diubah): siapa yang"
        " berubah hasilnya dan karena aturan apa, tau-b Kendall, bobot efektif, keadilan",
        "simulate a draft scheme on this selection's scores (nothing is changed): whose result"
        " changes and by which rule, Kendall's tau-b, effective weights, fairness",
    ),
    "cli.help.simulate_scheme": (
        "berkas skema rancangan (.toml) atau nama preset",
        "the draft scheme file (.toml) or a preset name",
    ),
    "cli.help.simulate_stage": (
        "tahap yang disimulasikan (bawaan: tahap terakhir)",
        "the stage simulated (default: the last)",
    ),
    "cli.simulated": ("hasil simulasi ditulis: {path}", "simulation written: {path}"),
    "simulation.title": (
        "Simulasi rancangan {draft} pada seleksi {selection} ({name}), tahap {stage}",
        "Simulation of draft {draft} on selection {selection} ({name}), stage {stage}",
    ),
    "simulation.rules": (
        "Aturan yang diubah rancangan, menurut urutan penerapan: {rules}",
        "Rules the draft changes, in the order applied: {rules}",
    ),
    "simulation.no_rules": (
        "Rancangan tidak mengubah bobot, ambang batas, aspek rubrik, maupun urutan penentu"
        " peringkat: tidak ada hasil yang berubah.",
        "The draft changes no weight, threshold, rubric aspect or tie-break order: no result"
        " changes.",
    ),
    "simulation.col.formation": ("Formasi", "Formation"),
    "simulation.col.quota": ("Kebutuhan", "Vacancies"),
    "simulation.col.participants": ("Peserta", "Participants"),
    "simulation.col.changed": ("Berubah", "Changed"),
    "simulation.col.tau": ("tau-b", "tau-b"),
    "simulation.col.gained": ("Kursi +", "Seats +"),
    "simulation.col.lost": ("Kursi -", "Seats -"),
    "simulation.overall": ("Keseluruhan", "Overall"),
    "simulation.unchanged_formations": (
        "({count} formasi lain: tidak ada yang berubah, urutan sama)",
        "({count} other formations: nothing changes, same order)",
    ),
    "simulation.tau_note": (
        "tau-b: tau-b Kendall peringkat hari ini dan rancangan, atas peserta berperingkat pada"
        " keduanya; Keseluruhan: rata-rata formasi (terendah {lowest}, {formation})",
        "tau-b: Kendall's tau-b of today's ranks and the draft's, over those ranked under"
        " both; Overall: the formations' mean (lowest {lowest}, {formation})",
    ),
    "simulation.by_rule": (
        "Hasil yang berubah menurut aturan: {counts}",
        "Changed outcomes by rule: {counts}",
    ),
    "simulation.pass_rate": (
        "Dalam kuota: hari ini {before} dari {registered_before} ({rate_before}), rancangan"
        " {after} dari {registered_after} ({rate_after})",
        "Within the quota: today {before} of {registered_before} ({rate_before}), draft"
        " {after} of {registered_after} ({rate_after})",
    ),
    "simulation.weights_title": (
        "Bobot efektif (korelasi Pearson dengan nilai akhir), hari ini → rancangan:",
        "Effective weights (Pearson correlation with the final score), today → draft:",
    ),
    "simulation.weight_line": (
        "bobot {stated_before} → {stated_after}   r {r_before} → {r_after}",
        "weight {stated_before} → {stated_after}   r {r_before} → {r_after}",
    ),
    "simulation.fairness_title": (
        "Rasio dampak (empat perlima), hari ini → rancangan:",
        "Impact ratio (four fifths), today → draft:",
    ),
    "simulation.fairness_line": ("{before} → {after}", "{before} → {after}"),
    "simulation.adverse": (" (di bawah 0,8)", " (below 0.8)"),
    "simulation.group.sex": ("jenis kelamin", "sex"),
    "simulation.group.age": ("usia", "age"),
    "simulation.group.education": ("pendidikan", "education"),
    "simulation.group.local": ("asal daerah", "origin"),
    # -- the workbook (always Indonesian, as every document) --
    "simulation.sheet.summary": ("Ringkasan", "Summary"),
    "simulation.sheet.formations": ("Formasi", "Formations"),
    "simulation.sheet.changed": ("Perubahan", "Changes"),
    "simulation.sheet.weights": ("Bobot efektif", "Effective weights"),
    "simulation.sheet.fairness": ("Keadilan", "Fairness"),
    "simulation.head.figure": ("Ukuran", "Figure"),
    "simulation.head.today": ("Hari ini", "Today"),
    "simulation.head.draft": ("Rancangan", "Draft"),
    "simulation.head.ranked_both": ("Berperingkat pada keduanya", "Ranked under both"),
    "simulation.head.number": ("Nomor peserta", "Participant number"),
    "simulation.head.old_stage": ("Tahap hari ini", "Stage today"),
    "simulation.head.old_code": ("Kode hari ini", "Code today"),
    "simulation.head.old_rank": ("Peringkat hari ini", "Rank today"),
    "simulation.head.old_final": ("Nilai akhir hari ini", "Final score today"),
    "simulation.head.new_stage": ("Tahap rancangan", "Stage under the draft"),
    "simulation.head.new_code": ("Kode rancangan", "Code under the draft"),
    "simulation.head.new_rank": ("Peringkat rancangan", "Rank under the draft"),
    "simulation.head.new_final": ("Nilai akhir rancangan", "Final score under the draft"),
    "simulation.head.rule": ("Aturan", "Rule"),
    "simulation.head.seat": ("Kursi", "Seat"),
    "simulation.head.component": ("Komponen", "Component"),
    "simulation.head.stated_today": ("Bobot hari ini (%)", "Weight today (%)"),
    "simulation.head.stated_draft": ("Bobot rancangan (%)", "Weight under the draft (%)"),
    "simulation.head.r_today": ("r Pearson hari ini", "Pearson r today"),
    "simulation.head.r_draft": ("r Pearson rancangan", "Pearson r under the draft"),
    "simulation.head.n_today": ("n hari ini", "n today"),
    "simulation.head.n_draft": ("n rancangan", "n under the draft"),
    "simulation.head.group": ("Kelompok", "Group"),
    "simulation.head.level": ("Tingkat", "Level"),
    "simulation.head.applicants_today": ("Pelamar hari ini", "Applicants today"),
    "simulation.head.selected_today": ("Terpilih hari ini", "Selected today"),
    "simulation.head.rate_today": ("Tingkat terpilih hari ini", "Selection rate today"),
    "simulation.head.ratio_today": ("Rasio dampak hari ini", "Impact ratio today"),
    "simulation.head.applicants_draft": ("Pelamar rancangan", "Applicants under the draft"),
    "simulation.head.selected_draft": ("Terpilih rancangan", "Selected under the draft"),
    "simulation.head.rate_draft": ("Tingkat terpilih rancangan", "Selection rate under the draft"),
    "simulation.head.ratio_draft": ("Rasio dampak rancangan", "Impact ratio under the draft"),
    "simulation.seat.gained": ("bertambah", "gained"),
    "simulation.seat.lost": ("berkurang", "lost"),
    "simulation.figure.registered": ("Peserta pada tahap", "Participants at the stage"),
    "simulation.figure.within_quota": ("Dalam kuota", "Within the quota"),
    "simulation.figure.pass_rate": ("Tingkat dalam kuota", "Share within the quota"),
    "simulation.figure.kebutuhan": ("Kebutuhan", "Vacancies"),
    "simulation.figure.status": ("Berstatus: {meaning}", "With status: {meaning}"),
    "simulation.figure.changed": ("Hasil yang berubah", "Changed outcomes"),
    "simulation.figure.changed_rule": ("Berubah karena {rule}", "Changed by {rule}"),
    "simulation.figure.gained": ("Kursi bertambah", "Seats gained"),
    "simulation.figure.lost": ("Kursi berkurang", "Seats lost"),
    "simulation.figure.formations_changed": (
        "Formasi dengan perubahan",
        "Formations with a change",
    ),
    "simulation.figure.tau_mean": (
        "tau-b Kendall rata-rata formasi",
        "Mean Kendall tau-b of the formations",
    ),
    "simulation.figure.tau_lowest": (
        "tau-b Kendall terendah ({formation})",
        "Lowest Kendall tau-b ({formation})",
    ),
}
