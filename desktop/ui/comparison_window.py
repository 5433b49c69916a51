"""方案对比: the base assessment and its scenarios side by side, per item and in total, each scenario's
difference from the base written with its sign and tinted (green more, red less), printable as a
one-page landscape PDF.

The figures come from the engine's `compare`; this window only lays them out. The PDF is rendered
only when asked for (ReportLab costs the window's start nothing).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QColor, QFont, QGuiApplication, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.engine import Assessment
from desktop.engine.comparison import MAX_SCENARIOS, Comparison, cell_text, signed_large, signed_yuan
from desktop.filenames import checklist_stem, safe_stem
from desktop.later import later
from desktop.store.scenarios import StoredScenario
from desktop.ui import dialogs, style
from desktop.ui.i18n import current_language
from desktop.ui.plain import PlainLabel, tip
from desktop.ui.said import any_error_text
from desktop.ui.scenarios import ScenarioBook
from desktop.ui.screen_fit import fit_window
from desktop.ui.workspace_views import broken_lines
from desktop.wording import vocabulary

if TYPE_CHECKING:
    from desktop.report import comparison as comparison_report
    from desktop.ui import checklist_preview
    from desktop.ui.checklist_preview import ChecklistPreview
else:
    comparison_report = later("desktop.report.comparison")  # ReportLab: only when the page is printed or saved
    checklist_preview = later("desktop.ui.checklist_preview")  # QtPdf and QtPrintSupport: likewise

GAIN = QColor("#1a7f37")
GAIN_BACKGROUND = QColor("#e3f1e6")
LOSS = QColor("#b3261e")
LOSS_BACKGROUND = QColor("#fbe3e1")
HEADING_WIDTH = 150  # pixels: a longer heading is broken over lines
TITLE_WIDTH = 220


class ComparisonWindow(QWidget):
    def __init__(self, book: ScenarioBook, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.book = book
        self.heading = PlainLabel(self)
        style.heading(self.heading)
        self.subject = PlainLabel(self)
        self.subject.setWordWrap(True)
        self.note = PlainLabel(self)
        self.note.setWordWrap(True)
        style.muted(self.note)

        self.panel = ScenarioPanel(book, self)
        self.panel.setFixedWidth(220)
        self.table = QTableWidget(self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.horizontalHeader().sectionClicked.connect(self._header_clicked)
        # wrapped titles take their height from the width the item column gets once laid out
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.legend = PlainLabel(self)
        self.legend.setWordWrap(True)
        style.muted(self.legend)

        self.print_button = QPushButton(self)
        self.pdf_button = QPushButton(self)
        self.close_button = QPushButton(self)
        self.print_button.clicked.connect(self.print_preview)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.close_button.clicked.connect(self.close)

        right = QVBoxLayout()
        right.addWidget(self.table, 1)
        right.addWidget(self.legend)
        middle = QHBoxLayout()
        middle.addWidget(self.panel)
        middle.addLayout(right, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.print_button, self.pdf_button, self.close_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.subject)
        layout.addWidget(self.note)
        layout.addLayout(middle, 1)
        layout.addLayout(buttons)
        self.preview: ChecklistPreview | None = None
        book.changed.connect(self.refresh)
        self.retranslate()
        fit_window(self, 1300, 720)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("方案对比"))
        self.legend.setText(
            self.tr(
                "差额 = 方案 − 基础评估：“+”为增加（绿色），“−”为减少（红色）。金额为按各自回答最多可申请的数额；"
                "不可申请、未回答和待确认的项目计为 0。方案是假设的情形，基础评估及其定稿结果不因方案而改变。"
            )
        )
        self.print_button.setText(self.tr("打印…"))
        self.pdf_button.setText(self.tr("保存 PDF…"))
        self.close_button.setText(self.tr("关闭"))
        self.panel.retranslate()
        self.refresh()

    # -- filling ---------------------------------------------------------------------------------------
    def refresh(self) -> None:
        book = self.book
        self.panel.refresh()
        comparison, results = book.comparison()
        base = results[0]
        lang = current_language()
        firm = " · ".join(part for part in (base.enterprise.name, base.enterprise.credit_code) if part)
        self.subject.setText(
            self.tr("{firm}　《{policy}》　填写日期 {day}").format(
                firm=firm or self.tr("（未填写企业名称）"), policy=base.pack_title.get(lang), day=base.assessed_on
            )
        )
        notes = []
        if book.final:
            notes.append(self.tr("基础评估已定稿：显示的是定稿时冻结的结果。"))
            if base.pack_hash != book.pack.hash:
                notes.append(
                    self.tr("定稿结果按政策包版本 {old} 计算，方案按版本 {new} 计算，差额中也含版本的差别。").format(
                        old=base.pack_version, new=book.pack.version
                    )
                )
        self.note.setText("\n".join(notes))
        self.note.setVisible(bool(notes))
        self.setWindowTitle(
            self.tr("方案对比 — {enterprise}").format(enterprise=base.enterprise.name)
            if base.enterprise.name
            else self.tr("方案对比")
        )
        self._fill(comparison, results)

    def _fill(self, comparison: Comparison, results: list[Assessment]) -> None:
        lang = current_language()
        table = self.table
        columns = len(comparison.names)
        table.clear()
        table.setColumnCount(1 + columns)
        table.setRowCount(len(comparison.rows) + 1)
        metrics = table.horizontalHeader().fontMetrics()
        # long names over lines rather than cut (the scenarios' names are the user's, of any length)
        headings = [broken_lines(name, metrics, HEADING_WIDTH) for name in comparison.names]
        table.setHorizontalHeaderLabels([vocabulary.term("item", lang), *headings])
        for number, row in enumerate(comparison.rows):
            article = vocabulary.article_term(row.article, row.article_label, lang)
            title = QTableWidgetItem(f"{article}  {row.title.get(lang)}")
            title.setToolTip(tip(row.title.get(lang)))
            table.setItem(number, 0, title)
            for column in range(columns):
                cell = row.cells[column]
                item = results[column].item(row.item_id)
                difference = row.difference(column) if column else Decimal(0)
                lines = [cell_text(cell, lang)]
                if difference:
                    lines.append(signed_yuan(difference, lang))
                shown = self._figure("\n".join(lines), difference)
                reasons = vocabulary.join_reasons((r.get(lang) for r in item.reasons), lang)
                shown.setToolTip(tip(reasons or lines[0]))
                table.setItem(number, column + 1, shown)
        total_row = len(comparison.rows)
        label = QTableWidgetItem(vocabulary.term("total", lang))
        bold = QFont(table.font())
        bold.setBold(True)
        label.setFont(bold)
        table.setItem(total_row, 0, label)
        for column in range(columns):
            total = comparison.totals[column]
            difference = comparison.difference(column) if column else Decimal(0)
            lines = [vocabulary.yuan(total, lang)]
            if vocabulary.large_helps(total, lang):
                lines.append(vocabulary.large(total, lang))
            if difference:
                lines.append(signed_yuan(difference, lang))
                if vocabulary.large_helps(difference, lang):
                    lines.append(signed_large(difference, lang))
            shown = self._figure("\n".join(lines), difference)
            shown.setFont(bold)
            table.setItem(total_row, column + 1, shown)
        header = table.horizontalHeader()
        for column in range(columns + 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        for column in range(1, columns + 1):
            # as wide as its figures, and as its heading's longest line
            heading = max(metrics.horizontalAdvance(line) for line in headings[column - 1].splitlines() or [""])
            table.setColumnWidth(column, max(table.sizeHintForColumn(column), heading + 16))
            header_item = table.horizontalHeaderItem(column)
            if header_item is not None:
                header_item.setToolTip(tip(comparison.names[column - 1]))
        self._fit_titles()

    def _fit_titles(self) -> None:
        """The item titles get the width the figures leave, never less than TITLE_WIDTH (then the table
        scrolls sideways rather than squeeze the titles into a column of single words)."""
        table = self.table
        figures = sum(table.columnWidth(c) for c in range(1, table.columnCount()))
        table.setColumnWidth(0, max(TITLE_WIDTH, table.viewport().width() - figures))
        table.resizeRowsToContents()

    def _figure(self, text: str, difference: Decimal) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if difference:
            gain = difference > 0
            item.setBackground(GAIN_BACKGROUND if gain else LOSS_BACKGROUND)
            item.setForeground(GAIN if gain else LOSS)
            font = QFont(self.table.font())
            font.setBold(True)
            item.setFont(font)
        return item

    def _header_clicked(self, column: int) -> None:
        """A scenario's heading opens it (the base's and the item column's do nothing)."""
        shown = self.book.compared_entries()
        if column >= 2 and column - 2 < len(shown):
            self.book.edit(shown[column - 2].id)

    # -- reading (tests, screenshots) ------------------------------------------------------------------
    def cell_text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def headers(self) -> list[str]:
        return [
            item.text() if (item := self.table.horizontalHeaderItem(c)) is not None else ""
            for c in range(self.table.columnCount())
        ]

    # -- the PDF ---------------------------------------------------------------------------------------
    def pdf_bytes(self) -> bytes | None:
        """The one-page comparison in the window's language; None (and a message) if it failed."""
        self.book.reload()  # the base's state (finalised since?) as stored now
        comparison, results = self.book.comparison()
        finalised = ""
        if self.book.final:
            when = self.book.base.finalised_at
            finalised = when.astimezone().date().isoformat() if when is not None else ""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return comparison_report.comparison_bytes(comparison, results[0], current_language(), finalised=finalised)
        except Exception as exc:  # a layout bug must end in a message, not a traceback in front of the clerk
            dialogs.error(
                self, self.tr("无法生成对比表"), self.tr("生成对比表时出错：{error}").format(error=any_error_text(exc))
            )
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()

    def suggested_file_name(self) -> str:
        """`方案对比-<code>-<name>.pdf`: never the checklist's name, which saving it beside would overwrite."""
        e = self.book.enterprise
        label = self.tr("方案对比")
        return safe_stem(f"{label}-{checklist_stem(e.name, e.credit_code, label)}", fallback=label) + ".pdf"

    def _wording(self) -> tuple[str, str, str]:
        """What the save dialog and the message after it say: the comparison, not the checklist."""
        return (
            self.tr("保存方案对比 PDF"),
            self.tr("方案对比已保存"),
            self.tr("方案对比 PDF 已保存到：\n{path}"),
        )

    def print_preview(self) -> ChecklistPreview | None:
        """The page in a preview, with 打印… and 保存为 PDF… (the checklist's preview)."""
        data = self.pdf_bytes()
        if data is None:
            return None
        preview = checklist_preview.ChecklistPreview(self, data, self.suggested_file_name(), self._wording())
        preview.setWindowTitle(self.tr("方案对比预览"))
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        fit_window(preview, 1100, 820)  # the page is landscape
        preview.open()
        self.preview = preview
        return preview

    def save_pdf(self) -> Path | None:
        data = self.pdf_bytes()
        if data is None:
            return None
        return checklist_preview.write_pdf(self, data, self.suggested_file_name(), self._wording())

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self._fit_titles()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._fit_titles()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        # kept for the next 方案对比 (the book owns it); the scenario windows stay open
        self.hide()
        event.ignore()


class ScenarioPanel(QWidget):
    """The list of an assessment's scenarios, each with a box for "compare", and what can be done to them."""

    def __init__(self, book: ScenarioBook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book = book
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = PlainLabel(self)
        style.bold(self.heading)
        layout.addWidget(self.heading)
        self.hint = PlainLabel(self)
        self.hint.setWordWrap(True)
        style.muted(self.hint)
        layout.addWidget(self.hint)
        self.list = QListWidget(self)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)  # a long name ends in "…", whole on hover
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemChanged.connect(self._checked)
        self.list.itemDoubleClicked.connect(lambda item: book.edit(int(item.data(Qt.ItemDataRole.UserRole))))
        self.list.currentRowChanged.connect(lambda _row: self._enable())
        layout.addWidget(self.list, 1)
        self.empty = PlainLabel(self)
        self.empty.setWordWrap(True)
        style.muted(self.empty)
        layout.addWidget(self.empty)
        self.new_button = QPushButton(self)
        self.copy_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        row = QHBoxLayout()
        self.rename_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        row.addWidget(self.rename_button)
        row.addWidget(self.delete_button)
        for button in (self.new_button, self.copy_button, self.edit_button):
            layout.addWidget(button)
        layout.addLayout(row)
        self.note = PlainLabel(self)
        self.note.setWordWrap(True)
        style.error_text(self.note)
        layout.addWidget(self.note)
        self.new_button.clicked.connect(lambda: book.create())
        self.copy_button.clicked.connect(self._copy)
        self.edit_button.clicked.connect(self._edit)
        self.rename_button.clicked.connect(self._rename)
        self.delete_button.clicked.connect(self._delete)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("方案"))
        self.hint.setText(
            self.tr("勾选要与基础评估并排对比的方案（最多 {n} 个）。双击打开修改。").format(n=MAX_SCENARIOS)
        )
        self.empty.setText(self.tr("还没有方案。点“新建”复制基础评估的答案，再改其中的假设，例如明年新购置的设备。"))
        self.new_button.setText(self.tr("新建（复制基础评估）…"))
        self.copy_button.setText(self.tr("复制所选…"))
        self.edit_button.setText(self.tr("打开所选修改"))
        self.rename_button.setText(self.tr("重命名…"))
        self.delete_button.setText(self.tr("删除…"))
        self.note.clear()

    def refresh(self) -> None:
        current = self.selected()
        self.list.blockSignals(True)
        self.list.clear()
        for entry in self.book.entries:
            item = QListWidgetItem(entry.name, self.list)
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if entry.id in self.book.compared else Qt.CheckState.Unchecked)
            item.setToolTip(tip(entry.name))
            if current is not None and entry.id == current.id:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(self.list.count() - 1)
        self.list.blockSignals(False)
        self.empty.setVisible(not self.book.entries)
        self._enable()

    def selected(self) -> StoredScenario | None:
        item = self.list.currentItem()
        return self.book.entry(int(item.data(Qt.ItemDataRole.UserRole))) if item is not None else None

    def _enable(self) -> None:
        chosen = self.selected() is not None
        for button in (self.copy_button, self.edit_button, self.rename_button, self.delete_button):
            button.setEnabled(chosen)

    def _checked(self, item: QListWidgetItem) -> None:
        scenario_id = int(item.data(Qt.ItemDataRole.UserRole))
        on = item.checkState() == Qt.CheckState.Checked
        if self.book.set_compared(scenario_id, on):
            self.note.clear()
            return
        self.list.blockSignals(True)
        item.setCheckState(Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self.note.setText(self.tr("一页最多并排对比 {n} 个方案：请先取消勾选另一个。").format(n=MAX_SCENARIOS))

    def _copy(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.book.create(chosen)

    def _edit(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.book.edit(chosen.id)

    def _rename(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.book.rename(chosen.id)

    def _delete(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.book.delete(chosen.id)
