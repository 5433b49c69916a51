"""申报进度 across every stored assessment: what waits for what, what was paid in which year, and the
reminders. No Qt: the start page shows it, a test reads it.

Only assessments something was recorded for are read (a few among thousands); each is computed with
its own pack and the guide that applies to it, as the calendar does, so a window's closing day and an
item's documents are the ones its results page shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import select

from desktop.engine import assess, validate_answers
from desktop.engine.filing import Claim, Filing, Progress, progress, tracked_documents
from desktop.engine.reminders import Reminder, paid_by_year, reminders
from desktop.engine.result import Assessment
from desktop.policy.guide_registry import GuideRegistry
from desktop.policy.model import Text
from desktop.problems import Problem, problem_of
from desktop.store.filing import Applications
from desktop.store.models import ApplicationRecord
from desktop.store.packs import stored_pack

if TYPE_CHECKING:
    from desktop.store.repository import Store


@dataclass(frozen=True)
class ProgressRow:
    """One item of one assessment something was recorded for."""

    assessment_id: int
    enterprise: str
    label: str
    item_id: str
    item: Text
    amount: Decimal | None
    """What the assessment computes for it (None: the notice sets it, or it is not available now)."""
    documents: Progress
    claim: Claim | None
    example: bool = False
    """Computed with a training guide (its windows are invented)."""


@dataclass(frozen=True)
class Overview:
    rows: tuple[ProgressRow, ...] = ()
    reminders: tuple[tuple[ProgressRow, Reminder], ...] = ()
    paid: Mapping[int, Decimal] = field(default_factory=dict)
    """Amounts paid, by the year they were paid in."""
    problems: tuple[Problem, ...] = ()


def _recorded(store: Store) -> list[int]:
    with store.transaction() as session:
        ids = session.scalars(select(ApplicationRecord.assessment_id).distinct()).all()
    return sorted(ids)


def overview(store: Store, guides: GuideRegistry, today: dt.date) -> Overview:
    """Every recorded application of the store, its documents' progress, claim and reminders."""
    applications = Applications(store)
    rows: list[ProgressRow] = []
    found: list[tuple[ProgressRow, Reminder]] = []
    problems: list[Problem] = []
    stored = store.assessments(_recorded(store))
    for row in stored:
        try:
            pack, _ = stored_pack(store.registry, row.pack_id, row.pack_version, row.assessed_on)
        except LookupError as exc:
            problems.append(Problem("store.assessment_pack", id=row.id, problem=problem_of(exc)))
            continue
        guide = guides.applying(pack.id, row.guide_id)
        answers, _ = validate_answers(pack, row.answers)
        filing = applications.filing(row.id).filing
        result = assess(
            pack,
            answers,
            assessed_on=row.assessed_on or today,
            enterprise=row.enterprise,
            guide=guide,
            received=filing.received,
        )
        these = _rows(row.id, row.enterprise.name, row.label, result, filing)
        rows += these
        by_item = {r.item_id: r for r in these}
        for reminder in reminders(result, filing.documents, filing.claims, today):
            if reminder.item_id in by_item:
                found.append((by_item[reminder.item_id], reminder))
    claims = [r.claim for r in rows if r.claim is not None]
    found.sort(key=lambda pair: (pair[1].day, pair[0].enterprise, pair[0].item_id))
    return Overview(tuple(rows), tuple(found), paid_by_year(claims), tuple(problems))


def _rows(assessment_id: int, enterprise: str, label: str, result: Assessment, filing: Filing) -> list[ProgressRow]:
    recorded = set(filing.documents) | set(filing.claims)
    example = result.guide is not None and result.guide.example
    made = []
    for item in result.items:
        if item.id not in recorded:
            continue
        documents = progress(tracked_documents(item.documents, filing.documents.get(item.id, {})))
        amount = item.amount if item.status in ("eligible", "to_confirm") else None
        made.append(
            ProgressRow(
                assessment_id,
                enterprise,
                label,
                item.id,
                item.title,
                amount,
                documents,
                filing.claim(item.id),
                example,
            )
        )
    return made
