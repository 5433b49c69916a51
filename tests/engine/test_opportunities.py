"""What an enterprise could still unlock, derived from the pack's rules (issue 16)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from desktop.engine import assess, read_answers_file, validate_answers
from desktop.engine.evaluate import assess_item
from desktop.engine.opportunities import THRESHOLD, Opportunities, Opportunity, find_opportunities
from desktop.engine.result import Assessment
from desktop.money import format_yuan
from desktop.policy import Pack, load_pack, load_pack_text
from desktop.policy.registry import bundled_folder
from tests.engine.test_properties import answers

TODAY = dt.date(2026, 12, 1)  # after the period: what acting then would have brought
IN_PERIOD = dt.date(2025, 11, 30)  # while it runs: what acting can still bring
ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "resources" / "examples"
REAL_RULES = ROOT / "tests" / "packs" / "real-rules.toml"


def _example(pack: Pack, name: str) -> tuple[dict[str, object], Assessment]:
    answers_file, _ = read_answers_file(EXAMPLES / f"{name}.json", lambda _p, _d: pack)
    return answers_file.answers, assess(pack, answers_file.answers, assessed_on=TODAY)


def _found(pack: Pack, raw: dict[str, object], today: dt.date = IN_PERIOD) -> tuple[Assessment, Opportunities]:
    answers, problems = validate_answers(pack, raw)
    assert problems == []
    result = assess(pack, answers, assessed_on=today)
    return result, find_opportunities(pack, answers, result, today)


def _texts(found: Opportunities, item_id: str) -> list[str]:
    return [o.text.zh for o in found.for_item(item_id)]


@pytest.mark.parametrize("name", ["lighting-exporter", "appliance-maker", "small-trader"])
def test_every_money_item_not_at_its_cap_is_an_opportunity_or_said_to_be_unchangeable(pack: Pack, name: str) -> None:
    answers, result = _example(pack, name)
    found = find_opportunities(pack, answers, result, TODAY)
    for item in result.items:
        if item.kind != "amount":
            continue
        at_cap = (
            item.status == "eligible" and item.cap is not None and item.amount is not None and item.amount >= item.cap
        )
        listed = found.for_item(item.id)
        if at_cap:
            assert not listed, item.id
            continue
        assert listed or item.id in found.negligible, item.id
        for opportunity in listed:
            assert opportunity.text.zh and opportunity.text.en, item.id
            if opportunity in found.cannot:
                assert opportunity.why_not is not None and opportunity.why_not.zh, item.id


def test_the_lists_are_ranked_by_what_they_could_bring(pack: Pack) -> None:
    answers, result = _example(pack, "appliance-maker")
    found = find_opportunities(pack, answers, result, TODAY)
    gains = [o.rank for o in found.can]
    assert gains == sorted(gains, reverse=True)


def test_a_condition_to_meet_says_what_it_takes_and_brings(pack: Pack) -> None:
    _, found = _found(pack, {"aeo_first_certified": False})
    assert _texts(found, "aeo") == [
        "若首次获得海关 AEO 认证，AEO 认证日期在 2025-04-15 至 2025-12-31 之间，可得 150,000.00 元"
    ]
    _, found = _found(pack, {"credit_insurance_product": "small_micro", "credit_insurance_premium": "80000"})
    assert _texts(found, "credit_insurance") == ["若投保的短期出口信用保险产品为“一般企业类”，可得 24,000.00 元"]
    _, found = _found(pack, {"credit_insurance_product": "none"})
    assert _texts(found, "credit_insurance") == [
        "若投保的短期出口信用保险产品为“一般企业类”，按保费的 30% 计，上限 500,000.00 元"
    ]
    _, found = _found(pack, {"digital_level": 1})
    assert _texts(found, "digital_project") == ["若数字化水平达到 2 级，按项目投入的 50% 计，上限 1,000,000.00 元"]


def test_a_base_below_its_cap_says_how_far_it_can_grow(pack: Pack) -> None:
    # the smallest premium that reaches the cap as the engine rounds: 1,666,666.65 × 30% = 499,999.995 → 500,000.00
    _, found = _found(pack, {"credit_insurance_product": "general", "credit_insurance_premium": "1333333.33"})
    assert _texts(found, "credit_insurance") == [
        "保费再增加 333,333.32 元，可多得 100,000.00 元（达上限 500,000.00 元）"
    ]
    # a rate with no cap is said per step, never as a maximum (issue 25: "最多可增加 150,000.00")
    _, found = _found(pack, {"equipment_purchase_total": "8000000", "equipment_upgrade_project": True})
    assert _texts(found, "equipment") == [
        "设备和系统购置额每增加 1,000,000.00 元，按 15% 计，可多得 150,000.00 元（原文未规定金额上限）"
    ]
    (equipment,) = found.for_item("equipment")
    assert "最高" not in equipment.text.zh and "最多" not in equipment.text.zh and "up to" not in equipment.text.en


def test_what_acting_cannot_change_is_listed_apart_with_why(pack: Pack) -> None:
    _, found = _found(
        pack, {"digital_key_enterprise": False, "aeo_first_certified": True, "aeo_certified_on": "2026-01-15"}
    )
    cannot = {o.item_id: o for o in found.cannot}
    assert "由主管部门确定，企业自身无法改变" in cannot["digital_key_enterprise"].text.zh
    # a date after the end is the tool's reading (issue 25): to confirm, with what it would bring
    assert "取决于主管部门对原文的理解" in cannot["aeo"].text.zh and "确认后可得 150,000.00 元" in cannot["aeo"].text.zh
    # a bar (on the dishonest list) is said once for the assessment, not as something to unlock per item
    result, found = _found(
        pack, {"on_dishonest_list": True, "equipment_purchase_total": "1000000", "equipment_upgrade_project": True}
    )
    assert result.item("equipment").status == "barred"
    assert not found.for_item("equipment")


def test_a_reading_to_confirm_is_listed_apart_with_the_amount_once_confirmed(pack: Pack) -> None:
    _, found = _found(pack, {"aeo_first_certified": True, "aeo_certified_on": "2025-03-01"})
    aeo = next(o for o in found.cannot if o.item_id == "aeo")
    assert "确认后可得 150,000.00 元" in aeo.text.zh


def test_tables_say_which_row_can_grow_and_what_a_new_row_brings(pack: Pack) -> None:
    _, found = _found(
        pack,
        {"overseas_projects": [{"name": "越南工厂", "country": "越南", "premium": "500000"}]},
    )
    texts = _texts(found, "overseas_investment_insurance")
    assert (
        "境外项目 1（越南工厂）的保费再增加 999,999.98 元，可多得 200,000.00 元（达每境外项目上限 300,000.00 元）"
        in texts
    )
    assert (
        "若再有一个境外项目（保费 1,499,999.98 元及以上），可多得 300,000.00 元（达每境外项目上限 300,000.00 元）"
        in texts
    )


def test_tiers_say_the_next_band_and_floors_how_far_below(pack: Pack) -> None:
    rules = load_pack(REAL_RULES)
    dates = {"upgrade_started_on": "2024-01-01", "upgrade_finished_on": "2025-01-01"}
    _, found = _found(rules, {"digital_level": 2, **dates})
    assert _texts(found, "tiers") == [
        "若数字化等级达到 3 级，可多得 300,000.00 元（达 600,000.00 元，现为 300,000.00 元）"
    ]
    # 999,999 USD × 0.005 = 4,999.995 → 5,000.00: 199,999 more suffices, as the engine rounds (issue 25)
    _, found = _found(rules, {"import_growth_usd": 800000})
    assert _texts(found, "per_unit_floor") == [
        "测算金额 4,000.00 元，距起付标准 5,000.00 元还差 1,000.00 元；"
        "超过全市平均的进口增长额再增加 199,999 美元，可得 5,000.00 元"
    ]


def test_opportunities_follow_the_pack_not_a_text_written_per_item(tmp_path: Path) -> None:
    """Change the rate and the cap of article 六 in a copy of the pack: the texts and figures follow."""
    text = (bundled_folder() / "zhongshan-2025.toml").read_text(encoding="utf-8")
    rule = 'rule = { rate = "0.30", of = "credit_insurance_premium", cap = "500000" }'
    assert rule in text
    changed = load_pack_text(
        text.replace(rule, 'rule = { rate = "0.25", of = "credit_insurance_premium", cap = "400000" }').encode(),
        "x.toml",
    )
    _, found = _found(changed, {"credit_insurance_product": "small_micro", "credit_insurance_premium": "80000"})
    assert _texts(found, "credit_insurance") == ["若投保的短期出口信用保险产品为“一般企业类”，可得 20,000.00 元"]
    _, found = _found(changed, {"credit_insurance_product": "general", "credit_insurance_premium": "1200000"})
    assert _texts(found, "credit_insurance") == [
        "保费再增加 399,999.98 元，可多得 100,000.00 元（达上限 400,000.00 元）"
    ]
    _, found = _found(changed, {"credit_insurance_product": "none"})
    assert _texts(found, "credit_insurance") == [
        "若投保的短期出口信用保险产品为“一般企业类”，按保费的 25% 计，上限 400,000.00 元"
    ]
    assert dataclasses.is_dataclass(found.can[0])


def _case_answers() -> list[dict[str, object]]:
    from desktop.engine.cases import load_cases

    return [dict(case.answers) for case in load_cases(REAL_RULES.with_name("real-rules.cases.toml"))]


@pytest.mark.parametrize("raw", _case_answers())
def test_every_rule_shape_answers_what_would_change_it(raw: dict[str, object]) -> None:
    """For every answer set of the test pack's cases, no amount item below its cap is left unexplained."""
    rules = load_pack(REAL_RULES)
    result, found = _found(rules, raw)
    for item in result.items:
        if item.kind != "amount":
            continue
        at_cap = (
            item.status == "eligible" and item.cap is not None and item.amount is not None and item.amount >= item.cap
        )
        explained = found.for_item(item.id) or item.id in found.negligible
        assert at_cap or explained, (item.id, item.status, [r.zh for r in item.reasons])


# -- issue 25: every figure an opportunity states is what the change really brings ---------------------------
def _brought(pack: Pack, answers: dict[str, object], result: Assessment, o: Opportunity) -> Decimal:
    """The item's claimable figure once the opportunity's change is made, less what it is now: the whole
    assessment run again, every cap and rounding the engine's own."""
    assert o.change is not None, o
    before = result.item(o.item_id)
    after = assess(pack, {**answers, **o.change}, assessed_on=result.assessed_on).item(o.item_id)
    now = before.amount if before.status == "eligible" and before.amount is not None else Decimal(0)
    then = after.amount if after.status == "eligible" and after.amount is not None else Decimal(0)
    return then - now


@pytest.mark.parametrize("today", [IN_PERIOD, TODAY])
@pytest.mark.parametrize("name", ["lighting-exporter", "appliance-maker", "small-trader"])
def test_every_stated_gain_is_what_the_change_brings_on_the_examples(pack: Pack, name: str, today: dt.date) -> None:
    answers, _ = _example(pack, name)
    result = assess(pack, answers, assessed_on=today)
    found = find_opportunities(pack, answers, result, today)
    stated = [o for o in (*found.can, *found.cannot) if o.gain is not None]
    assert stated
    for o in stated:
        assert _brought(pack, answers, result, o) == o.gain, o.text.zh
        assert o.gain >= THRESHOLD, o.text.zh
        assert format_yuan(o.gain) in o.text.zh and format_yuan(o.gain) in o.text.en, o.text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers())
def test_every_stated_gain_is_what_the_change_brings(given_answers: dict[str, object]) -> None:
    """The same on answers of every shape the pack takes (tables of IP cases near the enterprise cap, premiums
    near theirs, dates, basic conditions)."""
    pack = _bundled()
    result = assess(pack, given_answers, assessed_on=IN_PERIOD)
    found = find_opportunities(pack, given_answers, result, IN_PERIOD)
    for o in (*found.can, *found.cannot):
        if o.gain is not None:
            assert _brought(pack, given_answers, result, o) == o.gain, o.text.zh
            assert o.gain >= THRESHOLD
        if o.kind in ("headroom", "new_row", "floor") and o.change is not None and o.gain is not None:
            # the change is the smallest that brings it: a cent (a unit) less brings less
            less = _a_step_less(pack, given_answers, o.change)
            assert _brought(pack, given_answers, result, dataclasses.replace(o, change=less)) < o.gain, o.text.zh


def _a_step_less(pack: Pack, answers: dict[str, object], change: Mapping[str, object]) -> dict[str, object]:
    """The change with the amount it sets one step (a cent, a unit) smaller: in the row that differs from the
    answers (or the new row), or the answer itself."""
    ((qid, value),) = change.items()
    if not isinstance(value, list):
        step = 1 if isinstance(value, int) else Decimal("0.01")
        return {qid: value - step}  # type: ignore[operator]
    before = list(answers.get(qid) or [])  # type: ignore[call-overload]
    rows = [dict(row) for row in value]
    index = next(n for n, row in enumerate(rows) if n >= len(before) or row != before[n])
    was = before[index] if index < len(before) else {}
    field = next(k for k, v in rows[index].items() if isinstance(v, Decimal) and was.get(k) != v)
    rows[index][field] -= Decimal("0.01")
    return {qid: rows}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers())
def test_one_item_decided_alone_is_what_the_whole_assessment_gives(given_answers: dict[str, object]) -> None:
    """What a change brings is asked of the item alone (and the items it reads): the same result."""
    pack = _bundled()
    result = assess(pack, given_answers, assessed_on=IN_PERIOD)
    for item in result.items:
        alone = assess_item(pack, given_answers, item.id)
        assert (alone.status, alone.amount) == (item.status, item.amount), item.id


def _bundled() -> Pack:
    from desktop.policy import bundled_registry

    return bundled_registry().get("zhongshan-2025")


def _cases(*costs: str) -> dict[str, object]:
    return {"ip_cases": [{"kind": "patent", "region": "美国", "cost": cost} for cost in costs]}


def test_a_case_that_grows_is_held_by_the_enterprise_cap_and_says_what_it_really_brings(pack: Pack) -> None:
    """Issue 25: "案件 4 的维权成本再增加 … 即达每案件上限 300,000.00 元", while the cap per enterprise left
    25,308.64: growing the case, or one more case, brings that and says so."""
    result, found = _found(pack, _cases("1500000", "1500000", "1500000", "373456.80"))
    assert result.item("ip_enforcement").amount == Decimal("974691.36")
    assert sorted(_texts(found, "ip_enforcement")) == [
        "案件 4（专利）的维权成本再增加 126,543.18 元，可多得 25,308.64 元（达每个单位上限 1,000,000.00 元）",
        "若再有一个案件（维权成本 126,543.18 元及以上），可多得 25,308.64 元（达每个单位上限 1,000,000.00 元）",
    ]
    for case in found.for_item("ip_enforcement"):
        assert case.gain == Decimal("25308.64") and case.amount_if == Decimal("1000000.00")


def test_a_gain_of_cents_is_not_worth_a_line(pack: Pack) -> None:
    """Issue 25: a sentence worth +200,000 whose gain was 0.02, and "最高可再得 0.02 元"."""
    result, found = _found(pack, _cases("1500000", "1500000", "1500000", "499999.90"))
    assert result.item("ip_enforcement").amount == Decimal("999999.98")
    assert found.for_item("ip_enforcement") == ()
    assert "ip_enforcement" in found.negligible


def test_after_the_period_the_list_speaks_of_what_acting_then_would_have_brought(pack: Pack) -> None:
    raw = {"credit_insurance_product": "general", "credit_insurance_premium": "1200000", "aeo_first_certified": False}
    _, now = _found(pack, raw, IN_PERIOD)
    _, then = _found(pack, raw, TODAY)
    assert now.heading.zh == "还可以争取的支持" and now.ended is None
    assert then.heading.zh == "若当时做到：本可多得的支持（供规划参考）" and "若当时做到" in then.note.zh
    assert _texts(now, "credit_insurance") == ["保费再增加 466,666.65 元，可多得 140,000.00 元（达上限 500,000.00 元）"]
    assert _texts(then, "credit_insurance") == [
        "若当时保费多 466,666.65 元，本可多得 140,000.00 元（达上限 500,000.00 元）"
    ]
    assert _texts(then, "aeo")[0].startswith("若当时首次获得海关 AEO 认证")
    assert all(o.text.zh.startswith("若当时") or "若当时" in o.text.zh for o in then.can if o.gain is not None)
    english = next(o for o in then.can if o.item_id == "credit_insurance").text.en
    assert english == (
        "Had the premium been 466,666.65 yuan higher: would have given 140,000.00 yuan more "
        "(reaching the cap of 500,000.00 yuan)"
    )


def test_with_a_bar_the_list_says_the_bar_comes_first(pack: Pack) -> None:
    """A firm on the dishonest list is shown what meeting a condition would bring (for after the bar is
    lifted), never as if it could apply meanwhile."""
    answers, _ = _example(pack, "lighting-exporter")
    barred = {**answers, "on_dishonest_list": True}
    result = assess(pack, barred, assessed_on=IN_PERIOD)
    found = find_opportunities(pack, barred, result, IN_PERIOD)
    assert found.barred and found.note.zh.endswith("上文所说的限制解除之前，以下各项同样不可申请。")
    assert found.note.en.endswith("Until the bar said above is lifted, none of these can be applied for either.")
    plain = find_opportunities(pack, answers, assess(pack, answers, assessed_on=IN_PERIOD), IN_PERIOD)
    assert not plain.barred and "限制解除" not in plain.note.zh
