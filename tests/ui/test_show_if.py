"""Follow-up questions appear only when they apply; hiding one never throws its answer away."""

from __future__ import annotations

from decimal import Decimal

from pytestqt.qtbot import QtBot

from desktop.ui.fields.money import MoneyField
from desktop.ui.main_window import MainWindow
from tests.ui.helpers import choose, click_yes_no, field, page, questionnaire, type_text


def test_the_premium_is_asked_only_once_a_product_is_chosen_and_survives_hiding(
    qtbot: QtBot, window: MainWindow
) -> None:
    q = questionnaire(window)
    q.go_to(q.page_index(q.section_pages["credit_insurance"]))
    premium = page(window, "credit_insurance").row("credit_insurance_premium")
    product = field(window, "credit_insurance", "credit_insurance_product")
    assert not premium.isVisibleTo(q)

    choose(product, "general")
    assert premium.isVisibleTo(q)
    type_text(qtbot, premium.field, "1200000")
    assert q.session.answers["credit_insurance_premium"] == Decimal(1200000)

    choose(product, "none")
    assert not premium.isVisibleTo(q)
    assert q.session.answers["credit_insurance_premium"] == Decimal(1200000)  # kept, only not asked
    assert q.session.result.item("credit_insurance").status == "not_eligible"

    choose(product, "general")
    assert premium.isVisibleTo(q)
    assert isinstance(premium.field, MoneyField)
    assert premium.field.edit.text() == "1,200,000.00"
    assert q.session.result.item("credit_insurance").amount == Decimal(360000)


def test_the_certification_dates_follow_their_yes_no_questions(qtbot: QtBot, window: MainWindow) -> None:
    q = questionnaire(window)
    q.go_to(q.page_index(q.section_pages["certification"]))
    section = page(window, "certification")
    aeo = field(window, "certification", "aeo_first_certified")
    date_row = section.row("aeo_certified_on")
    click_yes_no(qtbot, aeo, True)
    type_text(qtbot, date_row.field, "2025-06-18")
    click_yes_no(qtbot, aeo, False)
    assert not date_row.isVisibleTo(q)
    assert date_row.field not in section.fields()  # a hidden question does not block the page
    click_yes_no(qtbot, aeo, True)
    assert date_row.isVisibleTo(q)
    assert date_row.field.value().isoformat() == "2025-06-18"  # type: ignore[union-attr]


def test_project_investment_is_asked_from_digital_level_two(qtbot: QtBot, window: MainWindow) -> None:
    q = questionnaire(window)
    q.go_to(q.page_index(q.section_pages["digital"]))
    investment = page(window, "digital").row("digital_project_investment")
    level = field(window, "digital", "digital_level")
    type_text(qtbot, level, "1")
    assert not investment.isVisibleTo(q)
    type_text(qtbot, level, "2")
    assert investment.isVisibleTo(q)
    type_text(qtbot, level, "")
    assert not investment.isVisibleTo(q)


def test_a_refused_answer_in_a_hidden_follow_up_does_not_block_the_page(qtbot: QtBot, window: MainWindow) -> None:
    q = questionnaire(window)
    q.go_to(q.page_index(q.section_pages["credit_insurance"]))
    product = field(window, "credit_insurance", "credit_insurance_product")
    choose(product, "general")
    type_text(qtbot, field(window, "credit_insurance", "credit_insurance_premium"), "abc")
    choose(product, "none")
    assert q.go_next()
