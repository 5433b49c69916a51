"""What the association workspace shows: the member table (model and filter) and the bar chart.

Column names and amounts follow the shared vocabulary; long headers are broken over lines rather than
cut with "…", and cells are given the room their texts need.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from desktop.engine import vocabulary
from desktop.engine.money import format_yuan
from desktop.policy.model import Lang
from desktop.workspace import MemberRow
from desktop.workspace.members import AmountColumn

ModelIndex = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
FIXED_COLUMNS = 4  # name, credit code, town, total
HEADER_LINE = 170  # pixels: a longer header is broken over lines at spaces (English) or between characters


def broken_lines(text: str, metrics: QFontMetrics, width: int = HEADER_LINE) -> str:
    """The text with line breaks so that no line is wider than `width` (a word longer than it stays whole)."""
    words = text.split(" ")
    lines: list[str] = []
    line = ""
    for word in words:
        candidate = f"{line} {word}" if line else word
        if metrics.horizontalAdvance(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        for char in word:  # Chinese has no spaces: break between characters
            if line and metrics.horizontalAdvance(line + char) > width and not word.isascii():
                lines.append(line)
                line = ""
            line += char
    if line:
        lines.append(line)
    return "\n".join(lines)


class MemberTableModel(QAbstractTableModel):
    """One row per member firm: who it is, its total, and its figure per amount item."""

    def __init__(self, lang: Lang = "zh", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lang: Lang = lang
        self.rows: list[MemberRow] = []
        self.columns: list[AmountColumn] = []
        self.metrics: QFontMetrics | None = None
        """The header's font metrics, for breaking long headers (set by the view's owner)."""

    def set_rows(self, rows: Sequence[MemberRow], columns: Sequence[AmountColumn]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.columns = list(columns)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else FIXED_COLUMNS + len(self.columns)

    def header_text(self, section: int) -> str:
        lang = self.lang
        if section < FIXED_COLUMNS:
            return (
                vocabulary.term("enterprise", lang),
                vocabulary.term("credit_code", lang),
                vocabulary.term("town", lang),
                vocabulary.with_unit("total", "yuan", lang),
            )[section]
        column = self.columns[section - FIXED_COLUMNS]
        return f"{vocabulary.article_term(column.article, column.article_label, lang)} {column.title.get(lang)}"

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802 (Qt API)
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = self.header_text(section)
            return broken_lines(text, self.metrics) if self.metrics is not None else text
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.header_text(section)
        return None

    def amount_at(self, row: int, column: int) -> Decimal | None:
        member = self.rows[row]
        if column == FIXED_COLUMNS - 1:
            return member.total
        return member.amount(self.columns[column - FIXED_COLUMNS].item_id)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        member = self.rows[index.row()]
        col = index.column()
        if col < FIXED_COLUMNS - 1:
            text = (member.name, member.credit_code, member.town)[col]
            if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
                return text
            if role == Qt.ItemDataRole.ToolTipRole:
                return member.source
            return None
        amount = self.amount_at(index.row(), col)
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if amount is None else format_yuan(amount)
        if role == SORT_ROLE:
            # A firm with no figure sorts below one with 0.00; floats order cents exactly at these magnitudes.
            return -1.0 if amount is None else float(amount)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def text_at(self, row: int, column: int) -> str:
        return str(self.data(self.index(row, column)) or "")


class MemberFilter(QSortFilterProxyModel):
    """Keeps the rows whose name, credit code or town contains the typed text (case-insensitive)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self.setSortRole(SORT_ROLE)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:  # noqa: N802 (Qt API)
        if not self._needle:
            return True
        model = self.sourceModel()
        assert isinstance(model, MemberTableModel)
        member = model.rows[source_row]
        return any(self._needle in value.casefold() for value in (member.name, member.credit_code, member.town))

    def visible_rows(self) -> list[MemberRow]:
        """The firms as shown: filtered and in the current sort order."""
        model = self.sourceModel()
        assert isinstance(model, MemberTableModel)
        return [model.rows[self.mapToSource(self.index(r, 0)).row()] for r in range(self.rowCount())]


@dataclass(frozen=True)
class Bar:
    label: str
    amount: Decimal
    firms: int


class BarChart(QWidget):
    """Horizontal bars, one per measure with a computed amount; drawn with QPainter (no web view, no Qt Charts).

    Each label gets the room it needs, wrapped over two lines where it is long (English titles), never cut."""

    BAR_HEIGHT = 22
    GAP = 8
    LABEL_WIDTH = 300
    VALUE_WIDTH = 230
    COLOUR = QColor("#2f6db5")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.lang: Lang = "zh"
        self.setMinimumHeight(120)

    def set_bars(self, bars: Sequence[Bar], lang: Lang = "zh") -> None:
        self.bars = list(bars)
        self.lang = lang
        self.updateGeometry()
        self.update()

    def _label_rect(self, label: str) -> QRect:
        flags = int(Qt.AlignmentFlag.AlignRight | Qt.TextFlag.TextWordWrap)
        return self.fontMetrics().boundingRect(QRect(0, 0, self.LABEL_WIDTH - 12, 1000), flags, label)

    def _row_height(self, bar: Bar) -> int:
        return max(self.BAR_HEIGHT, self._label_rect(bar.label).height() + 4)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        rows = sum(self._row_height(b) + self.GAP for b in self.bars)
        return QSize(self.LABEL_WIDTH + self.VALUE_WIDTH + 200, max(120, 40 + rows))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(self.LABEL_WIDTH + self.VALUE_WIDTH + 60, self.sizeHint().height())

    def value_text(self, bar: Bar) -> str:
        firms = QCoreApplication.translate("BarChart", "%n 家企业", "", bar.firms)
        return QCoreApplication.translate("BarChart", "{amount}（{firms}）").format(
            amount=vocabulary.large(bar.amount, self.lang), firms=firms
        )

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.fillRect(self.rect(), self.palette().base())
            painter.setPen(self.palette().text().color())
            if not self.bars:
                painter.drawText(
                    self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("导入企业后，这里按措施显示可测算金额合计")
                )
                return
            top = 20
            biggest = max((b.amount for b in self.bars), default=Decimal(0)) or Decimal(1)
            span = max(40, self.width() - self.LABEL_WIDTH - self.VALUE_WIDTH - 20)
            wrap = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap)
            for bar in self.bars:
                height = self._row_height(bar)
                painter.drawText(QRectF(4, top, self.LABEL_WIDTH - 12, height), wrap, bar.label)
                length = float(bar.amount / biggest) * span
                middle = top + (height - self.BAR_HEIGHT) / 2
                painter.fillRect(
                    QRectF(self.LABEL_WIDTH, middle + 3, max(length, 1.0), self.BAR_HEIGHT - 6), self.COLOUR
                )
                painter.drawText(
                    QRectF(self.LABEL_WIDTH + length + 6, top, self.VALUE_WIDTH, height),
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                    self.value_text(bar),
                )
                top += height + self.GAP
        finally:
            painter.end()
