"""What every field widget offers the pages: its id, its typed value, and why its input is refused."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.ui import style

INVALID_PROPERTY = "invalid"


class FieldWidget(QWidget):
    """An input with an error line under it.

    `value()` is the typed answer, or None when the field is empty or its input is invalid;
    `error()` says in words why the input is refused (None when it is fine or empty).
    `edited` fires on every change the user makes, valid or not; `set_value` never fires it.
    """

    edited = Signal()

    def __init__(self, field_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field_id = field_id
        self._markable: list[QWidget] = []
        self._marked: dict[int, bool] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        self.row = QHBoxLayout()
        self.row.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self.row)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("fieldError")
        style.error_text(self.error_label)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        outer.addWidget(self.error_label)

    @property
    def question_id(self) -> str:
        return self.field_id

    # -- to be provided by each kind -------------------------------------------------------------------
    def value(self) -> Any | None:
        raise NotImplementedError

    def set_value(self, value: Any | None) -> None:
        raise NotImplementedError

    def error(self) -> str | None:
        return None

    def focus_input(self) -> None:
        self.setFocus()

    # -- shared behaviour ------------------------------------------------------------------------------
    def is_empty(self) -> bool:
        return self.value() is None and self.error() is None

    def show_error(self) -> None:
        """Mark the field (red text under it, red frame on the input) or clear the mark."""
        problem = self.error()
        self.error_label.setText(problem or "")
        self.error_label.setVisible(problem is not None)
        invalid = problem is not None
        for widget in self._markable:
            # The state is kept in Python: reading Qt properties back is avoided (see ChoiceField.value).
            if self._marked.get(id(widget)) != invalid:
                self._marked[id(widget)] = invalid
                widget.setProperty(INVALID_PROPERTY, invalid)
                style.mark_invalid(widget, invalid)

    def value_ready(self) -> bool:
        """Whether `value()` may go to the session now (a table's rows may, while its form is half filled)."""
        return self.error() is None

    def _user_edited(self) -> None:
        # While typing, a mark only goes away (or its reason changes); a new one appears when the user
        # leaves the input (`finished`) or tries to move on, not at the first half-typed character.
        if self.error() is None or self.error_label.isVisible():
            self.show_error()
        self.edited.emit()

    def finished(self) -> None:
        """The user left the input (focus out, Enter): now say what is wrong with it."""
        self.show_error()

    def markable(self, widget: QWidget) -> QWidget:
        """Register an input whose frame turns red while the input is refused."""
        self._markable.append(widget)
        self._marked[id(widget)] = False  # unmarked as built: no palette work until a mark is needed
        editing_finished = getattr(widget, "editingFinished", None)
        if editing_finished is not None:
            editing_finished.connect(self.finished)
        widget.setProperty(INVALID_PROPERTY, False)
        return widget
