"""Lists the firm already has, as pack data: the bundled pack's two lists, and a malformed list refused with
every problem named by file, entry and field (`pack check` too). A guide states a minimum only where the
pack's list says one may be set."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.policy import Pack, PackError, load_pack_text
from desktop.policy.guides import GuideError, load_guide_text
from desktop.policy.lists import list_for_document, list_for_question, list_kind
from desktop.wording.problems import words

REPO = Path(__file__).resolve().parents[2]
PACK_FILE = REPO / "resources" / "policies" / "zhongshan-2025.toml"
PACK_TEXT = PACK_FILE.read_text(encoding="utf-8")
LISTS_START = PACK_TEXT.index("\n[[lists]]")


def test_the_bundled_pack_describes_the_premium_invoices_and_the_equipment_list(pack: Pack) -> None:
    premiums = list_for_question(pack, "credit_insurance_premium")
    equipment = list_for_question(pack, "equipment_purchase_total")
    assert premiums is not None and equipment is not None
    assert (premiums.id, premiums.item, premiums.document) == (
        "premium_invoices",
        "credit_insurance",
        "premium_invoice_summary",
    )
    assert (equipment.id, equipment.item, equipment.document) == ("equipment_list", "equipment", "equipment_list")
    assert list_for_document(pack, "equipment", "equipment_list") is equipment
    assert premiums.total_column.id == "premium" and premiums.total_column.negative  # a credit invoice subtracts
    assert equipment.total_column.id == "amount" and not equipment.total_column.negative
    assert equipment.tax_excluded and not premiums.tax_excluded
    assert [c.id for c in equipment.columns if c.in_period] == ["purchase_date"]
    assert equipment.minimum is not None and (equipment.minimum.column, equipment.minimum.per) == (
        "amount",
        "invoice_no",
    )
    assert premiums.minimum is None
    assert "原值" in equipment.column("amount").synonyms  # type: ignore[union-attr]  # 金蝶's fixed-asset header


def _with_lists(lists: str) -> bytes:
    return (PACK_TEXT[:LISTS_START] + "\n" + lists).encode("utf-8")


GOOD = """
[[lists]]
id = "sample"
title = "样表"
question = "equipment_purchase_total"
item = "equipment"
document = "equipment_list"
columns = [
  { id = "name", label = "名称", required = true },
  { id = "amount", label = "金额", type = "money", required = true, total = true },
]
"""


def test_a_new_list_kind_is_a_pack_edit() -> None:
    pack = load_pack_text(_with_lists(GOOD), "new.toml")
    kind = list_kind(pack, "sample")
    assert kind is not None and [c.id for c in kind.columns] == ["name", "amount"]
    assert kind.total_column.id == "amount"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ('question = "equipment_purchase_total"', 'question = "equipment_total"'),
            "lists[0]（sample）.question: 未知的问题",
        ),
        (
            ('question = "equipment_purchase_total"', 'question = "digital_level"'),
            "lists[0]（sample）.question: 问题 digital_level 不是金额题",
        ),
        (('item = "equipment"', 'item = "machines"'), "lists[0]（sample）.item: 未知的支持项目 'machines'"),
        (
            ('document = "equipment_list"', 'document = "lists"'),
            "lists[0]（sample）.document: 支持项目 equipment 没有编号为 'lists' 的材料",
        ),
        ((", total = true", ""), "lists[0]（sample）.columns: 应有且只有一个合计列（total = true），实际有 0 个"),
        (
            ('label = "名称", required = true', 'label = "名称", required = true, total = true'),
            "lists[0]（sample）.columns[0].total: 只有金额列",
        ),
        (('type = "money"', 'type = "amount"'), "lists[0]（sample）.columns[1].type: 未知的取值 'amount'"),
        (('id = "name"', 'id = "Name"'), "lists[0]（sample）.columns[0].id: 列编号 'Name' 应由小写英文字母"),
        (('id = "amount"', 'id = "name"'), "lists[0]（sample）.columns[1].id: 列编号 name 重复"),
        (("required = true }", 'required = "yes" }'), "lists[0]（sample）.columns[0].required: 应为 true 或 false"),
        (('title = "样表"', 'title = "样表"\nunique = ["code"]'), "lists[0]（sample）.unique: 'code' 不是本清单的列"),
        (('title = "样表"', 'title = "样表"\ntax = "maybe"'), "lists[0]（sample）.tax: 未知的取值 'maybe'"),
        (('title = "样表"', 'title = "样表"\ncolour = "red"'), "lists[0]（sample）.colour: 未知的字段"),
        (
            ('title = "样表"', 'title = "样表"\nminimum = { column = "name" }'),
            "lists[0]（sample）.minimum.column: 'name' 不是本清单的金额列",
        ),
        (
            ('{ id = "name", label = "名称", required = true }', '{ id = "name", label = "名称", in_period = true }'),
            "lists[0]（sample）.columns[0].in_period: 只有日期列",
        ),
        (('title = "样表"\n', ""), "lists[0]（sample）.title: 缺少此字段"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_a_malformed_list_is_refused_with_the_entry_and_field_named(change: tuple[str, str], expected: str) -> None:
    old, new = change
    assert old in GOOD
    with pytest.raises(PackError) as refused:
        load_pack_text(_with_lists(GOOD.replace(old, new, 1)), "bad.toml")
    assert any(p.startswith(f"bad.toml: {expected}") for p in words(refused.value.problems)), words(
        refused.value.problems
    )


def test_two_lists_for_one_question_are_refused() -> None:
    twice = GOOD + GOOD.replace('id = "sample"', 'id = "other"')
    with pytest.raises(PackError) as refused:
        load_pack_text(_with_lists(twice), "bad.toml")
    assert words(refused.value.problems) == [
        "bad.toml: lists[1]（other）.question: 问题 equipment_purchase_total 已由另一份清单填写"
    ]


def test_pack_check_refuses_a_malformed_list_and_names_it(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_bytes(_with_lists(GOOD.replace(", total = true", "")))
    out, err = io.StringIO(), io.StringIO()
    assert main(["pack", "check", str(bad)], out, err) == 2
    assert "bad.toml: lists[0]（sample）.columns: 应有且只有一个合计列" in err.getvalue()
    good = tmp_path / "good.toml"
    good.write_bytes(_with_lists(GOOD))
    out = io.StringIO()
    assert main(["pack", "check", str(good)], out, io.StringIO()) == 0
    assert "清单 sample：样表 → equipment_purchase_total（equipment.equipment_list）" in out.getvalue()
    out = io.StringIO()
    assert main(["pack", "check", "--lang", "en", str(good)], out, io.StringIO()) == 0
    assert "list sample: 样表 → equipment_purchase_total (equipment.equipment_list)" in out.getvalue()


GUIDE = """
[guide]
id = "test-round"
pack = "zhongshan-2025"
round = "测试"
published_on = 2026-03-01
source = "测试用申报指南"
"""


def test_a_guide_states_a_minimum_for_a_list_that_allows_one(pack: Pack) -> None:
    text = GUIDE + '\n[[lists]]\nlist = "equipment_list"\nminimum = "10000"\n'
    guide = load_guide_text(text.encode("utf-8"), "g.toml", {pack.id: pack})
    assert guide.lists["equipment_list"].minimum == Decimal("10000")


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ('list = "premium_invoices"\nminimum = "5000"', "lists[0]（premium_invoices）.minimum: 政策包没有为清单"),
        (
            'list = "machines"\nminimum = "5000"',
            "lists[0]（machines）.list: 政策包 zhongshan-2025 中没有清单 'machines'",
        ),
        ('list = "equipment_list"\nminimum = "1e4"', "lists[0]（equipment_list）.minimum: 应写成普通的小数"),
        ('list = "equipment_list"\nminimum = "-1"', "lists[0]（equipment_list）.minimum: 不能为负数"),
        ('list = "equipment_list"\nminimum = "10000"\nper = "row"', "lists[0]（equipment_list）.per: 未知的字段"),
    ],
)
def test_a_guide_minimum_the_pack_does_not_allow_is_refused(pack: Pack, entry: str, expected: str) -> None:
    text = GUIDE + "\n[[lists]]\n" + entry + "\n"
    with pytest.raises(GuideError) as refused:
        load_guide_text(text.encode("utf-8"), "g.toml", {pack.id: pack})
    assert any(p.startswith(f"g.toml: {expected}") for p in words(refused.value.problems)), words(
        refused.value.problems
    )


def test_the_bundled_guides_state_no_minimum() -> None:
    from desktop.policy.guide_registry import known_guides

    assert all(not guide.lists for guide in known_guides().for_pack("zhongshan-2025"))
