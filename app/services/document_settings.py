"""Letterhead, announcement wording and signatory of a selection's documents."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields, replace
from typing import Any

from .actor import Actor
from .changes import DOCUMENT_SETTINGS, Outcome
from .columns import json_text
from .database import Database
from .door import permit, write
from .errors import UserError
from .permissions import Action

MAX_IMAGE_BYTES = 2 * 1024 * 1024
SIGNATORY_PREFIXES = ("", "Plh.", "Pj.")

DEFAULT_BASIS = {
    "CPNS": (
        "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara;",
        "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 6"
        " Tahun 2024 tentang Pengadaan Aparatur Sipil Negara;",
        "Keputusan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 321"
        " Tahun 2024 tentang Nilai Ambang Batas Seleksi Kompetensi Dasar Pengadaan Calon"
        " Pegawai Negeri Sipil Tahun Anggaran 2024;",
    ),
    "PPPK": (
        "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara;",
        "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 6"
        " Tahun 2024 tentang Pengadaan Aparatur Sipil Negara;",
        "Keputusan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 347"
        " Tahun 2024 tentang Mekanisme Seleksi Pengadaan Pegawai Pemerintah dengan Perjanjian"
        " Kerja Tahun Anggaran 2024;",
    ),
    "LOKAL": (
        "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara;",
        "Kebijakan seleksi berbasis kompetensi Pemerintah Kota Binjai;",
    ),
}

DEFAULT_OPENING = (
    "Berdasarkan hasil pengolahan nilai seleksi yang dilaksanakan secara terbuka, objektif dan"
    " transparan, bersama ini Panitia Seleksi Daerah mengumumkan hasil {stage} sebagaimana"
    " tercantum dalam lampiran pengumuman ini."
)


@dataclass(frozen=True, slots=True)
class DocumentSettingsInfo:
    """Everything a document needs besides the results; images are PNG/JPEG bytes."""

    government: str
    office: str
    address: str
    place: str
    opening: str
    legal_basis: tuple[str, ...]
    signatory_title: str
    signatory_name: str
    signatory_nip: str
    signatory_prefix: str
    committee: tuple[tuple[str, str], ...] = ()
    logo: bytes | None = field(default=None, repr=False)
    signature_image: bytes | None = field(default=None, repr=False)
    stamp_image: bytes | None = field(default=None, repr=False)


def document_settings(db: Database, selection_id: int) -> DocumentSettingsInfo:
    """The stored settings, or defaults derived from the selection (never an empty letterhead)."""
    with db.reading() as connection:
        selection = connection.execute(
            "SELECT instansi, kind FROM selection WHERE id = ?", (selection_id,)
        ).fetchone()
        if selection is None:
            raise UserError("selection.not_found", id=selection_id)
        row = connection.execute(
            "SELECT government, office, address, place, opening, legal_basis, signatory_title,"
            " signatory_name, signatory_nip, signatory_prefix, committee, logo, signature_image,"
            " stamp_image FROM document_settings WHERE selection_id = ?",
            (selection_id,),
        ).fetchone()
    instansi, kind = selection
    if row is None:
        return DocumentSettingsInfo(
            government=(instansi or "Pemerintah Kota Binjai").upper(),
            office="PANITIA SELEKSI DAERAH",
            address="",
            place="Binjai",
            opening=DEFAULT_OPENING,
            legal_basis=DEFAULT_BASIS.get(kind, DEFAULT_BASIS["LOKAL"]),
            signatory_title="Ketua Panitia Seleksi Daerah",
            signatory_name="",
            signatory_nip="",
            signatory_prefix="",
        )
    import json

    (
        government,
        office,
        address,
        place,
        opening,
        basis,
        title,
        name,
        nip,
        prefix,
        committee,
        logo,
        signature,
        stamp,
    ) = row
    return DocumentSettingsInfo(
        government=government,
        office=office,
        address=address,
        place=place,
        opening=opening,
        legal_basis=tuple(json.loads(basis)),
        signatory_title=title,
        signatory_name=name,
        signatory_nip=nip,
        signatory_prefix=prefix,
        committee=tuple((r, n) for r, n in json.loads(committee)),
        logo=logo,
        signature_image=signature,
        stamp_image=stamp,
    )


NIP_DIGITS = 18


def save_document_settings(
    db: Database, actor: Actor, selection_id: int, settings: DocumentSettingsInfo
) -> Outcome[DocumentSettingsInfo]:
    permit(db, actor, Action.EDIT_DOCUMENT_SETTINGS, selection_id)
    if settings.signatory_prefix not in SIGNATORY_PREFIXES:
        raise UserError("documents.bad_prefix", choices=SIGNATORY_PREFIXES)
    if not settings.government.strip():
        raise UserError("documents.government_required")
    for name in ("logo", "signature_image", "stamp_image"):
        image = getattr(settings, name)
        if image is not None and len(image) > MAX_IMAGE_BYTES:
            raise UserError("documents.image_too_large", max="2 MB")
        if image is not None and not _is_image(image):
            raise UserError("documents.not_an_image")
    # Every one-line text field, whichever fields there are: a field name to its new value.
    one_line: dict[str, Any] = {
        f.name: " ".join(getattr(settings, f.name).split())
        for f in fields(settings)
        if isinstance(getattr(settings, f.name), str) and f.name not in ("opening", "address")
    }
    # A NIP is 18 digits (PP 11/2017 jo. Peraturan BKN on the NIP: birth date, appointment
    # month, sex, sequence); it is often written in groups "19800101 200501 1 001", so the
    # spaces are taken out, and anything else is refused with the reason.
    one_line["signatory_nip"] = "".join(settings.signatory_nip.split())
    nip = one_line["signatory_nip"]
    if nip and not (nip.isdigit() and nip.isascii() and len(nip) == NIP_DIGITS):
        raise UserError(
            "documents.bad_nip", value=settings.signatory_nip.strip(), digits=NIP_DIGITS
        )
    cleaned = replace(settings, **one_line)
    kinds = [DOCUMENT_SETTINGS]
    before = _stored_row(document_settings(db, selection_id))
    with write(db, actor, Action.EDIT_DOCUMENT_SETTINGS, selection_id, kinds=kinds) as action:
        row = {
            "selection_id": selection_id,
            "government": cleaned.government,
            "office": cleaned.office,
            "address": "\n".join(" ".join(line.split()) for line in cleaned.address.splitlines()),
            "place": cleaned.place,
            "opening": cleaned.opening.strip(),
            "legal_basis": json_text(
                [line.strip() for line in cleaned.legal_basis if line.strip()]
            ),
            "signatory_title": cleaned.signatory_title,
            "signatory_name": cleaned.signatory_name,
            "signatory_nip": cleaned.signatory_nip,
            "signatory_prefix": cleaned.signatory_prefix,
            "committee": json_text(
                [[r.strip(), n.strip()] for r, n in cleaned.committee if n.strip()]
            ),
            "logo": cleaned.logo,
            "signature_image": cleaned.signature_image,
            "stamp_image": cleaned.stamp_image,
        }
        # One row per selection: the first save inserts it, later ones replace every column.
        updates = ", ".join(f"{column} = excluded.{column}" for column in list(row)[1:])
        action.connection.execute(
            f"INSERT INTO document_settings ({', '.join(row)})"
            f" VALUES ({', '.join('?' * len(row))})"
            f" ON CONFLICT (selection_id) DO UPDATE SET {updates}",
            tuple(row.values()),
        )
        old, new = _changed_fields(before, row)
        action.audit(
            "documents.settings",
            entity="document_settings",
            key=str(selection_id),
            old=old,
            new=new,
        )
    return Outcome(document_settings(db, selection_id), action.changes)


def _is_image(data: bytes) -> bool:
    return data.startswith(b"\x89PNG\r\n\x1a\n") or data.startswith(b"\xff\xd8\xff")


def set_letterhead_logo(
    db: Database, actor: Actor, selection_id: int, image: bytes
) -> Outcome[DocumentSettingsInfo]:
    """The logo the first-run wizard asked for, into the selection's documents: chosen once
    for the agency, it must reach every announcement without a second visit to the settings
    (issue #10 §6). Checked as any logo is (an image, at most 2 MB)."""
    return save_document_settings(
        db, actor, selection_id, replace(document_settings(db, selection_id), logo=image)
    )


_AUDITED_IMAGES = ("logo", "signature_image", "stamp_image")


def _stored_row(settings: DocumentSettingsInfo) -> dict[str, Any]:
    """The settings as the columns hold them, to compare before and after a save."""
    return {
        "government": settings.government,
        "office": settings.office,
        "address": settings.address,
        "place": settings.place,
        "opening": settings.opening,
        "legal_basis": json_text(list(settings.legal_basis)),
        "signatory_title": settings.signatory_title,
        "signatory_name": settings.signatory_name,
        "signatory_nip": settings.signatory_nip,
        "signatory_prefix": settings.signatory_prefix,
        "committee": json_text([list(pair) for pair in settings.committee]),
        **{name: getattr(settings, name) for name in _AUDITED_IMAGES},
    }


def _changed_fields(
    before: dict[str, Any], after: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Old and new of the fields that changed, so the trail reads "alamat: Jl. A → Jl. B"
    (issue #10 §5); an image by the SHA-256 of its bytes, a list as its items."""

    def shown(name: str, value: Any) -> Any:
        if name in _AUDITED_IMAGES:
            return hashlib.sha256(value).hexdigest() if value else None
        if name in ("legal_basis", "committee") and isinstance(value, str):
            items = json.loads(value)
            return [" ".join(item) if isinstance(item, list) else item for item in items]
        return value

    old: dict[str, Any] = {}
    new: dict[str, Any] = {}
    for name, value in after.items():
        if name == "selection_id" or name not in before or before[name] == value:
            continue
        old[name], new[name] = shown(name, before[name]), shown(name, value)
    return old, new
