"""Drawing pieces the checklist needs and platypus lacks: documents with a box to tick, a line to sign on,
and paragraphs that skip work platypus would repeat."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Literal

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle
from reportlab.platypus.paragraph import _handleBulletWidth  # type: ignore[attr-defined]  # private, not in the stubs

from desktop.report.fonts import REGULAR
from desktop.report.layout import INK


class WriteLine(Flowable):
    """A horizontal rule to write on, `width` long, drawn on the text's baseline."""

    def __init__(self, width: float) -> None:
        super().__init__()
        self.width = width
        self.drawn = width

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.drawn = min(self.width, avail_width)
        return self.drawn, 4 * mm

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.6)
        canvas.line(0, 0, self.drawn, 0)  # no longer than its room: it must not run into the next label
        canvas.restoreState()


def write_on(row: list[Flowable], widths: list[float], h_align: Literal["CENTER", "RIGHT"] = "CENTER") -> Table:
    """One row of labels and lines to write on (签字, 日期, 企业（盖章）), the lines on the labels' baseline
    and nothing between a label and its line: the checklist's and the dossier's signature blocks."""
    table = Table([row], colWidths=widths, hAlign=h_align)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # empty cells too, or Helvetica gets referenced
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


class TickItem(Flowable):
    """A paragraph with a box to tick in front of its first line: one document to prepare.

    Cheaper than a two-column table per document, and it never splits: a document's line moves to the
    next page whole, box included.
    """

    def __init__(
        self, paragraph: Paragraph, indent: float = 7 * mm, box: float = 3.2 * mm, *, ticked: bool = False
    ) -> None:
        super().__init__()
        self.paragraph = paragraph
        self.indent = indent
        self.box = box
        self.ticked = ticked
        """The document is recorded as ready: the box comes ticked."""
        self.height = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _, self.height = self.paragraph.wrap(avail_width - self.indent, avail_height)
        return avail_width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []

    def getSpaceAfter(self) -> float:  # noqa: N802 - ReportLab's name
        return float(self.paragraph.getSpaceAfter())

    def getSpaceBefore(self) -> float:  # noqa: N802 - ReportLab's name
        return float(self.paragraph.getSpaceBefore())

    def draw(self) -> None:
        canvas = self.canv
        style = self.paragraph.style
        # the box sits on the first line's baseline, as tall as the capitals
        baseline = self.height - style.leading + (style.leading - style.fontSize) / 2 + 0.2 * style.fontSize
        canvas.saveState()
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.7)
        bottom = baseline - 0.1 * self.box
        canvas.rect(0, bottom, self.box, self.box, stroke=1, fill=0)
        if self.ticked:  # a tick drawn, not a glyph: the font's ✓ would add an outline to every checklist
            canvas.setLineWidth(0.9)
            tick = canvas.beginPath()
            tick.moveTo(0.2 * self.box, bottom + 0.5 * self.box)
            tick.lineTo(0.42 * self.box, bottom + 0.22 * self.box)
            tick.lineTo(0.85 * self.box, bottom + 0.85 * self.box)
            canvas.drawPath(tick, stroke=1, fill=0)
        canvas.restoreState()
        self.paragraph.drawOn(canvas, self.indent, 0)


class TickList(Flowable):
    """A field name over documents to tick, split across pages only between documents.

    Each part keeps at least `MIN_PART` documents (no lone box at the top or the foot of a page), and a
    continued part is headed by the name with "（续）", so a clerk knowing the list went on sees it.
    """

    MIN_PART = 2

    def __init__(self, heading: Flowable, continued: Flowable, items: list[TickItem]) -> None:
        super().__init__()
        self.heading = heading
        self.continued = continued
        self.items = items
        self._laid: list[tuple[float, float]] = []  # (height, space after) of the heading, then each item
        self.height = 0.0

    def _gap(self, flowable: Flowable) -> float:
        return float(flowable.getSpaceAfter())

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._laid = []
        self.width = avail_width
        for flowable in (self.heading, *self.items):
            _, height = flowable.wrap(avail_width, avail_height)
            self._laid.append((height, self._gap(flowable)))
        # the last space after belongs below the list (getSpaceAfter), not inside its height
        self.height = sum(h + gap for h, gap in self._laid) - self._laid[-1][1]
        return avail_width, self.height

    def getSpaceBefore(self) -> float:  # noqa: N802 - ReportLab's name
        return float(self.heading.getSpaceBefore())

    def getSpaceAfter(self) -> float:  # noqa: N802 - ReportLab's name
        return self._gap(self.items[-1]) if self.items else 0.0

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        used = self._laid[0][0] + self._laid[0][1]
        fits = 0
        for height, gap in self._laid[1:]:
            if used + height > avail_height:
                break
            used += height + gap
            fits += 1
        if fits < self.MIN_PART or len(self.items) - fits < self.MIN_PART:
            return []  # the whole list moves on to the next page
        return [
            TickList(self.heading, self.continued, self.items[:fits]),
            TickList(self.continued, self.continued, self.items[fits:]),
        ]

    def draw(self) -> None:
        top = self.height
        for flowable, (height, gap) in zip((self.heading, *self.items), self._laid, strict=True):
            top -= height
            flowable.drawOn(self.canv, 0, top)
            top -= gap


class TableTail(Flowable):
    """The last rows of a table, kept with what follows them (the disclaimer and signature).

    Where the rows land at the top of a page (moved there with what follows, or because the rest of
    the table ended the page before) they carry the table's header row, as any continued table does.
    """

    def __init__(self, with_header: Flowable, without_header: Flowable, page_top_height: float) -> None:
        super().__init__()
        self.with_header = with_header
        self.without_header = without_header
        self.page_top_height = page_top_height
        self.shown = without_header
        self.hAlign = with_header.hAlign  # placed as the table above it is, so their columns line up

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        at_page_top = avail_height >= self.page_top_height - 1
        self.shown = self.with_header if at_page_top else self.without_header
        width, height = self.shown.wrap(avail_width, avail_height)
        self.width, self.height = width, height
        return width, height

    def draw(self) -> None:
        self.shown.drawOn(self.canv, 0, 0)


# What a line may not break inside: a number with its separators, a run of Latin letters and digits (a word,
# a code, a date, a web address); everything else is a unit of its own (a Chinese character, a space, a
# mark). Closing punctuation stays with what precedes it, opening punctuation with what follows.
_WORD = re.compile(r"\d[\d,]*(?:\.\d+)?(?![A-Za-z0-9_\-])|[A-Za-z0-9_\-'’]+(?:\.[A-Za-z0-9_\-]+)*|\s+|.", re.DOTALL)
_CLOSING = frozenset("，。、；：！？）」』》,.;:!?)]}%’”")
_OPENING = frozenset("（「『《([{“‘")


def _units(text: str) -> list[str]:
    units: list[str] = []
    opening = ""
    for match in _WORD.finditer(text):
        unit = match.group(0)
        if unit in _OPENING:
            opening += unit
            continue
        unit, opening = opening + unit, ""
        if units and not unit.isspace() and not units[-1].isspace() and unit[0] in _CLOSING:
            units[-1] += unit
        else:
            units.append(unit)
    if opening:
        units.append(opening)
    return units


@lru_cache(maxsize=8192)
def _wrapped(text: str, widths: tuple[float, ...], font: str, size: float) -> list[tuple[float, list[str]]]:
    """The lines of one run of plain text at these widths, shared by every paragraph and document of the process.

    Broken between words, never inside one (ReportLab's own CJK splitting filled English lines character
    by character: "certificatio / n"); a Chinese text breaks between its characters as before. Only a word
    wider than the whole line is cut. Most of a checklist is the pack's own text (what to claim,
    documents, notes, units), the same for every enterprise of a batch, so its lines are broken once per
    process rather than once per file. The lists are only read by the drawing code.
    """
    lines: list[str] = []

    def room() -> float:
        return widths[min(len(lines), len(widths) - 1)]

    def width(part: str) -> float:
        return float(stringWidth(part, font, size))

    line = ""
    for unit in _units(text):
        if width((line + unit).rstrip()) <= room():
            line = "" if not line and unit.isspace() else line + unit
            continue
        if line.strip():
            lines.append(line.rstrip())
        line = "" if unit.isspace() else unit
        while line and width(line) > room():  # a word wider than a whole line: cut where it must
            cut = len(line) - 1
            while cut > 1 and width(line[:cut]) > room():
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return [(widths[min(n, len(widths) - 1)] - width(part), [part]) for n, part in enumerate(lines)]


class LaidParagraph(Paragraph):
    """A Paragraph that remembers its line breaks for the last width it was wrapped to.

    Platypus wraps many paragraphs twice at the same width (a table measures its cells and then wraps
    them again to draw; keep-with-next groups measure before they place). Breaking CJK lines is the
    costliest step of a checklist, so the second time the remembered lines are used. Paragraph's
    text and style never change after construction, so lines for a given width are always the same.
    A paragraph of one plain run (what `plain_paragraph` makes) also shares its lines across documents.
    """

    _lines_for: tuple[tuple[float, ...], Any] | None = None

    def breakLinesCJK(self, maxWidths: Any) -> Any:  # noqa: N802, N803 - ReportLab's names
        key = tuple(maxWidths) if isinstance(maxWidths, (list, tuple)) else (maxWidths,)
        if self._lines_for is not None and self._lines_for[0] == key:
            return self._lines_for[1]
        lines = self._plain_lines(key)
        if lines is None:
            lines = super().breakLinesCJK(maxWidths)
        self._lines_for = (key, lines)
        return lines

    def _plain_lines(self, widths: tuple[float, ...]) -> Any:
        """Paragraph.breakLinesCJK's own single-run case, with the line breaking shared; None for other cases."""
        frags, style = self.frags, self.style
        if len(frags) != 1 or style.endDots or getattr(self, "_splitpara", 0):
            return None
        frag = frags[0]
        if hasattr(frag, "cbDefn") or not hasattr(frag, "text"):
            return None
        self.height = 0
        available = list(widths)
        _handleBulletWidth(self.bulletText, style, available)  # narrows the first line for a bullet
        lines = _wrapped(frag.text, tuple(available), frag.fontName, frag.fontSize)
        return frag.clone(kind=0, lines=lines, ascent=frag.fontSize, descent=-0.2 * frag.fontSize)


class LabelledText(Flowable):
    """A small field name above a paragraph of text ("可申报内容" over what to claim).

    The name is drawn as one line of text in `name_style`; a paragraph mixing two sizes with a line break
    would send ReportLab's CJK line breaking down its per-character path, several times slower. Moves to
    the next page whole unless there is room for the name and two lines of the text.
    """

    def __init__(self, name: str, name_style: ParagraphStyle, text: Paragraph) -> None:
        super().__init__()
        self.name = name
        self.name_style = name_style
        self.text = text
        self.height = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _, text_height = self.text.wrap(avail_width, avail_height - self.name_style.leading)
        self.height = self.name_style.leading + text_height
        return avail_width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        if avail_height < self.name_style.leading + 2 * self.text.style.leading:
            return []
        return [_NameLine(self), self.text]

    def getSpaceBefore(self) -> float:  # noqa: N802 - ReportLab's name
        return float(self.text.getSpaceBefore())

    def getSpaceAfter(self) -> float:  # noqa: N802 - ReportLab's name
        return float(self.text.getSpaceAfter())

    def draw_name(self, canvas: Any, top: float) -> None:
        style = self.name_style
        canvas.saveState()
        canvas.setFillColor(style.textColor)
        canvas.setFont(style.fontName, style.fontSize)
        canvas.drawString(0, top - style.fontSize, self.name)
        canvas.restoreState()

    def draw(self) -> None:
        self.draw_name(self.canv, self.height)
        self.text.drawOn(self.canv, 0, 0)


class _NameLine(Flowable):
    """The name of a LabelledText whose text went on to be split across pages."""

    def __init__(self, owner: LabelledText) -> None:
        super().__init__()
        self.owner = owner

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, self.owner.name_style.leading

    def getSpaceBefore(self) -> float:  # noqa: N802 - ReportLab's name
        return self.owner.getSpaceBefore()

    def draw(self) -> None:
        self.owner.draw_name(self.canv, self.owner.name_style.leading)


_first_frags: dict[int, Any] = {}


def plain_paragraph(text: str, style: ParagraphStyle, bullet: str | None = None) -> LaidParagraph:
    """A paragraph of plain text (no markup), built without running the markup parser.

    The parser is a third of the cost of a checklist's story, and almost all of its text is plain.
    The one fragment the parser would make is copied from one it made for this style before, with
    the text swapped in, so the result is the same paragraph. White space is collapsed as the
    parser's cleaner does.
    """
    text = " ".join(text.split())
    if not text:
        return LaidParagraph("", style, bulletText=bullet)
    template = _first_frags.get(id(style))
    if template is None:
        template = _first_frags[id(style)] = Paragraph("x", style).frags[0]
    return LaidParagraph(text, style, bulletText=bullet, frags=[template.clone(text=text)])
