"""Letterhead, announcement wording and signatory of a selection's documents."""

from __future__ import annotations

import datetime as dt
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

ADOPTED_MARK = "rancangan kebijakan «"
"""What ``policy_drafts.adopt_draft`` writes into the source of a scheme it adopts."""


def default_basis(kind: str, scheme_source: str) -> tuple[str, ...]:
    """The legal basis a new selection's announcement starts from: the kind's regulations
    and, for a scheme adopted from a policy draft (issue #14 §3), that scheme itself, with
    where it came from (the draft, the FGD, what it answers), so the pengumuman names it."""
    lines = DEFAULT_BASIS.get(kind, DEFAULT_BASIS["LOKAL"])
    if ADOPTED_MARK in scheme_source:
        lines = (*lines, f"Skema seleksi yang ditetapkan dari {scheme_source.strip()};")
    return lines


DEFAULT_OPENING = (
    "Berdasarkan hasil pengolahan nilai seleksi yang dilaksanakan secara terbuka, objektif dan"
    " transparan, bersama ini Panitia Seleksi Daerah mengumumkan hasil {stage} sebagaimana"
    " tercantum dalam lampiran pengumuman ini."
)


DEFAULT_CLOSING = (
    "Apabila di kemudian hari terbukti peserta memberikan keterangan atau data yang tidak"
    " benar, kelulusannya dibatalkan.",
    "Seluruh tahapan seleksi tidak dipungut biaya; panitia tidak bertanggung jawab atas"
    " tindakan pihak mana pun yang menjanjikan kelulusan dengan imbalan.",
    "Keputusan panitia bersifat mutlak dan tidak dapat diganggu gugat.",
)
"""The standard closing statements of a pengumuman (issue #11 §1), each one item of the
numbered closing provisions after the objection period and the next steps."""


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
    objection_from: dt.date | None = None
    objection_to: dt.date | None = None
    """The objection period (masa sanggah), both days included; none when not set."""
    objection_place: str = ""
    """Where an objection is filed (an address, a site, an e-mail)."""
    next_steps: str = ""
    """What the successful must do next (pemberkasan, daftar ulang; after SKD the SKB)."""
    closing: tuple[str, ...] = DEFAULT_CLOSING
    copies_to: tuple[str, ...] = ()
    """Tembusan."""


def document_settings(db: Database, selection_id: int) -> DocumentSettingsInfo:
    """The stored settings, or defaults derived from the selection (never an empty letterhead)."""
    with db.reading() as connection:
        selection = connection.execute(
            "SELECT instansi, kind, scheme_source FROM selection WHERE id = ?", (selection_id,)
        ).fetchone()
        if selection is None:
            raise UserError("selection.not_found", id=selection_id)
        row = connection.execute(
            "SELECT government, office, address, place, opening, legal_basis, signatory_title,"
            " signatory_name, signatory_nip, signatory_prefix, committee, logo, signature_image,"
            " stamp_image, objection_from, objection_to, objection_place, next_steps, closing,"
            " copies_to FROM document_settings WHERE selection_id = ?",
            (selection_id,),
        ).fetchone()
    instansi, kind, scheme_source = selection
    if row is None:
        return DocumentSettingsInfo(
            government=(instansi or "Pemerintah Kota Binjai").upper(),
            office="PANITIA SELEKSI DAERAH",
            address="",
            place="Binjai",
            opening=DEFAULT_OPENING,
            legal_basis=default_basis(kind, scheme_source or ""),
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
        objection_from,
        objection_to,
        objection_place,
        next_steps,
        closing,
        copies_to,
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
        objection_from=dt.date.fromisoformat(objection_from) if objection_from else None,
        objection_to=dt.date.fromisoformat(objection_to) if objection_to else None,
        objection_place=objection_place,
        next_steps=next_steps,
        closing=DEFAULT_CLOSING if closing is None else tuple(json.loads(closing)),
        copies_to=tuple(json.loads(copies_to)),
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
    if (settings.objection_from is None) != (settings.objection_to is None):
        raise UserError("documents.objection_incomplete")
    if (
        settings.objection_from is not None
        and settings.objection_to is not None
        and settings.objection_to < settings.objection_from
    ):
        raise UserError(
            "documents.objection_order",
            start=settings.objection_from.strftime("%d-%m-%Y"),
            end=settings.objection_to.strftime("%d-%m-%Y"),
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
            "objection_from": _iso(cleaned.objection_from),
            "objection_to": _iso(cleaned.objection_to),
            "objection_place": cleaned.objection_place,
            "next_steps": cleaned.next_steps.strip(),
            # The standard statements stay NULL: a later wording of them reaches this file.
            "closing": None
            if _items(cleaned.closing) == list(DEFAULT_CLOSING)
            else json_text(_items(cleaned.closing)),
            "copies_to": json_text(_items(cleaned.copies_to)),
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


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _items(lines: tuple[str, ...]) -> list[str]:
    return [" ".join(line.split()) for line in lines if line.strip()]


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
        "objection_from": _iso(settings.objection_from),
        "objection_to": _iso(settings.objection_to),
        "objection_place": settings.objection_place,
        "next_steps": settings.next_steps,
        "closing": None
        if list(settings.closing) == list(DEFAULT_CLOSING)
        else json_text(list(settings.closing)),
        "copies_to": json_text(list(settings.copies_to)),
    }


def _changed_fields(
    before: dict[str, Any], after: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Old and new of the fields that changed, so the trail reads "alamat: Jl. A → Jl. B"
    (issue #10 §5); an image by the SHA-256 of its bytes, a list as its items."""

    def shown(name: str, value: Any) -> Any:
        if name in _AUDITED_IMAGES:
            return hashlib.sha256(value).hexdigest() if value else None
        if name == "closing" and value is None:
            return list(DEFAULT_CLOSING)
        if name in ("legal_basis", "committee", "closing", "copies_to") and isinstance(value, str):
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
