"""`at_least`, `at_most`, `above`, `below`: a number compared with a bound (the first two inclusive)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from desktop.money import CENT
from desktop.policy.conditions.base import BAD, NUMERIC, Test, kind_term, read_number
from desktop.policy.model import Condition, Pack, Question
from desktop.problems import Problem

if TYPE_CHECKING:
    from desktop.policy.conditions.reader import ConditionReader
    from desktop.policy.loader import Where


class Comparison(Test):
    def read(self, reader: ConditionReader, raw: object, where: Where, q: Question) -> object:
        if q.type not in NUMERIC:
            reader.c.fail(where, Problem("rules.not_number", question=q.id, kind=kind_term(q.type)))
            return BAD
        return read_number(reader, q, raw, where)

    def satisfying(self, cond: Condition, question: Question, answers: Mapping[str, Any], item: str) -> Any:
        return cond.value


class AtLeast(Comparison):
    op = "at_least"

    def holds(self, value: Any, cond: Condition, pack: Pack, item: str | None) -> bool:
        return not isinstance(value, bool) and bool(value >= cond.value)


class AtMost(Comparison):
    op = "at_most"

    def holds(self, value: Any, cond: Condition, pack: Pack, item: str | None) -> bool:
        return not isinstance(value, bool) and bool(value <= cond.value)


class Above(Comparison):
    op = "above"

    def holds(self, value: Any, cond: Condition, pack: Pack, item: str | None) -> bool:
        return not isinstance(value, bool) and bool(value > cond.value)

    def satisfying(self, cond: Condition, question: Question, answers: Mapping[str, Any], item: str) -> Any:
        value = cond.value
        return value + (1 if isinstance(value, int) else CENT)  # type: ignore[operator]


class Below(Comparison):
    op = "below"

    def holds(self, value: Any, cond: Condition, pack: Pack, item: str | None) -> bool:
        return not isinstance(value, bool) and bool(value < cond.value)

    def satisfying(self, cond: Condition, question: Question, answers: Mapping[str, Any], item: str) -> Any:
        value = cond.value
        return value - (1 if isinstance(value, int) else CENT)  # type: ignore[operator]
