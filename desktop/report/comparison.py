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

from desktop.engine.comparison import MAX_SCENARIOS, Comparison, cell_text, signed_large, signed_yuan
from desktop.engine.result import Assessment
from desktop.policy.model import Lang
from desktop.report.cells import plain_cells
from desktop.report.checklist import page_decor
from desktop.report.fonts import para
from desktop.report.labels import article_label, label, wan, yuan
from desktop.report.layout import RULE, SHADE, content_width, render, styles
from desktop.wording import vocabulary

GAIN = colors.HexColor("#1a7f37")
GAIN_SHADE = colors.HexColor("#e3f1e6")
LOSS = colors.HexColor("#b3261e")
LOSS_SHADE = colors.HexColor("#fbe3e1")


@cache
def _styles() -> dict[str, ParagraphStyle]:
    """The checklist's styles, the table's a size larger: one page with room to spare, read at a meeting."""
    shared = styles()

    def larger(name: str) -> ParagraphStyle:
        return ParagraphStyle(f"comparison_{name}", parent=shared[name], fontSize=9.5, leading=12.5)

    return {**shared, "cell": larger("cell"), "cell_right": larger("cell_right"), "cell_head": larger("cell_head")}


def _p(text: str, style: str = "cell") -> Paragraph:
    return Paragraph(para(text), _styles()[style])


def _difference_line(value: Decimal, lang: Lang, *, large: bool = False) -> str:
    """The difference in bold and its colour, with `large` also in 万元 / million yuan; the sign is in
    the text, so it survives a grey printer."""
    helps = large and vocabulary.large_helps(value, lang)
    lines = [signed_yuan(value, lang), *([signed_large(value, lang)] if helps else [])]
    colour = (GAIN if value > 0 else LOSS).hexval()
    return "<br/>".join(f'<b><font color="{colour}">{para(line)}</font></b>' for line in lines)


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

    state = label("comparison_final", lang, day=finalised) if finalised else label("comparison_draft", lang)
    e = base.enterprise
    colon = ": " if lang == "en" else "："

    def field(key: str, value: str) -> str:
        return f"{label(key, lang)}{colon}{value}"

    who = " · ".join(part for part in (e.name, e.credit_code) if part) or label("not_given", lang)
    story: list[Flowable] = [
        _p(label("comparison", lang), "title"),
        _p(field("enterprise", who), "body"),
        _p(
            f"{field('policy', base.pack_title.get(lang))} · {field('assessed_on', base.assessed_on.isoformat())}",
            "body",
        ),
        Spacer(1, 3 * mm),
    ]

    head = [
        _p(label("col_article", lang), "cell_head"),
        _p(label("col_item", lang), "cell_head"),
        Paragraph(
            f"{para(label('comparison_base', lang))}<br/>{para(f'({state})' if lang == 'en' else f'（{state}）')}",
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
            _p(cell_text(row.cells[0], lang), "cell_right"),
        ]
        for column in range(1, columns):
            text = para(cell_text(row.cells[column], lang))
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
        text = f"<b>{para(yuan(total, lang))}</b><br/>{para(wan(total, lang))}"
        difference = comparison.difference(column)
        if column and difference:
            text += "<br/>" + _difference_line(difference, lang, large=True)
            commands.append(("BACKGROUND", (column + 2, total_row), (column + 2, total_row), _shade(difference)))
        totals.append(Paragraph(text, _styles()["cell_right"]))
    rows.append(totals)
    commands += [("SPAN", (0, total_row), (1, total_row)), ("LINEABOVE", (0, total_row), (-1, total_row), 1.2, RULE)]

    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(commands))
    story += [
        table,
        Spacer(1, 3 * mm),
        _p(label("comparison_legend", lang), "small"),
        _p(label("comparison_what_if", lang), "small"),
    ]
    if base.disclaimer.get(lang):
        story.append(_p(base.disclaimer.get(lang), "small"))
    return story


def comparison_bytes(comparison: Comparison, base: Assessment, lang: Lang = "zh", *, finalised: str = "") -> bytes:
    """The comparison PDF: one landscape A4 page (the first MAX_SCENARIOS scenarios of `comparison`).

    `base` is the assessment of the first column (the enterprise, the pack and the date come from it);
    the first column is headed "基础评估" whatever `comparison.names[0]` says."""
    title = label("comparison", lang)
    name = base.enterprise.name
    return render(
        comparison_story(comparison, base, lang, finalised=finalised),
        page_decor(base, lang),
        title=f"{title} - {name}" if name else title,
        subject=base.pack_title.get(lang),
        wide=True,
    )
