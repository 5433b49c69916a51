"""The association workspace: many member firms in one table, totals per measure, a bar chart, exports.

The window only displays a `desktop.workspace.Workspace`; importing, aggregating and exporting are Qt-free
and live there. Message boxes and single-file dialogs go through `desktop.ui.messages`; choosing several
files or a folder goes through the two overridable methods `ask_answer_files` / `ask_folder`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.engine.money import format_wan, format_yuan
from desktop.policy.model import Lang
from desktop.policy.registry import PackRegistry, known_registry
from desktop.ui import messages
from desktop.ui.i18n import current_language
from desktop.workspace import Aggregate, ImportResult, MemberRow, Workspace, aggregate, import_answers_files
from desktop.workspace.export import export_csv, export_xlsx
from desktop.workspace.members import AmountColumn
from desktop.workspace.spreadsheet import read_workbook, write_template

ModelIndex = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
FIXED_COLUMNS = 4  # name, credit code, town, total


class MemberTableModel(QAbstractTableModel):
    """One row per member firm: who it is, its total, and its figure per amount item."""

    def __init__(self, lang: Lang = "zh", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lang: Lang = lang
        self.rows: list[MemberRow] = []
        self.columns: list[AmountColumn] = []

    def set_rows(self, rows: Sequence[MemberRow], columns: Sequence[AmountColumn]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.columns = list(columns)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else FIXED_COLUMNS + len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802 (Qt API)
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            fixed = [self.tr("企业名称"), self.tr("统一社会信用代码"), self.tr("所在镇街"), self.tr("合计（元）")]
            if section < FIXED_COLUMNS:
                return fixed[section]
            column = self.columns[section - FIXED_COLUMNS]
            return f"{column.article_label} {column.title.get(self.lang)}"
        if role == Qt.ItemDataRole.ToolTipRole and section >= FIXED_COLUMNS:
            return self.columns[section - FIXED_COLUMNS].title.get(self.lang)
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
    """Horizontal bars, one per measure with a computed amount; drawn with QPainter (no web view, no Qt Charts)."""

    BAR_HEIGHT = 22
    GAP = 8
    LABEL_WIDTH = 260
    COLOUR = QColor("#2f6db5")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.setMinimumHeight(120)

    def set_bars(self, bars: Sequence[Bar]) -> None:
        self.bars = list(bars)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(640, max(120, 40 + len(self.bars) * (self.BAR_HEIGHT + self.GAP)))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return self.sizeHint()

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
            value_width = 190
            span = max(40, self.width() - self.LABEL_WIDTH - value_width - 20)
            metrics = painter.fontMetrics()
            for bar in self.bars:
                y = top
                label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, self.LABEL_WIDTH - 12)
                painter.drawText(
                    QRectF(4, y, self.LABEL_WIDTH - 8, self.BAR_HEIGHT),
                    int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                    label,
                )
                length = float(bar.amount / biggest) * span
                painter.fillRect(QRectF(self.LABEL_WIDTH, y + 3, max(length, 1.0), self.BAR_HEIGHT - 6), self.COLOUR)
                value = self.tr("{amount}（{firms} 家企业）").format(amount=format_wan(bar.amount), firms=bar.firms)
                painter.drawText(
                    QRectF(self.LABEL_WIDTH + length + 6, y, value_width, self.BAR_HEIGHT),
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                    value,
                )
                top += self.BAR_HEIGHT + self.GAP
        finally:
            painter.end()


def write_summary_pdf(rows: Sequence[MemberRow], problems: Sequence[str], path: Path, lang: Lang, day: dt.date) -> None:
    """The association's summary PDF, drawn by the report package (the same summary a batch run prints)."""
    from desktop.report.batch_summary import SummaryRow, summary_bytes  # ReportLab loads only when asked for

    lines = [SummaryRow.of(r.assessment, r.source, lang) for r in rows]
    path.write_bytes(summary_bytes(lines, problems, lang=lang, dated=day))


class WorkspaceWindow(QDialog):
    """Member firms of an association: import, browse, compare, export."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        registry: PackRegistry | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        lang: Lang = "zh",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("协会工作区：会员企业汇总"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.resize(1100, 700)
        self._registry = registry
        self._today = today
        self.lang: Lang = lang
        self.workspace = Workspace()
        self.last_import = ImportResult()

        self.model = MemberTableModel(lang, self)
        self.proxy = MemberFilter(self)
        self.proxy.setSourceModel(self.model)

        self.buttons: dict[str, QPushButton] = {}
        toolbar = QHBoxLayout()
        for key, slot in (
            ("files", self._on_import_files),
            ("folder", self._on_import_folder),
            ("xlsx", self._on_import_xlsx),
            ("template", self._on_template),
            ("export_xlsx", self._on_export_xlsx),
            ("export_csv", self._on_export_csv),
            ("summary_pdf", self._on_summary_pdf),
        ):
            button = QPushButton(self)
            button.clicked.connect(slot)
            toolbar.addWidget(button)
            self.buttons[key] = button
        clear = QPushButton(self)
        clear.clicked.connect(self._on_clear)
        toolbar.addStretch(1)
        toolbar.addWidget(clear)
        self.buttons["clear"] = clear

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.set_text)
        self.filter_edit.textChanged.connect(self._update_status)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(FIXED_COLUMNS - 1, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setDefaultSectionSize(130)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)

        members_page = QWidget(self)
        members_layout = QVBoxLayout(members_page)
        members_layout.addWidget(self.filter_edit)
        members_layout.addWidget(self.table)

        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(4)
        self.tree.header().setDefaultSectionSize(140)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.chart = BarChart(self)
        chart_scroll = QScrollArea(self)
        chart_scroll.setWidgetResizable(True)
        chart_scroll.setWidget(self.chart)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.tree)
        splitter.addWidget(chart_scroll)

        self.problems_view = QPlainTextEdit(self)
        self.problems_view.setReadOnly(True)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(members_page, "")
        self.tabs.addTab(splitter, "")
        self.tabs.addTab(self.problems_view, "")

        self.status = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text of the window; called again on each language switch (QEvent.LanguageChange)."""
        self.setWindowTitle(self.tr("协会工作区：会员企业汇总"))
        texts = {
            "files": (self.tr("导入答卷文件…"), self.tr("选择一个或多个答卷文件（.json）")),
            "folder": (self.tr("导入文件夹…"), self.tr("导入文件夹（含子文件夹）中的全部答卷文件")),
            "xlsx": (self.tr("导入 Excel…"), self.tr("导入按模板填写的 Excel 表，每行一家企业")),
            "template": (self.tr("生成 Excel 模板…"), self.tr("生成供会员企业填写的 Excel 模板")),
            "export_xlsx": (self.tr("导出 Excel…"), self.tr("导出表格中当前显示的企业")),
            "export_csv": (self.tr("导出 CSV…"), self.tr("导出表格中当前显示的企业（UTF-8）")),
            "summary_pdf": (self.tr("导出汇总 PDF…"), self.tr("表格中当前显示的企业及其金额，附上次导入的问题")),
            "clear": (self.tr("清空"), self.tr("从表格中移除全部企业（不删除文件）")),
        }
        for key, (text, tip) in texts.items():
            self.buttons[key].setText(text)
            self.buttons[key].setToolTip(tip)
        self.filter_edit.setPlaceholderText(self.tr("按企业名称、统一社会信用代码或镇街筛选"))
        self.tree.setHeaderLabels(
            [self.tr("措施 / 支持项"), self.tr("符合条件企业数"), self.tr("可享服务企业数"), self.tr("金额合计（元）")]
        )
        self.tabs.setTabText(0, self.tr("会员企业"))
        self.tabs.setTabText(1, self.tr("按措施汇总"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.lang = current_language()
            self.model.lang = self.lang
            self.retranslate()
        super().changeEvent(event)

    # -- state -> widgets ----------------------------------------------------------------------------
    def registry(self) -> PackRegistry:
        """Read afresh unless one was given: a pack added meanwhile applies to the next import."""
        return self._registry if self._registry is not None else known_registry()

    def refresh(self) -> None:
        self.model.set_rows(self.workspace.rows, self.workspace.columns())
        for column, width in enumerate((260, 175, 90, 120)):
            self.table.setColumnWidth(column, width)
        self.aggregate = aggregate(self.workspace.rows)
        self._fill_tree(self.aggregate)
        self.chart.set_bars(
            [
                Bar(f"{m.article_label} {m.title.get(self.lang)}", m.amount, m.amount_firms)
                for m in self.aggregate.measures
                if m.amount > 0
            ]
        )
        self._fill_problems()
        has_rows = bool(self.workspace.rows)
        for key in ("export_xlsx", "export_csv", "summary_pdf"):
            if key in self.buttons:
                self.buttons[key].setEnabled(has_rows)
        self._update_status()

    def _fill_tree(self, totals: Aggregate) -> None:
        self.tree.clear()
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for measure in totals.measures:
            top = QTreeWidgetItem(
                [
                    f"{measure.article_label} {measure.title.get(self.lang)}",
                    str(measure.firms),
                    "",
                    format_yuan(measure.amount) if measure.has_amount_items else "",
                ]
            )
            for item in measure.items:
                child = QTreeWidgetItem(
                    [
                        item.title.get(self.lang),
                        str(item.firms) if item.kind != "service" else "",
                        str(item.service_firms) if item.kind == "service" else "",
                        format_yuan(item.amount) if item.kind == "amount" else "",
                    ]
                )
                for col in (1, 2, 3):
                    child.setTextAlignment(col, right)
                top.addChild(child)
            for col in (1, 2, 3):
                top.setTextAlignment(col, right)
            self.tree.addTopLevelItem(top)
        self.tree.expandAll()

    def _fill_problems(self) -> None:
        problems = self.workspace.problems
        lines: list[str] = []
        for problem in problems:
            lines.append(problem.source)
            lines.extend(f"    {p}" for p in problem.problems)
        self.problems_view.setPlainText("\n".join(lines) or self.tr("上次导入没有问题。"))
        self.tabs.setTabText(2, self.tr("导入问题（{count}）").format(count=len(problems)))

    def _update_status(self) -> None:
        shown = self.proxy.visible_rows()
        total = sum((r.total for r in shown), Decimal(0))
        self.status.setText(
            self.tr("显示 {shown} / {count} 家企业，可测算金额合计 {total} 元（{wan}）").format(
                shown=len(shown), count=len(self.workspace.rows), total=format_yuan(total), wan=format_wan(total)
            )
        )

    # -- actions (callable from tests without dialogs) -----------------------------------------------
    def import_paths(self, paths: Sequence[Path]) -> ImportResult:
        """Import answers files and folders of them; broken files are listed, the good ones join the table."""
        return self._take(import_answers_files(paths, self.registry(), self._today()))

    def import_workbook(self, path: Path) -> ImportResult:
        return self._take(read_workbook(path, self.registry(), self._today()))

    def _take(self, result: ImportResult) -> ImportResult:
        self.last_import = result
        replaced = self.workspace.add(result)
        self.refresh()
        text = self.tr("已导入 {count} 家企业。").format(count=len(result.rows))
        if replaced:
            text += self.tr("其中 {replaced} 家此前已导入，已用新数据替换。").format(replaced=replaced)
        if result.problems:
            text += self.tr("{problems} 个文件或行有问题，未导入，详见“导入问题”页。").format(
                problems=len(result.problems)
            )
            self.tabs.setCurrentIndex(2)
            messages.warning(self, self.tr("导入完成（有问题）"), text)
        else:
            messages.information(self, self.tr("导入完成"), text)
        return result

    # -- slots --------------------------------------------------------------------------------------
    def ask_answer_files(self) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("选择答卷文件"), "", self.tr("答卷文件 (*.json)"))
        return [Path(n) for n in names]

    def ask_folder(self) -> Path | None:
        name = QFileDialog.getExistingDirectory(self, self.tr("选择存放答卷文件的文件夹"))
        return Path(name) if name else None

    def _busy(self, action: Callable[[], object]) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            action()
        finally:
            QGuiApplication.restoreOverrideCursor()

    def _on_import_files(self) -> None:
        paths = self.ask_answer_files()
        if paths:
            self._busy(lambda: self.import_paths(paths))

    def _on_import_folder(self) -> None:
        folder = self.ask_folder()
        if folder is not None:
            self._busy(lambda: self.import_paths([folder]))

    def _on_import_xlsx(self) -> None:
        path = messages.open_file(self, self.tr("选择填好的 Excel 表"), self.tr("Excel 工作簿 (*.xlsx)"))
        if path is not None:
            self._busy(lambda: self.import_workbook(path))

    def _on_template(self) -> None:
        path = messages.save_file(
            self, self.tr("保存 Excel 模板"), self.tr("Excel 工作簿 (*.xlsx)"), self.tr("会员企业填报模板.xlsx")
        )
        if path is None:
            return
        try:
            pack = self.registry().for_date(self._today())
            write_template(pack, path)
        except LookupError as exc:
            messages.error(self, self.tr("无法生成模板"), str(exc.args[0] if exc.args else exc))
        except OSError as exc:
            messages.error(
                self, self.tr("无法保存"), self.tr("{file}：{reason}").format(file=path, reason=exc.strerror or exc)
            )
        else:
            messages.information(
                self,
                self.tr("模板已生成"),
                self.tr("模板已保存到 {file}（政策包 {pack} {version}）").format(
                    file=path, pack=pack.id, version=pack.version
                ),
            )

    def export_to(self, path: Path, kind: str) -> bool:
        rows = self.proxy.visible_rows()
        try:
            if kind == "csv":
                export_csv(rows, path, self.lang)
            else:
                export_xlsx(rows, path, self.lang)
        except OSError as exc:
            messages.error(
                self, self.tr("无法保存"), self.tr("{file}：{reason}").format(file=path, reason=exc.strerror or exc)
            )
            return False
        messages.information(
            self, self.tr("已导出"), self.tr("已导出 {count} 家企业到 {file}").format(count=len(rows), file=path)
        )
        return True

    def _on_export_xlsx(self) -> None:
        path = messages.save_file(
            self, self.tr("导出 Excel"), self.tr("Excel 工作簿 (*.xlsx)"), self.tr("会员企业汇总.xlsx")
        )
        if path is not None:
            self.export_to(path, "xlsx")

    def _on_export_csv(self) -> None:
        path = messages.save_file(self, self.tr("导出 CSV"), self.tr("CSV 文件 (*.csv)"), self.tr("会员企业汇总.csv"))
        if path is not None:
            self.export_to(path, "csv")

    def export_summary_pdf(self, path: Path) -> bool:
        rows = self.proxy.visible_rows()
        problems = [f"{p.source}: {'; '.join(p.problems)}" for p in self.workspace.problems]
        try:
            write_summary_pdf(rows, problems, path, self.lang, self._today())
        except OSError as exc:
            messages.error(
                self, self.tr("无法保存"), self.tr("{file}：{reason}").format(file=path, reason=exc.strerror or exc)
            )
            return False
        messages.information(
            self,
            self.tr("已导出"),
            self.tr("汇总 PDF（{count} 家企业）已保存到 {file}").format(count=len(rows), file=path),
        )
        return True

    def _on_summary_pdf(self) -> None:
        path = messages.save_file(
            self, self.tr("导出汇总 PDF"), self.tr("PDF 文件 (*.pdf)"), self.tr("会员企业汇总.pdf")
        )
        if path is not None:
            self._busy(lambda: self.export_summary_pdf(path))

    def _on_clear(self) -> None:
        if self.workspace.rows and not messages.question(
            self, self.tr("清空工作区"), self.tr("清空表格中的全部企业？（不会删除任何文件）")
        ):
            return
        self.workspace.clear()
        self.refresh()


def show_workspace(parent: QWidget | None = None, *, registry: PackRegistry | None = None) -> WorkspaceWindow:
    """Open the workspace beside the main window (not modal) and return it."""
    window = WorkspaceWindow(parent, registry=registry, lang=current_language())
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    window.show()
    window.raise_()
    return window
