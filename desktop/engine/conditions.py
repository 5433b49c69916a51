"""Conditions on answers: whether they hold (for show-if and eligibility), and the words that say why.

Checking is cheap and records what it saw (`Check.entry`); the words are made only when someone reads
them (desktop/engine/explain.py), since most assessments are computed for their figures alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from desktop.engine.answers import Answers, AnswerValue
from desktop.engine.money import format_yuan
from desktop.policy.model import Condition, Pack, Question, Text

Outcome = Literal["pass", "fail", "missing"]
Row = Mapping[str, AnswerValue]


@dataclass(slots=True)
class Check:  # not frozen: thousands are made per batch, and a frozen dataclass costs three times as much to make
    outcome: Outcome
    condition: Condition
    question: Question | None  # None for all/any
    value: AnswerValue  # the answer seen (None when missing or for all/any)
    parts: tuple[Check, ...] = ()  # for all/any: the checks that decided


def display_value(question: Question, value: AnswerValue) -> Text:
    """An answer as a person reads it, in both languages."""
    if isinstance(value, bool):
        return Text("是", "yes") if value else Text("否", "no")
    if question.type == "choice" and isinstance(value, str):
        choice = question.choice(value)
        return choice.label if choice else Text(value, value)
    if question.type == "money" and isinstance(value, Decimal):
        return Text(f"{format_yuan(value)} 元", f"{format_yuan(value)} yuan")
    if isinstance(value, Decimal):  # a quantity: as exact as given, no trailing zeros, with its unit
        return _with_unit(question, f"{value.normalize():,f}")
    if isinstance(value, int):
        return _with_unit(question, str(value))
    if isinstance(value, dt.date):
        return Text(value.isoformat(), value.isoformat())
    if isinstance(value, list) and question.type == "items":
        if not value:
            return Text("无", "none")
        labels = [(question.choice(v).label if question.choice(v) else Text(v, v)) for v in value]  # type: ignore[union-attr]
        return Text("、".join(t.zh for t in labels), "; ".join(t.get("en") for t in labels))
    if isinstance(value, list):
        return Text(f"{len(value)} 条", f"{len(value)} rows")
    return Text(str(value), str(value))


def _with_unit(question: Question, number: str) -> Text:
    unit = question.unit
    if not unit.zh:
        return Text(number, number)
    # a unit with no English word ("级") is left out in English rather than shown in Chinese
    return Text(f"{number} {unit.zh}", f"{number} {unit.en}" if unit.en else number)


def _holds(cond: Condition, value: AnswerValue, pack: Pack) -> bool:
    op = cond.op
    if op == "equals":
        return bool(value == cond.value)
    if op == "in":
        return value in cond.value  # type: ignore[operator]  # the loader makes it a tuple of values
    if isinstance(value, bool):
        return False
    if op in ("at_least", "on_or_after"):
        return bool(value >= cond.value)
    if op in ("at_most", "on_or_before"):
        return bool(value <= cond.value)
    if op == "above":
        return bool(value > cond.value)
    if op == "below":
        return bool(value < cond.value)
    if op == "between":
        bounds: tuple[Any, Any] = cond.value  # type: ignore[assignment]  # the loader makes it a pair
        return bool(bounds[0] <= value <= bounds[1])
    if op == "in_validity":
        return isinstance(value, dt.date) and pack.valid_from <= value <= pack.valid_to
    if op == "in_period":
        start, end = pack.period
        return isinstance(value, dt.date) and start <= value <= end
    raise AssertionError(f"unknown condition {op}")  # the loader accepts no other


def _question(cond: Condition, pack: Pack, table: Question | None) -> Question:
    if table is not None:
        field = table.field(cond.question)
        if field is not None:
            return field
    question = pack.question(cond.question)
    assert question is not None, "the loader checks that conditions name existing questions"
    return question


def _answer(cond: Condition, answers: Answers, table: Question | None, row: Row | None) -> tuple[bool, AnswerValue]:
    if row is not None and table is not None and table.field(cond.question) is not None:
        return cond.question in row, row.get(cond.question)
    return cond.question in answers, answers.get(cond.question)


def holds(cond: Condition, answers: Answers, pack: Pack) -> bool:
    """For show-if: a missing answer never shows a follow-up."""
    return check(cond, answers, pack).outcome == "pass"


def check(
    cond: Condition,
    answers: Answers,
    pack: Pack,
    table: Question | None = None,
    row: Row | None = None,
    item: str | None = None,
) -> Check:
    """Whether the condition holds on these answers (and, inside a table, this row; for `item_not_in`, for
    the item being decided)."""
    op = cond.op
    if table is None and op != "all" and op != "any":  # the common case, kept short: an item's own condition
        if cond.question not in answers:
            return Check("missing", cond, pack.question(cond.question), None)
        value = answers[cond.question]
        if op == "equals":
            passed = value == cond.value
        elif op == "in":
            passed = value in cond.value  # type: ignore[operator]  # a tuple of values
        elif op == "item_not_in":
            passed = item not in value
        else:
            passed = _holds(cond, value, pack)
        return Check("pass" if passed else "fail", cond, pack.question(cond.question), value)
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
    question = _question(cond, pack, table)
    present, value = _answer(cond, answers, table, row)
    if not present:
        return Check("missing", cond, question, None)
    passed = item not in value if op == "item_not_in" else _holds(cond, value, pack)
    return Check("pass" if passed else "fail", cond, question, value)
