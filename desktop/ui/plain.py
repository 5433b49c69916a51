"""Text from outside shown as text, never as markup: the one way the window puts such text on screen.

A pack's title, a guide's round, contact or note, a firm name from an answers file or a spreadsheet, a
file name, whatever the user typed: Qt would read any of them as HTML where it guesses "rich text"
(`Qt.mightBeRichText`: something like a tag before the first line break). A `<a href="file:///…">`
in a guide then became a link that a message box opened with the system's handler, and a firm name
`<b>…</b><img src=…>` showed bold with a broken image. So:

- labels: `PlainLabel` (or `label(...)`), a QLabel that never interprets its text, whatever is set later;
  a QFormLayout row gets one (`form_row`) instead of the QLabel that `addRow(str, …)` would make;
- message boxes: `message_box(...)` (desktop.ui.dialogs builds every box with it): plain text, and no
  link in it is opened;
- tooltips (widgets, tree and table items, model `ToolTipRole`, combo items): `tip(text)`;
- rich-text views (the glossary) and rich tooltips the program composes: `html(text)` for each piece of
  outside text put into the markup;
- table and tree cells, buttons, tabs, group titles, window titles, combo items: Qt shows them as plain
  text already; nothing to do;
- opening anything outside the program: only `open_folder(path)`, for a folder the program itself wrote
  a file into. No label or box opens links.

tests/ui/test_markup.py walks every widget class the program uses with a markup payload.
"""

from __future__ import annotations

import html as _html
from pathlib import Path
from typing import overload

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QResizeEvent, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QFormLayout, QLabel, QMessageBox, QSizePolicy, QWidget


class PlainLabel(QLabel):
    """A QLabel whose text is always plain text (never HTML), with links neither shown nor opened."""

    @overload
    def __init__(self, parent: QWidget | None = None, /) -> None: ...
    @overload
    def __init__(self, text: str, parent: QWidget | None = None, /) -> None: ...
    def __init__(self, first: str | QWidget | None = None, parent: QWidget | None = None, /) -> None:
        if isinstance(first, QWidget):
            parent = first
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setOpenExternalLinks(False)
        if isinstance(first, str) and first:
            self.setText(first)


class ElidedLabel(PlainLabel):
    """One line of plain text cut with "…" to the room the layout gives it (which the text never widens),
    the whole text in its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(tip(text))
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        line = " ".join(self._full.split())
        self.setText(self.fontMetrics().elidedText(line, Qt.TextElideMode.ElideRight, max(self.width(), 40)))


def label(text: str = "", parent: QWidget | None = None) -> PlainLabel:
    """A plain-text label (the same as `PlainLabel(text, parent)`)."""
    return PlainLabel(text, parent)


def form_row(form: QFormLayout, text: str, field: QWidget) -> PlainLabel:
    """`form.addRow(text, field)` with a plain-text label (addRow(str, …) makes a label that reads HTML)."""
    row_label = PlainLabel(text, form.parentWidget())
    form.addRow(row_label, field)
    return row_label


def html(text: str) -> str:
    """`text` escaped for a place that reads HTML: shows exactly as written, line breaks kept."""
    return _html.escape(text, quote=True).replace("\n", "<br>")


def tip(text: str) -> str:
    """A tooltip that shows `text` as written. Qt reads a tooltip as HTML when it looks like markup; such
    text is escaped into a paragraph that keeps its spaces and line breaks. Other text is returned as it is."""
    if not text or not GuiQt.mightBeRichText(text):
        return text
    return '<p style="white-space:pre-wrap">' + _html.escape(text, quote=False) + "</p>"


def shown(text: str) -> str:
    """What Qt shows for `text` in a place that guesses the format (a tooltip, a QLabel left at AutoText):
    the text itself, or what is left of it once read as HTML. Tests compare it with what was meant."""
    if not GuiQt.mightBeRichText(text):
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def message_box(
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.NoButton,
    parent: QWidget | None = None,
) -> QMessageBox:
    """A message box that shows `text` as plain text and opens no link (QMessageBox's own statics guess
    the format and open links with the system's handler)."""
    box = QMessageBox(icon, title, "", buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    for child in box.findChildren(QLabel):
        child.setOpenExternalLinks(False)
    return box


def open_folder(path: Path) -> bool:
    """Open a folder the program wrote into, in the system's file manager. Nothing else is ever opened:
    not a file, not a link from text; a path that is not an existing folder is refused."""
    folder = Path(path)
    if not folder.is_dir():
        return False
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder.resolve())))
