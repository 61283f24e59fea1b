"""Computed results kept in a file beside the database, for the next process.

``seleksi rank`` is a new process every time: without something kept on disk it ranks all
100k participants again after one changed score. This store keeps each formation's
``ResultBlock`` with the revision stamp it was computed at, in ``<database>.cache/`` next to
the file, one file per (selection, stage); the next process takes every block whose stamp is
still the formation's stamp and computes the others.

Why a separate file, and why the reader writes it (docs/data-access.md has the decision):

- ``seleksi rank`` and every other read opens the database read-only (``query_only``): a
  read must never change the committee's file, its audit trail or its backups. A cache
  table inside the database would have to be written by the writers instead, in their
  transaction, which would make every typed score and every import rank its formations
  anew before it commits. A file beside it is written by whoever computed the results.
- Nothing in it is trusted beyond what the stamps vouch for. A block counts only while its
  formation's stamp is the stamp it was computed at; stamps never go back and are never
  given to different contents (migration 0006: they take the clock when they advance, also
  after a backup is restored). The program's own rules are part of the key: a file written
  by another version of the ranking code (``PROGRAM``, a digest of its source) is ignored.
- It is a cache: whatever is wrong with it (missing, unreadable, damaged, written by another
  version, a full disk, a read-only folder) makes the program compute, never fail. Each line
  carries a CRC of its content, so a line cut off by a crash or a failing disk is never
  read; a file written whole is written aside and renamed over the old one.
- It holds names, so it is readable by its owner only, as the database is.

The format is one header line (JSON) and one line per formation and stamp: the formation
code (JSON), its stamp, a CRC-32 and the block (JSON), separated by tabs. Only the lines of
the wanted formations at their present stamp are decoded; a formation computed anew is
appended, and the file is written whole again when most of it is superseded.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import zlib
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from app.scoring import Stage, Status
from app.scoring.blocks import BlockValue, ResultBlock
from app.scoring.numbers import PLACES, milli_decimal

FORMAT = 3  # 2: a block keeps the reference of its tie decision; 3: its tie-break notes
FOLDER_SUFFIX = ".cache"

# The modules whose code decides what a block holds: the rules, the loader, the engine, the
# block and this file's encoding of it.
_SOURCES = ("scoring", "services/candidates.py", "services/ranking.py", "services/results_store.py")

_STATUS = {status.value: status for status in Status}
# An Enum member's ``value`` is Python code; its id (members are singletons) is not.
_STATUS_VALUE = {id(status): status.value for status in Status}


def _program() -> str:
    """A digest of the source that computes and encodes results ("" if it cannot be read)."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256(str(FORMAT).encode())
    try:
        for name in _SOURCES:
            path = root / name
            files = sorted(path.glob("*.py")) if path.is_dir() else [path]
            for file in files:
                digest.update(file.name.encode())
                digest.update(file.read_bytes())
    except OSError:
        return ""
    return digest.hexdigest()


_PROGRAM: str | None = None


def program() -> str:
    global _PROGRAM
    if _PROGRAM is None:
        _PROGRAM = _program()
    return _PROGRAM


@dataclass(slots=True)
class _Kept:
    """What one file holds: ``valid`` when its header is this program's for this stage;
    (formation, stamp) → (block text, line as written); ``size``: lines in the file, also
    those superseded since (a compaction drops them)."""

    valid: bool = False
    lines: dict[tuple[str, int], tuple[str, str]] = field(default_factory=dict)
    size: int = 0


class ResultsStore:
    """The blocks of one database file, kept in ``<file>.cache/``.

    A file is written whole once; after that the blocks of formations computed anew are
    appended (a few kilobytes, not the 7 MB of an SKD with 100k rows), and the line of the
    stamp a formation has now is the one read. When most lines are superseded the file is
    written whole again with only the current ones.
    """

    def __init__(self, folder: Path):
        self.folder = folder
        # What was last read or written per file, with the file's (inode, size, mtime): a
        # save right after a load, or the window's next save, does not read it again.
        self._seen: dict[Path, tuple[tuple[int, int, int], _Kept]] = {}

    @classmethod
    def beside(cls, database: Path) -> ResultsStore | None:
        """The store of ``database``; ``None`` when the program's source cannot be read
        (then nothing could tell a stale file from a good one)."""
        if not program():
            return None
        folder = database.with_name(database.name + FOLDER_SUFFIX)
        store = _STORES.get(folder)
        if store is None:
            store = _STORES[folder] = cls(folder)
        return store

    def _file(self, selection_id: int, stage: str) -> Path:
        name = stage if re.fullmatch(r"[A-Za-z0-9_-]{1,40}", stage) else _digest(stage)
        return self.folder / f"peringkat-{selection_id}-{name}.txt"

    def load(
        self,
        selection_id: int,
        stage: Stage,
        columns: tuple[str, ...],
        revisions: Mapping[str, int],
        wanted: Collection[str],
        *,
        remember: bool = True,
    ) -> dict[str, ResultBlock | None]:
        """The kept blocks of ``wanted`` formations at their stamp in ``revisions``;
        ``remember``: keep the file's lines in memory for a save that follows."""
        kept = self._read(selection_id, stage.code, columns, remember)
        bodies: dict[str, str] = {}
        for code in wanted:
            stamp = revisions.get(code)
            line = kept.lines.get((code, stamp)) if stamp is not None else None
            if line is not None:  # else not kept, or kept at another stamp only
                bodies[code] = line[0]
        try:  # one parse for them all: a thousand small ones cost twice as much
            parsed = json.loads("[" + ",".join(bodies.values()) + "]")
        except ValueError:
            parsed = [_parsed_or_none(body) for body in bodies.values()]
        found: dict[str, ResultBlock | None] = {}
        for code, data in zip(bodies, parsed, strict=True):
            try:
                found[code] = _decode(data, stage, code, columns)
            except (ValueError, KeyError, TypeError, IndexError):
                continue  # a damaged line: computed again, and kept anew
        return found

    def save(
        self,
        selection_id: int,
        stage: Stage,
        columns: tuple[str, ...],
        revisions: Mapping[str, int],
        computed: Mapping[str, ResultBlock | None],
        *,
        remember: bool = True,
    ) -> None:
        """Keep ``computed`` (at ``revisions``); ``remember``: also in memory, so the next
        save need not read the file again."""
        try:
            path = self._file(selection_id, stage.code)
            kept = self._read(selection_id, stage.code, columns, remember)
            new: dict[tuple[str, int], tuple[str, str]] = {}
            for code, block in computed.items():
                stamp = revisions.get(code)
                if stamp is not None and (code, stamp) not in kept.lines:
                    body = _encode(block)
                    new[(code, stamp)] = (body, _line(code, stamp, body))
            if not new:
                return
            if kept.valid and kept.size + len(new) <= 2 * len(revisions) + 16:
                self._append(path, [line for _body, line in new.values()])
                kept.lines.update(new)
                kept.size += len(new)
            else:  # new, another program's, or mostly superseded: written whole
                current = {
                    key: line for key, line in kept.lines.items() if revisions.get(key[0]) == key[1]
                }
                current.update(new)
                header = json.dumps(_header(selection_id, stage.code, columns), sort_keys=True)
                ordered = [current[key][1] for key in sorted(current)]
                self._write(path, "\n".join([header, *ordered]) + "\n")
                kept = _Kept(True, current, len(current))
            if remember:
                self._seen[path] = (_identity(path), kept)
            else:
                self._seen.pop(path, None)
        except (OSError, ValueError):
            return  # a cache that cannot be written is only a slower next command

    def _read(
        self, selection_id: int, stage: str, columns: tuple[str, ...], remember: bool = True
    ) -> _Kept:
        path = self._file(selection_id, stage)
        try:
            identity = _identity(path)
            seen = self._seen.get(path)
            if seen is not None and seen[0] == identity:
                return seen[1]
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return _Kept()
        kept = _parse(text, _header(selection_id, stage, columns))
        if remember:
            self._seen[path] = (identity, kept)
        return kept

    def _write(self, path: Path, text: str) -> None:
        import tempfile  # only to write a file whole: start-up time of ``seleksi rank``

        self.folder.mkdir(mode=0o700, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tulis-", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
                file.write(text)
            os.chmod(temporary, 0o600)  # names: the owner's, as the database is
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def _append(self, path: Path, lines: list[str]) -> None:
        """One write at the end; it starts with a line break, so a line cut off by a crash
        before it stays a line of its own (its CRC fails; it is never read)."""
        with path.open("a", encoding="utf-8", newline="\n") as file:
            file.write("\n" + "\n".join(lines) + "\n")


_STORES: dict[Path, ResultsStore] = {}


def _identity(path: Path) -> tuple[int, int, int]:
    status = path.stat()
    return status.st_ino, status.st_size, status.st_mtime_ns


def _parse(text: str, header: dict[str, object]) -> _Kept:
    """The lines of a kept file whose CRC holds; none if the header is not ``header``."""
    head, _newline, rest = text.partition("\n")
    try:
        if json.loads(head) != header:
            return _Kept()
    except ValueError:
        return _Kept()
    kept = _Kept(valid=True)
    for line in rest.split("\n"):
        if not line:
            continue
        kept.size += 1
        parts = line.split("\t")
        if len(parts) != 4:
            continue
        code_text, stamp_text, crc_text, body = parts
        if crc_text != _crc(code_text, stamp_text, body):
            continue
        try:
            # A code without escapes is the text between its quotes (most are: "BNJ-01").
            plain = "\\" not in code_text and code_text[:1] == code_text[-1:] == '"'
            code = code_text[1:-1] if plain else json.loads(code_text)
            kept.lines[(code, int(stamp_text))] = (body, line)
        except ValueError:
            continue
    return kept


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _header(selection_id: int, stage: str, columns: tuple[str, ...]) -> dict[str, object]:
    return {
        "format": FORMAT,
        "program": program(),
        "selection": selection_id,
        "stage": stage,
        "columns": list(columns),
    }


def _crc(code: str, stamp: str, body: str) -> str:
    return format(zlib.crc32(f"{code}\t{stamp}\t{body}".encode()), "08x")


def _line(code: str, stamp: int, body: str) -> str:
    code_text = json.dumps(code, ensure_ascii=False)
    stamp_text = str(stamp)
    return f"{code_text}\t{stamp_text}\t{_crc(code_text, stamp_text, body)}\t{body}"


# -- one block as JSON ----------------------------------------------------------------------
#
# Cells are kept as JSON gives them where it can (a whole number, a text, null); anything
# else is a list: a fraction ``[numerator, denominator]``, the integrated stage's rounded
# final value ``["m", thousandths]``.


def _encode(block: ResultBlock | None) -> str:
    if block is None:
        return "null"
    return json.dumps(
        {
            "n": list(block.numbers),
            "a": list(block.names),
            "v": [_column(column) for column in block.values],
            "f": list(block.finals),
            "r": list(block.ranks),
            "s": list(map(_STATUS_VALUE.__getitem__, map(id, block.statuses))),
            "t": [i for i, tie in enumerate(block.ties) if tie],
            "d": block.decision,
            "k": [[offset, keys] for offset, keys in sorted(block.separated.items())],
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


_AS_IS = frozenset({int, str, type(None)})


def _column(column: Sequence[BlockValue]) -> list[object]:
    if _AS_IS.issuperset(map(type, column)):
        return list(column)  # whole numbers, texts and nothing: JSON as they are
    return [_cell(value) for value in column]


def _cell(value: BlockValue) -> object:
    if value is None or type(value) is int or type(value) is str:
        return value
    if type(value) is Fraction:
        return [value.numerator, value.denominator]
    # A Decimal, the only other cell a block holds: a rounded value, exact in thousandths.
    assert isinstance(value, Decimal)
    milli = value.scaleb(PLACES)
    if milli != milli.to_integral_value() or milli_decimal(int(milli)) != value:
        raise ValueError(f"{value} is not in thousandths")
    return ["m", int(milli)]


def _parsed_or_none(body: str) -> object:
    try:
        return json.loads(body)
    except ValueError:
        return _DAMAGED


_DAMAGED = object()


def _decode(
    data: object, stage: Stage, formation: str, columns: tuple[str, ...]
) -> ResultBlock | None:
    if data is None:
        return None
    if not isinstance(data, dict):
        raise ValueError("a kept line that is not a block")
    numbers = data["n"]
    count = len(numbers)
    values = [
        [_value(cell) if type(cell) is list else cell for cell in column] for column in data["v"]
    ]
    ties = [False] * count
    for index in data["t"]:
        ties[index] = True
    separated = {}
    for offset, keys in data.get("k", []):
        if type(offset) is not int or not 0 <= offset < count or type(keys) is not str:
            raise ValueError("a tie-break note that is not a row's")
        separated[offset] = keys
    block = ResultBlock(
        stage.code,
        formation,
        stage.codes,
        columns,
        numbers,
        data["a"],
        values,
        data["f"],
        data["r"],
        [_STATUS[value] for value in data["s"]],
        ties,
        data.get("d", ""),
        separated,
    )
    lengths = {len(block.names), len(block.finals), len(block.ranks), len(block.statuses)}
    if lengths != {count} or len(values) != len(columns) or any(len(v) != count for v in values):
        raise ValueError("a kept block does not fit its columns")
    return block


def _value(cell: list[object]) -> BlockValue:
    numerator, denominator = cell
    if numerator == "m" and type(denominator) is int:
        return milli_decimal(denominator)
    if type(numerator) is not int or type(denominator) is not int or denominator <= 1:
        raise ValueError("not a fraction")
    return Fraction(numerator, denominator)


__all__ = ["FOLDER_SUFFIX", "ResultsStore", "program"]
