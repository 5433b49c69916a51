"""What every kind of block shares: the answers it reads, its modifiers, the numbers it writes, and the
records its evaluation leaves for the explanation.

A rule is a small tree of named blocks. Every block yields an amount of money (yuan); every block may also
carry the same modifiers, applied in this order: caps (the smallest applies), amounts already received
(subtracted, never below zero), a floor (below it nothing is paid), and a condition (`when`) under which
the block counts at all. The pack's author writes them in TOML (docs/policy-packs.md §8).

Each kind of block is one module of this package (`fixed.py`, `rate.py`, `tiers.py`, …) holding all there
is to it: its data, how it is read from TOML, how it is evaluated, the step it records for the explanation
and what it offers to the opportunities. `desktop/policy/rules/__init__.py` lists them in one table;
`desktop/wording/explanation.py` words their steps (docs/rule-kinds.md: how to add one).

A kind evaluates against `Evaluation`, which the engine's context implements (desktop/engine/compute.py):
the kind says what it computes from its answers and inner blocks, the engine applies the modifiers, holds
the caps and keeps the trace. So this package imports nothing from the engine.

The operands a block reads are answers: a question of the pack, or, inside `each`, a field of the table's
row. The loader resolves every name to its question and checks its type, so the engine never meets an
unknown name or a rate applied to a date.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Protocol, Self

from desktop.policy.model import Question, Text
from desktop.policy.rules.names import cap_name

if TYPE_CHECKING:
    from desktop.policy.conditions.check import Check
    from desktop.policy.loader import Where
    from desktop.policy.model import Condition
    from desktop.policy.rules import Block, Step, ZeroCause
    from desktop.policy.rules.reader import RuleReader

ZERO = Decimal(0)
Row = Mapping[str, Any]


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
        bound = self.bound
        return None if bound.mods.any else bound.stated_sum()


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

NumberKind = Literal[
    "rate", "amount", "cap", "floor", "per", "tier_from", "tier_to", "tier_amount", "tier_rate", "highest"
]


@dataclass(frozen=True)
class Number:
    """A number written in a rule: where it stands (`rule.per_row.cap`), what it is, and its name if given."""

    path: str
    kind: NumberKind
    value: Decimal
    name: Text | None = None  # the cap's `cap_name`, or the label of the block it belongs to
    in_row: bool = False  # it applies to each row of a table (a per-row cap)


@dataclass(frozen=True)
class Inner:
    """A block inside another, with where it stands (`of`, `sum[1]`, `per_row`) and whether it is computed
    for each row of a table."""

    at: str
    block: Block
    in_row: bool = False


@dataclass(frozen=True)
class Thresholds:
    """An answer whose value decides the figure by steps (a band reached): the values where a step begins."""

    by: Operand
    values: tuple[Decimal, ...]


@dataclass(frozen=True)
class Rows:
    """A figure added up over the rows of a table: what the opportunities need to grow one row or add one.

    `plain`: every row counts and is added up as it is (no group, no "highest N"); `fold(per_row)` is the
    same block computing each row by another block (the opportunities fold the other rows in)."""

    block: Block
    table: Question
    per_row: Block
    label_field: Question | None
    plain: bool
    fold: Callable[[Block], Block]


class Kind:
    """A kind of block. Each kind is a frozen dataclass whose last field is `mods`; what it does not override
    here it does not have (no inner blocks, no operands, no numbers, nothing special to offer)."""

    key: ClassVar[str]
    """The key that names it in TOML (`rate = "0.30"`); `of` alone names an answer itself (`value`)."""
    own_keys: ClassVar[tuple[str, ...]]
    """Its own keys besides the modifiers."""
    says_uncapped: ClassVar[bool] = False
    """Its figure grows with an answer: without a cap on the way the explanation says the text sets none."""
    bounds_parts: ClassVar[bool] = False
    """Its parts bound one another (the smaller of two): none of them is "without a cap"."""
    labels_line: ClassVar[bool] = True
    """Its explanation line is prefixed with its label ("设备奖励：…"); a choice between routes names the route."""

    mods: Mods

    @classmethod
    def read(
        cls, reader: RuleReader, data: Mapping[str, Any], where: Where, row: Question | None, mods: Mods
    ) -> Self | None:
        """The block from its TOML table, every problem recorded on the reader; None when one was."""
        raise NotImplementedError

    def compute(self, ctx: Evaluation, top: bool) -> tuple[Decimal, Line]:
        """Its own figure (before its modifiers) and the line that says it; `top`: it is the item's rule."""
        raise NotImplementedError

    def inner(self) -> tuple[Inner, ...]:
        """The blocks inside it (its caps' blocks aside)."""
        return ()

    def reads(self) -> tuple[Operand, ...]:
        """The answers it reads itself (those of its inner blocks and amounts received aside)."""
        return ()

    def written(self, path: str, label: Text | None, in_row: bool) -> list[Number]:
        """The numbers written on it (those of its inner blocks and modifiers aside)."""
        return []

    def with_mods(self, mods: Mods) -> Self:
        return replace(self, mods=mods)  # type: ignore[type-var]  # every kind is a dataclass with `mods`

    # -- what it offers: to the item's description, to its stated caps, to the opportunities ------------
    def stated_sum(self) -> Decimal | None:
        """The sum it states whatever the answers (a fixed sum)."""
        return None

    def method(self) -> str:
        """How its figure is arrived at, for 口径: "fixed", "rate", "per", "tiers", "actual" or "computed"."""
        return "computed"

    def growth_rate(self) -> Decimal | None:
        """The rate its figure grows by with its base, where it is a plain rate of one amount."""
        return None

    def reducing(self) -> tuple[Operand, ...]:
        """Answers its figure falls as they grow (a reference it is measured above)."""
        return ()

    def thresholds(self) -> Thresholds | None:
        """The answer whose value steps the figure up, where one does."""
        return None

    def rows(self) -> Rows | None:
        """Its rows, where its figure is added up over a table."""
        return None

    def row_table(self) -> Question | None:
        """The table whose rows it computes (and whose rows its per-row numbers hold for)."""
        return None

    def caps_per_group(self) -> bool:
        """Its caps hold for each group of rows, not for its whole figure."""
        return False

    def item_ids(self) -> tuple[str, ...]:
        """The items whose amounts it reads."""
        return ()

    def counts(self) -> Question | None:
        """The quantity question whose unit its figure is in (USD of growth), where it is not yuan: such a
        block stands only as the `of` of a `per`, which turns it into yuan."""
        return None


# -- the records of an evaluation: steps said in desktop/wording/explanation.py ----------------------------
@dataclass(slots=True)
class RowRef:
    """The table row a line belongs to ("境外项目 2（越南工厂）：…"); its name is read when worded."""

    table: Question
    index: int
    row: Row
    label_field: Question | None


@dataclass(slots=True)
class Line:
    """One line of the explanation: the step a block recorded, the row it is about, and the clauses its
    modifiers appended ("，未超过上限 …"). The engine appends the clauses after the step is made."""

    step: Step
    row: RowRef | None = None
    clauses: list[Clause] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class NoCap:
    """Nothing bounds a figure that grows with an answer: the text sets no cap."""


NO_CAP = NoCap()


@dataclass(frozen=True, slots=True)
class CapClause:
    cap: Cap
    bound: Decimal
    hit: bool


@dataclass(frozen=True, slots=True)
class MinusClause:
    received: tuple[tuple[Operand, Decimal], ...]
    before: Decimal
    after: Decimal


@dataclass(frozen=True, slots=True)
class FloorClause:
    floor: Decimal
    met: bool
    value: Decimal


Clause = NoCap | CapClause | MinusClause | FloorClause


@dataclass(frozen=True, slots=True)
class WhenPassed:
    """A block's condition held (the bonus counts)."""

    block: Block
    check: Check


@dataclass(frozen=True, slots=True)
class WhenFailed:
    """A block's condition failed: it counts nothing (also a reason the rule came to nothing)."""

    block: Block
    check: Check


# -- why a rule came to nothing (the first reason met) -----------------------------------------------------
@dataclass(frozen=True, slots=True)
class ZeroAnswer:
    """An answer the figure is computed from is 0."""

    question: Question


@dataclass(frozen=True, slots=True)
class CappedToZero:
    """A cap that is a figure of its own (the premium less what other levels paid) came to nothing; `within`:
    why it did."""

    cap: Cap
    line: Line
    value: Decimal
    within: ZeroCause | None


@dataclass(frozen=True, slots=True)
class ReceivedAll:
    """The amounts already received take the whole figure."""

    received: tuple[tuple[Operand, Decimal], ...]
    before: Decimal


@dataclass(frozen=True, slots=True)
class BelowFloor:
    floor: Decimal
    value: Decimal


class Evaluation(Protocol):
    """What a kind may ask of the engine while it computes (desktop/engine/compute.py implements it)."""

    def answer(self, operand: Operand) -> Any:
        """The answer (raises the engine's missing-answer error when it was not given)."""

    def rows_of(self, table: Question) -> list[dict[str, Any]]:
        """A table answer's rows (raises the missing-answer error when it was not given)."""

    def evaluate(self, block: Block) -> Decimal:
        """An inner block's figure, its modifiers applied."""

    def money(self, value: Decimal) -> Decimal:
        """A product rounded to the cent, half up, as the bureaus pay it."""

    def say(self, step: Step) -> Line:
        """Record a line of the explanation."""

    def zero(self, cause: ZeroCause) -> None:
        """Note why a figure came to nothing (the first reason met is kept)."""

    def item_amount(self, item_id: str) -> Decimal:
        """Another item's amount (0 when it is not available)."""

    def in_table(self, table: Question) -> AbstractContextManager[None]:
        """While its rows are computed: conditions may read the row's fields, caps are per row or group."""

    def per_row(self, block: Block, index: int, row: Row, label_field: Question | None) -> Decimal:
        """The block's figure for one row of the table entered."""

    def held(self, block: Block, line: Line, value: Decimal) -> Decimal:
        """A group's figure held to the block's caps (said on `line`)."""


def amount_of(of: Operand | Block, ctx: Evaluation) -> tuple[Decimal, Question | None]:
    """The amount `of` names, and the question it is (None: an inner block, already explained)."""
    if isinstance(of, Operand):
        value: Decimal = ctx.answer(of)
        if value == 0:
            ctx.zero(ZeroAnswer(of.question))
        return value, of.question
    return ctx.evaluate(of), None


def inner_of(of: Operand | Block | None, at: str = "of") -> tuple[Inner, ...]:
    return () if of is None or isinstance(of, Operand) else (Inner(at, of),)


def operand_of(of: Operand | Block | None) -> tuple[Operand, ...]:
    return (of,) if isinstance(of, Operand) else ()


# -- walking a rule ----------------------------------------------------------------------------------------
def children(block: Block) -> list[Block]:
    """The blocks directly inside this one (caps that are blocks, then operands that are blocks, parts)."""
    return [*(cap.bound for cap in block.mods.caps), *(i.block for i in block.inner())]


def walk(block: Block) -> list[Block]:
    """This block and every block inside it, depth first."""
    found = [block]
    for child in children(block):
        found.extend(walk(child))
    return found


def referenced_items(block: Block) -> set[str]:
    return {item for b in walk(block) for item in b.item_ids()}


def operands(block: Block) -> list[Operand]:
    """Every answer the block reads (its own and those of the blocks inside it)."""
    found: list[Operand] = []
    for b in walk(block):
        found.extend(b.mods.minus)
        found.extend(b.reads())
    return found


def numbers(block: Block, path: str = "rule", in_row: bool = False) -> list[Number]:
    """Every number written in a rule, with where it stands and what it is.

    Used to trace a pack's numbers to the text (tests) and to say what changed between two packs."""
    found: list[Number] = []
    mods = block.mods
    label = mods.label
    for i, cap in enumerate(mods.caps):
        where = f"{path}.cap" + (f"[{i}]" if len(mods.caps) > 1 else "")
        if cap.fixed is not None:
            name = cap.name or (cap_name(None, label=label) if label is not None else None)
            found.append(Number(where, "cap", cap.fixed, name, in_row))
        else:
            found.extend(numbers(cap.bound, where, in_row))
    if mods.floor is not None:
        found.append(Number(f"{path}.floor", "floor", mods.floor, label, in_row))
    found.extend(block.written(path, label, in_row))
    for inner in block.inner():
        found.extend(numbers(inner.block, f"{path}.{inner.at}", in_row or inner.in_row))
    return found


def inner_parts(key: str, parts: tuple[Block, ...]) -> tuple[Inner, ...]:
    """The parts of a combination, where they stand (`sum[0]`, `sum[1]`, …)."""
    return tuple(Inner(f"{key}[{i}]", part) for i, part in enumerate(parts))
