"""Tree rows as tall as their wrapped text.

QTreeView asks its delegate for a row's size without saying how wide the column is, so a long item title
gets one line and is cut with "…" even with word wrap on. This delegate measures each cell at the width
it really has, and the view lays its rows out again whenever a column is resized.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeView


class WrappingDelegate(QStyledItemDelegate):
    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view
        view.setWordWrap(True)
        view.setUniformRowHeights(False)
        view.setItemDelegate(self)
        view.header().sectionResized.connect(lambda *_: view.doItemsLayout())

    def _width(self, index: QModelIndex | QPersistentModelIndex) -> int:
        view = self._view
        parent = index.parent()
        if index.column() == 0 and view.isFirstColumnSpanned(index.row(), parent):
            width = view.viewport().width()
        else:
            width = view.columnWidth(index.column())
        if index.column() == 0:  # the tree's indentation and the branch arrow take their share
            depth = 0
            while parent.isValid():
                depth += 1
                parent = parent.parent()
            width -= view.indentation() * (depth + (1 if view.rootIsDecorated() else 0))
        return max(width, 20)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        """As wide as the text on one line (what a column sized to its contents needs), as tall as the
        text wrapped at the column's present width."""
        measured = QStyleOptionViewItem(option)
        self.initStyleOption(measured, index)
        view = self._view
        style = view.style()
        natural = style.sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, measured, QSize(), view)
        width = self._width(index)
        if natural.width() <= width:
            return natural  # fits on one line: no second measurement
        measured.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        measured.rect = QRect(0, 0, width, 1)
        wrapped = style.sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, measured, QSize(), view)
        return QSize(natural.width(), max(natural.height(), wrapped.height()))
