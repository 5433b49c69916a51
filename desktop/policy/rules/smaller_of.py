"""`smaller_of`: the smallest of the parts (80% of the premium, at most 0.06% of last year's exports)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from desktop.policy.model import Question
from desktop.policy.rules.base import NO_MODS, Evaluation, Inner, Kind, Line, Mods, inner_parts

if TYPE_CHECKING:
    from desktop.policy.loader import Where
    from desktop.policy.rules import Block
    from desktop.policy.rules.reader import RuleReader


@dataclass(frozen=True)
class SmallerOf(Kind):
    key = "smaller_of"
    own_keys = ("smaller_of",)
    bounds_parts = True

    parts: tuple[Block, ...]
    mods: Mods = NO_MODS

    @classmethod
    def read(
        cls, reader: RuleReader, data: Mapping[str, Any], where: Where, row: Question | None, mods: Mods
    ) -> SmallerOf | None:
        parts = reader.parts(data, "smaller_of", where, row)
        return None if parts is None else cls(parts, mods)

    def compute(self, ctx: Evaluation, top: bool) -> tuple[Decimal, Line]:
        values = tuple(ctx.evaluate(part) for part in self.parts)
        value = min(values)
        return value, ctx.say(SmallerStep(self, values, value))

    def inner(self) -> tuple[Inner, ...]:
        return inner_parts("smaller_of", self.parts)


@dataclass(frozen=True, slots=True)
class SmallerStep:
    """取较小者 6,000.00 元."""

    block: SmallerOf
    values: tuple[Decimal, ...]
    value: Decimal
