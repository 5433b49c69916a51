"""The scenario comparison as one landscape A4 page: the base assessment and its scenarios side by side,
item by item and in total, each scenario's difference from the base written with its sign and shaded.

The sign says it on a black-and-white printout; colour and shading help on screen and in colour. The
page carries the same header and footer as the checklist (enterprise, pack version, program version).
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from desktop.engine.comparison import MAX_SCENARIOS, Cell, Comparison, signed, signed_wan
from desktop.engine.result import Assessment
from desktop.policy.model import Lang
from desktop.report.cells import plain_cells
from desktop.report.checklist import page_decor
from desktop.report.fonts import para
from desktop.report.labels import article_label, wan, yuan
from desktop.report.layout import RULE, SHADE, content_width, render, styles

GAIN = colors.HexColor("#1a7f37")
GAIN_SHADE = colors.HexColor("#e3f1e6")
LOSS = colors.HexColor("#b3261e")
LOSS_SHADE = colors.HexColor("#fbe3e1")

_LABELS: dict[str, tuple[str, str]] = {
    "title": ("方案对比", "Scenario comparison"),
    "base": ("基础评估", "Base assessment"),
    "final": ("已定稿 {day}", "finalised {day}"),
    "draft": ("草稿", "draft"),
    "enterprise": ("企业：{name}", "Enterprise: {name}"),
    "assessed_on": ("评估日期：{day}", "Assessment date: {day}"),
    "policy": ("政策：{title}", "Policy: {title}"),
    "col_article": ("条款", "Art."),
    "col_item": ("扶持项目", "Support item"),
    "total": ("合计", "Total"),
    "not_eligible": ("不可申请", "not available"),
    "not_answered": ("未答完", "not answered"),
    "to_confirm": ("待确认（不计入合计）", "to confirm (not in the total)"),
    "service": ("—", "—"),
    "legend": (
        "差额 = 方案 − 基础评估：“+”为增加，“−”为减少，有差额的格子加底色。金额为按各自回答最多可申请的数额；"
        "不可申请、未答完和待确认的项目计为 0。",
        "Difference = scenario − base: '+' more, '−' less; cells with a difference are shaded. Amounts are "
        "the most each set of answers may claim; items not available, not answered or to confirm count as 0.",
    ),
    "what_if": (
        "方案是假设的情形，仅供规划参考，不是申报依据。基础评估及其定稿结果不因方案而改变。",
        "Scenarios are what-if cases for planning, not a basis for applying. The base assessment and its "
        "finalised result are not changed by them.",
    ),
}


def label(key: str, lang: Lang = "zh", **values: object) -> str:
    zh, en = _LABELS[key]
    text = en if lang == "en" else zh
    return text.format(**values) if values else text


@cache
def _styles() -> dict[str, ParagraphStyle]:
    """The checklist's styles, the table's a size larger: one page with room to spare, read at a meeting."""
    shared = styles()

    def larger(name: str) -> ParagraphStyle:
        return ParagraphStyle(f"comparison_{name}", parent=shared[name], fontSize=9.5, leading=12.5)

    return {**shared, "cell": larger("cell"), "cell_right": larger("cell_right"), "cell_head": larger("cell_head")}


def _p(text: str, style: str = "cell") -> Paragraph:
    return Paragraph(para(text), _styles()[style])


def _money_line(value: Decimal, lang: Lang) -> str:
    return para(yuan(value, lang))


def _difference_line(value: Decimal, lang: Lang, *, with_wan: bool = False) -> str:
    """The difference in bold and its colour; the sign is in the text, so it survives a grey printer.
    `with_wan`: also in 万元, for Chinese readers."""
    lines = [f"{signed(value)} {'yuan' if lang == 'en' else '元'}"]
    if with_wan and lang == "zh":
        lines.append(f"（{signed_wan(value)} 万元）")
    colour = (GAIN if value > 0 else LOSS).hexval()
    return "<br/>".join(f'<b><font color="{colour}">{para(line)}</font></b>' for line in lines)


def _cell_text(cell: Cell, lang: Lang) -> str:
    if cell.amount is not None:
        return _money_line(cell.amount, lang)
    return para(label(cell.status, lang) if cell.status != "eligible" else yuan(Decimal(0), lang))


def _shade(value: Decimal) -> colors.Color:
    return GAIN_SHADE if value > 0 else LOSS_SHADE


def comparison_story(
    comparison: Comparison, base: Assessment, lang: Lang = "zh", *, finalised: str = ""
) -> list[Flowable]:
    """`finalised`: the day the base was finalised (ISO), empty for a draft."""
    scenarios = list(comparison.names[1 : MAX_SCENARIOS + 1])
    columns = 1 + len(scenarios)
    width = content_width(wide=True)
    figure_w = 40 * mm if len(scenarios) <= 3 else 35 * mm
    # the base's column is a little wider: its heading carries the state ("finalised 2025-11-30")
    widths = [18 * mm, 0.0, figure_w + 4 * mm, *([figure_w] * len(scenarios))]
    widths[1] = width - sum(widths)

    state = label("final", lang, day=finalised) if finalised else label("draft", lang)
    e = base.enterprise
    who = " · ".join(part for part in (e.name, e.credit_code) if part) or "—"
    policy = label("policy", lang, title=base.pack_title.get(lang))
    story: list[Flowable] = [
        _p(label("title", lang), "title"),
        _p(label("enterprise", lang, name=who), "body"),
        _p(f"{policy} · {label('assessed_on', lang, day=base.assessed_on.isoformat())}", "body"),
        Spacer(1, 3 * mm),
    ]

    head = [
        _p(label("col_article", lang), "cell_head"),
        _p(label("col_item", lang), "cell_head"),
        Paragraph(
            f"{para(label('base', lang))}<br/>{para(f'({state})' if lang == 'en' else f'（{state}）')}",
            _styles()["cell_head"],
        ),
        *(_p(name, "cell_head") for name in scenarios),
    ]
    rows: list[list[Any]] = [head]
    commands: list[Any] = [
        *plain_cells(),  # the font everywhere (empty cells too) and the checklist's cell padding
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for number, row in enumerate(comparison.rows, start=1):
        cells: list[Any] = [
            _p(article_label(row.article, row.article_label, lang)),
            _p(row.title.get(lang)),
            Paragraph(_cell_text(row.cells[0], lang), _styles()["cell_right"]),
        ]
        for column in range(1, columns):
            text = _cell_text(row.cells[column], lang)
            difference = row.difference(column)
            if difference:
                text += "<br/>" + _difference_line(difference, lang)
                commands.append(("BACKGROUND", (column + 2, number), (column + 2, number), _shade(difference)))
            cells.append(Paragraph(text, _styles()["cell_right"]))
        rows.append(cells)

    total_row = len(rows)
    totals: list[Any] = [_p(label("total", lang), "cell_head"), ""]
    for column in range(columns):
        total = comparison.totals[column]
        text = f"<b>{_money_line(total, lang)}</b>"
        if lang == "zh":  # 万元 is how Chinese readers count large sums; in English the yuan figure says it
            text += f"<br/>{para(wan(total, lang))}"
        difference = comparison.difference(column)
        if column and difference:
            text += "<br/>" + _difference_line(difference, lang, with_wan=True)
            commands.append(("BACKGROUND", (column + 2, total_row), (column + 2, total_row), _shade(difference)))
        totals.append(Paragraph(text, _styles()["cell_right"]))
    rows.append(totals)
    commands += [("SPAN", (0, total_row), (1, total_row)), ("LINEABOVE", (0, total_row), (-1, total_row), 1.2, RULE)]

    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(commands))
    story += [table, Spacer(1, 3 * mm), _p(label("legend", lang), "small"), _p(label("what_if", lang), "small")]
    if base.disclaimer.get(lang):
        story.append(_p(base.disclaimer.get(lang), "small"))
    return story


def comparison_bytes(comparison: Comparison, base: Assessment, lang: Lang = "zh", *, finalised: str = "") -> bytes:
    """The comparison PDF: one landscape A4 page (the first MAX_SCENARIOS scenarios of `comparison`).

    `base` is the assessment of the first column (the enterprise, the pack and the date come from it);
    the first column is headed "基础评估" whatever `comparison.names[0]` says."""
    title = label("title", lang)
    name = base.enterprise.name
    return render(
        comparison_story(comparison, base, lang, finalised=finalised),
        page_decor(base, lang),
        title=f"{title} - {name}" if name else title,
        subject=base.pack_title.get(lang),
        wide=True,
    )
