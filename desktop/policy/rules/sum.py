"""`sum`: the parts added up (a basic support and a bonus that counts when a condition holds)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from desktop.policy.model import Question
from desktop.policy.rules.base import NO_MODS, ZERO, Evaluation, Inner, Kind, Line, Mods, inner_parts

if TYPE_CHECKING:
    from desktop.policy.loader import Where
    from desktop.policy.rules import Block
    from desktop.policy.rules.reader import RuleReader


@dataclass(frozen=True)
class Sum(Kind):
    key = "sum"
    own_keys = ("sum",)

    parts: tuple[Block, ...]
    mods: Mods = NO_MODS

    @classmethod
    def read(
        cls, reader: RuleReader, data: Mapping[str, Any], where: Where, row: Question | None, mods: Mods
    ) -> Sum | None:
        parts = reader.parts(data, "sum", where, row)
        return None if parts is None else cls(parts, mods)

    def compute(self, ctx: Evaluation, top: bool) -> tuple[Decimal, Line]:
        values = tuple(ctx.evaluate(part) for part in self.parts)
        total = sum(values, ZERO)
        return total, ctx.say(SumStep(self, values, total))

    def inner(self) -> tuple[Inner, ...]:
        return inner_parts("sum", self.parts)


@dataclass(frozen=True, slots=True)
class SumStep:
    """合计：300,000.00 + 50,000.00 = 350,000.00 元."""

    block: Sum
    values: tuple[Decimal, ...]
    total: Decimal
