"""The command-line contract (issue #2 §4): exit codes, messages, and the rank formats."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from app.cli import main

ROOT = Path(__file__).resolve().parents[2]
WriteCsv = Callable[..., Path]
Cli = Callable[..., tuple[int, str, str]]

FORMATION_HEADER = ["kode_formasi", "jabatan", "unit_kerja", "pendidikan", "kebutuhan"]
PARTICIPANT_HEADER = ["nomor_peserta", "nama", "tanggal_lahir", "kode_formasi"]
NUMBER = re.compile(r"[0-9]+\.[0-9]{3}")

# 102 and 101 are equal on the SKD total (and on the final value) and TKP; TIU orders them, and
# ``catatan`` says so (issue #10 §3).
SKD_CSV = """\
tahap,kode_formasi,peringkat,nomor_peserta,nama,TWK,TIU,TKP,nilai_akhir,kode,catatan
SKD,C1,1,102,Peserta 102,90.000,110.000,180.000,380.000,P/L,nilai sama — menurut TIU
SKD,C1,2,101,Peserta 101,100.000,100.000,180.000,380.000,P/L,nilai sama — menurut TIU
SKD,C1,3,103,Peserta 103,85.000,90.000,170.000,345.000,P/L,
SKD,C1,4,104,Peserta 104,80.000,85.000,170.000,335.000,P,
SKD,C1,,105,Peserta 105,60.000,100.000,180.000,340.000,TL,
SKD,C1,,106,Peserta 106,TH,100.000,180.000,,TH,
SKD,C2,1,201,Peserta 201,100.000,100.000,200.000,400.000,P/L,
SKD,C2,2,205,Peserta 205,100.000,100.000,190.000,390.000,P/L,
"""

FINAL_CSV = """\
tahap,kode_formasi,peringkat,nomor_peserta,nama,SKD,CAT_SKB,PRAKTIK,nilai_akhir,kode,catatan
AKHIR,C1,1,103,Peserta 103,345.000,450.000,87.500,78.491,P/L,
AKHIR,C1,2,102,Peserta 102,380.000,400.000,80.000,75.636,P/TL,nilai sama — menurut TIU
AKHIR,C1,3,101,Peserta 101,380.000,400.000,80.000,75.636,P/TL,nilai sama — menurut TIU
AKHIR,C2,1,205,Peserta 205,390.000,350.000,76.500,71.924,P/L,
AKHIR,C2,,201,Peserta 201,400.000,350.000,TH,,P/TH,
"""


@pytest.fixture
def cli(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    """``cli("rank", ...)`` runs ``main`` in this process on the test's database."""

    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(["--db", str(db_path), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def spawn(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """``python main.py ARGS`` from the project folder, as a user would type it."""
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def ok(result: tuple[int, str, str]) -> str:
    code, out, err = result
    assert (code, err) == (0, "")
    return out


@pytest.fixture
def cpns(cli: Cli, tmp_path: Path, write_csv: WriteCsv) -> Cli:
    """A CPNS selection set up through the CLI: C2 is listed first, participants shuffled."""
    ok(cli("init", "--scheme", "cpns-2024", "--name", "CPNS Kota Binjai 2024", "--year", "2024"))
    formations = [["C2", "Dokter", "RSUD", "S1", 1], ["C1", "Analis", "BKPSDM", "S1", 1]]
    numbers = ["205", "201", "106", "105", "104", "103", "102", "101"]
    people = [[n, f"Peserta {n}", "1995-05-05", "C1" if n < "200" else "C2"] for n in numbers]
    skd = [
        ["101", 100, 100, 180],
        ["102", 90, 110, 180],
        ["103", 85, 90, 170],
        ["104", 80, 85, 170],
        ["105", 60, 100, 180],
        ["106", "TH", 100, 180],
        ["201", 100, 100, 200],
        ["205", 100, 100, 190],
    ]
    skb = [
        *([n, c, v, p] for n in ("101", "102") for c, v, p in (("CAT_SKB", 400, ""),)),
        *([n, "PRAKTIK", 80, p] for n in ("101", "102") for p in ("A", "B")),
        ["103", "CAT_SKB", 450, ""],
        ["103", "PRAKTIK", 90, "A"],
        ["103", "PRAKTIK", 85, "B"],
        ["201", "CAT_SKB", 350, ""],
        ["201", "PRAKTIK", "TH", "A"],
        ["201", "PRAKTIK", 80, "B"],
        ["205", "CAT_SKB", 350, ""],
        ["205", "PRAKTIK", 77, "A"],
        ["205", "PRAKTIK", 76, "B"],
    ]
    files = {
        "formations": write_csv(tmp_path / "formasi.csv", FORMATION_HEADER, formations, ";"),
        "participants": write_csv(tmp_path / "peserta.csv", PARTICIPANT_HEADER, people),
        "skd": write_csv(tmp_path / "skd.csv", ["nomor_peserta", "TWK", "TIU", "TKP"], skd),
        "skb": write_csv(
            tmp_path / "skb.csv", ["nomor_peserta", "komponen", "nilai", "penilai"], skb
        ),
    }
    assert ok(cli("import", "formations", str(files["formations"]))) == (
        "formasi: 2 baru, 0 diperbarui\n"
    )
    assert ok(cli("import", "participants", str(files["participants"]))) == (
        "peserta: 8 baru, 0 diperbarui\n"
    )
    assert ok(cli("import", "scores", str(files["skd"]))) == "nilai: 24 baru, 0 diganti\n"
    assert ok(cli("import", "scores", str(files["skb"]))) == "nilai: 15 baru, 0 diganti\n"
    return cli


def parse_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def contract_order(row: dict[str, str]) -> tuple[str, int, int, str]:
    if row["peringkat"]:
        return (row["kode_formasi"], 0, int(row["peringkat"]), "")
    return (row["kode_formasi"], 1, 0, row["nomor_peserta"])


@pytest.mark.parametrize(("stage", "expected"), [("SKD", SKD_CSV), ("akhir", FINAL_CSV)])
def test_rank_csv_is_exactly_the_contract(cpns: Cli, stage: str, expected: str) -> None:
    text = ok(cpns("rank", "--stage", stage, "--format", "csv"))
    assert text == expected
    rows = parse_csv(text)
    assert rows == sorted(rows, key=contract_order)
    header = text.splitlines()[0].split(",")
    scores = header[header.index("nama") + 1 : header.index("kode")]
    for row in rows:
        for column in scores:
            assert row[column] in ("", "TH") or NUMBER.fullmatch(row[column]), (column, row)
        assert row["peringkat"] == "" or row["peringkat"].isdigit()
        assert (row["peringkat"] == "") == (row["kode"] not in ("P/L", "P", "P/TL"))


def test_rank_defaults_to_the_last_stage_and_table_format(cpns: Cli) -> None:
    assert ok(cpns("rank", "--format", "csv")) == FINAL_CSV
    table = ok(cpns("rank")).splitlines()
    assert table[0].split() == FINAL_CSV.splitlines()[0].split(",")
    assert set(table[1]) <= {"-", " "}
    assert table[2].split() == [
        "AKHIR",
        "C1",
        "1",
        "103",
        "Peserta",
        "103",
        "345.000",
        "450.000",
        "87.500",
        "78.491",
        "P/L",
    ]
    rows = len(FINAL_CSV.splitlines()) - 1
    assert table[2 + rows] == ""  # then the legend of the codes, as in the window and the PDF
    assert table[3 + rows] == "Keterangan kode:"
    assert table[4 + rows].split(None, 1) == ["P/L", "lulus, dalam kebutuhan formasi"]


def test_rank_json_has_the_same_keys_and_values(cpns: Cli) -> None:
    for stage in ("SKD", "AKHIR"):
        rows = parse_csv(ok(cpns("rank", "--stage", stage, "--format", "csv")))
        items = json.loads(ok(cpns("rank", "--stage", stage, "--format", "json")))
        assert isinstance(items, list)
        assert len(items) == len(rows)
        for item, row in zip(items, rows, strict=True):
            assert list(item) == list(row)
            for key, value in item.items():
                if key == "peringkat":
                    assert value == (int(row[key]) if row[key] else None)
                else:
                    assert ("" if value is None else value) == row[key]


def test_rank_out_writes_the_file_and_prints_nothing(cpns: Cli, tmp_path: Path) -> None:
    target = tmp_path / "hasil" / "akhir.csv"
    target.parent.mkdir()
    assert cpns("rank", "--format", "csv", "--out", str(target)) == (0, "", "")
    assert target.read_text(encoding="utf-8") == FINAL_CSV
    json_target = tmp_path / "hasil" / "skd.json"
    assert cpns("rank", "--stage", "SKD", "--format", "json", "--out", str(json_target))[1] == ""
    assert [i["nomor_peserta"] for i in json.loads(json_target.read_text(encoding="utf-8"))] == [
        "102",
        "101",
        "103",
        "104",
        "105",
        "106",
        "201",
        "205",
    ]


def test_rank_out_to_a_folder_is_a_user_error(cpns: Cli, tmp_path: Path) -> None:
    code, out, err = cpns("rank", "--format", "csv", "--out", str(tmp_path))
    assert (code, out) == (1, "")
    assert err.startswith("seleksi: tidak dapat menulis")
    assert len(err.splitlines()) == 1


def test_rank_formation_filter(cpns: Cli) -> None:
    text = ok(cpns("rank", "--formation", "c2", "--format", "csv"))
    assert text.splitlines() == [FINAL_CSV.splitlines()[0], *FINAL_CSV.splitlines()[-2:]]
    code, out, err = cpns("rank", "--formation", "X9")
    assert (code, out, err) == (1, "", "seleksi: formasi 'X9' tidak ada\n")
    code, _out, err = cpns("rank", "--stage", "SKB")
    assert code == 1
    assert err == "seleksi: tahap 'SKB' tidak ada (pilihan: SKD, AKHIR)\n"


def test_selection_option_picks_a_selection(cpns: Cli) -> None:
    ok(cpns("init", "--scheme", "binjai-kompetensi", "--name", "Kompetensi"))
    listing = ok(cpns("selections")).splitlines()
    assert [line.split("\t")[:2] for line in listing] == [
        ["1", "CPNS Kota Binjai 2024"],
        ["2", "Kompetensi"],
    ]
    assert listing[0].endswith("2 formasi, 8 peserta")
    latest = ok(cpns("rank", "--format", "csv"))
    assert latest.splitlines() == [
        "tahap,kode_formasi,peringkat,nomor_peserta,nama,PENGETAHUAN,PRAKTIK,PSIKOTES,"
        "nilai_akhir,kode,catatan"
    ]
    assert ok(cpns("--selection", "1", "rank", "--format", "csv")) == FINAL_CSV
    code, out, err = cpns("--selection", "7", "rank")
    assert (code, out, err) == (1, "", "seleksi: seleksi dengan ID 7 tidak ada\n")


def test_bad_rows_are_listed_one_line_each(
    cpns: Cli, tmp_path: Path, write_csv: WriteCsv, db_path: Path, data_dump: Callable[[Path], str]
) -> None:
    path = write_csv(
        tmp_path / "nilai.csv",
        ["nomor_peserta", "komponen", "nilai", "penilai"],
        [
            ["101", "CAT_SKB", "401", ""],
            ["101", "CAT_SKB", "501", ""],
            ["999", "CAT_SKB", "300", ""],
            ["104", "CAT_SKB", "300", ""],
            ["102", "PRAKTIK", "80", ""],
            ["102", "WAWANCARA", "30", ""],
        ],
    )
    before = data_dump(db_path)
    code, out, err = cpns("import", "scores", str(path))
    assert (code, out) == (1, "")
    assert data_dump(db_path) == before
    lines = err.splitlines()
    assert lines[0] == "nilai.csv: impor dibatalkan, 4 masalah; database tidak diubah:"
    assert lines[1:] == [
        "nilai.csv: baris 3, kolom nilai: '501' di luar rentang 0–500",
        "nilai.csv: baris 4, kolom nomor_peserta: nomor peserta '999' tidak terdaftar",
        "nilai.csv: baris 6, kolom penilai: komponen PRAKTIK dinilai oleh 2 penilai;"
        " isi kolom penilai",
        "nilai.csv: baris 7, kolom komponen: komponen 'WAWANCARA' tidak dikenal"
        " (yang dikenal: TWK, TIU, TKP, CAT_SKB, PRAKTIK (PRAKTIK.TEKNIS, PRAKTIK.KETEPATAN,"
        " PRAKTIK.SIKAP, PRAKTIK.KOMUNIKASI))",
    ]
    assert "Traceback" not in err
    # Once the other rows are right, the one for a participant who did not pass SKD remains.
    path = write_csv(
        tmp_path / "nilai.csv",
        ["nomor_peserta", "komponen", "nilai", "penilai"],
        [["101", "CAT_SKB", "401", ""], ["104", "CAT_SKB", "300", ""]],
    )
    code, out, err = cpns("import", "scores", str(path))
    assert (code, out) == (1, "")
    assert err.splitlines()[1:] == [
        "nilai.csv: baris 3, kolom nomor_peserta: peserta 104 tidak lolos ke tahap AKHIR"
        " (kode SKD: P)"
    ]
    assert data_dump(db_path) == before


def test_cli_records_the_logged_in_user(cpns: Cli, db_path: Path) -> None:
    connection = sqlite3.connect(db_path)
    try:
        authors = {row[0] for row in connection.execute("SELECT DISTINCT entered_by FROM score")}
    finally:
        connection.close()
    assert authors == {"ketua"}  # SELEKSI_USER (tests/cli/conftest.py), never the OS login


def test_mark(cpns: Cli) -> None:
    assert ok(cpns("mark", "103", "aps", "--reason", "mengundurkan diri", "--stage", "AKHIR")) == (
        "peserta 103 ditandai APS mulai tahap AKHIR\n"
    )
    final = parse_csv(ok(cpns("rank", "--format", "csv")))
    assert [
        (r["nomor_peserta"], r["peringkat"], r["kode"]) for r in final if r["kode_formasi"] == "C1"
    ] == [
        ("102", "1", "P/L"),
        ("101", "2", "P/TL"),
        ("103", "", "APS"),
    ]
    assert ok(cpns("mark", "104", "TMS", "--reason", "ijazah")) == (
        "peserta 104 ditandai TMS mulai tahap SKD\n"
    )
    assert cpns("mark", "104", "TMS", "--reason", "lagi") == (
        1,
        "",
        "seleksi: peserta 104 sudah bertanda TMS pada tahap SKD\n",
    )
    assert cpns("mark", "777", "DIS", "--reason", "joki")[2] == (
        "seleksi: peserta '777' tidak terdaftar\n"
    )
    assert cpns("mark", "101", "DIS", "--reason", " ")[2] == "seleksi: alasan wajib diisi\n"


def test_user_add_without_a_terminal_says_how_to_give_the_password(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, db_path: Path
) -> None:
    # A script that forgot --password-stdin used to die with "unexpected error ()" (issue #8).
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, out, err = cli("user", "add", "ketua", "--role", "admin")
    assert (code, out) == (1, "")
    assert err == (
        "seleksi: kata sandi diperlukan, tetapi tidak ada terminal untuk mengetiknya:"
        " berikan dengan --password-stdin\n"
    )
    connection = sqlite3.connect(db_path)
    assert connection.execute("SELECT count(*) FROM app_user").fetchone() == (0,)
    connection.close()


def test_user_add_and_list(cli: Cli, monkeypatch: pytest.MonkeyPatch, db_path: Path) -> None:
    # The first account of a new file needs no login; every later one is an admin's.
    monkeypatch.setattr("sys.stdin", io.StringIO("rahasia-ketua\n"))
    assert ok(cli("user", "add", "ketua", "--role", "admin", "--password-stdin")) == (
        "pengguna ketua (admin) ditambahkan\n"
    )
    monkeypatch.setattr("sys.stdin", io.StringIO("rahasia-123\n"))
    assert ok(cli("user", "add", "siti", "--role", "operator", "--password-stdin")) == (
        "pengguna siti (operator) ditambahkan\n"
    )
    monkeypatch.setattr("sys.stdin", io.StringIO("pendek\n"))
    assert cli("user", "add", "budi", "--role", "penilai", "--password-stdin") == (
        1,
        "",
        "seleksi: kata sandi paling sedikit 8 karakter\n",
    )
    monkeypatch.setattr("sys.stdin", io.StringIO("rahasia-456\n"))
    assert cli("user", "add", "siti", "--role", "admin", "--password-stdin")[0] == 1
    assert ok(cli("user", "list")) == "ketua\tadmin\t\nsiti\toperator\t\n"
    connection = sqlite3.connect(db_path)
    try:
        hashes = [row[0] for row in connection.execute("SELECT password_hash FROM app_user")]
    finally:
        connection.close()
    assert all(stored.startswith("$argon2id$") for stored in hashes)


def test_usage_errors_exit_1(cli: Cli, capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["bogus"], ["user", "add", "x", "--role", "ketua"], ["rank", "--format", "xml"]):
        with pytest.raises(SystemExit) as caught:
            cli(*args)
        assert caught.value.code == 1
        err = capsys.readouterr().err
        assert "perintah tidak valid" in err
        assert "Traceback" not in err


def test_no_selection_yet(cli: Cli) -> None:
    code, out, err = cli("rank")
    assert (code, out) == (1, "")
    assert err == (
        "seleksi: database belum berisi seleksi; jalankan 'init' atau 'demo' terlebih dahulu\n"
    )


def custom_scheme(text: str) -> str:
    preset = (ROOT / "resources" / "schemes" / "binjai-kompetensi.toml").read_text(encoding="utf-8")
    return preset.replace('code = "binjai-kompetensi"', 'code = "uji-kustom"').replace(
        "weight = 35\nthreshold = 60", text
    )


def test_init_with_a_custom_scheme_file(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "skema.toml"
    # Praktik 30 %, psikotes 30 %: still 100 in all.
    scheme = custom_scheme("weight = 30\nthreshold = 60").replace(
        "weight = 25\nthreshold = 60", "weight = 30\nthreshold = 60"
    )
    path.write_text(scheme, encoding="utf-8")
    out = ok(cli("init", "--scheme", str(path), "--name", "Seleksi Kustom"))
    assert out == (
        "admin pertama 'ketua' dibuat\nseleksi 1 dibuat: Seleksi Kustom (skema uji-kustom)\n"
    )
    assert "uji-kustom" in ok(cli("selections"))


def test_init_with_an_invalid_scheme_file_names_the_key(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "salah.toml"
    path.write_text(custom_scheme("weight = 45\nthreshold = 120"), encoding="utf-8")
    code, out, err = cli("init", "--scheme", str(path), "--name", "Seleksi Salah")
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert lines[0] == f"skema {path} tidak valid:"
    assert f"{path}: stages[0].components[1].threshold: ambang batas 120 di luar rentang 0–100" in (
        lines
    )
    assert f"{path}: stages[0].components: jumlah bobot harus 100, sekarang 110" in lines
    assert ok(cli("selections")) == ""


# --- as a user runs it: a separate process ----------------------------------------------------


@pytest.mark.slow  # one interpreter per command
def test_subprocess_exit_codes_and_no_traceback(tmp_path: Path, write_csv: WriteCsv) -> None:
    db = str(tmp_path / "proses.db")
    created = spawn("--db", db, "init", "--scheme", "binjai-kompetensi", "--name", "Proses")
    assert (created.returncode, created.stderr) == (0, "")
    formations = write_csv(tmp_path / "f.csv", FORMATION_HEADER, [["B1", "Perawat", "", "", 1]])
    assert spawn("--db", db, "import", "formations", str(formations)).returncode == 0
    bad = write_csv(
        tmp_path / "peserta.csv",
        PARTICIPANT_HEADER,
        [["1", "Ani", "1990-01-01", "B1"], ["1", "Budi", "31-31-1990", "B9"]],
    )
    result = spawn("--db", db, "import", "participants", str(bad))
    assert (result.returncode, result.stdout) == (1, "")
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[1:] == [
        "peserta.csv: baris 3, kolom nomor_peserta: sama dengan baris 2",
        "peserta.csv: baris 3, kolom tanggal_lahir: tanggal '31-31-1990' tidak valid"
        " (gunakan YYYY-MM-DD atau DD-MM-YYYY)",
        "peserta.csv: baris 3, kolom kode_formasi: formasi 'B9' tidak dikenal",
    ]
    user = spawn(
        "--db",
        db,
        "user",
        "add",
        "penilai1",
        "--role",
        "penilai",
        "--password-stdin",
        stdin="kata-sandi-aman\n",
    )
    assert (user.returncode, user.stdout) == (0, "pengguna penilai1 (penilai) ditambahkan\n")
    ranked = spawn("--db", db, "rank", "--format", "csv")
    assert (ranked.returncode, ranked.stderr) == (0, "")
    assert ranked.stdout.startswith("tahap,kode_formasi,peringkat,nomor_peserta,nama,PENGETAHUAN,")


@pytest.mark.parametrize(
    ("prepare", "message"),
    [
        (
            lambda p: p.write_text("bukan database\n", encoding="utf-8"),
            "bukan database Seleksi ASN",
        ),
        (lambda p: p.mkdir(), "adalah folder"),
    ],
    ids=["text-file", "folder"],
)
def test_subprocess_refuses_foreign_files(
    tmp_path: Path, prepare: Callable[[Path], object], message: str
) -> None:
    path = tmp_path / "lain.db"
    prepare(path)
    result = spawn("--db", str(path), "selections")
    assert (result.returncode, result.stdout) == (1, "")
    assert len(result.stderr.splitlines()) == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_subprocess_database_under_a_file_is_a_user_error(tmp_path: Path) -> None:
    blocker = tmp_path / "berkas"
    blocker.write_text("x", encoding="utf-8")
    result = spawn("--db", str(blocker / "seleksi.db"), "selections")
    assert (result.returncode, result.stdout) == (1, "")
    assert len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_cli_does_not_import_qt(tmp_path: Path) -> None:
    path = str(tmp_path / "qt.db")
    code = (
        "import sys, app.cli; app.cli.main(['--db', sys.argv[1], 'selections']);"
        " print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, path],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines()[-1] == "False"


def test_commands_on_an_up_to_date_file_import_no_sqlalchemy(cli: Cli, db_path: Path) -> None:
    # docs/data-access.md: SQLAlchemy (0.4-0.8 s to import) is for creating or upgrading a
    # file only. Reads and writes alike run on the driver's connection, in one fresh process.
    ok(cli("demo", "--scheme", "cpns-2024", "--participants", "60"))
    commands = [
        ["selections"],
        ["rank", "--format", "csv"],
        ["rank", "--stage", "SKD", "--format", "json"],
        ["user", "list"],
        ["audit", "verify"],
        ["audit", "log", "--limit", "3"],
        ["review"],
        ["mark", "24127500000001", "APS", "--reason", "mengundurkan diri"],
        ["init", "--scheme", "pppk-2024", "--name", "Seleksi PPPK"],
    ]
    code = (
        "import json, sys, app.cli\n"
        "codes = [app.cli.main(['--db', sys.argv[1], *args]) for args in json.loads(sys.argv[2])]\n"
        "loaded = sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'alembic'})\n"
        "print(json.dumps([codes, loaded]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(db_path), json.dumps(commands)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")
    codes, loaded = json.loads(result.stdout.splitlines()[-1])
    assert codes == [0] * len(commands)
    assert loaded == []


def test_demo_then_rank(cli: Cli) -> None:
    code, out, err = cli("demo", "--scheme", "cpns-2024", "--participants", "300")
    assert (code, err) == (0, "")
    assert "300 peserta" in out
    rows = parse_csv(ok(cli("rank", "--format", "csv")))
    assert rows
    assert any(row["kode"] == "P/L" for row in rows)
    assert {row["tahap"] for row in rows} == {"AKHIR"}
    skd = parse_csv(ok(cli("rank", "--stage", "SKD", "--format", "csv")))
    passed = {row["nomor_peserta"] for row in skd if row["kode"] == "P/L"}
    assert {row["nomor_peserta"] for row in rows} == passed
