"""What an association gets besides the checklists: one row per enterprise, as a PDF and as a CSV for Excel."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from desktop import __version__
from desktop.engine.money import WAN, round_money
from desktop.engine.result import Assessment
from desktop.policy.model import Lang
from desktop.report.cells import cell, lines_cell, plain_cells
from desktop.report.flowables import LaidParagraph
from desktop.report.fonts import para
from desktop.report.labels import label, wan, yuan
from desktop.report.layout import RULE, SHADE, PageDecor, content_width, render, styles
from desktop.report.safe_cells import csv_row, safe_text


@dataclass(frozen=True)
class ItemLine:
    title: str
    amount: Decimal


@dataclass(frozen=True)
class SummaryRow:
    """One enterprise's line in the summary; small and picklable, it comes back from a worker process."""

    source: str
    name: str
    credit_code: str
    total: Decimal
    items: tuple[ItemLine, ...]
    checklist: str = ""

    @classmethod
    def of(cls, result: Assessment, source: str, lang: Lang) -> SummaryRow:
        items = tuple(ItemLine(i.title.get(lang), i.amount) for i in result.with_amounts() if i.amount is not None)
        return cls(source, result.enterprise.name, result.enterprise.credit_code, result.total, items)

    def items_text(self, lang: Lang, sep: str) -> str:
        return sep.join(f"{i.title} {yuan(i.amount, lang)}" for i in self.items)


def _p(text: str, style: str = "cell") -> Paragraph:
    return LaidParagraph(para(text), styles()[style])


def summary_bytes(rows: Sequence[SummaryRow], bad: Sequence[str], *, lang: Lang, dated: dt.date) -> bytes:
    """The summary PDF (landscape A4): one row per enterprise, the grand total, then files that failed."""
    total = sum((r.total for r in rows), Decimal(0))
    story: list[Flowable] = [
        _p(label("batch_title", lang), "title"),
        _p(
            label("batch_enterprises", lang, count=len(rows), total=f"{yuan(total, lang)}（{wan(total, lang)}）"),
            "body",
        ),
    ]
    width = content_width(wide=True)
    widths = [12 * mm, 0.0, 36 * mm, 28 * mm, 22 * mm, 72 * mm, 42 * mm]
    widths[1] = width - sum(widths)
    keys = ("col_no", "col_enterprise", "col_credit_code", "col_total", "col_total_wan", "col_items", "col_file")
    table_rows: list[list[Any]] = [[cell(label(k, lang), "cell_head", w) for k, w in zip(keys, widths, strict=True)]]
    for number, row in enumerate(rows, start=1):
        table_rows.append(
            [
                str(number),
                cell(row.name or label("not_given", lang), "cell", widths[1]),
                cell(row.credit_code, "cell", widths[2]),
                cell(yuan(row.total, lang), "cell", widths[3]),
                cell(wan(row.total, lang), "cell", widths[4]),
                lines_cell([f"{i.title} {yuan(i.amount, lang)}" for i in row.items], "cell", widths[5]),
                cell(row.checklist, "cell", widths[6]),
            ]
        )
    table = Table(table_rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                *plain_cells(),
                ("ALIGN", (3, 1), (4, -1), "RIGHT"),
                ("GRID", (0, 0), (-1, -1), 0.4, RULE),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story.append(table)
    if bad:
        story.append(_p(label("bad_files", lang), "h1"))
        story += [LaidParagraph(para(line), styles()["bullet"], bulletText="•") for line in bad]
    decor = PageDecor(
        header=label("batch_title", lang),
        footer_left=dated.isoformat(),
        footer_right=label("footer_program", lang, version=__version__),
        page_label=lambda page, pages: label("page", lang, page=page, pages=pages),
        dated=dated,
    )
    return render(story, decor, title=label("batch_title", lang), subject="", wide=True)


def _code_cell(code: str) -> str:
    """A credit code made only of digits would become 9.14E+17 in Excel, its last digits lost: keep it text.
    (The one formula the program writes: ASCII digits only, checked here, in quotes.)"""
    return f'="{code}"' if code.isascii() and code.isdigit() else safe_text(code)


def write_summary_csv(rows: Sequence[SummaryRow], path: Path, *, lang: Lang) -> None:
    """UTF-8 with a byte-order mark, so Excel on Chinese Windows opens it without garbling the names."""
    sep = "；" if lang == "zh" else "; "
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            safe_text(label(k, lang))
            for k in (
                "col_no",
                "col_enterprise",
                "col_credit_code",
                "col_total",
                "col_total_wan",
                "col_items",
                "col_file",
                "col_source",
            )
        )
        for number, row in enumerate(rows, start=1):
            writer.writerow(
                [
                    number,
                    *csv_row([row.name]),
                    _code_cell(row.credit_code),
                    f"{row.total:.2f}",
                    f"{round_money(row.total / WAN):.2f}",
                    *csv_row([row.items_text(lang, sep), row.checklist, row.source]),
                ]
            )
