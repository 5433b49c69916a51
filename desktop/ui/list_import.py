"""从清单导入: a list the firm already has (premium invoices, equipment) read into the money question it fills.

Reachable from the money field the list fills (a button beside it) and, for the documents view, through
`open_list_import`. The dialog reads the chosen file (`desktop.lists`), proposes the header row and which
column is which (the columns the firm confirmed last time first), shows every row counted or left out with
why and the total, and on 导入: keeps the import with the assessment, attaches the list as a PDF to its
document, remembers the columns for the firm, and fills the answer. Under the field, a line says where the
figure came from, or that the typed figure no longer matches the list.

Before a checklist is printed or saved, `confirm_list_figures` names every typed figure that disagrees with
its list's total and lets the user go on or go back.

Everything from the file (headers, cells, the file's name) is shown as plain text: labels are set to plain
text, table cells are model data (drawn as text), and no tooltip repeats outside text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.engine.list_totals import ListTotal, list_mismatches, source_text
from desktop.later import later
from desktop.lists import (
    Layout,
    ListFileError,
    ListReading,
    Source,
    check_list,
    propose,
    read_list_file,
    relayout,
    remembered_names,
)
from desktop.lists.layout import column_letter, header_texts
from desktop.lists.rows import RowOutcome
from desktop.policy.lists import ListKind, list_for_document, list_for_question, list_kind
from desktop.policy.model import Lang
from desktop.store.errors import StoreError
from desktop.ui import dialogs, style
from desktop.ui.plain import PlainLabel
from desktop.ui.said import error_text, report_error
from desktop.ui.screen_fit import fit_window
from desktop.ui.session import AssessmentSession
from desktop.wording import vocabulary

if TYPE_CHECKING:
    from desktop import attachments
    from desktop.report import list_pdf
    from desktop.store import lists as stored_lists
else:
    attachments = later("desktop.attachments")  # pypdf: when a list's PDF is checked
    list_pdf = later("desktop.report.list_pdf")  # ReportLab: when a list's PDF is drawn
    stored_lists = later("desktop.store.lists")  # SQLAlchemy: when an imported list is kept

Index = QModelIndex | QPersistentModelIndex
PLAIN = Qt.TextFormat.PlainText
REFUSED = QColor("#b3261e")
SKIPPED = QColor("#666666")


def list_filter() -> str:
    return QCoreApplication.translate("ListImportDialog", "表格文件 (*.xlsx *.xlsm *.csv *.txt);;所有文件 (*)")


class RowsModel(QAbstractTableModel):
    """The rows of a reading: 行, 结果, the list's columns, 原因 / 说明; filtered to all, counted or left out."""

    def __init__(self, kind: ListKind, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.lang = lang
        self.rows: list[RowOutcome] = []
        self.shown = "all"

    def show(self, reading: ListReading | None, shown: str | None = None) -> None:
        self.beginResetModel()
        self.shown = shown or self.shown
        rows = list(reading.rows) if reading is not None else []
        if self.shown == "counted":
            rows = [r for r in rows if r.counted]
        elif self.shown == "left_out":
            rows = [r for r in rows if not r.counted]
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self.kind.columns) + 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return self.tr("行")
        if section == 1:
            return self.tr("结果")
        if section == len(self.kind.columns) + 2:
            return self.tr("原因 / 说明")
        return self.kind.columns[section - 2].label.get(self.lang)

    def _status(self, row: RowOutcome) -> str:
        if row.counted:
            return self.tr("计入")
        return self.tr("未计入")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        last = len(self.kind.columns) + 2
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return str(row.number)
            if column == 1:
                return self._status(row)
            if column == last:
                return self.tr("；").join(t.get(self.lang) for t in (*row.reasons, *row.notes))
            return row.values.get(self.kind.columns[column - 2].id, "")
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.status == "refused":
                return QBrush(REFUSED)
            if row.status == "skipped":
                return QBrush(SKIPPED)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == 0 or (1 < column < last and self.kind.columns[column - 2].type == "money"):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        return None


class ListImportDialog(QDialog):
    """Pick the file, see and change which column is which, see every row and the total, import."""

    def __init__(self, session: AssessmentSession, kind: ListKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.kind = kind
        self.lang: Lang = session.lang
        self.source: Source | None = None
        self.layout_: Layout | None = None
        self.reading: ListReading | None = None
        self.imported: ListTotal | None = None
        self.remembered: dict[str, str] = {}
        self.based_on: int | None = None
        self._quiet = False
        question = session.pack.question(kind.question)
        title = kind.title.get(self.lang)
        self.setWindowTitle(self.tr("从清单导入：{title}").format(title=title))
        outer = QVBoxLayout(self)
        heading = PlainLabel(self.tr("导入{title}").format(title=title), self)
        style.heading(heading)
        outer.addWidget(heading)
        about = [kind.help.get(self.lang)] if kind.help.zh else []
        if question is not None:
            about.append(self.tr("各行合计将填入“{question}”。").format(question=question.label.get(self.lang)))
        start, end = session.pack.period
        about.append(self.tr("日期应在 {start} 至 {end} 之间。").format(start=start.isoformat(), end=end.isoformat()))
        stated = self._minimum()
        if stated is not None and kind.minimum is not None:
            about.append(
                self.tr("申报指南规定：{what}不低于 {amount}。").format(
                    what=kind.minimum.label.get(self.lang), amount=vocabulary.yuan(stated, self.lang)
                )
            )
        self.about = PlainLabel(" ".join(about), self)
        self.about.setWordWrap(True)
        style.muted(self.about)
        outer.addWidget(self.about)

        top = QHBoxLayout()
        self.choose_button = QPushButton(self.tr("选择文件…"), self)
        self.choose_button.clicked.connect(self.choose_file)
        top.addWidget(self.choose_button)
        self.file_label = PlainLabel(self.tr("尚未选择文件（Excel .xlsx 或 CSV）"), self)
        top.addWidget(self.file_label, 1)
        self.sheet_label = PlainLabel(self.tr("工作表"), self)
        self.sheet_box = QComboBox(self)
        self.sheet_box.currentIndexChanged.connect(lambda _i: self._sheet_chosen())
        top.addWidget(self.sheet_label)
        top.addWidget(self.sheet_box)
        self.header_label = PlainLabel(self.tr("表头所在行"), self)
        self.header_spin = QSpinBox(self)
        self.header_spin.setRange(1, 10_000)
        self.header_spin.valueChanged.connect(lambda _v: self._header_chosen())
        self.header_label.setBuddy(self.header_spin)
        for widget in (self.header_label, self.header_spin):
            top.addWidget(widget)
        outer.addLayout(top)

        self.columns_box = QGroupBox(self.tr("列的对应（* 为必填列；可改选）"), self)
        grid = QGridLayout(self.columns_box)
        grid.setContentsMargins(8, 4, 8, 4)
        self.column_boxes: dict[str, QComboBox] = {}
        per_line = 4
        for position, column in enumerate(kind.columns):
            name = column.label.get(self.lang) + (" *" if column.required else "")
            label = PlainLabel(name, self.columns_box)
            box = QComboBox(self.columns_box)
            box.setMinimumContentsLength(10)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.currentIndexChanged.connect(lambda _i, column_id=column.id: self._column_chosen(column_id))
            label.setBuddy(box)
            line, place = divmod(position, per_line)
            grid.addWidget(label, line, 2 * place)
            grid.addWidget(box, line, 2 * place + 1)
            grid.setColumnStretch(2 * place + 1, 1)
            self.column_boxes[column.id] = box
        outer.addWidget(self.columns_box)

        self.warnings = PlainLabel(self)
        self.warnings.setWordWrap(True)
        style.error_text(self.warnings)
        self.warnings.hide()
        outer.addWidget(self.warnings)

        middle = QHBoxLayout()
        middle.addWidget(PlainLabel(self.tr("显示"), self))
        self.filter_box = QComboBox(self)
        self.filter_box.addItem(self.tr("全部行"), "all")
        self.filter_box.addItem(self.tr("计入的行"), "counted")
        self.filter_box.addItem(self.tr("未计入的行"), "left_out")
        self.filter_box.currentIndexChanged.connect(lambda _i: self._filter_chosen())
        middle.addWidget(self.filter_box)
        self.summary = PlainLabel(self)
        style.bold(self.summary)
        self.summary.setWordWrap(True)
        middle.addWidget(self.summary, 1)
        outer.addLayout(middle)

        self.model = RowsModel(kind, self.lang, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # rows as tall as a line of text: a 2,000-row list shows twenty at a time on a laptop
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        outer.addWidget(self.table, 1)
        self.detail = PlainLabel(self)  # the selected row's reasons in full: the column may cut them
        self.detail.setWordWrap(True)
        self.detail.setObjectName("rowDetail")
        self.detail.hide()
        outer.addWidget(self.detail)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _previous: self._row_chosen(current))

        buttons = QHBoxLayout()
        self.stored_label = PlainLabel(self)
        style.muted(self.stored_label)
        self.stored_label.setWordWrap(True)
        buttons.addWidget(self.stored_label, 1)
        self.import_button = QPushButton(self.tr("导入"), self)
        style.bold(self.import_button)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.import_list)
        self.cancel_button = QPushButton(self.tr("取消"), self)
        self.cancel_button.clicked.connect(self.reject)
        for button in (self.import_button, self.cancel_button):
            button.setMinimumWidth(110)
            button.setAutoDefault(False)
            buttons.addWidget(button)
        outer.addLayout(buttons)
        self._set_loaded(False)
        self._read_stored()
        fit_window(self, 1240, 700)

    # -- what is known before a file is chosen -------------------------------------------------------------
    def _minimum(self) -> Decimal | None:
        guide = self.session.guide
        stated = guide.lists.get(self.kind.id) if guide is not None else None
        return stated.minimum if stated is not None else None

    def _read_stored(self) -> None:
        """The import kept with the assessment (its version is what a new import is based on), and the
        columns the firm confirmed last time."""
        lists = self.session.lists
        if lists is None:
            self.stored_label.setText(self.tr("本评估未保存在数据库中：导入的合计会填入答案，清单不会附加到申报材料。"))
            return
        try:
            stored = lists.stored(self.kind.id)
            self.remembered = lists.remembered(self.kind.id)
        except StoreError as exc:
            self.stored_label.setText(error_text(exc))
            return
        if stored is not None:
            self.based_on = stored.version
            self.stored_label.setText(
                self.tr("上次导入：{source}；新的导入将替换它和它生成的 PDF。").format(
                    source=source_text(self.session.pack, stored.as_total(), self.lang)
                )
            )

    # -- the file ------------------------------------------------------------------------------------------
    def choose_file(self) -> None:
        path = dialogs.open_file(self, self.tr("选择清单文件"), list_filter())
        if path is not None:
            self.load_file(path)

    def load_file(self, path: Path) -> bool:
        """Read a file (as 选择文件… does); a file that cannot be read is said, and the dialog stays as it was."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        problem: str | None = None
        try:
            source = read_list_file(path)
        except ListFileError as exc:
            problem = exc.reason.get(self.lang)
        except Exception as exc:  # a fault of the program: one line, never a traceback in front of a clerk
            problem = self.tr("程序内部错误（{kind}），文件未读取；请把文件交给技术支持").format(
                kind=type(exc).__name__
            )
        finally:
            QGuiApplication.restoreOverrideCursor()
        if problem is not None:
            # the program's words first: a file name on the first line could be taken for markup
            dialogs.error(self, self.tr("无法读取清单"), self.tr("无法读取清单文件：") + f"\n{path.name}\n{problem}")
            return False
        self.source = source
        how = self.tr("，").join(note.get(self.lang) for note in source.notes)  # how a CSV was read
        self.file_label.setText(self.tr("{name}（{how}）").format(name=path.name, how=how) if how else path.name)
        self._quiet = True
        self.sheet_box.clear()
        for sheet in source.sheets:
            self.sheet_box.addItem(sheet.name)
        self._quiet = False
        best = max(source.sheets, key=lambda s: len(propose(s, self.kind, self.remembered).columns))
        self.sheet_box.setCurrentIndex(source.sheets.index(best))
        self._sheet_chosen()
        self._set_loaded(True)
        return True

    def _set_loaded(self, loaded: bool) -> None:
        several = loaded and self.source is not None and len(self.source.sheets) > 1
        self.sheet_label.setVisible(several)
        self.sheet_box.setVisible(several)
        for widget in (self.header_label, self.header_spin, self.columns_box, self.filter_box):
            widget.setEnabled(loaded)

    def _sheet_chosen(self) -> None:
        if self._quiet or self.source is None:
            return
        sheet = self.source.sheet(self.sheet_box.currentText())
        self.layout_ = propose(sheet, self.kind, self.remembered)
        self._show_layout()

    def _header_chosen(self) -> None:
        if self._quiet or self.source is None or self.layout_ is None:
            return
        sheet = self.source.sheet(self.layout_.sheet)
        self.layout_ = relayout(sheet, self.kind, self.header_spin.value(), self.remembered)
        self._show_layout()

    def _show_layout(self) -> None:
        """The header row and the column choices as proposed, then the rows checked with them."""
        assert self.source is not None and self.layout_ is not None
        sheet = self.source.sheet(self.layout_.sheet)
        headers = header_texts(sheet, self.layout_.header_row, self.layout_.header_rows)
        self._quiet = True
        self.header_spin.setValue(max(1, self.layout_.header_row))
        for column_id, box in self.column_boxes.items():
            box.clear()
            box.addItem(self.tr("（不读取）"), -1)
            for index, text in enumerate(headers):
                shown = self.tr("{letter} 列：{header}").format(letter=column_letter(index), header=text or "—")
                box.addItem(shown, index)
            chosen = self.layout_.columns.get(column_id, -1)
            box.setCurrentIndex(box.findData(chosen))
        self._quiet = False
        self._check()

    def _column_chosen(self, column_id: str) -> None:
        if self._quiet or self.layout_ is None:
            return
        box = self.column_boxes[column_id]
        index = box.currentData()
        columns = {k: v for k, v in self.layout_.columns.items() if k != column_id}
        if isinstance(index, int) and index >= 0:
            for other, position in list(columns.items()):  # one source column reads as one list column
                if position == index:
                    del columns[other]
                    self._quiet = True
                    self.column_boxes[other].setCurrentIndex(0)
                    self._quiet = False
            columns[column_id] = index
        self.layout_ = Layout(self.layout_.sheet, self.layout_.header_row, columns, self.layout_.header_rows)
        self._check()

    def set_column(self, column_id: str, source_column: int | None) -> None:
        """Choose the source column (0-based; None: not read) for a list column, as the user does."""
        box = self.column_boxes[column_id]
        box.setCurrentIndex(box.findData(-1 if source_column is None else source_column))

    # -- the rows ------------------------------------------------------------------------------------------
    def _filter_chosen(self) -> None:
        self.model.show(self.reading, self.filter_box.currentData())

    def _row_chosen(self, index: QModelIndex) -> None:
        rows = self.model.rows
        row = rows[index.row()] if index.isValid() and index.row() < len(rows) else None
        said = [t.get(self.lang) for t in (*row.reasons, *row.notes)] if row is not None else []
        self.detail.setText(
            self.tr("第 {row} 行：{said}").format(row=row.number, said=self.tr("；").join(said))
            if row is not None and said
            else ""
        )
        self.detail.setVisible(bool(said))
        if row is not None and row.status == "refused":
            style.error_text(self.detail)
        else:
            style.muted(self.detail)

    def _check(self) -> None:
        assert self.source is not None and self.layout_ is not None
        self.reading = check_list(self.source, self.layout_, self.kind, self.session.pack, self.session.guide)
        self.model.show(self.reading, self.filter_box.currentData())
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount() - 1):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 260))
        self._show_summary()

    def _show_summary(self) -> None:
        reading = self.reading
        assert reading is not None
        lines = [w.get(self.lang) for w in reading.warnings]
        if reading.missing:
            names = self.tr("、").join(
                c.label.get(self.lang) for name in reading.missing if (c := self.kind.column(name)) is not None
            )
            lines.insert(0, self.tr("请为必填列选择对应的列：{names}").format(names=names))
        if reading.total < 0:
            lines.insert(0, self.tr("计入各行的合计为负数，不能作为金额导入"))
        self.warnings.setText("\n".join(lines))
        self.warnings.setVisible(bool(lines))
        above = reading.header_row - reading.header_rows
        parts = [
            self.tr("计入 {counted} 行，未计入 {left_out} 行").format(
                counted=f"{reading.counted:,}", left_out=f"{reading.left_out:,}"
            )
        ]
        if reading.blank:
            parts.append(self.tr("另有空行 {count} 行").format(count=f"{reading.blank:,}"))
        if above > 0:
            parts.append(self.tr("表头以上 {count} 行（标题等）未读取").format(count=above))
        total = vocabulary.yuan_and_large(reading.total, self.lang)
        self.summary.setText(self.tr("{rows}；合计 {total}").format(rows=self.tr("，").join(parts), total=total))
        self.import_button.setEnabled(reading.importable)

    # -- importing -----------------------------------------------------------------------------------------
    def import_list(self) -> None:
        reading, question = self.reading, self.session.pack.question(self.kind.question)
        if reading is None or not reading.importable or question is None or self.source is None:
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            kept = self._keep(reading)
        finally:
            QGuiApplication.restoreOverrideCursor()
        if kept is None:
            return
        self.imported = kept
        self.session.set_list_total(question.id, kept)
        self.accept()

    def _keep(self, reading: ListReading) -> ListTotal | None:
        """The import kept with the stored assessment (and its PDF attached); without a database the total
        only. None when it could not be kept (said) or the user chose not to replace another's import."""
        now = dt.datetime.now(dt.UTC)
        total = ListTotal(self.kind.id, reading.total, reading.source, now, reading.counted, reading.left_out)
        lists = self.session.lists
        if lists is None:
            return total
        try:
            pdf = self._pdf(reading)
        except Exception as exc:  # a PDF that cannot be drawn must not lose the import: said, then stopped
            dialogs.error(self, self.tr("无法生成清单 PDF"), self.tr("未导入：{kind}").format(kind=type(exc).__name__))
            return None
        for _attempt in range(2):
            try:
                stored = lists.keep(self.kind, reading, based_on=self.based_on, pdf=pdf)
            except stored_lists.ListChangedError as exc:
                replace = dialogs.choice(
                    self,
                    self.tr("清单已在别处导入"),
                    self.tr("这份清单已在别处重新导入。\n{reason}").format(reason=error_text(exc)),
                    [self.tr("用本次导入替换"), self.tr("取消")],
                )
                if replace != 0:
                    return None
                self.based_on = exc.theirs.version if exc.theirs is not None else None
                continue
            except StoreError as exc:
                report_error(self, self.tr("无法保存导入"), exc)
                return None
            self.based_on = stored.version
            if self.source is not None and self.layout_ is not None:
                lists.remember(self.kind.id, remembered_names(self.layout_, self.source.sheet(self.layout_.sheet)))
            return stored.as_total()
        return None

    def _pdf(self, reading: ListReading) -> Any:
        session = self.session
        document = list_pdf.ListDocument(
            self.kind,
            reading,
            session.pack,
            session.enterprise.name,
            session.enterprise.credit_code,
            session.today(),
            self.lang,
        )
        stem = PurePath(reading.source).stem[:60]
        name = self.tr("{title}（{stem}）.pdf").format(title=self.kind.title.get(self.lang), stem=stem)
        return attachments.check_bytes(name, list_pdf.list_pdf_bytes(document))


# -- beside the money field ------------------------------------------------------------------------------


class ListSourceLine(PlainLabel):
    """Under a money field a list fills: where its figure came from, or that it no longer matches."""

    def __init__(self, session: AssessmentSession, kind: ListKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.kind = kind
        self.setWordWrap(True)
        self.setObjectName("listSource")
        session.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        session = self.session
        total = session.list_totals.get(self.kind.id)
        if total is None:
            self.hide()
            return
        found = list_mismatches(session.pack, session.answers, [total])
        if found:
            self.setText(found[0].text(session.lang) + self.tr("（打印清单前会再提示）"))
            style.error_text(self)
        else:
            self.setText(source_text(session.pack, total, session.lang))
            style.muted(self)
        self.show()


def open_list_import(parent: QWidget, session: AssessmentSession, list_id: str) -> ListTotal | None:
    """The dialog for one of the pack's lists (from the documents view too); the total imported, or None."""
    kind = list_kind(session.pack, list_id)
    if kind is None:
        return None
    dialog = ListImportDialog(session, kind, parent)
    dialog.exec()
    return dialog.imported


def open_for_document(parent: QWidget, session: AssessmentSession, item_id: str, document_id: str) -> ListTotal | None:
    """From an item's documents: the list that document is, if it is one."""
    kind = list_for_document(session.pack, item_id, document_id)
    return open_list_import(parent, session, kind.id) if kind is not None else None


def attach_list_import(row: Any, session: AssessmentSession) -> None:
    """Give a question row whose money question a list fills the button (beside the field, hidden with its
    inputs when the assessment is final) and the line saying where the figure came from."""
    kind = list_for_question(session.pack, row.question.id)
    if kind is None:
        return
    field = row.field
    button = QPushButton(QCoreApplication.translate("ListImportDialog", "从清单导入…"), field.inputs)
    button.setObjectName("listImportButton")
    button.setAutoDefault(False)

    def run() -> None:
        total = open_list_import(row, session, kind.id)
        if total is not None:
            field.set_value(total.total)

    button.clicked.connect(run)
    field.row.insertWidget(2, button)  # after the amount and its unit
    row.layout().addWidget(ListSourceLine(session, kind, row))


def confirm_list_figures(parent: QWidget, session: AssessmentSession) -> bool:
    """Before printing or saving: every typed figure that disagrees with its imported list, named with both
    amounts; True when there is none or the user goes on anyway."""
    found = list_mismatches(session.pack, session.answers, session.list_totals.values())
    if not found:
        return True
    lines: Sequence[str] = [m.text(session.lang) for m in found]
    # the first line is the program's own: a line of outside text first could be taken for markup
    text = QCoreApplication.translate("ListImportDialog", "以下金额与导入的清单合计不一致：") + "\n" + "\n".join(lines)
    text += "\n\n" + QCoreApplication.translate(
        "ListImportDialog", "申报材料中的金额与所附清单不符，审核时常被退回。要先核对，还是照常继续？"
    )
    choice = dialogs.choice(
        parent,
        QCoreApplication.translate("ListImportDialog", "金额与清单不一致"),
        text,
        [  # the first is the default (Enter): going back is the safe one
            QCoreApplication.translate("ListImportDialog", "返回核对"),
            QCoreApplication.translate("ListImportDialog", "照常继续"),
        ],
    )
    return choice == 1
