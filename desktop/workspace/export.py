"""The member-firm table written out: Excel for people, CSV (UTF-8 with BOM, so Excel reads the Chinese) for tools.

Both carry, per firm, what the items to confirm would bring besides the total (另有待确认) and the soonest
window among the items it applies for (closing day and days left). The Excel file adds a sheet with one
line per firm and item it applies for: status, figure, window, days left and channel, as `assess --json`
gives them per item. Every text cell goes through `desktop.report.safe_cells`: nothing becomes a formula.

The look of an Excel sheet is declared per column by its kind (`Column`): a money column is a number with
thousands separators and two decimals, wide enough for its largest figure (LibreOffice shows "###" where a
figure does not fit), a code stays text, a count is a whole number. A new column says what kind it is and
`write_sheet` does the rest.
"""

from __future__ import annotations

import csv
import datetime as dt
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop.engine.filing import claim_text
from desktop.policy.model import Lang
from desktop.policy.towns import shown_town
from desktop.report.safe_cells import csv_row, xlsx_cell
from desktop.safe_write import replacing
from desktop.wording import vocabulary
from desktop.wording.applying import applies, deadline, next_deadline
from desktop.workspace.members import MemberRow, amount_columns, shown_source


class Kind(Enum):
    """What a column holds, which decides its number format, alignment and width in Excel."""

    TEXT = "text"  # words that may be long (names, titles, channels): wrapped beyond MAX_WIDTH
    CODE = "code"  # identifiers and dates as text (credit code, 2026-12-11): never a number, never wrapped
    MONEY = "money"  # yuan: 1,200,000.00
    COUNT = "count"  # whole numbers (days left)


@dataclass(frozen=True)
class Column:
    heading: str
    kind: Kind = Kind.TEXT


NUMBER_FORMATS = {Kind.MONEY: "#,##0.00", Kind.COUNT: "0", Kind.CODE: "@", Kind.TEXT: "@"}
MIN_WIDTH = {Kind.MONEY: 14, Kind.COUNT: 8, Kind.CODE: 10, Kind.TEXT: 10}
MAX_WIDTH = 40
"""Characters: a longer text wraps in its cell rather than widening the column past a screen."""
HEADING_WIDTH = 24
"""A heading longer than this wraps (the header row is tall enough for three lines)."""

_HEADINGS: dict[str, tuple[str, str]] = {
    "policy": ("政策包版本", "Policy pack version"),
    "source": ("来源", "Source"),
}
_SHEETS = {"members": ("会员企业", "Members"), "items": ("申报项目", "Items to apply for")}

Cell = str | Decimal | int | None
"""Text, money (Decimal; None where there is no figure) or a count of days."""


def _heading(key: str, lang: Lang) -> str:
    if key in vocabulary.TERMS:  # the words the window and the checklist use for the same column
        return vocabulary.term(key, lang)
    zh, en = _HEADINGS[key]
    return en if lang == "en" else zh


def _sheet_title(key: str, lang: Lang) -> str:
    zh, en = _SHEETS[key]
    return en if lang == "en" else zh


def table_rows(
    rows: Sequence[MemberRow], lang: Lang = "zh", *, today: dt.date
) -> tuple[list[Column], list[list[Cell]]]:
    """Columns and cell values: text, dates as ISO text, money as Decimal (None where there is no figure),
    days left as a whole number."""
    amounts = amount_columns(rows)
    unit = f" ({vocabulary.term('yuan', lang)})" if lang == "en" else f"（{vocabulary.term('yuan', lang)}）"
    columns = [
        Column(_heading("enterprise", lang)),
        Column(_heading("credit_code", lang), Kind.CODE),
        Column(_heading("town", lang)),
        Column(_heading("policy", lang), Kind.CODE),
        Column(_heading("assessed_on", lang), Kind.CODE),
        Column(vocabulary.with_unit("total", "yuan", lang), Kind.MONEY),
        Column(vocabulary.with_unit("pending", "yuan", lang), Kind.MONEY),
        Column(vocabulary.term("deadline", lang)),
        Column(vocabulary.term("days_left", lang), Kind.COUNT),
        *(
            Column(f"{vocabulary.article_term(c.article, c.article_label, lang)} {c.title.get(lang)}{unit}", Kind.MONEY)
            for c in amounts
        ),
        # the applications: documents ready of those to prepare, where the claims stand, what was paid
        Column(vocabulary.term("documents_ready", lang), Kind.COUNT),
        Column(vocabulary.term("documents_all", lang), Kind.COUNT),
        Column(vocabulary.term("claim", lang)),
        Column(vocabulary.with_unit("paid", "yuan", lang), Kind.MONEY),
        Column(_heading("source", lang)),
    ]
    body: list[list[Cell]] = []
    for row in rows:
        a = row.assessment
        soonest = next_deadline(a, today)
        cells: list[Cell] = [
            row.name,
            row.credit_code,
            shown_town(row.town, lang),
            f"{a.pack_id} {a.pack_version}",
            a.assessed_on.isoformat(),
            a.total,
            a.pending_total if a.to_confirm() else None,
            soonest.cell(lang) if soonest is not None else "",
            soonest.days_left if soonest is not None else None,
        ]
        cells += [row.amount(c.item_id) for c in amounts]
        cells += [row.documents.have, row.documents.total, row.claims_text(lang), row.paid]
        cells.append(shown_source(row.source, lang))
        body.append(cells)
    return columns, body


def item_rows(rows: Sequence[MemberRow], lang: Lang = "zh", *, today: dt.date) -> tuple[list[Column], list[list[Cell]]]:
    """One line per firm and item it applies for (available, or to confirm), with the item's window."""
    columns = [
        Column(vocabulary.term("enterprise", lang)),
        Column(vocabulary.term("credit_code", lang), Kind.CODE),
        Column(vocabulary.term("article", lang)),
        Column(vocabulary.term("item", lang)),
        Column(vocabulary.term("status", lang)),
        Column(vocabulary.with_unit("amount", "yuan", lang), Kind.MONEY),
        Column(vocabulary.term("deadline", lang)),
        Column(vocabulary.term("days_left", lang), Kind.COUNT),
        Column(vocabulary.term("channel", lang)),
        Column(vocabulary.term("documents", lang)),
        Column(vocabulary.term("claim", lang)),
        Column(vocabulary.with_unit("paid", "yuan", lang), Kind.MONEY),
    ]
    body: list[list[Cell]] = []
    for row in rows:
        a = row.assessment
        for item in a.items:
            if not applies(item):
                continue
            when = deadline(item, a, today)
            claim = row.filing.claim(item.id)
            body.append(
                [
                    row.name,
                    row.credit_code,
                    vocabulary.article_term(item.article, item.article_label, lang),
                    item.title.get(lang),
                    vocabulary.status_term(item.status, lang),
                    item.amount,
                    when.cell(lang) if when is not None else "",
                    when.days_left if when is not None else None,
                    when.channel_cell(lang) if when is not None else "",
                    row.item_documents(item).text().get(lang),
                    "" if claim is None else claim_text(claim, lang),
                    claim.paid_amount if claim is not None and claim.state == "paid" else None,
                ]
            )
    return columns, body


def _csv_value(value: Cell) -> str | int:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return value


def export_csv(rows: Sequence[MemberRow], path: Path, lang: Lang = "zh", *, today: dt.date) -> None:
    columns, body = table_rows(rows, lang, today=today)
    with replacing(path) as temporary, temporary.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(csv_row([c.heading for c in columns]))
        for cells in body:
            writer.writerow(csv_row([_csv_value(v) for v in cells]))


def display_width(text: str) -> int:
    """Columns of a spreadsheet a text takes: a Chinese character about two, a Latin one about one."""
    return sum(2 if unicodedata.east_asian_width(char) in ("W", "F") else 1 for char in text)


def _shown(value: Cell, kind: Kind) -> str:
    """The text Excel shows for a value of this kind (to measure the column by)."""
    if value is None:
        return ""
    if isinstance(value, Decimal) and kind is Kind.MONEY:
        return f"{value:,.2f}"
    return str(value)


def _width(column: Column, values: Sequence[Cell]) -> float:
    widest = max((display_width(_shown(v, column.kind)) for v in values), default=0)
    heading = min(display_width(column.heading), HEADING_WIDTH)
    if column.kind is Kind.MONEY or column.kind is Kind.COUNT or column.kind is Kind.CODE:
        content = widest + 2  # a figure or a code is never cut or wrapped: room for all of it
    else:
        content = min(widest + 2, MAX_WIDTH)
    return float(max(MIN_WIDTH[column.kind], content, heading + 2))


def write_sheet(sheet: Worksheet, columns: Sequence[Column], body: Sequence[Sequence[Cell]]) -> None:
    """A header row and the body, each column formatted and sized by its kind and its widest value."""
    # Cell by cell, not `sheet.append`: openpyxl would store a name such as `=HYPERLINK(...)` as a formula.
    # Excel keeps numbers as doubles; amounts here are whole cents well below 2**53, so nothing is lost.
    heading_style = Alignment(wrap_text=True, vertical="top")
    wrapped = Alignment(wrap_text=True, vertical="top")
    for col, column in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=col)
        xlsx_cell(cell, column.heading)
        cell.font = Font(bold=True)
        cell.alignment = heading_style
        number_format = NUMBER_FORMATS[column.kind]
        for number, cells in enumerate(body, start=2):
            value = cells[col - 1]
            target = sheet.cell(row=number, column=col)
            xlsx_cell(target, value)
            if value is None:
                continue
            target.number_format = number_format
            if column.kind is Kind.TEXT:
                target.alignment = wrapped
        width = _width(column, [cells[col - 1] for cells in body])
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.row_dimensions[1].height = 48  # three lines of a wrapped heading
    sheet.freeze_panes = "B2"


def export_xlsx(rows: Sequence[MemberRow], path: Path, lang: Lang = "zh", *, today: dt.date) -> None:
    book = Workbook()
    members = book.active
    assert members is not None
    members.title = _sheet_title("members", lang)
    write_sheet(members, *table_rows(rows, lang, today=today))
    items = book.create_sheet(_sheet_title("items", lang))
    write_sheet(items, *item_rows(rows, lang, today=today))
    with replacing(path) as temporary:
        book.save(temporary)
