"""A pack of another year's rule shapes opens in the window like the 2025 pack, and a clerk walks it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.policy import Pack, load_pack
from desktop.ui.main_window import MainWindow
from desktop.ui.session import AssessmentSession
from tests.ui.helpers import add_record, click_yes_no, field, next_page, questionnaire, type_text

REAL_RULES = Path(__file__).resolve().parents[1] / "packs" / "real-rules.toml"


@pytest.fixture
def rules_window(qtbot: QtBot, qapp: object) -> MainWindow:
    pack: Pack = load_pack(REAL_RULES)
    main = MainWindow(AssessmentSession(pack, assessed_on=dt.date(2026, 3, 1)))
    main.confirm_unsaved_close = False
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show_questionnaire()
    main.show()
    return main


def test_a_clerk_walks_the_rule_shapes_pack_to_its_results(qtbot: QtBot, rules_window: MainWindow) -> None:
    window = rules_window
    q = questionnaire(window)
    steps = [q.steps.item(i).text() for i in range(q.steps.count())]
    assert steps[1:4] == ["2. 出口信用保险", "3. 数字化与技术改造", "4. 展会与进口"]
    q.enterprise_page.name.edit.setText("中山市规则形态测试有限公司")
    assert next_page(window) == 1

    type_text(qtbot, field(window, "insurance", "premium"), "1,000,000")
    click_yes_no(qtbot, field(window, "insurance", "belt_and_road"), True)
    type_text(qtbot, field(window, "insurance", "exports_last_year"), "10000000")
    for received in ("province_support", "city_support"):
        type_text(qtbot, field(window, "insurance", received), "0")
    assert next_page(window) == 2

    type_text(qtbot, field(window, "digital", "digital_level"), "3")
    type_text(qtbot, field(window, "digital", "upgrade_started_on"), "2024-03-01")
    type_text(qtbot, field(window, "digital", "upgrade_finished_on"), "2025-06-30")
    type_text(qtbot, field(window, "digital", "workshop_award_received"), "200000")
    click_yes_no(qtbot, field(window, "digital", "leading_firm"), True)
    type_text(qtbot, field(window, "digital", "equipment_cost"), "10000000")
    type_text(qtbot, field(window, "digital", "loan_interest_paid"), "300000")
    assert next_page(window) == 3

    travellers = field(window, "fairs", "fair_travellers")
    for name in ("甲", "乙", "丙", "丁"):
        add_record(travellers, {"fair": "广交会", "traveller": name, "fare": "14000"})
    growth = field(window, "fairs", "import_growth_usd")
    type_text(qtbot, growth, "800,000")
    assert growth.value() is not None and growth.edit.text() == "800,000"
    click_yes_no(qtbot, field(window, "fairs", "first_aeo"), True)
    next_page(window)  # review
    next_page(window)  # results

    rows = q.results_page.amount_rows()
    assert rows["rate_bonus"][2] == "350,000.00"  # 300,000 + the 5% Belt-and-Road bonus
    assert rows["smaller_of"][2] == "6,000.00"  # the smaller of 800,000 and 6,000
    assert rows["combined_cap"][2] == "200,000.00"
    assert rows["tiers"][2] == "600,000.00"
    assert rows["difference"][2] == "300,000.00"
    assert rows["one_route"][2] == "2,000,000.00"
    assert rows["per_person"][2] == "42,000.00"  # the 3 highest of 4 travellers
    assert rows["fixed_once"][2] == "150,000.00"
    assert "per_unit_floor" not in rows  # 4,000 is below the 5,000 floor
    unavailable = q.results_page.unavailable
    texts = [unavailable.topLevelItem(i).text(3) for i in range(unavailable.topLevelItemCount())]
    assert any("测算金额 4,000.00 元 低于起付标准 5,000.00 元，不予支持" in t for t in texts)
