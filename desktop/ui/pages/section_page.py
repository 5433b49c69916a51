"""A page for one section of the policy pack: its questions, rendered generically, with show-if."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from desktop.later import later
from desktop.policy import Section
from desktop.ui.fields import FieldWidget
from desktop.ui.pages.base import Page
from desktop.ui.pages.question_row import QuestionRow
from desktop.ui.session import AssessmentSession

if TYPE_CHECKING:
    from desktop.ui import list_import
else:
    list_import = later("desktop.ui.list_import")  # the spreadsheet readers: only for a pack with lists


class SectionPage(Page):
    def __init__(self, section: Section, session: AssessmentSession, parent: QWidget | None = None) -> None:
        super().__init__(section.title.get(session.lang), session, parent)
        self.section = section
        self.rows: list[QuestionRow] = []
        for question in session.pack.questions_in(section.id):
            row = QuestionRow(question, session.pack, session.lang, self)
            if session.pack.lists:  # money questions a list the firm has can fill: 从清单导入…
                list_import.attach_list_import(row, session)
            row.field.edited.connect(lambda field=row.field: self._edited(field))
            self.rows.append(row)
            self.body.addWidget(row)
        self.body.addStretch(1)
        self._from_history = [row for row in self.rows if row.question.from_history is not None]
        session.changed.connect(self.update_visibility)
        self.refresh()

    def _edited(self, field: FieldWidget) -> None:
        """Valid input goes to the session at once (so amounts follow). Refused input ("7" where the levels
        go to 5) stays in the field, marked, and counts as not answered: no amount, and no follow-up, rests
        on a figure the field itself says is wrong."""
        if not field.value_ready():
            self.session.clear_answer(field.field_id)
            return
        value = field.value()
        if value is None:
            self.session.clear_answer(field.field_id)
        else:
            self.session.set_answer(field.field_id, value)

    def update_visibility(self) -> None:
        for row in self.rows:
            row.setVisible(self.session.applies(row.question))
        if self._from_history:
            filled = {f.question: f for f in self.session.result.from_history}
            for row in self._from_history:
                row.show_history(filled.get(row.question.id), self.session.lang, self.session.pack)

    def fields(self) -> list[FieldWidget]:
        return [row.field for row in self.rows if self.session.applies(row.question)]

    def all_fields(self) -> list[FieldWidget]:
        return [row.field for row in self.rows]

    def row(self, question_id: str) -> QuestionRow:
        return next(r for r in self.rows if r.question.id == question_id)

    def refresh(self) -> None:
        for row in self.rows:
            row.field.set_value(self.session.answers.get(row.question.id))
        self.update_visibility()

    def leave(self) -> None:
        # "没有则留空": an empty table (or no item ticked) the user has seen is an answer (none), not a missing one.
        for row in self.rows:
            question = row.question
            listed = question.type in ("table", "items")
            if listed and question.id not in self.session.answers and self.session.applies(question):
                self.session.set_answer(question.id, [])
