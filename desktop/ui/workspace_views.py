"""What the association workspace shows: the member table (model and filter) and the bar chart.

Column names and amounts follow the shared vocabulary; long headers are broken over lines rather than
cut with "…", and cells are given the room their texts need. Beside each firm's total: what its items to
confirm would bring (另有待确认) and the soonest window among the items it applies for, with its days left.
"""

from __future__ import annotations

import datetime as dt
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
from desktop.engine.application import Deadline, next_deadline
from desktop.engine.money import format_yuan
from desktop.policy.model import Lang
from desktop.policy.towns import shown_town
from desktop.ui.plain import tip
from desktop.workspace import MemberRow
from desktop.workspace.members import AmountColumn

ModelIndex = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
# name, credit code, town, total, to confirm besides, the soonest window, its days left; then one per item
TOTAL_COLUMN = 3
PENDING_COLUMN = 4
DEADLINE_COLUMN = 5
DAYS_COLUMN = 6
FIXED_COLUMNS = 7
HEADER_LINE = 170  # pixels: a longer header is broken over lines at spaces (English) or between characters
NARROW_HEADER = 110  # pixels: the title of a narrow column goes over two lines beyond this


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


def two_lines(text: str, metrics: QFontMetrics, width: int) -> str:
    """A column title wider than `width` in two lines: before its unit ("另有待确认\n（元）") where both lines
    then fit, else where the two lines come out about as wide (at a space, or between two Chinese characters
    outside brackets: "差一项条件\n的企业数")."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    unit: str | None = None
    best: tuple[int, str] | None = None
    depth = 0
    for i, char in enumerate(text):
        if char in "）)":  # i18n: brackets, not a text shown
            depth -= 1
            continue
        opening = char in "（("  # i18n: brackets, not a text shown
        if i and depth == 0 and (char == " " or opening or (_ideograph(char) and _ideograph(text[i - 1]))):
            head, tail = text[:i].rstrip(), text[i:].lstrip()
            wider = max(metrics.horizontalAdvance(head), metrics.horizontalAdvance(tail))
            if opening and wider <= width:
                unit = f"{head}\n{tail}"
            if best is None or wider <= best[0]:
                best = (wider, f"{head}\n{tail}")
        if opening:
            depth += 1
    return unit or (text if best is None else best[1])


def _ideograph(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"  # i18n: the range of Chinese characters, not a text


class MemberTableModel(QAbstractTableModel):
    """One row per member firm: who it is, its total, what is to confirm, its soonest window, and its figure
    per amount item."""

    def __init__(self, lang: Lang = "zh", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lang: Lang = lang
        self.rows: list[MemberRow] = []
        self.columns: list[AmountColumn] = []
        self.deadlines: list[Deadline | None] = []
        self.metrics: QFontMetrics | None = None
        """The header's font metrics, for breaking long headers (set by the view's owner)."""

    def set_rows(self, rows: Sequence[MemberRow], columns: Sequence[AmountColumn], today: dt.date) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.columns = list(columns)
        self.deadlines = [next_deadline(r.assessment, today) for r in self.rows]
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
                vocabulary.with_unit("pending", "yuan", lang),
                vocabulary.term("deadline", lang),
                vocabulary.term("days_left", lang),
            )[section]
        column = self.columns[section - FIXED_COLUMNS]
        return f"{vocabulary.article_term(column.article, column.article_label, lang)} {column.title.get(lang)}"

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802 (Qt API)
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = self.header_text(section)
            if self.metrics is None:
                return text
            if section == PENDING_COLUMN:  # a column of figures mostly empty: its title in two lines
                return two_lines(text, self.metrics, NARROW_HEADER)
            return broken_lines(text, self.metrics)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(self.header_text(section))
        return None

    def amount_at(self, row: int, column: int) -> Decimal | None:
        member = self.rows[row]
        if column == TOTAL_COLUMN:
            return member.total
        if column == PENDING_COLUMN:
            a = member.assessment
            return a.pending_total if a.to_confirm() else None
        return member.amount(self.columns[column - FIXED_COLUMNS].item_id)

    def _window_data(self, row: int, col: int, role: int) -> Any:
        when = self.deadlines[row]
        if role == Qt.ItemDataRole.DisplayRole:
            if when is None:
                return ""
            return when.cell(self.lang) if col == DEADLINE_COLUMN else when.days_cell()
        if role == SORT_ROLE:  # the soonest first; firms without a window last
            if when is None:
                return float("inf")
            if col == DEADLINE_COLUMN:
                rank, day = when.order
                return float(rank * 10_000_000 + day)
            return float("inf") if when.days_left is None else float(when.days_left)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == DAYS_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        member = self.rows[index.row()]
        col = index.column()
        if col < TOTAL_COLUMN:
            text = (member.name, member.credit_code, shown_town(member.town, self.lang))[col]
            if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
                return text
            if role == Qt.ItemDataRole.ToolTipRole:
                return tip(member.source)
            return None
        if col in (DEADLINE_COLUMN, DAYS_COLUMN):
            return self._window_data(index.row(), col, role)
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
        shown = (member.name, member.credit_code, shown_town(member.town, model.lang))
        return any(self._needle in value.casefold() for value in shown)

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
