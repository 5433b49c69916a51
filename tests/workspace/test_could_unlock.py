"""What the association's members could still unlock (issue 16, "for associations"): per item and per measure,
how many member firms are one condition away and what meeting it would bring them, derived from each firm's
own `find_opportunities` (never written per item), so that the figures follow the pack."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from desktop.engine.answers import parse_answers_data
from desktop.engine.opportunities import find_opportunities
from desktop.policy import Pack, bundled_registry, load_pack_text
from desktop.policy.registry import PackRegistry, bundled_folder
from desktop.workspace import MemberRow, aggregate
from desktop.workspace.members import members_from_data
from tests.workspace.member_files import credit_code, member_answers

TODAY = dt.date(2026, 12, 1)
PACK_TEXT = (bundled_folder() / "zhongshan-2025.toml").read_text(encoding="utf-8")
CREDIT_RULE = 'rule = { rate = "0.30", of = "credit_insurance_premium", cap = "500000" }'
GENERAL = "投保的短期出口信用保险产品为“一般企业类”"
FIRST_AEO = "首次获得海关 AEO 认证，AEO 认证日期在 2025-04-15 至 2025-12-31 之间"


def firm(number: int, **answers: Any) -> tuple[str, dict[str, Any]]:
    return (
        f"firm-{number}",
        {
            "format": "zs-trade-assessment/1",
            "policy": "zhongshan-2025",
            "assessed_on": "2025-11-30",
            "enterprise": {"name": f"会员企业{number}", "credit_code": credit_code(number), "town": "古镇镇"},
            "answers": answers,
        },
    )


def rows_of(firms: list[tuple[str, dict[str, Any]]], pack: Pack | None = None) -> list[MemberRow]:
    registry = PackRegistry([pack]) if pack is not None else bundled_registry()
    result = members_from_data(firms, registry, TODAY)
    assert not result.problems
    return result.rows


def small_micro(premiums: list[str]) -> list[tuple[str, dict[str, Any]]]:
    return [firm(n, credit_insurance_product="small_micro", credit_insurance_premium=p) for n, p in enumerate(premiums)]


def changed_pack(old: str, new: str) -> Pack:
    assert old in PACK_TEXT
    return load_pack_text(PACK_TEXT.replace(old, new, 1).encode("utf-8"), "changed.toml")


@pytest.mark.parametrize(
    ("premiums", "expected"),
    [
        (["80000"], "24000.00"),  # 30 % of the premium
        (["80000", "1000000"], "324000.00"),
        (["80000", "2000000", "1666666.70"], "1024000.00"),  # twice at the cap of 500,000
    ],
)
def test_firms_insured_as_small_micro_would_get_30_percent_up_to_the_cap_as_general(
    premiums: list[str], expected: str
) -> None:
    item = aggregate(rows_of(small_micro(premiums))).item("credit_insurance")
    assert [(u.action.zh, u.firms, u.amount, u.bounded) for u in item.unlocks] == [
        (GENERAL, len(premiums), Decimal(expected), 0)
    ]
    assert (item.unlock_firms, item.unlock_amount) == (len(premiums), Decimal(expected))


def test_a_firm_whose_figure_needs_answers_not_given_counts_at_the_cap_and_is_marked() -> None:
    rows = rows_of([firm(1, credit_insurance_product="none"), *small_micro(["80000"])[:1]])
    (unlock,) = aggregate(rows).item("credit_insurance").unlocks
    assert (unlock.firms, unlock.amount, unlock.bounded) == (2, Decimal("524000.00"), 1)


def test_what_acting_cannot_change_is_not_counted() -> None:
    rows = rows_of(
        [
            firm(1, aeo_first_certified=False),  # can still certify: one condition away
            firm(2, aeo_first_certified=True, aeo_certified_on="2025-03-01"),  # certified before the period began
        ]
    )
    (unlock,) = aggregate(rows).item("aeo").unlocks
    assert (unlock.action.zh, unlock.firms, unlock.amount) == (FIRST_AEO, 1, Decimal("150000.00"))


def test_a_firm_two_conditions_away_is_not_counted() -> None:
    condition = '{ question = "credit_insurance_product", in = ["general"],'
    pack = changed_pack(condition, '{ question = "cross_border_ecommerce", equals = true },\n  ' + condition)
    firms = [
        firm(1, cross_border_ecommerce=True, credit_insurance_product="small_micro", credit_insurance_premium="100000"),
        firm(
            2, cross_border_ecommerce=False, credit_insurance_product="small_micro", credit_insurance_premium="100000"
        ),
    ]
    (unlock,) = aggregate(rows_of(firms, pack)).item("credit_insurance").unlocks
    assert (unlock.firms, unlock.amount) == (1, Decimal("30000.00"))


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        (CREDIT_RULE, "524000.00"),  # 80,000 × 30 % + the cap of 500,000
        (CREDIT_RULE.replace('"0.30"', '"0.25"'), "520000.00"),
        (CREDIT_RULE.replace('"500000"', '"400000"'), "424000.00"),
    ],
)
def test_the_figures_follow_the_packs_rate_and_cap(rule: str, expected: str) -> None:
    rows = rows_of(small_micro(["80000", "3000000"]), changed_pack(CREDIT_RULE, rule))
    assert aggregate(rows).item("credit_insurance").unlock_amount == Decimal(expected)


def test_every_item_adds_up_its_members_own_opportunities_one_condition_away() -> None:
    rows = rows_of([(f"m{n}", member_answers(n)) for n in range(60)])
    totals = aggregate(rows)
    pack = bundled_registry().get("zhongshan-2025")
    expected: dict[str, tuple[int, Decimal]] = {}
    for row in rows:
        answers_file, _ = parse_answers_data(row.data or {}, lambda _p, _d: pack)
        for found in find_opportunities(pack, answers_file.answers, row.assessment, TODAY).can:
            if found.conditions_away == 1:
                firms, amount = expected.get(found.item_id, (0, Decimal(0)))
                expected[found.item_id] = (firms + 1, amount + found.rank)
    shown = {i.item_id: (i.unlock_firms, i.unlock_amount) for m in totals.measures for i in m.items if i.unlocks}
    assert shown == expected
    assert set(shown) >= {"aeo", "credit_insurance", "digital_project", "iso56005"}
    for measure in totals.measures:  # one item per measure here: a firm is counted once, with its figure
        assert measure.unlock_firms == sum(i.unlock_firms for i in measure.items)
        assert measure.unlock_amount == sum((i.unlock_amount for i in measure.items), Decimal(0))


def test_a_condition_shared_by_two_items_of_a_measure_counts_the_firm_once_with_both_figures() -> None:
    # a second item of the credit-insurance measure, 10 % of the same premium under the same condition
    start = PACK_TEXT.index('[[measures.items]]\nid = "credit_insurance"\n')
    item = PACK_TEXT[start : PACK_TEXT.index("[[measures]]", start)]
    twin = item.replace('id = "credit_insurance"', 'id = "credit_insurance_top_up"').replace('"0.30"', '"0.10"')
    assert twin != item
    pack = load_pack_text((PACK_TEXT[:start] + item + twin + PACK_TEXT[start + len(item) :]).encode(), "twin.toml")
    totals = aggregate(rows_of(small_micro(["100000", "200000"]), pack))
    measure = totals.measure("credit_insurance")
    assert [(i.item_id, i.unlock_firms, i.unlock_amount) for i in measure.items] == [
        ("credit_insurance", 2, Decimal("90000.00")),
        ("credit_insurance_top_up", 2, Decimal("30000.00")),
    ]
    assert (measure.unlock_firms, measure.unlock_amount) == (2, Decimal("120000.00"))


def test_without_opportunities_only_the_could_unlock_figures_are_missing() -> None:
    rows = rows_of([(f"m{n}", member_answers(n)) for n in range(20)])
    bare = [dataclasses.replace(r, opportunities=None) for r in rows]
    full, plain = aggregate(rows), aggregate(bare)
    assert (plain.total, plain.pending, plain.firms) == (full.total, full.pending, full.firms)
    for with_, without in zip(full.measures, plain.measures, strict=True):
        assert (without.firms, without.amount, without.unlock_firms) == (with_.firms, with_.amount, 0)
        assert all(not i.unlocks for i in without.items)
