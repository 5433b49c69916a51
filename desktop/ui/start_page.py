"""The start page: every stored enterprise with its assessments, search, and what can be done with them.

The list is a tree (enterprise → its assessments, newest first) backed by a light model over the
store's plain listing, so a thousand enterprises with five thousand assessments appear at once:
Qt asks only for the rows on screen. The store is given, already opened (SQLAlchemy is imported by
whoever opens it, after the first window is shown).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.engine import Enterprise
from desktop.engine.filing import CLAIM_STATE_WORDS
from desktop.filenames import safe_stem
from desktop.later import later
from desktop.money import format_yuan
from desktop.store.errors import StoreError
from desktop.store.records import (
    IMPORTED_LABEL,
    TRAINING_LABEL,
    AssessmentSummary,
    EnterpriseSummary,
    FilingCounts,
    ImportOutcome,
    NameChoice,
)
from desktop.ui import dialogs
from desktop.ui.i18n import current_language
from desktop.ui.notice_bar import NoticeBar
from desktop.ui.plain import PlainLabel, tip
from desktop.ui.reminder_line import ReminderLine
from desktop.ui.said import any_error_text, for_clerk_all, report_error, said_all
from desktop.ui.window_calendar import GuidePicker, GuidesReader, WindowCalendar
from desktop.wording import vocabulary
from desktop.wording.applying import EXAMPLE

if TYPE_CHECKING:
    from desktop.store import calendar as stored_calendar
    from desktop.store.repository import Store
    from desktop.ui import progress_dialog
else:
    stored_calendar = later("desktop.store.calendar")  # the guides and the windows: when a guide is picked
    progress_dialog = later("desktop.ui.progress_dialog")  # 申报进度: read only when asked for

Index = QModelIndex | QPersistentModelIndex
FilesChooser = Callable[[QWidget], list[Path]]
"""Asks for answers files to import; given the page (so it can parent a dialog)."""
EXPAND_UP_TO = 50
"""Up to this many enterprises the tree opens fully; an association's long list stays folded."""
SEARCH_DELAY_MS = 150
ID_ROLE = Qt.ItemDataRole.UserRole + 1


PROGRESS_WIDTH = 190
"""Pixels at most for the 申报进度 column (its whole text is in the tooltip)."""


def shown_label(label: str) -> str:
    """Labels the store gives by itself ("导入：file", "…（副本）", "副本") in the window's language; what the
    user typed stays as typed. (The start page's list and 申报进度 say them alike.)"""

    copy = label.endswith("（副本）") or label == "副本"  # i18n: the store's own words, matched
    core = label.removesuffix("（副本）") if label != "副本" else ""  # i18n: the store's own words
    if core.startswith(IMPORTED_LABEL):
        core = QCoreApplication.translate("ListingModel", "导入：{file}").format(file=core.removeprefix(IMPORTED_LABEL))
    elif core.startswith(TRAINING_LABEL):
        core = QCoreApplication.translate("ListingModel", "培训示例：{file}").format(
            file=core.removeprefix(TRAINING_LABEL)
        )
    if copy:
        return (
            QCoreApplication.translate("ListingModel", "{label}（副本）").format(label=core)
            if core
            else QCoreApplication.translate("ListingModel", "副本")
        )
    return core


class ListingModel(QAbstractItemModel):
    """Two levels: enterprises (internal id 0) and their assessments (internal id = enterprise row + 1)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enterprises: list[EnterpriseSummary] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def headers(self) -> list[str]:
        return [
            self.tr("企业 / 评估"),
            vocabulary.term("credit_code", current_language()),
            vocabulary.term("assessed_on", current_language()),
            vocabulary.term("status", current_language()),
            vocabulary.with_unit("total", "yuan", current_language()),
            self.tr("最后修改"),
            vocabulary.term("claim", current_language()),
        ]

    def column_widths(self, font: QFont) -> list[int]:
        """Room for each column's header and its widest possible text (measured, not guessed: English
        words are longer), so that neither ends in "…"; enterprise rows are bold."""
        bold = QFont(font)
        bold.setBold(True)
        metrics, wide = QFontMetrics(font), QFontMetrics(bold)
        samples = [
            [""],
            ["91442000MA4W8N3K2K"],
            ["2025-12-31"],
            [self.tr("已定稿"), self.tr("草稿"), self.tr("%n 份评估", "", 88), self.tr("尚无评估")],
            ["99,999,999.99"],
            ["2025-12-31 23:59"],
            [self.filing_text(FilingCounts(12, 12, (("submitted", 2), ("paid", 3))))],
        ]
        widths = []
        for head, texts in zip(self.headers(), samples, strict=True):
            needed = max([metrics.horizontalAdvance(head)] + [wide.horizontalAdvance(t) for t in texts])
            widths.append(needed + 28)  # the view's margins and the sort indicator
        # 申报进度 can be long ("Documents ready: 12; Submitted: 2, Paid: 3"): it gets its header's room and at
        # most PROGRESS_WIDTH, the rest in its tooltip, so that the firm's name keeps room at 1366 pixels
        header_room = metrics.horizontalAdvance(self.headers()[-1]) + 28
        widths[-1] = min(widths[-1], max(header_room, PROGRESS_WIDTH))
        return widths

    def replace(self, enterprises: list[EnterpriseSummary]) -> None:
        self.beginResetModel()
        self.enterprises = enterprises
        self.endResetModel()

    def assessment_count(self) -> int:
        return sum(len(e.assessments) for e in self.enterprises)

    # -- structure -----------------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008 (Qt API)
        if not parent.isValid():
            return self.createIndex(row, column, 0) if 0 <= row < len(self.enterprises) else QModelIndex()
        if parent.internalId() != 0:
            return QModelIndex()
        if 0 <= row < len(self.enterprises[parent.row()].assessments):
            return self.createIndex(row, column, parent.row() + 1)
        return QModelIndex()

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        if not parent.isValid():
            return len(self.enterprises)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self.enterprises[parent.row()].assessments)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 7

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802, B008 (Qt API)
        return self.rowCount(parent) > 0

    # -- content -------------------------------------------------------------------------------------------
    def enterprise_at(self, index: Index) -> EnterpriseSummary:
        row = index.row() if index.internalId() == 0 else index.internalId() - 1
        return self.enterprises[row]

    def assessment_at(self, index: Index) -> AssessmentSummary | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self.enterprises[index.internalId() - 1].assessments[index.row()]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        assessment = self.assessment_at(index)
        if role == ID_ROLE:
            return assessment.id if assessment is not None else self.enterprise_at(index).id
        if role == Qt.ItemDataRole.FontRole and assessment is None:
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if assessment is None:
            text = self._enterprise_text(self.enterprise_at(index), index.column())
        else:
            text = self._assessment_text(assessment, index.column())
        return text if role == Qt.ItemDataRole.DisplayRole else tip(text)

    def _enterprise_text(self, enterprise: EnterpriseSummary, column: int) -> str:
        if column == 0:
            name = enterprise.name or self.tr("（未填写企业名称）")
            return EXAMPLE.get(current_language()) + name if enterprise.training else name
        if column == 1:
            return enterprise.credit_code
        if column == 3:
            count = len(enterprise.assessments)
            return self.tr("%n 份评估", "", count) if count else self.tr("尚无评估")
        return ""

    def _assessment_text(self, assessment: AssessmentSummary, column: int) -> str:
        if column == 0:
            return shown_label(assessment.label) or self.tr("评估 #{id}").format(id=assessment.id)
        if column == 2:
            return assessment.assessed_on.isoformat() if assessment.assessed_on else ""
        if column == 3:
            return self.tr("已定稿") if assessment.status == "final" else self.tr("草稿")
        if column == 4:
            return format_yuan(assessment.total) if assessment.total is not None else ""
        if column == 5:
            return assessment.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
        if column == 6 and assessment.filing is not None:
            return self.filing_text(assessment.filing)
        return ""

    def filing_text(self, counts: FilingCounts) -> str:
        """ "已备材料 4 份；已提交 1，已拨付 1": how far the assessment's applications are."""
        lang = current_language()
        parts = [self.tr("已备材料 %n 份", "", counts.have)] if counts.documents else []
        if counts.help:
            parts[-1] += self.tr("，需协助 %n 份", "", counts.help)
        if counts.claims:
            parts.append(
                self.tr("，").join(
                    self.tr("{state} {count} 项").format(state=CLAIM_STATE_WORDS[state].get(lang), count=count)
                    for state, count in counts.claims
                )
            )
        return self.tr("；").join(parts)

    def headerData(  # noqa: N802 (Qt API)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None


class StartPage(QWidget):
    open_requested = Signal(int)
    """The user wants to edit (or look at) this assessment."""
    deleted = Signal(list)
    """Ids of assessments just deleted: a window showing one of them should close it."""
    application_requested = Signal(int, str)
    """(assessment, item): open the assessment on its 申报材料与进度 tab, at this item."""

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        choose_files: FilesChooser | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        guides: GuidesReader | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._choose_files = choose_files or StartPage._choose_answers_files
        self._today = today
        self.model = ListingModel(self)

        heading = PlainLabel(self.tr("企业与评估"), self)
        heading.setObjectName("pageHeading")
        self.notice = NoticeBar(self)
        self.notice.acknowledged.connect(store.acknowledge_notices)  # read: not shown again, now or later

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("按企业名称或统一社会信用代码搜索"))
        self.search.setClearButtonEnabled(True)
        self.count = PlainLabel(self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._search_timer.start)

        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate(self.model.column_widths(self.tree.font())):
            if column:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                self.tree.setColumnWidth(column, width)
        self.tree.doubleClicked.connect(self._double_clicked)
        self.tree.activated.connect(self._double_clicked)
        self.empty = PlainLabel(
            self.tr("还没有任何企业。点击“新建评估”开始填写，或点击“导入答卷”读入已有的答卷文件。"), self
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.status = PlainLabel(self)
        self.status.setWordWrap(True)
        self.guide_picker = GuidePicker(self)
        self.guide_picker.picked.connect(self.pick_guide)
        self.calendar = WindowCalendar(store, self, today=today, guides=guides)
        self.reminder_line = ReminderLine(store, lambda: self.calendar.guides, current_language(), self._today, self)

        self.new_button = QToolButton(self)
        self.new_button.setText(vocabulary.term("new_assessment", current_language()))
        self.new_button.setObjectName("primaryButton")
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        menu = QMenu(self.new_button)
        self.new_enterprise_action = QAction(self.tr("新企业的评估"), menu)
        menu.addAction(self.new_enterprise_action)
        self.new_enterprise_action.triggered.connect(self.new_for_new_enterprise)
        self.new_for_selected_action = QAction(self.tr("为所选企业新建评估"), menu)
        menu.addAction(self.new_for_selected_action)
        self.new_for_selected_action.triggered.connect(self.new_for_selected_enterprise)
        self.new_button.setMenu(menu)
        self.new_button.clicked.connect(self.new_assessment)
        self.open_button = QPushButton(self.tr("打开"), self)
        self.open_button.clicked.connect(self.open_selected)
        self.duplicate_button = QPushButton(self.tr("复制"), self)
        self.duplicate_button.setToolTip(self.tr("以所选评估的答案为起点，新建一份草稿（例如下一年度）"))
        self.duplicate_button.clicked.connect(self.duplicate_selected)
        self.delete_button = QPushButton(self.tr("删除"), self)
        self.delete_button.clicked.connect(self.delete_selected)
        self.export_button = QPushButton(self.tr("导出答卷"), self)
        self.export_button.clicked.connect(self.export_selected)
        self.import_button = QPushButton(self.tr("导入答卷"), self)
        self.import_button.clicked.connect(self.import_files)
        self.progress_button = QPushButton(self.tr("申报进度…"), self)
        self.progress_button.setToolTip(self.tr("所有评估已记录的申报：等待结果、已拨付（按年合计）和提醒"))
        self.progress_button.clicked.connect(self.show_progress)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.duplicate_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.progress_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.notice)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.reminder_line)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.guide_picker)
        layout.addWidget(self.calendar)
        layout.addWidget(self.status)

        self.tree.selectionModel().selectionChanged.connect(self._update_buttons)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.tree)
        delete_key.activated.connect(self.delete_selected)
        find_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find_key.activated.connect(self.search.setFocus)
        if store.notices:
            self.show_notice("\n".join(said_all(store.notices)))
        self.refresh()

    def _choose_answers_files(self) -> list[Path]:
        """Several files at once, in the folder last used (tests pass `choose_files` instead)."""
        return dialogs.open_files(self, self.tr("导入答卷"), self.tr("答卷文件 (*.json)"))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        # the windows are computed when the page is shown (and after a change made from it), not per search
        super().showEvent(event)
        self.refresh_windows()

    # -- list ----------------------------------------------------------------------------------------------
    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(True)

    def refresh(self, select_assessment: int | None = None) -> None:
        """Re-read the list from the store (after a search, an import, or an edit in the questionnaire)."""
        self._search_timer.stop()
        if select_assessment is None:
            _, select_assessment = self.selected_ids()
        term = self.search.text().strip()
        try:
            listing = self.store.listing(term)
        except StoreError as exc:
            report_error(self, self.tr("无法读取数据库"), exc)
            return
        self.model.replace(listing)
        if len(listing) <= EXPAND_UP_TO:
            self.tree.expandAll()
        enterprises, assessments = len(listing), self.model.assessment_count()
        self.count.setText(
            self.tr("{enterprises}，{assessments}").format(
                enterprises=self.tr("%n 家企业", "", enterprises), assessments=self.tr("%n 份评估", "", assessments)
            )
        )
        searching_nothing = not listing and bool(term)
        self.tree.setVisible(bool(listing) or searching_nothing)
        self.empty.setVisible(not listing and not term)
        if select_assessment is not None:
            self.select_assessment(select_assessment)
        self._update_buttons()

    def select_assessment(self, assessment_id: int) -> bool:
        for row, enterprise in enumerate(self.model.enterprises):
            for child, assessment in enumerate(enterprise.assessments):
                if assessment.id == assessment_id:
                    parent = self.model.index(row, 0)
                    self.tree.expand(parent)
                    index = self.model.index(child, 0, parent)
                    self.tree.setCurrentIndex(index)
                    self.tree.scrollTo(index)
                    return True
        return False

    def select_enterprise(self, enterprise_id: int) -> bool:
        for row, enterprise in enumerate(self.model.enterprises):
            if enterprise.id == enterprise_id:
                index = self.model.index(row, 0)
                self.tree.setCurrentIndex(index)
                self.tree.scrollTo(index)
                return True
        return False

    def selected_ids(self) -> tuple[int | None, int | None]:
        """(enterprise id, assessment id) of the selected row; the assessment is None on an enterprise row."""
        index = self.tree.currentIndex()
        if not index.isValid() or not self.tree.selectionModel().isSelected(index):
            return None, None
        assessment = self.model.assessment_at(index)
        return self.model.enterprise_at(index).id, assessment.id if assessment else None

    def _selected_enterprise(self) -> EnterpriseSummary | None:
        index = self.tree.currentIndex()
        return self.model.enterprise_at(index) if index.isValid() else None

    def _target_assessment(self) -> int | None:
        """The selected assessment, or on an enterprise row its newest one."""
        enterprise_id, assessment_id = self.selected_ids()
        if assessment_id is not None or enterprise_id is None:
            return assessment_id
        enterprise = self._selected_enterprise()
        return enterprise.assessments[0].id if enterprise and enterprise.assessments else None

    def _update_buttons(self) -> None:
        enterprise_id, _ = self.selected_ids()
        has_assessment = self._target_assessment() is not None
        for button in (self.open_button, self.duplicate_button, self.export_button):
            button.setEnabled(has_assessment)
        self.delete_button.setEnabled(enterprise_id is not None)
        self.new_for_selected_action.setEnabled(enterprise_id is not None)
        self._update_guide_picker()

    def show_progress(self) -> None:
        """申报进度 across every stored assessment (ReportLab-free, but read only when asked for)."""
        dialog = progress_dialog.ProgressDialog(
            self.store, self.calendar.guides, current_language(), self._today(), self
        )
        dialog.open_requested.connect(self.application_requested.emit)
        dialog.exec()
        self.reminder_line.refresh()  # a claim recorded from the dialog's assessment may have changed them

    # -- application windows and guides --------------------------------------------------------------------
    def refresh_windows(self) -> None:
        """The calendar anew: on showing the page, after a change from it, after a guide was added."""
        self.calendar.refresh()
        self.reminder_line.refresh()
        self._update_guide_picker()

    def _update_guide_picker(self) -> None:
        assessment_id = self._target_assessment()
        stored = None
        if assessment_id is not None:
            try:
                stored = self.store.get(assessment_id)
            except StoreError:
                stored = None  # deleted elsewhere: the next refresh of the list drops it
        self.guide_picker.show_for(stored, self.calendar.guides)

    def pick_guide(self, guide_id: str | None) -> None:
        """The selected assessment uses this guide (None: the newest real one) for its windows from now on."""
        assessment_id = self._target_assessment()
        if assessment_id is None:
            return
        try:
            stored_calendar.pick_guide(self.store, assessment_id, guide_id, self.calendar.guides, self._today())
        except StoreError as exc:
            report_error(self, self.tr("无法更换申报指南"), exc)
            self._update_guide_picker()
            return
        self.refresh(select_assessment=assessment_id)
        self.refresh_windows()
        self.status.setText(self.tr("已更换所选评估的申报指南。"))

    def _double_clicked(self, index: QModelIndex) -> None:
        if self.model.assessment_at(index) is not None:
            self.open_selected()

    # -- actions -------------------------------------------------------------------------------------------
    def open_selected(self) -> None:
        assessment_id = self._target_assessment()
        if assessment_id is not None:
            self.open_requested.emit(assessment_id)

    def new_assessment(self) -> None:
        """The button itself: for the selected enterprise if there is one, else for a new enterprise."""
        if self.selected_ids()[0] is not None:
            self.new_for_selected_enterprise()
        else:
            self.new_for_new_enterprise()

    def new_for_new_enterprise(self) -> None:
        self._create(None)

    def new_for_selected_enterprise(self) -> None:
        enterprise_id, _ = self.selected_ids()
        if enterprise_id is not None:
            self._create(enterprise_id)

    def _create(self, enterprise_id: int | None) -> None:
        today = self._today()
        try:
            pack = self.store.registry.for_date(today)
            if enterprise_id is None:
                _, assessment_id, _ = self.store.new_for_enterprise(Enterprise(), pack, assessed_on=today)
            else:
                assessment_id = self.store.new_assessment(enterprise_id, pack, assessed_on=today)
        except (StoreError, LookupError) as exc:
            dialogs.error(self, self.tr("无法新建评估"), any_error_text(exc))
            return
        self.refresh(select_assessment=assessment_id)
        self.open_requested.emit(assessment_id)

    def duplicate_selected(self) -> None:
        assessment_id = self._target_assessment()
        if assessment_id is None:
            return
        try:
            copy = self.store.duplicate(assessment_id)
        except StoreError as exc:
            report_error(self, self.tr("无法复制评估"), exc)
            return
        self.refresh(select_assessment=copy)
        self.refresh_windows()
        self.status.setText(self.tr("已复制为新的草稿，可打开后修改。"))

    def delete_selected(self) -> None:
        enterprise = self._selected_enterprise()
        enterprise_id, assessment_id = self.selected_ids()
        if enterprise is None or enterprise_id is None:
            return
        name = enterprise.name or self.tr("（未填写企业名称）")
        if assessment_id is not None:
            assessment = next(a for a in enterprise.assessments if a.id == assessment_id)
            label = assessment.label or self.tr("评估 #{id}").format(id=assessment_id)
            text = self.tr("确定删除“{name}”的评估“{label}”吗？\n删除后无法恢复；如需保留，请先“导出答卷”。").format(
                name=name, label=label
            )
            doomed = [assessment_id]
        else:
            text = self.tr(
                "确定删除企业“{name}”及其全部 {n} 份评估吗？\n删除后无法恢复；如需保留，请先“导出答卷”。"
            ).format(name=name, n=len(enterprise.assessments))
            doomed = [a.id for a in enterprise.assessments]
        if not dialogs.question(self, self.tr("确认删除"), text):
            return
        try:
            if assessment_id is not None:
                self.store.delete_assessment(assessment_id)
            else:
                self.store.delete_enterprise(enterprise_id)
        except StoreError as exc:
            report_error(self, self.tr("无法删除"), exc)
            return
        self.refresh()
        self.refresh_windows()
        self.status.setText(self.tr("已删除。"))
        self.deleted.emit(doomed)

    def export_selected(self) -> None:
        assessment_id = self._target_assessment()
        enterprise = self._selected_enterprise()
        if assessment_id is None or enterprise is None:
            return
        assessment = next(a for a in enterprise.assessments if a.id == assessment_id)
        fallback = self.tr("答卷")
        suggested = safe_stem(f"{enterprise.name or fallback}-{assessment.label or assessment.id}", fallback) + ".json"
        path = dialogs.save_file(self, self.tr("导出答卷"), self.tr("答卷文件 (*.json)"), suggested)
        if path is None:
            return
        if path.suffix.lower() != ".json":
            path = path.with_name(path.name + ".json")
        try:
            self.store.export_answers(assessment_id, path)
        except StoreError as exc:
            report_error(self, self.tr("无法导出"), exc)
            return
        self.status.setText(self.tr("已导出到 {path}").format(path=path))

    def import_files(self, paths: list[Path] | None = None, *, training: bool = False) -> list[ImportOutcome]:
        """Answers files into the store (`training`: bundled examples, kept apart from the real firms)."""
        chosen = paths if paths else self._choose_files(self)
        if not chosen:
            return []
        outcomes = self.store.import_files(chosen, today=self._today(), training=training, decide=self._ask_name)
        imported = [o for o in outcomes if o.ok]
        refused = [o for o in outcomes if o.refused]
        self.refresh(select_assessment=imported[-1].assessment_id if imported else None)
        if imported:
            self.refresh_windows()
        if training:
            summary = self.tr("已打开培训示例：它与真实企业分开保存，其申报窗口不计入日历。")
        else:
            summary = self.tr("已导入 %n 个文件。", "", len(imported))
        matched = sum(1 for o in imported if o.matched_enterprise)
        if matched and not training:
            summary = self.tr("{imported}其中 {n} 个文件的企业已在库中（统一社会信用代码相同），已归入该企业。").format(
                imported=summary, n=matched
            )
        if not refused:
            self.status.setText(summary)
            return outcomes
        lines = [summary, "", self.tr("以下 %n 个文件未导入：", "", len(refused))]
        for outcome in refused:
            lines.append("")
            # the questions by their labels, in the window's language (the file's field ids mean nothing here)
            lines.extend(for_clerk_all(outcome.problems[:8]))
            if len(outcome.problems) > 8:
                lines.append(self.tr("……另有 {n} 处问题").format(n=len(outcome.problems) - 8))
        dialogs.warning(self, self.tr("导入答卷"), "\n".join(lines))
        self.status.setText(summary)
        return outcomes

    def _ask_name(self, path: Path, new: str, old: str) -> NameChoice:
        """A file whose credit code is already stored under another name: the clerk says which name is right
        (a firm renamed, or a typing slip in the file), or keeps the file out, before anything is written."""
        answer = dialogs.choice(
            self,
            self.tr("企业名称不一致"),
            self.tr(
                "文件“{file}”中的企业名称是“{new}”，\n库中同一统一社会信用代码的企业名为“{old}”。\n"
                "导入后答卷归入该企业。使用哪个名称？"
            ).format(file=path.name, new=new, old=old),
            [self.tr("使用文件中的名称"), self.tr("保留原名称"), self.tr("不导入此文件")],
        )
        if answer == 0:
            return "file"
        return "stored" if answer == 1 else "skip"
