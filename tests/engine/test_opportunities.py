"""What an enterprise could still unlock, derived from the pack's rules (issue 16)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.engine import assess, read_answers_file, validate_answers
from desktop.engine.opportunities import Opportunities, find_opportunities
from desktop.engine.result import Assessment
from desktop.policy import Pack, load_pack, load_pack_text
from desktop.policy.registry import bundled_folder

TODAY = dt.date(2026, 12, 1)
ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "resources" / "examples"
REAL_RULES = ROOT / "tests" / "packs" / "real-rules.toml"


def _example(pack: Pack, name: str) -> tuple[dict[str, object], Assessment]:
    answers_file, _ = read_answers_file(EXAMPLES / f"{name}.json", lambda _p, _d: pack)
    return answers_file.answers, assess(pack, answers_file.answers, assessed_on=TODAY)


def _found(pack: Pack, raw: dict[str, object]) -> tuple[Assessment, Opportunities]:
    answers, problems = validate_answers(pack, raw)
    assert problems == []
    result = assess(pack, answers, assessed_on=TODAY)
    return result, find_opportunities(pack, answers, result, TODAY)


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
        assert listed, item.id
        for opportunity in listed:
            assert opportunity.text.zh and opportunity.text.en, item.id
            if opportunity in found.cannot:
                assert opportunity.why_not is not None and opportunity.why_not.zh, item.id


def test_the_lists_are_ranked_by_what_they_could_bring(pack: Pack) -> None:
    answers, result = _example(pack, "appliance-maker")
    found = find_opportunities(pack, answers, result, TODAY)
    gains = [o.gain or Decimal(0) for o in found.can]
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
    _, found = _found(pack, {"credit_insurance_product": "general", "credit_insurance_premium": "1333333.33"})
    assert _texts(found, "credit_insurance") == ["保费再增加 333,333.34 元即达上限 500,000.00 元"]
    _, found = _found(pack, {"equipment_purchase_total": "8000000"})
    assert _texts(found, "equipment") == [
        "设备和系统购置额每增加 1,000,000.00 元，金额最高增加 150,000.00 元（原文无上限）"
    ]


def test_what_acting_cannot_change_is_listed_apart_with_why(pack: Pack) -> None:
    _, found = _found(
        pack, {"digital_key_enterprise": False, "aeo_first_certified": True, "aeo_certified_on": "2026-01-15"}
    )
    cannot = {o.item_id: o for o in found.cannot}
    assert "由主管部门确定，企业自身无法改变" in cannot["digital_key_enterprise"].text.zh
    assert "日期已定，无法改变" in cannot["aeo"].text.zh
    _, found = _found(pack, {"on_dishonest_list": True, "equipment_purchase_total": "1000000"})
    assert "基本条件" in next(o for o in found.cannot if o.item_id == "equipment").text.zh


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
    assert "境外项目 1（越南工厂）的保费再增加 1,000,000.00 元即达每境外项目上限 300,000.00 元" in texts
    assert any(t.startswith("每增加一个境外项目，最高可再得 300,000.00 元") for t in texts)


def test_tiers_say_the_next_band_and_floors_how_far_below(pack: Pack) -> None:
    rules = load_pack(REAL_RULES)
    dates = {"upgrade_started_on": "2024-01-01", "upgrade_finished_on": "2025-01-01"}
    _, found = _found(rules, {"digital_level": 2, **dates})
    assert _texts(found, "tiers") == ["若数字化等级达到 3 级，可得 600,000.00 元（现为 300,000.00 元）"]
    _, found = _found(rules, {"import_growth_usd": 800000})
    assert _texts(found, "per_unit_floor") == [
        "测算金额 4,000.00 元，距起付标准 5,000.00 元还差 1,000.00 元；"
        "超过全市平均的进口增长额再增加 200,000 美元即可获支持 5,000.00 元"
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
    assert _texts(found, "credit_insurance") == ["保费再增加 400,000.00 元即达上限 400,000.00 元"]
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
        assert at_cap or found.for_item(item.id), (item.id, item.status, [r.zh for r in item.reasons])
