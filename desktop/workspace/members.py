"""Member firms: reading many answers files at once, one row per firm, one problem entry per broken file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from pathlib import Path

from desktop.engine import AnswersError, Assessment, assess_file, read_answers_file
from desktop.engine.answers import PackResolver
from desktop.policy.model import Pack, Text
from desktop.policy.registry import PackRegistry


@dataclass(frozen=True)
class MemberRow:
    """One member firm: its assessment and where it came from (a file, or a spreadsheet row)."""

    source: str
    assessment: Assessment

    @property
    def name(self) -> str:
        return self.assessment.enterprise.name

    @property
    def credit_code(self) -> str:
        return self.assessment.enterprise.credit_code

    @property
    def town(self) -> str:
        return self.assessment.enterprise.town

    @property
    def total(self) -> Decimal:
        return self.assessment.total

    @cached_property
    def _amounts(self) -> dict[str, Decimal]:
        return {i.id: i.amount for i in self.assessment.items if i.has_amount and i.amount is not None}

    def amount(self, item_id: str) -> Decimal | None:
        """The computed figure for one item, or None when the firm gets no figure for it."""
        return self._amounts.get(item_id)


@dataclass(frozen=True)
class ImportProblem:
    """Why one file (or one spreadsheet row) was not imported; `problems` each name the field."""

    source: str
    problems: tuple[str, ...]


@dataclass
class ImportResult:
    rows: list[MemberRow] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)


@dataclass(frozen=True)
class AmountColumn:
    item_id: str
    article_label: str
    title: Text


def pack_resolver(registry: PackRegistry) -> PackResolver:
    """The answers file's `policy` (newest version of that id), else the pack in force on the assessment day."""

    def resolve(policy: str | None, day: dt.date) -> Pack:
        return registry.get(policy) if policy else registry.for_date(day)

    return resolve


def expand_inputs(paths: Iterable[Path]) -> Iterator[Path]:
    """Files as given; folders become their `*.json` files (sub-folders included), in name order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.json") if p.is_file())
        else:
            yield path


def import_answers_files(paths: Iterable[Path], registry: PackRegistry, today: dt.date) -> ImportResult:
    """Assess every answers file; a broken file becomes a problem entry and never stops the others."""
    resolve = pack_resolver(registry)
    result = ImportResult()
    for path in expand_inputs(paths):
        try:
            answers_file, pack = read_answers_file(path, resolve)
            result.rows.append(MemberRow(str(path), assess_file(pack, answers_file, today)))
        except AnswersError as exc:
            result.problems.append(ImportProblem(str(path), tuple(exc.problems)))
        except Exception as exc:  # a fault of the program must not drop the files after this one
            why = f"导入时出现内部错误（{type(exc).__name__}），未导入；请把此文件交给技术支持"
            result.problems.append(ImportProblem(str(path), (why,)))
    return result


def amount_columns(rows: Sequence[MemberRow]) -> list[AmountColumn]:
    """The items that compute a figure, in pack order, over every pack the rows were assessed with."""
    columns: dict[str, AmountColumn] = {}
    for row in rows:
        for item in row.assessment.items:
            if item.kind == "amount" and item.id not in columns:
                columns[item.id] = AmountColumn(item.id, item.article_label, item.title)
    return list(columns.values())


class Workspace:
    """The member firms an association has imported. A firm imported again replaces its earlier row,
    matched by credit code (or by name where a file gives no code), so re-importing updated files is safe."""

    def __init__(self) -> None:
        self.rows: list[MemberRow] = []
        self.problems: list[ImportProblem] = []

    @staticmethod
    def _key(row: MemberRow) -> str:
        if row.credit_code:
            return "code:" + row.credit_code
        if row.name:
            return "name:" + row.name
        return "source:" + row.source

    def add(self, result: ImportResult) -> int:
        """Take in an import; returns how many earlier rows were replaced. Problems replace the previous list."""
        index = {self._key(r): i for i, r in enumerate(self.rows)}
        replaced = 0
        for row in result.rows:
            key = self._key(row)
            if key in index:
                self.rows[index[key]] = row
                replaced += 1
            else:
                index[key] = len(self.rows)
                self.rows.append(row)
        self.problems = list(result.problems)
        return replaced

    def clear(self) -> None:
        self.rows.clear()
        self.problems.clear()

    def columns(self) -> list[AmountColumn]:
        return amount_columns(self.rows)
