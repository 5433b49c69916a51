"""Draw the application icon: a checklist sheet with a green tick and a red 「中」 seal.

    .venv/bin/python packaging/make_icon.py

Writes `resources/icons/zs-trade-<size>.png` for each size, `zs-trade.png` (256 px, for the window and
the Linux desktop entry) and `zs-trade.ico` (all sizes, for the Windows executables and installer).
The outputs are committed; run this again only when the drawing changes. Each size is drawn on its
own (not scaled down from 256 px) so that the small sizes stay crisp: below 32 px the ruled lines are
left out and the seal grows, because at 16 px only the shapes and the 「中」 can still be told apart.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
FONT = ROOT / "resources" / "fonts" / "NotoSansSC_700Bold.ttf"
SIZES = (16, 24, 32, 48, 64, 128, 256)

PAPER = "#ffffff"
PAPER_EDGE = "#2b4c7e"
FOLD = "#c9d6ea"
RULE = "#9fb3d1"
TICK = "#1f9d55"
SEAL = "#c8102e"


def draw(size: int, family: str) -> QImage:
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPainterPath, QPen

    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    s = size / 256.0
    small = size < 32

    # The sheet, with its top-right corner folded over.
    left, top, right, bottom, fold = 40 * s, 16 * s, 200 * s, 236 * s, 44 * s
    sheet = QPainterPath()
    sheet.moveTo(left, top)
    sheet.lineTo(right - fold, top)
    sheet.lineTo(right, top + fold)
    sheet.lineTo(right, bottom)
    sheet.lineTo(left, bottom)
    sheet.closeSubpath()
    edge = max(1.0, 10 * s)
    p.setPen(QPen(QColor(PAPER_EDGE), edge, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    p.setBrush(QBrush(QColor(PAPER)))
    p.drawPath(sheet)
    corner = QPainterPath()
    corner.moveTo(right - fold, top)
    corner.lineTo(right - fold, top + fold)
    corner.lineTo(right, top + fold)
    corner.closeSubpath()
    p.setBrush(QBrush(QColor(FOLD)))
    p.drawPath(corner)

    # Ruled lines: the checklist's rows.
    if not small:
        p.setPen(QPen(QColor(RULE), 12 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        for y in (78, 112, 146):
            p.drawLine(QPointF(72 * s, y * s), QPointF(150 * s if y == 78 else 168 * s, y * s))

    # The tick.
    tick = QPainterPath()
    tick.moveTo(66 * s, 168 * s if not small else 120 * s)
    tick.lineTo(96 * s, 198 * s if not small else 160 * s)
    tick.lineTo(140 * s, 140 * s if not small else 70 * s)
    p.setPen(
        QPen(QColor(TICK), max(2.0, 22 * s), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    )
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(tick)

    # The red seal with 「中」 (Zhongshan), overlapping the sheet's lower right corner.
    radius = (58 if not small else 74) * s
    centre = QPointF(190 * s if not small else 178 * s, 188 * s if not small else 178 * s)
    p.setPen(QPen(QColor(PAPER), max(1.0, 8 * s)))
    p.setBrush(QBrush(QColor(SEAL)))
    p.drawEllipse(centre, radius, radius)
    font = QFont(family)
    font.setPixelSize(max(8, round(radius * 1.45)))
    font.setWeight(QFont.Weight.Bold)
    p.setFont(font)
    p.setPen(QColor(PAPER))
    box = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
    p.drawText(box, Qt.AlignmentFlag.AlignCenter, "中")
    p.end()
    return image


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QFontDatabase, QGuiApplication

    app = QGuiApplication(sys.argv[:1])
    font_id = QFontDatabase.addApplicationFont(str(FONT))
    families = QFontDatabase.applicationFontFamilies(font_id)
    if not families:
        print(f"{FONT}: font could not be loaded", file=sys.stderr)
        return 1
    ICONS.mkdir(parents=True, exist_ok=True)
    pngs = []
    for size in SIZES:
        path = ICONS / f"zs-trade-{size}.png"
        if not draw(size, families[0]).save(str(path)):
            print(f"{path}: could not be written", file=sys.stderr)
            return 1
        pngs.append(path)
    (ICONS / "zs-trade.png").write_bytes((ICONS / "zs-trade-256.png").read_bytes())
    # Pillow writes a multi-size .ico; append_images hands it each hand-drawn size instead of rescaling.
    images = [Image.open(path) for path in pngs]
    images[-1].save(
        ICONS / "zs-trade.ico",
        format="ICO",
        sizes=[(size, size) for size in SIZES],
        append_images=images[:-1],
    )
    del app
    print(f"wrote {len(pngs) + 2} files to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
