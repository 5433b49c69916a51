"""The member-firm table written out: Excel for people, CSV (UTF-8 with BOM, so Excel reads the Chinese) for tools."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from desktop.engine import vocabulary
from desktop.policy.model import Lang
from desktop.report.safe_cells import csv_row, xlsx_cell
from desktop.workspace.members import MemberRow, amount_columns

_HEADINGS: dict[str, tuple[str, str]] = {
    "policy": ("政策包版本", "Policy pack version"),
    "assessed_on": ("评估日期", "Assessed on"),
    "source": ("来源", "Source"),
}


def _heading(key: str, lang: Lang) -> str:
    if key in vocabulary.TERMS:  # the words the window and the checklist use for the same column
        return vocabulary.term(key, lang)
    zh, en = _HEADINGS[key]
    return en if lang == "en" else zh


def table_rows(rows: Sequence[MemberRow], lang: Lang = "zh") -> tuple[list[str], list[list[object]]]:
    """Headings and cell values: text, dates as ISO text, money as Decimal (None where there is no figure)."""
    columns = amount_columns(rows)
    headings = [_heading(k, lang) for k in ("enterprise", "credit_code", "town", "policy", "assessed_on")]
    headings.append(vocabulary.with_unit("total", "yuan", lang))
    unit = f" ({vocabulary.term('yuan', lang)})" if lang == "en" else f"（{vocabulary.term('yuan', lang)}）"
    headings += [
        f"{vocabulary.article_term(c.article, c.article_label, lang)} {c.title.get(lang)}{unit}" for c in columns
    ]
    headings.append(_heading("source", lang))
    body: list[list[object]] = []
    for row in rows:
        a = row.assessment
        cells: list[object] = [
            row.name,
            row.credit_code,
            row.town,
            f"{a.pack_id} {a.pack_version}",
            a.assessed_on.isoformat(),
            a.total,
        ]
        cells += [row.amount(c.item_id) for c in columns]
        cells.append(row.source)
        body.append(cells)
    return headings, body


def export_csv(rows: Sequence[MemberRow], path: Path, lang: Lang = "zh") -> None:
    headings, body = table_rows(rows, lang)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(csv_row(list(headings)))
        for cells in body:
            writer.writerow(csv_row(["" if v is None else f"{v:.2f}" if isinstance(v, Decimal) else v for v in cells]))


def export_xlsx(rows: Sequence[MemberRow], path: Path, lang: Lang = "zh") -> None:
    headings, body = table_rows(rows, lang)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Members" if lang == "en" else "会员企业"
    # Cell by cell, not `sheet.append`: openpyxl would store a name such as `=HYPERLINK(...)` as a formula.
    # Excel keeps numbers as doubles; amounts here are whole cents well below 2**53, so nothing is lost.
    table: list[list[object]] = [list(headings), *body]
    for number, cells in enumerate(table, start=1):
        for col, value in enumerate(cells, start=1):
            xlsx_cell(sheet.cell(row=number, column=col), value)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in sheet.iter_rows(min_row=2, min_col=6, max_col=len(headings) - 1):
        for cell in row:
            cell.number_format = "#,##0.00"
    sheet.freeze_panes = "B2"
    for index, width in enumerate([30, 22, 12, 20, 12, 18], start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    book.save(path)
