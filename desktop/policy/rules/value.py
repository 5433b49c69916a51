"""`of` alone: a money answer itself (`of = "fare"`; with a cap: "up to 15,000 per person, never more than paid")."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from desktop.policy.model import Question
from desktop.policy.rules.base import (
    NO_MODS,
    Evaluation,
    Inner,
    Kind,
    Line,
    Mods,
    Operand,
    amount_of,
    inner_of,
    operand_of,
)

if TYPE_CHECKING:
    from desktop.policy.loader import Where
    from desktop.policy.rules import Block
    from desktop.policy.rules.reader import RuleReader


@dataclass(frozen=True)
class Value(Kind):
    key = "value"
    own_keys = ("of",)
    says_uncapped = True

    of: Operand | Block
    mods: Mods = NO_MODS

    @classmethod
    def read(
        cls, reader: RuleReader, data: Mapping[str, Any], where: Where, row: Question | None, mods: Mods
    ) -> Value | None:
        of = reader.of(data, where, row)
        return None if of is None else cls(of, mods)

    def compute(self, ctx: Evaluation, top: bool) -> tuple[Decimal, Line]:
        value, question = amount_of(self.of, ctx)
        return value, ctx.say(ValueStep(self, question, value))

    def inner(self) -> tuple[Inner, ...]:
        return inner_of(self.of)

    def reads(self) -> tuple[Operand, ...]:
        return operand_of(self.of)

    def method(self) -> str:
        return "actual"


@dataclass(frozen=True, slots=True)
class ValueStep:
    """机票费 16,000.00 元 (`question` None: an inner block's figure, already explained)."""

    block: Value
    question: Question | None
    value: Decimal
