"""What the association workspace shows: the member table (model and filter) and the bar chart.

Column names and amounts follow the shared vocabulary; long headers are broken over lines rather than
cut with "…", and cells are given the room their texts need. Beside each firm's total: what its items to
confirm would bring (另有待确认) and the soonest window among the items it applies for, with its days left.
"""

from __future__ import annotations

import datetime as dt
import heapq
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

from desktop.money import format_yuan
from desktop.policy.model import Lang
from desktop.policy.towns import shown_town
from desktop.ui.plain import tip
from desktop.wording import vocabulary
from desktop.wording.applying import Deadline, next_deadline
from desktop.workspace import Aggregate, MemberRow, aggregate
from desktop.workspace.aggregate import WindowTotal, windows
from desktop.workspace.members import AmountColumn, amount_columns, shown_source

ModelIndex = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
# name, credit code, town, total, to confirm besides, the soonest window, its days left; then one per item
TOTAL_COLUMN = 3
PENDING_COLUMN = 4
DEADLINE_COLUMN = 5
DAYS_COLUMN = 6
FIXED_COLUMNS = 7
FILING_COLUMNS = 3  # after the items' figures: documents ready of those to prepare, the claims, what was paid
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


@dataclass(frozen=True)
class MemberCells:
    """The member table's texts and sort keys, worked out once per change of the members (off the window's
    thread for a large workspace, desktop.ui.workspace_window): the model and its filter only look them up,
    and sorting 5,000 rows is one Python sort instead of some 120,000 calls from Qt into the model."""

    rows: tuple[MemberRow, ...] = ()
    columns: tuple[AmountColumn, ...] = ()
    deadlines: tuple[Deadline | None, ...] = ()
    texts: tuple[tuple[str, ...], ...] = ()
    """Per row, per column: the text shown."""
    keys: tuple[tuple[str | float, ...], ...] = ()
    """Per column, per row: what the column sorts by."""
    needles: tuple[str, ...] = ()
    """Per row: name, credit code and town, case-folded, as the filter searches them."""
    widest: tuple[tuple[str, ...], ...] = ()
    """Per column: the few texts that take the most room (the column is made as wide as the widest)."""


WIDEST_KEPT = 4


def _room(text: str) -> int:
    """About how wide a text is (a Chinese character as two digits): to pick the texts worth measuring."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0x2E7F)


def member_cells(rows: Sequence[MemberRow], columns: Sequence[AmountColumn], today: dt.date, lang: Lang) -> MemberCells:
    """No Qt here: runs on any thread."""
    deadlines = tuple(next_deadline(r.assessment, today) for r in rows)
    texts: list[tuple[str, ...]] = []
    keys: list[list[str | float]] = [[] for _ in range(FIXED_COLUMNS + len(columns) + FILING_COLUMNS)]
    filing = FIXED_COLUMNS + len(columns)
    needles: list[str] = []
    for row, when in zip(rows, deadlines, strict=True):
        a = row.assessment
        town = shown_town(row.town, lang)
        pending = a.pending_total if a.to_confirm() else None
        amounts = [row.total, pending, *(row.amount(c.item_id) for c in columns)]
        shown = ["" if amount is None else format_yuan(amount) for amount in amounts]
        deadline_text, days_text = ("", "") if when is None else (when.cell(lang), when.days_cell())
        documents, paid = row.documents, row.paid
        applications = (
            f"{documents.have}/{documents.total}" if documents.total else "",
            row.claims_text(lang),
            "" if paid is None else format_yuan(paid),
        )
        texts.append((row.name, row.credit_code, town, *shown[:2], deadline_text, days_text, *shown[2:], *applications))
        needles.append("\n".join((row.name, row.credit_code, town)).casefold())
        for col, value in enumerate((row.name, row.credit_code, town)):
            keys[col].append(value)
        # a firm with no figure sorts below one with 0.00; floats order cents exactly at these magnitudes
        figures = [-1.0 if amount is None else float(amount) for amount in amounts]
        keys[TOTAL_COLUMN].append(figures[0])
        keys[PENDING_COLUMN].append(figures[1])
        for col, figure in enumerate(figures[2:], start=FIXED_COLUMNS):
            keys[col].append(figure)
        keys[filing].append(documents.have / documents.total if documents.total else -1.0)
        keys[filing + 1].append(applications[1])
        keys[filing + 2].append(-1.0 if paid is None else float(paid))
        # the soonest first; firms without a window last
        if when is None:
            keys[DEADLINE_COLUMN].append(float("inf"))
            keys[DAYS_COLUMN].append(float("inf"))
        else:
            rank, day = when.order
            keys[DEADLINE_COLUMN].append(float(rank * 10_000_000 + day))
            keys[DAYS_COLUMN].append(float("inf") if when.days_left is None else float(when.days_left))
    widest = tuple(tuple(heapq.nlargest(WIDEST_KEPT, {t[col] for t in texts}, key=_room)) for col in range(len(keys)))
    return MemberCells(
        tuple(rows), tuple(columns), deadlines, tuple(texts), tuple(tuple(k) for k in keys), tuple(needles), widest
    )


class MemberTableModel(QAbstractTableModel):
    """One row per member firm: who it is, its total, what is to confirm, its soonest window, and its figure
    per amount item. It sorts itself (`sort`, by the keys of `MemberCells`); the filter above it does not."""

    def __init__(self, lang: Lang = "zh", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lang: Lang = lang
        self.cells = MemberCells()
        self.order: list[int] = []
        """Row of the model -> row of `cells`, in the order of the sort."""
        self.rows: list[MemberRow] = []
        """The firms in the model's (sorted) order."""
        self.needles: list[str] = []
        self.sort_column = -1
        self.sort_order = Qt.SortOrder.AscendingOrder
        self.metrics: QFontMetrics | None = None
        """The header's font metrics, for breaking long headers (set by the view's owner)."""

    @property
    def columns(self) -> list[AmountColumn]:
        return list(self.cells.columns)

    @property
    def deadlines(self) -> list[Deadline | None]:
        return [self.cells.deadlines[i] for i in self.order]

    def set_rows(self, rows: Sequence[MemberRow], columns: Sequence[AmountColumn], today: dt.date) -> None:
        self.set_cells(member_cells(rows, columns, today, self.lang))

    def set_cells(self, cells: MemberCells) -> None:
        self.beginResetModel()
        self.cells = cells
        self._arrange(self._sorted())
        self.endResetModel()

    def _arrange(self, order: list[int]) -> None:
        self.order = order
        self.rows = [self.cells.rows[i] for i in order]
        self.needles = [self.cells.needles[i] for i in order]

    def _sorted(self) -> list[int]:
        count = len(self.cells.rows)
        if not 0 <= self.sort_column < len(self.cells.keys):
            return list(range(count))
        keys = self.cells.keys[self.sort_column]
        descending = self.sort_order == Qt.SortOrder.DescendingOrder
        return sorted(range(count), key=keys.__getitem__, reverse=descending)  # stable, as Qt's own sort

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column, self.sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        before = self.order
        after = self._sorted()
        moved_to = {cell: row for row, cell in enumerate(after)}
        kept = self.persistentIndexList()
        self.changePersistentIndexList(
            kept, [self.index(moved_to[before[i.row()]], i.column()) if i.isValid() else i for i in kept]
        )
        self._arrange(after)
        self.layoutChanged.emit()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else len(self.order)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else FIXED_COLUMNS + len(self.cells.columns) + FILING_COLUMNS

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
        filing = section - FIXED_COLUMNS - len(self.cells.columns)
        if filing >= 0:
            return (
                vocabulary.term("documents_ready", lang),
                vocabulary.term("claim", lang),
                vocabulary.with_unit("paid", "yuan", lang),
            )[filing]
        column = self.cells.columns[section - FIXED_COLUMNS]
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
        return member.amount(self.cells.columns[column - FIXED_COLUMNS].item_id)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cell, col = self.order[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells.texts[cell][col]
        if role == SORT_ROLE:
            return self.cells.keys[col][cell]
        filing = col - FIXED_COLUMNS - len(self.cells.columns)
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= TOTAL_COLUMN and col != DEADLINE_COLUMN:
            if filing == 1:  # the claims are words
                return None
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col < TOTAL_COLUMN:
            return tip(shown_source(self.cells.rows[cell].source, self.lang))
        if role == Qt.ItemDataRole.ToolTipRole and filing == 0:
            return tip(self.cells.rows[cell].documents.text().get(self.lang))
        return None

    def text_at(self, row: int, column: int) -> str:
        return str(self.data(self.index(row, column)) or "")


class MemberFilter(QSortFilterProxyModel):
    """Keeps the rows whose name, credit code or town contains the typed text (case-insensitive). The rows
    come sorted by the model below (`sort` is handed to it): this proxy only leaves rows out."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self.setSortRole(SORT_ROLE)

    def _members(self) -> MemberTableModel:
        model = self.sourceModel()
        assert isinstance(model, MemberTableModel)
        return model

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._members().sort(column, order)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:  # noqa: N802 (Qt API)
        return not self._needle or self._needle in self._members().needles[source_row]

    def shown_rows(self) -> list[MemberRow]:
        """The firms shown, in the model's order, found without asking Qt about each row."""
        model = self._members()
        if not self._needle:
            return list(model.rows)
        return [row for row, needle in zip(model.rows, model.needles, strict=True) if self._needle in needle]

    def visible_rows(self) -> list[MemberRow]:
        """The firms as shown: filtered and in the current sort order."""
        return self.shown_rows()


@dataclass(frozen=True)
class WorkspaceView:
    """Everything the window shows of a workspace's members, worked out in one go (off the window's thread
    for a large workspace): the table's cells, the per-measure totals, the windows per item."""

    cells: MemberCells
    totals: Aggregate
    windows: list[WindowTotal]


def workspace_view(rows: Sequence[MemberRow], today: dt.date, lang: Lang) -> WorkspaceView:
    """No Qt here: runs on any thread."""
    listed = list(rows)
    return WorkspaceView(
        member_cells(listed, amount_columns(listed), today, lang), aggregate(listed), windows(listed, today)
    )


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
        # No fixed minimum height: the scroll area around the chart then squeezed it to its own height and
        # the last bars were cut off, with no scroll bar to reach them (1280×720). `minimumSizeHint` asks
        # for every bar's room, so the scroll area scrolls instead.

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
