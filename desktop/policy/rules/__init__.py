"""The kinds of block an amount rule is built of, in one table (docs/policy-packs.md §8).

Each kind is one module of this package holding its data, how it is read from TOML, how it is evaluated,
the step(s) it records for the explanation and what it offers to the opportunities
(desktop/policy/rules/base.py: what they share). The steps are worded in desktop/wording/explanation.py,
which matches on `Step` and `ZeroCause` below, so that a step left unworded is a type error. Adding a
kind: docs/rule-kinds.md.
"""

from __future__ import annotations

from decimal import Decimal

from desktop.policy.model import Question
from desktop.policy.rules.base import (
    NO_MODS,
    BelowFloor,
    CappedToZero,
    Kind,
    Mods,
    Operand,
    ReceivedAll,
    WhenFailed,
    WhenPassed,
    ZeroAnswer,
)
from desktop.policy.rules.best_of import BestOf, BestStep
from desktop.policy.rules.each import Each, EachStep, EmptyTable, GroupsStep, GroupStep
from desktop.policy.rules.excess import Excess, ExcessStep, NotAbove
from desktop.policy.rules.fixed import Fixed, FixedStep
from desktop.policy.rules.item import ItemAmount, ItemBringsNothing, ItemStep
from desktop.policy.rules.larger_of import LargerOf, LargerStep
from desktop.policy.rules.per import Per, PerStep
from desktop.policy.rules.rate import Rate, RateStep, RoundsToZero
from desktop.policy.rules.smaller_of import SmallerOf, SmallerStep
from desktop.policy.rules.sum import Sum, SumStep
from desktop.policy.rules.tiers import BandStep, NoBand, Tiers
from desktop.policy.rules.value import Value, ValueStep

Block = Fixed | Value | Rate | Per | Excess | Sum | SmallerOf | LargerOf | BestOf | Tiers | Each | ItemAmount
"""Every kind of block."""

BLOCKS: dict[str, type[Block]] = {
    kind.key: kind for kind in (Fixed, Rate, Per, Excess, Sum, SmallerOf, LargerOf, BestOf, Tiers, Each, ItemAmount)
}
"""The kinds named by their key in TOML, in the order the loader's messages list them."""
FROM_OF: type[Block] = Value
"""The kind a block is when no key names it but `of` does: an answer itself."""
BLOCK_KEYS = tuple(BLOCKS)

Step = (
    FixedStep
    | ValueStep
    | RateStep
    | PerStep
    | ExcessStep
    | SumStep
    | SmallerStep
    | LargerStep
    | BestStep
    | BandStep
    | NoBand
    | EachStep
    | GroupStep
    | GroupsStep
    | EmptyTable
    | ItemStep
    | WhenPassed
    | WhenFailed
)
"""Every step a line of the explanation can record."""

ZeroCause = (
    ZeroAnswer
    | RoundsToZero
    | NotAbove
    | NoBand
    | EmptyTable
    | ItemBringsNothing
    | WhenFailed
    | CappedToZero
    | ReceivedAll
    | BelowFloor
)
"""Every reason a rule can come to nothing."""


# -- blocks made by the program itself (the older forms of a pack, the opportunities' folded rows) --------
def fixed_sum(amount: Decimal, mods: Mods = NO_MODS) -> Block:
    return Fixed(amount, mods)


def rate_of(rate: Decimal, of: Operand, mods: Mods = NO_MODS) -> Block:
    return Rate(rate, of, mods)


def rows_of(table: Question, per_row: Block, label_field: Question | None, mods: Mods = NO_MODS) -> Block:
    return Each(table, per_row, label_field, mods=mods)


def plus(block: Block, amount: Decimal) -> Block:
    """The block's figure with a fixed sum added (the other rows of a table, folded into one)."""
    return Sum((block, Fixed(amount)))


__all__ = [
    "BLOCKS",
    "BLOCK_KEYS",
    "FROM_OF",
    "BandStep",
    "BestOf",
    "Block",
    "Each",
    "Excess",
    "Fixed",
    "ItemAmount",
    "Kind",
    "LargerOf",
    "Per",
    "Rate",
    "SmallerOf",
    "Step",
    "Sum",
    "Tiers",
    "Value",
    "ZeroCause",
    "fixed_sum",
    "plus",
    "rate_of",
    "rows_of",
]
