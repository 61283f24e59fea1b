"""The schema: SQLAlchemy typed models, one module per aggregate."""

from .audit import AuditEvent
from .base import Base
from .device import Device, DeviceClaim, DeviceEvent, DevicePackage, DeviceSelf, MergedRow
from .document import Announcement, DocumentSettings, PrintedDocument
from .formation import Formation
from .identity import DatabaseIdentity
from .participant import Participant, ParticipantMark
from .performance import Performance
from .policy import FgdJudgment, PolicyDraft
from .recommendation import Recommendation
from .score import Score
from .selection import Component, Selection, Stage
from .trust import Finalization, ScoreDraft, TieDecision
from .user import User

__all__ = [
    "Announcement",
    "AuditEvent",
    "Base",
    "Component",
    "DatabaseIdentity",
    "Device",
    "DeviceClaim",
    "DeviceEvent",
    "DevicePackage",
    "DeviceSelf",
    "DocumentSettings",
    "FgdJudgment",
    "Finalization",
    "Formation",
    "MergedRow",
    "Participant",
    "ParticipantMark",
    "Performance",
    "PolicyDraft",
    "PrintedDocument",
    "Recommendation",
    "Score",
    "ScoreDraft",
    "Selection",
    "Stage",
    "TieDecision",
    "User",
]
