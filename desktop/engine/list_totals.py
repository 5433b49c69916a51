"""What an assessment records of the lists it imported, and the check of typed figures against them.

A list the firm already has (a premium invoice summary, an equipment list: `desktop.policy.lists`) is
read row by row in `desktop.lists`; its total answers one money question. The assessment keeps, per
list, the total and where it came from (the file, when, how many rows counted and were left out), in the
database (`imported_list`) and in the answers file:

    "lists": {"equipment_list": {"total": "1234567.50", "source": "设备明细表2025.xlsx",
              "imported_at": "2026-12-05T10:12:00+08:00", "counted": 1980, "left_out": 20}}

Reviewers reject applications whose figures disagree with the attached lists; `list_mismatches` says
where a typed figure (or an answer since cleared) disagrees with the imported total, before the
checklist or the dossier is printed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from desktop.engine.file_values import file_money
from desktop.engine.limits import text_problem
from desktop.money import MoneyError
from desktop.policy.conditions.check import holds
from desktop.policy.lists import list_kind
from desktop.policy.model import Lang, Pack, Text
from desktop.problems import At, Listed, Problem, Term, bare, quote
from desktop.wording import vocabulary

MAX_SOURCE = 200
"""Characters of the file name kept as where a total came from."""
MAX_ROWS = 1_000_000
LIST_FIELDS = ("total", "source", "imported_at", "counted", "left_out")


@dataclass(frozen=True)
class ListTotal:
    """The total of an imported list and where it came from."""

    list_id: str
    total: Decimal
    source: str = ""
    imported_at: dt.datetime | None = None
    counted: int = 0
    left_out: int = 0


def source_text(pack: Pack, total: ListTotal, lang: Lang) -> str:
    """`来自设备明细表（设备2025.xlsx，2026-12-05 导入）：计入 1,980 行，未计入 20 行`."""
    kind = list_kind(pack, total.list_id)
    title = kind.title.get(lang) if kind is not None else total.list_id
    when = total.imported_at.astimezone().strftime("%Y-%m-%d") if total.imported_at is not None else ""
    if lang == "en":
        origin = ", ".join(p for p in (total.source, f"imported {when}" if when else "") if p)
        rows = f"rows counted {total.counted:,}, left out {total.left_out:,}"
        return f"From the {title}" + (f" ({origin})" if origin else "") + f": {rows}"
    origin = "，".join(p for p in (total.source, f"{when} 导入" if when else "") if p)
    return (
        f"来自{title}"
        + (f"（{origin}）" if origin else "")
        + f"：计入 {total.counted:,} 行，未计入 {total.left_out:,} 行"
    )


@dataclass(frozen=True)
class Mismatch:
    """A money answer that is not the total of the list imported for it."""

    question: str
    label: Text
    typed: Decimal | None
    """None: the question is not answered (any more)."""
    total: ListTotal
    title: Text

    def text(self, lang: Lang) -> str:
        total = vocabulary.yuan(self.total.total, lang)
        label, title = self.label.get(lang), self.title.get(lang)
        if lang == "en":
            origin = f" ({self.total.source})" if self.total.source else ""
            if self.typed is None:
                return f"'{label}' is not filled in, but the imported {title}{origin} totals {total}"
            return f"'{label}' is {vocabulary.yuan(self.typed, lang)}, but the imported {title}{origin} totals {total}"
        origin = f"（{self.total.source}）" if self.total.source else ""
        if self.typed is None:
            return f"「{label}」未填写，而导入的{title}{origin}合计 {total}"
        return f"「{label}」填写为 {vocabulary.yuan(self.typed, lang)}，与导入的{title}{origin}合计 {total} 不一致"


def list_mismatches(pack: Pack, answers: Mapping[str, Any], totals: Iterable[ListTotal]) -> tuple[Mismatch, ...]:
    """Every imported list whose question's answer is not its total. A question not asked on these answers
    (its show-if fails: no insurance bought) is no mismatch: its figure counts nowhere."""
    found: list[Mismatch] = []
    for total in totals:
        kind = list_kind(pack, total.list_id)
        if kind is None:
            continue
        question = pack.question(kind.question)
        if question is None:
            continue
        if question.show_if is not None and not holds(question.show_if, dict(answers), pack):
            continue
        typed = answers.get(question.id)
        if isinstance(typed, Decimal) and typed == total.total:
            continue
        found.append(
            Mismatch(question.id, question.label, typed if isinstance(typed, Decimal) else None, total, kind.title)
        )
    return tuple(found)


# -- the answers file's "lists" ------------------------------------------------------------------------


def _count(raw: Mapping[str, Any], key: str, where: At, problems: list[Problem]) -> int:
    value = raw.get(key, 0)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_ROWS:
        problems.append(Problem("lists.count", most=f"{MAX_ROWS:,}", found=quote(value), where=(where + f".{key}",)))
        return 0
    return value


def _moment(raw: Mapping[str, Any], where: At, problems: list[Problem]) -> dt.datetime | None:
    value = raw.get("imported_at")
    if value is None:
        return None
    if isinstance(value, str):
        try:
            moment = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            moment = None
        if moment is not None and moment.tzinfo is not None:
            return moment.astimezone(dt.UTC)
    problems.append(Problem("lists.moment", found=quote(value), where=(where + ".imported_at",)))
    return None


def parse_list_totals(raw: object, pack: Pack, problems: list[Problem]) -> dict[str, ListTotal]:
    """The answers file's `lists`: each a list of the pack, with its total, checked strictly."""
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        problems.append(Problem("field.object", where=("lists",)))
        return {}
    found: dict[str, ListTotal] = {}
    for list_id, entry in raw.items():
        where = At(("lists.", bare(str(list_id), 60)))
        if list_kind(pack, str(list_id)) is None:
            known = Listed(tuple(k.id for k in pack.lists)) if pack.lists else Term("nothing")
            problems.append(Problem("lists.unknown", pack=pack.id, known=known, where=(where,)))
            continue
        if not isinstance(entry, Mapping):
            problems.append(Problem("field.object", where=(where,)))
            continue
        for key in entry:
            if key not in LIST_FIELDS:
                at = where + At((".", bare(str(key), 40)))
                problems.append(Problem("lists.unknown_field", fields=Listed(LIST_FIELDS), where=(at,)))
        before = len(problems)
        try:
            total = file_money(entry.get("total"))
        except MoneyError as exc:
            problems.extend(p.at(where + ".total") for p in exc.problems)
            total = Decimal(0)
        source = entry.get("source", "")
        if not isinstance(source, str):
            problems.append(Problem("lists.source_type", found=quote(source), where=(where + ".source",)))
            source = ""
        elif (problem := text_problem(source, MAX_SOURCE, single_line=True)) is not None:
            problems.append(problem.at(where + ".source"))
        counted = _count(entry, "counted", where, problems)
        left_out = _count(entry, "left_out", where, problems)
        moment = _moment(entry, where, problems)
        if len(problems) == before:
            found[str(list_id)] = ListTotal(str(list_id), total, source.strip(), moment, counted, left_out)
    return found


def list_totals_to_data(totals: Mapping[str, ListTotal]) -> dict[str, object]:
    return {
        list_id: {
            "total": f"{t.total:.2f}",
            "source": t.source,
            **({"imported_at": t.imported_at.isoformat()} if t.imported_at is not None else {}),
            "counted": t.counted,
            "left_out": t.left_out,
        }
        for list_id, t in sorted(totals.items())
    }
