"""Table cells: plain text where it fits on one line, a wrapping paragraph only where it must wrap.

A plain-text cell is drawn directly by the table; a paragraph has to be parsed, measured character
by character and broken into lines. Most cells of the checklist and the batch summary are short.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from desktop.report.flowables import plain_paragraph
from desktop.report.fonts import REGULAR, printable
from desktop.report.layout import INK, styles

CELL_PAD = 3  # points of padding left and right in every table cell


def _fits(text: str, style: str, width: float) -> bool:
    font = styles()[style]
    return stringWidth(text, font.fontName, font.fontSize) <= width - 2 * CELL_PAD


def cell(text: str, style: str, width: float) -> str | Paragraph:
    """One line of text for a cell `width` wide, in a `styles()` style of the same font and size."""
    shown = printable(text)
    if _fits(shown, style, width):
        return shown
    return plain_paragraph(shown, styles()[style])


def lines_cell(lines: Sequence[str], style: str, width: float) -> str:
    """Several lines in one cell, each broken where `unbroken_lines` allows: a paragraph of several lines
    went through ReportLab's CJK line breaking, which cut an English word anywhere ("certificatio / n")."""
    shown = [printable(line) for line in lines]
    if all(_fits(line, style, width) for line in shown):
        return "\n".join(shown)
    return "\n".join(part for line in shown for part in unbroken_lines(line, style, width))


# Units no line break may fall inside: a bracketed group (（示例）, (HK)), an amount with its unit
# (2,000,000.00 元), a run of Latin letters and digits with the punctuation of codes, a ".pdf" glued to
# what precedes it, and closing punctuation glued to the character before it.
_UNIT = re.compile(
    r"（[^（）]*）|\([^()]*\)"
    r"|\d[\d,]*(?:\.\d+)?(?![A-Za-z0-9_\-])(?: ?(?:万元|元|million yuan|yuan))?"
    r"|\.[A-Za-z0-9]+|[A-Za-z0-9_\-]+|\s+|.",
    re.DOTALL,
)
_GLUED = re.compile(r"^(\.[A-Za-z0-9]+|[，。、；：！？）」』,;:!?)\]])")


def _units(text: str) -> list[str]:
    units: list[str] = []
    for match in _UNIT.finditer(text):
        unit = match.group(0)
        if units and not units[-1].isspace() and _GLUED.match(unit):
            units[-1] += unit
        else:
            units.append(unit)
    return units


def unbroken_lines(text: str, style: str, width: float) -> list[str]:
    """The text broken into lines that fit the cell, never inside a bracket, a code or a word, nor before
    a file's extension; only a unit wider than the whole cell is cut (character by character)."""
    font = styles()[style]
    room = width - 2 * CELL_PAD

    def fits(line: str) -> bool:
        return stringWidth(line, font.fontName, font.fontSize) <= room

    lines: list[str] = []
    line = ""
    for unit in _units(printable(text)):
        if fits(line + unit):
            line += unit
            continue
        if line.strip():
            lines.append(line.rstrip())
        line = "" if unit.isspace() else unit
        while line and not fits(line):
            cut = len(line) - 1
            while cut > 1 and not fits(line[:cut]):
                cut -= 1
            if cut > 1 and _GLUED.match(line[cut:]):  # ".pdf" or a closing mark never begins a line
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


def unbroken_cell(text: str, style: str, width: float) -> str:
    """A plain-text cell of one or more lines, broken where `unbroken_lines` allows."""
    return "\n".join(unbroken_lines(text, style, width))


def plain_cells(head_rows: int = 1) -> list[Any]:
    """Table style commands for plain-text cells, matching the `cell` and `cell_head` paragraph styles."""
    body, head = styles()["cell"], styles()["cell_head"]
    commands: list[Any] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # empty cells too, or Helvetica gets referenced
        ("FONTSIZE", (0, 0), (-1, -1), body.fontSize),
        ("LEADING", (0, 0), (-1, -1), body.leading),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
    ]
    if head_rows:
        commands.append(("FONTNAME", (0, 0), (-1, head_rows - 1), head.fontName))
    return commands
