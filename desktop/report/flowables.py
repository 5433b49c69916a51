"""Small drawing pieces the checklist needs and platypus lacks: a box to tick, a line to sign on."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from desktop.report.layout import INK


class TickBox(Flowable):
    """An empty square drawn with lines (the font has no ☐), sized to sit on a line of body text."""

    def __init__(self, size: float = 3.2 * mm) -> None:
        super().__init__()
        self.size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.7)
        canvas.rect(0, 0, self.size, self.size, stroke=1, fill=0)
        canvas.restoreState()


class WriteLine(Flowable):
    """A horizontal rule to write on, `width` long, drawn on the text's baseline."""

    def __init__(self, width: float) -> None:
        super().__init__()
        self.width = width

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return min(self.width, avail_width), 4 * mm

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.6)
        canvas.line(0, 0, self.width, 0)
        canvas.restoreState()
