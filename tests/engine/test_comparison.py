"""Scenarios side by side (engine): the differences a comparison reports, and how they are written."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from desktop.engine import assess
from desktop.engine.comparison import MINUS, cell_text, compare, signed, signed_large
from desktop.money import parse_money
from desktop.policy import bundled_registry

PACK = bundled_registry().get("zhongshan-2025")
DAY = dt.date(2025, 11, 30)
BASE = {
    "registered_in_zhongshan": True,
    "on_dishonest_list": False,
    "on_abnormal_list": False,
    "other_funds_items": [],
    "equipment_upgrade_project": True,
    "aeo_first_certified": True,
    "aeo_certified_on": dt.date(2025, 6, 18),
    "credit_insurance_product": "general",
    "credit_insurance_premium": Decimal("1200000.00"),
    "equipment_purchase_total": Decimal("8000000.00"),
}


def test_a_scenario_that_buys_more_equipment_differs_in_that_item_and_in_the_total_only() -> None:
    base = assess(PACK, BASE, assessed_on=DAY)
    more = assess(PACK, {**BASE, "equipment_purchase_total": Decimal("20000000")}, assessed_on=DAY)
    comparison = compare(["基础评估", "若 2026 年购置新生产线"], [base, more])
    changed = comparison.changed_rows()
    assert [row.item_id for row in changed] == ["equipment"]
    assert changed[0].difference(1) == Decimal("1800000.00")
    assert changed[0].changed_in(1)
    assert comparison.difference(1) == Decimal("1800000.00")
    assert comparison.totals == (base.total, more.total)


def test_a_scenario_that_loses_a_condition_shows_the_loss_and_the_status() -> None:
    base = assess(PACK, BASE, assessed_on=DAY)
    without = assess(PACK, {**BASE, "aeo_first_certified": False}, assessed_on=DAY)
    row = next(r for r in compare(["基础评估", "未取得 AEO"], [base, without]).rows if r.item_id == "aeo")
    assert row.cells[1].status == "not_eligible" and row.cells[1].amount is None
    assert row.difference(1) == Decimal(-150000)
    assert [cell_text(c) for c in row.cells] == ["150,000.00 元", "不可申请"]
    assert cell_text(row.cells[1], "en") == "Not eligible"


def test_differences_are_written_with_their_sign() -> None:
    assert signed(Decimal("150000")) == "+150,000.00"
    assert signed(Decimal("-150000")) == f"{MINUS}150,000.00"
    assert signed(Decimal(0)) == "0.00"
    assert signed_large(Decimal("1800000")) == "+180.00 万元"
    assert signed_large(Decimal("-1510000"), "en") == f"{MINUS}RMB 1.51 million"


@given(st.decimals(min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=2))
def test_a_signed_difference_reads_back_as_the_same_amount(value: Decimal) -> None:
    text = signed(value)
    assert text[0] in "+" + MINUS or value == 0
    magnitude = parse_money(text.lstrip("+" + MINUS))
    assert (magnitude if not text.startswith(MINUS) else -magnitude) == value
