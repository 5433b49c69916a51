"""`rate`: a share of a money amount, rounded half up to the cent (`rate = "0.30", of = "premium"`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from desktop.policy.model import Question, Text
from desktop.policy.rules.base import (
    NO_MODS,
    Evaluation,
    Inner,
    Kind,
    Line,
    Mods,
    Number,
    Operand,
    amount_of,
    inner_of,
    operand_of,
)
from desktop.problems import Problem

if TYPE_CHECKING:
    from desktop.policy.loader import Where
    from desktop.policy.rules import Block
    from desktop.policy.rules.reader import RuleReader


@dataclass(frozen=True)
class Rate(Kind):
    key = "rate"
    own_keys = ("rate", "of")
    says_uncapped = True

    rate: Decimal
    of: Operand | Block
    mods: Mods = NO_MODS

    @classmethod
    def read(
        cls, reader: RuleReader, data: Mapping[str, Any], where: Where, row: Question | None, mods: Mods
    ) -> Rate | None:
        if isinstance(data.get("rate"), Mapping):
            reader.c.fail(where + ".rate", Problem("rules.rate_of_rate"))
            return None
        rate = reader.rate_number(data, "rate", where)
        if "of" not in data:
            reader.c.fail(where + ".of", Problem("rules.rate_needs_of"))
            return None
        of = reader.of(data, where, row)
        return None if rate is None or of is None else cls(rate, of, mods)

    def compute(self, ctx: Evaluation, top: bool) -> tuple[Decimal, Line]:
        base, question = amount_of(self.of, ctx)
        raw = ctx.money(base * self.rate)
        line = ctx.say(RateStep(self, question, base, raw))
        if raw == 0 and base > 0:
            ctx.zero(RoundsToZero(line))
        return raw, line

    def inner(self) -> tuple[Inner, ...]:
        return inner_of(self.of)

    def reads(self) -> tuple[Operand, ...]:
        return operand_of(self.of)

    def written(self, path: str, label: Text | None, in_row: bool) -> list[Number]:
        return [Number(f"{path}.rate", "rate", self.rate, label, in_row)]

    def method(self) -> str:
        return "rate"

    def growth_rate(self) -> Decimal | None:
        return self.rate


@dataclass(frozen=True, slots=True)
class RateStep:
    """保费 1,200,000.00 元 × 30% = 360,000.00 元."""

    block: Rate
    question: Question | None
    base: Decimal
    value: Decimal


@dataclass(frozen=True, slots=True)
class RoundsToZero:
    """The share comes to less than a cent (why the rule came to nothing)."""

    line: Line
