"""A table of records (overseas projects, IP cases): a list with an editor form under it.

Not a modal dialog: the form sits on the page, so the keyboard flow stays on one screen and tests
need no dialog handling. Enter in the form adds (or updates) the record.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.policy import Question
from desktop.policy.model import Lang
from desktop.ui import style
from desktop.ui.fields.base import FieldWidget
from desktop.ui.fields.factory import field_for_question
from desktop.ui.plain import PlainLabel, form_row
from desktop.wording.answers import display_value

Record = dict[str, Any]


class RecordEditor(QGroupBox):
    """The form for one record; handles Enter itself so that it does not turn the page."""

    def __init__(self, owner: TableField, fields: list[FieldWidget], labels: list[str]) -> None:
        super().__init__(owner)
        self.owner = owner
        self.fields = fields
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field, label in zip(fields, labels, strict=True):
            form_row(form, label, field)  # a pack's words: shown as text

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.owner.save_record()
            event.accept()
            return
        super().keyPressEvent(event)


class TableField(FieldWidget):
    def __init__(
        self,
        question: Question,
        lang: Lang = "zh",
        parent: QWidget | None = None,
        period: tuple[dt.date, dt.date] | None = None,
    ) -> None:
        super().__init__(question.id, parent)
        self.question = question
        self.lang: Lang = lang
        self.records: list[Record] = []
        self._editing: int | None = None
        body = QVBoxLayout()
        self.row.addLayout(body, 1)

        self.table = QTableWidget(0, len(question.fields), self)
        self.table.setHorizontalHeaderLabels([f.label.get(lang) for f in question.fields])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(True)
        self.table.setMinimumHeight(110)
        self.table.setMaximumHeight(190)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self.edit_selected())
        body.addWidget(self.table)

        record_name = self.record_name()
        self.sub_fields = [field_for_question(sub, lang, period=period) for sub in question.fields]
        self.editor = RecordEditor(self, self.sub_fields, [sub.label.get(lang) for sub in question.fields])
        self.editor.setTitle(self.tr("新{record}").format(record=record_name))
        body.addWidget(self.editor)

        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("添加{record}").format(record=record_name), self)
        self.update_button = QPushButton(self.tr("保存修改"), self)
        self.edit_button = QPushButton(self.tr("修改所选"), self)
        self.remove_button = QPushButton(self.tr("删除所选"), self)
        self.cancel_button = QPushButton(self.tr("清空表单"), self)
        for button in (self.add_button, self.update_button, self.edit_button, self.remove_button, self.cancel_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        body.addLayout(buttons)
        self.form_error = PlainLabel(self)
        style.error_text(self.form_error)
        self.form_error.setWordWrap(True)
        self.form_error.hide()
        body.addWidget(self.form_error)
        style.steady(self.form_error)  # a refused record names its faults here without moving the page
        style.steady(self.error_label)

        self.add_button.clicked.connect(self.save_record)
        self.update_button.clicked.connect(self.save_record)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.cancel_button.clicked.connect(self.clear_form)
        for sub in self.sub_fields:
            sub.edited.connect(self._form_edited)
        self._update_buttons()

    def record_name(self) -> str:
        """The pack's name of one record, as it reads inside a sentence: "Add overseas project", not
        "Add Overseas project" (an acronym such as "IP case" keeps its capitals)."""
        name = self.question.record_label.get(self.lang)
        if self.lang == "en" and name[:1].isupper() and not name[1:2].isupper():
            return name[:1].lower() + name[1:]
        return name

    # -- the form --------------------------------------------------------------------------------------
    def form_problems(self) -> list[str]:
        """Why the form cannot become a record: invalid inputs, and money columns left empty."""
        problems: list[str] = []
        for sub, question in zip(self.sub_fields, self.question.fields, strict=True):
            problem = sub.error()
            if problem is not None:
                problems.append(
                    self.tr("{label}：{problem}").format(label=question.label.get(self.lang), problem=problem)
                )
            elif question.type == "money" and sub.value() is None:
                problems.append(self.tr("请填写{label}").format(label=question.label.get(self.lang)))
        return problems

    def form_record(self) -> Record:
        return {sub.field_id: sub.value() for sub in self.sub_fields if sub.value() is not None}

    def fill_form(self, record: Record) -> None:
        """Put a record into the form (as the user would type it); used by tests and by 修改所选."""
        for sub in self.sub_fields:
            sub.set_value(record.get(sub.field_id))
        self.form_error.hide()
        self._update_buttons()

    def form_is_blank(self) -> bool:
        return all(sub.is_empty() for sub in self.sub_fields)

    def save_record(self) -> bool:
        problems = self.form_problems()
        if problems:
            self.form_error.setText("\n".join(problems))
            self.form_error.show()
            for sub in self.sub_fields:
                sub.show_error()
            return False
        record = self.form_record()
        if self._editing is None:
            self.records.append(record)
        else:
            self.records[self._editing] = record
        self._editing = None
        self._reset_form()
        self._render()
        self._user_edited()
        self.sub_fields[0].focus_input()  # ready for the next record, not left in the last field
        return True

    def clear_form(self) -> None:
        """清空表单: the form is empty, so nothing unsaved is left to say, here or under the page."""
        self._editing = None
        self._reset_form()
        self._user_edited()

    def _reset_form(self) -> None:
        for sub in self.sub_fields:
            sub.set_value(None)
        self.form_error.hide()
        self.editor.setTitle(self.tr("新{record}").format(record=self.record_name()))
        self._update_buttons()

    def _form_edited(self) -> None:
        if self.form_error.isVisible() and not self.form_problems():
            self.form_error.hide()
        if self.error() is None:  # the "unsaved form" mark goes as soon as the form is saved or cleared
            self.show_error()

    # -- the list --------------------------------------------------------------------------------------
    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def select_row(self, index: int) -> None:
        self.table.selectRow(index)

    def edit_selected(self) -> None:
        index = self.selected_row()
        if index is None:
            return
        self._editing = index
        self.fill_form(self.records[index])
        self.editor.setTitle(self.tr("修改第 {n} 条{record}").format(n=index + 1, record=self.record_name()))
        self._update_buttons()
        self.sub_fields[0].focus_input()

    def remove_selected(self) -> None:
        index = self.selected_row()
        if index is None:
            return
        del self.records[index]
        if self._editing is not None:
            self._editing = None
            self._reset_form()
        self._render()
        self._user_edited()

    def _render(self) -> None:
        self.table.setRowCount(len(self.records))
        for row, record in enumerate(self.records):
            for column, sub in enumerate(self.question.fields):
                shown = "" if sub.id not in record else display_value(sub, record[sub.id]).get(self.lang)
                cell = QTableWidgetItem(shown)
                if sub.type == "money":
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, cell)
        self._update_buttons()

    def _selection_changed(self) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = self.selected_row() is not None
        editing = self._editing is not None
        self.add_button.setVisible(not editing)
        self.update_button.setVisible(editing)
        self.edit_button.setEnabled(selected)
        self.remove_button.setEnabled(selected)

    # -- FieldWidget -----------------------------------------------------------------------------------
    def value(self) -> list[Record]:
        return [dict(record) for record in self.records]

    def error(self) -> str | None:
        """A record typed into the form but not added would be lost: say so before the page turns."""
        if not self.form_is_blank():
            verb = self.tr("保存修改") if self._editing is not None else self.add_button.text()
            return self.tr("表单中还有未保存的内容：请点“{verb}”，或点“清空表单”").format(verb=verb)
        return None

    def value_ready(self) -> bool:
        return True  # the rows are complete records; an unsaved form does not hold them back

    def set_value(self, value: Any | None) -> None:
        self.records = [dict(record) for record in value] if isinstance(value, list) else []
        self._editing = None
        self._reset_form()
        self._render()
        self.show_error()

    def set_read_only(self, read_only: bool) -> None:
        """The list stays (it is the answer); the form and its buttons go."""
        self.read_only = read_only
        self.editor.setVisible(not read_only)
        for button in (self.add_button, self.update_button, self.edit_button, self.remove_button, self.cancel_button):
            button.setVisible(not read_only)
        if read_only:
            self.form_error.hide()
            self.error_label.hide()
        else:
            self._update_buttons()

    def display_text(self) -> str:
        return "" if not self.records else str(len(self.records))

    def focus_input(self) -> None:
        if self.read_only:
            self.table.setFocus()
            return
        self.sub_fields[0].focus_input()
