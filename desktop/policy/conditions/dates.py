"""`on_or_after`, `on_or_before`, `between`: an answer within bounds (a date, or for `between` a number too)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast

from desktop.policy.conditions.base import BAD, DateRange, Test, kind_term, read_bound
from desktop.policy.model import Condition, Pack, Question
from desktop.problems import Problem

if TYPE_CHECKING:
    from desktop.policy.conditions.reader import ConditionReader
    from desktop.policy.loader import Where


class DateBound(Test):
    def read(self, reader: ConditionReader, raw: object, where: Where, q: Question) -> object:
        if q.type != "date":
            reader.c.fail(where, Problem("rules.not_date_kind", question=q.id, kind=kind_term(q.type)))
            return BAD
        return read_bound(reader, q, raw, where)

    def satisfying(self, cond: Condition, question: Question, answers: Mapping[str, Any], item: str) -> Any:
        return cond.value


class OnOrAfter(DateBound):
    op = "on_or_after"

    def holds(self, value: Any, cond: Condition, pack: Pack, item: str | None) -> bool:
        return not isinstance(value, bool) and bool(value >= cond.value)

    def date_range(self, cond: Condition) -> DateRange | None:
        return cast(dt.date, cond.value), None


class OnOrBefore(DateBound):
    op = "on_or_before"

    def holds(self, value: Any, cond: Condition, pack: Pack, item: str | None) -> bool:
        return not isinstance(value, bool) and bool(value <= cond.value)

    def date_range(self, cond: Condition) -> DateRange | None:
        return None, cast(dt.date, cond.value)


class Between(Test):
    op = "between"

    def read(self, reader: ConditionReader, raw: object, where: Where, q: Question) -> object:
        if not (isinstance(raw, list) and len(raw) == 2):
            reader.c.fail(where, Problem("rules.between_pair"))
            return BAD
        low = read_bound(reader, q, raw[0], where + "[0]")
        high = read_bound(reader, q, raw[1], where + "[1]")
        if low is BAD or high is BAD:
            return BAD
        if cast(Any, low) > cast(Any, high):
            reader.c.fail(where, Problem("rules.between_order", low=str(low), high=str(high)))
            return BAD
        return (low, high)

    def holds(self, value: Any, cond: Condition, pack: Pack, item: str | None) -> bool:
        if isinstance(value, bool):
            return False
        low, high = cast(tuple[Any, Any], cond.value)  # the loader makes it a pair
        return bool(low <= value <= high)

    def satisfying(self, cond: Condition, question: Question, answers: Mapping[str, Any], item: str) -> Any:
        return cond.value[0]  # type: ignore[index]

    def date_range(self, cond: Condition) -> DateRange | None:
        return cast(tuple[dt.date, dt.date], cond.value)
