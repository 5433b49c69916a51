"""Doubtful input (issue 23, group 4): what the field itself says is wrong counts for nothing, a date is
picked and checked against the period it is about, and the unit switch can repair a wrong unit."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.ui.fields.date import DateField
from desktop.ui.fields.money import UNIT_WAN, UNIT_YUAN, MoneyField
from desktop.ui.fields.simple import BoolField
from desktop.ui.main_window import MainWindow
from tests.ui.helpers import click_yes_no, field, page, questionnaire, type_text


def _open(window: MainWindow, section: str) -> None:
    q = questionnaire(window)
    q.go_to(q.page_index(page(window, section)))


def test_a_level_out_of_range_counts_for_nothing(qtbot: QtBot, window: MainWindow) -> None:
    _open(window, "digital")
    session = questionnaire(window).session
    total_without = session.result.total
    level = field(window, "digital", "digital_level")
    follow_up = page(window, "digital").row("digital_project_investment")
    type_text(qtbot, level, "2")
    type_text(qtbot, field(window, "digital", "digital_project_investment"), "1000000")
    assert follow_up.isVisible()
    assert session.result.total > total_without  # level 2 with a project: its support counts

    type_text(qtbot, level, "7")  # the levels go to 5
    assert level.error_label.isVisible() and "7" in level.error_label.text()
    assert "digital_level" not in session.answers
    assert not follow_up.isVisible()
    assert session.result.total == total_without
    type_text(qtbot, level, "3")  # fixed: counted again, the project's figure kept
    assert follow_up.isVisible() and session.result.total > total_without


def test_the_calendar_of_a_certification_date_opens_on_the_period(qtbot: QtBot, window: MainWindow) -> None:
    _open(window, "certification")
    click_yes_no(qtbot, field(window, "certification", "aeo_first_certified"), True)
    date = field(window, "certification", "aeo_certified_on")
    assert isinstance(date, DateField)
    date.open_calendar()
    assert (date.calendar.yearShown(), date.calendar.monthShown()) == (2025, 12)  # not December 2026
    date.menu.close()


def test_a_date_outside_the_period_is_said_at_the_field_without_holding_the_page(
    qtbot: QtBot, window: MainWindow
) -> None:
    _open(window, "certification")
    click_yes_no(qtbot, field(window, "certification", "aeo_first_certified"), True)
    date = field(window, "certification", "aeo_certified_on")
    type_text(qtbot, date, "2026-12-10")
    assert date.error() is None
    assert date.error_label.isVisible()
    assert "2025-04-15 至 2025-12-31" in date.error_label.text()
    type_text(qtbot, date, "2025-06-18")
    assert not date.error_label.isVisible()


def test_a_month_that_does_not_exist_is_named_as_such(qtbot: QtBot, window: MainWindow) -> None:
    _open(window, "certification")
    click_yes_no(qtbot, field(window, "certification", "aeo_first_certified"), True)
    date = field(window, "certification", "aeo_certified_on")
    type_text(qtbot, date, "2026-13-45")
    assert date.error() == "“2026-13-45”不是存在的日期（2026 年没有 13 月）"
    type_text(qtbot, date, "2025-02-30")
    assert date.error() == "“2025-02-30”不是存在的日期（2025 年 2 月没有 30 日）"


def test_the_unit_switch_repairs_a_figure_typed_in_the_wrong_unit(qtbot: QtBot, window: MainWindow) -> None:
    _open(window, "credit_insurance")
    premium = field(window, "credit_insurance", "credit_insurance_premium")
    assert isinstance(premium, MoneyField)
    premium.set_unit(UNIT_WAN)
    type_text(qtbot, premium, "1,200,000")  # meant as 元: 120亿 under 万元
    assert premium.doubt.isVisibleTo(premium) and "“元”" in premium.doubt.text()
    premium.set_unit(UNIT_YUAN)  # what the doubt says to do
    assert premium.value() == Decimal("1200000")
    assert premium.edit.text() == "1,200,000.00"
    assert not premium.doubt.isVisibleTo(premium)
    assert questionnaire(window).session.answers["credit_insurance_premium"] == Decimal("1200000")
    premium.set_unit(UNIT_WAN)  # a plausible amount: converted, the amount kept
    assert premium.edit.text() == "120" and premium.value() == Decimal("1200000")


def test_the_arrow_keys_choose_yes_or_no(qtbot: QtBot, window: MainWindow) -> None:
    _open(window, "basic")
    answer = field(window, "basic", "registered_in_zhongshan")
    assert isinstance(answer, BoolField)
    answer.yes.setFocus()
    qtbot.keyClick(answer.yes, Qt.Key.Key_Right)
    assert answer.value() is False and answer.no.hasFocus()
    assert questionnaire(window).session.answers["registered_in_zhongshan"] is False
    qtbot.keyClick(answer.no, Qt.Key.Key_Up)
    assert answer.value() is True and answer.yes.hasFocus()
