"""The building blocks of an amount rule, as plain immutable data (what the loader builds, the engine reads).

A rule is a small tree of named blocks. Every block yields an amount of money (yuan); every block may also
carry the same modifiers, applied in this order: caps (the smallest applies), amounts already received
(subtracted, never below zero), a floor (below it nothing is paid), and a condition (`when`) under which
the block counts at all. The pack's author writes them in TOML (docs/policy-packs.md §8); the engine
evaluates and explains them (desktop/engine/compute.py, desktop/engine/explain.py).

The operands a block reads are answers: a question of the pack, or, inside `each`, a field of the table's
row. The loader resolves every name to its question and checks its type, so the engine never meets an
unknown name or a rate applied to a date.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, TypeAlias

from desktop.policy.model import Text

if TYPE_CHECKING:
    from desktop.policy.model import Condition, Question


@dataclass(frozen=True)
class Operand:
    """An answer a block reads: a question, or (`in_row`) a field of the current table row."""

    question: Question
    in_row: bool = False

    @property
    def id(self) -> str:
        return self.question.id


@dataclass(frozen=True)
class Cap:
    """An upper bound: a fixed sum, or another block (e.g. the premium less what other levels paid)."""

    bound: Block
    name: Text | None = None  # "每个单位上限"; None: the context's word ("上限", "每境外项目上限")

    @property
    def fixed(self) -> Decimal | None:
        """The sum, when the bound is a plain fixed sum with no modifiers of its own."""
        b = self.bound
        return b.amount if isinstance(b, Fixed) and not b.mods.any else None


@dataclass(frozen=True)
class Mods:
    """What any block may carry besides its own computation."""

    caps: tuple[Cap, ...] = ()
    minus: tuple[Operand, ...] = ()  # amounts already received for the same thing (差额)
    floor: Decimal | None = None  # an amount below this is not paid
    when: Condition | None = None  # the block counts only when this holds (a bonus, a route)
    label: Text | None = None  # how explanations name the block ("设备奖励", "一带一路加计")

    @property
    def any(self) -> bool:
        return bool(self.caps or self.minus or self.floor is not None or self.when is not None)


NO_MODS = Mods()


@dataclass(frozen=True)
class Fixed:
    """A sum the text states: `fixed = "150000"`."""

    amount: Decimal
    mods: Mods = NO_MODS


@dataclass(frozen=True)
class Value:
    """A money answer itself: `of = "fare"` (with a cap: "up to 15,000 per person, never more than paid")."""

    of: Operand | Block
    mods: Mods = NO_MODS


@dataclass(frozen=True)
class Rate:
    """A share of a money amount, rounded half up to the cent: `rate = "0.30", of = "premium"`."""

    rate: Decimal
    of: Operand | Block
    mods: Mods = NO_MODS


@dataclass(frozen=True)
class Per:
    """A sum per unit of a quantity (people, USD of growth): `per = "0.005", of = "import_growth"`."""

    per: Decimal
    of: Operand
    mods: Mods = NO_MODS


@dataclass(frozen=True)
class Sum:
    parts: tuple[Block, ...]
    mods: Mods = NO_MODS


@dataclass(frozen=True)
class SmallerOf:
    parts: tuple[Block, ...]
    mods: Mods = NO_MODS


@dataclass(frozen=True)
class LargerOf:
    parts: tuple[Block, ...]
    mods: Mods = NO_MODS


@dataclass(frozen=True)
class BestOf:
    """One route per project: the enterprise takes the route that brings the most (each route has a label)."""

    parts: tuple[Block, ...]
    mods: Mods = NO_MODS


@dataclass(frozen=True)
class Tier:
    """One band of a tier table: from `lower` (inclusive) up to `upper` (inclusive, None: no end)."""

    lower: Decimal
    upper: Decimal | None
    amount: Decimal | None = None  # the band's sum …
    rate: Decimal | None = None  # … or the band's share of the tier table's `of`


@dataclass(frozen=True)
class Tiers:
    """The band an answer falls in decides the amount: `tiers = "digital_level", table = [...]`."""

    by: Operand
    table: tuple[Tier, ...]
    of: Operand | Block | None = None  # what a band's rate applies to
    mods: Mods = NO_MODS


@dataclass(frozen=True)
class Each:
    """A sum over the rows of a table answer, each row computed by `per_row`.

    `highest` counts only that many rows, those with the largest amounts ("at most 3 people"). With
    `group_by`, rows with the same value of that field form a group (one fair, one project): `highest` and
    the block's caps then apply per group, and the groups are added up.
    """

    table: Question
    per_row: Block
    label_field: Question | None = None
    highest: int | None = None
    group_by: Question | None = None
    mods: Mods = NO_MODS


@dataclass(frozen=True)
class ItemAmount:
    """The amount another item of the same assessment comes to (0 when that item is not available)."""

    item_id: str
    mods: Mods = NO_MODS


Block: TypeAlias = Fixed | Value | Rate | Per | Sum | SmallerOf | LargerOf | BestOf | Tiers | Each | ItemAmount
COMPOSITES = (Sum, SmallerOf, LargerOf, BestOf)


def children(block: Block) -> list[Block]:
    """The blocks directly inside this one (operands that are blocks, parts, caps that are blocks)."""
    inner: list[Block] = [cap.bound for cap in block.mods.caps]
    if isinstance(block, (Value, Rate)) and not isinstance(block.of, Operand):
        inner.append(block.of)
    elif isinstance(block, COMPOSITES):
        inner.extend(block.parts)
    elif isinstance(block, Tiers) and block.of is not None and not isinstance(block.of, Operand):
        inner.append(block.of)
    elif isinstance(block, Each):
        inner.append(block.per_row)
    return inner


def walk(block: Block) -> list[Block]:
    """This block and every block inside it, depth first."""
    found = [block]
    for child in children(block):
        found.extend(walk(child))
    return found


def referenced_items(block: Block) -> set[str]:
    return {b.item_id for b in walk(block) if isinstance(b, ItemAmount)}


def operands(block: Block) -> list[Operand]:
    """Every answer the block reads (its own and those of the blocks inside it)."""
    found: list[Operand] = []
    for b in walk(block):
        found.extend(b.mods.minus)
        if isinstance(b, (Value, Rate, Per)) and isinstance(b.of, Operand):
            found.append(b.of)
        elif isinstance(b, Tiers):
            found.append(b.by)
            if isinstance(b.of, Operand):
                found.append(b.of)
    return found


NumberKind = (
    str  # "rate", "amount", "cap", "floor", "per", "tier_from", "tier_to", "tier_amount", "tier_rate", "highest"
)


@dataclass(frozen=True)
class Number:
    """A number written in a rule: where it stands (`rule.per_row.cap`), what it is, and its name if given."""

    path: str
    kind: NumberKind
    value: Decimal
    name: Text | None = None  # the cap's `cap_name`, or the label of the block it belongs to
    in_row: bool = False  # it applies to each row of a table (a per-row cap)


def numbers(block: Block, path: str = "rule", in_row: bool = False) -> list[Number]:
    """Every number written in a rule, with where it stands and what it is.

    Used to trace a pack's numbers to the text (tests) and to say what changed between two packs."""
    found: list[Number] = []
    mods = block.mods
    label = mods.label
    for i, cap in enumerate(mods.caps):
        where = f"{path}.cap" + (f"[{i}]" if len(mods.caps) > 1 else "")
        if cap.fixed is not None:
            name = cap.name or (Text(f"{label.zh}上限", f"cap on {label.get('en')}") if label is not None else None)
            found.append(Number(where, "cap", cap.fixed, name, in_row))
        else:
            found.extend(numbers(cap.bound, where, in_row))
    if mods.floor is not None:
        found.append(Number(f"{path}.floor", "floor", mods.floor, label, in_row))
    if isinstance(block, Fixed):
        found.append(Number(f"{path}.fixed", "amount", block.amount, label, in_row))
    elif isinstance(block, Rate):
        found.append(Number(f"{path}.rate", "rate", block.rate, label, in_row))
    elif isinstance(block, Per):
        found.append(Number(f"{path}.per", "per", block.per, label, in_row))
    elif isinstance(block, Tiers):
        for i, tier in enumerate(block.table):
            where = f"{path}.table[{i}]"
            found.append(Number(f"{where}.from", "tier_from", tier.lower, label, in_row))
            if tier.upper is not None:
                found.append(Number(f"{where}.to", "tier_to", tier.upper, label, in_row))
            if tier.amount is not None:
                found.append(Number(f"{where}.amount", "tier_amount", tier.amount, label, in_row))
            if tier.rate is not None:
                found.append(Number(f"{where}.rate", "tier_rate", tier.rate, label, in_row))
    elif isinstance(block, Each) and block.highest is not None:
        found.append(Number(f"{path}.highest", "highest", Decimal(block.highest), label, in_row))
    key = {Sum: "sum", SmallerOf: "smaller_of", LargerOf: "larger_of", BestOf: "best_of"}
    if isinstance(block, COMPOSITES):
        for i, part in enumerate(block.parts):
            found.extend(numbers(part, f"{path}.{key[type(block)]}[{i}]", in_row))
    elif isinstance(block, (Value, Rate, Tiers)) and block.of is not None and not isinstance(block.of, Operand):
        found.extend(numbers(block.of, f"{path}.of", in_row))
    elif isinstance(block, Each):
        found.extend(numbers(block.per_row, f"{path}.per_row", True))
    return found
