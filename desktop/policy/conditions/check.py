"""Deciding a condition on answers: whether it holds, and what was seen (for show-if, eligibility and `when`).

Checking is cheap and records what it saw (`Check`); the words are made only when someone reads them
(desktop/wording/conditions.py), since most assessments are computed for their figures alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from desktop.policy.conditions import TESTS
from desktop.policy.model import Condition, Pack, Question

Outcome = Literal["pass", "fail", "missing"]
Row = Mapping[str, Any]


@dataclass(slots=True)
class Check:  # not frozen: thousands are made per batch, and a frozen dataclass costs three times as much to make
    outcome: Outcome
    condition: Condition
    question: Question | None  # None for all/any
    value: Any  # the answer seen (None when missing or for all/any)
    parts: tuple[Check, ...] = ()  # for all/any: the checks that decided


def _question(cond: Condition, pack: Pack, table: Question | None) -> Question:
    if table is not None:
        field = table.field(cond.question)
        if field is not None:
            return field
    question = pack.question(cond.question)
    assert question is not None, "the loader checks that conditions name existing questions"
    return question


def _answer(cond: Condition, answers: Mapping[str, Any], table: Question | None, row: Row | None) -> tuple[bool, Any]:
    if row is not None and table is not None and table.field(cond.question) is not None:
        return cond.question in row, row.get(cond.question)
    return cond.question in answers, answers.get(cond.question)


def holds(cond: Condition, answers: Mapping[str, Any], pack: Pack) -> bool:
    """For show-if: a missing answer never shows a follow-up."""
    return check(cond, answers, pack).outcome == "pass"


def check(
    cond: Condition,
    answers: Mapping[str, Any],
    pack: Pack,
    table: Question | None = None,
    row: Row | None = None,
    item: str | None = None,
) -> Check:
    """Whether the condition holds on these answers (and, inside a table, this row; for `item_not_in`, for
    the item being decided)."""
    op = cond.op
    if op == "all" or op == "any":
        parts = []
        for part in cond.parts:
            result = check(part, answers, pack, table, row, item)
            parts.append(result)
            if op == "all" and result.outcome != "pass":
                return Check(result.outcome, cond, None, None, (result,))
            if op == "any" and result.outcome == "pass":
                return Check("pass", cond, None, None, (result,))
        if op == "all":
            return Check("pass", cond, None, None, tuple(parts))
        outcome: Outcome = "missing" if any(p.outcome == "missing" for p in parts) else "fail"
        return Check(outcome, cond, None, None, tuple(parts))
    if table is None:  # the common case, kept short: an item's own condition
        if cond.question not in answers:
            return Check("missing", cond, pack.question(cond.question), None)
        value = answers[cond.question]
        passed = TESTS[op].holds(value, cond, pack, item)
        return Check("pass" if passed else "fail", cond, pack.question(cond.question), value)
    question = _question(cond, pack, table)
    present, value = _answer(cond, answers, table, row)
    if not present:
        return Check("missing", cond, question, None)
    return Check("pass" if TESTS[op].holds(value, cond, pack, item) else "fail", cond, question, value)
