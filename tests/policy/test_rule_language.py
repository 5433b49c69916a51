"""A malformed rule is refused at load, with a message naming the file, the item and the field."""

from __future__ import annotations

import pytest

from desktop.policy import Pack, PackError, load_pack_text
from desktop.policy.rules import BestOf, Each, Excess, Per, Rate, SmallerOf, Sum, Tiers
from desktop.wording.problems import words

HEAD = """
[pack]
id = "t"
version = "1"
title = "测试"
issuer = "测试"
issued_on = 2025-01-01
valid_from = 2025-01-01
valid_to = 2025-12-31
disclaimer = "测试"

[[sections]]
id = "s"
title = "测试"

[[questions]]
id = "premium"
section = "s"
type = "money"
label = "保费"

[[questions]]
id = "level"
section = "s"
type = "integer"
label = "等级"

[[questions]]
id = "when_done"
section = "s"
type = "date"
label = "完成日期"

[[questions]]
id = "cases"
section = "s"
type = "table"
label = "案件"
fields = [{ id = "cost", type = "money", label = "成本" }, { id = "kind", type = "text", label = "类型" }]

[[measures]]
article = 1
article_label = "一"
id = "m"
title = "测试"
units = ["测试局"]
"""


# What an `excess` is measured against (after HEAD, which other tests share: their questions keep their places).
MORE_QUESTIONS = """
[[questions]]
id = "paid"
section = "s"
type = "money"
label = "上年金额"

[[questions]]
id = "usd_2024"
section = "s"
type = "number"
label = "今年进口额"
unit = "美元"

[[questions]]
id = "usd_2023"
section = "s"
type = "number"
label = "上年进口额"
unit = "美元"
"""


def _item(item_id: str, rule: str) -> str:
    return f"""
[[measures.items]]
id = "{item_id}"
kind = "amount"
title = "测试"
claim = "测试"
source = "测试"
rule = {rule}
"""


def load(*rules: str) -> Pack:
    text = HEAD + MORE_QUESTIONS + "".join(_item(f"x{i}", rule) for i, rule in enumerate(rules))
    return load_pack_text(text.encode("utf-8"), "p.toml")


def problems(*rules: str) -> list[str]:
    with pytest.raises(PackError) as caught:
        load(*rules)
    return words(caught.value.problems)


WHERE = "p.toml: measures[0]（m）.items[0]（x0）.rule"


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ('{ lump_sum = "1" }', f"{WHERE}: 未知的计算块"),
        ('{ rate = "0.3" }', f"{WHERE}.of: 比例不是金额：rate 须与 of（按哪项金额的比例）一起使用"),
        ('{ rate = "0.3", of = "level" }', f"{WHERE}.of: of 应为金额题或计算块；level 是整数题"),
        ('{ rate = "0.3", of = "when_done" }', f"{WHERE}.of: of 应为金额题或计算块；when_done 是日期题"),
        ('{ rate = { rate = "0.5", of = "premium" }, of = "premium" }', f"{WHERE}.rate: 比例只能是数"),
        ('{ per = "15000", of = "premium" }', f"{WHERE}.of: per 按数量计算，of 应为整数题或数量题（金额请用 rate）"),
        ('{ rate = "30", of = "premium" }', f"{WHERE}.rate: 比例应在 0 到 1 之间"),
        ('{ fixed = "0.001" }', f"{WHERE}.fixed: 金额最多 2 位小数"),
        (
            '{ tiers = "level", table = [{ from = 3, amount = "600000" }, { from = 2, amount = "300000" }] }',
            f"{WHERE}.table[1].from: 档位应按从小到大排列",
        ),
        (
            '{ tiers = "level", table = [{ from = 2, to = 4, amount = "300000" }, { from = 3, amount = "600000" }] }',
            f"{WHERE}.table[1].from: 档位重叠",
        ),
        (
            '{ tiers = "level", table = [{ from = 2, amount = "1", rate = "0.1" }] }',
            f"{WHERE}.table[0]: 每档须且只能有",
        ),
        ('{ tiers = "when_done", table = [{ from = 2, amount = "1" }] }', f"{WHERE}.tiers: tiers 应为按其分档的数值题"),
        ('{ rate = "0.2", of = "premium", cap = "1000", floor = "5000" }', f"{WHERE}.floor: 起付额 5000 高于上限 1000"),
        ('{ fixed = "500000", minus = "paid_before" }', f"{WHERE}.minus: 引用了不存在的问题 'paid_before'"),
        ('{ fixed = "500000", minus = "level" }', f"{WHERE}.minus: minus 减去的应为金额题"),
        ('{ smaller_of = [{ fixed = "1" }] }', f"{WHERE}.smaller_of: 应为至少两个计算块的数组"),
        ('{ best_of = [{ fixed = "1" }, { fixed = "2" }] }', f"{WHERE}.best_of[0].label: 每种方式都要有名称"),
        ('{ each = "premium", per_row = { of = "cost" } }', f"{WHERE}.each: each 应为表格题；premium 是金额题"),
        (
            '{ each = "cases", per_row = { of = "costs" } }',
            f"{WHERE}.per_row.of: 引用了不存在的问题 'costs'；是否应为 cost？",
        ),
        (
            '{ each = "cases", per_row = { of = "cost" }, group_by = "region" }',
            f"{WHERE}.group_by: 表格 cases 没有字段 'region'",
        ),
        ('{ fixed = "1", rate = "0.3", of = "premium" }', f"{WHERE}: 一个计算块只能有一种计算"),
        ('{ rate = "0.3", of = "premium", capp = "1" }', f"{WHERE}.capp: rate 块没有此字段；是否应为 cap？"),
        (
            '{ fixed = "1", when = { question = "level", at_least = "two" } }',
            f"{WHERE}.when.at_least: 问题 level 是整数题，应为整数",
        ),
        (
            '{ fixed = "1", when = { question = "when_done", between = [2025-12-31, 2025-01-01] } }',
            f"{WHERE}.when.between: 起点 2025-12-31 晚于（大于）终点 2025-01-01",
        ),
        ('{ item = "nowhere" }', f"{WHERE}.item: 引用了不存在的金额支持项 'nowhere'"),
        ('{ excess = "premium" }', f"{WHERE}.over: 缺少此字段：超过哪项参考值（over）？"),
        (
            '{ excess = "when_done", over = "premium" }',
            f"{WHERE}.excess: excess 应为金额题或数量题（按其超过参考值的部分计算）；when_done 是日期题",
        ),
        (
            '{ excess = "premium", over = "when_done" }',
            f"{WHERE}.over: over 应为金额题或数量题（参考值）；when_done 是日期题",
        ),
        ('{ excess = "premium", over = "premium" }', f"{WHERE}.over: excess 与 over 是同一问题 premium"),
        ('{ excess = "premium", over = "paid", growth = "-0.1" }', f"{WHERE}.growth: "),
        ('{ excess = "premium", over = "paid", by = "0.1" }', f"{WHERE}.by: excess 块没有此字段"),
        ('{ excess = "level", over = "paid" }', f"{WHERE}.over: excess 与 over 应为同一类、同一单位的问题"),
        ('{ excess = "usd_2024", over = "usd_2023" }', f"{WHERE}: 此块按 usd_2024 的单位计数量，不是金额"),
        (
            '{ rate = "0.1", of = { excess = "usd_2024", over = "usd_2023" } }',
            f"{WHERE}.of: 此块按 usd_2024 的单位计数量，不是金额：只能写在 per 的 of 中",
        ),
        (
            '{ per = "0.005", of = { excess = "usd_2024", over = "usd_2023", cap = "1000" } }',
            f"{WHERE}.of: 此块按 usd_2024 的单位计数量：cap、minus、floor 是金额",
        ),
        (
            '{ per = "0.005", of = { excess = "premium", over = "paid" } }',
            f"{WHERE}.of: per 按数量计算：of 的计算块应计数量",
        ),
        ('{ per = "0.005", of = { fixed = "1" } }', f"{WHERE}.of: per 按数量计算：of 的计算块应计数量"),
    ],
)
def test_a_malformed_rule_is_refused_naming_file_item_and_field(rule: str, message: str) -> None:
    found = problems(rule)
    assert any(p.startswith(message) for p in found), found


def test_a_cycle_between_items_is_refused_naming_the_chain() -> None:
    found = problems('{ rate = "0.5", of = { item = "x1" } }', '{ rate = "0.5", of = { item = "x0" } }')
    assert any("形成循环：x0 → x1 → x0" in p for p in found), found


def test_an_item_reading_itself_is_a_cycle() -> None:
    found = problems('{ rate = "0.5", of = { item = "x0" } }')
    assert any("x0 → x0" in p for p in found), found


def test_every_problem_of_a_pack_is_reported_at_once() -> None:
    found = problems('{ lump_sum = "1" }', '{ rate = "30", of = "premium" }', '{ per = "1", of = "premium" }')
    assert len(found) == 3


def test_well_formed_rules_load_into_their_blocks() -> None:
    pack = load(
        '{ rate = "0.3", of = "premium", cap = "500000" }',
        '{ smaller_of = [{ rate = "0.8", of = "premium" }, { fixed = "6000" }] }',
        '{ sum = [{ rate = "0.3", of = "premium" }, '
        '{ rate = "0.05", of = "premium", when = { question = "level", at_least = 2 } }] }',
        '{ tiers = "level", table = [{ from = 2, amount = "300000" }, { from = 3, amount = "600000" }] }',
        '{ each = "cases", per_row = { rate = "0.2", of = "cost", cap = "300000" }, '
        'highest = 3, group_by = "kind", cap = "1000000" }',
        '{ best_of = [{ label = "甲", fixed = "1" }, { label = "乙", rate = "0.1", of = "premium" }] }',
        '{ per = "15000", of = "level", cap = "45000" }',
        '{ excess = "premium", over = "paid", growth = "0.052" }',
        '{ per = "0.005", of = { excess = "usd_2024", over = "usd_2023", growth = "0.052" }, floor = "5000" }',
    )
    kinds = [type(item.rule) for _, item in pack.items()]
    assert kinds == [Rate, SmallerOf, Sum, Tiers, Each, BestOf, Per, Excess, Per]


def test_the_older_rule_forms_still_load() -> None:
    pack = load(
        '{ type = "fixed", amount = "150000" }',
        '{ type = "rate", base = "premium", rate = "0.30", cap = "500000" }',
        '{ type = "per_record_rate", records = "cases", base_field = "cost", label_field = "kind", rate = "0.20", '
        'record_cap = "300000", total_cap = "1000000" }',
    )
    assert [type(item.rule).__name__ for _, item in pack.items()] == ["Fixed", "Rate", "Each"]
