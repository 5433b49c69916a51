"""`item`: the amount another item of the same assessment comes to (0 when that item is not available)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from desktop.policy.model import Question
from desktop.policy.rules.base import NO_MODS, Evaluation, Kind, Line, Mods

if TYPE_CHECKING:
    from desktop.policy.loader import Where
    from desktop.policy.rules.reader import RuleReader


@dataclass(frozen=True)
class ItemAmount(Kind):
    key = "item"
    own_keys = ("item",)

    item_id: str
    mods: Mods = NO_MODS

    @classmethod
    def read(
        cls, reader: RuleReader, data: Mapping[str, Any], where: Where, row: Question | None, mods: Mods
    ) -> ItemAmount | None:
        item_id = reader.c.string(data, "item", where)
        return cls(item_id, mods) if item_id else None

    def compute(self, ctx: Evaluation, top: bool) -> tuple[Decimal, Line]:
        value = ctx.item_amount(self.item_id)
        if value == 0:
            ctx.zero(ItemBringsNothing(self.item_id))
        return value, ctx.say(ItemStep(self, value))

    def item_ids(self) -> tuple[str, ...]:
        return (self.item_id,)


@dataclass(frozen=True, slots=True)
class ItemStep:
    """比例加上限：360,000.00 元 (the other item's title and amount)."""

    block: ItemAmount
    value: Decimal


@dataclass(frozen=True, slots=True)
class ItemBringsNothing:
    """The item read brings nothing (why the rule came to nothing)."""

    item_id: str
