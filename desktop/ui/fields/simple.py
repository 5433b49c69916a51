"""Yes/no, choice, text and integer fields."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QComboBox, QLineEdit, QRadioButton, QWidget

from desktop.engine.limits import MAX_TEXT
from desktop.ui import style
from desktop.ui.fields.base import FieldWidget, ScrollSafeComboBox
from desktop.ui.plain import PlainLabel


class BoolField(FieldWidget):
    """Two radio buttons 是 / 否; neither checked means not answered."""

    def __init__(self, field_id: str, parent: QWidget | None = None) -> None:
        super().__init__(field_id, parent)
        self.yes = QRadioButton(self.tr("是"), self)
        self.no = QRadioButton(self.tr("否"), self)
        self.group = QButtonGroup(self)
        self.group.addButton(self.yes)
        self.group.addButton(self.no)
        self.row.addWidget(self.yes)
        self.row.addWidget(self.no)
        self.row.addStretch(1)
        self.yes.toggled.connect(self._toggled)
        self.no.toggled.connect(self._toggled)
        for button in (self.yes, self.no):
            button.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        """The arrow keys choose, as in any radio group: ← / ↑ 是, → / ↓ 否 (moving the focus alone left the
        answer as it was, while the clerk believed it chosen)."""
        if event.type() == QEvent.Type.KeyPress and watched in (self.yes, self.no):
            assert isinstance(event, QKeyEvent)
            target = {
                Qt.Key.Key_Left: self.yes,
                Qt.Key.Key_Up: self.yes,
                Qt.Key.Key_Right: self.no,
                Qt.Key.Key_Down: self.no,
            }.get(Qt.Key(event.key()))
            if target is not None and not self.read_only:
                target.setChecked(True)
                target.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().eventFilter(watched, event)

    def _toggled(self, checked: bool) -> None:
        if checked:
            self._user_edited()

    def value(self) -> bool | None:
        if self.yes.isChecked():
            return True
        if self.no.isChecked():
            return False
        return None

    def set_value(self, value: Any | None) -> None:
        for button in (self.yes, self.no):
            button.blockSignals(True)
        if value is None:
            self.group.setExclusive(False)  # an exclusive group cannot uncheck its last button
            self.yes.setChecked(False)
            self.no.setChecked(False)
            self.group.setExclusive(True)
        else:
            (self.yes if value else self.no).setChecked(True)
        for button in (self.yes, self.no):
            button.blockSignals(False)

    def focus_input(self) -> None:
        (self.no if self.no.isChecked() else self.yes).setFocus()

    def display_text(self) -> str:
        value = self.value()
        return "" if value is None else (self.yes if value else self.no).text()


class ChoiceField(FieldWidget):
    """A drop-down list; its first entry 请选择 means not answered."""

    def __init__(self, field_id: str, choices: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(field_id, parent)
        self.combo = ScrollSafeComboBox(self)
        # The values live in a Python list, not in the items' data: in PySide6 6.12, reading an item
        # without data (the placeholder) hands back a None whose reference count Qt forgets, which
        # later aborts the interpreter at exit.
        self.values: list[str | None] = [None]
        self.combo.addItem(self.tr("（请选择）"))
        for value, label in choices:
            self.values.append(value)
            self.combo.addItem(label)
        self.combo.setMinimumContentsLength(12)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.row.addWidget(self.combo)
        self.row.addStretch(1)
        self.combo.currentIndexChanged.connect(lambda _index: self._user_edited())

    def value(self) -> str | None:
        index = self.combo.currentIndex()
        return self.values[index] if 0 <= index < len(self.values) else None

    def set_value(self, value: Any | None) -> None:
        self.combo.blockSignals(True)
        index = self.values.index(value) if value in self.values else 0
        self.combo.setCurrentIndex(index)
        self.combo.blockSignals(False)

    def select(self, value: str) -> None:
        """Choose as the user does (fires `edited`)."""
        if value not in self.values:
            raise KeyError(value)
        self.combo.setCurrentIndex(self.values.index(value))

    def focus_input(self) -> None:
        self.combo.setFocus()

    def display_text(self) -> str:
        return self.combo.currentText() if self.value() is not None else ""


class _LineField(FieldWidget):
    """A field typed into one line (`self.edit`), its value shown back as the text of the value."""

    edit: QLineEdit

    def set_value(self, value: Any | None) -> None:
        self.edit.blockSignals(True)
        self.edit.setText("" if value is None else str(value))
        self.edit.blockSignals(False)
        self.show_error()

    def focus_input(self) -> None:
        self.edit.setFocus()

    def display_text(self) -> str:
        return self.edit.text().strip()


class TextField(_LineField):
    """One line of text, at most `max_length` characters: the length an answers file may hold (engine.limits),
    so what is typed here is always what the checklist can print. Near the limit the count shows beside it."""

    def __init__(
        self, field_id: str, parent: QWidget | None = None, placeholder: str = "", max_length: int = MAX_TEXT
    ) -> None:
        super().__init__(field_id, parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setMaxLength(max_length)
        self.edit.setToolTip(self.tr("最多 {n} 个字").format(n=max_length))
        self.row.addWidget(self.edit)
        self.count = PlainLabel(self)
        style.muted(self.count)
        self.count.hide()
        self.row.addWidget(self.count)
        self.edit.textChanged.connect(self._show_count)
        self.edit.textChanged.connect(lambda _text: self._user_edited())

    def _show_count(self, text: str) -> None:
        limit = self.edit.maxLength()
        near = len(text) >= limit * 0.8
        if near:
            self.count.setText(self.tr("{n} / {limit} 字").format(n=len(text), limit=limit))
        if near != self.count.isVisible():
            self.count.setVisible(near)

    def value(self) -> str | None:
        text = self.edit.text().strip()
        return text or None


class IntegerField(_LineField):
    """A whole number within the pack's bounds, typed (a spin box cannot be left empty)."""

    def __init__(self, field_id: str, minimum: int | None, maximum: int | None, parent: QWidget | None = None) -> None:
        super().__init__(field_id, parent)
        self.minimum = minimum
        self.maximum = maximum
        self.edit = QLineEdit(self)
        self.markable(self.edit)
        self.edit.setMaximumWidth(120)
        if minimum is not None and maximum is not None:
            self.edit.setPlaceholderText(f"{minimum}–{maximum}")
        self.row.addWidget(self.edit)
        self.row.addStretch(1)
        self.edit.textChanged.connect(lambda _text: self._user_edited())

    def _parse(self) -> tuple[int | None, str | None]:
        text = self.edit.text().strip()
        if not text:
            return None, None
        if not text.isdecimal():
            return None, self._range_message(self.tr("“{text}”不是整数").format(text=text))
        number = int(text)
        if (self.minimum is not None and number < self.minimum) or (self.maximum is not None and number > self.maximum):
            return None, self._range_message(self.tr("{number} 超出范围").format(number=number))
        return number, None

    def _range_message(self, head: str) -> str:
        if self.minimum is not None and self.maximum is not None:
            return self.tr("{head}：请填写 {low} 到 {high} 之间的整数").format(
                head=head, low=self.minimum, high=self.maximum
            )
        return self.tr("{head}：请填写整数").format(head=head)

    def value(self) -> int | None:
        return self._parse()[0]

    def error(self) -> str | None:
        return self._parse()[1]
