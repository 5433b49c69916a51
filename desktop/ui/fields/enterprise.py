"""The enterprise page's own fields: 统一社会信用代码, 镇街 (with 其他), phone."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.engine import credit_code_problem
from desktop.engine.limits import ENTERPRISE_LIMITS
from desktop.policy.towns import Towns
from desktop.ui.fields.base import FieldWidget, ScrollSafeComboBox
from desktop.ui.fields.simple import TextField
from desktop.ui.i18n import current_language
from desktop.ui.said import said

_PHONE_RE = re.compile(r"^[0-9+\-()（） 转#]{5,30}$")
OTHER = "__other__"


class CreditCodeField(TextField):
    """18 characters with a check digit (python-stdnum); shown upper-case."""

    def __init__(self, field_id: str = "credit_code", parent: QWidget | None = None) -> None:
        super().__init__(field_id, parent, placeholder="91442000XXXXXXXXXX")
        self.markable(self.edit)
        self.edit.setMaxLength(24)
        self.edit.setMinimumWidth(240)
        self.edit.setMaximumWidth(260)
        self.row.addStretch(1)
        self.edit.editingFinished.connect(self._upper)

    def _upper(self) -> None:
        text = self.edit.text().strip().upper()
        if text != self.edit.text():
            self.edit.setText(text)

    def error(self) -> str | None:
        text = self.edit.text().strip()
        if not text:
            return None
        problem = credit_code_problem(text.upper())
        return said(problem) if problem is not None else None

    def value(self) -> str | None:
        text = self.edit.text().strip().upper().replace(" ", "")
        return text if text and self.error() is None else None


class PhoneField(TextField):
    def __init__(self, field_id: str = "phone", parent: QWidget | None = None) -> None:
        super().__init__(
            field_id,
            parent,
            placeholder=QCoreApplication.translate("PhoneField", "0760-22345678 或 13800000000"),
            max_length=ENTERPRISE_LIMITS["phone"],
        )
        self.markable(self.edit)
        self.edit.setMinimumWidth(240)
        self.edit.setMaximumWidth(260)
        self.row.addStretch(1)

    def error(self) -> str | None:
        text = self.edit.text().strip()
        if text and not _PHONE_RE.match(text):
            return self.tr("“{text}”不像电话号码：只能含数字、空格、+、-、括号").format(text=text)
        return None

    def value(self) -> str | None:
        text = self.edit.text().strip()
        return text if text and self.error() is None else None


class TownField(FieldWidget):
    """A list of Zhongshan's streets and towns, grouped, plus 其他（请填写） with a free-text box."""

    def __init__(self, towns: Towns, field_id: str = "town", parent: QWidget | None = None) -> None:
        super().__init__(field_id, parent)
        self.towns = towns
        self.combo = ScrollSafeComboBox(self)
        model = QStandardItemModel(self.combo)
        # Each row's value in a Python list (None: placeholder or group title); see ChoiceField on item data.
        self.values: list[str | None] = [None]
        placeholder = QStandardItem(self.tr("（请选择）"))
        model.appendRow(placeholder)
        lang = current_language()
        for group in towns.groups:
            header = QStandardItem(f"—— {towns.shown_title(group, lang)} ——")
            header.setEnabled(False)  # a group title, not a choice
            model.appendRow(header)
            self.values.append(None)
            for name in group.names:
                model.appendRow(QStandardItem(towns.shown_name(name, lang)))
                self.values.append(name)
        model.appendRow(QStandardItem(towns.shown_other(lang)))
        self.values.append(OTHER)
        self.combo.setModel(model)
        self.combo.setMaxVisibleItems(20)
        self.other = QLineEdit(self)
        self.other.setMaxLength(ENTERPRISE_LIMITS["town"])
        self.other.setPlaceholderText(self.tr("请填写镇街名称"))
        self.other.hide()
        self.row.addWidget(self.combo)
        self.row.addWidget(self.other)
        self.row.addStretch(1)
        self.combo.currentIndexChanged.connect(self._choice_changed)
        self.other.textChanged.connect(lambda _text: self._user_edited())

    def _data(self) -> str | None:
        index = self.combo.currentIndex()
        return self.values[index] if 0 <= index < len(self.values) else None

    def _choice_changed(self, _index: int) -> None:
        self.other.setVisible(self._data() == OTHER)
        if self._data() == OTHER:
            self.other.setFocus()
        self._user_edited()

    def value(self) -> str | None:
        data = self._data()
        if data == OTHER:
            return self.other.text().strip() or None
        return data

    def set_value(self, value: Any | None) -> None:
        self.combo.blockSignals(True)
        self.other.blockSignals(True)
        if not value:
            self.combo.setCurrentIndex(0)
            self.other.setText("")
        elif value in self.towns.names():
            self.combo.setCurrentIndex(self.values.index(str(value)))
            self.other.setText("")
        else:
            self.combo.setCurrentIndex(self.combo.count() - 1)
            self.other.setText(str(value))
        self.other.setVisible(self._data() == OTHER)
        self.combo.blockSignals(False)
        self.other.blockSignals(False)

    def choose(self, name: str) -> None:
        """Pick a list entry as the user does (fires `edited`)."""
        if name not in self.values:
            raise KeyError(name)
        self.combo.setCurrentIndex(self.values.index(name))

    def display_text(self) -> str:
        value = self.value()
        return "" if value is None else self.towns.shown_name(value, current_language())

    def focus_input(self) -> None:
        self.combo.setFocus()
