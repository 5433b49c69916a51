"""Scenarios of an assessment: named what-if sets of answers kept with it ("若 2026 年购置新生产线").

A scenario starts as a copy of the assessment's stored answers (or of another scenario's) and is then
edited on its own. Nothing here writes the assessment's row or its finalised snapshot: a scenario is a
row of the `scenario` table only, so a finalised result stays exactly as it was frozen.

Answers are kept in the answers file's JSON form, like `AssessmentRecord.answers`. A scenario's version
counts the saves of its answers; a save names the version it was based on and is refused when another
window or another user of a shared server saved in between (`ScenarioChangedError`), so nothing is
overwritten unseen. Every statement is built by SQLAlchemy with bound parameters; each public method is
one transaction (`Store.transaction`, with the store's handling of database errors).
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import CursorResult, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.engine.answers import AnswerValue, answer_to_json
from desktop.policy import Pack
from desktop.problems import Problem
from desktop.store.errors import StoreError, UnknownRecordError, existing, local_time
from desktop.store.models import AssessmentRecord, ScenarioRecord, utc_now
from desktop.store.packs import unloadable_answers
from desktop.store.repository import Store


@dataclass(frozen=True)
class StoredScenario:
    id: int
    assessment_id: int
    name: str
    position: int
    answers: dict[str, Any]
    """In the answers file's JSON form (money as "1200.00", dates ISO), as stored."""
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime


class ScenarioChangedError(StoreError):
    """The scenario was saved elsewhere since the version this save was based on; nothing was written.
    `theirs` is what the database holds now."""

    def __init__(self, problem: Problem, theirs: StoredScenario) -> None:
        super().__init__(problem)
        self.theirs = theirs


def _stored(record: ScenarioRecord) -> StoredScenario:
    return StoredScenario(
        id=record.id,
        assessment_id=record.assessment_id,
        name=record.name,
        position=record.position,
        answers=copy.deepcopy(dict(record.answers or {})),
        version=record.version,
        created_at=record.created_at,
        updated_at=record.updated_at,
    )


def _name(raw: str) -> str:
    """The name as kept: without NUL (PostgreSQL refuses it) and surrounding blanks; never empty."""
    name = raw.replace("\x00", "").strip()
    if not name:
        raise StoreError(Problem("store.scenario_name"))
    return name


def answers_json(answers: Mapping[str, AnswerValue]) -> dict[str, Any]:
    """Typed answers (as the questionnaire holds them) in the stored JSON form."""
    return {key: answer_to_json(value) for key, value in answers.items()}


class Scenarios:
    """The scenarios of the assessments of one store. Not thread-safe: use it from one thread."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # -- lookups --------------------------------------------------------------------------------------
    @staticmethod
    def _assessment(session: Session, assessment_id: int) -> AssessmentRecord:
        return Store._assessment(session, assessment_id)  # the store's lookup, with its message

    @staticmethod
    def _scenario(session: Session, scenario_id: int) -> ScenarioRecord:
        return existing(session, ScenarioRecord, scenario_id, "scenario")

    @staticmethod
    def _add(session: Session, assessment_id: int, name: str, answers: dict[str, Any]) -> ScenarioRecord:
        """A new scenario after the assessment's last one. Linked by id, not through the relationship: the
        assessment's row (and its version) must not even be considered changed."""
        last = session.scalar(
            select(func.max(ScenarioRecord.position)).where(ScenarioRecord.assessment_id == assessment_id)
        )
        now = utc_now()
        record = ScenarioRecord(
            assessment_id=assessment_id,
            name=_name(name),
            position=(last if last is not None else 0) + 1,
            answers=copy.deepcopy(answers),
            version=1,
            created_at=now,
            updated_at=now,
        )
        session.add(record)
        try:
            session.flush()
        except IntegrityError:  # the assessment was deleted by another user since it was read above
            raise UnknownRecordError(Problem("store.assessment_deleted", id=assessment_id)) from None
        return record

    # -- public methods, one transaction each ---------------------------------------------------------
    def of(self, assessment_id: int) -> list[StoredScenario]:
        """The assessment's scenarios in the order they were made."""
        with self.store.transaction() as session:
            self._assessment(session, assessment_id)
            records = session.scalars(
                select(ScenarioRecord)
                .where(ScenarioRecord.assessment_id == assessment_id)
                .order_by(ScenarioRecord.position, ScenarioRecord.id)
            ).all()
            return [_stored(r) for r in records]

    def get(self, scenario_id: int) -> StoredScenario:
        with self.store.transaction() as session:
            return _stored(self._scenario(session, scenario_id))

    def create(
        self, assessment_id: int, name: str, *, answers: Mapping[str, AnswerValue] | None = None
    ) -> StoredScenario:
        """A new scenario holding a copy of the assessment's stored answers (all of them, also those the
        current pack cannot load), or the typed `answers` given (the window keeping edits that could not
        be saved where they were made)."""
        with self.store.transaction() as session:
            base = self._assessment(session, assessment_id)
            kept = dict(base.answers or {}) if answers is None else answers_json(answers)
            return _stored(self._add(session, assessment_id, name, kept))

    def copy(self, scenario_id: int, name: str) -> StoredScenario:
        """A new scenario of the same assessment holding a copy of another scenario's answers."""
        with self.store.transaction() as session:
            source = self._scenario(session, scenario_id)
            return _stored(self._add(session, source.assessment_id, name, dict(source.answers or {})))

    def rename(self, scenario_id: int, name: str) -> StoredScenario:
        """Only the name changes; the version counts answer saves, so an editor open on it saves on."""
        with self.store.transaction() as session:
            record = self._scenario(session, scenario_id)
            record.name, record.updated_at = _name(name), utc_now()
            session.flush()
            return _stored(record)

    def save_answers(
        self, scenario_id: int, answers: Mapping[str, AnswerValue], pack: Pack, *, expected_version: int
    ) -> StoredScenario:
        """Replace the scenario's answers with these, if it is still at `expected_version`.

        `pack` is the one the answers were loaded and edited with: stored answers it could not load are
        kept (the user never saw them, so leaving them out is no decision of theirs)."""
        with self.store.transaction() as session:
            record = self._scenario(session, scenario_id)
            if record.version != expected_version:
                raise self._changed(record)
            merged = {**unloadable_answers(pack, record.answers or {}), **answers_json(answers)}
            # The version is compared again in the UPDATE itself: of two writers that read the same
            # version, the second updates no row, even between the check above and this statement.
            outcome = session.execute(
                update(ScenarioRecord)
                .where(ScenarioRecord.id == scenario_id, ScenarioRecord.version == expected_version)
                .values(answers=merged, version=expected_version + 1, updated_at=utc_now())
                .execution_options(synchronize_session=False)
            )
            if cast(CursorResult[Any], outcome).rowcount != 1:
                session.expire(record)
                raise self._changed(self._scenario(session, scenario_id))
            session.expire(record)
            return _stored(self._scenario(session, scenario_id))

    def delete(self, scenario_id: int) -> None:
        """Gone; deleting one that is already gone (another window) is no error."""
        with self.store.transaction() as session:
            record = session.get(ScenarioRecord, scenario_id)
            if record is not None:
                session.delete(record)

    @staticmethod
    def _changed(record: ScenarioRecord) -> ScenarioChangedError:
        when = local_time(record.updated_at)
        return ScenarioChangedError(Problem("store.scenario_changed", name=record.name, when=when), _stored(record))
