"""申报进度: every application recorded in the database, what it waits for, what was paid in which year,
and the reminders (a 公示 ending, a window closing with documents missing, no news for long). Opened from
the start page; a double-click opens the assessment on its 申报材料与进度 tab."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.engine.filing import CLOSED_STATES, WAITING_STATES, claim_text
from desktop.money import format_yuan
from desktop.policy.guide_registry import GuideRegistry
from desktop.policy.model import Lang
from desktop.report.calendar_file import REMINDERS_NAME, ReminderEntry, reminder_events, write_calendar
from desktop.store import Store, StoreError
from desktop.store.progress import Overview, ProgressRow, overview
from desktop.ui import dialogs, style
from desktop.ui.plain import PlainLabel, tip
from desktop.ui.said import report_error, report_write_error
from desktop.ui.screen_fit import fit_window
from desktop.ui.start_page import shown_label
from desktop.ui.wrapping import WrappingDelegate
from desktop.wording import vocabulary
from desktop.wording.applying import EXAMPLE

FILTERS = ("all", "waiting", "paid", "preparing", "rejected")


class ProgressDialog(QDialog):
    open_requested = Signal(int, str)
    """(assessment id, item id) the clerk wants to see."""

    def __init__(
        self, store: Store, guides: GuideRegistry, lang: Lang, today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store, self.guides, self.lang, self.today = store, guides, lang, today
        self.overview = Overview()
        self.setWindowTitle(vocabulary.term("claim", lang))
        layout = QVBoxLayout(self)
        self.totals = PlainLabel(self)
        style.bold(self.totals)
        self.totals.setWordWrap(True)
        layout.addWidget(self.totals)
        self.counts = PlainLabel(self)
        self.counts.setWordWrap(True)
        layout.addWidget(self.counts)
        reminders_head = PlainLabel(self.tr("提醒"), self)
        style.bold(reminders_head)
        layout.addWidget(reminders_head)
        self.reminders = QTreeWidget(self)
        self.reminders.setHeaderLabels([self.tr("日期"), vocabulary.term("enterprise", lang), self.tr("提醒")])
        self.reminders.setRootIsDecorated(False)
        WrappingDelegate(self.reminders)  # a reminder is a sentence: read whole, not in a tooltip
        self.reminders.itemDoubleClicked.connect(lambda row, _c: self._open(row))
        layout.addWidget(self.reminders, 1)
        row = QHBoxLayout()
        applications_head = PlainLabel(self.tr("已记录的申报"), self)
        style.bold(applications_head)
        row.addWidget(applications_head)
        row.addStretch(1)
        self.filter = QComboBox(self)
        names = {
            "all": self.tr("全部"),
            "waiting": self.tr("等待结果"),
            "paid": vocabulary.term("claim_paid", lang),
            "preparing": self.tr("准备中（含未记录进度）"),
            "rejected": vocabulary.term("claim_rejected", lang),
        }
        for key in FILTERS:
            self.filter.addItem(names[key], key)
        self.filter.currentIndexChanged.connect(lambda _i: self._fill_rows())
        row.addWidget(self.filter)
        layout.addLayout(row)
        self.table = QTreeWidget(self)
        headers = [
            vocabulary.term("enterprise", lang),
            self.tr("评估"),
            vocabulary.term("item", lang),
            vocabulary.with_unit("amount", "yuan", lang),
            vocabulary.term("documents", lang),
            vocabulary.term("claim", lang),
        ]
        self.table.setHeaderLabels(headers)
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        WrappingDelegate(self.table)  # two assessments of one firm differ at the end of their labels
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemDoubleClicked.connect(lambda row, _c: self._open(row))
        header = self.table.header()
        header.setStretchLastSection(True)
        for column, width in enumerate((200, 110, 230, 110, 200)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        layout.addWidget(self.table, 2)
        hint = PlainLabel(self.tr("双击一行打开该评估的“申报材料与进度”。"), self)
        style.muted(hint)
        layout.addWidget(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.export_button = buttons.addButton(self.tr("提醒导出为日历…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setToolTip(
            tip(self.tr("把上面的提醒存为 .ics 日历文件，可导入 Outlook、WPS 或手机日历，到期前提醒。"))
        )
        self.export_button.clicked.connect(lambda: self.export_reminders())
        layout.addWidget(buttons)
        fit_window(self, 1100, 660)
        self.refresh()

    def refresh(self) -> None:
        try:
            self.overview = overview(self.store, self.guides, self.today)
        except StoreError as exc:
            report_error(self, self.windowTitle(), exc)
            return
        lang = self.lang
        paid = self.overview.paid
        if paid:
            years = self.tr("；").join(
                self.tr("{year} 年 {amount}").format(year=year, amount=vocabulary.yuan_and_large(amount, lang))
                for year, amount in sorted(paid.items(), reverse=True)
            )
            self.totals.setText(self.tr("已拨付：{years}").format(years=years))
        else:
            self.totals.setText(self.tr("尚未记录任何拨付。"))
        rows = self.overview.rows
        waiting = [r for r in rows if r.claim is not None and r.claim.state in WAITING_STATES]
        waiting_sum = sum((r.amount or Decimal(0) for r in waiting), Decimal(0))
        self.counts.setText(
            self.tr(
                "共 {n} 项申报有记录：等待结果 {waiting} 项（测算金额合计 {amount}），已拨付 {paid} 项，"
                "未获支持 {rejected} 项。"
            ).format(
                n=len(rows),
                waiting=len(waiting),
                amount=vocabulary.yuan(waiting_sum, lang),
                paid=sum(1 for r in rows if r.claim is not None and r.claim.state == "paid"),
                rejected=sum(1 for r in rows if r.claim is not None and r.claim.state == "rejected"),
            )
        )
        self.reminders.clear()
        for row, reminder in self.overview.reminders:
            # a training guide's windows are invented: said on the row, as the .ics says it
            said = (EXAMPLE.get(lang) if row.example else "") + reminder.text.get(lang)
            entry = QTreeWidgetItem(self.reminders, [str(reminder.day), row.enterprise, said])
            entry.setData(0, Qt.ItemDataRole.UserRole, (row.assessment_id, row.item_id))
            entry.setToolTip(2, tip(said))
        if not self.overview.reminders:
            QTreeWidgetItem(self.reminders, ["", "", self.tr("目前没有需要留意的事项。")])
        self.export_button.setEnabled(bool(self.overview.reminders))
        self.reminders.setColumnWidth(0, 100)
        self.reminders.setColumnWidth(1, 220)
        self._fill_rows()

    def export_reminders(self) -> Path | None:
        """The reminders as an .ics file where the user says; the file written, or None."""
        if not self.overview.reminders:
            return None
        suggested = self.tr("申报提醒-{date}.ics").format(date=self.today.isoformat())
        path = dialogs.save_file(self, self.export_button.text().rstrip("…"), self.tr("日历文件 (*.ics)"), suggested)
        if path is None:
            return None
        if path.suffix.lower() != ".ics":
            path = path.with_name(path.name + ".ics")
        entries = [
            ReminderEntry(str(row.assessment_id), row.enterprise, reminder, row.example)
            for row, reminder in self.overview.reminders
        ]
        events = reminder_events(entries, self.today, self.lang)
        try:
            write_calendar(events, path, self.lang, REMINDERS_NAME)
        except OSError as exc:
            report_write_error(self, self.tr("无法导出日历"), path, exc)
            return None
        text = self.tr("已把 %n 条提醒存入：\n{file}", "", len(events)).format(file=path)
        dialogs.saved(self, self.tr("已导出日历"), text, path)
        return path

    def _wanted(self, row: ProgressRow) -> bool:
        chosen = self.filter.currentData()
        state = row.claim.state if row.claim is not None else None
        if chosen == "waiting":
            return state in WAITING_STATES
        if chosen == "paid":
            return state == "paid"
        if chosen == "rejected":
            return state == "rejected"
        if chosen == "preparing":
            return state is None or state not in WAITING_STATES | CLOSED_STATES
        return True

    def _fill_rows(self) -> None:
        lang = self.lang
        self.table.clear()
        for row in self.overview.rows:
            if not self._wanted(row):
                continue
            mark = EXAMPLE.get(lang) if row.example else ""
            entry = QTreeWidgetItem(
                self.table,
                [
                    row.enterprise,
                    shown_label(row.label),
                    mark + row.item.get(lang),
                    "—" if row.amount is None else format_yuan(row.amount),
                    row.documents.text().get(lang),
                    "" if row.claim is None else claim_text(row.claim, lang),
                ],
            )
            entry.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            entry.setData(0, Qt.ItemDataRole.UserRole, (row.assessment_id, row.item_id))

    def _open(self, entry: QTreeWidgetItem) -> None:
        target = entry.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(target, tuple):
            self.open_requested.emit(int(target[0]), str(target[1]))
            self.accept()
