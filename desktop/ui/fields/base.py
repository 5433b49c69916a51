"""What every field widget offers the pages: its id, its typed value, and why its input is refused."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.ui import style
from desktop.ui.plain import PlainLabel

INVALID_PROPERTY = "invalid"
_SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse


class ScrollSafeComboBox(QComboBox):
    """A drop-down in a page that scrolls: the mouse wheel turns the page, not the choice, until the box is
    clicked or tabbed into. Scrolling past a money field's unit turned 元 into 万元 under the pointer, and a
    choice into another answer, without the clerk noticing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # not taken by the wheel: only by a click or Tab

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt API)
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # left to the page around it, which scrolls


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
        # The inputs sit in a widget of their own, so that a finalised assessment can show its answer as
        # text in their place (hidden inputs keep whatever visibility their own logic gave them).
        self.inputs = QWidget(self)
        self.row = QHBoxLayout(self.inputs)
        self.row.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.inputs)
        self.answer_label: QLabel | None = None
        self.read_only = False
        self.error_label = PlainLabel(self)
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

    def notice(self) -> str | None:
        """A doubt about an accepted input (a date outside the period), said where a refusal would be; it
        does not hold the page back."""
        return None

    def focus_input(self) -> None:
        self.setFocus()

    def display_text(self) -> str:
        """The answer as a reader sees it on the read-only view ("" when not answered)."""
        return ""

    # -- a finalised assessment --------------------------------------------------------------------------
    def set_read_only(self, read_only: bool) -> None:
        """Show the answer as plain text instead of the inputs (not greyed out: it reads as an answer)."""
        self.read_only = read_only
        if read_only and self.answer_label is None:
            self.answer_label = PlainLabel(self)
            self.answer_label.setObjectName("readOnlyAnswer")
            self.answer_label.setWordWrap(True)
            self.answer_label.setTextInteractionFlags(self.answer_label.textInteractionFlags() | _SELECTABLE)
            layout = self.layout()
            assert isinstance(layout, QVBoxLayout)
            layout.insertWidget(0, self.answer_label)
        self.inputs.setVisible(not read_only)
        if read_only:
            self.error_label.hide()
        if self.answer_label is not None:
            self.answer_label.setVisible(read_only)
            self.show_answer()

    def show_answer(self) -> None:
        if self.answer_label is None or not self.read_only:
            return
        text = self.display_text()
        self.answer_label.setText(text or QCoreApplication.translate("FieldWidget", "（未填写）"))
        if text:
            self.answer_label.setPalette(self.palette())
        else:
            style.not_answered(self.answer_label)

    # -- shared behaviour ------------------------------------------------------------------------------
    def is_empty(self) -> bool:
        return self.value() is None and self.error() is None

    def show_error(self) -> None:
        """Mark the field (red text under it, red frame on the input) or clear the mark; an accepted input
        the field doubts says so in the same line, without the red frame."""
        problem = self.error()
        said = problem if problem is not None else self.notice()
        self.error_label.setText(said or "")
        self.error_label.setVisible(said is not None)
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
        """Register an input whose frame turns red while the input is refused; the line for its reason is
        kept under it from the start, so the reason appearing moves nothing below."""
        style.steady(self.error_label)
        self._markable.append(widget)
        self._marked[id(widget)] = False  # unmarked as built: no palette work until a mark is needed
        editing_finished = getattr(widget, "editingFinished", None)
        if editing_finished is not None:
            editing_finished.connect(self.finished)
        widget.setProperty(INVALID_PROPERTY, False)
        return widget
