"""`larger_of`: the largest of the parts."""

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
class LargerOf(Kind):
    key = "larger_of"
    own_keys = ("larger_of",)

    parts: tuple[Block, ...]
    mods: Mods = NO_MODS

    @classmethod
    def read(
        cls, reader: RuleReader, data: Mapping[str, Any], where: Where, row: Question | None, mods: Mods
    ) -> LargerOf | None:
        parts = reader.parts(data, "larger_of", where, row)
        return None if parts is None else cls(parts, mods)

    def compute(self, ctx: Evaluation, top: bool) -> tuple[Decimal, Line]:
        values = tuple(ctx.evaluate(part) for part in self.parts)
        value = max(values)
        return value, ctx.say(LargerStep(self, values, value))

    def inner(self) -> tuple[Inner, ...]:
        return inner_parts("larger_of", self.parts)


@dataclass(frozen=True, slots=True)
class LargerStep:
    """取较大者 …."""

    block: LargerOf
    values: tuple[Decimal, ...]
    value: Decimal
