"""Calm pages (issue 23, group 3): a message appearing moves nothing the clerk is about to click, and a
message whose cause is gone goes, wherever it was said."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.fields.table import TableField
from desktop.ui.main_window import MainWindow
from desktop.ui.scenario_window import ScenarioWindow
from tests.conftest import EXAMPLES
from tests.ui.helpers import field, page, questionnaire, type_text
from tests.ui.test_scenarios import names, url, with_new_line  # noqa: F401 (fixtures)


def _where(widget: QWidget) -> QPoint:
    """Where the widget sits in its window, after the layout has settled."""
    QApplication.processEvents()
    return widget.mapTo(widget.window(), QPoint(0, 0))


def test_a_refused_credit_code_does_not_move_the_date_below_it(qtbot: QtBot, window: MainWindow) -> None:
    enterprise = questionnaire(window).enterprise_page
    date = enterprise.assessed_on.edit
    before = _where(date)
    type_text(qtbot, enterprise.credit_code, "9144")  # left half typed: refused when the clerk moves on
    assert enterprise.credit_code.error_label.isVisible()
    assert _where(date) == before
    qtbot.mouseClick(date, Qt.MouseButton.LeftButton, pos=QPoint(10, date.height() // 2))
    assert date.hasFocus()  # the click meant for 填写日期 lands there


@pytest.mark.parametrize(
    ("example", "section"), [("lighting-exporter", "certification"), ("appliance-maker", "digital")]
)
def test_a_refused_answer_does_not_move_the_questions_below_it(
    qtbot: QtBot, window: MainWindow, example: str, section: str
) -> None:
    assert window.open_answers(EXAMPLES / f"{example}.json")  # its follow-ups shown
    shown = page(window, section)
    questionnaire(window).show_page(questionnaire(window).page_index(shown))
    rows = [row for row in shown.rows if row.isVisible()]
    refusable = [row for row in rows[:-1] if row.field._markable]
    assert refusable
    first = refusable[0]
    below = [row for row in rows if row.y() > first.y()]
    before = [_where(row) for row in below]
    type_text(qtbot, first.field, "abc")  # not a number, not a date
    first.field.finished()
    assert first.field.error_label.isVisible()
    assert [_where(row) for row in below] == before


def test_the_page_message_keeps_its_place_and_the_page_does_not_shrink(qtbot: QtBot, window: MainWindow) -> None:
    q = questionnaire(window)
    q.show_page(0)
    stack = q.stack.geometry()
    type_text(qtbot, q.enterprise_page.credit_code, "9144")
    q.next_button.click()
    assert q.message.isVisible()
    QApplication.processEvents()
    assert q.stack.geometry() == stack


def test_clearing_the_form_takes_back_every_word_about_it(qtbot: QtBot, window: MainWindow) -> None:
    q = questionnaire(window)
    overseas = page(window, "overseas")
    table = field(window, "overseas", "overseas_projects")
    assert isinstance(table, TableField)
    q.show_page(q.page_index(overseas))
    table.sub_fields[0].edit.setText("越南胡志明市灯饰厂")  # type: ignore[attr-defined]
    table.sub_fields[0].edited.emit()
    q.next_button.click()  # a record half typed: the page does not move on, and says why twice
    assert q.index == q.page_index(overseas)
    assert q.message.isVisible() and table.error_label.isVisible()
    before = _where(q.next_button)
    qtbot.mouseClick(table.cancel_button, Qt.MouseButton.LeftButton)
    assert not q.message.isVisible()
    assert not table.error_label.isVisible()
    assert _where(q.next_button) == before
    q.next_button.click()
    assert q.index == q.page_index(overseas) + 1


def test_the_scenario_save_notice_does_not_push_the_steps(
    qtbot: QtBot,
    url: str,  # noqa: F811 (a fixture)
    names: list[str | None],  # noqa: F811 (a fixture)
) -> None:
    window, editor = with_new_line(qtbot, url, names)
    assert isinstance(editor, ScenarioWindow)
    editor.save_state.hide()
    QApplication.processEvents()
    steps = _where(editor.questionnaire.steps)
    editor._saved(dt.datetime(2026, 12, 6, 20, 14, 20))
    assert editor.save_state.isVisible() and "20:14:20" in editor.save_state.text()
    assert _where(editor.questionnaire.steps) == steps
    editor.close()
    window.close()
