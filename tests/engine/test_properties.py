"""Invariants that hold for any answers: amounts within [0, cap], monotone in their base, total = sum."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.engine import Answers, assess
from desktop.money import format_yuan, parse_money
from desktop.policy import Pack, bundled_registry

PACK: Pack = bundled_registry().get("zhongshan-2025")

money = st.decimals(min_value=0, max_value=Decimal("100000000"), places=2, allow_nan=False, allow_infinity=False)
days = st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2027, 12, 31))


@st.composite
def answers(draw: st.DrawFn) -> Answers:
    result: Answers = {}
    optional = {
        "exhibitions_attended": st.booleans(),
        "provincial_backbone_enterprise": st.booleans(),
        "specialized_status": st.sampled_from(["none", "specialized_sme", "little_giant", "single_champion"]),
        "cross_border_ecommerce": st.booleans(),
        "service_outsourcing": st.booleans(),
        "export_class": st.sampled_from(["class1", "class2", "class3", "class4", "unknown"]),
        "aeo_first_certified": st.booleans(),
        "aeo_certified_on": days,
        "iso56005_first_certified": st.booleans(),
        "iso56005_certified_on": days,
        "credit_insurance_product": st.sampled_from(["general", "small_micro", "none"]),
        "credit_insurance_premium": money,
        "equipment_purchase_total": money,
        "digital_key_enterprise": st.booleans(),
        "digital_supply_chain": st.booleans(),
        "registered_in_zhongshan": st.booleans(),
        "on_dishonest_list": st.booleans(),
        "on_abnormal_list": st.booleans(),
        "other_funds_items": st.lists(st.sampled_from(["aeo", "equipment", "credit_insurance", "exhibitions"])),
        "equipment_upgrade_project": st.booleans(),
        "digital_level": st.integers(min_value=0, max_value=5),
        "digital_project_investment": money,
        "overseas_projects": st.lists(
            st.fixed_dictionaries({"name": st.text(max_size=5), "country": st.just("越南"), "premium": money}),
            max_size=6,
        ),
        "ip_cases": st.lists(
            st.fixed_dictionaries(
                {
                    "kind": st.sampled_from(["patent", "trademark", "geographical_indication"]),
                    "region": st.just("美国"),
                    "cost": money,
                }
            ),
            max_size=8,
        ),
    }
    for key, strategy in optional.items():
        if draw(st.booleans()):
            result[key] = draw(strategy)
    return result


@settings(max_examples=200, deadline=None)
@given(answers(), days)
def test_amounts_lie_between_zero_and_the_cap(given_answers: Answers, day: dt.date) -> None:
    result = assess(PACK, given_answers, assessed_on=day)
    for item in result.items:
        if item.amount is not None:
            assert item.amount >= 0
            assert item.amount == item.amount.quantize(Decimal("0.01"))
            if item.cap is not None:
                assert item.amount <= item.cap
        if item.status not in ("eligible", "to_confirm", "barred"):
            assert item.amount is None


@settings(max_examples=200, deadline=None)
@given(answers(), days)
def test_the_total_is_the_sum_of_the_items(given_answers: Answers, day: dt.date) -> None:
    result = assess(PACK, given_answers, assessed_on=day)
    counted = [i.amount for i in result.items if i.status == "eligible" and i.amount is not None]
    pending = [i.amount for i in result.items if i.status == "to_confirm" and i.amount is not None]
    assert result.total == sum(counted, Decimal(0))
    assert result.pending_total == sum(pending, Decimal(0))


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(
        [
            ("credit_insurance", "credit_insurance_premium", {"credit_insurance_product": "general"}),
            ("digital_project", "digital_project_investment", {"digital_level": 2}),
            ("equipment", "equipment_purchase_total", {"equipment_upgrade_project": True}),
        ]
    ),
    money,
    money,
)
def test_an_amount_never_decreases_when_its_base_grows(
    rule: tuple[str, str, Answers], base: Decimal, increase: Decimal
) -> None:
    item_id, base_id, context = rule
    day = dt.date(2025, 6, 1)
    low = assess(PACK, {**context, base_id: base}, assessed_on=day).item(item_id).amount or Decimal(0)
    high = assess(PACK, {**context, base_id: base + increase}, assessed_on=day).item(item_id).amount or Decimal(0)
    assert high >= low


@settings(max_examples=200, deadline=None)
@given(st.lists(money, min_size=1, max_size=8), st.integers(min_value=0, max_value=7), money)
def test_a_growing_case_cost_never_lowers_ip_support(costs: list[Decimal], index: int, increase: Decimal) -> None:
    day = dt.date(2025, 6, 1)

    def amount(values: list[Decimal]) -> Decimal:
        cases = [{"kind": "patent", "region": "美国", "cost": v} for v in values]
        return assess(PACK, {"ip_cases": cases}, assessed_on=day).item("ip_enforcement").amount or Decimal(0)

    grown = list(costs)
    grown[index % len(costs)] += increase
    assert amount(grown) >= amount(costs)
    assert amount(grown) <= Decimal(1000000)


@given(money)
def test_money_formatting_reads_back(value: Decimal) -> None:
    assert parse_money(format_yuan(value)) == value


@settings(max_examples=200, deadline=None)
@given(st.lists(answers(), min_size=2, max_size=4), days)
def test_results_kept_from_earlier_assessments_are_those_computed_afresh(batch: list[Answers], day: dt.date) -> None:
    """The engine keeps an item's result by the answers it reads; whatever came before, a result is the one a
    pack seen for the first time gives."""
    from desktop.engine import assessment_to_data
    from desktop.policy import load_pack_text

    for given_answers in batch:
        warm = assess(PACK, given_answers, assessed_on=day)
        cold_pack = load_pack_text(Path(PACK.path).read_bytes(), "fresh.toml", PACK.path)
        cold = assess(cold_pack, given_answers, assessed_on=day)
        assert assessment_to_data(warm, None) == assessment_to_data(cold, None)


@settings(max_examples=150, deadline=None)
@given(st.lists(answers(), min_size=2, max_size=4))
def test_a_comparison_of_scenarios_adds_up(scenarios: list[Answers]) -> None:
    """The total difference of each scenario from the base is the sum of its per-item differences."""
    from desktop.engine.comparison import compare

    results = [assess(PACK, a, assessed_on=dt.date(2026, 12, 1)) for a in scenarios]
    comparison = compare([f"方案{i}" for i in range(len(results))], results)
    for column in range(1, len(results)):
        assert comparison.difference(column) == sum((row.difference(column) for row in comparison.rows), Decimal(0))
        assert comparison.totals[column] == results[column].total
