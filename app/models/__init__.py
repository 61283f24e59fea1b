"""The schema: SQLAlchemy typed models, one module per aggregate."""

from .base import Base
from .formation import Formation
from .participant import Participant, ParticipantMark
from .score import Score
from .selection import Component, Selection, Stage
from .user import ROLES, User

__all__ = [
    "ROLES",
    "Base",
    "Component",
    "Formation",
    "Participant",
    "ParticipantMark",
    "Score",
    "Selection",
    "Stage",
    "User",
]
