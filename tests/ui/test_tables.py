"""Overseas projects and IP cases: adding, editing and removing rows moves the amounts and the caps."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.ui.fields.money import MoneyField
from desktop.ui.fields.simple import ChoiceField, TextField
from desktop.ui.fields.table import TableField
from desktop.ui.main_window import MainWindow
from tests.ui.helpers import add_record, field, questionnaire


def _table(window: MainWindow, section: str, question: str) -> TableField:
    widget = field(window, section, question)
    assert isinstance(widget, TableField)
    return widget


def _row(window: MainWindow, item_id: str) -> list[str]:
    q = questionnaire(window)
    q.go_to(q.page_index(q.results_page))
    return q.results_page.amount_rows()[item_id]


def test_ip_cases_are_capped_per_case_and_per_enterprise(window: MainWindow) -> None:
    q = questionnaire(window)
    q.go_to(q.page_index(q.section_pages["ip"]))
    cases = _table(window, "ip", "ip_cases")
    for region in ("美国", "德国", "日本"):
        add_record(cases, {"kind": "patent", "region": region, "cost": "2,000,000"})
    assert cases.table.rowCount() == 3
    assert cases.table.item(2, 1).text() == "日本"
    assert cases.table.item(2, 2).text() == "2,000,000.00 元"
    row = _row(window, "ip_enforcement")
    assert row[2] == "900,000.00"  # 3 × min(400,000, 300,000): each case capped
    assert row[3] == "每案件 300,000.00\n每个单位 1,000,000.00"  # the text's caps, never a product
    assert row[5] == "3/3 项"  # every case at its per-case cap

    q.go_to(q.page_index(q.section_pages["ip"]))
    add_record(cases, {"kind": "trademark", "region": "巴西", "cost": "1500000"})
    row = _row(window, "ip_enforcement")
    assert row[2] == "1,000,000.00"  # 4 × 300,000 = 1,200,000, above the cap per enterprise
    assert row[5] == "是"

    q.go_to(q.page_index(q.section_pages["ip"]))
    cases.select_row(0)
    cases.remove_button.click()
    assert [r["region"] for r in q.session.answers["ip_cases"]] == ["德国", "日本", "巴西"]
    assert _row(window, "ip_enforcement")[2] == "900,000.00"


def test_overseas_projects_are_capped_per_project_and_a_row_can_be_edited(window: MainWindow) -> None:
    q = questionnaire(window)
    q.go_to(q.page_index(q.section_pages["overseas"]))
    projects = _table(window, "overseas", "overseas_projects")
    add_record(projects, {"name": "越南工厂", "country": "越南", "premium": "2,000,000"})
    add_record(projects, {"name": "泰国仓库", "country": "泰国", "premium": "500000"})
    row = _row(window, "overseas_investment_insurance")
    assert row[2] == "400,000.00"  # 300,000 (capped) + 100,000
    assert row[3] == "每境外项目 300,000.00"  # the text's cap, not 2 × 300,000
    assert row[5] == "1/2 项"

    q.go_to(q.page_index(q.section_pages["overseas"]))
    projects.select_row(1)
    projects.edit_button.click()
    premium = next(sub for sub in projects.sub_fields if sub.field_id == "premium")
    assert isinstance(premium, MoneyField)
    assert premium.edit.text() == "500,000.00"
    premium.edit.setText("1000000")
    assert projects.update_button.isVisibleTo(projects)
    projects.update_button.click()
    assert projects.table.rowCount() == 2
    assert _row(window, "overseas_investment_insurance")[2] == "500,000.00"

    q.go_to(q.page_index(q.section_pages["overseas"]))
    projects.select_row(0)
    projects.remove_button.click()
    row = _row(window, "overseas_investment_insurance")
    assert row[2] == "200,000.00"
    assert row[3] == "每境外项目 300,000.00"
    assert row[5] == "否"


def test_removing_a_row_counts_even_with_a_half_filled_form(window: MainWindow) -> None:
    q = questionnaire(window)
    q.go_to(q.page_index(q.section_pages["ip"]))
    cases = _table(window, "ip", "ip_cases")
    add_record(cases, {"kind": "patent", "region": "美国", "cost": "100000"})
    add_record(cases, {"kind": "patent", "region": "德国", "cost": "100000"})
    cases.sub_fields[1].edit.setText("日本")  # typed, not yet added
    cases.select_row(0)
    cases.remove_button.click()
    assert [r["region"] for r in q.session.answers["ip_cases"]] == ["德国"]


def test_a_record_without_its_amount_is_refused_and_an_unsaved_form_blocks_the_page(window: MainWindow) -> None:
    q = questionnaire(window)
    q.go_to(q.page_index(q.section_pages["ip"]))
    cases = _table(window, "ip", "ip_cases")
    add_record(cases, {"kind": "patent", "region": "美国"})
    assert cases.table.rowCount() == 0
    assert "请填写维权成本" in cases.form_error.text()
    add_record(cases, {"cost": "abc"})
    assert "不是金额" in cases.form_error.text()
    assert not q.go_next()  # the typed case would be lost
    assert "未保存" in q.message.text()
    cases.cancel_button.click()
    assert q.go_next()
    assert q.session.answers["ip_cases"] == []


def test_after_adding_a_record_the_cursor_waits_in_the_first_field_for_the_next(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Issue 23: the cursor stayed in the last field, where the next record's first words went astray."""
    q = questionnaire(window)
    q.go_to(q.page_index(q.section_pages["ip"]))
    table = _table(window, "ip", "ip_cases")
    first, last = table.sub_fields[0], table.sub_fields[-1]
    kind, region, cost = table.sub_fields
    assert isinstance(kind, ChoiceField) and isinstance(region, TextField) and isinstance(cost, MoneyField)
    kind.select(kind.values[1] or "")
    region.edit.setText("美国")
    cost.edit.setText("120000")
    last.focus_input()
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    assert len(table.records) == 1
    assert first.isAncestorOf(QApplication.focusWidget())
