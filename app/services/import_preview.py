"""What the import wizard shows before anything is written: columns, first rows, a guess of
which file column is which, and the full check as a dry run.

Participants and formations have a fixed list of columns. A score file's columns come from
the selection's scheme (issue #10 §4): in the wide form ``nomor_peserta[, penilai]`` and one
column per component (or rubric aspect, ``PRAKTIK.TEKNIS``) of a stage, in the long form
``nomor_peserta, komponen, nilai[, penilai]``. ``ScoreLayout`` holds what a score file of the
selection may name, and guesses from the headers its form, its stage and its mapping.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from app.scoring import Scheme

from .database import Database
from .errors import ImportRejected
from .participants_import import (
    FORMATION_COLUMNS,
    FORMATION_REQUIRED,
    PARTICIPANT_OPTIONAL,
    PARTICIPANT_REQUIRED,
)
from .schemes import scheme_of_selection
from .tabular import CellError, TableError, read_table

# Other names clerks use for the same column (compared by ``header_key``: case, spaces and
# punctuation aside, so ``No. Peserta`` is ``no_peserta``).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "nomor_peserta": (
        "no_peserta",
        "nomor",
        "no_ujian",
        "nomor_ujian",
        "nopes",
        "no_registrasi",
        "nomor_registrasi",
        "no_tes",
        "nomor_tes",
    ),
    "nama": ("nama_peserta", "nama_lengkap", "name"),
    "tanggal_lahir": ("tgl_lahir", "tanggal_lahir_peserta", "lahir", "birth_date"),
    "kode_formasi": ("formasi", "kode_jabatan", "kd_formasi"),
    "nik": ("no_ktp", "nomor_induk_kependudukan", "ktp"),
    "pendidikan": ("pendidikan_terakhir", "jurusan", "kualifikasi_pendidikan"),
    "ipk": ("nilai_ipk", "rata_rata_ijazah", "nilai_ijazah"),
    "kelompok_prioritas": ("prioritas", "kelompok"),
    "afirmasi_persen": ("afirmasi",),
    "sesi": ("sesi_ujian", "jadwal"),
    "jabatan": ("nama_jabatan",),
    "unit_kerja": ("unit", "instansi", "unit_penempatan", "lokasi"),
    "kebutuhan": ("jumlah", "kuota", "alokasi", "jumlah_kebutuhan"),
    # The columns of a score file besides its components.
    "komponen": ("kode_komponen", "komponen_nilai", "mata_uji", "jenis_tes", "component"),
    "nilai": ("skor", "score", "nilai_angka", "hasil"),
    "penilai": ("nama_penilai", "penguji", "pewawancara", "assessor", "juri"),
}

KINDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "formations": (FORMATION_REQUIRED, FORMATION_COLUMNS),
    "participants": (PARTICIPANT_REQUIRED, PARTICIPANT_REQUIRED + PARTICIPANT_OPTIONAL),
}
SCORES = "scores"
"""The kind of a score file: its columns come from the scheme (``ScoreLayout``)."""

LONG_FORM = "long"
WIDE_FORM = "wide"
ALL_STAGES = ""
"""The stage of a wide score file whose columns may be components of any stage."""
LONG_REQUIRED = ("nomor_peserta", "komponen", "nilai")
LONG_COLUMNS = (*LONG_REQUIRED, "penilai")
WIDE_FIXED = ("nomor_peserta", "penilai")

# Words a header puts around a component's code or name ("Nilai TWK", "Skor Tes TIU"), left
# out in the last round of guessing; a header of filler only ("Nilai") names nothing.
_FILLER = frozenset({"nilai", "skor", "score", "hasil", "tes", "test", "ujian"})
_NOTE = re.compile(r"\([^)]*\)|\[[^\]]*\]")  # "TWK (maks. 150)", "TIU [0-175]"
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class ScoreTarget:
    """A column a wide score file may have: one component, or one rubric aspect of one.

    ``name`` is what the importer reads (``TWK``, ``PRAKTIK.TEKNIS``), ``label`` the scheme's
    words for it, ``stage`` the code of its stage, ``aliases`` other names a header may give it.
    """

    name: str
    label: str
    stage: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ScoreLayout:
    """What a score file of one selection may name: its stages ``(code, name)`` in order and
    every component and aspect (``targets``), in the scheme's order."""

    stages: tuple[tuple[str, str], ...]
    targets: tuple[ScoreTarget, ...]

    def columns(
        self, form: str, stage: str = ALL_STAGES
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(required, expected) columns of a file of ``form``; a wide file's components are
        those of ``stage`` (all of them for ``ALL_STAGES``)."""
        if form == LONG_FORM:
            return LONG_REQUIRED, LONG_COLUMNS
        names = tuple(t.name for t in self.targets if stage in (ALL_STAGES, t.stage))
        return ("nomor_peserta",), (*WIDE_FIXED, *names)

    def components(self) -> frozenset[str]:
        """The names of every component and aspect column, of every stage."""
        return frozenset(t.name for t in self.targets)

    def labels(self) -> dict[str, str]:
        return {t.name: t.label for t in self.targets}

    def guess(self, headers: Sequence[str], form: str, stage: str = ALL_STAGES) -> dict[str, str]:
        """The guessed mapping of ``headers`` for a file of ``form`` (and ``stage``)."""
        aliases = {t.name: t.aliases for t in self.targets}
        return guess_mapping(headers, self.columns(form, stage)[1], aliases)

    def guess_form(self, headers: Sequence[str]) -> str:
        """Long when a header reads as ``komponen``, or as ``nilai`` with no header naming a
        component (the importer wants both then, and says so); wide otherwise."""
        long_names = set(guess_mapping(headers, LONG_COLUMNS).values())
        if "komponen" in long_names:
            return LONG_FORM
        if "nilai" in long_names and not self.components() & set(
            self.guess(headers, WIDE_FORM).values()
        ):
            return LONG_FORM
        return WIDE_FORM

    def guess_stage(self, headers: Sequence[str]) -> str:
        """The one stage whose components the headers name; ``ALL_STAGES`` when they name
        components of several; the first stage when they name none."""
        stage_of = {t.name: t.stage for t in self.targets}
        named = {stage_of[c] for c in self.guess(headers, WIDE_FORM).values() if c in stage_of}
        if len(named) == 1:
            return named.pop()
        if named or not self.stages:
            return ALL_STAGES
        return self.stages[0][0]


def score_layout(scheme: Scheme) -> ScoreLayout:
    """Every column a wide score file of ``scheme`` may have: a component by its code (or its
    name), and each rubric aspect as ``COMPONENT.ASPECT`` (or by the aspect's name or code)."""
    targets: list[ScoreTarget] = []
    for stage in scheme.stages:
        for component in stage.components:
            targets.append(
                ScoreTarget(component.code, component.name, stage.code, (component.name,))
            )
            for aspect in component.aspects:
                targets.append(
                    ScoreTarget(
                        f"{component.code}.{aspect.code}",
                        f"{component.name} – {aspect.name}",
                        stage.code,
                        (
                            f"{component.code} {aspect.code}",
                            f"{component.name} {aspect.name}",
                            aspect.name,
                            # Alone only after every column's own name: a component
                            # may have the same code (PPPK's TEKNIS).
                            aspect.code,
                        ),
                    )
                )
    return ScoreLayout(tuple((s.code, s.name) for s in scheme.stages), tuple(targets))


@dataclass(frozen=True, slots=True)
class Preview:
    headers: list[str]
    rows: list[list[str]]
    total_rows: int
    required: tuple[str, ...]
    expected: tuple[str, ...]
    mapping: dict[str, str]
    """File header to expected column; headers not recognised are absent."""
    encoding: str = "utf-8"
    """How the file was read (``cp1252``: Windows' ANSI, shown to the user as a note)."""
    scores: ScoreLayout | None = None
    """For a score file: what its columns may be; ``form`` and ``stage`` are the guessed
    ones that ``required``, ``expected`` and ``mapping`` are for."""
    form: str = ""
    stage: str = ALL_STAGES
    labels: dict[str, str] = field(default_factory=dict)
    """The scheme's words for a score file's component columns (``TWK``: Tes Wawasan …)."""


def preview_file(
    path: Path, kind: str, limit: int = 20, *, layout: ScoreLayout | None = None
) -> Preview:
    """The first rows and a guessed mapping; a file that cannot be read raises ImportRejected.

    A score file (``kind`` ``scores``) is mapped to the columns of the selection's ``layout``
    (``preview_scores`` reads it); without one its columns are only shown, nothing guessed.
    """
    try:
        table = read_table(path)
    except TableError as error:
        raise ImportRejected(path.name, [CellError(0, "", error.message, error.params)]) from error
    rows = [[cells.get(h, "") for h in table.headers] for _number, cells in table.rows[:limit]]
    preview = Preview(
        headers=table.headers,
        rows=rows,
        total_rows=len(table.rows),
        required=(),
        expected=(),
        mapping={},
        encoding=table.encoding,
    )
    if kind != SCORES:
        required, expected = KINDS[kind]
        mapping = guess_mapping(table.headers, expected)
        return replace(preview, required=required, expected=expected, mapping=mapping)
    if layout is None:
        return preview
    form = layout.guess_form(table.headers)
    stage = layout.guess_stage(table.headers)
    required, expected = layout.columns(form, stage)
    return replace(
        preview,
        required=required,
        expected=expected,
        mapping=layout.guess(table.headers, form, stage),
        scores=layout,
        form=form,
        stage=stage,
        labels=layout.labels(),
    )


def preview_scores(db: Database, selection_id: int, path: Path, limit: int = 20) -> Preview:
    """The preview of a score file, with the columns the selection's scheme gives it."""
    with db.reading() as connection:
        scheme, _ids = scheme_of_selection(connection, selection_id)
    return preview_file(path, SCORES, limit, layout=score_layout(scheme))


def header_key(text: str) -> str:
    """A header as compared: letters and digits only, in lower case (``No. Peserta``,
    ``no_peserta`` and ``NO PESERTA`` are one)."""
    return "".join(_WORD.findall(text.casefold()))


def _bare_key(text: str) -> str:
    """``header_key`` without notes in brackets and filler words at either end:
    ``Nilai TWK (maks. 150)`` → ``twk``, ``Tes Intelegensia Umum`` → ``intelegensiaumum``."""
    words = _WORD.findall(_NOTE.sub(" ", text.casefold()))
    while words and words[0] in _FILLER:
        words.pop(0)
    while words and words[-1] in _FILLER:
        words.pop()
    return "".join(words)


def guess_mapping(
    headers: Sequence[str],
    expected: Sequence[str],
    aliases: Mapping[str, Sequence[str]] | None = None,
) -> dict[str, str]:
    """Which expected column each header is, as far as a guess goes.

    Three rounds, each over all headers in order: the column's own name; then its other names
    (``SYNONYMS``, and ``aliases`` such as a component's name); then the header without notes
    in brackets and filler words (``Nilai TWK`` is ``TWK``), against those names and the
    aliases without filler (``Wawasan Kebangsaan`` is ``Tes Wawasan Kebangsaan``). Case, spaces
    and punctuation do not count. Each expected column and each header is used at most once;
    a key that two columns share names neither. Synonyms are never stripped: ``no_ujian``
    must not turn a row counter ``No`` into the participant number.
    """
    extra = aliases or {}
    own = [{header_key(column)} for column in expected]
    others = [
        {header_key(name) for name in (*SYNONYMS.get(column, ()), *extra.get(column, ()))}
        for column in expected
    ]
    bare = [
        own_keys | other_keys | {_bare_key(name) for name in extra.get(column, ())}
        for column, own_keys, other_keys in zip(expected, own, others, strict=True)
    ]
    rounds = ((header_key, own), (header_key, others), (_bare_key, bare))
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for key_of_header, key_sets in rounds:
        columns_by_key: dict[str, str | None] = {}
        for column, column_keys in zip(expected, key_sets, strict=True):
            for key in column_keys:
                if key and columns_by_key.setdefault(key, column) != column:
                    columns_by_key[key] = None  # two columns answer to it: no guess
        for header in headers:
            if header in mapping:
                continue
            found = columns_by_key.get(key_of_header(header))
            if found is not None and found not in taken:
                mapping[header] = found
                taken.add(found)
    return mapping
