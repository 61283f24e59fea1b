"""A selection made by hand (not the demo) has no signatory yet; an announcement needs one."""

from __future__ import annotations

import dataclasses

from app.services.actor import Actor
from app.services.database import Database
from app.services.document_settings import document_settings, save_document_settings

CHAIR = Actor("ketua", "admin")


def sign_as_the_chair(db: Database, selection_id: int, actor: Actor = CHAIR) -> None:
    """The document settings name the chair who signs (name and an 18-digit NIP)."""
    save_document_settings(
        db,
        actor,
        selection_id,
        dataclasses.replace(
            document_settings(db, selection_id),
            signatory_name="Dra. Sri Wahyuni",
            signatory_nip="196805141993032002",
        ),
    )
