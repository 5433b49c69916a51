"""What can go wrong with the database, each with a problem a clerk can act on once worded
(`desktop.wording.problems`, `store.*`): the store says what happened, the window says what it does about it
(the autosave's "稍后会自动重试" is the window's)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Literal, TypeVar

from desktop.problems import Problem, ProblemError, Term

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

R = TypeVar("R")


class StoreError(ProblemError):
    """Any storage problem (`problem`)."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem)


class StoreLockedError(StoreError):
    """Another process holds the database (another copy of the program, a backup tool...)."""


class StoreReadOnlyError(StoreError):
    """The folder or the file cannot be written."""


class DuplicateCreditCodeError(StoreError):
    """Another enterprise already has this 统一社会信用代码."""

    def __init__(self, problem: Problem, existing_id: int) -> None:
        super().__init__(problem)
        self.existing_id = existing_id


class AssessmentFinalError(StoreError):
    """A finalised assessment is frozen; changing it needs reopening or a copy."""


class UnknownRecordError(StoreError):
    """An id that is not (or no longer) in the database, e.g. deleted in another window."""


def existing(
    session: Session,
    model: type[R],
    record_id: int,
    what: Literal["assessment", "attachment", "enterprise", "scenario", "workspace"],
) -> R:
    """The record with this id, or UnknownRecordError in the one wording every table uses ("评估 #3 不存在…");
    `what` is its kind, a term of the catalogue (`record.assessment`)."""
    record = session.get(model, record_id)
    if record is None:
        raise UnknownRecordError(Problem("store.unknown_record", what=Term(f"record.{what}"), id=record_id))
    return record


class ConflictError(StoreError):
    """A save based on an older version than the stored one: another window, another copy of the program
    or another user of the shared server saved this assessment in between. Nothing was written;
    `theirs` (a `StoredAssessment`) is what the database holds now."""

    def __init__(self, problem: Problem, theirs: object) -> None:
        super().__init__(problem)
        self.theirs = theirs


def local_time(moment: dt.datetime) -> str:
    """When a record was saved, as a message says it to the clerk: local time, to the second."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")
