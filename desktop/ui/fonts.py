"""The bundled Noto Sans SC, registered with Qt so Chinese renders on machines without a CJK font."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop.resources import resource_path

REGULAR = "NotoSansSC_400Regular.ttf"
BOLD = "NotoSansSC_700Bold.ttf"
FALLBACK_FAMILY = "Noto Sans SC"


_registered: dict[str, str | None] = {}


def register_font(file_name: str) -> str | None:
    """The family name of the registered font, or None when the file is missing or unreadable.

    Once per file and process: each registration reads the 10 MiB file again (30 ms).
    """
    if file_name not in _registered:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", file_name)))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        _registered[file_name] = families[0] if families else None
    return _registered[file_name]


def use_bundled_font(app: QApplication, point_size: float = 10.5) -> str | None:
    """Register the regular weight and make it the application font (the bold weight can follow later)."""
    family = register_font(REGULAR)
    if family is None:
        return None
    font = QFont(family)
    font.setPointSizeF(point_size)
    app.setFont(font)
    return family
