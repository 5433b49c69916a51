"""The look of the window, set through fonts and palettes rather than style sheets.

Why not a style sheet: with one, Qt routes every widget through its style-sheet engine, and building
the questionnaire took two to three times as long (measured: 0.5 s against 0.2 s for all pages).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

ERROR = QColor("#b3261e")
MUTED = QColor("#555555")
NOT_ANSWERED = QColor("#888888")
ACCENT = QColor("#0b57d0")
INVALID_BASE = QColor("#fdecea")
WARNING_BACKGROUND = QColor("#fdecea")
WARNING_TEXT = QColor("#8a1c13")


def _text_colour(widget: QWidget, colour: QColor) -> None:
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, colour)
    palette.setColor(QPalette.ColorRole.ButtonText, colour)
    palette.setColor(QPalette.ColorRole.Text, colour)
    widget.setPalette(palette)


def _font(widget: QWidget, *, scale: float = 1.0, bold: bool = False, underline: bool = False) -> None:
    font = QFont(widget.font())
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    font.setUnderline(underline)
    widget.setFont(font)


def heading(label: QLabel) -> QLabel:
    _font(label, scale=1.4, bold=True)
    label.setContentsMargins(0, 2, 0, 8)
    return label


def bold(widget: QWidget) -> QWidget:
    _font(widget, bold=True)
    return widget


def muted(label: QLabel) -> QLabel:
    _text_colour(label, MUTED)
    return label


def not_answered(label: QLabel) -> QLabel:
    _text_colour(label, NOT_ANSWERED)
    return label


def error_text(label: QLabel) -> QLabel:
    _text_colour(label, ERROR)
    return label


def accent(widget: QWidget) -> QWidget:
    _text_colour(widget, ACCENT)
    return widget


def big_total(label: QLabel) -> QLabel:
    _font(label, scale=1.45, bold=True)
    _text_colour(label, ACCENT)
    return label


def link_button(button: QAbstractButton) -> QAbstractButton:
    """A flat button that reads as a link (修改 on the review page)."""
    _text_colour(button, ACCENT)
    _font(button, underline=True)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return button


def _banner(label: QLabel, background: QColor, text: QColor, *, bold: bool = True, margin: int = 8) -> QLabel:
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.Window, background)
    palette.setColor(QPalette.ColorRole.WindowText, text)
    label.setPalette(palette)
    label.setAutoFillBackground(True)
    label.setMargin(margin)
    _font(label, bold=bold)
    return label


def warning_banner(label: QLabel) -> QLabel:
    return _banner(label, WARNING_BACKGROUND, WARNING_TEXT)


INFO_BACKGROUND = QColor("#e8f0fe")
INFO_TEXT = QColor("#0b3d91")


def info_banner(label: QLabel) -> QLabel:
    """A calm banner (已定稿): information, not a warning."""
    return _banner(label, INFO_BACKGROUND, INFO_TEXT)


def info_note(label: QLabel) -> QLabel:
    """Information in a sentence or two (what a period means today): the calm banner's colours in regular
    weight and a narrow margin, so that it takes no more lines than it must."""
    return _banner(label, INFO_BACKGROUND, INFO_TEXT, bold=False, margin=5)


def steady(label: QLabel, lines: int = 1) -> QLabel:
    """A message line that keeps its room whether shown or hidden, at least `lines` tall: a message appearing
    never pushes the inputs below it away from where the clerk is about to click."""
    policy = label.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    label.setSizePolicy(policy)
    text = label.text()
    label.setText("\n".join(["Xg国"] * lines))  # i18n: a probe measured, never shown
    label.setMinimumHeight(label.sizeHint().height())
    label.setText(text)
    return label


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    """Tint an input whose content is refused; the reason is written under it."""
    palette = widget.palette()
    default = widget.style().standardPalette().color(QPalette.ColorRole.Base)
    palette.setColor(QPalette.ColorRole.Base, INVALID_BASE if invalid else default)
    widget.setPalette(palette)
