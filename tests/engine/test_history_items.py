"""An items question that reads the amounts received (issue 21): "no other funds for the same project" is
pre-answered from the firm's record where it can be. An item the record shows paid under the packs the
question names is ticked, besides those ticked by hand; an amount under any other pack ticks nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from desktop.engine import assess, assessment_to_data
from desktop.engine.filing import Received, history_answers, received_name
from desktop.policy import Pack, PackError, load_pack_text
from desktop.wording.problems import words
from tests.policy.test_rule_language import HEAD

DAY = dt.date(2026, 6, 1)


def _paid(policy: str, item: str, amount: str = "30000") -> Received:
    return Received(policy, item, Decimal(amount), dt.date(2026, 5, 20), "已拨付")


def test_the_items_paid_under_this_pack_are_ticked_in_the_packs_order_with_those_ticked_by_hand(pack: Pack) -> None:
    received = [_paid("zhongshan-2025", "credit_insurance"), _paid("zhongshan-2025", "aeo", "150000")]
    [found] = history_answers(pack, received, {"other_funds_items": ["equipment"]})
    assert found.question == "other_funds_items"
    order = [c.value for c in pack.question("other_funds_items").choices]  # type: ignore[union-attr]
    assert list(found.ticked) == sorted(["aeo", "credit_insurance", "equipment"], key=order.index)
    assert found.answer == list(found.ticked)
    assert set(found.items) == {"aeo", "credit_insurance"} and found.amount == Decimal("180000")


def test_an_amount_under_another_pack_or_for_no_item_of_this_pack_ticks_nothing(pack: Pack) -> None:
    assert history_answers(pack, [_paid("zhongshan-2024", "credit_insurance")]) == ()
    assert history_answers(pack, [_paid("zhongshan-2025", "no_such_item")]) == ()


def test_the_item_paid_is_to_confirm_for_double_funding_and_json_says_where_the_tick_came_from(pack: Pack) -> None:
    answers = {"credit_insurance_product": "general", "credit_insurance_premium": Decimal("100000")}
    result = assess(pack, answers, assessed_on=DAY, received=[_paid("zhongshan-2025", "credit_insurance")])
    item = result.item("credit_insurance")
    assert item is not None and item.status == "to_confirm"
    [said] = assessment_to_data(result, "zh")["from_history"]
    assert said["question"] == "other_funds_items"
    assert said["items"] == ["credit_insurance"] and said["answer"] == ["credit_insurance"]


ITEMS_QUESTION = """
[[questions]]
id = "funded"
section = "s"
type = "items"
label = "已获其他资金的项目"
"""


def _pack_with(question: str) -> bytes:
    item = '\n[[measures.items]]\nid = "a"\nkind = "service"\ntitle = "测试"\nclaim = "测试"\nsource = "测试"\n'
    return (HEAD + question + item).encode("utf-8")


def test_an_items_question_may_read_the_history_without_naming_items() -> None:
    text = _pack_with(ITEMS_QUESTION + 'from_history = { policies = ["t"] }\n')
    question = load_pack_text(text, "p.toml").question("funded")
    assert question is not None and question.from_history is not None
    assert question.from_history.items == () and question.from_history.policies == ("t",)


def _question(question_id: str, kind: str) -> str:
    return (
        f'[[questions]]\nid = "{question_id}"\nsection = "s"\ntype = "{kind}"\nlabel = "测试"\n'
        'from_history = { policies = ["t"] }\n'
    )


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            _question("flag", "bool"),
            "questions[4]（flag）.from_history: 只有金额题和项目清单题可以从已获拨付记录中读取",
        ),
        (
            _question("got", "money"),
            "questions[4]（got）.from_history.items: 至少要列出一个支持项目编号",
        ),
    ],
)
def test_only_a_money_or_items_question_reads_the_history_and_a_money_one_names_its_items(
    question: str, message: str
) -> None:
    with pytest.raises(PackError) as caught:
        load_pack_text(_pack_with(question), "p.toml")
    assert any(message in problem for problem in words(caught.value.problems)), words(caught.value.problems)


@pytest.mark.parametrize(
    ("received", "lang", "named"),
    [
        # a paid claim of another assessment has no title: the item's, never its id
        (Received("zhongshan-2025", "credit_insurance", Decimal(1), DAY), "zh", "短期出口信用保险保费支持"),
        (
            Received("zhongshan-2025", "credit_insurance", Decimal(1), DAY),
            "en",
            "Support for short-term export credit insurance premiums",
        ),
        # a title typed by hand goes after the item's
        (
            Received("zhongshan-2025", "equipment", Decimal(1), DAY, "2025 设备"),
            "zh",
            "新购置设备和系统奖励（2025 设备）",
        ),
        # another programme's pack is not at hand: what was typed, else the id
        (Received("zhongshan-2022-digital", "workshop", Decimal(1), DAY, "数字化车间奖励"), "zh", "数字化车间奖励"),
        (Received("zhongshan-2022-digital", "workshop", Decimal(1), DAY), "zh", "workshop"),
    ],
)
def test_an_amount_received_is_named_by_its_item(pack: Pack, received: Received, lang: str, named: str) -> None:
    assert received_name(received, pack, lang) == named  # type: ignore[arg-type]
