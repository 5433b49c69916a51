"""The member-firm table written out: Excel for people, CSV (UTF-8 with BOM, so Excel reads the Chinese) for tools.

Both carry, per firm, what the items to confirm would bring besides the total (另有待确认) and the soonest
window among the items it applies for (closing day and days left). The Excel file adds a sheet with one
line per firm and item it applies for: status, figure, window, days left and channel, as `assess --json`
gives them per item. Every text cell goes through `desktop.report.safe_cells`: nothing becomes a formula.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop.engine import vocabulary
from desktop.engine.application import applies, deadline, next_deadline
from desktop.policy.model import Lang
from desktop.report.safe_cells import csv_row, xlsx_cell
from desktop.safe_write import replacing
from desktop.workspace.members import MemberRow, amount_columns

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


def table_rows(rows: Sequence[MemberRow], lang: Lang = "zh", *, today: dt.date) -> tuple[list[str], list[list[Cell]]]:
    """Headings and cell values: text, dates as ISO text, money as Decimal (None where there is no figure),
    days left as a whole number."""
    columns = amount_columns(rows)
    headings = [_heading(k, lang) for k in ("enterprise", "credit_code", "town", "policy", "assessed_on")]
    headings += [vocabulary.with_unit("total", "yuan", lang), vocabulary.with_unit("pending", "yuan", lang)]
    headings += [vocabulary.term("deadline", lang), vocabulary.term("days_left", lang)]
    unit = f" ({vocabulary.term('yuan', lang)})" if lang == "en" else f"（{vocabulary.term('yuan', lang)}）"
    headings += [
        f"{vocabulary.article_term(c.article, c.article_label, lang)} {c.title.get(lang)}{unit}" for c in columns
    ]
    headings.append(_heading("source", lang))
    body: list[list[Cell]] = []
    for row in rows:
        a = row.assessment
        soonest = next_deadline(a, today)
        cells: list[Cell] = [
            row.name,
            row.credit_code,
            row.town,
            f"{a.pack_id} {a.pack_version}",
            a.assessed_on.isoformat(),
            a.total,
            a.pending_total if a.to_confirm() else None,
            soonest.cell(lang) if soonest is not None else "",
            soonest.days_left if soonest is not None else None,
        ]
        cells += [row.amount(c.item_id) for c in columns]
        cells.append(row.source)
        body.append(cells)
    return headings, body


def item_rows(rows: Sequence[MemberRow], lang: Lang = "zh", *, today: dt.date) -> tuple[list[str], list[list[Cell]]]:
    """One line per firm and item it applies for (available, or to confirm), with the item's window."""
    headings = [vocabulary.term(k, lang) for k in ("enterprise", "credit_code", "article", "item", "status")]
    headings += [vocabulary.with_unit("amount", "yuan", lang)]
    headings += [vocabulary.term(k, lang) for k in ("deadline", "days_left", "channel")]
    body: list[list[Cell]] = []
    for row in rows:
        a = row.assessment
        for item in a.items:
            if not applies(item):
                continue
            when = deadline(item, a, today)
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
                ]
            )
    return headings, body


def _csv_value(value: Cell) -> str | int:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return value


def export_csv(rows: Sequence[MemberRow], path: Path, lang: Lang = "zh", *, today: dt.date) -> None:
    headings, body = table_rows(rows, lang, today=today)
    with replacing(path) as temporary, temporary.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(csv_row(list(headings)))
        for cells in body:
            writer.writerow(csv_row([_csv_value(v) for v in cells]))


def _fill(sheet: Worksheet, headings: list[str], body: list[list[Cell]], widths: Sequence[int]) -> None:
    # Cell by cell, not `sheet.append`: openpyxl would store a name such as `=HYPERLINK(...)` as a formula.
    # Excel keeps numbers as doubles; amounts here are whole cents well below 2**53, so nothing is lost.
    for col, heading in enumerate(headings, start=1):
        cell = sheet.cell(row=1, column=col)
        xlsx_cell(cell, heading)
        cell.font = Font(bold=True)
    for number, cells in enumerate(body, start=2):
        for col, value in enumerate(cells, start=1):
            cell = sheet.cell(row=number, column=col)
            xlsx_cell(cell, value)
            if isinstance(value, Decimal):
                cell.number_format = "#,##0.00"
    sheet.freeze_panes = "B2"
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def export_xlsx(rows: Sequence[MemberRow], path: Path, lang: Lang = "zh", *, today: dt.date) -> None:
    book = Workbook()
    members = book.active
    assert members is not None
    members.title = _sheet_title("members", lang)
    _fill(members, *table_rows(rows, lang, today=today), [30, 22, 12, 20, 12, 18, 16, 24, 10])
    items = book.create_sheet(_sheet_title("items", lang))
    _fill(items, *item_rows(rows, lang, today=today), [30, 22, 10, 34, 10, 16, 24, 10, 20])
    with replacing(path) as temporary:
        book.save(temporary)
