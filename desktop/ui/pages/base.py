"""What every questionnaire page offers the navigator: a title, its fields, and whether it may be left."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from desktop.ui import style
from desktop.ui.fields.base import FieldWidget
from desktop.ui.plain import PlainLabel
from desktop.ui.session import AssessmentSession


class Page(QWidget):
    """A scrollable page with a heading. Subclasses fill `self.body` (a QVBoxLayout)."""

    def __init__(
        self, title: str, session: AssessmentSession, parent: QWidget | None = None, *, scrollable: bool = True
    ) -> None:
        super().__init__(parent)
        self.title = title
        self.session = session
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.heading = PlainLabel(title, self)
        style.heading(self.heading)
        outer.addWidget(self.heading)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the inputs, not their frame
        inner = QWidget(self.scroll_area)
        inner.setObjectName("pageBody")
        self.body = QVBoxLayout(inner)
        self.body.setContentsMargins(4, 4, 16, 4)
        self.body.setSpacing(10)
        if scrollable:
            self.scroll_area.setWidget(inner)
            outer.addWidget(self.scroll_area, 1)
        else:
            # Pages whose lists scroll themselves (the results) lay out at full height instead.
            self.scroll_area.hide()
            self.body.setContentsMargins(0, 0, 0, 0)
            outer.addWidget(inner, 1)

    def fields(self) -> list[FieldWidget]:
        """The fields the user can see now (hidden follow-ups do not count)."""
        return []

    def field(self, field_id: str) -> FieldWidget:
        for candidate in self.all_fields():
            if candidate.field_id == field_id:
                return candidate
        raise KeyError(field_id)

    def all_fields(self) -> list[FieldWidget]:
        return self.fields()

    def problems(self) -> list[FieldWidget]:
        """Fields whose input is refused; the page may not be left forward until they are fixed or cleared."""
        invalid = [f for f in self.fields() if f.error() is not None]
        for f in invalid:
            f.show_error()
        return invalid

    def refresh(self) -> None:
        """Re-read every widget from the session (after opening a file, and when the page is shown)."""

    def leave(self) -> None:
        """Called when the user moves on from the page."""

    def set_read_only(self, read_only: bool) -> None:
        """A finalised assessment: every answer shown as text where its input was."""
        for field in self.all_fields():
            field.set_read_only(read_only)

    def show_answers(self) -> None:
        """After `refresh`, on the read-only view: the texts follow the values just read."""
        for field in self.all_fields():
            field.show_answer()

    def focus_field(self, field_id: str) -> None:
        target = self.field(field_id)
        self.scroll_area.ensureWidgetVisible(target)
        target.focus_input()

    def focus_first(self) -> None:
        shown = self.fields()
        if shown:
            shown[0].focus_input()
