"""Money as a clerk types it: 1200000, 1,200,000, 1200000.50, 120万, with a 元/万元 switch."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.money import WAN, MoneyError, format_yuan, parse_money
from desktop.ui import style
from desktop.ui.fields.base import FieldWidget, ScrollSafeComboBox
from desktop.ui.i18n import current_language
from desktop.ui.plain import PlainLabel
from desktop.ui.said import said
from desktop.wording import vocabulary

UNIT_YUAN = "yuan"
UNIT_WAN = "wan"
_EXPLICIT_UNITS = ("万元", "万", "元")  # i18n: units the parser reads, not a text shown


def parse_in_unit(text: str, unit: str) -> Decimal:
    """Yuan from the typed text; a unit typed with the number (`120万`) wins over the switch."""
    stripped = text.strip()
    if unit == UNIT_WAN and stripped and not stripped.endswith(_EXPLICIT_UNITS):
        return parse_money(stripped + "万")  # i18n: the unit the parser reads
    return parse_money(stripped)


def format_in_unit(value: Decimal, unit: str) -> str:
    """`1,200,000.00` in 元; `120` or `123.4567` in 万元 (exact, no trailing zeros)."""
    if unit == UNIT_WAN:
        wan = (value / WAN).normalize()
        return f"{wan:,f}"
    return format_yuan(value)


# An amount this large is almost always a unit slip (万元 chosen for a figure typed in 元): it is accepted,
# but the field asks the clerk to check the unit.
DOUBTFUL = Decimal(1_000_000_000)


class MoneyField(FieldWidget):
    def __init__(self, field_id: str, parent: QWidget | None = None) -> None:
        super().__init__(field_id, parent)
        self.edit = QLineEdit(self)
        self.markable(self.edit)
        self.edit.setPlaceholderText(self.tr("例如 1,200,000 或 120万"))
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.edit.setMinimumWidth(200)
        self.edit.setMaximumWidth(260)
        self.unit = ScrollSafeComboBox(self)
        self.unit.addItem(self.tr("元"))  # index 0: UNIT_YUAN
        self.unit.addItem(self.tr("万元"))  # index 1: UNIT_WAN
        self.unit.setToolTip(
            self.tr(
                "所填数字的单位；也可以直接写“120万”。换单位时数字随之换算，金额不变；"
                "金额大到令人怀疑（10亿元以上）时，换单位只改单位，数字不变。"
            )
        )
        self._shown_unit = UNIT_YUAN
        self.equivalent = PlainLabel(self)
        self.equivalent.setObjectName("moneyEquivalent")
        style.muted(self.equivalent)
        self.doubt = PlainLabel(self)
        self.doubt.setObjectName("moneyDoubt")
        style.error_text(self.doubt)
        self.doubt.hide()
        self.row.addWidget(self.edit)
        self.row.addWidget(self.unit)
        self.row.addWidget(self.equivalent)
        self.row.addWidget(self.doubt)
        self.row.addStretch(1)
        self.edit.textChanged.connect(lambda _text: self._changed())
        self.edit.editingFinished.connect(self.tidy)
        self.unit.currentIndexChanged.connect(lambda _index: self._unit_changed())

    def current_unit(self) -> str:
        return UNIT_WAN if self.unit.currentIndex() == 1 else UNIT_YUAN

    def set_unit(self, unit: str) -> None:
        self.unit.setCurrentIndex(1 if unit == UNIT_WAN else 0)

    def _parse(self) -> tuple[Decimal | None, str | None]:
        if not self.edit.text().strip():
            return None, None
        try:
            return parse_in_unit(self.edit.text(), self.current_unit()), None
        except MoneyError as exc:
            return None, said(exc.problem)

    def value(self) -> Decimal | None:
        return self._parse()[0]

    def error(self) -> str | None:
        return self._parse()[1]

    def _unit_changed(self) -> None:
        """The clerk says in which unit the figure is meant. A plausible amount stays, its figure converted:
        1,200,000 元 becomes 120 万元, never 1,200,000 万元. A figure the field doubts (10亿 or more: typed in
        元 with 万元 chosen) keeps its digits and takes the new unit: the switch repairs the slip, where
        converting would make 1,200,000 万元 into 12,000,000,000.00 元."""
        before, self._shown_unit = self._shown_unit, self.current_unit()
        text = self.edit.text().strip()
        if text and before != self._shown_unit:
            try:
                amount = parse_in_unit(text, before)
            except MoneyError:
                amount = None  # refused input stays as typed; its reason is shown as before
            if amount is not None and amount < DOUBTFUL:
                self.edit.blockSignals(True)
                self.edit.setText(format_in_unit(amount, self._shown_unit))
                self.edit.blockSignals(False)
            elif amount is not None:
                self.tidy()  # the same digits, written as the new unit writes them ("1,200,000.00" in 元)
        self._changed()

    def _changed(self) -> None:
        self._show_equivalent()
        self._user_edited()

    def _show_equivalent(self) -> None:
        amount = self.value()
        lang = current_language()
        if amount is None:
            self.equivalent.setText("")
        elif self.current_unit() == UNIT_WAN:
            self.equivalent.setText(f"= {vocabulary.yuan(amount, lang)}")
        elif vocabulary.large_helps(amount, lang):
            self.equivalent.setText(f"= {vocabulary.large(amount, lang)}")
        else:
            self.equivalent.setText("")
        doubtful = amount is not None and amount >= DOUBTFUL
        if not doubtful:
            said = ""
        elif self.current_unit() == UNIT_WAN:
            said = self.tr("金额很大，请核对单位：数字若是按元填写的，把单位改为“元”即可（数字不变）")
        else:
            said = self.tr("金额很大，请核对数字")
        self.doubt.setText(said)
        self.doubt.setVisible(doubtful)

    def tidy(self) -> None:
        """After typing: show the amount with thousands separators in the chosen unit."""
        amount = self.value()
        if amount is None:
            return
        text = format_in_unit(amount, self.current_unit())
        if text != self.edit.text():
            self.edit.blockSignals(True)
            self.edit.setText(text)
            self.edit.blockSignals(False)

    def set_value(self, value: Any | None) -> None:
        self.edit.blockSignals(True)
        self.edit.setText("" if value is None else format_in_unit(Decimal(value), self.current_unit()))
        self.edit.blockSignals(False)
        self._show_equivalent()
        self.show_error()

    def display_text(self) -> str:
        amount = self.value()
        return "" if amount is None else vocabulary.yuan(amount, current_language())

    def focus_input(self) -> None:
        self.edit.setFocus()
