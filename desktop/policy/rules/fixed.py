"""`fixed`: a sum the text states (`fixed = "150000"`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from desktop.policy.model import Question, Text
from desktop.policy.rules.base import NO_MODS, Evaluation, Kind, Line, Mods, Number

if TYPE_CHECKING:
    from desktop.policy.loader import Where
    from desktop.policy.rules.reader import RuleReader


@dataclass(frozen=True)
class Fixed(Kind):
    key = "fixed"
    own_keys = ("fixed",)

    amount: Decimal
    mods: Mods = NO_MODS

    @classmethod
    def read(
        cls, reader: RuleReader, data: Mapping[str, Any], where: Where, row: Question | None, mods: Mods
    ) -> Fixed | None:
        amount = reader.money(data, "fixed", where)
        return None if amount is None else cls(amount, mods)

    def compute(self, ctx: Evaluation, top: bool) -> tuple[Decimal, Line]:
        return self.amount, ctx.say(FixedStep(self, self.amount, top))

    def written(self, path: str, label: Text | None, in_row: bool) -> list[Number]:
        return [Number(f"{path}.fixed", "amount", self.amount, label, in_row)]

    def stated_sum(self) -> Decimal | None:
        return self.amount

    def method(self) -> str:
        return "fixed"


@dataclass(frozen=True, slots=True)
class FixedStep:
    """定额 150,000.00 元 (the item's own rule given as a maximum: 最高 …)."""

    block: Fixed
    amount: Decimal
    top: bool
