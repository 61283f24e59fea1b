"""The Laporan Monitoring dan Evaluasi read back from its PDF (issue #13): the summary page holds
the selection's real numbers, the Indonesian way, and its findings; long lists split over pages
without losing a row."""

from __future__ import annotations

import copy
import datetime
import io
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pytest
from report_samples import page_texts

from app.messages.findings import finding_text
from app.reports.monev import RecommendationLine, ReportFacts, render_evaluation_report
from app.scoring.monev.findings import findings
from app.services.actor import Actor
from app.services.database import Database
from app.services.demo import create_demo
from app.services.evaluation_report import evaluation_report_pdf, report_figures
from app.services.opening import open_database
from app.services.performance import import_performance
from app.services.ranking import compute_ranking

ADMIN = Actor("ketua", "admin")
ENGLISH_DECIMAL = re.compile(r"(?<![\d.])0\.\d")
"""``0.62``: a coefficient written the English way (``29 CFR 1607.4(D)`` is not one)."""


def _id(value: float, places: int = 2) -> str:
    """A number as the report writes it: rounded half-up (1.615 → 1,62), decimal comma."""
    exact = Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return f"{exact}".replace(".", ",")


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Database, int]:
    """A CPNS demo (SKD, then SKB with a practical test of two assessors) with the later
    performance of 40 of those ranked at the end, following their final score."""
    folder = tmp_path_factory.mktemp("monev")
    db = open_database(folder / "seleksi.db")
    # This test's own performance file, hand-shaped: not the demo's.
    info = create_demo(db, ADMIN, "cpns-2024", participants=300, seed=5, performance=False)
    rows = [r for r in compute_ranking(db, info.id).rows if r.final is not None][:40]
    ladder = ["Sangat Kurang", "Kurang", "Butuh Perbaikan", "Baik", "Sangat Baik"]
    ordered = sorted(rows, key=lambda r: r.final)
    path = folder / "skp.csv"
    path.write_text(
        "nomor_peserta,tahun,predikat\n"
        + "".join(
            f"{r.number},2025,{ladder[i * 5 // len(ordered)]}\n" for i, r in enumerate(ordered)
        ),
        encoding="utf-8",
    )
    import_performance(db, ADMIN, info.id, path)
    return db, info.id


@pytest.fixture(scope="module")
def rendered(demo) -> tuple[dict[str, Any], list[str], int]:
    db, sid = demo
    figures = report_figures(db, sid, local_code="1275")
    report = evaluation_report_pdf(db, sid, figures, local_code="1275")
    return figures, page_texts(report.data), report.pages


def test_the_summary_page_holds_the_selections_own_numbers(demo, rendered) -> None:
    db, sid = demo
    figures, texts, pages = rendered
    assert len(texts) == pages > 5
    first = _flat(texts[0])
    assert "LAPORAN MONITORING DAN EVALUASI" in first
    assert "Seleksi CPNS Kota Binjai (demo) — 2024" in first
    assert "Kode daerah lokal (NIK) : 1275" in first
    # Counted here from the database, not from the figures the report was drawn from.
    with db.reading() as connection:
        (registered,) = connection.execute(
            "SELECT count(*) FROM participant WHERE selection_id = ?", (sid,)
        ).fetchone()
        (vacancies,) = connection.execute(
            "SELECT sum(quota) FROM formation WHERE selection_id = ?", (sid,)
        ).fetchone()
    skd, akhir = figures["stages"]["SKD"]["flow"], figures["stages"]["AKHIR"]["flow"]
    assert registered == skd["registered"] == 300
    # The SKB is taken by those the SKD let through: within its cut, 3 × the vacancies.
    statuses = skd["statuses"]
    assert akhir["registered"] == statuses["within_quota"] + statuses.get("tied", 0)
    met = sum(statuses.get(s, 0) for s in ("within_quota", "outside_quota", "tied"))
    assert (
        f"Terdaftar {registered} {akhir['registered']} Hadir {skd['present']} {akhir['present']}"
        f" Memenuhi semua ambang {met}"
    ) in first
    seats = akhir["seats"]
    assert f"{seats['within_quota']} / {vacancies}" in first
    # The practical test's agreement and the lowest impact ratio, with a decimal comma.
    icc = figures["stages"]["AKHIR"]["components"]["PRAKTIK"]["icc2_1"]
    assert f"{_id(icc)} (PRAKTIK)" in first
    ratios = [
        (g["impact_ratio"], name)
        for name, g in figures["stages"]["SKD"]["fairness"].items()
        if g["impact_ratio"] is not None
    ]
    lowest, name = min(ratios)
    words = {"sex": "jenis kelamin", "age": "kelompok usia", "education": "pendidikan"}
    assert f"{_id(lowest)} ({words[name]})" in first
    final = figures["validity"]["NILAI_AKHIR"]
    low, high = final["ci95"]
    assert (
        f"nilai akhir terhadap kinerja kemudian: rho Spearman {_id(final['rho'])}"
        f" (IK 95 % {_id(low)}–{_id(high)}; n = 40)"
    ) in first
    assert not ENGLISH_DECIMAL.search(first), ENGLISH_DECIMAL.findall(first)


def test_the_summary_lists_the_findings_warnings_first_and_stays_one_page(rendered) -> None:
    figures, texts, _ = rendered
    found = findings(figures)
    warnings = [f for f in found if f.severity == "warning"]
    assert warnings, "the demo has findings to act on (its lenient assessor, its age bands)"
    first = _flat(texts[0])
    at = {f.key: first.find(_flat(finding_text(f, "id", with_stage=True))) for f in found}
    shown = sorted((f for f in found if at[f.key] >= 0), key=lambda f: at[f.key])
    assert shown[0].severity == "warning"
    # Warnings first: no note is printed before a warning.
    severities = [f.severity for f in shown]
    assert severities == sorted(severities, key=lambda s: s != "warning")
    assert "Perlu tindak lanjut:" in first
    if len(shown) < len(found):
        assert f"dan {len(found) - len(shown)} temuan lain" in first
    assert "Halaman 1 dari" in first and "Daftar temuan" not in first
    # Every finding is in the list of the details, with the key a recommendation names.
    details = _flat(" ".join(texts[1:]))
    for finding in found:
        assert _flat(finding_text(finding, "id", with_stage=True)) in details
        assert f"(kunci: {finding.key})" in details


def test_the_details_show_every_section_and_indonesian_numbers(rendered) -> None:
    figures, texts, _ = rendered
    details = _flat(" ".join(texts[1:]))
    for heading in ("Tahap SKD — Seleksi Kompetensi Dasar", "Alur peserta", "Sebaran nilai",
                    "Kesepakatan penilai", "Selisih tiap penilai — Tes Praktik Kerja",
                    "Keadilan", "Menurut jenis kelamin", "Validitas prediktif",
                    "Validitas acuan (Sackett dkk. 2022, Tabel 3)", "Pembatasan rentang",
                    "Rekomendasi", "Belum ada rekomendasi"):  # fmt: skip
        assert heading in details, heading
    twk = figures["stages"]["SKD"]["distributions"]["TWK"]
    flow = figures["stages"]["SKD"]["flow"]
    passed = flow["passed_threshold"]["TWK"]
    share = _id(100 * passed / flow["registered"], 1)
    assert "Lolos ambang Tes Wawasan Kebangsaan" in details  # the funnel's bar…
    assert f"{passed} ({share} %)" in details  # …and its count and share at its end
    mean = _id(twk["mean"])
    assert f"{twk['n']} {mean}" in details
    for name, assessor in figures["stages"]["AKHIR"]["components"]["PRAKTIK"]["assessors"].items():
        deviation = _id(assessor["deviation"])
        assert f"{name} {deviation}" in details
    assert "tes sampel kerja 0,33" in details and "wawancara terstruktur 0,42" in details
    assert not ENGLISH_DECIMAL.search(details), ENGLISH_DECIMAL.findall(details)[:5]
    assert "monev." not in details and "{" not in details  # every word from the catalogue


def test_recommendations_are_printed_on_their_findings(demo, rendered) -> None:
    db, sid = demo
    figures, _, _ = rendered
    target = findings(figures)[0]
    lines = [
        RecommendationLine(
            target.key, "Latih ulang penilai praktik.", "Tim Monev", "12 Maret 2025"
        ),
        RecommendationLine(None, "Evaluasi kembali ambang SKD.", "Kepala BKPSDM", "13 Maret 2025"),
        RecommendationLine("icc.XYZ.GONE", "Temuan lama.", "Tim Monev", "1 Januari 2025"),
    ]
    report = evaluation_report_pdf(db, sid, figures, lines)
    last = _flat(page_texts(report.data)[-1])
    assert last.startswith("Rekomendasi 1. ")
    assert (
        f"1. {_flat(finding_text(target, 'id', with_stage=True))} Latih ulang penilai praktik."
        in last
    )
    assert "Tim Monev, 12 Maret 2025" in last
    assert (
        "2. Seleksi secara keseluruhan Evaluasi kembali ambang SKD. Kepala BKPSDM, 13 Maret 2025"
        in last
    )
    assert "3. (kunci: icc.XYZ.GONE) Temuan lama." in last


def test_hundreds_of_formations_and_twenty_assessors_split_over_pages_whole(rendered) -> None:
    figures, _, _ = rendered
    big = copy.deepcopy(figures)
    flow = big["stages"]["AKHIR"]["flow"]
    flow["empty_formations"] = [
        {"formation": f"F{i:03d}", "statuses": {"below_threshold": 1 + i % 4, "absent": i % 3}}
        for i in range(150)
    ]
    long_position = "Penata Layanan Operasional Pengelola Sistem Informasi Manajemen Kepegawaian"
    big["scheme"]["formations"].update(
        {f"F{i:03d}": {"position": f"{long_position} {i}"} for i in range(150)}
    )
    practical = big["stages"]["AKHIR"]["components"]["PRAKTIK"]
    practical["assessors"] = {
        f"Penilai Nomor {i:02d} binti Abdullah Syahputra Nasution Harahap": {
            "deviation": (i - 10) * 0.9, "ci95": [(i - 10) * 0.9 - 2, (i - 10) * 0.9 + 2], "n": 20,
        }
        for i in range(20)
    }  # fmt: skip
    facts = ReportFacts("Seleksi " + "Kompetensi Pegawai " * 8, "BKPSDM Kota Binjai", 2024,
                        datetime.date(2025, 3, 14), "1275", "SASN-2025-TEST")  # fmt: skip
    out = io.BytesIO()
    pages = render_evaluation_report(big, facts, [], out)
    texts = page_texts(out.getvalue())
    assert len(texts) == pages
    assert _flat(texts[0]).count("Halaman 1 dari") == 1  # the summary is still one page
    whole = _flat(" ".join(texts))
    for i in range(150):  # every formation in the table, its position whole beside it
        assert f"F{i:03d} {long_position} {i}" in whole
    for name in practical["assessors"]:
        assert name in whole
    assert "Formasi tanpa peserta dalam kuota: 150." in whole


def test_the_report_is_indonesian_from_the_english_window_too(demo, rendered) -> None:
    from app.messages import set_language

    db, sid = demo
    figures, _, _ = rendered
    set_language("en")
    try:
        report = evaluation_report_pdf(db, sid, figures)
    finally:
        set_language("id")
    first = _flat(page_texts(report.data)[0])
    assert "LAPORAN MONITORING DAN EVALUASI" in first and "Temuan" in first
    assert "Findings" not in first and not ENGLISH_DECIMAL.search(first)
