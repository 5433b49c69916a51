"""Windows and dialogs that never open larger than the screen they appear on.

A clerk's laptop shows 1366×768 (and 1280×720 on a projector at a training), of which a taskbar takes its
share: a dialog taller than that hides its buttons below the screen's edge. Every top-level window of
the program asks `fit_window` for its size instead of calling `resize` with a fixed one.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room the window manager adds around the client area (title bar, borders); generous on purpose.
FRAME = QSize(16, 40)


def available(widget: QWidget | None = None) -> QRect:
    """The free area of the screen the widget is on (its parent's screen before it is shown)."""
    screen = None
    if widget is not None:
        screen = widget.screen()
        parent = widget.parentWidget()
        if parent is not None and not widget.isVisible():
            screen = parent.screen()
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def fitted(wanted: QSize, free: QRect) -> QSize:
    """`wanted`, made smaller where the free area (less the window frame) is smaller."""
    return QSize(
        min(wanted.width(), free.width() - FRAME.width()), min(wanted.height(), free.height() - FRAME.height())
    )


def fit_window(window: QWidget, width: int, height: int, free: QRect | None = None) -> QSize:
    """Resize to width × height, or to what the screen has room for; centred on the free area."""
    area = free if free is not None else available(window)
    size = fitted(QSize(width, height), area)
    window.resize(size)
    window.move(
        area.x() + max(0, (area.width() - size.width() - FRAME.width()) // 2),
        area.y() + max(0, (area.height() - size.height() - FRAME.height()) // 2),
    )
    return size
