"""`excess`: the part of an amount above a reference, never below zero.

    { excess = "imports_2024", over = "imports_2023" }                    # growth over last year
    { excess = "imports_2024", over = "imports_2023", growth = "0.052" }  # growth above the city's 5.2 %

With `growth` the reference is first grown by that rate (last year's figure × 1.052, rounded to the cent):
what is left is the growth above an average the guide publishes. Real guides pay on such a figure (Zhongshan
2024 import support: "按超过全市平均增幅部分", docs/policy-packs.md §8.12). Both answers are of one type: money
questions give a figure in yuan that any other block may take (`rate`, a cap, `smaller_of`, …); quantity
questions of one unit (USD) give a quantity, which only a `per` turns into yuan (`counts`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from desktop.policy.model import Question, Text
from desktop.policy.rules.base import NO_MODS, ZERO, Evaluation, Kind, Line, Mods, Number, Operand
from desktop.problems import Problem

if TYPE_CHECKING:
    from desktop.policy.loader import Where
    from desktop.policy.rules.reader import RuleReader

AMOUNTS = ("money", "integer", "number")


@dataclass(frozen=True)
class Excess(Kind):
    key = "excess"
    own_keys = ("excess", "over", "growth")
    says_uncapped = True

    of: Operand
    over: Operand
    growth: Decimal | None = None  # the reference grown by this rate first (an average growth)
    mods: Mods = NO_MODS

    @classmethod
    def read(
        cls, reader: RuleReader, data: Mapping[str, Any], where: Where, row: Question | None, mods: Mods
    ) -> Excess | None:
        of = reader.typed(data.get("excess"), where + ".excess", row, AMOUNTS, Problem("rules.excess_of"))
        if "over" not in data:
            reader.c.fail(where + ".over", Problem("rules.excess_over_missing"))
            return None
        over = reader.typed(data["over"], where + ".over", row, AMOUNTS, Problem("rules.excess_over"))
        # a rate as any rate: 5.2 % is "0.052"; "5.2" (520 %) is refused as the slip it would be
        growth = reader.rate_number(data, "growth", where) if "growth" in data else None
        if of is None or over is None or ("growth" in data and growth is None):
            return None
        if (of.question.type, of.question.unit) != (over.question.type, over.question.unit):
            reader.c.fail(where + ".over", Problem("rules.excess_units", of=of.id, over=over.id))
            return None
        if of.id == over.id:
            reader.c.fail(where + ".over", Problem("rules.excess_same", question=of.id))
            return None
        return cls(of, over, growth, mods)

    def reference(self, over: Decimal, ctx: Evaluation) -> Decimal:
        """The figure the amount is measured above: the reference answer, grown by `growth` if given."""
        return over if self.growth is None else ctx.money(over * (1 + self.growth))

    def compute(self, ctx: Evaluation, top: bool) -> tuple[Decimal, Line]:
        amount: Decimal = ctx.answer(self.of)
        over: Decimal = ctx.answer(self.over)
        reference = self.reference(over, ctx)
        value = max(ZERO, amount - reference)
        step = ExcessStep(self, amount, over, reference, value)
        if value == 0:
            ctx.zero(NotAbove(step))
        return value, ctx.say(step)

    def reads(self) -> tuple[Operand, ...]:
        return (self.of, self.over)

    def reducing(self) -> tuple[Operand, ...]:
        return (self.over,)  # more of the reference leaves less above it: never an opportunity

    def counts(self) -> Question | None:
        return None if self.of.question.type == "money" else self.of.question

    def written(self, path: str, label: Text | None, in_row: bool) -> list[Number]:
        if self.growth is None:
            return []
        return [Number(f"{path}.growth", "rate", self.growth, label, in_row)]


@dataclass(frozen=True, slots=True)
class ExcessStep:
    """进口额 1,000,000.00 元超过上年进口额 800,000.00 元 × (1 + 5.2%) = 841,600.00 元的部分：158,400.00 元."""

    block: Excess
    amount: Decimal
    over: Decimal
    reference: Decimal
    value: Decimal


@dataclass(frozen=True, slots=True)
class NotAbove:
    """The amount is not above its reference (why the rule came to nothing)."""

    step: ExcessStep
