"""The checklist an enterprise takes to the bureaus: an assessment in, an A4 PDF out (ReportLab platypus).

Order of content (issue 5): title and enterprise block; summary table with the total in 元 and 万元;
one section per item with an amount (claim, computation, units, documents with boxes to tick, notes);
other supports and services; items not available with the reason; disclaimer and signature lines.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.doctemplate import LayoutError

from desktop import __version__
from desktop.engine.opportunities import Opportunities
from desktop.engine.result import Assessment, ItemResult
from desktop.money import format_yuan
from desktop.policy.model import Lang, Text
from desktop.policy.towns import shown_town
from desktop.problems import Problem, ProblemError
from desktop.report.cells import CELL_PAD, cell, lines_cell, plain_cells, unbroken_lines
from desktop.report.flowables import LabelledText, TableTail, TickItem, TickList, WriteLine, plain_paragraph, write_on
from desktop.report.fonts import BOLD, REGULAR, printable
from desktop.report.labels import article_label, label, numbered, section_title
from desktop.report.layout import RULE, SHADE, PageDecor, content_width, frame_height, render, styles
from desktop.safe_write import write_bytes
from desktop.wording import vocabulary
from desktop.wording.applying import (
    EXAMPLE,
    applies,
    channel_text,
    closed_total,
    contact_text,
    guide_age,
    guide_note,
    guide_warning,
    reading_text,
    titled,
    today_sentence,
    total_text,
    window_detail,
)

SHORT_HASH = 12
Ready = frozenset[tuple[str, str]]
"""(item, document) of the documents recorded as ready (已备): their boxes are printed ticked."""
# Room a heading needs below it, else it starts on the next page (cheaper than keep-with-next,
# which lays everything out twice): a section title with the start of its table, an item title
# with its claim, a field label with its first line or two.
KEEP_SECTION = 40 * mm
KEEP_HEADING = 30 * mm


def _p(text: str, style: str = "body") -> Paragraph:
    """A paragraph of the text as given (no markup is read from it; unprintable characters made visible)."""
    return plain_paragraph(printable(text), styles()[style])


def _texts(values: Iterable[Text], lang: Lang) -> list[str]:
    return [v.get(lang) for v in values if v.get(lang)]


def _item_heading(item: ItemResult, result: Assessment, lang: Lang) -> str:
    return f"{article_label(item.article, item.article_label, lang)} · {titled(item, result).get(lang)}"


def _enterprise_block(result: Assessment, lang: Lang, today: dt.date | None) -> list[Flowable]:
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
    start, end = result.period
    span = f"{start.isoformat()} – {end.isoformat()}"
    period = f"{result.period_label.get(lang)}（{span}）" if result.period_label.zh and lang == "zh" else span
    guide = result.guide
    age = guide_age(result, today) if today is not None else None
    guide_text = (
        (EXAMPLE.get(lang) if guide.example else "")
        + guide.round.get(lang)
        + _bracketed(age.get(lang) if age else label("guide_dated", lang).format(day=guide.published_on), lang)
        if guide is not None
        else label("none", lang)
    )
    rows: list[list[Any]] = [
        [*pair("enterprise", e.name, wide=True), "", ""],
        [*pair("credit_code", e.credit_code), *pair("town", shown_town(e.town, lang))],
        [*pair("contact", e.contact), *pair("phone", e.phone)],
        [*pair("policy", policy, wide=True), "", ""],
        [*pair("validity", validity), *pair("pack_version", f"{result.pack_id} {result.pack_version}")],
        [*pair("period", period), *pair("assessed_on", result.assessed_on.isoformat())],
        [*pair("guide", guide_text, wide=True), "", ""],
    ]
    table = Table(rows, colWidths=[label_w, value_w, label_w, value_w])
    table.setStyle(
        TableStyle(
            [
                *plain_cells(head_rows=0),
                ("FONTNAME", (0, 0), (0, -1), BOLD),
                ("FONTNAME", (2, 1), (2, 2), BOLD),
                ("FONTNAME", (2, 4), (2, 5), BOLD),
                ("SPAN", (1, 0), (3, 0)),
                ("SPAN", (1, 3), (3, 3)),
                ("SPAN", (1, 6), (3, 6)),
                ("GRID", (0, 0), (-1, -1), 0.4, RULE),
                ("BACKGROUND", (0, 0), (0, -1), SHADE),
                ("BACKGROUND", (2, 1), (2, 2), SHADE),
                ("BACKGROUND", (2, 4), (2, 5), SHADE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    story: list[Flowable] = [table]
    # What the period means on the day the checklist is printed (the recorded sentence without a day), and an
    # old guide saying so: the same sentences as `assess` and its JSON for that day.
    sentence = today_sentence(result, today) if today is not None else None
    said = result.warnings if today is None else (sentence,) if sentence is not None else ()
    story += [_p(text.get(lang), "period") for text in said]
    warning = guide_warning(result, today) if today is not None else None
    if warning is not None:
        story.append(_p(warning.get(lang), "warning"))
    if result.guide is not None and result.guide.note.zh:
        # the guide's own word on itself; a training guide's ("invented, do not apply on it") as a warning
        marked = (
            EXAMPLE.get(lang) + result.guide.note.get(lang) if result.guide.example else result.guide.note.get(lang)
        )
        story.append(_p(marked, "warning" if result.guide.example else "small"))
    story += [_p(notice.get(lang), "warning") for notice in result.notices]
    return story


def _bracketed(text: str, lang: Lang) -> str:
    return f" ({text})" if lang == "en" else f"（{text}）"


def _widest(head: str, values: Sequence[str]) -> float:
    """Room for the widest of a column's texts on one line (the header in bold), with the cell padding."""
    bold, regular = styles()["cell_head"], styles()["cell"]
    needed = max(
        [stringWidth(head, bold.fontName, bold.fontSize)]
        + [stringWidth(line, regular.fontName, regular.fontSize) for v in values for line in v.split("\n")]
    )
    return needed + 2 * CELL_PAD + 1


def _summary(result: Assessment, lang: Lang, today: dt.date | None) -> list[Flowable]:
    story: list[Flowable] = [CondPageBreak(KEEP_SECTION), _p(section_title(1, "summary", lang), "h1")]
    items = result.with_amounts()
    keys = ("col_article", "col_item", "col_amount", "col_cap", "col_basis", "col_capped", "col_units")
    none = label("none", lang)
    body = [
        (
            article_label(item.article, item.article_label, lang),
            titled(item, result).get(lang),
            format_yuan(item.amount) if item.amount is not None else none,
            vocabulary.caps_figures(item, lang),
            vocabulary.basis_term(item, lang),
            vocabulary.capped_value(item, lang),
            item.units_text(lang),
        )
        for item in items
    ]
    heads = [label(k, lang) for k in keys]
    # Figures go without their unit (the column names it). The short columns are as wide as their widest
    # text, header included, so that no figure, value word or header word is ever broken; the units take
    # a fixed share and the item titles the rest.
    widths = [_widest(heads[c], [row[c] for row in body]) for c in range(len(keys))]
    widths[6] = (40 if lang == "en" else 34) * mm  # English unit names are long
    # A cap's name may wrap ("per overseas / project 300,000.00"), its figure never: the column is at most as
    # wide as the widest figure needs or 30 mm, so that the item titles keep room for whole words.
    figures = [part for row in body for part in re.findall(r"[\d,]+\.\d\d|—", row[3])]
    widths[3] = min(widths[3], max(_widest(heads[3], figures), 30 * mm))
    widths[1] = content_width() - sum(w for c, w in enumerate(widths) if c != 1)
    rows: list[list[Any]] = [[cell(h, "cell_head", w) for h, w in zip(heads, widths, strict=True)]]
    styles_ = ("cell", "cell", "cell_right", "cell_right", "cell", "cell", "cell")
    for texts in body:
        # A cap text holds one line per cap (per case, per unit); each stays on its own line, and where a cap's
        # name and figure do not fit on one, they break between words: never inside "300,000.00".
        cells = []
        for column, (text, style_, width) in enumerate(zip(texts, styles_, widths, strict=True)):
            lines = text.split("\n")
            if column == 3:
                lines = [part for line in lines for part in unbroken_lines(line, style_, width)]
            cells.append(lines_cell(lines, style_, width))
        rows.append(cells)
    if not items:
        rows.append([_p(label("no_amounts", lang), "cell"), "", "", "", "", "", ""])
    total_row = len(rows)
    rows.append(
        [
            _p(label("total", lang), "cell_head"),
            "",
            _p(total_text(result, lang), "cell_total"),
            "",
            "",
            "",
            "",
        ]
    )
    # Rows under the total: what is to confirm besides it, and what of it can no longer be applied for.
    notes: list[tuple[str, str]] = []
    if result.pending_total:
        notes.append((label("pending_total", lang), vocabulary.yuan(result.pending_total, lang)))
    if today is not None:
        closed, closed_items = closed_total(result, today)
        if closed_items:
            notes.append((label("closed_total", lang), vocabulary.yuan(closed, lang)))
    note_rows = []
    for name, amount in notes:
        note_rows.append(len(rows))
        rows.append([_p(name, "cell"), "", _p(amount, "cell_right")] + [""] * 4)
    table = Table(rows, colWidths=widths, repeatRows=1)
    style: list[Any] = [
        *plain_cells(),
        ("ALIGN", (2, 1), (3, -1), "RIGHT"),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("BACKGROUND", (0, total_row), (-1, total_row), SHADE),
        ("SPAN", (0, total_row), (1, total_row)),
        ("SPAN", (2, total_row), (-1, total_row)),
        *[span for row in note_rows for span in (("SPAN", (0, row), (1, row)), ("SPAN", (2, row), (-1, row)))],
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


def _headed(key: str, lines: Sequence[str], lang: Lang, style: str = "bullet") -> list[Flowable]:
    """A small grey heading and its bullets, the heading never alone at the foot of a page (kept with the
    first bullet)."""
    first, *rest = _bullets(lines, style)
    return [KeepTogether([_p(label(key, lang), "label"), first]), *rest]


def _labelled(key: str, text: str, lang: Lang) -> LabelledText:
    """A small grey field name above its text."""
    name = printable(label(key, lang))
    return LabelledText(name, styles()["label"], plain_paragraph(printable(text), styles()["field"]))


def _item_section(
    item: ItemResult,
    result: Assessment,
    lang: Lang,
    today: dt.date | None,
    *,
    explain: bool,
    ready: Ready = frozenset(),
) -> list[Flowable]:
    story: list[Flowable] = [CondPageBreak(KEEP_HEADING), _p(_item_heading(item, result, lang), "h2")]
    claim = item.claim.get(lang)
    if claim:
        story.append(_labelled("claim", claim, lang))
    if item.status == "to_confirm":
        colon = ": " if lang == "en" else "："
        asked = [f"{label('ask', lang)}{colon}{item.ask.get(lang)}"] if item.ask.zh else []
        why = [*_texts(item.reasons, lang), *asked]
        story += _headed("to_confirm_reason", why, lang)
    steps = _texts(item.steps, lang)
    if explain and steps:
        story += _headed("explanation", steps, lang)
    note = item.cap_note()
    if explain and note is not None:
        story.append(_labelled("capped_note", note.get(lang), lang))
    readings = [reading_text(r, lang) for r in item.readings]
    if readings:
        story += _headed("reading", readings, lang, "reading")
    units = item.units_text(lang)
    if units:
        story.append(_labelled("units", units, lang))
    story += _application(item, result, lang, today)
    documents = [(d.id, d.text.get(lang)) for d in item.documents if d.text.get(lang)]
    if documents:
        heading, continued = _p(label("documents", lang), "label"), _p(label("documents_continued", lang), "label")
        ticks = [TickItem(_p(text, "body"), ticked=(item.id, ident) in ready) for ident, text in documents]
        story.append(TickList(heading, continued, ticks))
        story.append(_labelled("documents_source", item.documents_source.get(lang), lang))
    notes = _texts(item.notes, lang)
    if notes:
        story += _headed("notes", notes, lang)
    return story


def _application(item: ItemResult, result: Assessment, lang: Lang, today: dt.date | None) -> list[Flowable]:
    """When, how and with whom to apply, from the application guide (nothing without one)."""
    if today is None or item.item_guide is None or not applies(item):
        return []
    story: list[Flowable] = []
    for key, text in (
        ("window", window_detail(item, result, today)),
        ("channel", channel_text(item, result)),
        ("contact_office", contact_text(item.item_guide.contact)),
        ("guide_note", guide_note(item, result)),
    ):
        if text is not None:
            story.append(_labelled(key, text.get(lang), lang))
    return story


def _details(result: Assessment, lang: Lang, number: int, today: dt.date | None, ready: Ready) -> list[Flowable]:
    items = result.with_amounts()
    if not items:
        return []
    story: list[Flowable] = [CondPageBreak(KEEP_SECTION), _p(section_title(number, "details", lang), "h1")]
    story += _documents_note(result, items, lang)
    for item in items:
        story += _item_section(item, result, lang, today, explain=True, ready=ready)
    return story


def _documents_note(result: Assessment, items: Sequence[ItemResult], lang: Lang) -> list[Flowable]:
    """The pack's caveat on its lists ("以下为常见申报材料…以…申报指南为准"), at the head of every section that
    lists documents: whichever sections a checklist has, its lists never go without it."""
    note = result.documents_note.get(lang)
    return [_p(note, "small")] if note and any(item.documents for item in items) else []


def _to_confirm(result: Assessment, lang: Lang, number: int, today: dt.date | None, ready: Ready) -> list[Flowable]:
    """Items a reading of the text or a basic condition keeps from the total: shown with what they would be."""
    items = result.to_confirm()
    if not items:
        return []
    story: list[Flowable] = [CondPageBreak(KEEP_SECTION), _p(section_title(number, "to_confirm", lang), "h1")]
    story += _documents_note(result, items, lang)
    for item in items:
        story += _item_section(item, result, lang, today, explain=item.amount is not None, ready=ready)
        if item.amount is not None:
            story.append(_labelled("would_be", vocabulary.yuan(item.amount, lang), lang))
    return story


def _others(result: Assessment, lang: Lang, number: int, today: dt.date | None, ready: Ready) -> list[Flowable]:
    story: list[Flowable] = [CondPageBreak(KEEP_SECTION), _p(section_title(number, "other", lang), "h1")]
    items = (*result.unquantified(), *result.services())
    if not items:
        return [*story, _p(label("no_other", lang))]
    story += _documents_note(result, items, lang)
    for item in items:
        story += _item_section(item, result, lang, today, explain=False, ready=ready)
    return story


def _opportunities(found: Opportunities | None, lang: Lang, number: int) -> list[Flowable]:
    if found is None or not (found.can or found.cannot):
        return []
    story: list[Flowable] = [CondPageBreak(KEEP_SECTION), _p(numbered(number, found.heading.get(lang), lang), "h1")]
    story.append(_p(found.note.get(lang), "small"))
    colon = "：" if lang == "zh" else ": "
    story += _bullets([f"{o.title.get(lang)}{colon}{o.text.get(lang)}" for o in found.can])
    if found.cannot:
        story += _headed("cannot_change", [f"{o.title.get(lang)}{colon}{o.text.get(lang)}" for o in found.cannot], lang)
    return story


TAIL_ROWS = 2  # rows of the last table that stay with the disclaimer, so it never has a page to itself


def _unavailable(result: Assessment, lang: Lang, number: int) -> tuple[list[Flowable], list[Flowable]]:
    """The section, and its end: what must stay on the page of the disclaimer and the signature."""
    story: list[Flowable] = [CondPageBreak(KEEP_SECTION), _p(section_title(number, "unavailable", lang), "h1")]
    items = result.unavailable()
    if not items:
        return story, [_p(label("no_unavailable", lang))]
    head: list[Any] = [_p(label(k, lang), "cell_head") for k in ("col_article", "col_item", "col_status", "reason")]
    rows: list[list[Any]] = []
    for item in items:
        reasons = _texts(item.reasons, lang) or [label("none", lang)]
        rows.append(
            [
                _p(article_label(item.article, item.article_label, lang), "cell"),
                _p(item.title.get(lang), "cell"),
                _p(vocabulary.item_status_term(item, lang), "cell"),
                _p(vocabulary.join_reasons(reasons, lang), "cell"),
            ]
        )
    width = content_width()
    # English titles are long: a wider title column keeps rows to one or two lines
    title = 62 * mm if lang == "en" else 52 * mm
    status = 20 * mm
    widths = [16 * mm, title, status, width - 16 * mm - title - status]

    def table(body: list[list[Any]], header: bool) -> Table:
        made = Table([head, *body] if header else body, colWidths=widths, repeatRows=1 if header else 0)
        commands: list[Any] = [
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # empty cells too, or Helvetica gets referenced
            ("GRID", (0, 0), (-1, -1), 0.4, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
        if header:
            commands.append(("BACKGROUND", (0, 0), (-1, 0), SHADE))
        made.setStyle(TableStyle(commands))
        return made

    split = max(len(rows) - TAIL_ROWS, 0)
    if split:
        story.append(table(rows[:split], header=True))
        tail: Flowable = TableTail(table(rows[split:], header=True), table(rows[split:], header=False), frame_height())
    else:
        tail = table(rows, header=True)
    return story, [tail]


def _closing(result: Assessment, lang: Lang, number: int, before: list[Flowable]) -> list[Flowable]:
    """The disclaimer and the lines to sign, kept together with the end of what precedes them."""
    story: list[Flowable] = [*before, _p(section_title(number, "disclaimer", lang), "h1")]
    if result.disclaimer.get(lang):
        story.append(_p(result.disclaimer.get(lang)))
    # each label as wide as its text, the lines sharing the rest: a line never runs into the next label
    names = [label(k, lang) for k in ("preparer", "date", "signature")]
    seal = _p(label("seal", lang), "body")
    body = styles()["body"]
    name_widths = [stringWidth(n, body.fontName, body.fontSize) + 2 * mm for n in names]
    gap = 4 * mm
    date_line = 30 * mm
    other_line = (content_width() - sum(name_widths) - date_line - 2 * gap) / 2
    row = [
        _p(names[0], "body"),
        WriteLine(other_line),
        _p(names[1], "body"),
        WriteLine(date_line),
        _p(names[2], "body"),
        WriteLine(other_line),
    ]
    widths = [name_widths[0], other_line + gap, name_widths[1], date_line + gap, name_widths[2], other_line]
    sign = write_on(row, widths)
    # the enterprise's seal beside the signature: the bureaus take a stamped checklist as the firm's own
    seal_width = stringWidth(label("seal", lang), body.fontName, body.fontSize) + 2 * mm
    stamp = write_on([seal, WriteLine(other_line)], [seal_width, other_line], "RIGHT")
    story += [Spacer(1, 10 * mm), sign, Spacer(1, 9 * mm), stamp]
    return [KeepTogether(story)]


def checklist_story(
    result: Assessment,
    lang: Lang = "zh",
    today: dt.date | None = None,
    opportunities: Opportunities | None = None,
    ready: Ready = frozenset(),
) -> list[Flowable]:
    """Sections in order, numbered as printed: summary, item by item, to confirm, other supports and services,
    what could still be unlocked, not available, disclaimer and signatures. `today` dates the windows; the
    documents in `ready` (item, document) come with their boxes ticked."""
    sections: list[list[Flowable]] = []
    number = 2
    makers: tuple[Callable[[int], list[Flowable]], ...] = (
        lambda n: _details(result, lang, n, today, ready),
        lambda n: _to_confirm(result, lang, n, today, ready),
        lambda n: _others(result, lang, n, today, ready),
        lambda n: _opportunities(opportunities, lang, n),
    )
    for make in makers:
        part = make(number)
        if part:
            sections.append(part)
            number += 1
    unavailable, its_end = _unavailable(result, lang, number)
    return [
        _p(label("title", lang), "title"),
        *_enterprise_block(result, lang, today),
        *_summary(result, lang, today),
        *(flowable for part in sections for flowable in part),
        *unavailable,
        *_closing(result, lang, number + 1, its_end),
    ]


def page_decor(result: Assessment, lang: Lang = "zh") -> PageDecor:
    e = result.enterprise
    header = "  ".join(part for part in (e.name, e.credit_code) if part) or label("title", lang)
    if result.guide is not None and result.guide.example:
        header = EXAMPLE.get(lang) + header  # every page of a checklist with invented windows says so
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


class ChecklistError(ProblemError):
    """A checklist that cannot be drawn; its problem says why (never ReportLab's own words)."""


def render_guarded(draw: Callable[[], bytes]) -> bytes:
    """Run a ReportLab drawing; a text too large for a page becomes a ChecklistError in words.

    The answers limits (desktop.engine.limits) keep every text the engine accepts printable; this is
    for what reaches the checklist another way (a name stored before the limits existed)."""
    try:
        return draw()
    except LayoutError:
        raise ChecklistError(Problem("checklist.too_long")) from None


def checklist_bytes(
    result: Assessment,
    lang: Lang = "zh",
    *,
    today: dt.date | None = None,
    opportunities: Opportunities | None = None,
    ready: Ready = frozenset(),
) -> bytes:
    """The checklist PDF. Byte-identical for the same assessment, day, documents ready and program version."""
    title = label("title", lang)
    name = result.enterprise.name
    return render_guarded(
        lambda: render(
            checklist_story(result, lang, today, opportunities, ready),
            page_decor(result, lang),
            title=f"{title} - {name}" if name else title,
            subject=result.pack_title.get(lang),
        )
    )


def write_checklist(
    result: Assessment,
    path: Path,
    lang: Lang = "zh",
    *,
    today: dt.date | None = None,
    opportunities: Opportunities | None = None,
    ready: Ready = frozenset(),
) -> None:
    """Write the checklist PDF to `path`, beside it first and then renamed: a failure (a full disk) leaves the
    file that was there whole. OSError propagates: the caller says which file it could not write."""
    data = checklist_bytes(result, lang, today=today, opportunities=opportunities, ready=ready)
    write_bytes(path, data)
