"""`each`: a sum over the rows of a table answer, each row computed by `per_row`.

`highest` counts only that many rows, those with the largest amounts ("at most 3 people"). With
`group_by`, rows with the same value of that field form a group (one fair, one project): `highest` and
the block's caps then apply per group, and the groups are added up.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from desktop.policy.conditions.base import kind_term
from desktop.policy.model import Question, Text
from desktop.policy.rules.base import NO_MODS, ZERO, Evaluation, Inner, Kind, Line, Mods, Number, Rows
from desktop.problems import Problem

if TYPE_CHECKING:
    from desktop.policy.loader import Where
    from desktop.policy.rules import Block
    from desktop.policy.rules.reader import RuleReader


@dataclass(frozen=True)
class Each(Kind):
    key = "each"
    own_keys = ("each", "per_row", "row_name", "highest", "group_by")

    table: Question
    per_row: Block
    label_field: Question | None = None
    highest: int | None = None
    group_by: Question | None = None
    mods: Mods = NO_MODS

    @classmethod
    def read(
        cls, reader: RuleReader, data: Mapping[str, Any], where: Where, row: Question | None, mods: Mods
    ) -> Each | None:
        if row is not None:
            reader.c.fail(where + ".each", Problem("rules.each_nested"))
            return None
        name = data.get("each")
        table = reader.questions.get(name) if isinstance(name, str) else None
        if table is None or table.type != "table":
            if table is not None:
                reader.c.fail(where + ".each", Problem("rules.each_kind", name=str(name), kind=kind_term(table.type)))
            else:
                reader.c.fail(where + ".each", Problem("rules.each_unknown", name=repr(name)))
            return None
        if "per_row" not in data:
            reader.c.fail(where + ".per_row", Problem("rules.per_row"))
            return None
        per_row = reader.block(data["per_row"], where + ".per_row", table)
        label_ok, label_field = reader.field(table, data.get("row_name"), where + ".row_name")
        group_ok, group_by = reader.field(table, data.get("group_by"), where + ".group_by")
        highest = reader.c.integer(data, "highest", where)
        if highest is not None and highest < 1:
            reader.c.fail(where + ".highest", Problem("rules.highest"))
            return None
        if per_row is None or not (label_ok and group_ok):
            return None
        return cls(table, per_row, label_field, highest, group_by, mods)

    def compute(self, ctx: Evaluation, top: bool) -> tuple[Decimal, Line]:
        rows = ctx.rows_of(self.table)
        if not rows:
            empty = EmptyTable(self)
            ctx.zero(empty)
            return ZERO, ctx.say(empty)
        groups: dict[object, list[tuple[int, dict[str, Any]]]] = {}
        for index, row in enumerate(rows, start=1):
            key = row.get(self.group_by.id) if self.group_by is not None else None
            groups.setdefault(key, []).append((index, row))
        total = ZERO
        counted: list[tuple[int, Decimal]] = []
        with ctx.in_table(self.table):
            for key, members in groups.items():
                amounts = [(index, ctx.per_row(self.per_row, index, row, self.label_field)) for index, row in members]
                counted = amounts
                if self.highest is not None and len(amounts) > self.highest:
                    ranked = sorted(amounts, key=lambda pair: (-pair[1], pair[0]))  # ties: the earlier row
                    counted = sorted(ranked[: self.highest])
                subtotal = sum((amount for _, amount in counted), ZERO)
                if self.group_by is not None:
                    indexes = tuple(index for index, _ in counted)
                    line = ctx.say(GroupStep(self, key, len(members), indexes, subtotal))
                    if self.mods.caps:
                        subtotal = ctx.held(self, line, subtotal)
                total += subtotal
        if self.group_by is not None:
            return total, ctx.say(GroupsStep(self, len(groups), total))
        return total, ctx.say(EachStep(self, len(rows), tuple(index for index, _ in counted), total))

    def inner(self) -> tuple[Inner, ...]:
        return (Inner("per_row", self.per_row, in_row=True),)

    def written(self, path: str, label: Text | None, in_row: bool) -> list[Number]:
        if self.highest is None:
            return []
        return [Number(f"{path}.highest", "highest", Decimal(self.highest), label, in_row)]

    def method(self) -> str:
        return self.per_row.method()

    def rows(self) -> Rows | None:
        plain = self.group_by is None and self.highest is None
        return Rows(self, self.table, self.per_row, self.label_field, plain, self._with_per_row)

    def _with_per_row(self, per_row: Block) -> Block:
        return replace(self, per_row=per_row)

    def row_table(self) -> Question | None:
        return self.table

    def caps_per_group(self) -> bool:
        return self.group_by is not None


@dataclass(frozen=True, slots=True)
class EachStep:
    """2 项案件合计 …; of more rows than count, "4 项人员中按金额最高的 3 项计（第 1、2、3 项）"."""

    block: Each
    rows: int
    counted: tuple[int, ...]
    total: Decimal


@dataclass(frozen=True, slots=True)
class GroupStep:
    """展会“广交会”：第 1、2 项合计 … (its caps said after it)."""

    block: Each
    key: Any  # the value of `group_by` the rows share
    size: int
    counted: tuple[int, ...]
    subtotal: Decimal


@dataclass(frozen=True, slots=True)
class GroupsStep:
    """2 组合计 …."""

    block: Each
    groups: int
    total: Decimal


@dataclass(frozen=True, slots=True)
class EmptyTable:
    """No row was entered (also why the rule came to nothing)."""

    block: Each
