"""What an association gets besides the checklists: one row per enterprise, as a PDF and as a CSV for Excel.

The PDF names the policy (and its period) the figures were computed under, has a 镇街 column (the
associations report per town) and ends with a total row. Names and file names break only between
words, never inside a bracket or before ".pdf".

With an application guide, each enterprise's row says what its items to confirm would bring besides the
total (另有待确认), and the soonest window among the items it applies for (closing day, days left); the PDF
then lists per item and window how many enterprises apply, when it closes and how to apply, and the CSV
gives each item's window and channel beside its figure. The words are those of the workspace
(`desktop.wording.vocabulary`, `desktop.wording.applying.Deadline`).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table, TableStyle

from desktop import __version__
from desktop.engine.filing import NO_FILING, Filing, claim_text
from desktop.engine.reminders import paid_by_year
from desktop.engine.result import Assessment
from desktop.money import format_yuan
from desktop.policy.model import Lang
from desktop.policy.towns import shown_town
from desktop.report.cells import plain_cells, unbroken_cell
from desktop.report.flowables import LaidParagraph
from desktop.report.fonts import para
from desktop.report.labels import label
from desktop.report.layout import RULE, SHADE, PageDecor, content_width, render, styles
from desktop.report.safe_cells import csv_row, safe_text
from desktop.safe_write import replacing, write_bytes
from desktop.wording import vocabulary
from desktop.wording.applying import (
    EXAMPLE,
    applies,
    days_phrase,
    deadline,
    invented_note,
    invented_total,
    next_deadline,
    titled,
)


@dataclass(frozen=True)
class ItemLine:
    """An item the enterprise applies for with a figure (available, or to confirm: `pending`), and its
    window and channel as cells ("" without a guide)."""

    title: str
    amount: Decimal
    pending: bool = False
    deadline: str = ""
    channel: str = ""
    example: bool = False  # the window and channel come from a training guide
    claim: str = ""
    """Where its application stands, where a claim is recorded ("已拨付 360,000.00 元（2026-05-20）")."""

    def text(self, lang: Lang) -> str:
        """`短期出口信用保险保费支持 360,000.00 元`, `… 150,000.00 元（待确认）`,
        `… 150,000.00 元 · 已提交（2026-03-10）`."""
        line = f"{self.title} {vocabulary.yuan(self.amount, lang)}"
        if self.pending:
            word = vocabulary.status_term("to_confirm", lang)
            line += f" ({word})" if lang == "en" else f"（{word}）"
        return f"{line} · {self.claim}" if self.claim else line


@dataclass(frozen=True)
class WindowLine:
    """One item an enterprise applies for, in one window: what the summary's table of windows counts."""

    article: str
    title: str
    deadline: str
    days_left: int | None
    channel: str
    order: tuple[int, ...]  # soonest first (`Deadline.order`), then the item's place in its pack
    pending: bool
    amount: Decimal | None


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
    pending: Decimal | None = None  # what the items to confirm would bring (None: no item to confirm)
    deadline: str = ""  # the soonest window among the items applied for ("" without a guide)
    days_left: int | None = None
    windows: tuple[WindowLine, ...] = ()
    paid: Decimal | None = None
    """What the recorded claims say was paid (None: no claim paid)."""
    invented: Decimal = Decimal(0)  # what of `total` a training guide made up (said beside every total)

    @classmethod
    def of(cls, result: Assessment, source: str, lang: Lang, today: dt.date, filing: Filing = NO_FILING) -> SummaryRow:
        items: list[ItemLine] = []
        windows: list[WindowLine] = []
        for position, i in enumerate(result.items):
            if not applies(i):
                continue
            when = deadline(i, result, today)
            if i.amount is not None:
                bare = (when.cell(lang, marked=False), when.channel_cell(lang, marked=False)) if when else ("", "")
                example = when is not None and when.example
                claim = filing.claim(i.id)
                said = "" if claim is None else claim_text(claim, lang)
                title = titled(i, result).get(lang)
                items.append(ItemLine(title, i.amount, i.status == "to_confirm", *bare, example, said))
            if when is not None:
                cells = (when.cell(lang), when.channel_cell(lang))
                article = vocabulary.article_term(i.article, i.article_label, lang)
                order = (*when.order, position)
                pending = i.status == "to_confirm"
                windows.append(
                    WindowLine(article, i.title.get(lang), cells[0], when.days_left, cells[1], order, pending, i.amount)
                )
        policy = PolicyLine(
            result.pack_title.get(lang), result.pack_id, result.pack_version, result.valid_from, result.valid_to
        )
        e = result.enterprise
        soonest = next_deadline(result, today)
        return cls(
            source,
            e.name,
            e.credit_code,
            result.total,
            tuple(items),
            town=e.town,
            policy=policy,
            pending=result.pending_total if result.to_confirm() else None,
            deadline=soonest.cell(lang) if soonest is not None else "",
            days_left=soonest.days_left if soonest is not None else None,
            windows=tuple(windows),
            paid=sum(paid_by_year(filing.claims.values()).values(), Decimal(0)) or None,
            invented=invented_total(result),
        )

    def items_text(self, lang: Lang, sep: str) -> str:
        """The items with their figures; in the CSV, each with its window and channel where a guide gives them."""
        lines = []
        for i in self.items:
            text = i.text(lang)
            if i.deadline:
                mark = EXAMPLE.get(lang) if i.example else ""
                text += f" · {mark}{vocabulary.term('deadline', lang)} {i.deadline} · {i.channel}"
            lines.append(text)
        return sep.join(lines)


# the summary's columns, the PDF's and the CSV's (which adds the days left as a column, and the answers file)
COLUMNS = (
    "col_no",
    "col_enterprise",
    "col_credit_code",
    "col_town",
    "col_total",
    "col_total_wan",
    "col_pending",
    "col_deadline",
    "col_items",
    "col_file",
)
CSV_COLUMNS = (*COLUMNS[:8], "col_days_left", *COLUMNS[8:], "col_source", "col_paid")
KEEP_HEADING = 40 * mm  # room a heading needs below it: its table's head and first rows
# the table of windows: per item and window, the enterprises applying
WINDOW_COLUMNS = (
    "col_article",
    "col_item",
    "col_applying_firms",
    "col_firms_to_confirm",
    "col_amount",
    "col_deadline",
    "col_days_left",
    "col_channel",
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
    amount = vocabulary.yuan_and_large(total, lang) + invented_note(sum((r.invented for r in rows), Decimal(0)), lang)
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


def summary_bytes(
    rows: Sequence[SummaryRow],
    bad: Sequence[str],
    *,
    lang: Lang,
    dated: dt.date,
    on_page: Callable[[int], None] | None = None,
) -> bytes:
    """The summary PDF (landscape A4): the policy, one row per enterprise, the total row, the windows per item
    (where a guide gives them), then files that failed. `on_page` is told of each page laid out."""
    story: list[Flowable] = [_p(label("batch_title", lang), "title")]
    story += [_p(line, "body") for line in policy_lines(rows, lang)]
    story.append(_p(count_line(rows, lang), "body"))
    story.append(_enterprises_table(rows, lang))
    windows = window_totals(rows)
    if windows:  # the heading never stays alone at the foot of a page
        story += [CondPageBreak(KEEP_HEADING), _p(label("windows_heading", lang), "h1"), _windows_table(windows, lang)]
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
    return render(story, decor, title=label("batch_title", lang), subject="", wide=True, on_page=on_page)


def write_summary_file(
    rows: Sequence[SummaryRow],
    bad: Sequence[str],
    path: str,
    lang: Lang,
    dated: dt.date,
    on_page: Callable[[int], None] | None = None,
) -> bool:
    """Draw the summary PDF and write it to `path` (desktop.safe_write): for a process of its own, where the
    window has a 5,000-firm summary drawn (desktop.ui.background.in_process)."""
    write_bytes(Path(path), summary_bytes(rows, bad, lang=lang, dated=dated, on_page=on_page))
    return True


def _enterprises_table(rows: Sequence[SummaryRow], lang: Lang) -> Table:
    total = sum((r.total for r in rows), Decimal(0))
    pending = [r.pending for r in rows if r.pending is not None]
    width = content_width(wide=True)
    widths = [8 * mm, 0.0, 36 * mm, 15 * mm, 23 * mm, 25 * mm, 21 * mm, 24 * mm, 47 * mm, 28 * mm]
    widths[1] = width - sum(widths)
    table_rows: list[list[Any]] = [
        [unbroken_cell(label(k, lang), "cell_head", w) for k, w in zip(COLUMNS, widths, strict=True)]
    ]
    for number, row in enumerate(rows, start=1):
        # the soonest window, with its days left below it: "2026-12-11" / "10 天"
        when = [row.deadline, days_phrase(row.days_left, lang)] if row.days_left is not None else [row.deadline]
        table_rows.append(
            [
                str(number),
                unbroken_cell(row.name or label("not_given", lang), "cell", widths[1]),
                unbroken_cell(row.credit_code, "cell", widths[2]),
                unbroken_cell(shown_town(row.town, lang), "cell", widths[3]),
                format_yuan(row.total),
                vocabulary.large_figure(row.total, lang),
                "" if row.pending is None else format_yuan(row.pending),
                "\n".join(unbroken_cell(line, "cell", widths[7]) for line in when if line),
                "\n".join(unbroken_cell(i.text(lang), "cell", widths[8]) for i in row.items),
                unbroken_cell(row.checklist, "cell", widths[9]),
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
            format_yuan(sum(pending, Decimal(0))) if pending else "",
            "",
            "",
            "",
        ]
    )
    table = Table(table_rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                *plain_cells(),
                ("ALIGN", (4, 1), (6, -1), "RIGHT"),
                ("GRID", (0, 0), (-1, -1), 0.4, RULE),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("BACKGROUND", (0, total_row), (-1, total_row), SHADE),
                ("FONTNAME", (0, total_row), (-1, total_row), styles()["cell_head"].fontName),
                ("SPAN", (0, total_row), (3, total_row)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


@dataclass
class WindowTotal:
    """The enterprises that apply for one item in one window."""

    line: WindowLine
    firms: int = 0
    to_confirm_firms: int = 0
    amount: Decimal = Decimal(0)  # the figures of those for whom the item is available


def window_totals(rows: Sequence[SummaryRow]) -> list[WindowTotal]:
    """Per item and window (enterprises assessed with different guides get a line each), the soonest first."""
    found: dict[tuple[str, str, str, str], WindowTotal] = {}
    for row in rows:
        for line in row.windows:
            key = (line.article, line.title, line.deadline, line.channel)
            total = found.setdefault(key, WindowTotal(line))
            total.firms += 1
            if line.pending:
                total.to_confirm_firms += 1
            elif line.amount is not None:
                total.amount += line.amount
    return sorted(found.values(), key=lambda t: t.line.order)


def _windows_table(windows: Sequence[WindowTotal], lang: Lang) -> Table:
    width = content_width(wide=True)
    widths = [16 * mm, 0.0, 18 * mm, 21 * mm, 26 * mm, 50 * mm, 16 * mm, 48 * mm]
    widths[1] = width - sum(widths)
    table_rows: list[list[Any]] = [
        [unbroken_cell(label(k, lang), "cell_head", w) for k, w in zip(WINDOW_COLUMNS, widths, strict=True)]
    ]
    for total in windows:
        line = total.line
        table_rows.append(
            [
                unbroken_cell(line.article, "cell", widths[0]),
                unbroken_cell(line.title, "cell", widths[1]),
                str(total.firms),
                str(total.to_confirm_firms) if total.to_confirm_firms else "",
                format_yuan(total.amount) if total.amount else "",
                unbroken_cell(line.deadline, "cell", widths[5]),
                "" if line.days_left is None else str(line.days_left),
                unbroken_cell(line.channel, "cell", widths[7]),
            ]
        )
    table = Table(table_rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                *plain_cells(),
                ("ALIGN", (2, 1), (4, -1), "RIGHT"),
                ("ALIGN", (6, 1), (6, -1), "RIGHT"),
                ("GRID", (0, 0), (-1, -1), 0.4, RULE),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def write_summary_csv(rows: Sequence[SummaryRow], path: Path, *, lang: Lang) -> None:
    """UTF-8 with a byte-order mark, so Excel on Chinese Windows opens it without garbling the names."""
    sep = "；" if lang == "zh" else "; "
    with replacing(path) as temporary, temporary.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(safe_text(label(k, lang)) for k in CSV_COLUMNS)
        for number, row in enumerate(rows, start=1):
            writer.writerow(
                [
                    number,
                    *csv_row([row.name, row.credit_code, row.town]),  # as the workspace CSV: text as written
                    f"{row.total:.2f}",
                    f"{vocabulary.large_number(row.total, lang)}",
                    "" if row.pending is None else f"{row.pending:.2f}",
                    *csv_row([row.deadline]),
                    "" if row.days_left is None else row.days_left,
                    *csv_row([row.items_text(lang, sep), row.checklist, row.source]),
                    "" if row.paid is None else f"{row.paid:.2f}",
                ]
            )
