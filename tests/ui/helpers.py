"""Doing what a user does on a page: click a radio button, pick from a list, type into a field.

Chinese text goes in with setText: pytest-qt's keyClicks aborts on characters outside Latin-1.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.ui.fields.base import FieldWidget
from desktop.ui.fields.date import DateField
from desktop.ui.fields.money import MoneyField
from desktop.ui.fields.number import NumberField
from desktop.ui.fields.simple import BoolField, ChoiceField, IntegerField, TextField
from desktop.ui.fields.table import TableField
from desktop.ui.main_window import MainWindow
from desktop.ui.pages.section_page import SectionPage
from desktop.ui.questionnaire import Questionnaire


def questionnaire(window: MainWindow) -> Questionnaire:
    assert window.questionnaire is not None
    return window.questionnaire


def page(window: MainWindow, section_id: str) -> SectionPage:
    return questionnaire(window).section_pages[section_id]


def field(window: MainWindow, section_id: str, question_id: str) -> FieldWidget:
    return page(window, section_id).field(question_id)


def click_yes_no(qtbot: QtBot, widget: FieldWidget, yes: bool) -> None:
    assert isinstance(widget, BoolField)
    button = widget.yes if yes else widget.no
    if button.isVisible():
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    else:  # a page not on screen: mouse events do not reach it, the button's click does the same
        button.click()
    assert widget.value() is yes


def choose(widget: FieldWidget, value: str) -> None:
    assert isinstance(widget, ChoiceField)
    widget.select(value)


def type_text(qtbot: QtBot, widget: FieldWidget, text: str) -> None:
    """Type text key by key (money, dates, codes), as a clerk does, then leave the field."""
    assert isinstance(widget, (MoneyField, DateField, IntegerField, NumberField, TextField))
    widget.edit.clear()
    if text.isascii():
        qtbot.keyClicks(widget.edit, text)
    else:
        widget.edit.setText(text)  # keyClicks aborts the process on non-Latin-1 characters
    widget.edit.editingFinished.emit()


def add_record(widget: FieldWidget, record: dict[str, str]) -> None:
    """Fill the record form (text typed in, choices picked) and press the add button."""
    assert isinstance(widget, TableField)
    for sub in widget.sub_fields:
        text = record.get(sub.field_id)
        if text is None:
            continue
        if isinstance(sub, ChoiceField):
            sub.select(text)
        else:
            assert isinstance(sub, (MoneyField, TextField))
            sub.edit.setText(text)
    widget.add_button.click()


def next_page(window: MainWindow) -> int:
    q = questionnaire(window)
    q.next_button.click()
    return q.index
