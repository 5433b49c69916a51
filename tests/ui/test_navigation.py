"""Back and forward never lose an answer; the keyboard moves through the form."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.ui.fields.money import MoneyField
from desktop.ui.fields.simple import BoolField, ChoiceField
from desktop.ui.main_window import MainWindow
from tests.ui.helpers import add_record, choose, click_yes_no, field, questionnaire, type_text


def _fill(qtbot: QtBot, window: MainWindow) -> None:
    q = questionnaire(window)
    q.enterprise_page.name.edit.setText("中山市三乡示例电器有限公司")
    q.enterprise_page.town.set_value("东升镇")  # merged away in 2021: kept as free text under 其他
    q.enterprise_page.town.edited.emit()
    click_yes_no(qtbot, field(window, "market", "exhibitions_attended"), True)
    choose(field(window, "market", "export_class"), "class1")
    click_yes_no(qtbot, field(window, "certification", "aeo_first_certified"), True)
    type_text(qtbot, field(window, "certification", "aeo_certified_on"), "2025-06-18")
    choose(field(window, "credit_insurance", "credit_insurance_product"), "general")
    type_text(qtbot, field(window, "credit_insurance", "credit_insurance_premium"), "120万")
    type_text(qtbot, field(window, "digital", "equipment_purchase_total"), "8,000,000")
    add_record(field(window, "ip", "ip_cases"), {"kind": "patent", "region": "美国", "cost": "500000"})


def test_going_back_and_forward_keeps_every_answer(qtbot: QtBot, window: MainWindow) -> None:
    _fill(qtbot, window)
    q = questionnaire(window)
    for _ in range(len(q.pages) - 1):
        assert q.go_next()
    before = dict(q.session.answers)
    enterprise_before = q.session.enterprise
    assert before["overseas_projects"] == []  # the empty table passed on the way counts as "none"
    for _ in range(len(q.pages) - 1):
        assert q.go_back()
    for _ in range(3):
        assert q.go_next()
    assert q.session.answers == before
    assert q.session.enterprise == enterprise_before
    assert q.enterprise_page.name.edit.text() == "中山市三乡示例电器有限公司"
    assert q.enterprise_page.town.other.text() == "东升镇"
    exhibitions = field(window, "market", "exhibitions_attended")
    assert isinstance(exhibitions, BoolField) and exhibitions.value() is True
    export_class = field(window, "market", "export_class")
    assert isinstance(export_class, ChoiceField) and export_class.value() == "class1"
    premium = field(window, "credit_insurance", "credit_insurance_premium")
    assert isinstance(premium, MoneyField) and premium.edit.text() == "1,200,000.00"
    assert q.session.answers["ip_cases"] == [{"kind": "patent", "region": "美国", "cost": Decimal(500000)}]


def test_enter_moves_on_and_alt_letters_press_back_and_next(qtbot: QtBot, window: MainWindow) -> None:
    q = questionnaire(window)
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.keyClick(q.enterprise_page.name.edit, Qt.Key.Key_Return)
    assert q.current_page is q.section_pages["basic"]
    assert q.back_button.shortcut().toString() == "Alt+B"
    assert q.next_button.shortcut().toString() == "Alt+N"
    qtbot.waitActive(window)
    # Through the window system, as a real key press travels, so that Qt's shortcut map sees it.
    # A mnemonic "animates" the button: the click follows a moment later.
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: q.index == 0, timeout=2000)
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: q.current_page is q.section_pages["basic"], timeout=2000)


def test_tab_goes_through_the_form_in_order(qtbot: QtBot, window: MainWindow) -> None:
    q = questionnaire(window)
    q.go_to(q.page_index(q.section_pages["market"]))
    qtbot.waitExposed(window)
    market = q.section_pages["market"]
    first = market.fields()[0]
    assert isinstance(first, BoolField)
    first.yes.setFocus()
    order = []
    for _ in range(4):
        focused = QApplication.focusWidget()
        order.append(focused)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    owners: list[str] = []
    for widget in order:
        owner = next(r.question.id for r in market.rows if r.isAncestorOf(widget))
        if not owners or owners[-1] != owner:  # a question may hold two stops: its glossary button and its input
            owners.append(owner)
    assert owners == ["exhibitions_attended", "provincial_backbone_enterprise", "specialized_status"]
    assert any(w in market.row("specialized_status").glossary_buttons for w in order)


def test_enter_in_the_record_form_adds_the_record_and_stays_on_the_page(qtbot: QtBot, window: MainWindow) -> None:
    q = questionnaire(window)
    q.go_to(q.page_index(q.section_pages["ip"]))  # 知识产权
    table = field(window, "ip", "ip_cases")
    cost = next(sub for sub in table.sub_fields if sub.field_id == "cost")  # type: ignore[attr-defined]
    assert isinstance(cost, MoneyField)
    cost.edit.setText("100000")
    qtbot.keyClick(cost.edit, Qt.Key.Key_Return)
    assert q.current_page is q.section_pages["ip"]
    assert q.session.answers["ip_cases"] == [{"cost": Decimal(100000)}]


def test_enter_on_a_focused_button_presses_it_instead_of_turning_the_page(qtbot: QtBot, window: MainWindow) -> None:
    q = questionnaire(window)
    q.go_to(q.page_index(q.review_page))
    qtbot.waitActive(window)
    button = q.review_page.edit_buttons["credit_insurance_product"]
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Return)
    assert q.current_page is q.section_pages["credit_insurance"]
