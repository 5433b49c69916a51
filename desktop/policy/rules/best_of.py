"""`best_of`: one route per project; the enterprise takes the route that brings the most (each route has a label)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from desktop.policy.model import Question
from desktop.policy.rules.base import NO_MODS, Evaluation, Inner, Kind, Line, Mods, inner_parts
from desktop.problems import Problem

if TYPE_CHECKING:
    from desktop.policy.loader import Where
    from desktop.policy.rules import Block
    from desktop.policy.rules.reader import RuleReader


@dataclass(frozen=True)
class BestOf(Kind):
    key = "best_of"
    own_keys = ("best_of",)
    labels_line = False  # the line names the route chosen

    parts: tuple[Block, ...]
    mods: Mods = NO_MODS

    @classmethod
    def read(
        cls, reader: RuleReader, data: Mapping[str, Any], where: Where, row: Question | None, mods: Mods
    ) -> BestOf | None:
        parts = reader.parts(data, "best_of", where, row)
        if parts is None:
            return None
        for i, part in enumerate(parts):
            if part.mods.label is None:
                reader.c.fail(where + f".best_of[{i}].label", Problem("rules.best_of_label"))
        return cls(parts, mods)

    def compute(self, ctx: Evaluation, top: bool) -> tuple[Decimal, Line]:
        values = tuple(ctx.evaluate(part) for part in self.parts)
        value = max(values)
        chosen = self.parts[values.index(value)]
        return value, ctx.say(BestStep(self, values, chosen, value))

    def inner(self) -> tuple[Inner, ...]:
        return inner_parts("best_of", self.parts)


@dataclass(frozen=True, slots=True)
class BestStep:
    """同一项目只能选择一种方式，取金额较高的“设备奖励”：2,000,000.00 元."""

    block: BestOf
    values: tuple[Decimal, ...]
    chosen: Block
    value: Decimal
