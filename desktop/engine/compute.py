"""Evaluating a rule's blocks: an amount in yuan, and a trace of what went in, for the explanation.

Rounding: a rate (and a sum per unit of a non-whole quantity) is rounded half up to 0.01 yuan at once;
caps, amounts already received and floors are then applied to rounded figures, in that order. Every
figure is a Decimal. An amount is never negative.

Each block adds lines to the trace (`Line`): its main statement ("保费 … × 30% = …") with the clauses of
its modifiers appended ("，未超过上限 …"). The words are made later by desktop/engine/explain.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from desktop.engine.answers import Answers
from desktop.engine.conditions import Check, Row, check, display_value
from desktop.engine.money import round_money
from desktop.policy.model import Pack, Question, Text
from desktop.policy.rules import (
    BestOf,
    Block,
    Cap,
    Each,
    Fixed,
    ItemAmount,
    LargerOf,
    Operand,
    Per,
    Rate,
    SmallerOf,
    Sum,
    Tiers,
    Value,
)

ZERO = Decimal(0)


class MissingAnswerError(Exception):
    """An answer the rule needs was not given: the item is "not answered", not zero."""

    def __init__(self, question: Question) -> None:
        super().__init__(question.id)
        self.question = question


@dataclass(slots=True)
class RowRef:
    """The table row a line belongs to ("境外项目 2（越南工厂）：…"); its name is read when worded."""

    table: Question
    index: int
    row: Row
    label_field: Question | None

    @property
    def name(self) -> Text | None:
        field_ = self.label_field
        if field_ is None or self.row.get(field_.id) in (None, ""):
            return None
        return display_value(field_, self.row[field_.id])


@dataclass(slots=True)
class Line:
    """One line of the explanation: what kind of statement, its values, its clauses, the row it is about."""

    kind: str
    block: Any
    values: tuple[Any, ...]
    row: RowRef | None = None
    clauses: list[tuple[Any, ...]] = field(default_factory=list)


@dataclass(slots=True)
class CapMet:
    """A cap the amount was held against: which (the block and the cap's place on it), how high, whether it
    bit, and where: for a table row, for a group of rows, on the item's own rule (`top`), or on a part."""

    block: Block
    cap: Cap
    index: int
    bound: Decimal
    hit: bool
    row: RowRef | None
    in_table: Question | None
    top: bool


@dataclass(slots=True)
class Context:
    answers: Answers
    pack: Pack
    amounts: dict[str, Decimal]  # other items' amounts (for `item = …`), computed before this one
    lines: list[Line] = field(default_factory=list)
    caps: list[CapMet] = field(default_factory=list)
    zero_cause: tuple[Any, ...] | None = None  # the first reason met why a part came to nothing
    row: Row | None = None
    row_ref: RowRef | None = None
    table: Question | None = None
    bounded: bool = False  # an enclosing block bounds this one (no "the text sets no cap" then)
    top: bool = True  # the item's own rule, not a part of it

    def money(self, value: Decimal) -> Decimal:
        """A product of a rate or a price, rounded to the cent as the bureaus pay it."""
        return round_money(value)

    def line(self, kind: str, block: Any, *values: Any) -> Line:
        entry = Line(kind, block, values, self.row_ref)
        self.lines.append(entry)
        return entry

    def zero(self, *cause: Any) -> None:
        if self.zero_cause is None:
            self.zero_cause = cause

    def answer(self, operand: Operand) -> Any:
        if operand.in_row:
            row = self.row
            assert row is not None, "the loader allows row fields only inside each"
            if operand.id not in row:
                raise MissingAnswerError(operand.question)
            return row[operand.id]
        if operand.id not in self.answers:
            raise MissingAnswerError(operand.question)
        return self.answers[operand.id]


def evaluate(block: Block, ctx: Context) -> Decimal:
    """The block's amount, its modifiers applied; lines and caps recorded in `ctx`."""
    mods = block.mods
    if mods.when is not None:
        result = check(mods.when, ctx.answers, ctx.pack, ctx.table, ctx.row)
        if result.outcome == "missing":
            raise MissingAnswerError(_missing_question(result))
        if result.outcome == "fail":
            ctx.line("when_fail", block, result)
            ctx.zero("when_fail", block, result)
            return ZERO
        ctx.line("when_pass", block, result)
    top, bounded = ctx.top, ctx.bounded
    grouped = isinstance(block, Each) and block.group_by is not None  # its caps hold per group
    cause = ctx.zero_cause
    try:
        ctx.top, ctx.bounded = False, True  # a cap's own block is a bound, not something to bound
        # A cap's own figure coming to nothing (the premium less what other levels paid) is not why the
        # figure it bounds does: kept apart, said with the cap if the cap takes the figure to nothing.
        ctx.zero_cause = None
        bounds = [] if grouped else [(cap, _bound(cap.bound, ctx)) for cap in mods.caps]
        within, ctx.zero_cause = ctx.zero_cause, cause
        ctx.bounded = bounded or bool(mods.caps) or isinstance(block, SmallerOf)
        value, main = _EVALUATORS[type(block)](block, ctx, top)
    finally:
        ctx.bounded, ctx.top = bounded, top
    if bounds:
        held = _hold_to_caps(block, ctx, main, value, bounds, top)
        if held == 0 and value > 0:
            cap = next(cap for cap, bound in bounds if bound == 0)
            ctx.zero("capped", cap, main, value, within)
        value = held
    elif isinstance(block, (Rate, Per, Value)) and not bounded and not mods.caps:
        main.clauses.append(("nocap",))
    if mods.minus:
        received = [(operand, ctx.answer(operand)) for operand in mods.minus]
        before = value
        value = max(ZERO, value - sum((v for _, v in received), ZERO))
        main.clauses.append(("minus", received, before, value))
        if value == 0 and before > 0:
            ctx.zero("minus", received, before)
    if mods.floor is not None:
        met = value >= mods.floor
        main.clauses.append(("floor", mods.floor, met, value))
        if not met:
            if value > 0:
                ctx.zero("floor", mods.floor, value)
            value = ZERO
    return value


def _hold_to_caps(
    block: Block, ctx: Context, line: Line, value: Decimal, bounds: list[tuple[Cap, Decimal]], top: bool
) -> Decimal:
    """The smallest cap applies; each is said, and the one that bit (if any) is marked."""
    limit = min(bound for _, bound in bounds)
    for index, (cap, bound) in enumerate(bounds):
        hit = value > bound and bound == limit
        line.clauses.append(("cap", cap, bound, hit))
        ctx.caps.append(CapMet(block, cap, index, bound, hit, ctx.row_ref, ctx.table, top))
    return min(value, limit)


def _missing_question(result: Check) -> Question:
    while result.question is None:
        result = next(p for p in result.parts if p.outcome == "missing")
    return result.question


def _bound(block: Block, ctx: Context) -> Decimal:
    """A cap's bound: a fixed sum, or a block whose lines come before the line it bounds."""
    if isinstance(block, Fixed) and not block.mods.any:
        return block.amount
    return evaluate(block, ctx)


Evaluator = Callable[[Any, Context, bool], tuple[Decimal, Line]]


def _fixed(block: Fixed, ctx: Context, top: bool) -> tuple[Decimal, Line]:
    return block.amount, ctx.line("fixed", block, block.amount, top)


def _operand_or_block(of: Operand | Block, ctx: Context) -> tuple[Decimal, Text | None]:
    """The amount `of` names, and the noun that names it (None: an inner block, already explained)."""
    if isinstance(of, Operand):
        value: Decimal = ctx.answer(of)
        if value == 0:
            ctx.zero("zero_operand", of.question)
        return value, of.question.noun
    return evaluate(of, ctx), None


def _value(block: Value, ctx: Context, top: bool) -> tuple[Decimal, Line]:
    value, noun = _operand_or_block(block.of, ctx)
    return value, ctx.line("value", block, noun, value)


def _rate(block: Rate, ctx: Context, top: bool) -> tuple[Decimal, Line]:
    base, noun = _operand_or_block(block.of, ctx)
    raw = ctx.money(base * block.rate)
    line = ctx.line("rate", block, noun, base, block.rate, raw)
    if raw == 0 and base > 0:
        ctx.zero("rounds_to_zero", line)
    return raw, line


def _per(block: Per, ctx: Context, top: bool) -> tuple[Decimal, Line]:
    quantity = ctx.answer(block.of)
    if quantity == 0:
        ctx.zero("zero_operand", block.of.question)
    raw = ctx.money(Decimal(quantity) * block.per)
    return raw, ctx.line("per", block, block.of.question, quantity, block.per, raw)


def _parts(block: Sum | SmallerOf | LargerOf | BestOf, ctx: Context) -> list[Decimal]:
    return [evaluate(part, ctx) for part in block.parts]


def _sum(block: Sum, ctx: Context, top: bool) -> tuple[Decimal, Line]:
    values = _parts(block, ctx)
    total = sum(values, ZERO)
    return total, ctx.line("sum", block, tuple(values), total)


def _smaller(block: SmallerOf, ctx: Context, top: bool) -> tuple[Decimal, Line]:
    values = _parts(block, ctx)
    value = min(values)
    return value, ctx.line("smaller", block, tuple(values), value)


def _larger(block: LargerOf, ctx: Context, top: bool) -> tuple[Decimal, Line]:
    values = _parts(block, ctx)
    value = max(values)
    return value, ctx.line("larger", block, tuple(values), value)


def _best(block: BestOf, ctx: Context, top: bool) -> tuple[Decimal, Line]:
    values = _parts(block, ctx)
    value = max(values)
    chosen = block.parts[values.index(value)]
    return value, ctx.line("best", block, tuple(values), chosen, value)


def _tiers(block: Tiers, ctx: Context, top: bool) -> tuple[Decimal, Line]:
    raw = ctx.answer(block.by)
    by = Decimal(raw)
    tier = next((t for t in reversed(block.table) if t.lower <= by and (t.upper is None or by <= t.upper)), None)
    if tier is None:
        ctx.zero("no_tier", block, raw)
        return ZERO, ctx.line("no_tier", block, raw)
    if tier.amount is not None:
        return tier.amount, ctx.line("tier", block, raw, tier, None, tier.amount)
    assert tier.rate is not None and block.of is not None, "the loader requires `of` for rate tiers"
    base, noun = _operand_or_block(block.of, ctx)
    value = ctx.money(base * tier.rate)
    return value, ctx.line("tier", block, raw, tier, (noun, base), value)


def _each(block: Each, ctx: Context, top: bool) -> tuple[Decimal, Line]:
    rows: list[dict[str, Any]] | None = ctx.answers.get(block.table.id)
    if rows is None:
        raise MissingAnswerError(block.table)
    if not rows:
        ctx.zero("empty_table", block.table)
        return ZERO, ctx.line("empty_table", block, block.table)
    groups: dict[object, list[tuple[int, dict[str, Any]]]] = {}
    for index, row in enumerate(rows, start=1):
        key = row.get(block.group_by.id) if block.group_by is not None else None
        groups.setdefault(key, []).append((index, row))
    saved = ctx.row, ctx.row_ref, ctx.table
    ctx.table = block.table
    total = ZERO
    try:
        for key, members in groups.items():
            amounts: list[tuple[int, Decimal]] = []
            for index, row in members:
                ctx.row, ctx.row_ref = row, RowRef(block.table, index, row, block.label_field)
                amounts.append((index, evaluate(block.per_row, ctx)))
            ctx.row, ctx.row_ref = None, None
            counted = amounts
            if block.highest is not None and len(amounts) > block.highest:
                ranked = sorted(amounts, key=lambda pair: (-pair[1], pair[0]))  # ties: the earlier row
                counted = sorted(ranked[: block.highest])
            subtotal = sum((amount for _, amount in counted), ZERO)
            if block.group_by is not None:
                indexes = tuple(index for index, _ in counted)
                line = ctx.line("group", block, key, len(members), indexes, subtotal)
                if block.mods.caps:
                    bounds = [(cap, _bound(cap.bound, ctx)) for cap in block.mods.caps]
                    subtotal = _hold_to_caps(block, ctx, line, subtotal, bounds, False)
            total += subtotal
    finally:
        ctx.row, ctx.row_ref, ctx.table = saved
    if block.group_by is not None:
        return total, ctx.line("groups", block, len(groups), total)
    return total, ctx.line("each", block, len(rows), tuple(index for index, _ in counted), total)


def _item(block: ItemAmount, ctx: Context, top: bool) -> tuple[Decimal, Line]:
    value = ctx.amounts.get(block.item_id, ZERO)
    if value == 0:
        ctx.zero("item_zero", block.item_id)
    return value, ctx.line("item", block, block.item_id, value)


_EVALUATORS: dict[type, Evaluator] = {
    Fixed: _fixed,
    Value: _value,
    Rate: _rate,
    Per: _per,
    Sum: _sum,
    SmallerOf: _smaller,
    LargerOf: _larger,
    BestOf: _best,
    Tiers: _tiers,
    Each: _each,
    ItemAmount: _item,
}
