"""The start page's calendar: the next application windows across every stored assessment, and 导出日历….

It shows what `desktop.store.calendar` computes (each assessment with its own guide), soonest closing
first: the firm, the item, the amount, the window and the days left ("还有 10 天", "今日截止",
"35 天后开始"); a window of a training guide is marked 【培训示例】. Without any window it says why in one
line. It is computed when the start page is shown (or after something changed from there), never while
the user types a search.

Also here: the picker of the application guide of the assessment selected on the start page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.later import later
from desktop.money import format_yuan
from desktop.store.errors import StoreError
from desktop.ui import dialogs, style
from desktop.ui.background import Job
from desktop.ui.i18n import current_language
from desktop.ui.plain import PlainLabel, tip
from desktop.ui.said import error_text, report_write_error
from desktop.wording import vocabulary
from desktop.wording.applying import EXAMPLE

if TYPE_CHECKING:
    from desktop.engine.windows import WindowEntry
    from desktop.policy import guide_registry
    from desktop.policy.guide_registry import GuideRegistry
    from desktop.policy.guides import Guide
    from desktop.policy.model import Lang
    from desktop.report import calendar_file
    from desktop.store import calendar as stored_calendar
    from desktop.store.calendar import StoredWindows, WorkedOut
    from desktop.store.records import StoredAssessment
    from desktop.store.repository import Store
else:
    guide_registry = later("desktop.policy.guide_registry")  # every guide file read: when the calendar is first shown
    calendar_file = later("desktop.report.calendar_file")  # when a calendar is exported
    stored_calendar = later("desktop.store.calendar")  # the store's windows: with the start page, after the first paint


Index = QModelIndex | QPersistentModelIndex
GuidesReader = Callable[[], "GuideRegistry"]
VISIBLE_ROWS = 4
"""Rows the calendar shows before it scrolls: the list of enterprises keeps most of the page."""
MEASURED_ROWS = 60
BACKGROUND_FROM = 300
"""Stored assessments from which the calendar is worked out off the window's thread (looking at 20,000 and
computing those with a window ahead took seconds): the page is used at once and the windows follow; fewer
are worked out at once."""
"""Rows measured for the columns' widths (Qt measures every row by default: slow with a thousand)."""


def guide_name(guide: Guide, lang: Lang) -> str:
    """The round as the guide names it, marked when it is a training example."""
    return (EXAMPLE.get(lang) if guide.example else "") + guide.round.get(lang)


class WindowsModel(QAbstractTableModel):
    """One row per window: 企业名称, 支持项目, 金额（元）, 申报窗口, 剩余时间."""

    COLUMNS = 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: list[WindowEntry] = []
        self.lang: Lang = current_language()

    def replace(self, entries: list[WindowEntry]) -> None:
        self.beginResetModel()
        self.entries = entries
        self.lang = current_language()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return self.COLUMNS

    def headers(self) -> list[str]:
        return [
            vocabulary.term("enterprise", self.lang),
            vocabulary.term("item", self.lang),
            vocabulary.with_unit("amount", "yuan", self.lang),
            self.tr("申报窗口"),
            self.tr("剩余时间"),
        ]

    def headerData(  # noqa: N802 (Qt API)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(self.details(entry))
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(entry, index.column())
        return None

    def cell(self, entry: WindowEntry, column: int) -> str:
        if column == 0:
            return entry.enterprise or self.tr("（未填写企业名称）")
        if column == 1:
            return (EXAMPLE.get(self.lang) if entry.example else "") + entry.title.get(self.lang)
        if column == 2:
            return self.amount_text(entry)
        if column == 3:
            if entry.opens is None:
                return self.tr("至 {closes}").format(closes=entry.closes.isoformat())
            return self.tr("{opens} 至 {closes}").format(opens=entry.opens.isoformat(), closes=entry.closes.isoformat())
        return self.days_text(entry)

    def amount_text(self, entry: WindowEntry) -> str:
        if entry.amount is None:
            return self.tr("以申报通知为准")
        figure = format_yuan(entry.amount)
        if entry.status == "to_confirm":
            return self.tr("{amount}（{status}）").format(
                amount=figure, status=vocabulary.status_term("to_confirm", self.lang)
            )
        return figure

    def days_text(self, entry: WindowEntry) -> str:
        """ "还有 10 天" / "今日截止" while it is open; "35 天后开始" before it opens."""
        days = entry.state.days_left or 0
        if entry.state.status == "upcoming":
            return self.tr("%n 天后开始", "", days)
        if days == 0:
            return self.tr("今日截止")
        return self.tr("还有 %n 天", "", days)

    def details(self, entry: WindowEntry) -> str:
        """The channel and the contact, for the row's tooltip."""
        lines = [self.tr("{firm}：{item}").format(firm=self.cell(entry, 0), item=self.cell(entry, 1))]
        if entry.channel is not None:
            lines.append(self.tr("申报方式：{text}").format(text=entry.channel.get(self.lang)))
        if entry.contact is not None:
            lines.append(self.tr("联系：{text}").format(text=entry.contact.get(self.lang)))
        return "\n".join(lines)


class WindowCalendar(QWidget):
    """申报窗口: the table of windows ahead (or one line saying why there is none) and 导出日历…."""

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        guides: GuidesReader | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._read_guides = guides or (lambda: _known_guides(store))
        self._guides: GuideRegistry | None = None
        self.stored = stored_calendar.StoredCalendar(store)
        self.windows: StoredWindows | None = None
        self.background_from = BACKGROUND_FROM
        self.job: Job | None = None
        """The computation running off the window's thread, if any."""
        self._again = False
        self.model = WindowsModel(self)

        self.heading = style.bold(PlainLabel(self.tr("申报窗口"), self))
        self.count = style.muted(PlainLabel(self))
        self.export_button = QPushButton(self.tr("导出日历…"), self)
        self.export_button.setToolTip(self.tr("把下列申报窗口存为日历文件（.ics），可导入 Outlook、WPS 或手机日历"))
        self.export_button.clicked.connect(self.export)
        # The training examples' invented windows are not a clerk's real calendar: listed (and exported)
        # only when asked for, e.g. at a training; the box shows only where there are training examples.
        self.with_training = QCheckBox(self.tr("含培训示例"), self)
        self.with_training.setToolTip(self.tr("也列出培训示例企业的申报窗口（虚构，仅供演示）"))
        self.with_training.hide()
        self.with_training.toggled.connect(lambda _on: self.refresh())
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the item column gives way
        rows = self.table.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setResizeContentsPrecision(MEASURED_ROWS)
        self.summary = style.muted(PlainLabel(self))
        self.summary.setWordWrap(True)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.heading)
        top.addWidget(self.count, 1)
        top.addWidget(self.with_training)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.summary)
        self._fit_rows(0)

    @property
    def guides(self) -> GuideRegistry:
        """The guides as read at the last refresh (guides can be added while the program runs)."""
        if self._guides is None:
            self._guides = self._read_guides()
        return self._guides

    def entries(self) -> list[WindowEntry]:
        return list(self.model.entries)

    def refresh(self) -> None:
        """Compute the windows anew (the start page is shown, or an assessment was changed from it). Many
        assessments to compute are computed off the window's thread (the windows already listed stay
        until the new ones arrive); while that runs, another refresh is done after it."""
        self._guides = self._read_guides()
        if self.job is not None:
            self._again = True
            return
        guides, today, stored = self.guides, self._today(), self.stored
        training = self.with_training.isChecked()
        try:
            count = stored.store.counts()[1]
            if count < self.background_from:
                self._show(stored.windows(guides, today, with_training=training))
                return
        except StoreError as exc:
            self._unreadable(exc)
            return
        job = Job(
            lambda progress, cancelled: stored.work_out(guides, today, progress, cancelled, with_training=training),
            self,
        )
        job.progressed.connect(self._progressed)
        job.finished.connect(self._computed)
        job.failed.connect(self._failed)
        self.job = job
        self.setVisible(True)
        self.count.setText(self.tr("正在计算 %n 份评估的申报窗口……", "", count))
        job.start()

    def stop(self) -> None:
        """The page goes (the database closes, the language changes): a computation running is ended."""
        job, self.job = self.job, None
        if job is not None:
            job.cancel()
            job.wait()

    def _progressed(self, done: int, total: int) -> None:
        self.count.setText(self.tr("正在计算申报窗口：{done} / {total}……").format(done=done, total=total))

    def _end_job(self) -> None:
        job, self.job = self.job, None
        if job is not None:
            job.deleteLater()

    def _computed(self, worked: WorkedOut) -> None:
        self._end_job()
        self._show(self.stored.keep(worked))
        if self._again:
            self._again = False
            self.refresh()

    def _failed(self, reason: str) -> None:
        self._end_job()
        self.windows = None
        self.model.replace([])
        self._show_line(self.tr("无法读取申报窗口：{reason}").format(reason=reason))

    def _unreadable(self, exc: StoreError) -> None:
        self.windows = None
        self.model.replace([])
        self._show_line(self.tr("无法读取申报窗口：{reason}").format(reason=error_text(exc)))

    def _show(self, windows: StoredWindows) -> None:
        self.windows = windows
        self.model.replace(list(windows.entries))
        self.with_training.setVisible(windows.training > 0)
        self.setVisible(windows.assessments > 0 or windows.training > 0)
        if windows.entries:
            self.table.setVisible(True)
            self.summary.setVisible(bool(windows.problems))
            self.summary.setText(self._skipped_text(windows))
            self.count.setText(self.tr("%n 项，最早截止的在前", "", len(windows.entries)))
            self.export_button.setEnabled(True)
            self._fit_rows(len(windows.entries))
        else:
            self._show_line(self._nothing_text(windows))

    def _show_line(self, text: str) -> None:
        self.table.setVisible(False)
        self.count.clear()
        self.export_button.setEnabled(False)
        self.summary.setText(text)
        self.summary.setVisible(True)

    def _fit_rows(self, rows: int) -> None:
        """Room for the rows there are, up to VISIBLE_ROWS, then the table scrolls."""
        shown = max(1, min(rows, VISIBLE_ROWS))
        row = self.table.verticalHeader().defaultSectionSize()
        frame = 2 * self.table.frameWidth()
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height() + shown * row + frame)

    def _nothing_text(self, windows: StoredWindows) -> str:
        """One line: why no window is listed, and which guides are in use."""
        lang = current_language()
        if not windows.assessments:  # only training examples are stored, and they are left out
            return self.tr("只保存了培训示例：其申报窗口是虚构的，勾选“含培训示例”才列出。")
        if not windows.guides:
            return self.tr("已保存的评估没有适用的申报指南，列不出申报窗口；申报指南可在“工具 → 政策包”中添加。")
        names = vocabulary.join_units((guide_name(g, lang) for g in windows.guides), lang)
        if not windows.published:
            text = self.tr("已保存评估所用的申报指南中未见申报窗口（所用申报指南：{guides}）。")
        else:
            text = self.tr("已保存评估可申请的项目目前没有正在开放或即将开始的申报窗口（所用申报指南：{guides}）。")
        return text.format(guides=names) + self._skipped_text(windows)

    def _skipped_text(self, windows: StoredWindows) -> str:
        if not windows.problems:
            return ""
        return self.tr("另有 %n 份评估的政策包已不在本机，未列出。", "", len(windows.problems))

    def export(self) -> Path | None:
        """Write the listed windows as an .ics file where the user says; the file written, or None."""
        entries = self.entries()
        if not entries:
            return None
        suggested = self.tr("申报窗口-{date}.ics").format(date=self._today().isoformat())
        path = dialogs.save_file(self, self.tr("导出日历"), self.tr("日历文件 (*.ics)"), suggested)
        if path is None:
            return None
        if path.suffix.lower() != ".ics":
            path = path.with_name(path.name + ".ics")
        lang = current_language()
        left_out = [entry for entry in entries if not calendar_file.exportable(entry)]
        try:
            calendar_file.write_calendar(calendar_file.window_events(entries, lang), path, lang)
        except OSError as exc:
            report_write_error(self, self.tr("无法导出日历"), path, exc)
            return None
        text = self.tr("已把 %n 个申报窗口存入：\n{file}", "", len(entries) - len(left_out)).format(file=path)
        if left_out:
            names = "\n".join(
                self.tr("• {firm}：{item}（{opens} 至 {closes}）").format(
                    firm=entry.enterprise, item=entry.title.get(lang), opens=entry.opens or "—", closes=entry.closes
                )
                for entry in left_out[:10]
            )
            heading = self.tr(
                "以下 %n 个窗口的日期无法写入日历（不在 2000 至 2100 年之间），未导出：", "", len(left_out)
            )
            text += "\n\n" + heading + "\n" + names
        dialogs.saved(self, self.tr("已导出日历"), text, path)
        return path


def _known_guides(store: Store) -> GuideRegistry:
    return guide_registry.known_guides(store.registry)


class GuidePicker(QWidget):
    """申报指南 of the assessment selected on the start page: automatic (the newest real guide of its pack),
    or one of the pack's guides; a training guide only where it is picked here."""

    picked = Signal(object)
    """The guide id chosen (None: automatic), for the assessment shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = PlainLabel(self.tr("所选评估的申报指南："), self)
        self.combo = QComboBox(self)
        # As wide as the guide's name ("Automatic: the newest real guide (Applications in 2026 …)" runs past 36
        # characters in English); the note beside it wraps instead.
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.setMinimumContentsLength(36)
        self.combo.setPlaceholderText(self.tr("（先在上面的列表中选择一份评估）"))
        self.note = style.muted(PlainLabel(self))
        self.note.setWordWrap(True)
        self.assessment: StoredAssessment | None = None
        self.combo.activated.connect(self._activated)
        self.label.setBuddy(self.combo)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.combo)
        row.addWidget(self.note, 1)

    def show_for(self, assessment: StoredAssessment | None, guides: GuideRegistry) -> None:
        """The choices for this assessment's pack, the one it uses selected; nothing without an assessment."""
        self.assessment = assessment
        self.combo.clear()
        self.note.clear()
        if assessment is None:
            self.combo.setEnabled(False)
            self.combo.setToolTip("")
            return
        lang = current_language()
        own = guides.for_pack(assessment.pack_id)
        newest = next((g for g in own if not g.example), None)
        if newest is not None:
            self.combo.addItem(self.tr("自动：最新的正式指南（{name}）").format(name=guide_name(newest, lang)), None)
        else:
            self.combo.addItem(self.tr("自动：本政策包尚无正式的申报指南"), None)
        for guide in own:
            label = self.tr("{name}（{date} 发布）").format(name=guide_name(guide, lang), date=guide.published_on)
            self.combo.addItem(label, guide.id)
        chosen = assessment.guide_id
        if chosen and guides.get(chosen) is None:
            # picked once, gone from this computer since: kept as it is until the user picks another
            self.combo.addItem(self.tr("本机没有的申报指南 {id}（现按自动选用）").format(id=chosen), chosen)
        found = self.combo.findData(chosen) if chosen else 0
        self.combo.setCurrentIndex(max(found, 0))
        for index in range(self.combo.count()):
            self.combo.setItemData(index, tip(self.combo.itemText(index)), Qt.ItemDataRole.ToolTipRole)
        self.combo.setToolTip(tip(self.combo.currentText()))
        final = assessment.is_final
        self.combo.setEnabled(not final)
        if final:
            self.note.setText(self.tr("已定稿：打开并“重新编辑”后才能更换"))
        elif chosen and (picked := guides.get(chosen)) is not None and picked.example:
            self.note.setText(self.tr("培训示例：窗口和金额均为虚构，不能据此申报"))

    def _activated(self, index: int) -> None:
        if self.assessment is None:
            return
        chosen = self.combo.itemData(index)
        if chosen != self.assessment.guide_id:
            self.picked.emit(chosen)
