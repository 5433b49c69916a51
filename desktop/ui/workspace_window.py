"""The association workspace: many member firms in one table, totals per measure, a bar chart, exports.

The per-measure tab says, beside what the firms may claim, what their items to confirm would bring and what
the firms one condition away from an item could unlock (grouped by the condition, from each firm's own
opportunities); the windows tab lists per item and window how many firms apply, by when and how.

Kept in the database as named workspaces (`desktop.store.workspaces`): an association comes back the next
day to its members' table, and several trainings or member lists each have their own. Reading files runs
off the window's thread (`desktop.ui.background`) with a progress bar and 取消; nothing read is dropped
without a question (a firm imported again, an import stopped half way, closing while a list lives only in
memory because the database could not be opened).

The window only displays a `desktop.workspace.Workspace`; importing, aggregating and exporting are Qt-free
and live there. Message boxes and file dialogs go through `desktop.ui.dialogs`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEvent, QEventLoop, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.later import later
from desktop.money import format_yuan
from desktop.policy.guide_registry import GuideRegistry, known_guides
from desktop.policy.guides import Contact
from desktop.policy.model import Lang
from desktop.policy.registry import PackRegistry, known_registry
from desktop.problems import ProblemError, problem_of
from desktop.settings import WORKSPACE, settings
from desktop.store.errors import StoreError
from desktop.ui import dialogs
from desktop.ui.background import Job, in_process, keep_out_of_collections
from desktop.ui.i18n import current_language
from desktop.ui.plain import PlainLabel, tip
from desktop.ui.said import for_clerk_all, report_error, report_write_error
from desktop.ui.screen_fit import fit_window
from desktop.ui.workspace_views import (
    FIXED_COLUMNS,
    TOTAL_COLUMN,
    Bar,
    BarChart,
    MemberCells,
    MemberFilter,
    MemberTableModel,
    WorkspaceView,
    two_lines,
    workspace_view,
)
from desktop.ui.wrapping import WrappingDelegate
from desktop.wording import vocabulary
from desktop.wording.applying import contact_text
from desktop.wording.problems import words
from desktop.workspace import Aggregate, ImportResult, MemberRow, Workspace, import_answers_files
from desktop.workspace.aggregate import ItemTotal, MeasureTotal, Unlock, WindowTotal
from desktop.workspace.export import export_csv, export_xlsx
from desktop.workspace.members import members_from_data, shown_source
from desktop.workspace.spreadsheet import read_workbook, write_template

if TYPE_CHECKING:
    from desktop.report import batch_summary
    from desktop.store import workspaces as stored_workspaces
    from desktop.store.workspaces import Workspaces
else:
    batch_summary = later("desktop.report.batch_summary")  # ReportLab: only when a summary is drawn
    stored_workspaces = later("desktop.store.workspaces")  # SQLAlchemy: the window works without a database too

__all__ = ["FIXED_COLUMNS", "TOTAL_COLUMN", "BarChart", "WorkspaceWindow", "show_workspace", "write_summary_pdf"]

TREE_COLUMNS = ("item", "firms", "service_firms", "amount", "to_confirm_firms", "pending", "unlock_firms", "unlock")
"""The per-measure tab's columns (a measure, its items, and under an item the conditions that would unlock it)."""
WINDOW_COLUMNS = ("item", "applying_firms", "to_confirm_firms", "amount", "deadline", "days_left", "channel", "contact")
"""The windows tab's columns: one line per item and window."""
HEADER_WIDTH = 110  # pixels: a longer column title of the two trees is broken into two lines
COLUMN_GAP = 14  # pixels between the figures of two columns
BACKGROUND_FROM = 400
"""Members from which the table, the totals and the windows are worked out off the window's thread (5,000
members took several seconds); fewer are shown at once."""
PAGES = -1
"""The `total` of a progress report that counts pages laid out (their number is known only at the end)."""


def write_summary_pdf(
    rows: Sequence[MemberRow],
    problems: Sequence[str],
    path: Path,
    lang: Lang,
    day: dt.date,
    *,
    on_page: Callable[[int], None] | None = None,
) -> None:
    """The association's summary PDF, drawn by the report package (the same summary a batch run prints)."""
    lines = [batch_summary.SummaryRow.of(r.assessment, shown_source(r.source, lang), lang, day) for r in rows]
    batch_summary.write_summary_file(lines, problems, str(path), lang, day, on_page)


HOTLINE = "12345"
"""The city's government service hotline, which reaches every bureau (the guides name it where a bureau's
notices give no number of its own)."""
NAMED_FIRMS = 8
"""Firms named one per line in a question; the rest are counted."""


def _named(rows: Sequence[MemberRow], lang: Lang) -> str:
    """Which firms a question is about: their names (or codes), a few per line, then how many more."""
    names = [row.name or row.credit_code or shown_source(row.source, lang) for row in rows[:NAMED_FIRMS]]
    more = len(rows) - len(names)
    if more > 0:
        names.append(QCoreApplication.translate("WorkspaceWindow", "……另有 %n 家", "", more))
    return "\n".join(f"  {name}" for name in names)


class WorkspaceWindow(QDialog):
    """Member firms of an association: import, browse, compare, export; kept in the database."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        registry: PackRegistry | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        lang: Lang = "zh",
        workspaces: Workspaces | None = None,
        guides: GuideRegistry | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        fit_window(self, 1320, 720)  # the member table: who, the figures, by when; the rest scrolls
        self._registry = registry
        self._guides = guides
        self._today = today
        self.lang: Lang = lang
        self.store = workspaces
        """The database's workspaces; None when it could not be opened (the table then lives in memory)."""
        self.workspace_id: int | None = None
        self.workspace = Workspace()
        self.last_import = ImportResult()
        self.job: Job | None = None
        self._then: Callable[[Any], None] = self._take
        self._failed: Callable[[str], None] | None = None
        self.background_from = BACKGROUND_FROM
        self._closing = False

        self.model = MemberTableModel(lang, self)
        self.proxy = MemberFilter(self)
        self.proxy.setSourceModel(self.model)

        # which workspace
        self.chooser = QComboBox(self)
        self.chooser.setMinimumContentsLength(18)
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.chooser.activated.connect(self._chosen)
        self.chooser_label = PlainLabel(self)
        self.chooser_label.setBuddy(self.chooser)
        self.buttons: dict[str, QPushButton] = {}
        choose_row = QHBoxLayout()
        choose_row.addWidget(self.chooser_label)
        choose_row.addWidget(self.chooser)
        for key, slot in (("new", self._on_new), ("rename", self._on_rename), ("delete", self._on_delete)):
            choose_row.addWidget(self._button(key, slot))
        choose_row.addStretch(1)

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
            toolbar.addWidget(self._button(key, slot))
        toolbar.addStretch(1)
        toolbar.addWidget(self._button("clear", self._on_clear))

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.set_text)
        self.filter_edit.textChanged.connect(self._update_status)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(TOTAL_COLUMN, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.verticalHeader().setVisible(False)
        self.model.metrics = self.table.horizontalHeader().fontMetrics()

        members_page = QWidget(self)
        members_layout = QVBoxLayout(members_page)
        members_layout.addWidget(self.filter_edit)
        members_layout.addWidget(self.table)

        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(len(TREE_COLUMNS))
        WrappingDelegate(self.tree)  # long measure titles (English) wrap instead of ending in "…"
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.chart = BarChart(self)
        chart_scroll = QScrollArea(self)
        chart_scroll.setWidgetResizable(True)
        chart_scroll.setWidget(self.chart)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.tree)
        splitter.addWidget(chart_scroll)

        self.windows_tree = QTreeWidget(self)
        self.windows_tree.setColumnCount(len(WINDOW_COLUMNS))
        self.windows_tree.setRootIsDecorated(False)
        WrappingDelegate(self.windows_tree)
        header = self.windows_tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

        self.problems_view = QPlainTextEdit(self)
        self.problems_view.setReadOnly(True)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(members_page, "")
        self.tabs.addTab(splitter, "")
        self.tabs.addTab(self.windows_tree, "")
        self.tabs.addTab(self.problems_view, "")

        # an empty workspace says what to do instead of showing an empty table
        self.empty = PlainLabel(self)
        self.empty.setObjectName("workspaceEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = QStackedWidget(self)
        self.body.addWidget(self.tabs)
        self.body.addWidget(self.empty)

        self.progress = QProgressBar(self)
        self.progress_label = PlainLabel(self)
        self.cancel_button = QPushButton(self)
        self.cancel_button.clicked.connect(self.cancel_job)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_label)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        self.progress_box = QWidget(self)
        self.progress_box.setLayout(progress_row)
        self.progress_box.hide()

        self.status = PlainLabel(self)
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(choose_row)
        layout.addLayout(toolbar)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.progress_box)
        layout.addWidget(self.status)
        self.retranslate()
        self._open_remembered()

    def _button(self, key: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(self)
        button.clicked.connect(slot)
        self.buttons[key] = button
        return button

    def retranslate(self) -> None:
        """Every text of the window; called again on each language switch (QEvent.LanguageChange)."""
        self.setWindowTitle(self.tr("协会工作区：会员企业汇总"))
        texts = {
            "new": (self.tr("新建工作区…"), self.tr("另建一个工作区（例如另一次培训的会员企业）")),
            "rename": (self.tr("重命名…"), self.tr("更改当前工作区的名称")),
            "delete": (self.tr("删除工作区…"), self.tr("删除当前工作区及其中的企业（不删除任何文件）")),
            "files": (self.tr("导入答卷文件…"), self.tr("选择一个或多个答卷文件（.json）")),
            "folder": (self.tr("导入文件夹…"), self.tr("导入文件夹（含子文件夹）中的全部答卷文件")),
            "xlsx": (self.tr("导入 Excel…"), self.tr("导入按模板填写的 Excel 表，每行一家企业")),
            "template": (self.tr("生成 Excel 模板…"), self.tr("生成供会员企业填写的 Excel 模板")),
            "export_xlsx": (self.tr("导出 Excel…"), self.tr("导出表格中当前显示的企业")),
            "export_csv": (self.tr("导出 CSV…"), self.tr("导出表格中当前显示的企业（UTF-8）")),
            "summary_pdf": (self.tr("导出汇总 PDF…"), self.tr("表格中当前显示的企业及其金额，附上次导入的问题")),
            "clear": (self.tr("清空"), self.tr("从工作区中移除全部企业（不删除文件）")),
        }
        for key, (text, hint) in texts.items():
            self.buttons[key].setText(text)
            self.buttons[key].setToolTip(hint)
        self.chooser_label.setText(self.tr("工作区(&W)："))
        self.cancel_button.setText(self.tr("取消"))
        self.filter_edit.setPlaceholderText(self.tr("按企业名称、统一社会信用代码或镇街筛选"))
        self._set_headers(self.tree, [self._column_title(k) for k in TREE_COLUMNS])
        self._set_headers(self.windows_tree, [self._column_title(k) for k in WINDOW_COLUMNS])
        self.tabs.setTabText(0, self.tr("会员企业"))
        self.tabs.setTabText(1, self.tr("按措施汇总"))
        self.tabs.setTabText(2, self.tr("申报窗口"))
        self.empty.setText(
            self.tr(
                "这个工作区还没有会员企业。\n\n点“导入答卷文件…”或“导入文件夹…”读入会员企业的答卷；"
                "或点“生成 Excel 模板…”，请会员企业填好后用“导入 Excel…”读入。\n"
                "导入的企业保存在本机数据库中，下次打开时仍在这里。"
            )
        )
        self.refresh()

    def _column_title(self, key: str) -> str:
        lang, term = self.lang, vocabulary.term
        titles = {
            "item": f"{term('article', lang)} / {term('item', lang)}",
            "firms": self.tr("符合条件企业数"),
            "service_firms": self.tr("可享服务企业数"),
            "amount": vocabulary.with_unit("amount", "yuan", lang),
            "to_confirm_firms": term("firms_to_confirm", lang),
            "pending": vocabulary.with_unit("pending", "yuan", lang),
            "unlock_firms": self.tr("差一项条件的企业数"),
            "unlock": self.tr("最多可增加（元）"),
            "applying_firms": term("applying_firms", lang),
            "deadline": term("deadline", lang),
            "days_left": term("days_left", lang),
            "channel": term("channel", lang),
            "contact": term("enquiries", lang),
        }
        return titles[key]

    def _set_headers(self, tree: QTreeWidget, titles: list[str]) -> None:
        """Column titles broken over lines where long, so that the figures' columns stay narrow."""
        metrics = tree.header().fontMetrics()
        tree.setHeaderLabels([titles[0], *(two_lines(t, metrics, HEADER_WIDTH) for t in titles[1:])])
        for column, title in enumerate(titles):
            tree.headerItem().setToolTip(column, tip(title))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.lang = current_language()
            self.model.lang = self.lang
            self.retranslate()
            self._fill_chooser()
        super().changeEvent(event)

    # -- which workspace -------------------------------------------------------------------------------
    def registry(self) -> PackRegistry:
        """Read afresh unless one was given: a pack added meanwhile applies to the next import."""
        return self._registry if self._registry is not None else known_registry()

    def guides(self, registry: PackRegistry) -> GuideRegistry:
        """The application guides (read afresh unless given): the windows, channels and contacts of the items."""
        return self._guides if self._guides is not None else known_guides(registry)

    def _stored(self, action: Callable[[], object]) -> bool:
        """Run a database action; a failure is said, and the table in the window stays as it is."""
        try:
            action()
        except StoreError as exc:
            report_error(self, self.tr("无法保存工作区"), exc)
            return False
        return True

    def _fill_chooser(self) -> None:
        self.chooser.blockSignals(True)
        self.chooser.clear()
        if self.store is None:
            self.chooser.addItem(self.tr("（未保存：数据库不可用）"))
            self.chooser.setEnabled(False)
        else:
            try:
                listed = self.store.all()
            except StoreError as exc:
                report_error(self, self.tr("无法读取工作区"), exc)
                listed = []
            for summary in listed:
                self.chooser.addItem(
                    self.tr("{name}（{count}）").format(
                        name=summary.name, count=self.tr("%n 家企业", "", summary.members)
                    ),
                    summary.id,
                )
            index = self.chooser.findData(self.workspace_id)
            self.chooser.setCurrentIndex(max(index, 0))
        self.chooser.blockSignals(False)
        for key in ("new", "rename", "delete"):
            self.buttons[key].setEnabled(self.store is not None)

    def _open_remembered(self) -> None:
        if self.store is None:
            self._fill_chooser()
            return
        try:
            listed = self.store.all()
            if not listed:
                created = self.store.create(self.tr("会员企业"))
                listed = self.store.all()
                remembered: int | None = created
            else:
                remembered = settings().get(WORKSPACE)
        except StoreError as exc:
            report_error(self, self.tr("无法读取工作区"), exc)
            self.store = None
            self._fill_chooser()
            return
        ids = [w.id for w in listed]
        self.open_workspace(remembered if remembered in ids and remembered is not None else ids[0])

    def open_workspace(self, workspace_id: int) -> None:
        """Show a stored workspace: its members are read and computed anew, off the window's thread."""
        if self.store is None or self.job is not None:
            return
        store = self.store
        self.workspace_id = workspace_id
        settings().set(WORKSPACE.to(workspace_id))  # a convenience: a read-only data folder is no error
        self.workspace = Workspace()
        self._fill_chooser()
        self.refresh()
        registry, day = self.registry(), self._today()
        guides = self.guides(registry)

        def read(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> ImportResult:
            members = [(m.source, m.data) for m in store.members(workspace_id)]  # read beside the window too
            return members_from_data(members, registry, day, guides=guides, progress=progress, cancelled=cancelled)

        self._run(read, self.tr("正在打开工作区……"), self._opened, failed=self._unreadable)

    def _unreadable(self, reason: str) -> None:
        dialogs.error(self, self.tr("无法读取工作区"), reason)

    def _opened(self, result: ImportResult) -> None:
        self.workspace.add(result)
        self.refresh(then=lambda: self.tabs.setCurrentWidget(self.problems_view) if result.problems else None)

    def _chosen(self, index: int) -> None:
        workspace_id = self.chooser.itemData(index)
        if isinstance(workspace_id, int) and workspace_id != self.workspace_id:
            self.open_workspace(workspace_id)

    def _on_new(self) -> None:
        if self.store is None:
            return
        name = dialogs.text(self, self.tr("新建工作区"), self.tr("工作区名称："))
        if name is None:
            return
        try:
            created = self.store.create(name)
        except StoreError as exc:
            report_error(self, self.tr("无法新建工作区"), exc)
            return
        self.open_workspace(created)

    def _on_rename(self) -> None:
        if self.store is None or self.workspace_id is None:
            return
        current = next((w.name for w in self.store.all() if w.id == self.workspace_id), "")
        name = dialogs.text(self, self.tr("重命名工作区"), self.tr("新的名称："), current)
        if name is None:
            return
        try:
            self.store.rename(self.workspace_id, name)
        except StoreError as exc:
            report_error(self, self.tr("无法重命名"), exc)
            return
        self._fill_chooser()

    def _on_delete(self) -> None:
        if self.store is None or self.workspace_id is None:
            return
        name = self.chooser.currentText()
        if not dialogs.question(
            self,
            self.tr("删除工作区"),
            self.tr("删除工作区“{name}”及其中的全部企业吗？答卷文件和 Excel 表不会被删除。").format(name=name),
        ):
            return
        doomed = self.workspace_id
        if not self._stored(lambda: self.store.delete(doomed) if self.store else None):
            return
        self.workspace_id = None
        self._open_remembered()

    # -- state -> widgets ----------------------------------------------------------------------------
    def refresh(self, then: Callable[[], None] | None = None) -> None:
        """Show the members anew (they changed): the table, the totals per measure, the windows. For a large
        workspace the work is done off the window's thread and shown when done; `then` runs after."""
        rows, day, lang = list(self.workspace.rows), self._today(), self.lang
        if len(rows) < self.background_from or self.job is not None:
            self._show_view(workspace_view(rows, day, lang))
            if then is not None:
                then()
            return

        def work_out(_progress: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> WorkspaceView:
            keep_out_of_collections()  # the members are here to stay: collections need not walk them again
            return workspace_view(rows, day, lang)

        self._run(
            work_out,
            self.tr("正在整理 %n 家企业的数据……", "", len(rows)),
            lambda view: self._show_view(view, then),
            steps=False,
            cancellable=False,
        )

    def _show_view(self, view: WorkspaceView, then: Callable[[], None] | None = None) -> None:
        self.model.set_cells(view.cells)
        self._size_table(view.cells)
        self.aggregate = view.totals
        self._fill_tree(view.totals)
        self._fill_windows(view.windows)
        term = vocabulary.article_term
        self.chart.set_bars(
            [
                Bar(f"{term(m.article, m.article_label, self.lang)} {m.title.get(self.lang)}", m.amount, m.amount_firms)
                for m in view.totals.measures
                if m.amount > 0
            ],
            self.lang,
        )
        self._fill_problems()
        self._update_controls()
        if then is not None:
            then()

    def _update_controls(self) -> None:
        has_rows = bool(self.workspace.rows)
        self.body.setCurrentWidget(self.tabs if has_rows or self.workspace.problems else self.empty)
        busy = self.job is not None
        for key in ("export_xlsx", "export_csv", "summary_pdf", "clear"):
            self.buttons[key].setEnabled(has_rows and not busy)
        for key in ("files", "folder", "xlsx", "new", "rename", "delete"):
            self.buttons[key].setEnabled(not busy and (key in ("files", "folder", "xlsx") or self.store is not None))
        self.chooser.setEnabled(not busy and self.store is not None)
        self._update_status()

    def _size_table(self, cells: MemberCells) -> None:
        """Each column as wide as its widest text (headers broken over lines): nothing ends in "…". Only the
        few widest texts of each column are measured (Qt's own sizing asked the model for 1,000 rows of
        every column, some 250,000 calls into Python for 5,000 firms)."""
        header = self.table.horizontalHeader()
        header.setMinimumHeight(0)
        metrics = self.table.fontMetrics()
        margin = 2 * (self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.table) + 1)
        for column in range(self.model.columnCount()):
            texts = cells.widest[column] if column < len(cells.widest) else ()
            widest = max((metrics.horizontalAdvance(text) for text in texts), default=0)
            self.table.setColumnWidth(column, max(widest + margin + 2, header.sectionSizeFromContents(column).width()))

    def _fill_tree(self, totals: Aggregate) -> None:
        self.tree.clear()
        for measure in totals.measures:
            title = f"{vocabulary.article_term(measure.article, measure.article_label, self.lang)} "
            top = self._tree_row([title + measure.title.get(self.lang), *self._measure_cells(measure)])
            for item in measure.items:
                child = self._tree_row([item.title.get(self.lang), *self._item_cells(item)])
                for unlock in item.unlocks:
                    child.addChild(self._unlock_row(unlock))
                top.addChild(child)
            self.tree.addTopLevelItem(top)
        self.tree.expandAll()
        _fit_columns(self.tree)

    def _tree_row(self, texts: list[str]) -> QTreeWidgetItem:
        row = QTreeWidgetItem(texts)
        for col in range(1, len(texts)):
            row.setTextAlignment(col, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return row

    @staticmethod
    def _measure_cells(measure: MeasureTotal) -> list[str]:
        return [
            str(measure.firms) if measure.has_supports else "",
            str(measure.service_firms) if measure.has_services else "",
            format_yuan(measure.amount) if measure.has_amount_items or measure.amount else "",
            str(measure.to_confirm_firms) if measure.to_confirm_firms else "",
            format_yuan(measure.pending) if measure.to_confirm_firms else "",
            str(measure.unlock_firms) if measure.unlock_firms else "",
            format_yuan(measure.unlock_amount) if measure.unlock_firms else "",
        ]

    @staticmethod
    def _item_cells(item: ItemTotal) -> list[str]:
        return [
            str(item.firms) if item.kind != "service" else "",
            str(item.service_firms) if item.kind == "service" else "",
            format_yuan(item.amount) if item.kind == "amount" or item.amount else "",
            str(item.to_confirm_firms) if item.to_confirm_firms else "",
            format_yuan(item.pending) if item.to_confirm_firms else "",
            str(item.unlock_firms) if item.unlocks else "",
            format_yuan(item.unlock_amount) if item.unlocks else "",
        ]

    def _unlock_row(self, unlock: Unlock) -> QTreeWidgetItem:
        """Under an item: the firms one condition away from it, by the condition ("若投保的…为“一般企业类”")."""
        action = unlock.action.get(self.lang)
        row = self._tree_row([self.tr("若{action}").format(action=action), *[""] * 5, str(unlock.firms)])
        row.setText(len(TREE_COLUMNS) - 1, format_yuan(unlock.amount))
        row.setTextAlignment(len(TREE_COLUMNS) - 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        said = self.tr("%n 家会员企业若{action}，最多可增加 {amount}", "", unlock.firms).format(
            action=action, amount=vocabulary.yuan(unlock.amount, self.lang)
        )
        if unlock.bounded:
            said += self.tr("（其中 %n 家按上限计：测算金额所需的回答尚未填写）", "", unlock.bounded)
        for col in range(len(TREE_COLUMNS)):
            row.setToolTip(col, tip(said))
        return row

    def _contact_cell(self, contact: Contact | None) -> str:
        """Office and phone, short; a bureau reached only through the city's hotline says so (the checklist says
        where the number was seen, and the tooltip here too): "中山市工业和信息化局 12345" read as its own line."""
        if contact is None:
            return ""
        office = contact.office.get(self.lang)
        if contact.phone != HOTLINE or not contact.address.zh:  # the hotline itself, or a bureau's own number
            return " ".join(p for p in (office, contact.phone) if p)
        return self.tr("{office}（经 {phone} 政务服务热线转接，未见专线）").format(office=office, phone=contact.phone)

    def _fill_windows(self, lines: list[WindowTotal]) -> None:
        """One line per item and window: the firms applying, by when and how (the soonest closing first)."""
        self.windows_tree.clear()
        lang = self.lang
        for line in lines:
            when = line.deadline
            contact = line.contact
            row = self._tree_row(
                [
                    f"{vocabulary.article_term(line.article, line.article_label, lang)} {line.title.get(lang)}",
                    str(line.firms),
                    str(line.to_confirm_firms) if line.to_confirm_firms else "",
                    format_yuan(line.amount) if line.amount else "",
                    when.cell(lang),
                    when.days_cell(),
                    when.channel_cell(lang),
                    self._contact_cell(contact),
                ]
            )
            for col in (4, 6, 7):
                row.setTextAlignment(col, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            full = contact_text(contact)
            if full is not None:
                row.setToolTip(7, tip(full.get(lang)))
            self.windows_tree.addTopLevelItem(row)
        if not lines:
            empty = QTreeWidgetItem([self.tr("导入的企业没有可申报的项目，或没有适用的申报指南。")])
            self.windows_tree.addTopLevelItem(empty)
            empty.setFirstColumnSpanned(True)
        texts = {WINDOW_COLUMNS.index(k): w for k, w in (("deadline", 190), ("channel", 205), ("contact", 205))}
        _fit_columns(self.windows_tree, texts)

    def _fill_problems(self) -> None:
        problems, notes = self.workspace.problems, self.workspace.notes
        lines: list[str] = []
        for problem in problems:
            lines.append(shown_source(problem.source, self.lang))
            lines.extend(f"    {p}" for p in for_clerk_all(problem.problems))
        if notes:  # imported as given: said apart from what was not imported
            lines += ["", self.tr("已导入，但请核对：")] if lines else [self.tr("已导入，但请核对：")]
        for note in notes:
            lines.append(shown_source(note.source, self.lang))
            lines.extend(f"    {p}" for p in for_clerk_all(note.problems))
        self.problems_view.setPlainText("\n".join(lines) or self.tr("上次导入没有问题。"))
        self.tabs.setTabText(
            self.tabs.indexOf(self.problems_view),
            self.tr("导入问题（{count}）").format(count=len(problems) + len(notes)),
        )

    def _update_status(self) -> None:
        shown = self.proxy.shown_rows()
        total = sum((r.total for r in shown), Decimal(0))
        count = len(self.workspace.rows)
        self.status.setText(
            self.tr("显示 {shown} / %n 家企业；{total}", "", count).format(
                shown=len(shown), total=vocabulary.total_line(total, self.lang)
            )
        )

    # -- background work -------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self.job is not None

    def _run(
        self,
        work: Callable[[Callable[[int, int], None], Callable[[], bool]], object],
        caption: str,
        then: Callable[[Any], None],
        *,
        steps: bool = True,
        cancellable: bool = True,
        failed: Callable[[str], None] | None = None,
    ) -> None:
        """Run `work` off the window's thread with a bar (and 取消); `then(result)` on the window's thread, or
        `failed(reason)` (by default: said in a message box)."""
        job = Job(work, self)
        self.job = job
        self._then = then
        self._failed = failed
        self.progress_label.setText(caption)
        self.progress.setRange(0, 0 if not steps else 1)  # 0..0: Qt's busy bar where no count is known
        self.progress.setValue(0)
        self.progress_box.show()
        self.cancel_button.setEnabled(cancellable)
        # bound methods, not lambdas holding the job: PySide6 crashes deleting a sender a lambda holds
        job.progressed.connect(self._progressed)
        job.finished.connect(self._job_done)
        job.failed.connect(self._job_failed)
        self._update_controls()
        job.start()

    def _progressed(self, done: int, total: int) -> None:
        if total == PAGES:
            self.progress_label.setText(self.tr("正在生成汇总 PDF：已排好 {pages} 页……").format(pages=done))
            return
        if self.progress.maximum() != 0 or total:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)
            self.progress_label.setText(self.tr("正在读取 {done} / {total}……").format(done=done, total=total))

    def _end_job(self) -> None:
        job, self.job = self.job, None
        self.progress_box.hide()
        if job is not None:
            job.deleteLater()

    def _job_done(self, result: object) -> None:
        self._end_job()
        self._update_controls()
        if not self._closing:
            self._then(result)

    def _job_failed(self, reason: str) -> None:
        failed = self._failed
        self._end_job()
        if self._closing:
            return
        if failed is not None:
            failed(reason)
        else:
            dialogs.error(self, self.tr("导入失败"), reason)
        self._update_controls()

    def cancel_job(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("正在停止……"))

    def wait(self, timeout_ms: int = 60_000) -> bool:
        """Until the running job (if any) has delivered its result (tests, and closing the window)."""
        deadline = QDeadlineTimer(timeout_ms)
        while self.job is not None and not deadline.hasExpired():
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        return self.job is None

    # -- importing -------------------------------------------------------------------------------------
    def import_paths(self, paths: Sequence[Path]) -> None:
        """Import answers files and folders of them, off the window's thread; broken files are listed."""
        if self.job is not None:
            return
        registry, day, chosen = self.registry(), self._today(), list(paths)
        guides = self.guides(registry)
        self._run(
            lambda progress, cancelled: import_answers_files(
                chosen, registry, day, guides=guides, progress=progress, cancelled=cancelled
            ),
            self.tr("正在导入……"),
            self._take,
        )

    def import_workbook(self, path: Path) -> None:
        """A filled template; openpyxl reads a workbook in one go, so the bar only shows that work goes on
        and 取消 leaves the workbook's rows out once it is read."""
        if self.job is not None:
            return
        registry, day = self.registry(), self._today()
        guides = self.guides(registry)
        self._run(
            lambda _progress, cancelled: _mark(read_workbook(path, registry, day, guides), cancelled()),
            self.tr("正在读取 {file}……").format(file=path.name),
            self._take,
            steps=False,
        )

    def _take(self, result: ImportResult) -> None:
        """Put an import into the workspace, asking where something would be lost."""
        if result.cancelled and result.rows:
            keep = dialogs.question(
                self,
                self.tr("导入已取消"),
                self.tr("导入已在中途取消。已读取的 {count} 家企业要加入工作区吗？").format(count=len(result.rows)),
            )
            if not keep:
                result = ImportResult(problems=result.problems, cancelled=True)
        self.last_import = result
        again = self.workspace.already_there(result)
        replace = True
        if again:
            answer = dialogs.choice(
                self,
                self.tr("企业已在工作区中"),
                self.tr(
                    "%n 家企业此前已导入这个工作区（统一社会信用代码或名称相同）：\n{names}\n"
                    "用这次导入的数据替换它们，还是保留原来的数据？",
                    "",
                    len(again),
                ).format(names=_named(again, self.lang)),
                [self.tr("用新数据替换"), self.tr("保留原来的数据")],
            )
            replace = answer == 0
        replaced = self.workspace.add(result, replace=replace)
        kept = len(again) - replaced if again else 0

        def shown(saved: bool) -> None:
            self.refresh(then=lambda: self._report(result, replaced, kept, saved))

        self._save(result, replace=replace, then=shown)

    def _save(self, result: ImportResult, *, replace: bool, then: Callable[[bool], None]) -> None:
        """Keep the import in the database, off the window's thread (5,000 members' answers); `then(saved)`."""
        if self.store is None or self.workspace_id is None or not result.rows:
            then(self.store is None)  # nothing to keep, or nowhere to keep it (said in the status)
            return
        store, workspace_id = self.store, self.workspace_id
        members = [stored_workspaces.NewMember(r.source, r.data) for r in result.rows if r.data is not None]

        def saved(_result: object) -> None:
            self._fill_chooser()
            then(True)

        def refused(reason: str) -> None:
            dialogs.error(self, self.tr("无法保存工作区"), reason)
            self._fill_chooser()
            then(False)

        def put(_progress: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> None:
            if len(members) >= self.background_from:
                keep_out_of_collections()  # a collection now would walk the whole import again
            store.put(workspace_id, members, replace=replace)

        self._run(
            put,
            self.tr("正在保存到数据库……"),
            saved,
            steps=False,
            cancellable=False,
            failed=refused,
        )

    def _report(self, result: ImportResult, replaced: int, kept: int, saved: bool) -> None:
        parts = [self.tr("已导入 %n 家企业。", "", len(result.rows) - kept)]
        if replaced:
            parts.append(self.tr("其中 %n 家此前已导入，已用新数据替换。", "", replaced))
        if kept:
            parts.append(self.tr("%n 家此前已导入的企业保留了原来的数据。", "", kept))
        if self.store is None:
            parts.append(self.tr("数据库不可用：这些企业只在本窗口中，关闭后不会保留。"))
        elif not saved:
            parts.append(self.tr("未能保存到数据库，见上一条消息。"))
        if result.problems:
            parts.append(self.tr("%n 个文件或行有问题，未导入，详见“导入问题”页。", "", len(result.problems)))
        if result.notes:
            parts.append(self.tr("%n 行已导入，但有内容请核对，详见“导入问题”页。", "", len(result.notes)))
        text = (" " if self.lang == "en" else "").join(parts)  # sentences: spaced in English, not in Chinese
        if result.problems or result.notes:
            self.tabs.setCurrentWidget(self.problems_view)
            dialogs.warning(self, self.tr("导入完成（有问题）"), text)
        else:
            dialogs.information(self, self.tr("导入完成"), text)

    # -- slots ------------------------------------------------------------------------------------------
    def _on_import_files(self) -> None:
        paths = dialogs.open_files(self, self.tr("选择答卷文件"), self.tr("答卷文件 (*.json)"))
        if paths:
            self.import_paths(paths)

    def _on_import_folder(self) -> None:
        folder = dialogs.folder(self, self.tr("选择存放答卷文件的文件夹"))
        if folder is not None:
            self.import_paths([folder])

    def _on_import_xlsx(self) -> None:
        path = dialogs.open_file(self, self.tr("选择填好的 Excel 表"), self.tr("Excel 工作簿 (*.xlsx)"))
        if path is not None:
            self.import_workbook(path)

    def _on_template(self) -> None:
        path = dialogs.save_file(
            self, self.tr("保存 Excel 模板"), self.tr("Excel 工作簿 (*.xlsx)"), self.tr("会员企业填报模板.xlsx")
        )
        if path is None:
            return
        try:
            pack = self.registry().for_date(self._today())
            write_template(pack, path)
        except LookupError as exc:
            report_error(
                self, self.tr("无法生成模板"), exc if isinstance(exc, ProblemError) else ProblemError(problem_of(exc))
            )
        except OSError as exc:
            report_write_error(self, self.tr("无法保存"), path, exc)
        else:
            dialogs.saved(
                self,
                self.tr("模板已生成"),
                self.tr("模板已保存到 {file}（政策包 {pack} {version}）").format(
                    file=path, pack=pack.id, version=pack.version
                ),
                path,
            )

    def export_to(self, path: Path, kind: str) -> bool:
        rows = self.proxy.visible_rows()
        try:
            if kind == "csv":
                export_csv(rows, path, self.lang, today=self._today())
            else:
                export_xlsx(rows, path, self.lang, today=self._today())
        except OSError as exc:
            report_write_error(self, self.tr("无法保存"), path, exc)
            return False
        dialogs.saved(
            self,
            self.tr("已导出"),
            self.tr("已导出 %n 家企业到 {file}", "", len(rows)).format(file=path),
            path,
        )
        return True

    def _on_export_xlsx(self) -> None:
        path = dialogs.save_file(
            self, self.tr("导出 Excel"), self.tr("Excel 工作簿 (*.xlsx)"), self.tr("会员企业汇总.xlsx")
        )
        if path is not None:
            self.export_to(path, "xlsx")

    def _on_export_csv(self) -> None:
        path = dialogs.save_file(self, self.tr("导出 CSV"), self.tr("CSV 文件 (*.csv)"), self.tr("会员企业汇总.csv"))
        if path is not None:
            self.export_to(path, "csv")

    def export_summary_pdf(self, path: Path) -> None:
        """Draw and write the summary PDF of the firms shown, off the window's thread (5,000 firms take a
        minute), with the pages drawn so far on the bar and 取消; says where it went, or why not."""
        rows = self.proxy.shown_rows()
        problems = [
            f"{shown_source(p.source, self.lang)}: {'; '.join(words(p.problems, self.lang))}"
            for p in self.workspace.problems
        ]
        lang, day = self.lang, self._today()

        def draw(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> bool:
            lines = [batch_summary.SummaryRow.of(r.assessment, shown_source(r.source, lang), lang, day) for r in rows]

            # ReportLab in a process of its own: its collector never holds this one's interpreter lock
            def pages(done: int, _total: int) -> None:
                progress(done, PAGES)

            written = in_process(
                batch_summary.write_summary_file, (lines, problems, str(path), lang, day), pages, cancelled
            )
            return written is not None

        def done(written: object) -> None:
            if written:
                text = self.tr("汇总 PDF（%n 家企业）已保存到 {file}", "", len(rows)).format(file=path)
                dialogs.saved(self, self.tr("已导出"), text, path)
            else:
                self.status.setText(self.tr("已取消：汇总 PDF 没有保存，原有文件未改动。"))

        def refused(reason: str) -> None:
            dialogs.error(self, self.tr("无法保存"), self.tr("{file}：{reason}").format(file=path, reason=reason))

        self._run(draw, self.tr("正在生成汇总 PDF（%n 家企业）……", "", len(rows)), done, steps=False, failed=refused)

    def _on_summary_pdf(self) -> None:
        path = dialogs.save_file(
            self, self.tr("导出汇总 PDF"), self.tr("PDF 文件 (*.pdf)"), self.tr("会员企业汇总.pdf")
        )
        if path is not None:
            self.export_summary_pdf(path)

    def _on_clear(self) -> None:
        if self.workspace.rows and not dialogs.question(
            self, self.tr("清空工作区"), self.tr("从这个工作区移除全部企业吗？（不会删除任何文件）")
        ):
            return
        if self.store is not None and self.workspace_id is not None:
            workspace_id, store = self.workspace_id, self.store
            if not self._stored(lambda: store.clear(workspace_id)):
                return
        self.workspace.clear()
        self._fill_chooser()
        self.refresh()

    # -- closing ------------------------------------------------------------------------------------------
    def may_close(self) -> bool:
        """Nothing kept in the database is lost by closing; ask where something would be."""
        if self.job is not None:
            if not dialogs.question(
                self,
                self.tr("导入尚未完成"),
                self.tr("正在导入或打开工作区。停止并关闭窗口吗？（已读取的内容不会加入）"),
            ):
                return False
            self.job.cancel()
            self.job.wait()
        if self.store is None and self.workspace.rows:
            return dialogs.question(
                self,
                self.tr("关闭工作区"),
                self.tr(
                    "数据库不可用，工作区中的 %n 家企业只在这个窗口中。"
                    "关闭后它们不会保留（答卷文件仍在原处）。关闭吗？",
                    "",
                    len(self.workspace.rows),
                ),
            )
        return True

    def reject(self) -> None:  # Esc
        if self._closing or self.may_close():
            self._closing = True
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        if not self._closing and not self.may_close():
            event.ignore()
            return
        self._closing = True
        super().closeEvent(event)


def _fit_columns(tree: QTreeWidget, widest: dict[int, int] | None = None) -> None:
    """Every column but the first (which takes the rest) as wide as its title and figures, with a gap, so that
    two right-aligned figures side by side never read as one; a column of texts at most `widest` pixels (its
    texts then wrap)."""
    for column in range(1, tree.columnCount()):
        tree.resizeColumnToContents(column)
        width = tree.columnWidth(column) + COLUMN_GAP
        tree.setColumnWidth(column, min(width, (widest or {}).get(column, width)))


def _mark(result: ImportResult, cancelled: bool) -> ImportResult:
    """A workbook read whole, and the user pressed 取消 meanwhile: what was read is offered, not forced."""
    result.cancelled = cancelled
    return result


def show_workspace(
    parent: QWidget | None = None, *, registry: PackRegistry | None = None, workspaces: Workspaces | None = None
) -> WorkspaceWindow:
    """Open the workspace beside the main window (not modal) and return it."""
    window = WorkspaceWindow(parent, registry=registry, lang=current_language(), workspaces=workspaces)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    window.show()
    window.raise_()
    return window
