"""Plain data the document renderers draw from: no ORM, no Qt, only text, numbers and bytes.

The services layer reads the database, ranks and formats every value (scores with their
decimals, dates as the committee wants them) and hands these frozen values to a renderer in
``app.reports``. Keeping them plain means a rendering can run in a worker thread after the
session is closed, and the snapshot the lead hashes is exactly what is printed.

Every text is printed as given (no upper-casing, no number formatting) except where a field
says otherwise; dates are ``datetime.date`` and are written with Indonesian month names.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

__all__ = [
    "ANCHOR_KEYWORD",
    "Announcement",
    "AttendanceList",
    "ChainAnchor",
    "FormationBlock",
    "Letterhead",
    "Minutes",
    "ResultSlip",
    "ResultTable",
    "ScoreSheet",
    "Signatory",
]


@dataclass(frozen=True)
class Letterhead:
    """The agency header (kop surat) on the first page of every document.

    ``logo`` is PNG or JPEG bytes; ``None`` draws the neutral default emblem from
    ``resources/letterhead`` (never a real coat of arms: the agency configures its own).
    ``address`` may hold several lines separated by ``\\n`` (street, telephone, e-mail).
    """

    government: str = "PEMERINTAH KOTA BINJAI"
    office: str = "PANITIA SELEKSI DAERAH"
    address: str = ""
    logo: bytes | None = None


@dataclass(frozen=True)
class Signatory:
    """Who signs: ``prefix`` is ``""``, ``"Plh."`` or ``"Pj."`` and is printed before the title.

    ``signature_image`` and ``stamp_image`` (PNG/JPEG, transparent PNG looks best) are drawn
    in the space above the name when given; otherwise the space stays empty for a wet
    signature or for the visible digital signature the lead places there.
    """

    title: str
    name: str
    nip: str = ""
    prefix: str = ""
    place: str = "Binjai"
    signature_image: bytes | None = None
    stamp_image: bytes | None = None


@dataclass(frozen=True)
class ResultTable:
    """One formation's results, already formatted as text.

    ``columns`` are the header labels, ``rows`` one tuple of cell texts per participant in
    printing order. Columns listed in ``numeric`` are right-aligned (scores, ranks) and never
    wrap; columns in ``centered`` (codes) are centred; every other column is left-aligned and
    wraps onto further lines when a cell is too long, so nothing is ever cut off.
    """

    columns: tuple[str, ...]
    rows: Sequence[tuple[str, ...]]
    numeric: frozenset[int] = frozenset()
    centered: frozenset[int] = frozenset()


@dataclass(frozen=True)
class FormationBlock:
    """A formation's heading, its recap numbers and its results table.

    ``counts`` maps a status code to how many participants carry it (``{"P/L": 2, "TH": 1}``);
    the announcement's recap shows the codes listed in ``Announcement.recap_codes`` (a code
    missing here counts as 0).
    """

    code: str
    position_title: str
    unit: str
    quota: int
    counts: Mapping[str, int]
    registered: int
    present: int
    table: ResultTable


@dataclass(frozen=True)
class ChainAnchor:
    """The audit chain's head when a document was made (issue 9: history anchored outside
    the file). Printed small in the footer (``printed``: ``#1234 · 3fa9c1…``) and written
    whole into the PDF's keywords (``keyword``), with the identity of the database, so
    ``seleksi audit verify --against FILE`` can check that the file's history still holds it.
    """

    event_id: int
    hash: str
    database: str = ""

    @property
    def printed(self) -> str:
        return f"#{self.event_id} · {self.hash[:6]}…"

    @property
    def keyword(self) -> str:
        return f"SELEKSI-ASN-AUDIT|{self.database}|{self.event_id}|{self.hash}"


ANCHOR_KEYWORD = re.compile(
    r"SELEKSI-ASN-AUDIT\|(?P<database>[0-9a-f-]*)\|(?P<event>\d+)\|(?P<hash>[0-9a-f]{64})"
)
"""How ``ChainAnchor.keyword`` is read back from a PDF's keywords."""


@dataclass(frozen=True)
class Announcement:
    """The public result announcement (pengumuman) of one stage.

    ``formations`` may be a one-shot iterator (a generator reading the snapshot formation by
    formation): it is read exactly once and never measured with ``len()``, so 100,000 rows
    need not be in memory at once. Column widths are fixed once per set of columns, from the
    first 300 rows read (so a later, longer name wraps within its row instead of widening the
    column).

    ``landscape``: ``None`` chooses landscape when the results table has more than
    ``LANDSCAPE_COLUMNS`` (9) columns. ``verification_payload`` is the text of the QR code
    printed on every page; ``document_id`` is printed in every page's footer.
    """

    letterhead: Letterhead
    number: str
    date: datetime.date
    title: str
    subject: str
    opening: str
    legal_basis: tuple[str, ...]
    stage_name: str
    formations: Iterable[FormationBlock]
    recap_codes: tuple[str, ...]
    legend: tuple[tuple[str, str], ...]
    closing_place: str
    signatory: Signatory
    document_id: str
    verification_payload: str
    landscape: bool | None = None
    chain_anchor: ChainAnchor | None = None
    components_legend: tuple[tuple[str, str], ...] = ()
    """(column name, its code, range, weight and threshold), under the codes' legend."""
    closing: tuple[str, ...] = ()
    """The numbered closing provisions (masa sanggah, next steps, the standard statements)."""
    copies_to: tuple[str, ...] = ()
    """Tembusan, printed under the signature."""
    root_fingerprint: str = ""
    """SHA-256 of the committee's root certificate, printed after "Demikian …" in a signed
    announcement (issue #11 §4), so a reader compares it with the one the committee hands
    out; empty: unsigned, nothing printed."""
    page_seal: Callable[[int, int, tuple[int, int] | None], str] | None = None
    """``seal(page, total, rows)``: each page's own code in place of ``verification_payload``
    (see ``PageFrame.page_seal``)."""


@dataclass(frozen=True)
class ScoreSheet:
    """A paper score sheet (blanko penilaian) for one component and a formation or session.

    ``aspects`` are the rubric aspects as (code, name), one box each; ``()`` gives a single
    value box. ``participants`` are (number, name) in the order of the entry grid, so the
    operator types the sheet top to bottom.
    """

    letterhead: Letterhead
    title: str
    stage_name: str
    component_name: str
    component_code: str
    formation_or_session: str
    aspects: tuple[tuple[str, str], ...]
    value_range: str
    participants: Sequence[tuple[str, str]]
    document_id: str
    assessor_name: str = ""
    step: str = ""
    """The step of the values when it is not 1 (``0,5``, ``5``), as a person reads it."""
    weight: str = ""
    """The component's weight in the stage in per cent (``35``, ``37,5``); empty: none."""
    threshold: str = ""
    """The passing threshold (``60``, ``65,5``); empty: the component eliminates nobody."""
    aspect_weights: tuple[str, ...] = ()
    """Each aspect's weight in per cent, in the order of ``aspects`` (empty: not printed)."""
    choices: tuple[str, ...] = ()
    place: str = ""
    """Where the sheet is signed; with a dotted date line to write on (issue #11 §5)."""
    """The values a categorical component takes (``MS``, ``TMS``); ``value_range`` is then
    not printed."""


@dataclass(frozen=True)
class AttendanceList:
    """An attendance list (daftar hadir) of one test session, with a signature box per row.

    ``participants`` are (number, name, formation).
    """

    letterhead: Letterhead
    title: str
    session: str
    place: str
    date: datetime.date
    participants: Sequence[tuple[str, str, str]]
    document_id: str


@dataclass(frozen=True)
class Minutes:
    """The minutes (berita acara) fixing the final results of one formation.

    ``text`` is the decision paragraph; ``members`` are (role in the committee, name) and each
    gets a signature line.
    """

    letterhead: Letterhead
    number: str
    date: datetime.date
    stage_name: str
    formation: FormationBlock
    text: str
    members: tuple[tuple[str, str], ...]
    closing_place: str
    document_id: str
    chain_anchor: ChainAnchor | None = None
    provisional: bool = False
    """The results are not final yet: every page is marked SEMENTARA."""
    legend: tuple[tuple[str, str], ...] = ()
    """What each code of the table means, printed under it."""


@dataclass(frozen=True)
class ResultSlip:
    """One participant's result slip: each component's value, the final score, rank and code.

    ``components`` are (component name, value text).
    """

    letterhead: Letterhead
    participant_number: str
    participant_name: str
    formation: str
    stage_name: str
    components: tuple[tuple[str, str], ...]
    final_score: str
    rank: str
    code: str
    code_meaning: str
    document_id: str
    verification_payload: str
    chain_anchor: ChainAnchor | None = None
    provisional: bool = False
    """The results are not final yet: the slip is marked SEMENTARA."""
    announcement: tuple[str, datetime.date] | None = None
    """(number, date) of the announcement the slip is taken from; ``None``: none yet."""
