"""Member firms: reading many answers files at once, one row per firm, one problem entry per broken file."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cached_property, partial
from pathlib import Path
from typing import Any

from desktop.engine import AnswersError, AnswersFile, Assessment, assess_file, parse_answers_data, read_answers_file
from desktop.engine.answers import PackResolver, answers_file_to_data
from desktop.engine.filing import (
    CLAIM_STATE_WORDS,
    CLAIM_STATES,
    NO_FILING,
    Filing,
    progress,
    tracked_documents,
)
from desktop.engine.filing import Progress as DocumentProgress
from desktop.engine.opportunities import Opportunities, find_opportunities
from desktop.engine.reminders import paid_by_year
from desktop.engine.result import ItemResult
from desktop.policy.guide_registry import GuideRegistry
from desktop.policy.model import Lang, Pack, Text
from desktop.policy.registry import PackRegistry
from desktop.problems import Problem
from desktop.wording.applying import applies


@dataclass(frozen=True)
class MemberRow:
    """One member firm: its assessment and where it came from (a file, or a spreadsheet row), the answers
    document it was assessed from (what a stored workspace keeps), and what it could still unlock (computed
    with the assessment, off the window's thread, so that the per-measure totals only add up)."""

    source: str
    assessment: Assessment
    data: dict[str, Any] | None = field(default=None, compare=False, repr=False)
    opportunities: Opportunities | None = field(default=None, compare=False, repr=False)
    filing: Filing = field(default=NO_FILING, compare=False, repr=False)
    """What the firm's answers file records of its applications (documents, claims)."""

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

    # -- the applications (issues 20, 21) ----------------------------------------------------------------
    def item_documents(self, item: ItemResult) -> DocumentProgress:
        return progress(tracked_documents(item.documents, self.filing.documents.get(item.id, {})))

    @cached_property
    def documents(self) -> DocumentProgress:
        """The documents of every item the firm applies for, added up (nothing recorded: all missing)."""
        return sum((self.item_documents(i) for i in self.assessment.items if applies(i)), DocumentProgress())

    @property
    def paid(self) -> Decimal | None:
        """What the firm's claims say was paid (None: none paid)."""
        return sum(paid_by_year(self.filing.claims.values()).values(), Decimal(0)) or None

    def claims_text(self, lang: Lang) -> str:
        """How many claims stand where: "已提交 2；已拨付 1" (in the states' order)."""
        counts = Counter(c.state for c in self.filing.claims.values())
        separator = "; " if lang == "en" else "；"
        return separator.join(
            f"{CLAIM_STATE_WORDS[state].get(lang)} {counts[state]}" for state in CLAIM_STATES if counts[state]
        )


_ROW_SOURCE = re.compile(r"^(?P<file>.+) 第 (?P<row>\d+) 行$")
_SHEET_ROW_SOURCE = re.compile(r"^(?P<file>.+) 工作表「(?P<sheet>.+)」第 (?P<row>\d+) 行$")


def row_source(file_name: str, row: int, sheet: str = "") -> str:
    """Where a member came from in a spreadsheet, as stored with it (in Chinese; `shown_source` words it
    in the reader's language): "会员.xlsx 第 3 行", "会员.xlsx 工作表「境外项目」第 4 行"."""
    if sheet:
        return f"{file_name} 工作表「{sheet}」第 {row} 行"
    return f"{file_name} 第 {row} 行"


def shown_source(source: str, lang: Lang) -> str:
    """A stored source in the reader's language: "会员.xlsx 第 3 行" reads "会员.xlsx, row 3" in English."""
    if lang != "en":
        return source
    if match := _SHEET_ROW_SOURCE.match(source):
        return f"{match['file']}, sheet '{match['sheet']}', row {match['row']}"
    if match := _ROW_SOURCE.match(source):
        return f"{match['file']}, row {match['row']}"
    return source


@dataclass(frozen=True)
class ImportProblem:
    """Why one file (or one spreadsheet row) was not imported; `problems` each name the field."""

    source: str
    problems: tuple[Problem, ...]


@dataclass
class ImportResult:
    rows: list[MemberRow] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    notes: list[ImportProblem] = field(default_factory=list)
    """Rows imported as given that the clerk should check (a town not on the list)."""
    cancelled: bool = False
    """The user stopped the import: `rows` and `problems` hold what was read before."""


@dataclass(frozen=True)
class AmountColumn:
    item_id: str
    article_label: str
    title: Text
    article: int = 0


def member_key(credit_code: str, name: str, source: str) -> str:
    """How a firm is recognised again: its credit code, else its name, else where it came from."""
    code = credit_code.strip().upper()
    if code:
        return "code:" + code
    if name.strip():
        return "name:" + name.strip()
    return "source:" + source


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


Progress = Callable[[int, int], None]
"""Told (done, total) after each file or member, from whichever thread does the work."""
Cancelled = Callable[[], bool]


def member_row(
    source: str, answers_file: AnswersFile, pack: Pack, today: dt.date, guides: GuideRegistry | None = None
) -> MemberRow:
    """A firm's row, with its answers document dated: reopened later, it gives the same figures. With the
    guides, its items carry the window, channel and contact of the guide that applies (the one the answers
    file names, else the pack's newest real guide), as in `assess` and `batch`."""
    dated = replace(answers_file, assessed_on=answers_file.assessed_on or today)
    guide = guides.applying(pack.id, dated.guide) if guides is not None else None
    result = assess_file(pack, dated, today, guide)
    found = find_opportunities(pack, dated.answers, result, today)
    return MemberRow(source, result, answers_file_to_data(dated), found, answers_file.filing)


def _assess_all(
    sources: Sequence[tuple[str, Callable[[], tuple[AnswersFile, Pack]]]],
    today: dt.date,
    guides: GuideRegistry | None,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> ImportResult:
    """Read and assess one firm after another; a broken one becomes a problem entry and never stops the
    others. `cancelled` is asked between firms: what was read so far is returned, marked as cancelled."""
    result = ImportResult()
    for done, (source, read) in enumerate(sources):
        if cancelled is not None and cancelled():
            result.cancelled = True
            break
        try:
            answers_file, pack = read()
            row = member_row(source, answers_file, pack, today, guides)
        except AnswersError as exc:
            result.problems.append(ImportProblem(source, tuple(exc.problems)))
        except Exception as exc:  # a fault of the program must not drop the files after this one
            why = Problem("workspace.internal", kind=type(exc).__name__)
            result.problems.append(ImportProblem(source, (why,)))
        else:
            result.rows.append(row)
        if progress is not None:
            progress(done + 1, len(sources))
    return result


def import_answers_files(
    paths: Iterable[Path],
    registry: PackRegistry,
    today: dt.date,
    *,
    guides: GuideRegistry | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportResult:
    """Assess every answers file (folders: their `*.json` files)."""
    resolve = pack_resolver(registry)
    files = list(expand_inputs(paths))
    sources = [(str(path), partial(read_answers_file, path, resolve)) for path in files]
    return _assess_all(sources, today, guides, progress, cancelled)


def members_from_data(
    members: Sequence[tuple[str, Mapping[str, Any]]],
    registry: PackRegistry,
    today: dt.date,
    *,
    guides: GuideRegistry | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportResult:
    """Rows again from stored answers documents (a workspace reopened); one that no longer reads (its
    pack removed) becomes a problem entry."""
    resolve = pack_resolver(registry)
    sources = [(source, partial(parse_answers_data, data, resolve)) for source, data in members]
    return _assess_all(sources, today, guides, progress, cancelled)


def amount_columns(rows: Sequence[MemberRow]) -> list[AmountColumn]:
    """The items that compute a figure, in pack order, over every pack the rows were assessed with."""
    columns: dict[str, AmountColumn] = {}
    for row in rows:
        for item in row.assessment.items:
            if item.kind == "amount" and item.id not in columns:
                columns[item.id] = AmountColumn(item.id, item.article_label, item.title, item.article)
    return list(columns.values())


class Workspace:
    """The member firms an association has imported. A firm imported again replaces its earlier row,
    matched by credit code (or by name where a file gives no code), so re-importing updated files is safe."""

    def __init__(self) -> None:
        self.rows: list[MemberRow] = []
        self.problems: list[ImportProblem] = []
        self.notes: list[ImportProblem] = []
        """Of the last import: rows taken as given that the clerk should check."""

    @staticmethod
    def _key(row: MemberRow) -> str:
        return member_key(row.credit_code, row.name, row.source)

    def already_there(self, result: ImportResult) -> list[MemberRow]:
        """The imported rows that would replace a firm already in the workspace."""
        keys = {self._key(r) for r in self.rows}
        return [row for row in result.rows if self._key(row) in keys]

    def add(self, result: ImportResult, *, replace: bool = True) -> int:
        """Take in an import; returns how many earlier rows were replaced (with `replace`; else the earlier
        rows stay and the new ones for the same firms are left out). Problems replace the previous list."""
        index = {self._key(r): i for i, r in enumerate(self.rows)}
        replaced = 0
        for row in result.rows:
            key = self._key(row)
            if key in index:
                if replace:
                    self.rows[index[key]] = row
                    replaced += 1
            else:
                index[key] = len(self.rows)
                self.rows.append(row)
        self.problems = list(result.problems)
        self.notes = list(result.notes)
        return replaced

    def clear(self) -> None:
        self.rows.clear()
        self.problems.clear()
        self.notes.clear()

    def columns(self) -> list[AmountColumn]:
        return amount_columns(self.rows)
