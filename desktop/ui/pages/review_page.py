"""复核: every answer by section, each with a button back to the place where it is edited."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QWidget

from desktop.policy import Question
from desktop.policy.towns import shown_town
from desktop.ui import style
from desktop.ui.pages.base import Page
from desktop.ui.plain import PlainLabel
from desktop.ui.session import AssessmentSession
from desktop.wording import vocabulary
from desktop.wording.answers import display_value

ENTERPRISE = "enterprise"
QUESTION_WIDTH = 460
ANSWER_WIDTH = 420


class ReviewPage(Page):
    edit_requested = Signal(str, str)
    """(section id or "enterprise", field id): the user wants to change this answer."""

    def __init__(self, session: AssessmentSession, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("复核"), session, parent)
        self.intro = PlainLabel(
            self.tr("请逐项核对。点“修改”回到该题；改动后金额会重新计算。未显示的追问题（不适用）不列出。"),
            self,
        )
        style.muted(self.intro)
        self.intro.setWordWrap(True)
        self.body.addWidget(self.intro)
        self.groups: list[QGroupBox] = []
        self.edit_buttons: dict[str, QPushButton] = {}
        self.value_labels: dict[str, QLabel] = {}
        self._rows: dict[str, tuple[QLabel, QLabel, QPushButton]] = {}
        # Built once; a visit only updates the texts (rebuilding took about 100 ms per visit).
        self._add_group(
            ENTERPRISE,
            self.tr("企业基本信息"),
            [
                ("name", vocabulary.term("enterprise", session.lang)),
                ("credit_code", vocabulary.term("credit_code", session.lang)),
                ("town", vocabulary.term("town", session.lang)),
                ("contact", self.tr("联系人")),
                ("phone", self.tr("联系电话")),
                ("assessed_on", vocabulary.term("assessed_on", session.lang)),
            ],
        )
        lang = session.lang
        for section in session.pack.sections:
            questions = session.pack.questions_in(section.id)
            self._add_group(section.id, section.title.get(lang), [(q.id, q.label.get(lang)) for q in questions])
        self.body.addStretch(1)
        # Every group's questions, answers and 修改 in the same three columns: each group is a grid of its own,
        # and columns sized by their own contents put 修改 at another place in every group.
        question_width = max((q.minimumWidth() for q, _v, _b in self._rows.values()), default=0)
        for question, _value, _button in self._rows.values():
            question.setMaximumWidth(question_width)
        for group in self.groups:
            grid = group.layout()
            assert isinstance(grid, QGridLayout)
            grid.setColumnMinimumWidth(0, question_width)
            grid.setColumnMinimumWidth(1, ANSWER_WIDTH)

    def refresh(self) -> None:
        enterprise = self.session.enterprise
        for field_id in ("name", "credit_code", "contact", "phone"):
            self._show_value(field_id, getattr(enterprise, field_id) or None)
        # the town as the town list shows it: "Guzhen Town (古镇镇)" in English
        self._show_value("town", shown_town(enterprise.town, self.session.lang) or None)
        self._show_value("assessed_on", self.session.assessed_on.isoformat())
        for question in self.session.pack.questions:
            if question.id not in self._rows:
                continue
            applies = self.session.applies(question)
            for widget in self._rows[question.id]:
                widget.setVisible(applies)
            if applies:
                self._show_value(question.id, self._shown(question))

    def _show_value(self, field_id: str, shown: str | None) -> None:
        label = self.value_labels[field_id]
        text = shown if shown is not None else self.tr("未填写")
        label.setText(text)
        # a word-wrapping label asks for little room: give a short answer its one-line width
        widest = max((label.fontMetrics().horizontalAdvance(line) for line in text.splitlines()), default=0)
        label.setMinimumWidth(min(widest + 4, ANSWER_WIDTH))
        if shown is None:
            style.not_answered(label)
        else:
            label.setPalette(self.palette())

    def _shown(self, question: Question) -> str | None:
        if question.id not in self.session.answers:
            return None
        value = self.session.answers[question.id]
        lang = self.session.lang
        if question.type != "table":
            return display_value(question, value).get(lang)
        if not value:
            return self.tr("无")
        lines = []
        for index, record in enumerate(value, start=1):
            parts = [display_value(f, record[f.id]).get(lang) for f in question.fields if f.id in record]
            lines.append(f"{index}. " + " · ".join(parts))
        return "\n".join(lines)

    def _add_group(self, section_id: str, title: str, rows: list[tuple[str, str]]) -> None:
        group = QGroupBox(title, self)
        grid = QGridLayout(group)
        # Question, answer and 修改 side by side, the free room after them: an answer far to the right
        # of its question is hard to pair with it.
        grid.setColumnStretch(3, 1)
        grid.setHorizontalSpacing(16)
        for row, (field_id, label) in enumerate(rows):
            question = PlainLabel(label, group)
            question.setWordWrap(True)
            question.setMaximumWidth(QUESTION_WIDTH)
            question.setMinimumWidth(min(question.fontMetrics().horizontalAdvance(label) + 4, QUESTION_WIDTH))
            value = PlainLabel(group)
            value.setWordWrap(True)
            value.setMaximumWidth(ANSWER_WIDTH)
            button = QPushButton(self.tr("修改"), group)
            button.setFlat(True)
            style.link_button(button)
            button.setAccessibleName(self.tr("修改：{label}").format(label=label))
            button.clicked.connect(lambda _checked=False, s=section_id, f=field_id: self.edit_requested.emit(s, f))
            grid.addWidget(question, row, 0)
            grid.addWidget(value, row, 1)
            grid.addWidget(button, row, 2)
            self.edit_buttons[field_id] = button
            self.value_labels[field_id] = value
            self._rows[field_id] = (question, value, button)
        self.body.addWidget(group)
        self.groups.append(group)
