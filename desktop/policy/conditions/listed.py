"""`item_not_in`: the item being decided is not listed in an `items` answer (other funds for this project)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from desktop.policy.conditions.base import Test, read_true
from desktop.policy.model import Condition, Pack, Question
from desktop.problems import Problem

if TYPE_CHECKING:
    from desktop.policy.conditions.reader import ConditionReader
    from desktop.policy.loader import Where


class ItemNotIn(Test):
    op = "item_not_in"
    only_per_item = Problem("rules.item_not_in")

    def read(self, reader: ConditionReader, raw: object, where: Where, q: Question) -> object:
        return read_true(reader, raw, where, q, "items")

    def holds(self, value: Any, cond: Condition, pack: Pack, item: str | None) -> bool:
        return item not in value

    def fails_only_for(self, value: Any) -> frozenset[str] | None:
        return frozenset(value or ())

    def satisfying(self, cond: Condition, question: Question, answers: Mapping[str, Any], item: str) -> Any:
        return [v for v in answers.get(question.id, []) if v != item]
