"""An imported list as the PDF attached to its document: the rows counted, in the list's (the guide's)
columns, with the total, on landscape A4 pages numbered "第 N 页 共 M 页".

It goes into the dossier for the bureau, so it holds what the claim rests on: the rows counted and their
sum, which equals the figure answered; a line under the title says where the rows came from and how many
of the file's rows were left out (the window lists those with their reasons). Every cell is plain text
(nothing in a firm's file is read as markup); text too long for its column wraps within it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from desktop import __version__
from desktop.lists.rows import ListReading
from desktop.money import format_yuan
from desktop.policy.lists import ListColumn, ListKind
from desktop.policy.model import Lang, Pack
from desktop.report.cells import CELL_PAD, plain_cells, unbroken_cell
from desktop.report.checklist import render_guarded
from desktop.report.flowables import plain_paragraph
from desktop.report.fonts import BOLD, printable
from desktop.report.labels import label
from desktop.report.layout import RULE, SHADE, PageDecor, content_width, render, styles
from desktop.wording.vocabulary import yuan_and_large

ROWS_PER_TABLE = 40
"""Rows laid out as one table: platypus splits a long table page by page, re-measuring what is left each
time; tables of a page or less keep a 2,000-row list to a second or two."""

_WORDS = {
    "number": ("序号", "No."),
    "enterprise": ("企业名称", "Enterprise"),
    "credit_code": ("统一社会信用代码", "Unified Social Credit Code"),
    "policy": ("政策依据", "Policy"),
    "total": ("合计", "Total"),
    "source": (
        "根据 {source}{sheet}整理：列入 {counted:,} 行，合计 {total}。",
        "From {source}{sheet}: rows listed {counted:,}, totalling {total}.",
    ),
    "left_out": (
        "原表另有 {left_out:,} 行未列入（空行、合计行和不符合条件的行）。",
        "Rows of the file not listed: {left_out:,} (empty rows, totals and rows that do not qualify).",
    ),
    "sheet": ("（工作表「{sheet}」）", " (sheet '{sheet}')"),
    "imported": ("导入日期 {day}", "Imported on {day}"),
}


def _w(key: str, lang: Lang, **values: object) -> str:
    zh, en = _WORDS[key]
    return (en if lang == "en" else zh).format(**values)


@dataclass(frozen=True)
class ListDocument:
    """What the PDF shows: the list, the reading, whose it is and when."""

    kind: ListKind
    reading: ListReading
    pack: Pack
    enterprise: str
    credit_code: str
    day: dt.date
    lang: Lang = "zh"


def _widths(columns: Sequence[ListColumn], width: float) -> list[float]:
    fixed = {"money": 30 * mm, "date": 22 * mm}
    number = 11 * mm
    rest = width - number - sum(fixed.get(c.type, 0) for c in columns)
    weights = [1.6 if i == 0 else 1.0 for i, c in enumerate(columns) if c.type == "text"]
    share = rest / sum(weights) if weights else 0
    widths = [number]
    text_index = 0
    for column in columns:
        if column.type in fixed:
            widths.append(fixed[column.type])
        else:
            widths.append(share * weights[text_index])
            text_index += 1
    return widths


def _cell(text: str, width: float) -> str:
    """Plain text in a cell, on as many lines as it needs (most cells fit one: measured once)."""
    if not text:
        return ""
    shown = printable(text)
    body = styles()["cell"]
    if stringWidth(shown, body.fontName, body.fontSize) <= width - 2 * CELL_PAD:
        return shown
    return unbroken_cell(text, "cell", width)


def _p(text: str, style: str = "body") -> Paragraph:
    return plain_paragraph(printable(text), styles()[style])


def _table(rows: list[list[Any]], widths: list[float], money: Sequence[int], *, total: bool) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1)
    commands: list[Any] = [
        *plain_cells(head_rows=1),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("ALIGN", (0, 1), (0, -1), "RIGHT"),
    ]
    for index in money:
        commands.append(("ALIGN", (index, 1), (index, -1), "RIGHT"))
    if total:
        commands += [
            ("FONTNAME", (0, -1), (-1, -1), BOLD),
            ("SPAN", (0, -1), (money[0] - 1 if money else 0, -1)),
            ("BACKGROUND", (0, -1), (-1, -1), SHADE),
        ]
    table.setStyle(TableStyle(commands))
    return table


def list_story(document: ListDocument) -> list[Flowable]:
    kind, reading, lang = document.kind, document.reading, document.lang
    width = content_width(wide=True)
    columns = kind.columns
    widths = _widths(columns, width)
    head = [_w("number", lang), *(c.label.get(lang) for c in columns)]
    head_row = [unbroken_cell(text, "cell_head", w) for text, w in zip(head, widths, strict=True)]
    money = [i + 1 for i, c in enumerate(columns) if c.type == "money"]
    total_index = next(i + 1 for i, c in enumerate(columns) if c.total)
    body: list[list[Any]] = []
    counted = [r for r in reading.rows if r.counted]
    for number, row in enumerate(counted, start=1):
        cells = [str(number)]
        for column, cell_width in zip(columns, widths[1:], strict=True):
            text = row.values.get(column.id, "")
            cells.append(_cell(text, cell_width))
        body.append(cells)
    total_row: list[Any] = [_w("total", lang)] + [""] * len(columns)
    total_row[total_index] = format_yuan(reading.total)
    colon = "：" if lang == "zh" else ": "
    start, end = document.pack.period
    period = f"{start.isoformat()} – {end.isoformat()}"
    policy = document.pack.title.get(lang) + (f"（{period}）" if lang == "zh" else f" ({period})")
    story: list[Flowable] = [
        _p(kind.title.get(lang), "title"),
        _p(f"{_w('enterprise', lang)}{colon}{document.enterprise}"),
    ]
    if document.credit_code:
        story.append(_p(f"{_w('credit_code', lang)}{colon}{document.credit_code}"))
    story.append(_p(f"{_w('policy', lang)}{colon}{policy}"))
    named = reading.sheet and reading.sheet != reading.source  # a CSV's one sheet is the file
    sheet = _w("sheet", lang, sheet=reading.sheet) if named else ("" if lang == "en" else " ")
    total = yuan_and_large(reading.total, lang)
    line = _w("source", lang, source=reading.source, sheet=sheet, counted=len(counted), total=total)
    if reading.left_out:
        line += (" " if lang == "en" else "") + _w("left_out", lang, left_out=reading.left_out)
    story += [_p(line, "small"), Spacer(1, 3 * mm)]
    chunks = [body[i : i + ROWS_PER_TABLE] for i in range(0, len(body), ROWS_PER_TABLE)] or [[]]
    for index, chunk in enumerate(chunks):
        last = index == len(chunks) - 1
        rows = [head_row, *chunk, *([total_row] if last else [])]
        story.append(_table(rows, widths, money, total=last))
    return story


def list_pdf_bytes(document: ListDocument) -> bytes:
    """The list's PDF; the same reading, firm and day always give the same bytes."""
    lang = document.lang
    decor = PageDecor(
        header="  ".join(p for p in (document.enterprise, document.kind.title.get(lang)) if p),
        footer_left=_w("imported", lang, day=document.day.isoformat()),
        footer_right=label("footer_program", lang, version=__version__),
        page_label=lambda page, pages: label("page", lang, page=page, pages=pages),
        dated=document.day,
    )
    return render_guarded(
        lambda: render(
            list_story(document),
            decor,
            title=f"{document.kind.title.get(lang)} - {document.enterprise}",
            subject=document.pack.title.get(lang),
            wide=True,
        )
    )
