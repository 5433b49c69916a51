"""Lists the firm already has, as data: what a premium invoice summary or an equipment list holds.

A pack's `[[lists]]` entry describes one kind of list (docs/policy-packs.md §16): which money question
its total answers, which item and document it is attached to, its columns (text, date or money; which are
required, which one is summed, which dates must fall in the pack's period, which words a firm's own
headers use for them) and the columns that make two rows the same. An application guide may add a
minimum (`[[lists]]` of the guide: "single invoices from 10,000 yuan") where the pack says one may be set.
A new kind of list is a pack edit; `desktop.lists` reads any file against any such description.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, cast

from desktop.policy.model import DOCUMENT_ID, Pack, Text
from desktop.problems import At, Listed, Problem, Term

if TYPE_CHECKING:
    from desktop.policy.loader import Where, _Checker

ColumnType = Literal["text", "date", "money"]
COLUMN_TYPES: tuple[ColumnType, ...] = ("text", "date", "money")
LIST_KEYS = (
    "id",
    "title",
    "title_en",
    "help",
    "help_en",
    "question",
    "item",
    "document",
    "columns",
    "unique",
    "tax",
    "minimum",
)
COLUMN_KEYS = ("id", "label", "label_en", "type", "required", "total", "in_period", "negative", "synonyms")
MINIMUM_KEYS = ("column", "per", "label", "label_en")
GUIDE_LIST_KEYS = ("list", "minimum", "source", "source_en")
MAX_COLUMNS = 30
EMPTY = Text("")
MAX_SYNONYMS = 30


@dataclass(frozen=True)
class ListColumn:
    """One column of a list as the guide's table has it."""

    id: str
    label: Text
    type: ColumnType = "text"
    required: bool = False
    total: bool = False
    """The money column whose sum is the list's total (exactly one per list)."""
    in_period: bool = False
    """A date column whose rows count only within the pack's period of activity."""
    negative: bool = False
    """A money column where a negative amount (a credit note, a refund) is read and subtracts."""
    synonyms: tuple[str, ...] = ()
    """Other headers a firm's own export uses for it (金蝶: 原值, 用友: 入账价值...)."""


@dataclass(frozen=True)
class ListMinimum:
    """Where the pack lets an application guide set a minimum: on which money column, and per what (the
    rows sharing one value of `per`, e.g. one invoice; each row where `per` is empty)."""

    column: str
    label: Text
    per: str = ""


@dataclass(frozen=True)
class ListKind:
    id: str
    title: Text
    question: str
    """The money question the list's total answers."""
    item: str
    document: str
    """The item's document the list is attached as, made into a PDF in the list's columns."""
    columns: tuple[ListColumn, ...]
    unique: tuple[str, ...] = ()
    """Columns whose values together identify a row: a second row with the same values is a duplicate."""
    tax_excluded: bool = False
    """Amounts are to be counted without VAT: a tax column or a header saying 含税 is warned about."""
    minimum: ListMinimum | None = None
    help: Text = EMPTY

    @property
    def total_column(self) -> ListColumn:
        return next(c for c in self.columns if c.total)

    def column(self, column_id: str) -> ListColumn | None:
        return next((c for c in self.columns if c.id == column_id), None)


@dataclass(frozen=True)
class GuideList:
    """What an application guide adds to a list of its pack: the minimum it states."""

    list_id: str
    minimum: Decimal
    source: Text = EMPTY


def list_kind(pack: Pack, list_id: str) -> ListKind | None:
    return next((k for k in pack.lists if k.id == list_id), None)


def list_for_question(pack: Pack, question_id: str) -> ListKind | None:
    """The list whose total answers this question, if the pack has one."""
    return next((k for k in pack.lists if k.question == question_id), None)


def list_for_document(pack: Pack, item_id: str, document_id: str) -> ListKind | None:
    """The list attached as this document of this item, if the pack has one."""
    return next((k for k in pack.lists if k.item == item_id and k.document == document_id), None)


# -- reading and checking the pack's [[lists]] ---------------------------------------------------------


def _flag(c: _Checker, data: Mapping[str, Any], key: str, where: Where) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        c.fail(where + f".{key}", Problem("pack_lists.bool_type", value=repr(value)))
        return False
    return value


def _identified(
    c: _Checker, data: Mapping[str, Any], where: Where, keys: tuple[str, ...], what: Literal["column", "list"]
) -> str:
    """An entry's id, checked like a document's, after its fields: none but `keys`."""
    for key in data:
        if key not in keys:
            c.fail(where + f".{key}", Problem(f"pack_lists.{what}_field", keys=Listed(keys)))
    ident = c.string(data, "id", where)
    if ident and not re.fullmatch(DOCUMENT_ID, ident):
        c.fail(where + ".id", Problem(f"pack_lists.{what}_id", value=repr(ident[:60])))
    return ident


def _column(c: _Checker, data: Mapping[str, Any], where: Where) -> ListColumn:
    ident = _identified(c, data, where, COLUMN_KEYS, "column")
    kind = cast(ColumnType, c.choice_of(data, "type", where, COLUMN_TYPES, "text"))
    synonyms = data.get("synonyms", [])
    if not (isinstance(synonyms, list) and all(isinstance(s, str) and s.strip() for s in synonyms)):
        c.fail(where + ".synonyms", Problem("pack_lists.synonyms"))
        synonyms = []
    elif len(synonyms) > MAX_SYNONYMS:
        c.fail(where + ".synonyms", Problem("pack_lists.at_most", limit=MAX_SYNONYMS))
    column = ListColumn(
        id=ident,
        label=c.text(data, "label", where),
        type=kind,
        required=_flag(c, data, "required", where),
        total=_flag(c, data, "total", where),
        in_period=_flag(c, data, "in_period", where),
        negative=_flag(c, data, "negative", where),
        synonyms=tuple(s.strip() for s in synonyms),
    )
    if column.total and kind != "money":
        c.fail(where + ".total", Problem("pack_lists.total_money"))
    if column.negative and kind != "money":
        c.fail(where + ".negative", Problem("pack_lists.negative_money"))
    if column.in_period and kind != "date":
        c.fail(where + ".in_period", Problem("pack_lists.in_period_date"))
    return column


def _minimum(c: _Checker, raw: object, where: Where, columns: Mapping[str, ListColumn]) -> ListMinimum | None:
    at = where + ".minimum"
    if not isinstance(raw, Mapping):
        c.fail(at, Problem("pack_lists.minimum_type"))
        return None
    for key in raw:
        if key not in MINIMUM_KEYS:
            c.fail(at + f".{key}", Problem("pack_lists.only_fields", keys=Listed(MINIMUM_KEYS)))
    column = c.string(raw, "column", at)
    per = c.string(raw, "per", at, required=False)
    if column and (columns.get(column) is None or columns[column].type != "money"):
        c.fail(at + ".column", Problem("pack_lists.not_money_column", value=repr(column)))
    if per and per not in columns:
        c.fail(at + ".per", Problem("pack_lists.not_column", value=repr(per)))
    return ListMinimum(column, c.text(raw, "label", at), per)


def _entry(index: int, data: Mapping[str, Any]) -> At:
    return At.entry(f"lists[{index}]", data.get("id"))


def read_lists(c: _Checker, data: Mapping[str, Any], pack: Pack) -> tuple[ListKind, ...]:
    """The pack's `[[lists]]`, every problem named by entry and field: the question a list answers must be
    a money question, its item and document must exist, exactly one column is summed."""
    from desktop.policy.loader import _strings  # here: the loader imports this module

    kinds: list[ListKind] = []
    for i, raw in enumerate(c.tables(data, "lists", "")):
        where = _entry(i, raw)
        ident = _identified(c, raw, where, LIST_KEYS, "list")
        if ident in (k.id for k in kinds):
            c.fail(where + ".id", Problem("pack_lists.list_twice", value=ident))
        question_id = c.string(raw, "question", where)
        question = pack.question(question_id) if question_id else None
        if question_id and question is None:
            c.fail(where + ".question", Problem("pack_lists.question_unknown", value=repr(question_id)))
        elif question is not None and question.type != "money":
            c.fail(where + ".question", Problem("pack_lists.question_money", question=question_id))
        elif question_id in (k.question for k in kinds):
            c.fail(where + ".question", Problem("pack_lists.question_taken", question=question_id))
        item_id = c.string(raw, "item", where)
        document_id = c.string(raw, "document", where)
        found = pack.item(item_id) if item_id else None
        if item_id and found is None:
            c.fail(where + ".item", Problem("pack_lists.item_unknown", value=repr(item_id)))
        elif found is not None and document_id and document_id not in (d.id for d in found[1].documents):
            documents = tuple(d.id for d in found[1].documents)
            known = Listed(documents) if documents else Term("nothing")
            no_document = Problem("pack_lists.document_unknown", item=item_id, value=repr(document_id), known=known)
            c.fail(where + ".document", no_document)
        raw_columns = c.tables(raw, "columns", where)
        if len(raw_columns) > MAX_COLUMNS:
            c.fail(where + ".columns", Problem("pack_lists.columns_at_most", limit=MAX_COLUMNS))
        columns = tuple(_column(c, col, where + f".columns[{j}]") for j, col in enumerate(raw_columns))
        by_id: dict[str, ListColumn] = {}
        for j, column in enumerate(columns):
            if column.id in by_id:
                c.fail(where + f".columns[{j}].id", Problem("pack_lists.column_twice", value=column.id))
            by_id[column.id] = column
        totals = [col.id for col in columns if col.total]
        if len(totals) != 1:
            c.fail(where + ".columns", Problem("pack_lists.one_total", count=len(totals)))
        unique = _strings(c, raw, "unique", where)
        for name in unique:
            if name not in by_id:
                c.fail(where + ".unique", Problem("pack_lists.not_column", value=repr(name)))
        tax = c.choice_of(raw, "tax", where, ("excluded", "any"), "any")
        minimum = _minimum(c, raw["minimum"], where, by_id) if "minimum" in raw else None
        kinds.append(
            ListKind(
                id=ident,
                title=c.text(raw, "title", where),
                question=question_id,
                item=item_id,
                document=document_id,
                columns=columns,
                unique=unique,
                tax_excluded=tax == "excluded",
                minimum=minimum,
                help=c.text(raw, "help", where, required=False),
            )
        )
    return tuple(kinds)


def read_guide_lists(c: _Checker, data: Mapping[str, Any], pack: Pack) -> dict[str, GuideList]:
    """A guide's `[[lists]]`: the minimum it states for a list of its pack (only where the pack's list has
    a `minimum` saying what it applies to)."""
    found: dict[str, GuideList] = {}
    for i, raw in enumerate(c.tables(data, "lists", "")):
        where = At.entry(f"lists[{i}]", raw.get("list"))
        for key in raw:
            if key not in GUIDE_LIST_KEYS:
                c.fail(where + f".{key}", Problem("pack_lists.only_fields", keys=Listed(GUIDE_LIST_KEYS)))
        list_id = c.string(raw, "list", where)
        kind = list_kind(pack, list_id) if list_id else None
        if list_id and kind is None:
            known = Listed(tuple(k.id for k in pack.lists)) if pack.lists else Term("nothing")
            c.fail(
                where + ".list",
                Problem("pack_lists.guide_list_unknown", pack=pack.id, value=repr(list_id), known=known),
            )
        elif kind is not None and kind.minimum is None:
            c.fail(where + ".minimum", Problem("pack_lists.no_minimum", value=list_id))
        if list_id in found:
            c.fail(where + ".list", Problem("pack_lists.guide_list_twice", value=list_id))
        minimum = c.decimal(raw, "minimum", where)
        found[list_id] = GuideList(list_id, minimum or Decimal(0), c.text(raw, "source", where, required=False))
    return found
