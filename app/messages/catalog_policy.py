"""Messages of policy drafts, their FGD judgments and adoption (issue #14)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "policy.name_required": ("beri nama rancangan kebijakan", "give the policy draft a name"),
    "policy.name_too_long": (
        "nama rancangan terlalu panjang (paling banyak {maximum} karakter)",
        "the draft's name is too long (at most {maximum} characters)",
    ),
    "policy.not_found": (
        "rancangan kebijakan nomor {id} tidak ada",
        "there is no policy draft number {id}",
    ),
    "policy.adopted_already": (
        "rancangan «{name}» sudah dijadikan skema ({file}); buat rancangan baru untuk mengubahnya",
        "the draft «{name}» has already been adopted ({file}); start a new draft to change it",
    ),
    "policy.no_judgments": (
        "rancangan «{name}» belum punya penilaian FGD; impor berkas FGD atau isi formulir"
        " responden",
        "the draft «{name}» has no FGD judgments yet; import an FGD file or fill in a"
        " respondent's form",
    ),
    "policy.respondent_required": ("isi nama responden", "fill in the respondent's name"),
    "policy.respondent_mixed": (
        "satu formulir hanya untuk satu responden ({respondent})",
        "one form is for one respondent only ({respondent})",
    ),
    "policy.pair_twice": (
        "{respondent} membandingkan {a} dan {b} lebih dari sekali",
        "{respondent} compares {a} and {b} more than once",
    ),
    "cli.help.draft": (
        "rancangan kebijakan: buat dari skema seleksi, ekspor/ubah skemanya, jadikan skema",
        "policy drafts: create from the selection's scheme, export/change its scheme, adopt",
    ),
    "cli.draft_created": (
        "rancangan nomor {id} «{name}» dibuat dari skema seleksi (tahap {stage})",
        "draft number {id} «{name}» created from the selection's scheme (stage {stage})",
    ),
    "cli.drafts_none": ("(belum ada rancangan kebijakan)", "(no policy drafts yet)"),
    "cli.draft_adopted": ("dijadikan skema: {file}", "adopted: {file}"),
    "cli.draft_exported": (
        "skema rancangan nomor {id} ditulis: {path}",
        "the scheme of draft number {id} written: {path}",
    ),
    "cli.draft_saved": (
        "skema rancangan nomor {id} disimpan; {count} aturan dilanggar",
        "the scheme of draft number {id} saved; {count} rules broken",
    ),
    "cli.draft_adopted_now": (
        "rancangan nomor {id} dijadikan skema: {path} (SHA-256 {sha})",
        "draft number {id} adopted as a scheme: {path} (SHA-256 {sha})",
    ),
    "cli.draft_fgd_imported": (
        "FGD disimpan pada rancangan nomor {id}: {respondents} responden, {rows} penilaian",
        "FGD stored in draft number {id}: {respondents} respondents, {rows} judgments",
    ),
    "cli.draft_weights": (
        "bobot FGD masuk rancangan nomor {id}: {shares}; {count} aturan dilanggar",
        "the FGD's weights are in draft number {id}: {shares}; {count} rules broken",
    ),
}
