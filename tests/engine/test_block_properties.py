"""Invariants of the rule language, over rules hypothesis builds from the building blocks.

For any rule: the amount is never negative and never above a cap written on the rule; it never grows
when an amount already received (or the reference of an `excess`) grows, and never shrinks when a base
grows (every block here is monotone in its bases: rates, the part above a reference, sums,
smaller/larger/best of, ascending tiers, caps, floors); and the explanation's last line says the amount.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.engine import assess, validate_answers
from desktop.money import format_yuan
from desktop.policy import Pack, load_pack_text

DAY = dt.date(2025, 6, 1)
BASES = ("a", "b", "c")
RECEIVED = ("r1", "r2")

HEAD = """
[pack]
id = "prop"
version = "1"
title = "性质测试"
issuer = "测试"
issued_on = 2025-01-01
valid_from = 2025-01-01
valid_to = 2025-12-31
disclaimer = "测试"

[[sections]]
id = "s"
title = "测试"

[[questions]]
id = "a"
section = "s"
type = "money"
label = "金额甲"

[[questions]]
id = "b"
section = "s"
type = "money"
label = "金额乙"

[[questions]]
id = "c"
section = "s"
type = "money"
label = "金额丙"

[[questions]]
id = "n"
section = "s"
type = "integer"
label = "人数"
unit = "人"

[[questions]]
id = "q"
section = "s"
type = "number"
label = "增长额"
unit = "美元"

[[questions]]
id = "r1"
section = "s"
type = "money"
label = "已获甲"

[[questions]]
id = "r2"
section = "s"
type = "money"
label = "已获乙"

[[questions]]
id = "flag"
section = "s"
type = "bool"
label = "条件"

[[questions]]
id = "rows"
section = "s"
type = "table"
label = "明细"
record_label = "行"
fields = [
  { id = "f", type = "money", label = "费用" },
  { id = "g", type = "text", label = "分组" },
]

[[measures]]
article = 1
article_label = "一"
id = "m"
title = "测试"
units = ["测试局"]

[[measures.items]]
id = "x"
kind = "amount"
title = "测试项"
claim = "测试"
source = "测试"
"""


def _toml(value: Any) -> str:
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_toml(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return f'"{value}"'


money = st.integers(0, 2_000_000).map(lambda n: f"{n}.{n % 100:02d}" if n % 3 else str(n))
rates = st.sampled_from(["0.05", "0.15", "0.2", "0.3", "0.5", "0.8", "1", "0.0006"])


@st.composite
def _mods(draw: st.DrawFn, fields: tuple[str, ...]) -> dict[str, Any]:
    mods: dict[str, Any] = {}
    if draw(st.booleans()):
        caps: list[Any] = [draw(money)]
        if draw(st.booleans()):
            caps.append(
                {
                    "of": draw(st.sampled_from(fields)),
                    "minus": list(draw(st.sets(st.sampled_from(RECEIVED), min_size=1))),
                }
            )
        mods["cap"] = caps if len(caps) > 1 else caps[0]
    if draw(st.integers(0, 4)) == 0:
        mods["minus"] = draw(st.sampled_from(RECEIVED))
    if draw(st.integers(0, 4)) == 0:
        mods["floor"] = draw(st.sampled_from(["0.01", "100", "5000"]))
        fixed_caps = [
            c
            for c in ([mods["cap"]] if isinstance(mods.get("cap"), str) else mods.get("cap", []))
            if isinstance(c, str)
        ]
        if fixed_caps and Decimal(mods["floor"]) > min(Decimal(c) for c in fixed_caps):
            del mods["floor"]
    if draw(st.integers(0, 5)) == 0:
        mods["when"] = {"question": "flag", "equals": draw(st.booleans())}
    return mods


def _leaf(fields: tuple[str, ...], quantity: bool) -> st.SearchStrategy[dict[str, Any]]:
    options = [
        st.builds(lambda m: {"fixed": m}, money),
        st.builds(lambda f: {"of": f}, st.sampled_from(fields)),
        st.builds(lambda r, f: {"rate": r, "of": f}, rates, st.sampled_from(fields)),
        # the part above a reference: the reference only takes away, as an amount received does
        st.builds(
            lambda f, r, g: {"excess": f, "over": r, **({"growth": g} if g else {})},
            st.sampled_from(fields),
            st.sampled_from(RECEIVED),
            st.sampled_from(["", "0.052", "0"]),
        ),
    ]
    if quantity:
        options.append(
            st.builds(
                lambda p, q: {"per": p, "of": q}, st.sampled_from(["15000", "0.005", "2"]), st.sampled_from(["n", "q"])
            )
        )
        options.append(
            st.lists(money, min_size=1, max_size=3).map(
                lambda amounts: {
                    "tiers": "n",
                    "table": [{"from": i + 1, "amount": a} for i, a in enumerate(sorted(amounts, key=Decimal))],
                }
            )
        )
    return st.one_of(options)


@st.composite
def blocks(draw: st.DrawFn, fields: tuple[str, ...] = BASES, quantity: bool = True, depth: int = 0) -> dict[str, Any]:
    if depth >= 2 or draw(st.integers(0, 2)) == 0:
        block = draw(_leaf(fields, quantity))
    else:
        kind = draw(st.sampled_from(["sum", "smaller_of", "larger_of", "best_of"]))
        parts = draw(st.lists(blocks(fields, quantity, depth + 1), min_size=2, max_size=3))
        if kind == "best_of":
            for i, part in enumerate(parts):
                part["label"] = f"方式{i + 1}"
        block = {kind: parts}
    block.update(draw(_mods(fields)))
    return block


@st.composite
def rules(draw: st.DrawFn) -> dict[str, Any]:
    if draw(st.integers(0, 3)) == 0:
        per_row = draw(blocks(("f",), False, 1))
        per_row.pop("when", None)
        rule: dict[str, Any] = {"each": "rows", "per_row": per_row}
        if draw(st.booleans()):
            rule["highest"] = draw(st.integers(1, 3))
        if draw(st.booleans()):
            rule["group_by"] = "g"
        if draw(st.booleans()):
            rule["cap"] = draw(money)
        return rule
    return draw(blocks())


rows = st.lists(st.fixed_dictionaries({"f": money, "g": st.sampled_from(["甲", "乙"])}), max_size=4)
answer_sets = st.fixed_dictionaries(
    {
        "a": money,
        "b": money,
        "c": money,
        "n": st.integers(0, 6),
        "q": st.integers(0, 3_000_000),
        "r1": money,
        "r2": money,
        "flag": st.booleans(),
        "rows": rows,
    }
)


def _pack(rule: dict[str, Any]) -> Pack:
    return load_pack_text((HEAD + f"rule = {_toml(rule)}\n").encode("utf-8"), "prop.toml")


def _amount(pack: Pack, raw: dict[str, Any]) -> tuple[Decimal, Any]:
    answers, problems = validate_answers(pack, raw)
    assert problems == []
    item = assess(pack, answers, assessed_on=DAY).item("x")
    return (item.amount if item.status == "eligible" and item.amount is not None else Decimal(0)), item


def _fixed_caps(rule: dict[str, Any]) -> list[Decimal]:
    caps = rule.get("cap")
    listed = caps if isinstance(caps, list) else [caps] if caps is not None else []
    if rule.get("group_by"):
        return []  # with group_by the cap holds per group
    return [Decimal(c) for c in listed if isinstance(c, str)]


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(rules(), answer_sets)
def test_never_negative_never_above_a_cap_and_the_explanation_says_the_amount(
    rule: dict[str, Any], raw: dict[str, Any]
) -> None:
    pack = _pack(rule)
    amount, item = _amount(pack, raw)
    assert amount >= 0
    for cap in _fixed_caps(rule):
        assert amount <= cap
    if item.status == "eligible":
        assert item.amount > 0
        assert f"{format_yuan(amount)} 元" in item.steps[-1].zh, (item.steps, amount)
        assert f"{format_yuan(amount)} yuan" in item.steps[-1].en
    else:
        assert item.reasons, item.status


@SETTINGS
@given(rules(), answer_sets, st.sampled_from(RECEIVED), money)
def test_more_already_received_never_brings_more(
    rule: dict[str, Any], raw: dict[str, Any], which: str, extra: str
) -> None:
    pack = _pack(rule)
    before, _ = _amount(pack, raw)
    after, _ = _amount(pack, {**raw, which: str(Decimal(raw[which]) + Decimal(extra))})
    assert after <= before


@SETTINGS
@given(rules(), answer_sets, st.sampled_from([*BASES, "n", "q", "row", "new_row"]), money)
def test_a_larger_base_never_brings_less(rule: dict[str, Any], raw: dict[str, Any], which: str, extra: str) -> None:
    pack = _pack(rule)
    before, _ = _amount(pack, raw)
    grown = dict(raw)
    if which in BASES:
        grown[which] = str(Decimal(raw[which]) + Decimal(extra))
    elif which in ("n", "q"):
        grown[which] = raw[which] + 1 + int(Decimal(extra)) % 5
    elif which == "row" and raw["rows"]:
        grown["rows"] = [{**raw["rows"][0], "f": str(Decimal(raw["rows"][0]["f"]) + Decimal(extra))}, *raw["rows"][1:]]
    elif which == "new_row":
        grown["rows"] = [*raw["rows"], {"f": extra, "g": "甲"}]
    after, _ = _amount(pack, grown)
    assert after >= before
