"""What can go wrong with the database, each with a sentence a clerk can act on (`str(error)`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

R = TypeVar("R")


class StoreError(Exception):
    """Any storage problem; the message is Chinese and meant to be shown as it is."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


class StoreLockedError(StoreError):
    """Another process holds the database (another copy of the program, a backup tool...)."""


class StoreReadOnlyError(StoreError):
    """The folder or the file cannot be written."""


class DuplicateCreditCodeError(StoreError):
    """Another enterprise already has this 统一社会信用代码."""

    def __init__(self, message: str, existing_id: int) -> None:
        super().__init__(message)
        self.existing_id = existing_id


class AssessmentFinalError(StoreError):
    """A finalised assessment is frozen; changing it needs reopening or a copy."""


class UnknownRecordError(StoreError):
    """An id that is not (or no longer) in the database, e.g. deleted in another window."""


def existing(session: Session, model: type[R], record_id: int, what: str) -> R:
    """The record with this id, or UnknownRecordError in the one wording every table uses ("评估 #3 不存在…")."""
    record = session.get(model, record_id)
    if record is None:
        raise UnknownRecordError(f"{what} #{record_id} 不存在（可能已在另一个窗口中删除）。")
    return record


class ConflictError(StoreError):
    """A save based on an older version than the stored one: another window, another copy of the program
    or another user of the shared server saved this assessment in between. Nothing was written;
    `theirs` (a `StoredAssessment`) is what the database holds now."""

    def __init__(self, message: str, theirs: object) -> None:
        super().__init__(message)
        self.theirs = theirs
