"""What the store hands out: plain frozen dataclasses, never live ORM objects (no session leaks into the UI)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal, NamedTuple

from desktop.engine import AnswersFile, Assessment, Enterprise
from desktop.engine.answers import ENTERPRISE_FIELDS, FORMAT
from desktop.policy import Pack
from desktop.problems import Message, Problem


class FilingCounts(NamedTuple):
    """How far an assessment's applications are, in counts (the start page's 申报进度 column)."""

    documents: int
    """Documents something was recorded for (state, note or file)."""
    have: int
    """Of those, the ones ready (已备)."""
    claims: tuple[tuple[str, int], ...] = ()
    """(claim state, how many items are in it), in the order a claim goes through them."""
    help: int = 0
    """Documents someone else must produce (需协助: the insurer, the bank, the bureau): what a clerk chases."""


class AssessmentSummary(NamedTuple):
    """One line of the start page (a named tuple: 5,000 of them are built per listing, 5x faster than a
    frozen dataclass)."""

    id: int
    label: str
    assessed_on: dt.date | None
    status: str
    total: Decimal | None
    updated_at: dt.datetime
    filing: FilingCounts | None = None
    """None where nothing was recorded for its applications (most assessments)."""


class AssessmentKey(NamedTuple):
    """What decides an assessment's windows without reading its answers: the start page's calendar
    computes again only the assessments whose key changed since it last looked."""

    id: int
    version: int
    pack_id: str
    pack_version: str
    pack_hash: str
    assessed_on: dt.date | None
    status: str
    guide_id: str | None
    enterprise: str
    credit_code: str
    training: bool = False
    """Its enterprise is a training example: its windows are listed only where asked for."""


class EnterpriseSummary(NamedTuple):
    id: int
    name: str
    credit_code: str
    assessments: tuple[AssessmentSummary, ...] = ()
    training: bool = False
    """A training example (文件 → 培训示例), kept apart from the real firms."""


@dataclass(frozen=True)
class StoredEnterprise:
    id: int
    enterprise: Enterprise
    notes: str
    created_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True)
class StoredAssessment:
    """A row as stored: answers in the answers file's JSON form, the snapshot as `assessment_to_data(.., None)`."""

    id: int
    enterprise_id: int
    enterprise: Enterprise
    label: str
    pack_id: str
    pack_version: str
    pack_hash: str
    assessed_on: dt.date | None
    answers: dict[str, Any]
    snapshot: dict[str, Any] | None
    total: Decimal | None
    status: str
    created_at: dt.datetime
    updated_at: dt.datetime
    finalised_at: dt.datetime | None
    version: int = 1
    """Counts the saves; a save names the version it was based on (`Store` keeps track)."""
    guide_id: str | None = None
    """The application guide the user picked (None: the newest real guide of the pack applies)."""

    @property
    def is_final(self) -> bool:
        return self.status == "final"

    def answers_file_data(self) -> dict[str, object]:
        """The document of the answers file format (`zs-trade-assessment/1`), ready for `json.dumps`."""
        data: dict[str, object] = {"format": FORMAT, "policy": self.pack_id}
        if self.assessed_on is not None:
            data["assessed_on"] = self.assessed_on.isoformat()
        if self.guide_id:
            data["guide"] = self.guide_id
        data["enterprise"] = {k: getattr(self.enterprise, k) for k in ENTERPRISE_FIELDS if getattr(self.enterprise, k)}
        data["answers"] = dict(self.answers)
        return data


@dataclass(frozen=True)
class OpenedAssessment:
    """An assessment ready for the questionnaire: typed answers, the pack to use, and what to tell the user."""

    stored: StoredAssessment
    answers_file: AnswersFile
    pack: Pack
    snapshot: Assessment | None
    problems: tuple[Problem, ...] = ()
    notes: tuple[Message, ...] = ()
    """What opening changed and the user is told once: an older firm-wide answer carried over to every item
    (the converted answers are stored at once, so the next opening has nothing to say)."""

    @property
    def pack_changed(self) -> bool:
        """The pack now used is not the one the stored result was computed with: offer to recompute."""
        return self.pack.hash != self.stored.pack_hash

    @property
    def is_final(self) -> bool:
        return self.stored.is_final


@dataclass(frozen=True)
class SaveReceipt:
    saved_at: dt.datetime
    warnings: tuple[Problem, ...] = ()
    version: int = 0
    """The assessment's version after this save."""


IMPORTED_LABEL = "导入："  # i18n: stored, matched and translated by the start page
"""The label of an assessment imported from a file: this prefix and the file's name."""
TRAINING_LABEL = "培训示例："  # i18n: stored, matched and translated by the start page
"""The label of a training example opened from 文件 → 培训示例."""

NameChoice = Literal["file", "stored", "skip"]
NameDecider = Callable[[Path, str, str], NameChoice]
"""Asked (file, name in the file, stored name) when a file's credit code is stored under another name."""


@dataclass(frozen=True)
class ImportOutcome:
    """One imported file: the new assessment, or the problems that kept it out."""

    path: Path
    assessment_id: int | None = None
    enterprise_id: int | None = None
    matched_enterprise: bool = False
    problems: tuple[Problem, ...] = field(default_factory=tuple)
    file_name: str = ""
    """The enterprise name the file gives."""
    stored_name: str = ""
    """The name the stored enterprise has (where the file was matched to one by its credit code)."""
    training: bool = False
    """Imported as a training example, into an enterprise of its own kind."""
    skipped: bool = False
    """Not imported because the user said so (asked which name is right, chose neither)."""

    @property
    def ok(self) -> bool:
        return self.assessment_id is not None

    @property
    def refused(self) -> bool:
        """Kept out by a problem of the file (not by the user's choice)."""
        return self.assessment_id is None and not self.skipped
