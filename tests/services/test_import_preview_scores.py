"""Guessing a score file's columns from the selection's scheme (issue #10 §4)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from app.scoring import Aspect
from app.services.actor import Actor
from app.services.database import Database
from app.services.import_preview import (
    ALL_STAGES,
    LONG_FORM,
    WIDE_FORM,
    guess_mapping,
    header_key,
    preview_file,
    preview_scores,
    score_layout,
)
from app.services.participants_import import import_formations, import_participants
from app.services.schemes import load_preset_or_file
from app.services.scores_import import import_scores
from app.services.tabular import normalize_header

CPNS = score_layout(load_preset_or_file("cpns-2024"))


def normalized(*headers: str) -> list[str]:
    """Headers as ``read_table`` gives them."""
    return [normalize_header(h) for h in headers]


def test_header_keys_ignore_case_spacing_and_punctuation() -> None:
    assert header_key("No. Peserta") == header_key("no_peserta") == header_key("NO  PESERTA")
    assert header_key("Sikap & Etika") == "sikapetika"


def test_codes_names_and_filler_words_are_recognised() -> None:
    headers = normalized(
        "No. Peserta", "Nama", "Nilai TWK", "Tes Intelegensia Umum", "TKP (maks. 225)", "No"
    )
    assert CPNS.guess(headers, WIDE_FORM, "SKD") == {
        "no._peserta": "nomor_peserta",
        "nilai_twk": "TWK",
        "tes_intelegensia_umum": "TIU",
        "tkp_(maks._225)": "TKP",
    }
    # A name without its "Tes", an aspect by its name or as "component aspect".
    assert CPNS.guess(
        normalized("nomor", "Wawasan Kebangsaan", "Praktik Teknis", "Sikap & etika", "Komunikasi"),
        WIDE_FORM,
    ) == {
        "nomor": "nomor_peserta",
        "wawasan_kebangsaan": "TWK",
        "praktik_teknis": "PRAKTIK.TEKNIS",
        "sikap_&_etika": "PRAKTIK.SIKAP",
        "komunikasi": "PRAKTIK.KOMUNIKASI",
    }


def test_an_aspect_code_alone_yields_to_a_component_of_that_code() -> None:
    scheme = load_preset_or_file("cpns-2024")
    skd, akhir = scheme.stages
    twk = skd.components[0]
    practice = akhir.components[1]
    twisted = replace(
        practice, aspects=(*practice.aspects, Aspect(code="TWK", name="Wawasan", weight=Decimal(0)))
    )
    layout = score_layout(
        replace(scheme, stages=(skd, replace(akhir, components=(akhir.components[0], twisted))))
    )
    assert twk.code == "TWK"
    assert layout.guess(["twk", "praktik.twk"], WIDE_FORM) == {
        "twk": "TWK",
        "praktik.twk": "PRAKTIK.TWK",
    }


def test_a_row_counter_or_a_filler_word_alone_is_no_column() -> None:
    assert CPNS.guess(normalized("No", "No. Urut", "Nilai", "Tes"), WIDE_FORM) == {}
    assert guess_mapping(normalized("No", "No Ujian"), ("nomor_peserta",)) == {
        "no_ujian": "nomor_peserta"
    }


def test_each_column_and_header_is_used_once_and_a_shared_name_guesses_nothing() -> None:
    assert CPNS.guess(normalized("TWK", "Nilai TWK"), WIDE_FORM, "SKD") == {"twk": "TWK"}
    shared = {"A": ("Keterampilan",), "B": ("Keterampilan",)}
    assert guess_mapping(["keterampilan"], ("A", "B"), shared) == {}
    assert guess_mapping(["a", "keterampilan"], ("A", "B"), shared) == {"a": "A"}


def test_columns_of_a_stage_of_all_stages_and_of_the_long_form() -> None:
    required, expected = CPNS.columns(WIDE_FORM, "SKD")
    assert required == ("nomor_peserta",)
    assert expected == ("nomor_peserta", "penilai", "TWK", "TIU", "TKP")
    assert "PRAKTIK.KOMUNIKASI" in CPNS.columns(WIDE_FORM, ALL_STAGES)[1]
    assert CPNS.columns(LONG_FORM) == (
        ("nomor_peserta", "komponen", "nilai"),
        ("nomor_peserta", "komponen", "nilai", "penilai"),
    )
    assert CPNS.labels()["PRAKTIK.SIKAP"] == "Tes Praktik Kerja – Sikap & etika"


def test_form_and_stage_are_guessed_from_the_headers() -> None:
    assert CPNS.guess_form(normalized("No Peserta", "Kode Komponen", "Skor")) == LONG_FORM
    assert CPNS.guess_form(normalized("No Peserta", "Nilai")) == LONG_FORM
    assert CPNS.guess_form(normalized("No Peserta", "TWK", "Nilai")) == WIDE_FORM
    assert CPNS.guess_stage(normalized("No Peserta", "CAT SKB")) == "AKHIR"
    assert CPNS.guess_stage(normalized("No Peserta", "TWK", "CAT SKB")) == ALL_STAGES
    assert CPNS.guess_stage(normalized("No Peserta", "Keterangan")) == "SKD"


def test_a_preview_of_a_score_file_reads_the_scheme_and_its_mapping_imports(
    db: Database,
    actor: Actor,
    make_selection: Callable,
    write_csv: Callable,
    tmp_path: Path,
) -> None:
    info = make_selection("binjai-kompetensi")
    formations = write_csv(
        tmp_path / "f.csv", ["kode_formasi", "jabatan", "kebutuhan"], [["F1", "Perawat", 1]]
    )
    import_formations(db, actor, info.id, formations)
    people = write_csv(
        tmp_path / "p.csv",
        ["nomor_peserta", "nama", "tanggal_lahir", "kode_formasi"],
        [["001", "Siti", "1990-05-01", "F1"]],
    )
    import_participants(db, actor, info.id, people)
    path = write_csv(
        tmp_path / "n.csv",
        ["No. Peserta", "Nama", "Tes Pengetahuan", "Psikotes"],
        [["001", "Siti", "75", "80"]],
    )
    preview = preview_scores(db, info.id, path)
    assert (preview.form, preview.stage) == (WIDE_FORM, "AKHIR")
    assert preview.mapping == {
        "no._peserta": "nomor_peserta",
        "tes_pengetahuan": "PENGETAHUAN",
        "psikotes": "PSIKOTES",
    }
    assert preview.labels["PENGETAHUAN"] == "Tes Pengetahuan (CAT)"
    assert preview.scores is not None and preview.expected[:2] == ("nomor_peserta", "penilai")
    # Without the scheme the file is only shown, as before.
    assert preview_file(path, "scores").mapping == {}
    # The unmapped "nama" is left out (""), as the wizard does.
    columns = {header: preview.mapping.get(header, "") for header in preview.headers}
    summary = import_scores(db, actor, info.id, path, columns=columns)
    assert summary.added == 2
