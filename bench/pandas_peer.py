"""A peer to measure against: the CPNS AKHIR ranking in pandas, straight from the CSV files.

What an analyst would write with pandas and numpy to get the same table as
``seleksi rank --stage AKHIR --format csv`` from the files the benchmark imports (``formasi``,
``peserta``, ``nilai_skd``, ``nilai_skb``, ``aps``), with the rules of the ``cpns-2024`` preset
written in (DESIGN §4.1): SKD thresholds TWK ≥ 65, TIU ≥ 80, TKP ≥ 166; per formation the best
3 × kebutuhan go on with everyone tied with the last of them (total, TKP, TIU, TWK); the SKB
is CAT SKB (0–500) 60 % and the practical test (the mean of two or more assessors, each a
whole value or the 40/20/20/20 weighted rubric) 40 %; NA = SKD/550 × 40 + SKB × 60 %,
rounded half-up to 3 decimals; ties broken by NA, SKD, TKP, TIU, TWK, IPK, the older first;
within kebutuhan ``P/L``; a tie across it takes no seat until the committee decides: code
``SERI``, note ``menunggu keputusan panitia`` (no decisions in the benchmark's data); ``APS``,
``P/TH`` and incomplete rows as the program prints them. All arithmetic is in integer
thousandths, so the output can be compared with the program's byte for byte (``bench.run``
does).

    python -m bench.pandas_peer FOLDER --out rank.csv
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SKD = ("TWK", "TIU", "TKP")
THRESHOLD_MILLI = {"TWK": 65_000, "TIU": 80_000, "TKP": 166_000}
CUT = 3
# Rubric weights / 10: an assessor's value × 10 is sum(weight × aspect).
ASPECTS = {"TEKNIS": 4, "KETEPATAN": 2, "SIKAP": 2, "KOMUNIKASI": 2}
PRAKTIK_ASSESSORS = 2
HEADER = [
    "tahap",
    "kode_formasi",
    "peringkat",
    "nomor_peserta",
    "nama",
    "SKD",
    "CAT_SKB",
    "PRAKTIK",
    "nilai_akhir",
    "kode",
    "catatan",
]


def read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def to_milli(text: pd.Series) -> np.ndarray:
    """Numbers in thousandths (0 where the text is TH or empty; masks say which)."""
    values = pd.to_numeric(text, errors="coerce").to_numpy(dtype=float)
    return np.nan_to_num(np.rint(values * 1000)).astype(np.int64)


def half_up(numerator: np.ndarray, denominator: np.ndarray | int) -> np.ndarray:
    return (2 * numerator + denominator) // (2 * denominator)


def milli_text(milli: pd.Series) -> pd.Series:
    whole = (milli // 1000).astype(str)
    return whole + "." + (milli % 1000).astype(str).str.zfill(3)


def competition_rank(frame: pd.DataFrame, keys: list[str]) -> pd.Series:
    """1, 2, 2, 4 within each formation; ``keys`` ascending (scores negated)."""
    order = frame.sort_values(["kode_formasi", *keys, "nomor_peserta"], kind="stable")
    formation = order["kode_formasi"].to_numpy()
    values = order[keys].to_numpy()
    count = len(order)
    new_group = np.ones(count, dtype=bool)
    new_group[1:] = formation[1:] != formation[:-1]
    new_key = new_group.copy()
    new_key[1:] |= (values[1:] != values[:-1]).any(axis=1)
    index = np.arange(count)
    group_start = np.maximum.accumulate(np.where(new_group, index, 0))
    key_start = np.maximum.accumulate(np.where(new_key, index, 0))
    return pd.Series(key_start - group_start + 1, index=order.index)


# The tie-break keys after the final value, as the notes name them (k_ipk_missing and k_ipk
# are the two parts of IPK).
KEY_NAMES = {
    "k_total": "SKD",
    "k_TKP": "TKP",
    "k_TIU": "TIU",
    "k_TWK": "TWK",
    "k_ipk_missing": "IPK",
    "k_ipk": "IPK",
    "k_birth": "usia",
}
KEY_ORDER = ["SKD", "TKP", "TIU", "TWK", "IPK", "usia"]


def separated_by(ranked: pd.DataFrame, keys: list[str]) -> pd.Series:
    """The note's key names of every row whose equal final value was put in order by a later
    key: for each two neighbours of a formation equal on ``k_na`` but not on every key, the
    first key they differ on, told to the whole run of equal keys on either side."""
    order = ranked.sort_values(["kode_formasi", *keys, "nomor_peserta"], kind="stable")
    formation = order["kode_formasi"].to_numpy()
    values = order[keys].to_numpy()
    later = keys[1:]
    deciding: dict[int, set[str]] = {}
    for above in range(len(order) - 1):
        upper, lower = values[above], values[above + 1]
        if formation[above] != formation[above + 1] or upper[0] != lower[0]:
            continue
        if (upper == lower).all():
            continue
        first = next(k for i, k in enumerate(later, start=1) if upper[i] != lower[i])
        top = above
        while (
            top > 0 and formation[top - 1] == formation[above] and (values[top - 1] == upper).all()
        ):
            top -= 1
        bottom = above + 1
        while (
            bottom + 1 < len(order)
            and formation[bottom + 1] == formation[above]
            and (values[bottom + 1] == lower).all()
        ):
            bottom += 1
        for position in range(top, bottom + 1):
            deciding.setdefault(position, set()).add(KEY_NAMES[first])
    words = [
        " dan ".join(k for k in KEY_ORDER if k in deciding[p]) if p in deciding else ""
        for p in range(len(order))
    ]
    return pd.Series(words, index=order.index).reindex(ranked.index)


def rank_akhir(folder: Path) -> pd.DataFrame:
    formations = read(folder / "formasi.csv")
    quota = dict(zip(formations["kode_formasi"], formations["kebutuhan"].astype(int), strict=True))
    people = read(folder / "peserta.csv")
    marks = read(folder / "aps.csv")
    withdrawn_skd = set(marks.loc[marks["tahap"] == "SKD", "nomor_peserta"])
    withdrawn_any = set(marks["nomor_peserta"])

    # --- SKD: thresholds, then the best 3 × kebutuhan per formation, ties kept ---
    skd = people.merge(read(folder / "nilai_skd.csv"), on="nomor_peserta", how="left")
    absent = np.zeros(len(skd), dtype=bool)
    missing = np.zeros(len(skd), dtype=bool)
    below = np.zeros(len(skd), dtype=bool)
    for code in SKD:
        text = skd[code].fillna("")
        absent |= (text == "TH").to_numpy()
        missing |= (text == "").to_numpy()
        skd[code] = to_milli(text)
        below |= skd[code].to_numpy() < THRESHOLD_MILLI[code]
    skd["total"] = skd["TWK"] + skd["TIU"] + skd["TKP"]
    eligible = ~(skd["nomor_peserta"].isin(withdrawn_skd).to_numpy() | absent | missing | below)
    ranked = skd.loc[eligible, ["kode_formasi", "nomor_peserta", "total", *SKD]].copy()
    for key in ("total", "TKP", "TIU", "TWK"):
        ranked[f"k_{key}"] = -ranked[key]
    ranked["rank"] = competition_rank(ranked, ["k_total", "k_TKP", "k_TIU", "k_TWK"])
    cut = ranked["kode_formasi"].map(quota).fillna(0).astype(int) * CUT
    entrants = skd.loc[ranked.index[ranked["rank"] <= cut]].copy()

    # --- SKB values of the entrants ---
    scores = read(folder / "nilai_skb.csv")
    scores = scores[scores["nomor_peserta"].isin(entrants["nomor_peserta"])]
    cat = scores[scores["komponen"] == "CAT_SKB"].set_index("nomor_peserta")["nilai"]
    practical = scores[scores["komponen"].str.startswith("PRAKTIK")].copy()
    practical_absent = set(practical.loc[practical["nilai"] == "TH", "nomor_peserta"])
    practical = practical[practical["nilai"] != "TH"]
    practical["milli"] = to_milli(practical["nilai"])
    whole = practical[practical["komponen"] == "PRAKTIK"]
    per_assessor = [
        whole.assign(tenfold=whole["milli"] * 10)[["nomor_peserta", "penilai", "tenfold"]]
    ]
    aspects = practical[practical["komponen"] != "PRAKTIK"].copy()
    if len(aspects):
        aspects["aspect"] = aspects["komponen"].str.split(".", n=1).str[1]
        aspects["weighted"] = aspects["milli"] * aspects["aspect"].map(ASPECTS)
        rubric = aspects.groupby(["nomor_peserta", "penilai"]).agg(
            tenfold=("weighted", "sum"), count=("weighted", "size")
        )
        # An assessor counts only with every aspect scored.
        rubric = rubric[rubric["count"] == len(ASPECTS)].reset_index()
        per_assessor.append(rubric[["nomor_peserta", "penilai", "tenfold"]])
    assessors = pd.concat(per_assessor).groupby("nomor_peserta")["tenfold"].agg(["sum", "size"])

    frame = entrants.set_index("nomor_peserta")
    cat_text = cat.reindex(frame.index).fillna("")
    frame["cat_absent"] = cat_text == "TH"
    frame["cat_missing"] = cat_text == ""
    frame["CAT_SKB"] = to_milli(cat_text)
    frame["p_sum"] = assessors["sum"].reindex(frame.index).fillna(0).astype(np.int64)
    frame["p_count"] = assessors["size"].reindex(frame.index).fillna(0).astype(np.int64)
    frame["p_absent"] = frame.index.isin(list(practical_absent))
    frame["p_missing"] = frame["p_count"] < PRAKTIK_ASSESSORS
    frame["absent"] = frame["cat_absent"] | frame["p_absent"]
    frame["complete"] = ~(frame["absent"] | frame["cat_missing"] | frame["p_missing"])
    # NA × 1000 = SKD·4/55 + CAT·9/125 + PRAKTIK·6/25 (in thousandths), PRAKTIK = sum / (10 n):
    # over 2750 n: SKD·200n + CAT·198n + sum·66.
    n = frame["p_count"].clip(lower=1)
    numerator = frame["total"] * 200 * n + frame["CAT_SKB"] * 198 * n + frame["p_sum"] * 66
    frame["na"] = half_up(numerator, 2750 * n)
    frame["praktik"] = half_up(frame["p_sum"], 10 * n)
    frame["withdrawn"] = frame.index.isin(list(withdrawn_any))
    frame["eligible"] = frame["complete"] & ~frame["withdrawn"] & ~frame["absent"]

    # --- AKHIR ranking: NA, SKD, TKP, TIU, TWK, IPK, the older first ---
    ranked = frame[frame["eligible"]].reset_index()
    ipk = pd.to_numeric(ranked["ipk"], errors="coerce")
    ranked["k_ipk_missing"] = ipk.isna().astype(int)
    ranked["k_ipk"] = -np.nan_to_num(np.rint(ipk.to_numpy() * 1000)).astype(np.int64)
    ranked["k_birth"] = pd.to_datetime(ranked["tanggal_lahir"]).astype("int64")
    for key in ("na", "total", "TKP", "TIU", "TWK"):
        ranked[f"k_{key}"] = -ranked[key]
    keys = ["k_na", "k_total", "k_TKP", "k_TIU", "k_TWK", "k_ipk_missing", "k_ipk", "k_birth"]
    ranked["rank"] = competition_rank(ranked, keys)
    vacancies = ranked["kode_formasi"].map(quota).fillna(0).astype(int)
    ranked["within"] = ranked["rank"] <= vacancies
    seats = ranked[ranked["within"]].groupby("kode_formasi")["rank"].agg(["size", "max"])
    over = seats[seats["size"] > seats.index.map(quota)]
    boundary = ranked["kode_formasi"].map(over["max"])
    ranked["seri"] = ranked["rank"] == boundary
    ranked["separated"] = separated_by(ranked, keys)
    ranked = ranked.set_index("nomor_peserta")

    # --- the table, in the contract's order and text ---
    frame["rank"] = ranked["rank"].reindex(frame.index)
    frame["within"] = ranked["within"].reindex(frame.index).fillna(False).astype(bool)
    frame["seri"] = ranked["seri"].reindex(frame.index).fillna(False).astype(bool)
    code = np.select(
        [frame["withdrawn"], frame["absent"], ~frame["complete"], frame["seri"], frame["within"]],
        ["APS", "P/TH", "", "SERI", "P/L"],
        "P/TL",
    )
    separated = ranked["separated"].reindex(frame.index).fillna("")
    note = np.where(
        frame["seri"],
        "menunggu keputusan panitia",
        np.where(
            frame["complete"] | frame["absent"] | frame["withdrawn"],
            np.where(separated != "", "nilai sama — menurut " + separated, ""),
            "BELUM LENGKAP",
        ),
    )
    out = pd.DataFrame(
        {
            "tahap": "AKHIR",
            "kode_formasi": frame["kode_formasi"],
            "peringkat": frame["rank"].astype("Int64").astype(str).replace("<NA>", ""),
            "nomor_peserta": frame.index.to_numpy(),
            "nama": frame["nama"],
            "SKD": milli_text(frame["total"]),
            "CAT_SKB": np.where(
                frame["cat_absent"],
                "TH",
                np.where(frame["cat_missing"], "", milli_text(frame["CAT_SKB"])),
            ),
            "PRAKTIK": np.where(
                frame["p_absent"],
                "TH",
                np.where(frame["p_missing"], "", milli_text(frame["praktik"])),
            ),
            "nilai_akhir": np.where(frame["complete"], milli_text(frame["na"]), ""),
            "kode": code,
            "catatan": note,
        }
    )
    out["_unranked"] = frame["rank"].isna().to_numpy()
    out["_rank"] = frame["rank"].fillna(0).astype(int).to_numpy()
    out = out.reset_index(drop=True).sort_values(
        ["kode_formasi", "_unranked", "_rank", "nomor_peserta"], kind="stable"
    )
    return out[HEADER]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    table = rank_akhir(args.folder)
    text = table.to_csv(index=False, lineterminator="\n")
    if args.out is None:
        sys.stdout.write(text)
    else:
        args.out.write_text(text, encoding="utf-8", newline="")


if __name__ == "__main__":
    main()
