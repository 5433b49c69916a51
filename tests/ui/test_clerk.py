"""The program as a clerk meets it (issue 15): the keyboard, the 元/万元 switch, a refusal that follows the
input, a finalised assessment that reads as answers, and the page a restart comes back to."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QToolButton
from pytestqt.qtbot import QtBot

from desktop.ui.fields.money import UNIT_WAN, UNIT_YUAN, MoneyField
from desktop.ui.fields.table import TableField
from desktop.ui.main_window import MainWindow
from desktop.ui.pages.question_row import QuestionRow
from tests.conftest import EXAMPLES
from tests.ui.helpers import click_yes_no, field, questionnaire, type_text


def _premium(window: MainWindow) -> MoneyField:
    widget = field(window, "credit_insurance", "credit_insurance_premium")
    assert isinstance(widget, MoneyField)
    return widget


def test_switching_to_wan_converts_the_figure_and_keeps_the_amount(qtbot: QtBot, window: MainWindow) -> None:
    q = questionnaire(window)
    q.go_to(q.page_index(q.section_pages["credit_insurance"]))
    premium = _premium(window)
    type_text(qtbot, premium, "1,200,000.00")
    assert q.session.answers["credit_insurance_premium"] == Decimal("1200000")

    premium.set_unit(UNIT_WAN)  # as the clerk picks 万元 in the drop-down

    assert premium.edit.text() == "120"
    assert premium.value() == Decimal("1200000")
    assert q.session.answers["credit_insurance_premium"] == Decimal("1200000")  # the total does not jump
    assert premium.equivalent.text() == "= 1,200,000.00 元"
    assert not premium.doubt.isVisibleTo(premium)

    premium.set_unit(UNIT_YUAN)
    assert premium.edit.text() == "1,200,000.00"
    assert premium.value() == Decimal("1200000")


def test_a_figure_typed_for_the_wrong_unit_raises_a_doubt(qtbot: QtBot, window: MainWindow) -> None:
    q = questionnaire(window)
    q.go_to(q.page_index(q.section_pages["credit_insurance"]))
    premium = _premium(window)
    premium.set_unit(UNIT_WAN)
    type_text(qtbot, premium, "1200000")  # meant as 元, typed under 万元: 120亿
    assert premium.value() == Decimal("12000000000")
    assert premium.doubt.isVisibleTo(premium)
    assert "核对单位" in premium.doubt.text()


def test_the_label_of_a_money_question_leaves_the_unit_to_the_switch(window: MainWindow) -> None:
    page = questionnaire(window).section_pages["credit_insurance"]
    row = next(r for r in page.rows if r.question.id == "credit_insurance_premium")
    assert row.question.label.zh.endswith("（元）")
    assert row.label.text() == "2025 年实际缴纳的年度保费"


def test_tab_from_the_last_field_reaches_next_and_enter_there_moves_on(qtbot: QtBot, window: MainWindow) -> None:
    q = questionnaire(window)
    qtbot.waitExposed(window)
    window.activateWindow()
    q.go_to(q.page_index(q.section_pages["credit_insurance"]))
    field(window, "credit_insurance", "credit_insurance_product").select("general")  # type: ignore[attr-defined]
    last = _premium(window)
    last.edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is last.edit)
    for _ in range(3):  # the amount, its unit switch, then 从清单导入… (the premium invoice summary)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is q.next_button
    start = q.index
    qtbot.keyClick(q.next_button, Qt.Key.Key_Return)
    assert q.index == start + 1
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)  # from the new page's first input
    assert QApplication.focusWidget() in (q.back_button, q.next_button)


@pytest.mark.parametrize("section", ["market", "certification", "credit_insurance", "digital", "overseas", "ip"])
def test_enter_on_every_page_moves_forward_from_any_input(qtbot: QtBot, window: MainWindow, section: str) -> None:
    q = questionnaire(window)
    page = q.section_pages[section]
    q.go_to(q.page_index(page))
    first = page.fields()[0]
    first.focus_input()
    if isinstance(first, TableField):
        first.table.setFocus()  # the list of records; in the record form Enter adds the record instead
    focused = QApplication.focusWidget()
    assert focused is not None and not isinstance(focused, (QPushButton, QToolButton))
    before = q.index
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    assert q.index == before + 1


def test_enter_on_a_help_button_shows_the_help_instead_of_turning_the_page(qtbot: QtBot, window: MainWindow) -> None:
    q = questionnaire(window)
    page = q.section_pages["market"]
    q.go_to(q.page_index(page))
    row = next(r for r in page.rows if isinstance(r, QuestionRow) and r.glossary_buttons)
    clicked: list[bool] = []
    row.glossary_buttons[0].clicked.connect(lambda: clicked.append(True))
    row.glossary_buttons[0].setFocus()
    qtbot.keyClick(row.glossary_buttons[0], Qt.Key.Key_Return)
    assert clicked and q.current_page is page


def test_the_refusal_follows_the_input_until_nothing_is_left(qtbot: QtBot, window: MainWindow) -> None:
    q = questionnaire(window)
    enterprise = q.enterprise_page
    type_text(qtbot, enterprise.credit_code, "91442000MA4W8N3K2X")  # a wrong check character
    type_text(qtbot, enterprise.assessed_on, "2025-02-30")
    assert not q.go_next()
    assert q.message.isVisible() and "统一社会信用代码" in q.message.text()

    type_text(qtbot, enterprise.credit_code, "91442000MA4W8N3K2K")  # corrected
    assert q.message.isVisible()
    assert "统一社会信用代码" not in q.message.text()
    assert "2025 年 2 月没有 30 日" in q.message.text()  # the fault still left: the date

    type_text(qtbot, enterprise.assessed_on, "2025-11-30")
    assert not q.message.isVisible()
    assert q.go_next()


def test_each_help_button_sits_right_after_its_question(window: MainWindow) -> None:
    q = questionnaire(window)
    for page in q.section_pages.values():
        for row in page.rows:
            if row.glossary_buttons:
                text_width = row.label.fontMetrics().horizontalAdvance(row.label.text())
                assert row.label.maximumWidth() <= min(text_width + 8, 560), row.question.id


def test_the_calendar_shows_no_week_numbers_and_the_date_hint_is_not_a_date(window: MainWindow) -> None:
    from PySide6.QtWidgets import QCalendarWidget

    date = questionnaire(window).enterprise_page.assessed_on
    assert date.calendar.verticalHeaderFormat() == QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader
    assert date.picker.menu() is None  # no menu arrow drawn over "日历…"
    assert not any(ch.isdigit() for ch in date.edit.placeholderText())


def _stored(qtbot: QtBot, url: str) -> MainWindow:
    window = MainWindow(database=url, lang="zh")
    window.confirm_unsaved_close = False
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.start()
    return window


def test_a_finalised_assessment_reopens_on_the_page_that_was_open(qtbot: QtBot, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'a.db'}"
    window = _stored(qtbot, url)
    assert window.document.lasting
    window.work.import_and_open(EXAMPLES / "lighting-exporter.json")
    window.finalise()
    window.ensure_ready().go_to(2)
    window.close()

    again = _stored(qtbot, url)
    assert again.document.lasting and again.document.final
    assert again.ensure_ready().index == 2  # not 结果
    again.close()


def test_reopened_drafts_show_the_inputs_again(qtbot: QtBot, tmp_path: Path) -> None:
    window = _stored(qtbot, f"sqlite:///{tmp_path / 'a.db'}")
    assert window.document.lasting
    window.work.import_and_open(EXAMPLES / "lighting-exporter.json")
    window.finalise()
    q = window.ensure_ready()
    assert q.final_banner.isVisibleTo(q)
    window.reopen()
    q = window.ensure_ready()
    assert not q.final_banner.isVisibleTo(q)
    assert q.enterprise_page.name.inputs.isVisibleTo(q.enterprise_page)
    click_yes_no(qtbot, field(window, "market", "exhibitions_attended"), False)  # editable again
    window.close()
