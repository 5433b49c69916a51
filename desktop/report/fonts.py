"""The checklist's CJK font: Noto Sans SC (TrueType outlines, OFL), registered once, embedded as a subset.

ReportLab's built-in CID fonts are not embedded and print as boxes on machines without Adobe's
Asian font packs, so the program brings its own font. A character the font lacks would print as
nothing at all; `printable` turns it into a visible □ instead, so a clerk sees that something is there.
"""

from __future__ import annotations

import threading
import unicodedata
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

# only the report package imports this module, and it draws with ReportLab anyway
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop.resources import resource_path

REGULAR = "NotoSansSC"
BOLD = "NotoSansSC-Bold"
FONT_FILES = {REGULAR: "NotoSansSC_400Regular.ttf", BOLD: "NotoSansSC_700Bold.ttf"}
PLACEHOLDER = "\u25a1"  # □, which the font has (☐ U+2610 it has not)

_lock = threading.Lock()


@cache
def _covered() -> frozenset[int]:
    """Code points both weights can draw."""
    register_fonts()
    regular = pdfmetrics.getFont(REGULAR)
    bold = pdfmetrics.getFont(BOLD)
    assert isinstance(regular, TTFont) and isinstance(bold, TTFont)
    return frozenset(regular.face.charToGlyph) & frozenset(bold.face.charToGlyph)


def _keep_tables(face: Any) -> None:
    """Read each table of the font file once per process instead of once per subset of every document.

    ReportLab copies the whole `glyf` table (10 MB here) for each 256-glyph subset it embeds: five
    copies per checklist. The tables are immutable bytes, so one copy can serve every document.
    """
    read = face.get_table
    tables: dict[str, bytes] = {}

    def get_table(tag: str) -> bytes:
        if tag not in tables:
            tables[tag] = read(tag)
        return tables[tag]

    face.get_table = get_table


def register_fonts() -> None:
    """Register both weights with ReportLab (once per process; about 0.3 s, the font files are large)."""
    with _lock:
        registered = set(pdfmetrics.getRegisteredFontNames())
        if REGULAR in registered and BOLD in registered:
            return
        for name, file_name in FONT_FILES.items():
            # subsetting is ReportLab's default for TTFont: only the glyphs used are embedded
            font = TTFont(name, str(resource_path("fonts", file_name)))
            _keep_tables(font.face)
            pdfmetrics.registerFont(font)
        # so that <b> in a Paragraph picks the real bold face
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, REGULAR)
        addMapping(REGULAR, 1, 1, BOLD)


def prepare() -> None:
    """Do every once-per-process step now: register the fonts, read their glyph tables, learn their coverage.

    A batch calls this before it starts its worker processes, which (where processes fork) then
    inherit the work instead of each repeating it.
    """
    register_fonts()
    _covered()
    for name in FONT_FILES:
        font = pdfmetrics.getFont(name)
        assert isinstance(font, TTFont)
        face: Any = font.face  # its get_table is the caching one from _keep_tables
        face.get_table("glyf")


def _printable_char(char: str, covered: frozenset[int]) -> str:
    if char in "\n\t\r" or unicodedata.category(char) in ("Cc", "Zl", "Zp"):
        return " "
    if unicodedata.category(char) in ("Cf", "Mn") and ord(char) not in covered:
        return ""  # zero-width joiners, variation selectors: invisible anyway
    return char if ord(char) in covered else PLACEHOLDER


def printable(text: str) -> str:
    """The text with every character the font cannot draw replaced by □ and control characters by spaces."""
    covered = _covered()
    if covered.issuperset(map(ord, text)):
        return text
    return "".join(_printable_char(c, covered) for c in text)


def para(text: str) -> str:
    """Text for a Paragraph: printable, and with markup characters escaped (`A&B <灯饰>` prints as typed)."""
    return escape(printable(text))
