"""``seleksi laptop`` and ``seleksi package``, and the queue they feed (issue #12 §1)."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest

from app.cli import main


def _one(path: Path, sql: str, *params: object) -> tuple:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql, params).fetchone()
    finally:
        connection.close()


@pytest.fixture
def main_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "utama.db"
    assert main(["--db", str(path), "demo", "--participants", "30", "--seed", "4"]) == 0
    capsys.readouterr()
    return path


def test_a_field_day_from_the_terminal(
    main_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    formation, number = _one(
        main_db,
        "SELECT f.code, p.number FROM participant p JOIN formation f ON f.id = p.formation_id"
        " ORDER BY p.number LIMIT 1",
    )
    field = tmp_path / "ruang2.db"
    assert main(["--db", str(main_db), "laptop", "prepare", "--out", str(field),
                 "--name", "Ruang 2", "--formation", formation]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert out.startswith(f"laptop lapangan Ruang 2 disiapkan: {field} (")
    assert main(["--db", str(main_db), "laptop", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "1 laptop lapangan"
    assert lines[1].split("\t")[:3] == ["Ruang 2", formation, "*"]
    assert lines[1].endswith("belum ada paket")

    # On the field laptop: the CAT result of one participant corrected, one withdrawal.
    (stored,) = _one(
        main_db,
        "SELECT s.value_milli FROM score s JOIN participant p ON p.id = s.participant_id"
        " JOIN component c ON c.id = s.component_id WHERE p.number = ? AND c.code = ?",
        number, "PENGETAHUAN",
    )  # fmt: skip
    typed = 55 if stored != 55000 else 56
    values = tmp_path / "nilai.csv"
    values.write_text(f"nomor_peserta,PENGETAHUAN\n{number},{typed}\n", encoding="utf-8")
    assert main(["--db", str(field), "import", "scores", str(values), "--replace",
                 "--reason", "berita acara CAT ruang 2"]) == 0  # fmt: skip
    other = _one(field, "SELECT number FROM participant WHERE number != ? ORDER BY number", number)[
        0
    ]
    assert main(["--db", str(field), "mark", other, "APS", "--reason", "mundur"]) == 0
    package = tmp_path / "ruang2.paket"
    assert main(["--db", str(field), "package", "export", "--out", str(package)]) == 0
    assert "paket laptop Ruang 2 ditulis" in capsys.readouterr().out

    counted = "SELECT (SELECT count(*) FROM participant_mark), (SELECT count(*) FROM device_event)"
    before = _one(main_db, counted)
    assert main(["--db", str(main_db), "package", "import", str(package), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "0 nilai baru" in out and "1 tanda baru" in out and "(uji coba" in out
    assert "1 baris berselisih" in out
    assert _one(main_db, counted) == before  # a dry run writes nothing but the login
    assert main(["--db", str(main_db), "package", "import", str(package)]) == 0
    assert capsys.readouterr().out.strip().endswith("paket digabungkan")
    # The main laptop's own value stays until an admin decides.
    assert _one(
        main_db,
        "SELECT s.value_milli FROM score s JOIN participant p ON p.id = s.participant_id"
        " JOIN component c ON c.id = s.component_id WHERE p.number = ? AND c.code = ?",
        number, "PENGETAHUAN",
    ) == (stored,)  # fmt: skip
    assert main(["--db", str(main_db), "package", "import", str(package)]) == 0
    assert "sudah diterima; tidak ada yang berubah" in capsys.readouterr().out

    assert main(["--db", str(main_db), "review"]) == 0
    out = capsys.readouterr().out
    assert "1 selisih antar-laptop" in out
    (line,) = [row for row in out.splitlines() if row.startswith(f"{number}\t")]
    assert f"Ruang 2: {typed} (ketua)" in line and "laptop utama:" in line

    # Decided by an admin who typed neither value.
    monkeypatch.setattr("sys.stdin", io.StringIO("rahasia-sekretaris\n"))
    assert main(["--db", str(main_db), "user", "add", "sekretaris", "--role", "admin",
                 "--password-stdin"]) == 0  # fmt: skip
    monkeypatch.setenv("SELEKSI_USER", "sekretaris")
    monkeypatch.setenv("SELEKSI_PASSWORD", "rahasia-sekretaris")
    capsys.readouterr()
    assert main(["--db", str(main_db), "resolve", number, "PENGETAHUAN", "Ruang 2",
                 "--reason", "sesuai berita acara CAT"]) == 0  # fmt: skip
    assert "selisih diputuskan" in capsys.readouterr().out
    assert _one(
        main_db,
        "SELECT s.value_milli FROM score s JOIN participant p ON p.id = s.participant_id"
        " JOIN component c ON c.id = s.component_id WHERE p.number = ? AND c.code = ?",
        number, "PENGETAHUAN",
    ) == (typed * 1000,)  # fmt: skip
    assert main(["--db", str(main_db), "audit", "verify"]) == 0
    assert "jejak audit laptop Ruang 2 utuh" in capsys.readouterr().out


def test_a_damaged_package_is_refused_in_words(
    main_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    field = tmp_path / "ruang2.db"
    assert main(["--db", str(main_db), "laptop", "prepare", "--out", str(field),
                 "--name", "Ruang 2"]) == 0  # fmt: skip
    package = tmp_path / "ruang2.paket"
    assert main(["--db", str(field), "package", "export", "--out", str(package)]) == 0
    data = bytearray(package.read_bytes())
    data[len(data) // 2] ^= 0xFF
    package.write_bytes(bytes(data))
    capsys.readouterr()
    assert main(["--db", str(main_db), "package", "import", str(package)]) == 1
    assert "rusak atau telah diubah" in capsys.readouterr().err
    assert main(["--db", str(main_db), "package", "export", "--out", str(package)]) == 1
    assert "bukan laptop lapangan" in capsys.readouterr().err


def test_the_way_back_from_the_terminal(
    main_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    field = tmp_path / "ruang2.db"
    assert main(["--db", str(main_db), "laptop", "prepare", "--out", str(field),
                 "--name", "Ruang 2"]) == 0  # fmt: skip
    (number,) = _one(main_db, "SELECT number FROM participant ORDER BY number LIMIT 1")
    assert (
        main(["--db", str(main_db), "mark", number, "TMS", "--reason", "ijazah tidak sesuai"]) == 0
    )
    back = tmp_path / "untuk-ruang2.paket"
    capsys.readouterr()
    assert main(["--db", str(main_db), "package", "export", "--for-device", "Ruang 2",
                 "--out", str(back)]) == 0  # fmt: skip
    assert capsys.readouterr().out.startswith("paket untuk laptop Ruang 2 ditulis")
    assert main(["--db", str(field), "package", "import", str(back)]) == 0
    out = capsys.readouterr().out
    assert "0 peserta diperbarui, 0 peserta baru, 1 tanda baru" in out
    assert _one(field, "SELECT count(*) FROM participant_mark WHERE kind = 'TMS'") == (1,)
    assert main(["--db", str(field), "package", "import", str(back)]) == 0
    assert "sudah diterima" in capsys.readouterr().out
    assert main(["--db", str(main_db), "package", "export", "--for-device", "Ruang 9",
                 "--out", str(back)]) == 1  # fmt: skip
    assert "Ruang 9 tidak dikenal" in capsys.readouterr().err
