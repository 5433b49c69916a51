"""`tiers`: the band an answer falls in decides the amount (`tiers = "digital_level", table = [...]`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

from desktop.policy.model import Question, Text
from desktop.policy.rules.base import (
    NO_MODS,
    ZERO,
    Evaluation,
    Inner,
    Kind,
    Line,
    Mods,
    Number,
    Operand,
    Thresholds,
    amount_of,
    inner_of,
    operand_of,
)
from desktop.problems import Problem, suggestion

if TYPE_CHECKING:
    from desktop.policy.loader import Where
    from desktop.policy.rules import Block
    from desktop.policy.rules.reader import RuleReader

BAND_KEYS = ("from", "to", "amount", "rate")


@dataclass(frozen=True)
class Tier:
    """One band of a tier table: from `lower` (inclusive) up to `upper` (inclusive, None: no end)."""

    lower: Decimal
    upper: Decimal | None
    amount: Decimal | None = None  # the band's sum …
    rate: Decimal | None = None  # … or the band's share of the tier table's `of`


@dataclass(frozen=True)
class Tiers(Kind):
    key = "tiers"
    own_keys = ("tiers", "table", "of")

    by: Operand
    table: tuple[Tier, ...]
    of: Operand | Block | None = None  # what a band's rate applies to
    mods: Mods = NO_MODS

    @classmethod
    def read(
        cls, reader: RuleReader, data: Mapping[str, Any], where: Where, row: Question | None, mods: Mods
    ) -> Tiers | None:
        by = reader.typed(
            data.get("tiers"), where + ".tiers", row, ("integer", "number", "money"), Problem("rules.tiers_by")
        )
        raw_table = data.get("table")
        if not isinstance(raw_table, list) or not raw_table or not all(isinstance(t, Mapping) for t in raw_table):
            reader.c.fail(where + ".table", Problem("rules.tiers_table"))
            return None
        of: Operand | Block | None = reader.of(data, where, row) if "of" in data else None
        tiers: list[Tier] = []
        for i, raw in enumerate(cast(list[Mapping[str, Any]], raw_table)):
            tw = where + f".table[{i}]"
            for key in raw:
                if key not in BAND_KEYS:
                    reader.c.fail(
                        tw + f".{key}", Problem("rules.band_field", suggestion=suggestion(str(key), BAND_KEYS))
                    )
            if by is None:
                continue
            if "from" not in raw:
                reader.c.fail(tw + ".from", Problem("rules.band_from"))
                continue
            lower = _threshold(reader, raw["from"], tw + ".from", by.question)
            upper = _threshold(reader, raw["to"], tw + ".to", by.question) if "to" in raw else None
            if ("amount" in raw) == ("rate" in raw):
                reader.c.fail(tw, Problem("rules.band_amount_or_rate"))
                continue
            amount = reader.money(raw, "amount", tw) if "amount" in raw else None
            rate = reader.rate_number(raw, "rate", tw) if "rate" in raw else None
            if rate is not None and of is None and by.question.type != "money":
                reader.c.fail(tw + ".rate", Problem("rules.band_rate_of"))
            if lower is None or ("to" in raw and upper is None):
                continue
            if upper is not None and upper < lower:
                reader.c.fail(tw + ".to", Problem("rules.band_end", high=str(upper), low=str(lower)))
                continue
            if tiers:
                previous = tiers[-1]
                if lower <= previous.lower:
                    reader.c.fail(
                        tw + ".from", Problem("rules.band_order", low=str(lower), previous=str(previous.lower))
                    )
                    continue
                if previous.upper is not None and lower <= previous.upper:
                    reader.c.fail(
                        tw + ".from", Problem("rules.band_overlap", low=str(lower), previous=str(previous.upper))
                    )
                    continue
            tiers.append(Tier(lower, upper, amount, rate))
        if by is None or len(tiers) != len(raw_table):
            return None
        if of is None and any(t.rate is not None for t in tiers):
            of = by
        return cls(by, tuple(tiers), of, mods)

    def compute(self, ctx: Evaluation, top: bool) -> tuple[Decimal, Line]:
        raw = ctx.answer(self.by)
        by = Decimal(raw)
        tier = next((t for t in reversed(self.table) if t.lower <= by and (t.upper is None or by <= t.upper)), None)
        if tier is None:
            below = NoBand(self, raw)
            ctx.zero(below)
            return ZERO, ctx.say(below)
        if tier.amount is not None:
            return tier.amount, ctx.say(BandStep(self, raw, tier, None, tier.amount))
        assert tier.rate is not None and self.of is not None, "the loader requires `of` for rate tiers"
        base, question = amount_of(self.of, ctx)
        value = ctx.money(base * tier.rate)
        return value, ctx.say(BandStep(self, raw, tier, RateOf(question, base), value))

    def inner(self) -> tuple[Inner, ...]:
        return inner_of(self.of)

    def reads(self) -> tuple[Operand, ...]:
        return (self.by, *operand_of(self.of))

    def written(self, path: str, label: Text | None, in_row: bool) -> list[Number]:
        found = []
        for i, tier in enumerate(self.table):
            where = f"{path}.table[{i}]"
            found.append(Number(where + ".from", "tier_from", tier.lower, label, in_row))
            if tier.upper is not None:
                found.append(Number(where + ".to", "tier_to", tier.upper, label, in_row))
            if tier.amount is not None:
                found.append(Number(where + ".amount", "tier_amount", tier.amount, label, in_row))
            if tier.rate is not None:
                found.append(Number(where + ".rate", "tier_rate", tier.rate, label, in_row))
        return found

    def method(self) -> str:
        return "rate" if any(t.rate is not None for t in self.table) else "tiers"

    def thresholds(self) -> Thresholds | None:
        return Thresholds(self.by, tuple(t.lower for t in self.table))


def _threshold(reader: RuleReader, value: object, where: Where, by: Question) -> Decimal | None:
    if by.type == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            reader.c.fail(where, Problem("rules.band_integer", question=by.id, value=repr(value)))
            return None
        return Decimal(value)
    return reader.c.number(value, where, "quantity" if by.type == "number" else "amount")


@dataclass(frozen=True, slots=True)
class RateOf:
    """What a band's rate applied to (`question` None: an inner block's figure)."""

    question: Question | None
    base: Decimal


@dataclass(frozen=True, slots=True)
class BandStep:
    """数字化等级 3 级，适用“3 级”一档：600,000.00 元 (a band by rate: "…，按 5% 计：…")."""

    block: Tiers
    raw: Any  # the answer, as given
    tier: Tier
    rate_of: RateOf | None
    value: Decimal


@dataclass(frozen=True, slots=True)
class NoBand:
    """The answer is below the lowest band (also why the rule came to nothing)."""

    block: Tiers
    raw: Any
