"""`in_validity`, `in_period`: a date within the pack's validity, or within the period of activity it covers."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from desktop.policy.conditions.base import Test, read_true
from desktop.policy.model import Condition, Pack, Question

if TYPE_CHECKING:
    from desktop.policy.conditions.reader import ConditionReader
    from desktop.policy.loader import Where


class InValidity(Test):
    op = "in_validity"

    def read(self, reader: ConditionReader, raw: object, where: Where, q: Question) -> object:
        return read_true(reader, raw, where, q, "date")

    def holds(self, value: Any, cond: Condition, pack: Pack, item: str | None) -> bool:
        return isinstance(value, dt.date) and pack.valid_from <= value <= pack.valid_to


class InPeriod(Test):
    op = "in_period"

    def read(self, reader: ConditionReader, raw: object, where: Where, q: Question) -> object:
        return read_true(reader, raw, where, q, "date")

    def holds(self, value: Any, cond: Condition, pack: Pack, item: str | None) -> bool:
        start, end = pack.period
        return isinstance(value, dt.date) and start <= value <= end
