"""The review page lists every answer by section; 修改 goes back to it; every amount follows the edit."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.engine import read_answers_file
from desktop.policy import Pack
from desktop.ui.fields.money import MoneyField
from desktop.ui.main_window import MainWindow
from desktop.ui.session import AssessmentSession
from tests.conftest import EXAMPLES
from tests.ui.helpers import field, questionnaire, type_text


def _load_example(session: AssessmentSession, pack: Pack) -> None:
    answers_file, _ = read_answers_file(EXAMPLES / "lighting-exporter.json", lambda _policy, _day: pack)
    session.load(answers_file, pack)


def test_review_lists_every_answer_by_section(window: MainWindow, pack: Pack) -> None:
    assert window.document.session is not None
    _load_example(window.document.session, pack)
    q = questionnaire(window)
    q.go_to(q.page_index(q.review_page))
    titles = [group.title() for group in q.review_page.groups]
    assert titles == [
        "企业基本信息",
        "基本条件",
        "资质与市场",
        "AEO 与认证",
        "出口信用保险",
        "设备与数字化",
        "对外投资",
        "知识产权",
    ]
    shown = {key: label.text() for key, label in q.review_page.value_labels.items()}
    assert shown["credit_code"] == "91442000MA4W8N3K2K"
    assert shown["town"] == "古镇镇"
    assert shown["export_class"] == "二类"
    assert shown["equipment_purchase_total"] == "8,000,000.00 元"
    assert shown["ip_cases"] == "无"
    assert shown["iso56005_first_certified"] == "否"
    labels = q.review_page.value_labels
    assert not labels["iso56005_certified_on"].isVisibleTo(q)  # a follow-up that does not apply is not listed
    assert not labels["digital_project_investment"].isVisibleTo(q)
    assert labels["aeo_certified_on"].isVisibleTo(q)


def test_editing_from_the_review_page_recomputes_every_amount(qtbot: QtBot, window: MainWindow, pack: Pack) -> None:
    assert window.document.session is not None
    _load_example(window.document.session, pack)
    q = questionnaire(window)
    results = q.results_page
    q.go_to(q.page_index(results))
    assert results.amount_rows()["credit_insurance"][2] == "360,000.00"

    q.go_to(q.page_index(q.review_page))
    qtbot.waitActive(window)
    q.review_page.edit_buttons["credit_insurance_premium"].click()
    premium = field(window, "credit_insurance", "credit_insurance_premium")
    assert q.current_page is q.section_pages["credit_insurance"]
    assert isinstance(premium, MoneyField)
    assert QApplication.focusWidget() is premium.edit  # the cursor waits in the answer to change
    type_text(qtbot, premium, "2000000")
    assert window.total_status.text() == "最多可申请合计：1,850,000.00 元（185.00 万元）"  # recomputed at once

    q.go_to(q.page_index(q.review_page))
    assert q.review_page.value_labels["credit_insurance_premium"].text() == "2,000,000.00 元"
    q.go_to(q.page_index(results))
    row = results.amount_rows()["credit_insurance"]
    assert row[2] == "500,000.00"  # 2,000,000 × 30% = 600,000, above the cap
    assert row[5] == "是"
    assert "1,850,000.00 元" in results.total_label.text()


def test_the_results_follow_an_edit_of_the_assessment_date(qtbot: QtBot, window: MainWindow, pack: Pack) -> None:
    assert window.document.session is not None
    _load_example(window.document.session, pack)
    q = questionnaire(window)
    q.review_page.refresh()
    q.review_page.edit_buttons["assessed_on"].click()
    assert q.current_page is q.enterprise_page
    type_text(qtbot, q.enterprise_page.assessed_on, "2026-02-01")
    assert window.document.session.assessed_on.isoformat() == "2026-02-01"
    q.go_to(q.page_index(q.results_page))
    assert q.results_page.period_label.isVisibleTo(q)
    assert window.document.session.result.total == Decimal(1710000)  # the date warns; it does not change the amounts


@pytest.mark.parametrize("example", ["lighting-exporter", "appliance-maker"])
def test_every_edit_link_stands_in_one_column(window: MainWindow, pack: Pack, example: str) -> None:
    """Issue 23: 修改 sat at another place in every group, so the eye lost the row it belonged to."""
    assert window.open_answers(EXAMPLES / f"{example}.json")
    q = questionnaire(window)
    q.go_to(q.page_index(q.review_page))
    page = q.review_page
    QApplication.processEvents()
    shown = [b for b in page.edit_buttons.values() if b.isVisible()]
    assert len(shown) > 10
    assert len({b.mapTo(page, b.rect().topLeft()).x() for b in shown}) == 1
    answers = [label for label in page.value_labels.values() if label.isVisible()]
    assert len({label.mapTo(page, label.rect().topLeft()).x() for label in answers}) == 1
