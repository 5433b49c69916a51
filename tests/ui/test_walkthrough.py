"""The whole questionnaire, walked as a clerk of a lighting exporter does, up to the results page."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.ui.fields.enterprise import TownField
from desktop.ui.main_window import MainWindow
from tests.ui.helpers import choose, click_yes_no, field, next_page, questionnaire, type_text


def test_lighting_exporter_from_first_page_to_results(qtbot: QtBot, window: MainWindow) -> None:
    q = questionnaire(window)
    steps = [q.steps.item(i).text() for i in range(q.steps.count())]
    assert steps == [
        "1. 企业基本信息",
        "2. 基本条件",
        "3. 资质与市场",
        "4. AEO 与认证",
        "5. 出口信用保险",
        "6. 设备与数字化",
        "7. 对外投资",
        "8. 知识产权",
        "9. 复核",
        "10. 结果",
    ]

    # 1 企业基本信息
    enterprise = q.enterprise_page
    enterprise.name.edit.setText("中山市古镇明辉灯饰有限公司")
    type_text(qtbot, enterprise.credit_code, "91442000MA4W8N3K2K")
    assert isinstance(enterprise.town, TownField)
    enterprise.town.choose("古镇镇")
    enterprise.contact.edit.setText("陈会计")
    type_text(qtbot, enterprise.phone, "0760-22345678")
    type_text(qtbot, enterprise.assessed_on, "2025-11-30")
    # Enter in a field moves on, as the clerk expects.
    qtbot.keyClick(enterprise.assessed_on.edit, Qt.Key.Key_Return)
    assert q.index == 1

    # 2 基本条件: what every application guide checks
    click_yes_no(qtbot, field(window, "basic", "registered_in_zhongshan"), True)
    click_yes_no(qtbot, field(window, "basic", "on_dishonest_list"), False)
    click_yes_no(qtbot, field(window, "basic", "on_abnormal_list"), False)
    # other funds for the same project: asked per item, one box each; none ticked is the answer "none"
    other_funds = field(window, "basic", "other_funds_items")
    assert other_funds.value() == [] and "other_funds_items" not in window.document.session.answers  # type: ignore[union-attr]
    assert next_page(window) == 2
    assert window.document.session.answers["other_funds_items"] == []  # type: ignore[union-attr]

    # 3 资质与市场
    click_yes_no(qtbot, field(window, "market", "exhibitions_attended"), True)
    click_yes_no(qtbot, field(window, "market", "provincial_backbone_enterprise"), False)
    choose(field(window, "market", "specialized_status"), "none")
    click_yes_no(qtbot, field(window, "market", "cross_border_ecommerce"), True)
    choose(field(window, "market", "export_class"), "class2")
    assert next_page(window) == 3

    # 4 AEO 与认证: the certification date is asked only after "yes"
    aeo_date = field(window, "certification", "aeo_certified_on")
    assert not aeo_date.isVisibleTo(q)
    click_yes_no(qtbot, field(window, "certification", "aeo_first_certified"), True)
    assert aeo_date.isVisibleTo(q)
    type_text(qtbot, aeo_date, "2025-06-18")
    click_yes_no(qtbot, field(window, "certification", "iso56005_first_certified"), False)
    assert next_page(window) == 4

    # 5 出口信用保险
    choose(field(window, "credit_insurance", "credit_insurance_product"), "general")
    type_text(qtbot, field(window, "credit_insurance", "credit_insurance_premium"), "1,200,000")
    assert next_page(window) == 5

    # 6 设备与数字化
    type_text(qtbot, field(window, "digital", "equipment_purchase_total"), "8000000")
    click_yes_no(qtbot, field(window, "digital", "equipment_upgrade_project"), True)  # asked once there is a purchase
    click_yes_no(qtbot, field(window, "digital", "digital_key_enterprise"), False)
    click_yes_no(qtbot, field(window, "digital", "digital_supply_chain"), False)
    type_text(qtbot, field(window, "digital", "digital_level"), "1")
    assert next_page(window) == 6

    # 7 对外投资, 8 知识产权: none
    assert next_page(window) == 7
    assert next_page(window) == 8

    # 9 复核
    review = q.review_page
    assert review.value_labels["credit_insurance_premium"].text() == "1,200,000.00 元"
    assert review.value_labels["aeo_certified_on"].text() == "2025-06-18"
    assert q.next_button.text().replace("&", "") == "查看结果(N)"
    assert next_page(window) == 9

    # 10 结果: read the figures from the widgets
    results = q.results_page
    rows = results.amount_rows()
    assert set(rows) == {"aeo", "credit_insurance", "equipment"}
    assert rows["aeo"][2] == "150,000.00"
    assert rows["credit_insurance"][2] == "360,000.00"
    assert rows["credit_insurance"][3] == "500,000.00"  # the cap
    assert rows["credit_insurance"][5] == "否"  # not capped
    assert rows["credit_insurance"][4] == "按比例测算"
    assert rows["aeo"][4] == "定额"  # a sum the text states
    assert rows["equipment"][2] == "1,200,000.00"
    assert rows["equipment"][4] == "最高"  # basis: up to
    assert rows["aeo"][0] == "第二条 实施强企培优计划"
    assert "1,710,000.00 元" in results.total_label.text()
    assert "171.00 万元" in results.total_label.text()
    assert "中山市稳外贸促增长若干措施" in results.policy_label.text()
    assert "2025-04-15 至 2025-12-31" in results.policy_label.text()
    assert not results.warning_label.isVisibleTo(q)  # 2025-11-30 lies within the validity
    assert "主管部门" in results.disclaimer_label.text()


def test_results_row_expands_to_steps_with_numbers_and_documents(window: MainWindow) -> None:
    session = window.document.session
    assert session is not None
    session.set_answer("credit_insurance_product", "general")
    session.set_answer("credit_insurance_premium", Decimal(1200000))
    q = questionnaire(window)
    q.go_to(len(q.pages) - 1)
    tree = q.results_page.amounts
    row = tree.topLevelItem(0)
    details = {
        row.child(i).text(0): [row.child(i).child(j).text(0) for j in range(row.child(i).childCount())]
        for i in range(row.childCount())
    }
    steps = details["计算过程"]
    assert any("1,200,000.00 元 × 30% = 360,000.00 元" in s for s in steps)
    documents = next(v for k, v in details.items() if k.startswith("申报材料"))
    assert documents[:-1] and all(d.startswith("□ ") for d in documents[:-1])
    assert documents[-1] == "材料清单的来源：参照广州南沙、湛江的申报指南和中山市商务局 2022 年的通知"


def test_an_assessment_after_the_period_says_once_what_that_means(qtbot: QtBot, window: MainWindow) -> None:
    q = questionnaire(window)
    type_text(qtbot, q.enterprise_page.assessed_on, "2026-01-05")
    q.go_to(len(q.pages) - 1)
    warning = q.results_page.period_label
    assert warning.isVisibleTo(q)
    assert "2025-12-31" in warning.text() and "一般在之后的申报窗口申请" in warning.text()


def test_unquantified_supports_services_and_unavailable_items_are_listed_with_reasons(window: MainWindow) -> None:
    session = window.document.session
    assert session is not None
    session.set_answer("exhibitions_attended", True)
    session.set_answer("aeo_first_certified", False)
    q = questionnaire(window)
    q.go_to(len(q.pages) - 1)
    results = q.results_page
    others = [results.others.topLevelItem(i).text(1) for i in range(results.others.topLevelItemCount())]
    assert "参展综合成本支持" in others
    assert results.services.topLevelItemCount() == len(session.result.services()) > 0
    unavailable = {
        results.unavailable.topLevelItem(i).text(1): results.unavailable.topLevelItem(i).text(3)
        for i in range(results.unavailable.topLevelItemCount())
    }
    assert unavailable["首次获得海关 AEO 认证一次性补贴"] == "不是首次获得海关 AEO 认证"
    statuses = {results.unavailable.topLevelItem(i).text(2) for i in range(results.unavailable.topLevelItemCount())}
    assert statuses <= {"不可申请", "未回答"} and "不可申请" in statuses
