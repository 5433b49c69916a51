"""A list of the pack's items to tick: which of them something holds for (other funds received for the project)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from desktop.policy import Question
from desktop.policy.model import Lang
from desktop.ui.fields.base import FieldWidget


class ItemsField(FieldWidget):
    """One box per item of the pack (in its order); the answer is the items ticked, none ticked being an answer
    once given (the page records it when the user leaves, as for a table)."""

    def __init__(self, question: Question, lang: Lang = "zh", parent: QWidget | None = None) -> None:
        super().__init__(question.id, parent)
        column = QWidget(self)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.boxes: list[tuple[str, QCheckBox]] = []
        for choice in question.choices:
            box = QCheckBox(choice.label.get(lang), column)
            box.toggled.connect(lambda _checked: self._user_edited())
            layout.addWidget(box)
            self.boxes.append((choice.value, box))
        self.row.addWidget(column)
        self.row.addStretch(1)
        self.locked: frozenset[str] = frozenset()
        """Items the amounts received tick (`from_history`): shown ticked, not to be unticked here."""
        self._typed: frozenset[str] = frozenset()
        """The answer as typed, so that an item ticked by hand as well keeps its tick once the lock goes."""

    def value(self) -> list[str]:
        return [
            value
            for value, box in self.boxes
            if (box.isChecked() and value not in self.locked) or (value in self.locked and value in self._typed)
        ]

    def set_value(self, value: Any | None) -> None:
        self._typed = frozenset(value or ())
        self._show()

    def lock(self, items: frozenset[str]) -> None:
        """Tick `items` and keep them so (the record of amounts received says they were paid); the answer
        typed stays what it was."""
        if items != self.locked:
            self._typed = frozenset(self.value())
            self.locked = items
            self._show()

    def _show(self) -> None:
        for item_id, box in self.boxes:
            box.blockSignals(True)
            box.setChecked(item_id in self._typed or item_id in self.locked)
            box.setEnabled(item_id not in self.locked)
            box.blockSignals(False)

    def select(self, item_id: str, checked: bool = True) -> None:
        """Tick or untick as the user does (fires `edited`)."""
        dict(self.boxes)[item_id].setChecked(checked)

    def _user_edited(self) -> None:
        self._typed = frozenset(self.value())
        super()._user_edited()

    def focus_input(self) -> None:
        if self.boxes:
            self.boxes[0][1].setFocus()

    def display_text(self) -> str:
        ticked = [box.text() for _, box in self.boxes if box.isChecked()]
        return "\n".join(ticked) if ticked else self.tr("无")
