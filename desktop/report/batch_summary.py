"""What an association gets besides the checklists: one row per enterprise, as a PDF and as a CSV for Excel.

The PDF names the policy (and its period) the figures were computed under, has a 镇街 column (the
associations report per town) and ends with a total row. Names and file names break only between
words, never inside a bracket or before ".pdf".
"""

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
from desktop.engine import vocabulary
from desktop.engine.money import format_yuan
from desktop.engine.result import Assessment
from desktop.policy.model import Lang
from desktop.report.cells import plain_cells, unbroken_cell
from desktop.report.flowables import LaidParagraph
from desktop.report.fonts import para
from desktop.report.labels import label
from desktop.report.layout import RULE, SHADE, PageDecor, content_width, render, styles
from desktop.report.safe_cells import csv_row, safe_text


@dataclass(frozen=True)
class ItemLine:
    title: str
    amount: Decimal


@dataclass(frozen=True)
class PolicyLine:
    """The pack an enterprise's figures were computed with, as the summary names it."""

    title: str
    pack_id: str
    version: str
    valid_from: dt.date
    valid_to: dt.date


@dataclass(frozen=True)
class SummaryRow:
    """One enterprise's line in the summary; small and picklable, it comes back from a worker process."""

    source: str
    name: str
    credit_code: str
    total: Decimal
    items: tuple[ItemLine, ...]
    checklist: str = ""
    town: str = ""
    policy: PolicyLine | None = None

    @classmethod
    def of(cls, result: Assessment, source: str, lang: Lang) -> SummaryRow:
        items = tuple(ItemLine(i.title.get(lang), i.amount) for i in result.with_amounts() if i.amount is not None)
        policy = PolicyLine(
            result.pack_title.get(lang), result.pack_id, result.pack_version, result.valid_from, result.valid_to
        )
        e = result.enterprise
        return cls(source, e.name, e.credit_code, result.total, items, town=e.town, policy=policy)

    def items_text(self, lang: Lang, sep: str) -> str:
        return sep.join(f"{i.title} {vocabulary.yuan(i.amount, lang)}" for i in self.items)


# the summary's columns, the PDF's and the CSV's (which adds the answers file)
COLUMNS = (
    "col_no",
    "col_enterprise",
    "col_credit_code",
    "col_town",
    "col_total",
    "col_total_wan",
    "col_items",
    "col_file",
)


def _p(text: str, style: str = "cell") -> Paragraph:
    return LaidParagraph(para(text), styles()[style])


def _count(count: int, lang: Lang) -> str:
    if lang == "en":
        return f"{count} enterprise" if count == 1 else f"{count} enterprises"
    return f"{count} 家企业"


def policy_lines(rows: Sequence[SummaryRow], lang: Lang) -> list[str]:
    """`政策：《…》（zhongshan-2025 2025.1），有效期 2025-04-15 至 2025-12-31`, one per pack used."""
    seen: dict[tuple[str, str], PolicyLine] = {}
    for row in rows:
        if row.policy is not None:
            seen.setdefault((row.policy.pack_id, row.policy.version), row.policy)
    lines = []
    for p in seen.values():
        if lang == "en":
            lines.append(f"Policy: {p.title} ({p.pack_id} {p.version}), valid {p.valid_from} to {p.valid_to}")
        else:
            lines.append(f"政策：《{p.title}》（{p.pack_id} {p.version}），有效期 {p.valid_from} 至 {p.valid_to}")
    return lines


def count_line(rows: Sequence[SummaryRow], lang: Lang) -> str:
    """`共 3 家企业，最多可申请合计 7,769,000.00 元（776.90 万元）`."""
    total = sum((r.total for r in rows), Decimal(0))
    amount = vocabulary.yuan_and_large(total, lang)
    if lang == "en":
        return f"{_count(len(rows), lang)}; {vocabulary.term('total', lang).lower()} {amount}"
    return f"共 {_count(len(rows), lang)}，{vocabulary.term('total', lang)} {amount}"


def done_line(written: int, failed: int, pdf: Path, csv_name: str, lang: Lang) -> str:
    """The line `batch` ends with on the terminal."""
    if lang == "en":
        lists = "1 checklist" if written == 1 else f"{written} checklists"
        inputs = "1 input" if failed == 1 else f"{failed} inputs"
        return f"Wrote {lists}; {inputs} could not be processed. Summary: {pdf}, {csv_name}"
    return f"已生成 {written} 份清单，{failed} 个输入未能处理；汇总：{pdf}、{csv_name}"


def summary_bytes(rows: Sequence[SummaryRow], bad: Sequence[str], *, lang: Lang, dated: dt.date) -> bytes:
    """The summary PDF (landscape A4): the policy, one row per enterprise, the total row, then files that failed."""
    total = sum((r.total for r in rows), Decimal(0))
    story: list[Flowable] = [_p(label("batch_title", lang), "title")]
    story += [_p(line, "body") for line in policy_lines(rows, lang)]
    story.append(_p(count_line(rows, lang), "body"))
    width = content_width(wide=True)
    widths = [9 * mm, 0.0, 36 * mm, 18 * mm, 26 * mm, 25 * mm, 58 * mm, 46 * mm]
    widths[1] = width - sum(widths)
    table_rows: list[list[Any]] = [
        [unbroken_cell(label(k, lang), "cell_head", w) for k, w in zip(COLUMNS, widths, strict=True)]
    ]
    for number, row in enumerate(rows, start=1):
        items = [f"{i.title} {vocabulary.yuan(i.amount, lang)}" for i in row.items]
        table_rows.append(
            [
                str(number),
                unbroken_cell(row.name or label("not_given", lang), "cell", widths[1]),
                unbroken_cell(row.credit_code, "cell", widths[2]),
                unbroken_cell(row.town, "cell", widths[3]),
                format_yuan(row.total),
                vocabulary.large_figure(row.total, lang),
                "\n".join(unbroken_cell(line, "cell", widths[6]) for line in items),
                unbroken_cell(row.checklist, "cell", widths[7]),
            ]
        )
    total_row = len(table_rows)
    table_rows.append(
        [
            label("total", lang),
            "",
            "",
            "",
            format_yuan(total),
            vocabulary.large_figure(total, lang),
            "",
            "",
        ]
    )
    table = Table(table_rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                *plain_cells(),
                ("ALIGN", (4, 1), (5, -1), "RIGHT"),
                ("GRID", (0, 0), (-1, -1), 0.4, RULE),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("BACKGROUND", (0, total_row), (-1, total_row), SHADE),
                ("FONTNAME", (0, total_row), (-1, total_row), styles()["cell_head"].fontName),
                ("SPAN", (0, total_row), (3, total_row)),
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
        writer.writerow(safe_text(label(k, lang)) for k in (*COLUMNS, "col_source"))
        for number, row in enumerate(rows, start=1):
            writer.writerow(
                [
                    number,
                    *csv_row([row.name]),
                    _code_cell(row.credit_code),
                    *csv_row([row.town]),
                    f"{row.total:.2f}",
                    f"{vocabulary.large_number(row.total, lang)}",
                    *csv_row([row.items_text(lang, sep), row.checklist, row.source]),
                ]
            )
