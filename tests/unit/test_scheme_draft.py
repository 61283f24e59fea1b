"""The scheme editor's draft without Qt: an edit changes the scheme and its problems by key."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from app.messages import language, set_language
from app.scoring.presets import load_scheme_file
from app.scoring.scheme import Scheme
from app.scoring.scheme_file import scheme_from_mapping, scheme_to_mapping
from app.ui.scheme_editor.draft import SchemeDraft, decimal_text, free_code, problem_place

ROOT = Path(__file__).resolve().parents[2]
PRESETS = ROOT / "resources" / "schemes"


def preset(name: str) -> Scheme:
    return load_scheme_file(PRESETS / f"{name}.toml")


@pytest.fixture(autouse=True)
def indonesian() -> Iterator[None]:
    """Problem texts in the default language, whatever an earlier test switched to."""
    before = language()
    set_language("id")
    yield
    set_language(before)


@pytest.fixture
def binjai() -> SchemeDraft:
    return SchemeDraft(preset("binjai-kompetensi"))


@pytest.fixture
def cpns() -> SchemeDraft:
    return SchemeDraft(preset("cpns-2024"))


def keys(draft: SchemeDraft) -> list[str]:
    return [key for key, _text in draft.problems]


def test_the_draft_module_imports_no_qt() -> None:
    code = (
        "import sys, app.ui.scheme_editor.draft\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


@pytest.mark.parametrize("name", ["cpns-2024", "pppk-2024", "binjai-kompetensi"])
def test_a_preset_round_trips_through_the_draft(name: str) -> None:
    scheme = preset(name)
    draft = SchemeDraft.from_mapping(scheme_to_mapping(scheme))
    assert draft.scheme == scheme
    assert draft.problems == [] and not draft.dirty
    assert scheme_from_mapping(draft.to_mapping()) == scheme


def test_a_weight_that_breaks_the_sum_is_a_problem_of_the_stage(binjai: SchemeDraft) -> None:
    stage = binjai.stage
    assert stage is not None and [c.weight for c in stage.components] == [40, 35, 25]
    binjai.set_component(0, replace(stage.components[0], weight=Decimal("45.5")))
    # 45.5 + 35 + 25 = 105.5
    assert binjai.problems == [("stages[0].components", "jumlah bobot harus 100, sekarang 105,5")]
    assert binjai.dirty
    binjai.set_component(1, replace(stage.components[1], weight=Decimal("29.5")))
    assert binjai.problems == []
    weights = [c["weight"] for c in binjai.to_mapping()["stages"][0]["components"]]
    assert [Decimal(str(w)) for w in weights] == [Decimal("45.5"), Decimal("29.5"), 25]


def test_a_problem_says_where_it_is_in_words() -> None:
    """Component and aspect names, not ``stages[0].components[1].aspects`` (issue #10 §6)."""
    cpns = preset("cpns-2024")
    akhir = cpns.stages[1]
    praktik = next(i for i, c in enumerate(akhir.components) if c.aspects)
    component = akhir.components[praktik]
    key = f"stages[1].components[{praktik}].aspects[1].weight"
    assert problem_place(cpns, key) == (
        f"Tahap {akhir.name} › komponen {component.name} › aspek {component.aspects[1].name}"
        " › bobot"
    )
    assert problem_place(cpns, "stages[0].codes.below_threshold") == (
        f"Tahap {cpns.stages[0].name} › kode di bawah ambang batas"
    )
    assert problem_place(cpns, "stages[1].ranking[2]") == (
        f"Tahap {akhir.name} › urutan peringkat ke-3"
    )
    assert problem_place(cpns, "kind") == "jenis"
    # A key past the end (a row just removed) still reads, by position.
    assert problem_place(cpns, "stages[5].name") == "Tahap 6 › nama"
    set_language("en")
    assert problem_place(cpns, "stages[0].components[0].max") == (
        f"Stage {cpns.stages[0].name} › component {cpns.stages[0].components[0].name} › maximum"
    )


def test_a_threshold_outside_the_range_is_marked_at_its_cell(binjai: SchemeDraft) -> None:
    stage = binjai.stage
    assert stage is not None
    binjai.set_component(2, replace(stage.components[2], threshold=Decimal(120)))
    assert binjai.problems == [
        ("stages[0].components[2].threshold", "ambang batas 120 di luar rentang 0–100")
    ]
    cells = binjai.marks.items_under("stages[0]", "components", {"code", "threshold"})
    assert cells == {(2, "threshold"): ["ambang batas 120 di luar rentang 0–100"]}
    assert binjai.marks.count_under("stages[0]") == 1


def test_a_blank_stage_code_is_required_and_a_new_one_is_upper_case(binjai: SchemeDraft) -> None:
    assert binjai.set_stage_code("  ") == ""
    assert "stages[0].code" in keys(binjai)
    assert binjai.set_stage_code(" akhir ") == "AKHIR"
    assert binjai.problems == [] and not binjai.dirty


def test_renaming_a_stage_renames_the_link_of_the_stage_that_integrates_it(
    cpns: SchemeDraft,
) -> None:
    cpns.set_stage_code("tkd")
    final = cpns.scheme.stages[1] if cpns.scheme else None
    assert final is not None and final.integrates == "TKD"
    assert final.ranking == ("NILAI_AKHIR", "TKD", "TKP", "TIU", "TWK", "IPK", "USIA")
    assert cpns.problems == []


def test_renaming_a_component_renames_its_ranking_key_in_both_stages(cpns: SchemeDraft) -> None:
    stage = cpns.stage
    assert stage is not None and stage.components[2].code == "TKP"
    cpns.set_component(2, replace(stage.components[2], code="TKP2"))
    assert cpns.scheme is not None
    assert cpns.scheme.stages[0].ranking == ("NILAI_AKHIR", "TKP2", "TIU", "TWK")
    assert cpns.scheme.stages[1].ranking[2] == "TKP2"
    assert cpns.problems == []


def test_text_that_is_not_a_number_blocks_until_corrected_or_the_stage_changes(
    cpns: SchemeDraft,
) -> None:
    cpns.choose_stage(1)
    assert cpns.integrated_stage is not None and cpns.integrated_stage.code == "SKD"
    assert not cpns.set_integrate_weight("empat puluh")
    assert cpns.problems == [("stages[1].integrate_weight", "'empat puluh' bukan angka.")]
    assert not cpns.dirty  # the stored 40 stays in the scheme
    assert cpns.set_integrate_weight("100")
    assert cpns.problems == [
        ("stages[1].integrate_weight", "harus lebih dari 0 dan kurang dari 100")
    ]
    assert not cpns.set_integrate_weight("x")
    assert len(cpns.problems) == 2
    cpns.choose_stage(0)
    assert keys(cpns) == ["stages[1].integrate_weight"]  # the rule problem, not the text
    cpns.choose_stage(1)
    assert cpns.set_integrate_weight("40")
    assert cpns.problems == [] and not cpns.dirty


def test_a_new_aspect_without_weight_is_a_problem_shown_on_its_component(
    binjai: SchemeDraft,
) -> None:
    assert binjai.add_aspect(1, "Kerapian") == 4
    assert binjai.problems == [
        ("stages[0].components[1].aspects[4].weight", "bobot harus lebih dari 0")
    ]
    component = binjai.component(1)
    assert component is not None and component.aspects[4].code == "ASPEK1"
    assert binjai.marks.items_under("stages[0]", "components", {"code", "weight"}) == {
        (1, "code"): ["aspects[4].weight: bobot harus lebih dari 0"]
    }
    binjai.set_aspect(1, 4, replace(component.aspects[4], weight=Decimal(10)))
    # 40 + 20 + 20 + 20 + 10 = 110
    assert binjai.problems == [
        ("stages[0].components[1].aspects", "jumlah bobot harus 100, sekarang 110")
    ]
    binjai.remove_aspect(1, 4)
    assert binjai.problems == [] and not binjai.dirty


def test_the_ranking_needs_the_final_score(binjai: SchemeDraft) -> None:
    assert binjai.set_ranking(("PRAKTIK", "PENGETAHUAN"))
    assert binjai.problems == [("stages[0].ranking", "urutan peringkat harus memuat NILAI_AKHIR")]
    assert not binjai.set_ranking(("PRAKTIK", "PENGETAHUAN"))  # nothing changed
    assert binjai.set_ranking(("NILAI_AKHIR", "PRAKTIK", "PENGETAHUAN", "PSIKOTES", "USIA"))
    assert not binjai.dirty


def test_a_blank_status_code_is_required(binjai: SchemeDraft) -> None:
    assert binjai.set_code("absent", " ")
    assert binjai.problems == [("stages[0].codes.absent", "harus berupa teks yang tidak kosong")]
    assert binjai.marks.count_under("stages[0].codes") == 1


def test_stages_and_components_are_added_and_removed(binjai: SchemeDraft) -> None:
    saved = binjai.saved
    assert saved is not None
    binjai.add_stage("Tahap baru", "Komponen baru")
    assert binjai.stage_row == 1 and binjai.stage is not None
    assert binjai.stage.code == "TAHAP1"
    assert [c.code for c in binjai.stage.components] == ["KOMPONEN1"]
    assert binjai.stage.codes == saved.stages[0].codes
    assert binjai.problems == []
    assert binjai.add_component("Komponen baru") == 1
    # KOMPONEN2 has weight 0: 100 + 0 still sums to 100, but a weighted component needs one.
    assert keys(binjai) == ["stages[1].components[1].weight"]
    assert binjai.remove_component(1) == "KOMPONEN2"
    binjai.remove_stage()
    assert binjai.stage_row == 0 and binjai.scheme == saved and not binjai.dirty


def test_loading_keeps_the_stage_row_while_it_exists(cpns: SchemeDraft) -> None:
    cpns.choose_stage(1)
    cpns.load(preset("cpns-2024"))
    assert cpns.stage_row == 1
    cpns.load(preset("binjai-kompetensi"))
    assert cpns.stage_row == 0
    cpns.load(None)
    assert cpns.stage is None and cpns.problems == [] and not cpns.dirty


def test_stored_makes_the_edited_scheme_the_saved_one(binjai: SchemeDraft) -> None:
    binjai.edit_stage(name="Seleksi kompetensi")
    assert binjai.dirty
    assert binjai.scheme is not None
    binjai.stored(binjai.scheme)
    assert not binjai.dirty


def test_numbers_are_written_the_way_the_user_types_them() -> None:
    assert decimal_text(Decimal("62.5")) == "62,5"
    assert decimal_text(None) == ""
    set_language("en")
    assert decimal_text(Decimal("62.5")) == "62.5"
    assert free_code("TAHAP", {"TAHAP1", "TAHAP3"}) == "TAHAP2"
