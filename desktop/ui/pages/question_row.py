"""One question on a page: label, glossary buttons, help text and the field widget."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QPoint, QRect, Qt
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QToolTip, QVBoxLayout, QWidget

from desktop.engine.filing import FromHistory, received_name
from desktop.policy import GlossaryTerm, Pack, Question
from desktop.policy.model import Lang
from desktop.ui import style
from desktop.ui.fields import FieldWidget, field_for_question
from desktop.ui.fields.items import ItemsField
from desktop.ui.plain import PlainLabel, html
from desktop.wording import vocabulary


def glossary_button(term: GlossaryTerm, lang: Lang, parent: QWidget) -> QToolButton:
    """A small 「?」 button: its tooltip explains the term; clicking shows the same text at once."""
    button = QToolButton(parent)
    button.setText(QCoreApplication.translate("QuestionRow", "？{term}").format(term=term.term.get(lang)))
    style.accent(button)
    explanation = f"<b>{html(term.term.get(lang))}</b><br>{html(term.text.get(lang))}"  # the pack's words as text
    button.setToolTip(explanation)
    button.setAccessibleName(term.term.get(lang))
    button.setAutoRaise(True)

    def show() -> None:
        QToolTip.showText(button.mapToGlobal(QPoint(0, button.height())), explanation, button)

    button.clicked.connect(show)
    return button


def shown_label(question: Question, lang: Lang) -> str:
    """The question as the page shows it. A money question drops the unit its label states ("（元）"):
    the 元/万元 switch beside the field says which unit the figure is in, and the two must not disagree."""
    label = question.label.get(lang)
    if question.type != "money":
        return label
    label = re.sub(r"\s*[（(](?:元|yuan)[）)]$", "", label)
    return re.sub(r"[（(](?:元|yuan)[，,]\s*", lambda m: m.group(0)[0], label)


class QuestionRow(QWidget):
    def __init__(self, question: Question, pack: Pack, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.setSpacing(3)
        top = QHBoxLayout()
        self.label = PlainLabel(shown_label(question, lang), self)
        style.bold(self.label)
        self.label.setWordWrap(True)
        # A word-wrapping label in a row asks for little width and would break even short questions;
        # give it its one-line width, up to a limit beyond which long questions wrap.
        self.label.setMinimumWidth(min(self.label.fontMetrics().horizontalAdvance(self.label.text()) + 8, 560))
        top.addWidget(self.label)
        self.glossary_buttons: list[QToolButton] = []
        for term_id in question.glossary:
            term = pack.glossary.get(term_id)
            if term is not None:
                button = glossary_button(term, lang, self)
                self.glossary_buttons.append(button)
                top.addWidget(button)
                self.label.setToolTip(button.toolTip())
        if self.glossary_buttons:
            # The help button right after the question: a word-wrapping label would otherwise take the
            # width its size hint asks for and push the button far to the right of the text.
            room = QRect(0, 0, self.label.minimumWidth(), 10_000)
            wrapped = self.label.fontMetrics().boundingRect(room, int(Qt.TextFlag.TextWordWrap), self.label.text())
            self.label.setFixedWidth(min(wrapped.width() + 4, self.label.minimumWidth()))
            top.addStretch(1)
        else:
            top.setStretchFactor(self.label, 1)  # the whole width for the question
        layout.addLayout(top)
        help_text = question.help.get(lang)
        self.help = PlainLabel(help_text, self)
        style.muted(self.help)
        self.help.setWordWrap(True)
        self.help.setVisible(bool(help_text))
        layout.addWidget(self.help)
        self.field: FieldWidget = field_for_question(question, lang, self, pack.period)
        self.label.setBuddy(self.field)
        layout.addWidget(self.field)
        # a question the enterprise's amounts received answer (`from_history`): where the figure came from
        self.history_note = PlainLabel(self)
        self.history_note.setTextFormat(Qt.TextFormat.PlainText)
        self.history_note.setWordWrap(True)
        style.muted(self.history_note)
        self.history_note.setVisible(False)
        layout.addWidget(self.history_note)

    def show_history(self, found: FromHistory | None, lang: Lang, pack: Pack | None = None) -> None:
        """The answer as the amounts received give it (the field shows it and cannot be typed over: the
        record is where to change it), or the field as the clerk typed it."""
        items_field = self.field if isinstance(self.field, ItemsField) else None
        if found is None:
            self.history_note.setVisible(False)
            if items_field is not None:
                items_field.lock(frozenset())
            else:
                self.field.setEnabled(True)
            return
        separator = QCoreApplication.translate("QuestionRow", "；")
        said = separator.join(
            f"{r.paid_on} {received_name(r, pack, lang)} {vocabulary.yuan(r.amount, lang)}" for r in found.entries
        )
        if items_field is not None:
            # the items paid already are ticked and stay so; the others are the clerk's to tick
            items_field.lock(frozenset(found.items))
            text = QCoreApplication.translate(
                "QuestionRow", "已按已获拨付记录勾选（同一项目已获支持）：{entries}"
            ).format(entries=said)
        else:
            self.field.setEnabled(False)
            text = QCoreApplication.translate("QuestionRow", "取自已获拨付记录：{entries}（合计 {total}）").format(
                entries=said, total=vocabulary.yuan(found.amount, lang)
            )
        self.history_note.setText(text)
        self.history_note.setVisible(True)
