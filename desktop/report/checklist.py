"""The checklist an enterprise takes to the bureaus: an assessment in, an A4 PDF out (ReportLab platypus).

Order of content (issue 5): title and enterprise block; summary table with the total in 元 and 万元;
one section per item with an amount (claim, computation, units, documents with boxes to tick, notes);
other supports and services; items not available with the reason; disclaimer and signature lines.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.doctemplate import LayoutError

from desktop import __version__
from desktop.engine.result import Assessment, ItemResult
from desktop.policy.model import Lang, Text
from desktop.report.cells import cell, plain_cells
from desktop.report.flowables import LabelledText, TickItem, WriteLine, plain_paragraph
from desktop.report.fonts import BOLD, REGULAR, printable
from desktop.report.labels import article_label, basis_label, label, section_title, wan, yuan
from desktop.report.layout import RULE, SHADE, PageDecor, content_width, render, styles

SHORT_HASH = 12
# Room a heading needs below it, else it starts on the next page (cheaper than keep-with-next,
# which lays everything out twice): a section title with the start of its table, an item title
# with its claim, a field label with its first line or two.
KEEP_SECTION = 40 * mm
KEEP_HEADING = 30 * mm
KEEP_LABEL = 12 * mm


def _p(text: str, style: str = "body") -> Paragraph:
    """A paragraph of the text as given (no markup is read from it; unprintable characters made visible)."""
    return plain_paragraph(printable(text), styles()[style])


def _texts(values: Iterable[Text], lang: Lang) -> list[str]:
    return [v.get(lang) for v in values if v.get(lang)]


def _item_heading(item: ItemResult, lang: Lang) -> str:
    return f"{article_label(item.article, item.article_label, lang)} · {item.title.get(lang)}"


def _enterprise_block(result: Assessment, lang: Lang) -> list[Flowable]:
    e = result.enterprise
    missing = label("not_given", lang)

    width = content_width()
    label_w = 30 * mm
    value_w = (width - 2 * label_w) / 2

    def pair(key: str, value: str, wide: bool = False) -> list[str | Paragraph]:
        value_width = width - label_w if wide else value_w
        return [cell(label(key, lang), "cell_head", label_w), cell(value or missing, "cell", value_width)]

    policy = result.pack_title.get(lang)
    validity = f"{result.valid_from.isoformat()} – {result.valid_to.isoformat()}"
    rows: list[list[Any]] = [
        [*pair("enterprise", e.name, wide=True), "", ""],
        [*pair("credit_code", e.credit_code), *pair("town", e.town)],
        [*pair("contact", e.contact), *pair("phone", e.phone)],
        [*pair("policy", policy, wide=True), "", ""],
        [*pair("validity", validity), *pair("pack_version", f"{result.pack_id} {result.pack_version}")],
        [*pair("assessed_on", result.assessed_on.isoformat()), "", ""],
    ]
    table = Table(rows, colWidths=[label_w, value_w, label_w, value_w])
    table.setStyle(
        TableStyle(
            [
                *plain_cells(head_rows=0),
                ("FONTNAME", (0, 0), (0, -1), BOLD),
                ("FONTNAME", (2, 1), (2, 2), BOLD),
                ("FONTNAME", (2, 4), (2, 4), BOLD),
                ("SPAN", (1, 0), (3, 0)),
                ("SPAN", (1, 3), (3, 3)),
                ("SPAN", (1, 5), (3, 5)),
                ("GRID", (0, 0), (-1, -1), 0.4, RULE),
                ("BACKGROUND", (0, 0), (0, -1), SHADE),
                ("BACKGROUND", (2, 1), (2, 2), SHADE),
                ("BACKGROUND", (2, 4), (2, 4), SHADE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    story: list[Flowable] = [table]
    for warning in result.warnings:
        story.append(_p(warning.get(lang), "warning"))
    return story


def _summary(result: Assessment, lang: Lang) -> list[Flowable]:
    story: list[Flowable] = [CondPageBreak(KEEP_SECTION), _p(section_title(1, "summary", lang), "h1")]
    items = result.with_amounts()
    widths = [16 * mm, 0.0, 27 * mm, 27 * mm, 16 * mm, 11 * mm, 37 * mm]
    widths[1] = content_width() - sum(widths)
    keys = ("col_article", "col_item", "col_amount", "col_cap", "col_basis", "col_capped", "col_units")
    rows: list[list[Any]] = [[cell(label(k, lang), "cell_head", w) for k, w in zip(keys, widths, strict=True)]]
    none = label("none", lang)
    for item in items:
        assert item.amount is not None
        texts = (
            article_label(item.article, item.article_label, lang),
            item.title.get(lang),
            yuan(item.amount, lang),
            caps.get(lang) if (caps := item.info.caps_text()) is not None else none,
            basis_label(item.basis, lang),
            note.get(lang) if (note := item.cap_note()) is not None else label("no", lang),
            item.units_text(lang),
        )
        styles_ = ("cell", "cell", "cell_right", "cell_right", "cell", "cell", "cell")
        rows.append([cell(t, st, w) for t, st, w in zip(texts, styles_, widths, strict=True)])
    if not items:
        rows.append([_p(label("no_amounts", lang), "cell"), "", "", "", "", "", ""])
    total_row = len(rows)
    rows.append(
        [
            _p(label("total", lang), "cell_head"),
            "",
            _p(f"{yuan(result.total, lang)}（{wan(result.total, lang)}）", "cell_total")
            if lang == "zh"
            else _p(f"{yuan(result.total, lang)} ({wan(result.total, lang)})", "cell_total"),
            "",
            "",
            "",
            "",
        ]
    )
    table = Table(rows, colWidths=widths, repeatRows=1)
    style: list[Any] = [
        *plain_cells(),
        ("ALIGN", (2, 1), (3, -1), "RIGHT"),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("BACKGROUND", (0, total_row), (-1, total_row), SHADE),
        ("SPAN", (0, total_row), (1, total_row)),
        ("SPAN", (2, total_row), (-1, total_row)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if not items:
        style.append(("SPAN", (0, 1), (-1, 1)))
    table.setStyle(TableStyle(style))
    story.append(table)
    return story


def _bullets(lines: Sequence[str], style: str = "bullet") -> list[Flowable]:
    return [plain_paragraph(printable(line), styles()[style], bullet="•") for line in lines]


def _labelled(key: str, text: str, lang: Lang) -> LabelledText:
    """A small grey field name above its text."""
    name = printable(label(key, lang))
    return LabelledText(name, styles()["label"], plain_paragraph(printable(text), styles()["field"]))


def _item_section(item: ItemResult, lang: Lang, *, explain: bool) -> list[Flowable]:
    story: list[Flowable] = [CondPageBreak(KEEP_HEADING), _p(_item_heading(item, lang), "h2")]
    claim = item.claim.get(lang)
    if claim:
        story.append(_labelled("claim", claim, lang))
    steps = _texts(item.steps, lang)
    if explain and steps:
        story += [CondPageBreak(KEEP_LABEL), _p(label("explanation", lang), "label"), *_bullets(steps)]
    units = item.units_text(lang)
    if units:
        story.append(_labelled("units", units, lang))
    documents = _texts(item.documents, lang)
    if documents:
        story += [CondPageBreak(KEEP_LABEL), _p(label("documents", lang), "label")]
        story += [TickItem(_p(doc, "body")) for doc in documents]
    notes = _texts(item.notes, lang)
    if notes:
        story += [CondPageBreak(KEEP_LABEL), _p(label("notes", lang), "label"), *_bullets(notes)]
    return story


def _details(result: Assessment, lang: Lang, number: int) -> list[Flowable]:
    items = result.with_amounts()
    if not items:
        return []
    story: list[Flowable] = [CondPageBreak(KEEP_SECTION), _p(section_title(number, "details", lang), "h1")]
    if result.documents_note.get(lang):
        story.append(_p(result.documents_note.get(lang), "small"))
    for item in items:
        story += _item_section(item, lang, explain=True)
    return story


def _others(result: Assessment, lang: Lang, number: int) -> list[Flowable]:
    story: list[Flowable] = [CondPageBreak(KEEP_SECTION), _p(section_title(number, "other", lang), "h1")]
    items = (*result.unquantified(), *result.services())
    if not items:
        return [*story, _p(label("no_other", lang))]
    for item in items:
        story += _item_section(item, lang, explain=False)
    return story


def _unavailable(result: Assessment, lang: Lang, number: int) -> list[Flowable]:
    story: list[Flowable] = [CondPageBreak(KEEP_SECTION), _p(section_title(number, "unavailable", lang), "h1")]
    items = result.unavailable()
    if not items:
        return [*story, _p(label("no_unavailable", lang))]
    rows: list[list[Any]] = [
        [_p(label(k, lang), "cell_head") for k in ("col_article", "col_item", "reason")],
    ]
    for item in items:
        reasons = _texts(item.reasons, lang) or [label("none", lang)]
        rows.append(
            [
                _p(article_label(item.article, item.article_label, lang), "cell"),
                _p(item.title.get(lang), "cell"),
                _p("；".join(reasons) if lang == "zh" else "; ".join(reasons), "cell"),
            ]
        )
    width = content_width()
    table = Table(rows, colWidths=[16 * mm, 52 * mm, width - 68 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # empty cells too, or Helvetica gets referenced
                ("GRID", (0, 0), (-1, -1), 0.4, RULE),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    story.append(table)
    return story


def _closing(result: Assessment, lang: Lang, number: int) -> list[Flowable]:
    story: list[Flowable] = [CondPageBreak(KEEP_SECTION), _p(section_title(number, "disclaimer", lang), "h1")]
    if result.disclaimer.get(lang):
        story.append(_p(result.disclaimer.get(lang)))
    line = 45 * mm
    row = [
        _p(label("preparer", lang), "body"),
        WriteLine(line),
        _p(label("date", lang), "body"),
        WriteLine(32 * mm),
        _p(label("signature", lang), "body"),
        WriteLine(line),
    ]
    widths = [16 * mm, line + 4 * mm, 11 * mm, 32 * mm + 4 * mm, 11 * mm, line]
    if lang == "en":
        widths = [22 * mm, line - 2 * mm, 11 * mm, 30 * mm, 18 * mm, line - 6 * mm]
    sign = Table([row], colWidths=widths)
    sign.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # empty cells too, or Helvetica gets referenced
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    story += [Spacer(1, 10 * mm), sign]
    return [KeepTogether(story)]


def checklist_story(result: Assessment, lang: Lang = "zh") -> list[Flowable]:
    details = _details(result, lang, 2)
    number = 3 if details else 2
    return [
        _p(label("title", lang), "title"),
        *_enterprise_block(result, lang),
        *_summary(result, lang),
        *details,
        *_others(result, lang, number),
        *_unavailable(result, lang, number + 1),
        *_closing(result, lang, number + 2),
    ]


def page_decor(result: Assessment, lang: Lang = "zh") -> PageDecor:
    e = result.enterprise
    header = "  ".join(part for part in (e.name, e.credit_code) if part) or label("title", lang)
    pack = label(
        "footer_pack", lang, pack=result.pack_id, version=result.pack_version, hash=result.pack_hash[:SHORT_HASH]
    )
    return PageDecor(
        header=header,
        footer_left=pack,
        footer_right=label("footer_program", lang, version=__version__),
        page_label=lambda page, pages: label("page", lang, page=page, pages=pages),
        dated=result.assessed_on,
    )


class ChecklistError(Exception):
    """A checklist that cannot be drawn; `message` says why in words (never ReportLab's own)."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def render_guarded(draw: Callable[[], bytes]) -> bytes:
    """Run a ReportLab drawing; a text too large for a page becomes a ChecklistError in words.

    The answers limits (desktop.engine.limits) keep every text the engine accepts printable; this is
    for what reaches the checklist another way (a name stored before the limits existed)."""
    try:
        return draw()
    except LayoutError:
        raise ChecklistError(
            "清单无法排版：有一段文字（企业名称、联系人或某个答案）太长，一页放不下。请缩短后再生成。"
        ) from None


def checklist_bytes(result: Assessment, lang: Lang = "zh") -> bytes:
    """The checklist PDF. Byte-identical for the same assessment and program version."""
    title = label("title", lang)
    name = result.enterprise.name
    return render_guarded(
        lambda: render(
            checklist_story(result, lang),
            page_decor(result, lang),
            title=f"{title} - {name}" if name else title,
            subject=result.pack_title.get(lang),
        )
    )


def write_checklist(result: Assessment, path: Path, lang: Lang = "zh") -> None:
    """Write the checklist PDF to `path` (OSError propagates: the caller says which file it could not write)."""
    data = checklist_bytes(result, lang)
    path.write_bytes(data)
