"""A quantity that is not money (USD of import growth, tonnes): typed with or without thousands separators,
up to four decimals, with the question's unit after it."""

from __future__ import annotations

import unicodedata
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.engine.file_values import QUANTITY_PLACES
from desktop.money import MAX_MONEY
from desktop.ui import style
from desktop.ui.fields.simple import _LineField
from desktop.ui.plain import PlainLabel


class NumberField(_LineField):
    def __init__(self, field_id: str, unit: str = "", parent: QWidget | None = None) -> None:
        super().__init__(field_id, parent)
        self.edit = QLineEdit(self)
        self.markable(self.edit)
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.edit.setMinimumWidth(160)
        self.edit.setMaximumWidth(220)
        self.edit.setPlaceholderText(self.tr("例如 800,000"))
        self.row.addWidget(self.edit)
        if unit:
            label = PlainLabel(unit, self)
            style.muted(label)
            self.row.addWidget(label)
        self.row.addStretch(1)
        self.edit.textChanged.connect(lambda _text: self._user_edited())
        self.edit.editingFinished.connect(self._tidy)

    def _parse(self) -> tuple[Decimal | None, str | None]:
        # full-width digits and commas are a typing convenience of the window (the file format takes ASCII)
        text = unicodedata.normalize("NFKC", self.edit.text()).strip().replace(",", "").replace(" ", "")
        if not text:
            return None, None
        try:
            number = Decimal(text)
        except InvalidOperation:
            return None, self.tr("“{text}”不是数：请只填数字，例如 800000 或 800,000").format(
                text=self.edit.text().strip()
            )
        if not number.is_finite() or number < 0:
            return None, self.tr("请填写不小于 0 的数")
        if number > MAX_MONEY:
            return None, self.tr("数值过大，请检查单位")
        if number != number.quantize(QUANTITY_PLACES):
            return None, self.tr("最多保留四位小数")
        return number, None

    def value(self) -> Decimal | None:
        return self._parse()[0]

    def error(self) -> str | None:
        return self._parse()[1]

    def set_value(self, value: object | None) -> None:
        self.edit.blockSignals(True)
        self.edit.setText("" if not isinstance(value, Decimal) else f"{value.normalize():,f}")
        self.edit.blockSignals(False)
        self.show_error()

    def _tidy(self) -> None:
        number = self.value()
        if number is not None:
            self.set_value(number)
