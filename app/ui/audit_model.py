"""Audit events as a committee member reads them: local time, actions in words, old → new.

The audit trail stores machine text (UTC timestamps, action ids such as ``score.replaced``,
old and new values as JSON) so that its hash chain never depends on a language or a time
zone. This module turns one ``AuditEntry`` into the words shown on the Audit page, in the
score-history dialog and in the CSV export, so all three say the same thing.

The words come from ``Wording``, built once on the GUI thread with ``tr()``; the functions
that use it are plain Python, so an export can format 100k events on a worker thread. The
table model formats a row the first time it is painted and then keeps it: formatting 100k
events up front would cost more than reading them, and only a screenful is ever looked at.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.services.audit import AuditEntry

from .numbers import value_text as number_text

Index = QModelIndex | QPersistentModelIndex

EMPTY = "—"
ARROW = " → "
# Longer old/new text is cut in the cell; the tooltip carries all of it.
CELL_LIMIT = 160
_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
TOOLTIP_LIMIT = 2000
# A SHA-256 in a cell says nothing to a reader; its first characters identify it.
HASH_PREFIX = 12

# Columns a view may ask for, by key.
ID = "id"
AT = "at"
ACTOR = "actor"
ACTION = "action"
PARTICIPANT = "participant"
SUBJECT = "subject"
CHANGE = "change"
REASON = "reason"
PAGE_COLUMNS: tuple[str, ...] = (ID, AT, ACTOR, ACTION, PARTICIPANT, SUBJECT, CHANGE, REASON)
HISTORY_COLUMNS: tuple[str, ...] = (AT, ACTOR, ACTION, CHANGE, REASON)

# The kinds of action the page filters by, as action-id prefixes (``login`` alone is a
# successful login, ``login.failed`` a failed one).
KIND_PREFIXES: dict[str, tuple[str, ...]] = {
    "nilai": ("score.",),
    "tanda": ("participant.mark", "mark."),
    "impor": ("import.",),
    "skema": ("scheme.",),
    "pengumuman": ("announcement.",),
    "login": ("login",),
    "pengguna": ("user.",),
}


def matches_kind(action: str, kind: str | None) -> bool:
    """Whether ``action`` belongs to the filter ``kind`` (``None``: every action)."""
    if kind is None:
        return True
    return action.startswith(KIND_PREFIXES[kind])


# -- time ------------------------------------------------------------------------------------


def local_time(at: str) -> datetime:
    """A stored UTC timestamp as this computer's local time (committee members think in
    WIB/WITA/WIT, the trail in UTC)."""
    return datetime.fromisoformat(at).replace(tzinfo=UTC).astimezone()


def local_time_text(at: str) -> str:
    try:
        return local_time(at).strftime("%d-%m-%Y %H:%M:%S")
    except ValueError:
        return at  # never hide an event because its timestamp is odd


def utc_start_of_local_day(day: date) -> str:
    """Local midnight of ``day`` as the trail's UTC text, for a "since" filter."""
    start = datetime.combine(day, time.min).astimezone().astimezone(UTC)
    return start.replace(tzinfo=None).isoformat(sep=" ")


# -- words -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Wording:
    """The translated words of the trail, taken on the GUI thread; safe to read anywhere."""

    actions: Mapping[str, str] = field(default_factory=dict)
    prefixes: Mapping[str, str] = field(default_factory=dict)
    keys: Mapping[str, str] = field(default_factory=dict)
    before: str = "Sebelum"
    after: str = "Sesudah"
    yes: str = "ya"
    no: str = "tidak"


def action_text(action: str, wording: Wording) -> str:
    """An action id in words; an unknown id is shown as it is stored."""
    known = wording.actions.get(action)
    if known is not None:
        return known
    head, _, rest = action.partition(".")
    prefix = wording.prefixes.get(head)
    if prefix is not None and rest:
        return f"{prefix}: {rest}"
    return action


def subject_text(entry: AuditEntry) -> str:
    """What the event is about: ``PRAKTIK · Penilai A`` rather than ``PRAKTIK|Penilai A``."""
    return " · ".join(part for part in entry.entity_key.split("|") if part)


def _load(text: str | None) -> Any:
    if text is None or text == "":
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


def _is_score_list(value: Any) -> bool:
    return isinstance(value, list) and all(
        isinstance(item, dict) and "aspect" in item and "value" in item for item in value
    )


def _scalar(value: Any, wording: Wording) -> str:
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return wording.yes if value else wording.no
    if isinstance(value, str) and len(value) == 64 and all(c in "0123456789abcdef" for c in value):
        return value[:HASH_PREFIX] + "…"
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, list):
        # Formation codes, legal bases, committee members: the items, not their count.
        return _cut(", ".join(_scalar(item, wording) for item in value), CELL_LIMIT)
    if isinstance(value, (int, float)) or (isinstance(value, str) and _NUMBER.fullmatch(value)):
        return number_text(str(value))  # 72,5 as the sheets show it
    return str(value)


def _scores(items: list[dict[str, Any]]) -> str:
    """``[{"aspect": "", "value": "70"}]`` → ``70``; aspects → ``TEKNIS 80, SIKAP 70``."""
    if not items:
        return EMPTY
    parts = []
    for item in items:
        aspect = str(item.get("aspect") or "")
        value = number_text(str(item.get("value") or ""))
        parts.append(f"{aspect} {value}" if aspect else value)
    return ", ".join(parts)


def value_text(value: Any, wording: Wording) -> str:
    """One side of a change, readable: scores as a sheet shows them, records as ``key: value``."""
    if value is None:
        return EMPTY
    if _is_score_list(value):
        return _scores(value)
    if isinstance(value, dict):
        if not value:
            return EMPTY
        return ", ".join(
            f"{wording.keys.get(k, k)}: {_scalar(v, wording)}" for k, v in value.items()
        )
    if isinstance(value, list):
        return ", ".join(_scalar(item, wording) for item in value) if value else EMPTY
    return _scalar(value, wording)


def _aspect_values(items: list[dict[str, Any]]) -> dict[str, str] | None:
    """Aspect → value, or ``None`` when a whole value or TH is among them (no aspect)."""
    values = {}
    for item in items:
        aspect = str(item.get("aspect") or "")
        if not aspect:
            return None
        values[aspect] = number_text(str(item.get("value") or ""))
    return values


def change_text(old: str | None, new: str | None, wording: Wording) -> str:
    """``70 → 75``; for a rubric only the aspects that changed (``SIKAP 70 → 75``), because
    four aspects on both sides do not fit a table cell; ``tooltip_text`` shows them all."""
    before, after = _load(old), _load(new)
    if before is None and after is None:
        return ""
    if _is_score_list(before) and _is_score_list(after):
        old_aspects, new_aspects = _aspect_values(before), _aspect_values(after)
        if old_aspects and new_aspects:
            changed = [
                f"{aspect} {old_aspects.get(aspect) or EMPTY}{ARROW}"
                f"{new_aspects.get(aspect) or EMPTY}"
                for aspect in dict.fromkeys([*old_aspects, *new_aspects])
                if old_aspects.get(aspect) != new_aspects.get(aspect)
            ]
            if changed:
                return _cut("; ".join(changed), CELL_LIMIT)
    if before is None:
        return _cut(value_text(after, wording), CELL_LIMIT)
    return _cut(value_text(before, wording) + ARROW + value_text(after, wording), CELL_LIMIT)


def tooltip_text(old: str | None, new: str | None, wording: Wording) -> str | None:
    """Both sides in full, one per line."""
    before, after = _load(old), _load(new)
    if before is None and after is None:
        return None
    lines = []
    if before is not None:
        lines.append(f"{wording.before}: {value_text(before, wording)}")
    if after is not None:
        lines.append(f"{wording.after}: {value_text(after, wording)}")
    return _cut("\n".join(lines), TOOLTIP_LIMIT)


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def row_texts(entry: AuditEntry, wording: Wording) -> dict[str, str]:
    """Every column of one event as display text."""
    return {
        ID: f"{entry.device} #{entry.id}" if entry.device else str(entry.id),
        AT: local_time_text(entry.at),
        ACTOR: f"{entry.actor} · {entry.device}" if entry.device else entry.actor,
        ACTION: action_text(entry.action, wording),
        PARTICIPANT: entry.participant,
        SUBJECT: subject_text(entry),
        CHANGE: change_text(entry.old, entry.new, wording),
        REASON: entry.reason,
    }


# -- the model ---------------------------------------------------------------------------------


class AuditTableModel(QAbstractTableModel):
    """Read-only events, one per row, in the order given to ``set_entries``.

    ``columns`` chooses which of ``PAGE_COLUMNS`` are shown (the history dialog drops the
    number, participant and subject, which its title already names).
    """

    IdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(
        self, parent: QObject | None = None, columns: Sequence[str] = PAGE_COLUMNS
    ) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._entries: list[AuditEntry] = []
        self._texts: list[dict[str, str] | None] = []
        self._row_of: dict[int, int] | None = None
        self._wording = self.wording()
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        self._alignments = [int(right if key == ID else left) for key in self._columns]

    # -- filling ---------------------------------------------------------------------------

    def set_entries(self, entries: Sequence[AuditEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self._texts = [None] * len(self._entries)
        self._row_of = None
        self.endResetModel()

    def retranslate(self) -> None:
        """New words after a language switch: cached texts are dropped, headers repainted."""
        self._wording = self.wording()
        self._texts = [None] * len(self._entries)
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        if self._entries:
            last = self.index(len(self._entries) - 1, len(self._columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    # -- reading ---------------------------------------------------------------------------

    @property
    def columns(self) -> tuple[str, ...]:
        return self._columns

    @property
    def entries(self) -> list[AuditEntry]:
        return self._entries

    @property
    def current_wording(self) -> Wording:
        return self._wording

    def entry(self, row: int) -> AuditEntry:
        return self._entries[row]

    def texts(self, row: int) -> dict[str, str]:
        texts = self._texts[row]
        if texts is None:
            texts = self._texts[row] = row_texts(self._entries[row], self._wording)
        return texts

    def row_of_id(self, event_id: int) -> int | None:
        if self._row_of is None:
            # This file's own events only: a field laptop's events number their own chain.
            self._row_of = {
                entry.id: row for row, entry in enumerate(self._entries) if not entry.device
            }
        return self._row_of.get(event_id)

    def column_of(self, key: str) -> int:
        return self._columns.index(key)

    # -- Qt's model contract -----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, key = index.row(), self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.texts(row)[key]
        if role == Qt.ItemDataRole.ToolTipRole:
            entry = self._entries[row]
            if key == CHANGE:
                return tooltip_text(entry.old, entry.new, self._wording)
            if key == AT:
                return f"{entry.at[:19]} UTC"
            if key == ACTION:
                return entry.action
            if key == REASON:
                return entry.reason or None
            if key == SUBJECT:
                return self.texts(row)[SUBJECT] or None
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignments[index.column()]
        if role == self.IdRole:
            return self._entries[row].id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._titles()[self._columns[section]]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignments[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- words -------------------------------------------------------------------------------

    def _titles(self) -> dict[str, str]:
        return {
            ID: self.tr("#"),
            AT: self.tr("Waktu"),
            ACTOR: self.tr("Pengguna"),
            ACTION: self.tr("Tindakan"),
            PARTICIPANT: self.tr("Peserta"),
            SUBJECT: self.tr("Objek"),
            CHANGE: self.tr("Lama → baru"),
            REASON: self.tr("Alasan"),
        }

    def wording(self) -> Wording:
        """The trail's words in the current language (call on the GUI thread)."""
        return Wording(
            actions={
                "score.entered": self.tr("Nilai diisi"),
                "score.replaced": self.tr("Nilai diganti"),
                "score.cleared": self.tr("Nilai dihapus"),
                "score.undone": self.tr("Nilai dibatalkan (undo)"),
                "score.redone": self.tr("Nilai diulang (redo)"),
                "score.draft": self.tr("Nilai entri ganda dimasukkan"),
                "score.confirmed": self.tr("Nilai entri ganda cocok dan dikonfirmasi"),
                "score.mismatch": self.tr("Nilai entri ganda berbeda"),
                "score.resolved": self.tr("Perbedaan nilai diputuskan"),
                "score.unconfirmed": self.tr("Nilai entri ganda ditarik (tidak cocok lagi)"),
                "participant.marked": self.tr("Peserta ditandai"),
                "participant.added": self.tr("Peserta ditambahkan"),
                "participant.updated": self.tr("Data peserta diubah"),
                "tie.decided": self.tr("Keputusan SERI panitia"),
                "database.tampered": self.tr("Berkas diubah di luar program"),
                "import.scores": self.tr("Impor nilai"),
                "import.participants": self.tr("Impor peserta"),
                "import.formations": self.tr("Impor formasi"),
                "import.marks": self.tr("Impor tanda peserta"),
                "scheme.edited": self.tr("Skema diubah"),
                "selection.created": self.tr("Seleksi dibuat"),
                "selection.updated": self.tr("Data seleksi diubah"),
                "formation.saved": self.tr("Formasi disimpan"),
                "formation.deleted": self.tr("Formasi dihapus"),
                "documents.settings": self.tr("Pengaturan dokumen diubah"),
                "announcement.issued": self.tr("Pengumuman diterbitkan"),
                "document.printed": self.tr("Formulir dicetak dan didaftarkan"),
                "stage.finalized": self.tr("Tahap difinalkan"),
                "stage.reopened": self.tr("Tahap dibuka kembali"),
                "backup.created": self.tr("Cadangan dibuat"),
                "backup.restored": self.tr("Cadangan dipulihkan"),
                "login": self.tr("Login berhasil"),
                "login.failed": self.tr("Login gagal"),
                "login.refused_locked": self.tr("Login ditolak: akun terkunci"),
                "user.added": self.tr("Pengguna ditambahkan"),
                "user.changed": self.tr("Pengguna diubah"),
                "user.password_changed": self.tr("Kata sandi diganti"),
                "user.locked": self.tr("Akun dikunci"),
                "user.unlocked": self.tr("Akun dibuka kembali"),
                "user.password_reset": self.tr("Kata sandi diatur ulang oleh admin"),
                "user.password_change_refused": self.tr(
                    "Ganti kata sandi ditolak: sandi lama salah"
                ),
                "user.deactivated": self.tr("Akun dinonaktifkan"),
                "user.reactivated": self.tr("Akun diaktifkan kembali"),
                "permission.refused": self.tr("Tindakan ditolak: peran tidak mengizinkan"),
                "import.performance": self.tr("Impor data kinerja"),
                "recommendation.added": self.tr("Rekomendasi monev ditambahkan"),
                "recommendation.revised": self.tr("Rekomendasi monev diubah"),
                "recommendation.withdrawn": self.tr("Rekomendasi monev ditarik"),
            },
            prefixes={
                "score": self.tr("Nilai"),
                "import": self.tr("Impor"),
                "backup": self.tr("Cadangan"),
                "stage": self.tr("Tahap"),
                "user": self.tr("Pengguna"),
                "recommendation": self.tr("Rekomendasi"),
            },
            keys={
                "added": self.tr("baru"),
                "updated": self.tr("diubah"),
                "file": self.tr("berkas"),
                "sha256": self.tr("SHA-256"),
                "kind": self.tr("jenis"),
                "stage": self.tr("tahap"),
                "number": self.tr("nomor"),
                "finding": self.tr("temuan"),
                "text": self.tr("isi"),
                "name": self.tr("nama"),
                "full_name": self.tr("nama lengkap"),
                "birth_date": self.tr("tanggal lahir"),
                "formation_id": self.tr("formasi"),
                "nik": self.tr("NIK"),
                "ipk": self.tr("IPK"),
                "priority_group": self.tr("kelompok prioritas"),
                "affirmation_percent": self.tr("afirmasi (%)"),
                "session": self.tr("sesi"),
                "username": self.tr("nama pengguna"),
                "role": self.tr("peran"),
                "active": self.tr("aktif"),
                "locked_until": self.tr("terkunci sampai"),
                "must_change_password": self.tr("wajib ganti kata sandi"),
                "year": self.tr("tahun"),
                "scheme": self.tr("skema"),
                "code": self.tr("kode"),
                "title": self.tr("jabatan"),
                "unit": self.tr("unit kerja"),
                "education": self.tr("pendidikan"),
                "quota": self.tr("kuota"),
                "instansi": self.tr("instansi"),
                "snapshot_sha256": self.tr("SHA-256 cuplikan"),
                "formations": self.tr("formasi"),
                "government": self.tr("pemerintah daerah"),
                "office": self.tr("kantor"),
                "address": self.tr("alamat"),
                "place": self.tr("tempat"),
                "opening": self.tr("pembuka"),
                "legal_basis": self.tr("dasar hukum"),
                "signatory_title": self.tr("jabatan penanda tangan"),
                "signatory_name": self.tr("nama penanda tangan"),
                "signatory_nip": self.tr("NIP penanda tangan"),
                "signatory_prefix": self.tr("atas nama (a.n./Plh.)"),
                "committee": self.tr("susunan panitia"),
                "logo": self.tr("logo"),
                "signature_image": self.tr("gambar tanda tangan"),
                "stamp_image": self.tr("gambar cap"),
                "objection_from": self.tr("awal masa sanggah"),
                "objection_to": self.tr("akhir masa sanggah"),
                "objection_place": self.tr("tempat sanggah"),
                "next_steps": self.tr("langkah berikutnya"),
                "closing": self.tr("ketentuan penutup"),
                "copies_to": self.tr("tembusan"),
                "reason": self.tr("alasan"),
                "documents": self.tr("jumlah dokumen"),
                "document": self.tr("dokumen"),
            },
            before=self.tr("Sebelum"),
            after=self.tr("Sesudah"),
            yes=self.tr("ya"),
            no=self.tr("tidak"),
        )
