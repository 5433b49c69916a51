"""`per`: a sum per unit of a quantity (people, USD of growth): `per = "0.005", of = "import_growth"`; `of` may
be a block counting a quantity (`{ excess = "imports_2024_usd", over = "imports_2023_usd", growth = "0.052" }`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from desktop.policy.model import QUANTITY_TYPES, Question, Text
from desktop.policy.rules.base import (
    NO_MODS,
    Evaluation,
    Inner,
    Kind,
    Line,
    Mods,
    Number,
    Operand,
    ZeroAnswer,
    inner_of,
    operand_of,
)
from desktop.problems import Problem

if TYPE_CHECKING:
    from desktop.policy.loader import Where
    from desktop.policy.rules import Block
    from desktop.policy.rules.reader import RuleReader


@dataclass(frozen=True)
class Per(Kind):
    key = "per"
    own_keys = ("per", "of")
    says_uncapped = True

    per: Decimal
    of: Operand | Block
    mods: Mods = NO_MODS

    @classmethod
    def read(
        cls, reader: RuleReader, data: Mapping[str, Any], where: Where, row: Question | None, mods: Mods
    ) -> Per | None:
        per = reader.c.decimal(data, "per", where)  # a sum per unit may be finer than a cent (0.005 元 per USD)
        raw = data.get("of")
        if raw is None:
            reader.c.fail(where + ".of", Problem("rules.per_of_missing"))
            return None
        of: Operand | Block | None
        if isinstance(raw, Mapping):  # a quantity a block computes (the growth above an average: `excess`)
            of = reader.block(raw, where + ".of", row, quantity=True)
        else:
            of = reader.typed(raw, where + ".of", row, QUANTITY_TYPES, Problem("rules.per_of"))
        return None if per is None or of is None else cls(per, of, mods)

    def compute(self, ctx: Evaluation, top: bool) -> tuple[Decimal, Line]:
        if isinstance(self.of, Operand):
            quantity = ctx.answer(self.of)
            if quantity == 0:
                ctx.zero(ZeroAnswer(self.of.question))
        else:
            quantity = ctx.evaluate(self.of)
        raw = ctx.money(Decimal(quantity) * self.per)
        return raw, ctx.say(PerStep(self, quantity, raw))

    def reads(self) -> tuple[Operand, ...]:
        return operand_of(self.of)

    def inner(self) -> tuple[Inner, ...]:
        return inner_of(self.of)

    def counted(self) -> Question:
        """The quantity question whose unit it pays per (its own `of`, or the one its block counts)."""
        if isinstance(self.of, Operand):
            return self.of.question
        counted = self.of.counts()
        assert counted is not None, "the reader lets per read only a block that counts a quantity"
        return counted

    def written(self, path: str, label: Text | None, in_row: bool) -> list[Number]:
        return [Number(f"{path}.per", "per", self.per, label, in_row)]

    def method(self) -> str:
        return "per"


@dataclass(frozen=True, slots=True)
class PerStep:
    """超过全市平均的进口增长额 800,000 美元 × 每美元 0.005 元 = 4,000.00 元."""

    block: Per
    quantity: Any  # an integer or a quantity, as answered
    value: Decimal
