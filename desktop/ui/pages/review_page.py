"""复核: every answer by section, each with a button back to the place where it is edited."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QWidget

from desktop.engine.conditions import display_value
from desktop.policy import Question
from desktop.ui import style
from desktop.ui.pages.base import Page
from desktop.ui.session import AssessmentSession

ENTERPRISE = "enterprise"


class ReviewPage(Page):
    edit_requested = Signal(str, str)
    """(section id or "enterprise", field id): the user wants to change this answer."""

    def __init__(self, session: AssessmentSession, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("复核"), session, parent)
        self.intro = QLabel(
            self.tr("请逐项核对。点“修改”回到该题；改动后金额会重新计算。未显示的追问题（不适用）不列出。"),
            self,
        )
        style.muted(self.intro)
        self.intro.setWordWrap(True)
        self.body.addWidget(self.intro)
        self.groups: list[QGroupBox] = []
        self.edit_buttons: dict[str, QPushButton] = {}
        self.value_labels: dict[str, QLabel] = {}
        self.body.addStretch(1)

    def refresh(self) -> None:
        for group in self.groups:
            self.body.removeWidget(group)
            group.deleteLater()
        self.groups = []
        self.edit_buttons = {}
        self.value_labels = {}
        enterprise = self.session.enterprise
        rows: list[tuple[str, str, str | None]] = [
            ("name", self.tr("企业名称"), enterprise.name or None),
            ("credit_code", self.tr("统一社会信用代码"), enterprise.credit_code or None),
            ("town", self.tr("所在镇街"), enterprise.town or None),
            ("contact", self.tr("联系人"), enterprise.contact or None),
            ("phone", self.tr("联系电话"), enterprise.phone or None),
            ("assessed_on", self.tr("评估日期"), self.session.assessed_on.isoformat()),
        ]
        self._add_group(ENTERPRISE, self.tr("企业基本信息"), rows)
        lang = self.session.lang
        for section in self.session.pack.sections:
            section_rows = [
                (q.id, q.label.get(lang), self._shown(q))
                for q in self.session.pack.questions_in(section.id)
                if self.session.applies(q)
            ]
            self._add_group(section.id, section.title.get(lang), section_rows)

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

    def _add_group(self, section_id: str, title: str, rows: list[tuple[str, str, str | None]]) -> None:
        group = QGroupBox(title, self)
        grid = QGridLayout(group)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setHorizontalSpacing(16)
        for row, (field_id, label, shown) in enumerate(rows):
            question = QLabel(label, group)
            question.setWordWrap(True)
            value = QLabel(shown if shown is not None else self.tr("未填写"), group)
            value.setWordWrap(True)
            if shown is None:
                style.not_answered(value)
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
        self.body.insertWidget(self.body.count() - 1, group)
        self.groups.append(group)
