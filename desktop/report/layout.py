"""Page set-up shared by the checklist and the batch summary: A4, styles, header and footer, stable bytes.

"第 x 页 共 y 页" needs the page count before the first footer is drawn, so the canvas keeps each
finished page and draws the header and footer once the count is known (one layout pass, not two).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, partial
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from desktop.report.fonts import BOLD, REGULAR, printable, register_fonts

MARGIN_X = 18 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 18 * mm
INK = colors.HexColor("#1a1a1a")
GREY = colors.HexColor("#5a5a5a")
RULE = colors.HexColor("#9a9a9a")
SHADE = colors.HexColor("#eeeeee")
WARN = colors.HexColor("#b00020")


@dataclass(frozen=True)
class PageDecor:
    """What every page carries: the header line (left), and the footer's left and right texts."""

    header: str
    footer_left: str
    footer_right: str
    page_label: Callable[[int, int], str]
    dated: dt.date


@cache
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle(
        "body",
        fontName=REGULAR,
        bulletFontName=REGULAR,
        fontSize=9.5,
        leading=14,
        textColor=INK,
        wordWrap="CJK",
        spaceAfter=2,
    )

    def derive(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return {
        "body": base,
        "title": derive("title", fontName=BOLD, fontSize=17, leading=24, alignment=TA_CENTER, spaceAfter=8),
        "h1": derive("h1", fontName=BOLD, fontSize=12.5, leading=18, spaceBefore=10, spaceAfter=5),
        # item headings and field labels in the regular weight: their characters mostly appear in regular
        # text anyway, and every distinct bold character adds its outline to the file
        "h2": derive(
            "h2",
            fontSize=11,
            leading=16,
            spaceBefore=9,
            spaceAfter=3,
            backColor=SHADE,
            borderPadding=(2, 3, 3, 3),
        ),
        "label": derive("label", fontSize=8.5, leading=12.5, textColor=GREY, spaceBefore=3),
        "field": derive("field", spaceBefore=3),
        "small": derive("small", fontSize=8.5, leading=12, textColor=GREY),
        "cell": derive("cell", fontSize=8.5, leading=11.5, spaceAfter=0),
        "cell_right": derive("cell_right", fontSize=8.5, leading=11.5, spaceAfter=0, alignment=2),
        "cell_head": derive("cell_head", fontName=BOLD, fontSize=8.5, leading=11.5, spaceAfter=0),
        "cell_total": derive("cell_total", fontName=BOLD, fontSize=9, leading=12.5, spaceAfter=0, alignment=2),
        "warning": derive("warning", fontName=BOLD, textColor=WARN, spaceBefore=4, spaceAfter=4),
        # what the period means on the day of printing: information in the ink colour, not an alarm
        "period": derive("period", spaceBefore=4, spaceAfter=4),
        "bullet": derive("bullet", leftIndent=10, bulletIndent=0, spaceAfter=1),
        # the tool's readings of the text: set apart from the text's own words, smaller and grey
        "reading": derive("reading", fontSize=8.5, leading=12.5, textColor=GREY, leftIndent=10, spaceAfter=1),
    }


def _fit(text: str, font: str, size: float, width: float) -> str:
    """Cut a header text to the width with an ellipsis, so a very long name cannot run off the page."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


class DecoratedCanvas(Canvas):
    """A canvas that adds header and footer to every page once it knows how many pages there are."""

    def __init__(
        self, *args: Any, decor: PageDecor, on_page: Callable[[int], None] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._decor = decor
        self._on_page = on_page
        self._pages: list[dict[str, Any]] = []
        stamp = decor.dated.strftime("D:%Y%m%d000000+08'00'")
        # document dates come from the assessment, not the clock: the same assessment gives the same bytes
        self.setDateFormatter(lambda *_: stamp)

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # Canvas's own page reset, not in the stubs
        if self._on_page is not None:  # a long document tells how far it is (and may be stopped here)
            self._on_page(len(self._pages))

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._decorate(number, total)
            super().showPage()
        super().save()

    def _decorate(self, number: int, total: int) -> None:
        width, height = self._pagesize  # type: ignore[attr-defined]
        decor = self._decor
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.setFillColor(GREY)
        self.setFont(REGULAR, 8)
        top = height - MARGIN_TOP + 6 * mm
        self.drawString(MARGIN_X, top, _fit(printable(decor.header), REGULAR, 8, width - 2 * MARGIN_X))
        self.line(MARGIN_X, top - 2 * mm, width - MARGIN_X, top - 2 * mm)
        bottom = MARGIN_BOTTOM - 9 * mm
        self.line(MARGIN_X, bottom + 4 * mm, width - MARGIN_X, bottom + 4 * mm)
        self.drawString(MARGIN_X, bottom, decor.footer_left)
        self.drawCentredString(width / 2, bottom, decor.page_label(number, total))
        self.drawRightString(width - MARGIN_X, bottom, decor.footer_right)
        self.restoreState()


def render(
    story: Sequence[Flowable],
    decor: PageDecor,
    *,
    title: str,
    subject: str,
    wide: bool = False,
    on_page: Callable[[int], None] | None = None,
) -> bytes:
    """Lay out the story on A4 (landscape when `wide`) and return the PDF's bytes. `on_page(pages so far)`
    is called as each page is laid out; an exception it raises stops the work."""
    register_fonts()
    # binary (not ASCII85) streams: the embedded font subsets are a fifth smaller; nothing reads them as text
    rl_config.useA85 = 0
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4) if wide else A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=printable(title),
        subject=printable(subject),
        author="",
        creator="zs-trade-support",
        invariant=1,
        initialFontName=REGULAR,
    )
    doc.build(list(story), canvasmaker=partial(DecoratedCanvas, decor=decor, on_page=on_page))
    return buffer.getvalue()


FRAME_PADDING = 6  # points: platypus' Frame default on each side


def frame_height(wide: bool = False) -> float:
    """The height a flowable has at the top of a page."""
    page = landscape(A4) if wide else A4
    return float(page[1] - MARGIN_TOP - MARGIN_BOTTOM - 2 * FRAME_PADDING)


def content_width(wide: bool = False) -> float:
    page = landscape(A4) if wide else A4
    return float(page[0] - 2 * MARGIN_X)
