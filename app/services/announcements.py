"""Issuing result announcements and verifying them later.

Issuing fixes a snapshot of every printed row, hashes it (SHA-256), prints the document id and
that hash in the QR code of every page, optionally signs the PDF, and stores snapshot, PDF and
both hashes. Issued announcements are never edited (the database refuses it); issuing again
for the same stage makes a new announcement that names the one it corrects.
"""

from __future__ import annotations

import ctypes
import dataclasses
import datetime as dt
import gc
import hashlib
import json
import os
import re
import sqlite3
import sys
import tempfile
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, cast

from app.messages import t, translate
from app.numbers import column_for_people, fixed_places
from app.scoring import Stage
from app.scoring.integration import Integration
from app.scoring.scheme import SUM
from app.scoring.status import Status

from .actor import Actor
from .anchors import document_anchor
from .backups import automatic_backup
from .changes import ANNOUNCEMENTS, NO_CHANGES, Changes
from .database import Database, is_server
from .document_settings import DocumentSettingsInfo, document_settings
from .door import permit, write
from .errors import UserError
from .finalization import require_final
from .formations import list_formations
from .legend import code_meanings
from .page_seal import PageSeal, sign_seal
from .permissions import Action
from .ranking import Ranking, compute_ranking
from .revisions import read_revisions, selection_revisions
from .schemes import scheme_of_selection
from .selections import resolve_selection

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes

    from app.reports.blocks import SignatureBox
    from app.reports.model import ChainAnchor, FormationBlock

    from .signing import SignatureReport

PAYLOAD_PREFIX = "SELEKSI-ASN"
NAMED_IN_MESSAGE = 5  # formation codes a refusal names before it says "…"
DOCUMENT_ID = re.compile(r"SASN-\d{4}-[0-9A-F]{10}")
LABELS = {
    "peringkat": "Peringkat",
    "nomor_peserta": "Nomor Peserta",
    "nama": "Nama",
    "nilai_akhir": "Nilai Akhir",
    "kode": "Kode",
    "catatan": "Catatan",
}


@dataclass(frozen=True, slots=True)
class AnnouncementInfo:
    id: int
    document_id: str
    number: str
    issued_on: dt.date
    stage: str
    subject: str
    signed: bool
    replaces: str | None
    snapshot_sha256: str
    pdf_sha256: str
    created_by: str
    created_at: str
    rows: int
    warnings: tuple[str, ...] = ()
    changes: Changes = field(default=NO_CHANGES, compare=False)


@dataclass(slots=True)
class Verification:
    """The verdict on a PDF: ``ok`` only when every check passed; ``findings`` say why."""

    ok: bool
    document_id: str = ""
    number: str = ""
    findings: list[str] = field(default_factory=list)
    replaced_by: str = ""
    """The number of the announcement that replaced this one: the file may be genuine, but it
    is no longer in force (TIDAK BERLAKU, issue #11 §2)."""
    printed: str = ""
    """For a registered form (a slip, minutes, a list, a sheet), what it is: "Kartu hasil
    seleksi"; empty for an announcement."""
    page_rows: list[str] = field(default_factory=list)
    """For a picture of an announcement's page: the rows that page must show, from the
    stored results (``rank. number name: value code``), to compare with the paper."""


def _in_document(message_id: str, **fields: object) -> str:
    """A document's words are Indonesian, whatever the window speaks (the forms' rule too)."""
    return translate("id", message_id, **fields)


def default_subject(stage_name: str, selection_name: str) -> str:
    """``HASIL <stage> <selection>``, without saying the same words twice (issue #11 §1):
    "Seleksi Kompetensi PPPK" of "Seleksi PPPK Kota Binjai" is HASIL SELEKSI KOMPETENSI PPPK
    KOTA BINJAI, not … PPPK SELEKSI PPPK KOTA BINJAI."""
    if stage_name.lower() in selection_name.lower():
        return _in_document("announce.subject_short", selection=selection_name).upper()
    said = {word.casefold() for word in stage_name.split()}
    rest = [word for word in selection_name.split() if word.casefold() not in said]
    selection = " ".join(rest) or selection_name
    return _in_document("announce.subject", stage=stage_name, selection=selection).upper()


def snapshot_of(ranking: Ranking, header: dict[str, object]) -> tuple[str, str]:
    """Canonical JSON of every printed row and its SHA-256 (``write_snapshot`` as text)."""
    buffer = BytesIO()
    digest, _size = write_snapshot(ranking, header, buffer)
    return buffer.getvalue().decode("utf-8"), digest


def _page_seals(
    document_id: str, snapshot_hash: str, key: PrivateKeyTypes | None
) -> Callable[[int, int, tuple[int, int] | None], str]:
    """Each page's code: its document, page, rows and the results' hash, signed (§3)."""

    def seal(page: int, total: int, rows: tuple[int, int] | None) -> str:
        first, count = rows if rows is not None else (0, 0)
        unsigned = PageSeal(document_id, page, total, first, count, snapshot_hash)
        return sign_seal(unsigned, key).payload()

    return seal


def write_snapshot(ranking: Ranking, header: dict[str, object], out: BinaryIO) -> tuple[str, int]:
    """Write the canonical JSON of every printed row to ``out`` (UTF-8); its SHA-256 and size.

    The text is ``json.dumps({**header, "columns": ranking.header(), "rows": rows},
    ensure_ascii=False, sort_keys=True, separators=(",", ":"))`` with ``rows`` each row's
    cells in the columns' order; it is written formation by formation, so the 100k rows of
    an SKD announcement are never all held as Python lists, nor as one 10 MB text (a name
    with a character beyond Latin-1 would make that text 21 MB in memory, and its UTF-8
    copy for SQLite 11 MB more).
    """
    outline = _canonical({**header, "columns": ranking.header(), "rows": []})
    # Inside a JSON string every quote is escaped: this is the key, once.
    before, key, after = outline.partition('"rows":[]')
    assert key and '"rows":[]' not in after
    digest = hashlib.sha256()
    size = 0

    def add(part: str) -> None:
        nonlocal size
        data = part.encode("utf-8")
        digest.update(data)
        out.write(data)
        size += len(data)

    add(before + '"rows":[')
    first = True
    for block in ranking.blocks:
        rows = _canonical(block.texts())  # "[[...],...]": the brackets are the list's
        if len(rows) > 2:
            add(rows[1:-1] if first else "," + rows[1:-1])
            first = False
    add("]" + after)
    return digest.hexdigest(), size


def _canonical(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def issue_announcement(
    db: Database,
    actor: Actor,
    selection_id: int,
    stage_code: str | None,
    out: Path,
    *,
    number: str | None = None,
    issued_on: dt.date | None = None,
    subject: str | None = None,
    key: tuple[Path, str] | None = None,
    progress: Callable[[int], None] | None = None,
    confirm_date: bool = False,
) -> AnnouncementInfo:
    """Issue the announcement of a stage into ``out`` (PDF) and store it for verification.

    An issued announcement can never change, so what would make it wrong is refused first
    (issue #11 §2): a number already used in the selection, a date before the announcement
    it replaces, a blank signatory name or NIP; a date more than ``FAR_DAYS`` ahead needs
    ``confirm_date``."""
    from app.reports.announcement import render_announcement

    from .signing import Signatory, load_committee_key, sign_file

    permit(db, actor, Action.ISSUE_ANNOUNCEMENT, selection_id)
    _check_signatory(document_settings(db, selection_id))
    # Opened first: a wrong password is said before the long rendering, and the root's
    # fingerprint is printed in the closing text (issue #11 §4).
    committee = load_committee_key(*key) if key is not None else None
    automatic_backup(db, "pengumuman")  # DESIGN §6: a copy before an announcement is issued
    # Every formation is printed (one without participants too): the stamps of all of them,
    # read before computing, must still be the same when the announcement is stored.
    seen = selection_revisions(db, selection_id).formations
    # Printed once: not kept in the process beside what a view may already keep.
    ranking = compute_ranking(db, selection_id, stage_code, keep=False)
    # Read from the blocks' columns: the 100k rows of an SKD announcement are never made as
    # ``ResultRow`` objects (with them and a dict of texts per row it took 355 MB).
    blocks = ranking.blocks
    incomplete = sum(block.statuses.count(Status.INCOMPLETE) for block in blocks)
    if incomplete:
        raise UserError("announce.incomplete", count=incomplete, stage=ranking.stage.code)
    # Never more winners than seats (issue #10 §3): a tie still waiting for the committee is
    # refused here too, even in a file finalized before the rule existed.
    undecided = {
        block.formation: [
            n for n, s in zip(block.numbers, block.statuses, strict=True) if s is Status.TIED
        ]
        for block in blocks
        if Status.TIED in block.statuses
    }
    if undecided:
        raise UserError(
            "tie.undecided",
            formation=", ".join(sorted(undecided)),
            numbers="; ".join(", ".join(numbers) for _code, numbers in sorted(undecided.items())),
        )
    require_final(db, selection_id, ranking.stage.code)  # only from finalized results
    warnings: tuple[str, ...] = ()
    from .double_entry import pending_count  # an extra assessor's value may still wait

    waiting = pending_count(db, selection_id, ranking.stage.code)
    if waiting:
        warnings += (t("double.pending_notice", count=waiting),)
    selection = resolve_selection(db, selection_id)
    settings = document_settings(db, selection_id)
    previous = _latest(db, selection_id, ranking.stage.code)
    issued_on = issued_on or dt.date.today()
    number = (number or "").strip() or _default_number(db, selection_id, issued_on)
    _check_number_and_date(db, selection_id, number, issued_on, previous, confirm_date)
    subject = (subject or "").strip() or default_subject(ranking.stage.name, selection.name)
    document_id = f"SASN-{issued_on.year}-{uuid.uuid4().hex[:10].upper()}"
    header: dict[str, object] = {
        "document_id": document_id,
        "number": number,
        "date": issued_on.isoformat(),
        "selection": selection.name,
        "stage": ranking.stage.code,
    }
    integration = integration_of(ranking)
    if integration is not None:
        # The printed parts are derived from the row, by this rule: verification prints them
        # again the same way (an older snapshot without the key printed none).
        header["integration"] = dataclasses.asdict(integration)
    titles = _titles(db, selection_id)
    anchor = document_anchor(db)  # issue 9: the chain head, printed and in the keywords
    # The key that signs the PDF signs every page's code too.
    seal_key = committee.private_key if committee is not None else None
    # What computing left in the allocator's arenas goes back before the long rendering.
    give_back_memory()
    temporary = aside_name(out)
    try:
        # Snapshot and PDF go through files, never whole in memory (issue #8 §3): the signed
        # PDF is written straight under the hidden name beside ``out`` that takes the name
        # once the database holds it, and stored from there.
        with ExitStack() as files:
            pdf_file = files.enter_context(_created(temporary, out))
            snapshot_file = files.enter_context(_scratch(out))
            rendered = pdf_file if key is None else files.enter_context(_scratch(out))
            with _writing(out):
                snapshot_hash, snapshot_size = write_snapshot(ranking, header, snapshot_file)
                document = _document(
                    ranking,
                    settings,
                    selection.name,
                    number,
                    issued_on,
                    subject,
                    document_id,
                    f"{PAYLOAD_PREFIX}|{document_id}|{snapshot_hash}",
                    previous,
                    final=ranking.stage.code == ranking.scheme.last_stage.code,
                    formations=titles,
                    anchor=anchor,
                    root_fingerprint=committee.root_fingerprint if committee else "",
                )
                document = dataclasses.replace(
                    document, page_seal=_page_seals(document_id, snapshot_hash, seal_key)
                )
                boxes: list[SignatureBox] = []
                render_announcement(document, rendered, progress, on_signature_box=boxes.append)
            stage, rows = ranking.stage, sum(len(block) for block in blocks)
            # The rows live on in the snapshot and the PDF: the ranking's columns go before
            # signing and storing.
            del document, ranking, blocks
            give_back_memory()
            with _writing(out):
                if key is not None:
                    box = boxes[-1]
                    sign_file(
                        rendered,
                        pdf_file,
                        key[0],
                        key[1],
                        box.box,
                        page=box.page_index,
                        reason=t("announce.sign_reason", number=number),
                        location=settings.place,
                        signatory=Signatory(
                            name=settings.signatory_name,
                            nip=settings.signatory_nip,
                            title=settings.signatory_title,
                        ),
                        key=committee,
                    )
                    # pyHanko's objects are left in reference cycles: 35 MB at 100k rows
                    # that storing would otherwise add to.
                    give_back_memory()
                pdf_hash, pdf_size = _digest(pdf_file)
                # On disk before the commit: a PDF that cannot be written stores nothing.
                pdf_file.flush()
                os.fsync(pdf_file.fileno())
            info = _store(
                db,
                actor,
                selection_id,
                stage,
                rows,
                document_id,
                number,
                issued_on,
                subject,
                settings,
                Stored(snapshot_file, snapshot_size, snapshot_hash),
                Stored(pdf_file, pdf_size, pdf_hash),
                key is not None,
                previous,
                seen,
            )
    except BaseException:
        temporary.unlink(missing_ok=True)  # not stored: no PDF under any name
        raise
    # Committed: the stored copy exists, so the PDF may take its name now. A stop right here
    # leaves only the hidden temporary file, and the announcement can be saved again from
    # the database.
    move_into_place(temporary, out)
    return dataclasses.replace(info, warnings=warnings)


@dataclass(frozen=True, slots=True)
class Stored:
    """A file to store in the announcement's row: its bytes, their number and SHA-256."""

    file: BinaryIO
    size: int
    sha256: str


CHUNK = 1 << 20
"""Bytes copied at a time between the scratch files and the database."""


def give_back_memory() -> None:
    """Return freed memory to the system, so what comes next does not add to it.

    Ranking 100k participants frees most of what it allocated, but leaves the C allocator's
    arenas partly used and kept by the process (30 MB); ``malloc_trim`` hands the free pages
    back. glibc only: elsewhere (musl, macOS, Windows) the call is skipped.
    """
    gc.collect()
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None)
        trim = libc.malloc_trim
    except (OSError, AttributeError):
        return
    trim(0)


def aside_name(path: Path) -> Path:
    """The hidden name beside ``path`` under which its PDF is written until it is stored."""
    return path.with_name(f".{path.name}.tmp")


@contextmanager
def _writing(path: Path) -> Iterator[None]:
    """A file that cannot be written is refused in words naming the PDF."""
    try:
        yield
    except OSError as error:
        raise UserError("cli.cannot_write", path=path, detail=error.strerror) from error


@contextmanager
def _created(temporary: Path, path: Path) -> Iterator[BinaryIO]:
    with _writing(path):
        handle = temporary.open("w+b")
    with handle:
        yield handle


@contextmanager
def _scratch(path: Path) -> Iterator[BinaryIO]:
    """A nameless file beside ``path``, gone when closed (or when the process dies).

    Beside the PDF rather than in the system's temporary folder, which may be held in
    memory (tmpfs): the point is to keep the 10 MB snapshot and the unsigned PDF out of it.
    """
    with _writing(path):  # only opening it is refused in these words
        handle = tempfile.TemporaryFile(dir=path.parent)  # noqa: SIM115 (closed below)
    with handle:
        yield cast(BinaryIO, handle)


def _digest(handle: BinaryIO) -> tuple[str, int]:
    """SHA-256 and size of the whole file, read chunk by chunk."""
    handle.seek(0)
    digest = hashlib.sha256()
    size = 0
    while chunk := handle.read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def formation_blocks(
    ranking: Ranking,
    formations: dict[str, tuple[str, str, int]],
    only: str | None = None,
) -> Iterator[FormationBlock]:
    """One printed block per formation: heading, recap counts and its result rows.

    A generator, so a 100k-row announcement is rendered formation by formation, each
    formation's texts made from its result block when it is printed; formations without
    participants get a block too (the announcement says so).
    """
    from app.reports.model import FormationBlock, ResultTable

    header = ranking.header()
    shown = [i for i, name in enumerate(header) if name not in ("tahap", "kode_formasi")]
    names = column_names(ranking)
    labels = tuple(LABELS.get(header[i], names.get(header[i], header[i])) for i in shown)
    numeric = frozenset(
        at
        for at, i in enumerate(shown)
        if header[i] in ("peringkat", "nilai_akhir", *ranking.columns)
    )
    # The code is centred and never wraps; the note wraps like a name: a tie decided by the
    # committee carries its minutes' reference, which must not widen every table.
    centered = frozenset(at for at, i in enumerate(shown) if header[i] == "kode")
    code_at = header.index("kode")
    # Numbers as Indonesians read them (issue #10 §2): 415, 79,430, 92,75; the stored
    # snapshot keeps the machine text, which verification compares.
    converting = [
        (at, i, header[i])
        for at, i in enumerate(shown)
        if header[i] in ("nilai_akhir", *ranking.columns)
    ]

    fixed = fixed_places(ranking.stage.plain_sum)  # SKD 415, nilai akhir 79,430
    integration = integration_of(ranking)
    # The SKD and SKB parts stand just before the final value (issue #11 §1).
    parts_at = shown.index(header.index("nilai_akhir")) if integration is not None else -1
    if integration is not None:
        labels = (*labels[:parts_at], *part_labels(integration), *labels[parts_at:])
        numeric = frozenset(at if at < parts_at else at + 2 for at in numeric) | {
            parts_at,
            parts_at + 1,
        }
        centered = frozenset(at if at < parts_at else at + 2 for at in centered)

    def printed(line: tuple[str, ...]) -> tuple[str, ...]:
        cells = [line[i] for i in shown]
        for at, i, name in converting:
            cells[at] = column_for_people(name, line[i], fixed=fixed)
        if integration is not None:
            cells[parts_at:parts_at] = _printed_parts(integration, header, line, fixed)
        return tuple(cells)

    by_formation = {block.formation: block for block in ranking.blocks}
    wanted = [only] if only is not None else sorted(set(by_formation) | set(ranking.quotas))
    for code in wanted:
        block = by_formation.get(code)
        lines = block.texts() if block is not None else []
        counts: dict[str, int] = {}
        for line in lines:
            counts[line[code_at]] = counts.get(line[code_at], 0) + 1
        # Who was present is read from each row's status, never from its printed code.
        absent = (Status.ABSENT, Status.WITHDRAWN)
        present = 0 if block is None else sum(s not in absent for s in block.statuses)
        title, unit, quota = formations.get(code, ("", "", ranking.quotas.get(code, 0)))
        yield FormationBlock(
            code=code,
            position_title=title,
            unit=unit,
            quota=quota,
            counts=counts,
            registered=len(lines),
            present=present,
            table=ResultTable(
                columns=labels,
                rows=[printed(line) for line in lines],
                numeric=numeric,
                centered=centered,
            ),
        )


def integration_of(ranking: Ranking) -> Integration | None:
    """The stage's integration rule, when it integrates an earlier stage (CPNS AKHIR)."""
    stage = ranking.stage
    if not stage.integrates:
        return None
    earlier = ranking.scheme.stage(stage.integrates)
    return Integration(earlier.code, int(stage.integrate_weight), int(earlier.maximum))


def part_labels(integration: Integration) -> tuple[str, str]:
    """ "SKD × 40 %" and "SKB × 60 %": Pasal 45(3) of PermenPANRB 6/2024 names the integrating
    part SKB, whatever the stage is called."""
    return (
        f"{integration.prior} × {integration.weight} %",
        f"SKB × {100 - integration.weight} %",
    )


def _printed_parts(
    integration: Integration,
    columns: Sequence[str],
    row: Sequence[str],
    fixed: Mapping[str, int],
) -> list[str]:
    """The two parts of one row as printed (``26,909``), from its own cells."""
    prior, own = integration.parts(
        row[columns.index(integration.prior)], row[columns.index("nilai_akhir")]
    )
    return [
        column_for_people("nilai_akhir", prior, fixed=fixed),
        column_for_people("nilai_akhir", own, fixed=fixed),
    ]


def _titles(db: Database, selection_id: int) -> dict[str, tuple[str, str, int]]:
    return {f.code: (f.position_title, f.unit, f.quota) for f in list_formations(db, selection_id)}


def _document(
    ranking: Ranking,
    settings: DocumentSettingsInfo,
    selection_name: str,
    number: str,
    issued_on: dt.date,
    subject: str,
    document_id: str,
    payload: str,
    previous: tuple[int, str] | None,
    *,
    final: bool,
    formations: dict[str, tuple[str, str, int]],
    anchor: ChainAnchor | None = None,
    root_fingerprint: str = "",
):  # app.reports.model.Announcement, imported lazily
    from app.reports.model import (
        Announcement,
        Letterhead,
        Signatory,
    )

    blocks = formation_blocks(ranking, formations)
    opening = settings.opening.replace("{stage}", ranking.stage.name)
    if previous is not None:
        opening += " " + _in_document("announce.replaces", number=previous[1])
    return Announcement(
        letterhead=Letterhead(
            government=settings.government,
            office=settings.office,
            address=settings.address,
            logo=settings.logo,
        ),
        number=number,
        date=issued_on,
        title="PENGUMUMAN",
        subject=subject,
        opening=opening,
        legal_basis=settings.legal_basis,
        stage_name=ranking.stage.name.upper(),
        formations=blocks,
        recap_codes=ranking.stage.codes.all(),
        legend=tuple(code_meanings(ranking.stage, final, incomplete=False, language="id")),
        components_legend=components_legend(ranking),
        closing_place=settings.place,
        signatory=Signatory(
            title=settings.signatory_title,
            name=settings.signatory_name,
            nip=settings.signatory_nip,
            prefix=settings.signatory_prefix,
            place=settings.place,
            signature_image=settings.signature_image,
            stamp_image=settings.stamp_image,
        ),
        document_id=document_id,
        verification_payload=payload,
        chain_anchor=anchor,
        closing=closing_provisions(settings),
        copies_to=settings.copies_to,
        root_fingerprint=root_fingerprint,
    )


def column_names(ranking: Ranking) -> dict[str, str]:
    """The printed header of each score column: the component's name (issue #11 §1: a reader
    sees "Tes Pengetahuan", the code only in the legend), the integrated stage's name."""
    names = {c.code: c.name or c.code for c in ranking.stage.components}
    if ranking.stage.integrates:
        earlier = ranking.scheme.stage(ranking.stage.integrates)
        names[earlier.code] = earlier.name or earlier.code
    return names


def components_legend(ranking: Ranking) -> tuple[tuple[str, str], ...]:
    """(name, what a reader needs to recompute it) of each score column: the code, the
    weight in the final value, the threshold (issue #11 §1)."""
    stage = ranking.stage
    entries: list[tuple[str, str]] = []
    integration = integration_of(ranking)
    if stage.integrates and integration is not None:
        earlier = ranking.scheme.stage(stage.integrates)
        entries.append(
            (
                earlier.name or earlier.code,
                _in_document(
                    "announce.legend_integrated",
                    code=earlier.code,
                    weight=stage.integrate_weight,
                    maximum=earlier.maximum,
                ),
            )
        )
        prior_label, own_label = part_labels(integration)
        entries.append(
            (
                prior_label,
                _in_document(
                    "announce.legend_prior_part",
                    code=earlier.code,
                    weight=integration.weight,
                    maximum=integration.maximum,
                ),
            )
        )
        entries.append(
            (
                own_label,
                _in_document(
                    "announce.legend_own_part",
                    code=earlier.code,
                    weight=100 - integration.weight,
                ),
            )
        )
    for component in stage.components:
        parts = [_in_document("announce.legend_code", code=component.code)]
        if component.is_numeric:
            parts.append(
                _in_document("announce.legend_range", low=component.minimum, high=component.maximum)
            )
            if stage.method != SUM and component.weight:
                parts.append(_in_document("announce.legend_weight", weight=component.weight))
            if component.threshold is not None:
                parts.append(_in_document("announce.legend_threshold", value=component.threshold))
        elif component.passing:
            parts.append(_in_document("announce.legend_passing", values=list(component.passing)))
        if component.assessors > 1:
            parts.append(_in_document("announce.legend_assessors", count=component.assessors))
        entries.append((component.name or component.code, "; ".join(parts)))
    return tuple(entries)


def closing_provisions(settings: DocumentSettingsInfo) -> tuple[str, ...]:
    """The numbered closing provisions (issue #11 §1): the objection period with its place,
    the next steps, then the standard statements (or the committee's own)."""
    from app.reports.wording import long_date  # the documents' own way of writing a date

    items: list[str] = []
    if settings.objection_from is not None and settings.objection_to is not None:
        items.append(
            _in_document(
                "announce.objection",
                start=long_date(settings.objection_from),
                end=long_date(settings.objection_to),
                place=settings.objection_place or settings.office.title(),
            )
        )
    if settings.next_steps.strip():
        items.append(settings.next_steps.strip())
    items.extend(settings.closing)
    return tuple(items)


def next_number(db: Database, selection_id: int, issued_on: dt.date) -> str:
    """The number the next announcement gets when none is given (the dialog shows it)."""
    return _default_number(db, selection_id, issued_on)


def _default_number(db: Database, selection_id: int, issued_on: dt.date) -> str:
    """The next ``NNN/PANSELDA/YYYY`` not used yet in the selection."""
    with db.reading() as connection:
        used = {
            row[0]
            for row in connection.execute(
                "SELECT number FROM announcement WHERE selection_id = ?", (selection_id,)
            )
        }
    count = len(used) + 1
    while f"{count:03d}/PANSELDA/{issued_on.year}" in used:
        count += 1
    return f"{count:03d}/PANSELDA/{issued_on.year}"


FAR_DAYS = 31
"""An announcement dated further ahead than this is most likely a typing slip (2062 for
2026): it is issued only when the user confirms the date."""


def _check_signatory(settings: DocumentSettingsInfo) -> None:
    """The signature block names who signs: a blank name or NIP would be fixed for good."""
    missing = [
        t(field)
        for field, value in (
            ("announce.field_signatory_name", settings.signatory_name),
            ("announce.field_signatory_nip", settings.signatory_nip),
        )
        if not value.strip()
    ]
    if missing:
        raise UserError("announce.no_signatory", fields=missing)


def _check_number_and_date(
    db: Database,
    selection_id: int,
    number: str,
    issued_on: dt.date,
    previous: tuple[int, str] | None,
    confirm_date: bool,
) -> None:
    with db.reading() as connection:
        taken = connection.execute(
            "SELECT a.issued_on, s.code FROM announcement a JOIN stage s ON s.id = a.stage_id"
            " WHERE a.selection_id = ? AND a.number = ?",
            (selection_id, number),
        ).fetchone()
        replaced_on = (
            connection.execute(
                "SELECT issued_on FROM announcement WHERE id = ?", (previous[0],)
            ).fetchone()[0]
            if previous is not None
            else None
        )
    if taken is not None:
        raise UserError(
            "announce.number_taken",
            number=number,
            stage=taken[1],
            date=_date_text(dt.date.fromisoformat(taken[0])),
        )
    if replaced_on is not None and issued_on < dt.date.fromisoformat(replaced_on):
        assert previous is not None
        raise UserError(
            "announce.before_replaced",
            date=_date_text(issued_on),
            number=previous[1],
            replaced=_date_text(dt.date.fromisoformat(replaced_on)),
        )
    if not confirm_date and issued_on > dt.date.today() + dt.timedelta(days=FAR_DAYS):
        raise UserError("announce.date_far", date=_date_text(issued_on), days=FAR_DAYS)


def _date_text(day: dt.date) -> str:
    return day.strftime("%d-%m-%Y")


def _latest(db: Database, selection_id: int, stage_code: str) -> tuple[int, str] | None:
    with db.reading() as connection:
        row = connection.execute(
            "SELECT a.id, a.number FROM announcement a JOIN stage s ON s.id = a.stage_id"
            " WHERE a.selection_id = ? AND s.code = ? ORDER BY a.id DESC LIMIT 1",
            (selection_id, stage_code),
        ).fetchone()
    return (row[0], row[1]) if row else None


def write_atomically(path: Path, data: bytes) -> None:
    """Never leave half a PDF behind: write aside, then rename over."""
    move_into_place(write_aside(path, data), path)


def write_aside(path: Path, data: bytes) -> Path:
    """``data`` on disk beside ``path``, under its hidden name (``aside_name``); returns it.

    Written and synced first, so a full disk or a folder without permission refuses the
    whole action; moved to ``path`` only when done (``move_into_place``). An announcement
    is written under the same name before its transaction commits and moved after, so no
    official-looking PDF exists that the database does not know (issue #9 §5).
    """
    temporary = aside_name(path)
    try:
        with temporary.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise UserError("cli.cannot_write", path=path, detail=error.strerror) from error
    return temporary


def move_into_place(temporary: Path, path: Path) -> None:
    try:
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise UserError("cli.cannot_write", path=path, detail=error.strerror) from error


def _store(
    db: Database,
    actor: Actor,
    selection_id: int,
    stage: Stage,
    rows: int,
    document_id: str,
    number: str,
    issued_on: dt.date,
    subject: str,
    settings: DocumentSettingsInfo,
    snapshot: Stored,
    pdf: Stored,
    signed: bool,
    previous: tuple[int, str] | None,
    seen: dict[str, int],
) -> AnnouncementInfo:
    """Store the announcement: its row, the snapshot and the PDF, and the audit event.

    Under the write lock, before anything is written: the stage is still final, and no
    formation changed since ``seen`` was read before computing. A stage reopened, corrected
    and finalized again while the PDF was rendered passes the first check, not the second.

    Snapshot and PDF are not bound as values (the driver and SQLite would copy them twice
    each, 45 MB at 100k rows): the INSERT reserves their exact size, as zeros, and they are
    written from their files into the new row (``_fill``). They are the row's last columns
    (migration 0012), so the reservation is never built in memory either. Blob writes fire
    no trigger, and ``announcement_no_update`` refuses every change of an issued
    announcement; this is no change of one: the row is written only here, inside the
    transaction that inserts it, before that transaction commits. Until the commit nobody
    else sees the row, a failure rolls back row and contents together, and once committed
    nothing in the program opens an announcement's value for writing again: what is
    committed is what was inserted, with contents whose hashes are checked before the
    commit.
    """
    from .columns import json_text, now_text

    with write(db, actor, Action.ISSUE_ANNOUNCEMENT, selection_id, kinds=[ANNOUNCEMENTS]) as action:
        connection = action.connection
        # Again under the write lock: nobody reopened the stage while the PDF was rendered.
        require_final(connection, selection_id, stage.code)
        _ensure_unchanged(connection, selection_id, stage.code, seen)
        stage_id = connection.execute(
            "SELECT id FROM stage WHERE selection_id = ? AND code = ?",
            (selection_id, stage.code),
        ).fetchone()[0]
        signatory = {
            "title": settings.signatory_title,
            "name": settings.signatory_name,
            "nip": settings.signatory_nip,
            "prefix": settings.signatory_prefix,
        }
        created_at = now_text()
        on_server = is_server(connection)
        # On a file the contents are reserved as zeros and written from their files (blob
        # I/O); a server takes them as values, read from the same files.
        reserve = ("?", "?") if on_server else ("CAST(zeroblob(?) AS TEXT)", "zeroblob(?)")
        announcement_id = connection.execute(
            "INSERT INTO announcement (selection_id, stage_id, document_id, number, issued_on,"
            " subject, signatory, snapshot, snapshot_sha256, pdf, pdf_sha256, signed,"
            " replaces_id, created_by, created_at)"
            # The snapshot stays TEXT (read with SQLite's JSON functions); the PDF a BLOB.
            f" VALUES (?, ?, ?, ?, ?, ?, ?, {reserve[0]}, ?, {reserve[1]}, ?, ?,"
            " ?, ?, ?)",
            (
                selection_id,
                stage_id,
                document_id,
                number,
                issued_on.isoformat(),
                subject,
                json_text(signatory),
                _whole(snapshot).decode("utf-8") if on_server else snapshot.size,
                snapshot.sha256,
                _whole(pdf) if on_server else pdf.size,
                pdf.sha256,
                signed,
                previous[0] if previous else None,
                actor.name,
                created_at,
            ),
        ).lastrowid
        assert announcement_id is not None
        if not on_server:
            _fill(connection, announcement_id, "snapshot", snapshot)
            _fill(connection, announcement_id, "pdf", pdf)
        action.audit(
            "announcement.issued",
            entity="announcement",
            key=document_id,
            new={
                "number": number,
                "stage": stage.code,
                "snapshot_sha256": snapshot.sha256,
                "pdf_sha256": pdf.sha256,
                "signed": signed,
                "replaces": previous[1] if previous else None,
            },
        )
    # What was stored, as ``list_announcements`` reads it back (without parsing the
    # snapshot again to count its rows: 100k rows are 10 MB of JSON).
    return AnnouncementInfo(
        id=announcement_id,
        document_id=document_id,
        number=number,
        issued_on=issued_on,
        stage=stage.code,
        subject=subject,
        signed=signed,
        replaces=previous[1] if previous else None,
        snapshot_sha256=snapshot.sha256,
        pdf_sha256=pdf.sha256,
        created_by=actor.name,
        created_at=created_at,
        rows=rows,
        changes=action.changes,
    )


def _whole(source: Stored) -> bytes:
    """A scratch file's bytes, checked against the hash that was printed."""
    source.file.seek(0)
    data = source.file.read()
    if len(data) != source.size or hashlib.sha256(data).hexdigest() != source.sha256:
        raise RuntimeError("announcement: the stored copy differs from the file")
    return data


def _fill(connection: sqlite3.Connection, row_id: int, column: str, source: Stored) -> None:
    """Write ``source`` into the value its INSERT reserved, chunk by chunk.

    Every byte written is hashed again: the stored value must be, to the byte, what was
    hashed and printed, or the announcement is not stored (an error rolls the row back).
    """
    digest = hashlib.sha256()
    source.file.seek(0)
    with connection.blobopen("announcement", column, row_id) as blob:
        if len(blob) != source.size:
            raise RuntimeError(f"announcement {column}: {len(blob)} bytes reserved")
        while chunk := source.file.read(CHUNK):
            blob.write(chunk)  # ValueError past the reserved end
            digest.update(chunk)
        written = blob.tell()
    if written != source.size or digest.hexdigest() != source.sha256:
        raise RuntimeError(f"announcement {column}: the stored copy differs from the file")


def _ensure_unchanged(
    connection: sqlite3.Connection, selection_id: int, stage_code: str, seen: dict[str, int]
) -> None:
    """Refuse when a formation's stamp moved (or a formation came or went) since ``seen``."""
    now = read_revisions(connection, selection_id).formations
    changed = sorted(code for code in {*now, *seen} if now.get(code) != seen.get(code))
    if changed:
        named = ", ".join(changed[:NAMED_IN_MESSAGE]) + (
            ", …" if len(changed) > NAMED_IN_MESSAGE else ""
        )
        raise UserError("announce.changed", stage=stage_code, count=len(changed), formations=named)


def list_announcements(db: Database, selection_id: int) -> list[AnnouncementInfo]:
    with db.reading() as connection:
        rows = connection.execute(
            "SELECT a.id, a.document_id, a.number, a.issued_on, s.code, a.subject, a.signed,"
            " r.number, a.snapshot_sha256, a.pdf_sha256, a.created_by, a.created_at,"
            " json_array_length(a.snapshot, '$.rows')"
            " FROM announcement a JOIN stage s ON s.id = a.stage_id"
            " LEFT JOIN announcement r ON r.id = a.replaces_id"
            " WHERE a.selection_id = ? ORDER BY a.id",
            (selection_id,),
        ).fetchall()
    return [
        AnnouncementInfo(
            id=r[0],
            document_id=r[1],
            number=r[2],
            issued_on=dt.date.fromisoformat(r[3]),
            stage=r[4],
            subject=r[5],
            signed=bool(r[6]),
            replaces=r[7],
            snapshot_sha256=r[8],
            pdf_sha256=r[9],
            created_by=r[10],
            created_at=r[11],
            rows=r[12] or 0,
        )
        for r in rows
    ]


def stored_pdf(db: Database, announcement_id: int) -> bytes:
    with db.reading() as connection:
        row = connection.execute(
            "SELECT pdf FROM announcement WHERE id = ?", (announcement_id,)
        ).fetchone()
    if row is None:
        raise UserError("announce.not_found", value=announcement_id)
    return bytes(row[0])


def verify_announcement(
    db: Database, pdf_path: Path, certificate: Path | None = None
) -> Verification:
    """Check a PDF against the announcement it claims to be, row for row."""
    from .signing import certificate_fingerprint, check_signature

    try:
        data = pdf_path.read_bytes()
    except OSError as error:
        raise UserError("cli.os_error", detail=f"{pdf_path}: {error.strerror}") from error
    result = Verification(ok=False)
    found = _document_identity(data)
    if found is None:
        result.findings.append(t("verify.no_id"))
        return result
    document_id, claimed_hash = found
    result.document_id = document_id
    with db.reading() as connection:
        row = connection.execute(
            "SELECT a.number, a.snapshot, a.snapshot_sha256, a.pdf_sha256, a.signed,"
            " a.selection_id, s.code, (SELECT r.number FROM announcement r"
            " WHERE r.replaces_id = a.id ORDER BY r.id DESC LIMIT 1)"
            " FROM announcement a JOIN stage s ON s.id = a.stage_id WHERE a.document_id = ?",
            (document_id,),
        ).fetchone()
        if row is not None:
            scheme, _ids = scheme_of_selection(connection, row[5])
            stage_codes = {stage.code: stage for stage in scheme.stages}
            printed_stage = stage_codes.get(row[6])
    if row is None:
        return printed_verification(db, result, document_id, data)
    number, snapshot, snapshot_hash, pdf_hash, signed, _selection, _stage, replaced_by = row
    result.number = number
    fixed = fixed_places(printed_stage.plain_sum if printed_stage is not None else False)
    checks: list[bool] = []
    recomputed = hashlib.sha256(snapshot.encode("utf-8")).hexdigest()
    checks.append(recomputed == snapshot_hash)
    result.findings.append(t("verify.snapshot_ok") if checks[-1] else t("verify.snapshot_changed"))
    if claimed_hash is not None:
        checks.append(claimed_hash == snapshot_hash)
        result.findings.append(
            t("verify.payload_ok") if checks[-1] else t("verify.payload_differs")
        )
    same_file = hashlib.sha256(data).hexdigest() == pdf_hash
    checks.append(same_file)
    result.findings.append(t("verify.file_ok") if same_file else t("verify.file_differs"))
    if signed:
        cert = None
        if certificate is not None:
            try:
                cert = certificate.read_bytes()
            except OSError as error:
                raise UserError(
                    "cli.os_error", detail=f"{certificate}: {error.strerror}"
                ) from error
        report = check_signature(data, cert)
        # Trust needs the committee certificate from outside the file; without it the check
        # stops at "intact and valid" and says so.
        checks.append(report.ok if cert is not None else report.ok_untrusted)
        given = certificate_fingerprint(cert) if cert is not None else ""
        result.findings.append(_signature_text(report, given))
    else:
        # Said in so many words: an unsigned announcement is checked by its hash only.
        result.findings.append(t("verify.issued_unsigned"))
    if not same_file:
        differing = _differing_rows(data, json.loads(snapshot), fixed)
        checks.append(not differing)
        result.findings.append(
            t("verify.rows_match")
            if not differing
            else t(
                "verify.rows_differ",
                count=len(differing),
                rows=[f"{number} ({field})" for number, field in differing[:5]],
            )
        )
    if replaced_by:
        # Genuine or not, a replaced announcement is no longer the committee's word.
        result.replaced_by = replaced_by
        checks.append(False)
        result.findings.append(t("verify.replaced", number=replaced_by))
    result.ok = all(checks)
    return result


def printed_verification(
    db: Database, result: Verification, document_id: str, data: bytes | None
) -> Verification:
    """A form the program printed (a slip, minutes, a list, a sheet), not an announcement:
    registered or not, the same file or not, and what it shows (issue #11 §3)."""
    from .printed import find_printed, printed_findings

    found = find_printed(db, document_id)
    if found is None:
        result.findings.append(t("verify.unknown", id=document_id))
        return result
    result.printed = found.title
    result.ok, findings = printed_findings(found, data)
    result.findings.extend(findings)
    return result


def _signature_text(report: SignatureReport, given: str) -> str:
    """The signature's finding; ``given``: the fingerprint of the certificate given to check
    against (empty: none was). Each names the root the file chains to (issue #11 §4)."""
    if not report.present:
        return t("verify.signature_missing")
    if not report.intact or not report.covers_whole_file:
        return t("verify.signature_broken")
    fingerprint = report.root_fingerprint or "-"
    if not report.trusted:
        if given:
            return t(
                "verify.signature_untrusted",
                signer=report.signer or "-",
                fingerprint=fingerprint,
                given=given,
            )
        return t("verify.signature_no_cert", fingerprint=fingerprint)
    return t("verify.signature_ok", signer=report.signer, fingerprint=fingerprint)


def _document_identity(pdf: bytes) -> tuple[str, str | None] | None:
    """The document id (and the snapshot hash of the QR payload) written into the PDF."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(BytesIO(pdf), strict=False)
        metadata = reader.metadata
        keywords = str(metadata.get("/Keywords", "") or "") if metadata is not None else ""
        first_page = reader.pages[0].extract_text() if reader.pages else ""
    except (PdfReadError, ValueError, KeyError, IndexError):
        return None
    payload = re.search(rf"{PAYLOAD_PREFIX}\|({DOCUMENT_ID.pattern})\|([0-9a-f]{{64}})", keywords)
    if payload:
        return payload.group(1), payload.group(2)
    match = DOCUMENT_ID.search(keywords) or DOCUMENT_ID.search(first_page or "")
    return (match.group(0), None) if match else None


def _differing_rows(pdf: bytes, snapshot: dict, fixed: Mapping[str, int]) -> list[tuple[str, str]]:
    """(participant number, the first field that differs) of every row whose printed entry
    no longer shows the snapshot's values, field for field (issue #11 §2: a changed name is
    reported as a changed name).

    Each participant's entry is the text from their number up to the next participant's
    number (a name or a note may wrap), compared without white space against the row's cells
    as the announcement prints them (``formation_blocks``: 415, 79,430); the rank is the word
    just before the number.
    """
    from pypdf import PdfReader

    try:
        reader = PdfReader(BytesIO(pdf), strict=False)
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except Exception:  # an unreadable file differs everywhere
        return [("*", "*")]
    columns = snapshot["columns"]
    number_at = columns.index("nomor_peserta")
    rank_at = columns.index("peringkat")
    after = [
        i
        for i, name in enumerate(columns)
        if name not in ("tahap", "kode_formasi", "peringkat", "nomor_peserta")
    ]
    numeric = {"nilai_akhir", *columns[columns.index("nama") + 1 : columns.index("nilai_akhir")]}
    rule = snapshot.get("integration")
    integration = Integration(**rule) if isinstance(rule, dict) else None
    parts_at = after.index(columns.index("nilai_akhir")) if integration is not None else -1
    numbers = {row[number_at] for row in snapshot["rows"]}
    starts = sorted(
        (match.start(), match.group(0))
        for match in re.finditer(r"\b\d{3,}\b", text)
        if match.group(0) in numbers
    )
    entries: dict[str, list[tuple[str, str]]] = {}
    for index, (start, number) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(text)
        before = text[max(0, start - 40) : start].split()
        entries.setdefault(number, []).append(
            (before[-1] if before else "", _squeezed(text[start + len(number) : end]))
        )
    differing = []
    for row in snapshot["rows"]:
        number = row[number_at]
        found = entries.get(number, [])
        if len(found) != 1:
            differing.append((number, LABELS["nomor_peserta"]))
            continue
        rank_word, entry = found[0]
        rank = row[rank_at]
        if rank != rank_word and (rank or rank_word.isdigit()):
            differing.append((number, LABELS["peringkat"]))
            continue
        cells = [
            _squeezed(column_for_people(columns[i], row[i], fixed=fixed))
            if columns[i] in numeric
            else _squeezed(row[i])
            for i in after
        ]
        kinds = [columns[i] not in numeric for i in after]
        names = [LABELS.get(columns[i], columns[i]) for i in after]
        if integration is not None:
            cells[parts_at:parts_at] = [
                _squeezed(part) for part in _printed_parts(integration, columns, row, fixed)
            ]
            kinds[parts_at:parts_at] = [False, False]
            names[parts_at:parts_at] = list(part_labels(integration))
        wrong = _first_difference(cells, entry, kinds)
        if wrong is not None:
            differing.append((number, names[wrong]))
    return differing


def _first_difference(cells: list[str], entry: str, text: list[bool]) -> int | None:
    """The first of ``cells`` that ``entry`` (their printed text, white space removed) does
    not show in order. Where the difference starts exactly between a text cell and the next
    one and the characters' kind differs ("Budi|72" read as "BudiSiregar|72"), the text cell
    was the one changed."""
    at = 0
    for index, wanted in enumerate(cells):
        if entry.startswith(wanted, at):
            at += len(wanted)
            continue
        got = entry[at : at + 1]
        if (
            index > 0
            and text[index - 1]
            and wanted[:1] != got
            and got.isalpha() != wanted[:1].isalpha()
        ):
            return index - 1
        return index
    return None


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)
