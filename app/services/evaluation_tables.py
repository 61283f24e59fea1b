"""The evaluation's tables as a workbook (``seleksi evaluate --xlsx tabel.xlsx``, issue #13).

One sheet per question, Indonesian headers, numbers kept as numbers (formatted per value, so
Excel in Indonesian settings shows a decimal comma): *Alur* (the flow of each stage), *Sebaran*
(each component's distribution), *Keadilan* (selection rates and impact ratios), *Penilai*
(agreement per component and aspect, and each assessor's deviation), *Validitas*.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .errors import UserError

WHOLE = "(seluruh komponen)"
"""The aspect column of a component's own row."""
RATE = "0.0%"
FIGURE = "0.000"


def write_tables(figures: dict[str, Any], out: Path) -> Path:
    """Write the tables of ``figures`` (``evaluation.evaluation``) to ``out``."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheets = {
        "Alur": ["Tahap", "Ukuran", "Nilai"],
        "Sebaran": ["Tahap", "Komponen", "n", "Rata-rata", "SD", "Q1", "Median", "Q3",
                    "Di sekitar ambang", "Tepat di bawah ambang", "Nilai maksimum"],
        "Keadilan": ["Tahap", "Kelompok", "Tingkat", "Pelamar", "Terpilih", "Tingkat terpilih",
                     "Rasio dampak", "p Fisher", "Terlalu kecil"],
        "Penilai": ["Tahap", "Komponen", "Aspek", "Penilai", "ICC(2,1)", "ICC(2,k)",
                    "IK 95% bawah", "IK 95% atas", "Alpha Krippendorff", "Selisih", "n"],
        "Validitas": ["Komponen", "rho Spearman", "n", "IK 95% bawah", "IK 95% atas", "p"],
    }  # fmt: skip
    first = True
    for title, header in sheets.items():
        sheet = book.active if first else book.create_sheet()
        first = False
        assert sheet is not None
        sheet.title = title
        sheet.append(header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
    for code, stage in figures.get("stages", {}).items():
        _flow(book["Alur"], code, stage["flow"])
        for component, found in stage["distributions"].items():
            q1, q2, q3 = found["quartiles"]
            append_row(book["Sebaran"], [code, component, found["n"], found["mean"], found["sd"],
                                   q1, q2, q3, found["near_threshold"],
                                   found["just_below_threshold"], found["at_maximum"]],
                 {8: RATE, 9: RATE, 10: RATE})  # fmt: skip
        for group, found in stage["fairness"].items():
            for level, counts in found["levels"].items():
                append_row(book["Keadilan"], [code, group, level, counts["applicants"],
                                        counts["selected"], counts["rate"],
                                        found["impact_ratio"], found["fisher_p"],
                                        "ya" if level in found["too_small"] else ""],
                     {5: RATE, 6: FIGURE, 7: FIGURE})  # fmt: skip
        for component, found in stage["components"].items():
            _agreement(book["Penilai"], code, component, WHOLE, found)
            for aspect, inner in found.get("aspects", {}).items():
                _agreement(book["Penilai"], code, component, aspect, inner)
    for component, found in figures.get("validity", {}).items():
        low, high = found["ci95"] or (None, None)
        append_row(book["Validitas"], [component, found["rho"], found["n"], low, high, found["p"]],
             {1: FIGURE, 3: FIGURE, 4: FIGURE, 5: FIGURE})  # fmt: skip
    return save_workbook(book, out)


def save_workbook(book: Any, out: Path) -> Path:
    """Columns as wide as their widest cell (10 to 60 characters), then the file; a file that
    cannot be written is a ``UserError`` naming it."""
    from openpyxl.utils import get_column_letter

    for sheet in book.worksheets:
        for index, column in enumerate(sheet.columns, start=1):
            width = max(len(str(cell.value or "")) for cell in column)
            sheet.column_dimensions[get_column_letter(index)].width = min(60, max(10, width + 2))
    try:
        book.save(out)
    except OSError as error:
        raise UserError("cli.cannot_write", path=out, detail=error.strerror) from error
    return out


def append_row(sheet: Any, values: list[Any], formats: dict[int, str] | None = None) -> None:
    """One row, each number kept a number, in the column formats given (by index)."""
    sheet.append(values)
    for index, number_format in (formats or {}).items():
        sheet.cell(row=sheet.max_row, column=index + 1).number_format = number_format


def _flow(sheet: Any, code: str, flow: dict[str, Any]) -> None:
    plain = {
        "Terdaftar": flow["registered"],
        "Hadir": flow["present"],
        "Tidak hadir": flow["absent"],
        "Kebutuhan": flow["seats"]["kebutuhan"],
        "Dalam kuota": flow["seats"]["within_quota"],
        "Formasi tanpa peserta lolos": len(flow["empty_formations"]),
    }
    for name, value in plain.items():
        append_row(sheet, [code, name, value])
    for mark, count in flow["marked"].items():
        append_row(sheet, [code, f"Tanda {mark}", count])
    for component, count in flow["passed_threshold"].items():
        append_row(sheet, [code, f"Lolos ambang {component}", count])
    for level, counts in flow.get("education", {}).items():  # per jenjang pendidikan
        append_row(sheet, [code, f"Terdaftar, pendidikan {level}", counts["registered"]])
        append_row(sheet, [code, f"Dalam kuota, pendidikan {level}", counts["selected"]])


def _agreement(sheet: Any, code: str, component: str, aspect: str, found: dict[str, Any]) -> None:
    low, high = found["ci95"] or (None, None)
    append_row(sheet, [code, component, aspect, "", found["icc2_1"], found["icc2_k"], low, high,
                 found["krippendorff_alpha"], None, found["n_participants"]],
         {4: FIGURE, 5: FIGURE, 6: FIGURE, 7: FIGURE, 8: FIGURE})  # fmt: skip
    for name, assessor in found["assessors"].items():
        append_row(sheet, [code, component, aspect, name, None, None, None, None, None,
                     assessor["deviation"], assessor["n"]], {9: FIGURE})  # fmt: skip
