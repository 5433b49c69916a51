"""Evaluating a rule's blocks: an amount in yuan, and a trace of what went in, for the explanation.

Rounding: a rate (and a sum per unit of a non-whole quantity) is rounded half up to 0.01 yuan at once;
caps, amounts already received and floors are then applied to rounded figures, in that order. Every
figure is a Decimal. An amount is never negative.

Each kind of block computes its own figure and records its step (desktop/policy/rules/); this module is
the `Evaluation` they compute against: it applies every block's modifiers, appends their clauses to the
block's line ("，未超过上限 …"), records the caps met and the first reason a figure came to nothing. The
words are made later, from these records, by desktop/wording/explanation.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from desktop.engine.answers import Answers
from desktop.money import round_money
from desktop.policy.conditions.check import Check, Row, check
from desktop.policy.model import Pack, Question
from desktop.policy.rules import Block, Step, ZeroCause
from desktop.policy.rules.base import (
    NO_CAP,
    ZERO,
    BelowFloor,
    Cap,
    CapClause,
    CappedToZero,
    FloorClause,
    Line,
    MinusClause,
    Operand,
    ReceivedAll,
    RowRef,
    WhenFailed,
    WhenPassed,
)


class MissingAnswerError(Exception):
    """An answer the rule needs was not given: the item is "not answered", not zero."""

    def __init__(self, question: Question) -> None:
        super().__init__(question.id)
        self.question = question


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
    """One evaluation of a rule (desktop.policy.rules.base.Evaluation): the answers, and what it records."""

    answers: Answers
    pack: Pack
    amounts: dict[str, Decimal]  # other items' amounts (for `item = …`), computed before this one
    lines: list[Line] = field(default_factory=list)
    caps: list[CapMet] = field(default_factory=list)
    zero_cause: ZeroCause | None = None  # the first reason met why a part came to nothing
    row: Row | None = None
    row_ref: RowRef | None = None
    table: Question | None = None
    bounded: bool = False  # an enclosing block bounds this one (no "the text sets no cap" then)
    top: bool = True  # the item's own rule, not a part of it

    def money(self, value: Decimal) -> Decimal:
        """A product of a rate or a price, rounded to the cent as the bureaus pay it."""
        return round_money(value)

    def say(self, step: Step) -> Line:
        entry = Line(step, self.row_ref)
        self.lines.append(entry)
        return entry

    def zero(self, cause: ZeroCause) -> None:
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

    def rows_of(self, table: Question) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] | None = self.answers.get(table.id)
        if rows is None:
            raise MissingAnswerError(table)
        return rows

    def evaluate(self, block: Block) -> Decimal:
        return evaluate(block, self)

    def item_amount(self, item_id: str) -> Decimal:
        return self.amounts.get(item_id, ZERO)

    @contextmanager
    def in_table(self, table: Question) -> Iterator[None]:
        saved = self.row, self.row_ref, self.table
        self.table = table
        try:
            yield
        finally:
            self.row, self.row_ref, self.table = saved

    def per_row(self, block: Block, index: int, row: Row, label_field: Question | None) -> Decimal:
        table = self.table
        assert table is not None, "rows are computed inside their table"
        self.row, self.row_ref = row, RowRef(table, index, row, label_field)
        try:
            return evaluate(block, self)
        finally:
            self.row, self.row_ref = None, None

    def held(self, block: Block, line: Line, value: Decimal) -> Decimal:
        bounds = [(cap, _bound(cap.bound, self)) for cap in block.mods.caps]
        return _hold_to_caps(block, self, line, value, bounds, False)


def evaluate(block: Block, ctx: Context) -> Decimal:
    """The block's amount, its modifiers applied; lines and caps recorded in `ctx`."""
    mods = block.mods
    if mods.when is not None:
        result = check(mods.when, ctx.answers, ctx.pack, ctx.table, ctx.row)
        if result.outcome == "missing":
            raise MissingAnswerError(_missing_question(result))
        if result.outcome == "fail":
            failed = WhenFailed(block, result)
            ctx.say(failed)
            ctx.zero(failed)
            return ZERO
        ctx.say(WhenPassed(block, result))
    top, bounded = ctx.top, ctx.bounded
    grouped = block.caps_per_group()  # its caps hold per group
    cause = ctx.zero_cause
    try:
        ctx.top, ctx.bounded = False, True  # a cap's own block is a bound, not something to bound
        # A cap's own figure coming to nothing (the premium less what other levels paid) is not why the
        # figure it bounds does: kept apart, said with the cap if the cap takes the figure to nothing.
        ctx.zero_cause = None
        bounds = [] if grouped else [(cap, _bound(cap.bound, ctx)) for cap in mods.caps]
        within, ctx.zero_cause = ctx.zero_cause, cause
        ctx.bounded = bounded or bool(mods.caps) or block.bounds_parts
        value, main = block.compute(ctx, top)
    finally:
        ctx.bounded, ctx.top = bounded, top
    if bounds:
        held = _hold_to_caps(block, ctx, main, value, bounds, top)
        if held == 0 and value > 0:
            cap = next(cap for cap, bound in bounds if bound == 0)
            ctx.zero(CappedToZero(cap, main, value, within))
        value = held
    elif block.says_uncapped and not bounded and not mods.caps and block.counts() is None:
        main.clauses.append(NO_CAP)  # (a quantity, USD, has no sum to be capped: its `per` says it)
    if mods.minus:
        received = tuple((operand, ctx.answer(operand)) for operand in mods.minus)
        before = value
        value = max(ZERO, value - sum((v for _, v in received), ZERO))
        main.clauses.append(MinusClause(received, before, value))
        if value == 0 and before > 0:
            ctx.zero(ReceivedAll(received, before))
    if mods.floor is not None:
        met = value >= mods.floor
        main.clauses.append(FloorClause(mods.floor, met, value))
        if not met:
            if value > 0:
                ctx.zero(BelowFloor(mods.floor, value))
            value = ZERO
    return value


def _hold_to_caps(
    block: Block, ctx: Context, line: Line, value: Decimal, bounds: list[tuple[Cap, Decimal]], top: bool
) -> Decimal:
    """The smallest cap applies; each is said, and the one that bit (if any) is marked."""
    limit = min(bound for _, bound in bounds)
    for index, (cap, bound) in enumerate(bounds):
        hit = value > bound and bound == limit
        line.clauses.append(CapClause(cap, bound, hit))
        ctx.caps.append(CapMet(block, cap, index, bound, hit, ctx.row_ref, ctx.table, top))
    return min(value, limit)


def _missing_question(result: Check) -> Question:
    while result.question is None:
        result = next(p for p in result.parts if p.outcome == "missing")
    return result.question


def _bound(block: Block, ctx: Context) -> Decimal:
    """A cap's bound: a fixed sum, or a block whose lines come before the line it bounds."""
    if not block.mods.any:
        stated = block.stated_sum()
        if stated is not None:
            return stated
    return evaluate(block, ctx)
