"""Who may do what: the one permission table of the program.

Every service checks its action here, and the window asks the same table which buttons and
pages to offer, so hiding a button and refusing the action can never disagree. Hiding a
button is not access control: the service refuses on its own.
"""

from __future__ import annotations

from enum import Enum

from .actor import Actor
from .errors import PermissionDenied

ADMIN = "admin"
OPERATOR = "operator"
ASSESSOR = "penilai"
MONEV = "monev"
"""The tim monitoring & evaluasi (issue #13): reads every figure, writes only its own
recommendations, never a score, a participant or a result."""
ROLES = (ADMIN, OPERATOR, ASSESSOR, MONEV)
"""Every role an account can have (``app_user.role``)."""


class Action(Enum):
    """Everything a user can be allowed or refused; the value names it in the audit trail."""

    CREATE_SELECTION = "selection.create"
    EDIT_SELECTION = "selection.edit"
    EDIT_SCHEME = "scheme.edit"
    EDIT_FORMATIONS = "formations.edit"
    IMPORT_PARTICIPANTS = "participants.import"
    MARK_PARTICIPANT = "participants.mark"
    EDIT_PARTICIPANT = "participants.edit"
    PRINT_DOCUMENT = "documents.print"
    IMPORT_SCORES = "scores.import"
    ENTER_SCORE = "scores.enter"
    RESOLVE_MISMATCH = "double_entry.resolve"
    SEE_OTHER_ROUND = "double_entry.see_values"
    DECIDE_TIE = "results.decide_tie"
    FINALIZE = "results.finalize"
    REOPEN = "results.reopen"
    ISSUE_ANNOUNCEMENT = "announcement.issue"
    EDIT_DOCUMENT_SETTINGS = "documents.settings"
    MANAGE_USERS = "users.manage"
    ADD_FIRST_USER = "users.add_first"
    CHANGE_OWN_PASSWORD = "users.change_own_password"
    MAKE_BACKUP = "backup.create"
    RESTORE_BACKUP = "backup.restore"
    PREPARE_DEVICE = "devices.prepare"
    EXPORT_PACKAGE = "packages.export"
    IMPORT_PACKAGE = "packages.import"
    IMPORT_PERFORMANCE = "performance.import"
    SEE_EVALUATION = "evaluation.see"
    RECOMMEND = "evaluation.recommend"
    DRAFT_POLICY = "policy.draft"
    ADOPT_POLICY = "policy.adopt"


_EVERYONE = frozenset({ADMIN, OPERATOR, ASSESSOR})
_CLERKS = frozenset({ADMIN, OPERATOR})
_ADMIN = frozenset({ADMIN})
_EVALUATORS = frozenset({ADMIN, MONEV})

PERMISSIONS: dict[Action, frozenset[str]] = {
    Action.CREATE_SELECTION: _ADMIN,
    Action.EDIT_SELECTION: _ADMIN,
    Action.EDIT_SCHEME: _ADMIN,
    # Formations arrive as files the clerks import (and correct); the scheme is the admin's.
    Action.EDIT_FORMATIONS: _CLERKS,
    Action.IMPORT_PARTICIPANTS: _CLERKS,
    Action.MARK_PARTICIPANT: _CLERKS,
    # One participant added late or corrected at the desk, as the clerks import the list.
    Action.EDIT_PARTICIPANT: _CLERKS,
    # Printing a form records it for verification; assessors print their own sheets.
    Action.PRINT_DOCUMENT: _EVERYONE,
    Action.IMPORT_SCORES: _CLERKS,
    # An assessor types the scores of the sheets they hold; operators type paper sheets.
    Action.ENTER_SCORE: _EVERYONE,
    # Deciding a double-entry mismatch, or reading the other round's values, is the
    # committee's: an operator who sees the first round could retype it to match.
    Action.RESOLVE_MISMATCH: _ADMIN,
    Action.SEE_OTHER_ROUND: _ADMIN,
    # A complete tie at the last seat is decided by the committee in a meeting, on the record.
    Action.DECIDE_TIE: _ADMIN,
    Action.FINALIZE: _ADMIN,
    Action.REOPEN: _ADMIN,
    Action.ISSUE_ANNOUNCEMENT: _ADMIN,
    Action.EDIT_DOCUMENT_SETTINGS: _ADMIN,
    Action.MANAGE_USERS: _ADMIN,
    # The first account of a new file is made by whoever set the file up (the first-run
    # wizard, ``init``); the service checks inside the transaction that it is the first.
    Action.ADD_FIRST_USER: _EVERYONE,
    # Everyone keeps their own secret; the service asks for the old password (issue 10 §4).
    Action.CHANGE_OWN_PASSWORD: _EVERYONE | {MONEV},
    Action.MAKE_BACKUP: _CLERKS,
    Action.RESTORE_BACKUP: _ADMIN,
    # A field laptop is prepared, and its packages merged, by the committee on the main
    # laptop; on the field laptop the clerk who carries the disk exports (issue #12).
    Action.PREPARE_DEVICE: _ADMIN,
    Action.EXPORT_PACKAGE: _CLERKS,
    Action.IMPORT_PACKAGE: _ADMIN,
    # Later performance is personnel data the committee holds for the evaluation (issue #13).
    Action.IMPORT_PERFORMANCE: _ADMIN,
    # The evaluation is read by the admin and the tim monev; their recommendations for the
    # policy revision are theirs to write, on the record (issue #13 §1).
    Action.SEE_EVALUATION: _EVALUATORS,
    Action.RECOMMEND: _EVALUATORS,
    # The drafting team (the evaluators, issue #14) drafts and collects the FGD's judgments;
    # turning a draft into a scheme a new selection may use is the committee's decision.
    Action.DRAFT_POLICY: _EVALUATORS,
    Action.ADOPT_POLICY: _ADMIN,
}


def allowed(role: str, action: Action) -> bool:
    return role in PERMISSIONS[action]


def require(actor: Actor, action: Action) -> None:
    """Refuse in the service itself; the message says whether only an admin may do it."""
    if allowed(actor.role, action):
        return
    roles = PERMISSIONS[action]
    refusal = PermissionDenied("permission.admin_only" if roles == _ADMIN else "permission.denied")
    refusal.action = action.value
    raise refusal
