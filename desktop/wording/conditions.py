"""What a condition found, in words: the step a passing condition adds ("AEO 认证日期 2025-05-06 不早于
2025-04-15"), the reason a failing one gives ("数字化等级为 1 级，低于 2 级"), and what meeting it means as an
action, for the opportunities ("首次获得海关 AEO 认证").

Each test of the pack language (desktop/policy/conditions/) is worded here by `match` on its op, so that an
op left unworded is a type error.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, assert_never, cast

from desktop.policy.conditions import TESTS
from desktop.policy.conditions.check import Check
from desktop.policy.model import Condition, Pack, Question, Text
from desktop.policy.rules.names import lowered
from desktop.wording.answers import display_value


def statement(noun: Text) -> Text:
    """A question's label reads as a statement in a step ("是否首次获得 AEO 认证：是"), without its "？"."""
    return Text(noun.zh.rstrip("？?"), noun.get("en").rstrip("？?"))


def not_answered(question: Question) -> Text:
    return Text(f"未回答：{question.label.zh}", f"Not answered: {question.label.get('en')}")


def check_text(result: Check, pack: Pack) -> Text:
    """The step a passing condition adds, or the reason a failing or unanswered one gives."""
    cond = result.condition
    if cond.op in ("all", "any"):
        return _group_text(result, pack)
    question = result.question
    assert question is not None
    if result.outcome == "missing":
        return not_answered(question)
    value = result.value
    shown = display_value(question, value)
    if result.outcome == "pass":
        return _pass_text(cond, question, shown, pack)
    if cond.reason is not None:
        return Text(cond.reason.zh.format(value=shown.zh), cond.reason.get("en").format(value=shown.en))
    return _fail_text(cond, question, value, shown, pack)


def _group_text(result: Check, pack: Pack) -> Text:
    cond = result.condition
    if result.outcome != "pass" and cond.reason is not None:
        return Text(cond.reason.zh, cond.reason.get("en"))
    texts = [check_text(part, pack) for part in result.parts if part.outcome == result.outcome]
    if result.outcome == "pass" or cond.op == "all":
        return Text("；".join(t.zh for t in texts), "; ".join(t.en for t in texts))
    return Text("；".join(t.zh for t in texts), "; and ".join(t.en for t in texts))


def _bounds(question: Question, cond: Condition) -> tuple[Text, Text]:
    low, high = (display_value(question, v) for v in cast(tuple[Any, Any], cond.value))
    return low, high


def _pass_text(cond: Condition, question: Question, shown: Text, pack: Pack) -> Text:
    noun = question.noun
    en = noun.get("en")
    match cond.op:
        case "item_not_in":
            return Text(f"{statement(noun).zh}：未列入本项", f"{statement(noun).en}: this item is not listed")
        case "in_validity":
            return Text(
                f"{noun.zh} {shown.zh} 在政策有效期 {pack.valid_from} 至 {pack.valid_to} 内",
                f"{en} {shown.en} lies within the policy's validity {pack.valid_from} to {pack.valid_to}",
            )
        case "in_period":
            start, end = pack.period
            return Text(
                f"{noun.zh} {shown.zh} 在本政策所覆盖的期间 {start} 至 {end} 内",
                f"{en} {shown.en} lies within the period the policy covers, {start} to {end}",
            )
        case "between":
            low, high = _bounds(question, cond)
            return Text(
                f"{noun.zh} {shown.zh} 在 {low.zh} 至 {high.zh} 之间",
                f"{en} {shown.en} lies between {low.en} and {high.en}",
            )
        case "on_or_after":
            bound = display_value(question, cond.value)
            return Text(f"{noun.zh} {shown.zh} 不早于 {bound.zh}", f"{en} {shown.en} is not before {bound.en}")
        case "on_or_before":
            bound = display_value(question, cond.value)
            return Text(f"{noun.zh} {shown.zh} 不晚于 {bound.zh}", f"{en} {shown.en} is not after {bound.en}")
        case "equals" | "in" | "at_least" | "at_most" | "above" | "below" | "all" | "any":
            said = statement(noun)
            return Text(f"{said.zh}：{shown.zh}", f"{said.en}: {shown.en}")
        case _:
            assert_never(cond.op)


def _fail_text(cond: Condition, question: Question, value: Any, shown: Text, pack: Pack) -> Text:
    noun = question.noun
    en = noun.get("en")
    match cond.op:
        case "item_not_in":
            return Text(f"{statement(noun).zh}：列入了本项", f"{statement(noun).en}: this item is listed")
        case "in_validity":
            if value < pack.valid_from:
                return Text(
                    f"{noun.zh} {value} 早于政策施行日 {pack.valid_from}",
                    f"{en} {value} is before the policy took effect on {pack.valid_from}",
                )
            return Text(
                f"{noun.zh} {value} 晚于政策截止日 {pack.valid_to}",
                f"{en} {value} is after the policy's end date {pack.valid_to}",
            )
        case "in_period":
            start, end = pack.period
            if value < start:
                return Text(
                    f"{noun.zh} {value} 早于本政策所覆盖期间的起始日 {start}",
                    f"{en} {value} is before the start of the period the policy covers ({start})",
                )
            return Text(
                f"{noun.zh} {value} 晚于本政策所覆盖期间的截止日 {end}",
                f"{en} {value} is after the end of the period the policy covers ({end})",
            )
        case "on_or_after":
            bound = display_value(question, cond.value)
            return Text(f"{noun.zh} {shown.zh} 早于 {bound.zh}", f"{en} {shown.en} is before {bound.en}")
        case "on_or_before":
            bound = display_value(question, cond.value)
            return Text(f"{noun.zh} {shown.zh} 晚于 {bound.zh}", f"{en} {shown.en} is after {bound.en}")
        case "between":
            low, high = _bounds(question, cond)
            return Text(
                f"{noun.zh} {shown.zh} 不在 {low.zh} 至 {high.zh} 之间",
                f"{en} {shown.en} is not between {low.en} and {high.en}",
            )
        case "at_least" | "at_most" | "above" | "below":
            zh_word, en_word = _COMPARE_FAIL[cond.op]
            bound = display_value(question, cond.value)
            return Text(f"{noun.zh}为 {shown.zh}，{zh_word} {bound.zh}", f"{en} of {shown.en} {en_word} {bound.en}")
        case "equals" | "in" | "all" | "any":
            return Text(f"{noun.zh}为“{shown.zh}”，不符合条件", f"{en} is '{shown.en}', which does not qualify")
        case _:
            assert_never(cond.op)


_COMPARE_FAIL = {
    "at_least": ("低于", "is below"),
    "at_most": ("超过", "is above"),
    "above": ("未超过", "is not above"),
    "below": ("不低于", "is not below"),
}


# -- what meeting a condition means, for the opportunities ("若首次获得海关 AEO 认证，可得 …") --------------------
def action(cond: Condition, question: Question) -> Text:
    """What meeting the condition means, as an action: "首次获得海关 AEO 认证", "投保的…为“一般企业类”"."""
    label = question.label
    noun = question.noun
    asked = label.zh.rstrip("？?")
    core_en = label.get("en").rstrip("?？")
    match cond.op:
        case "equals" if isinstance(cond.value, bool):
            # "是否首次获得…" / "新购置的…是否属于…": the question as the statement it asks about, or its negation;
            # the English label is a question ("Did the enterprise …?"): quoted with the answer it needs
            if cond.value:
                return Text(asked.replace("是否", "", 1), f"the answer to '{core_en}' is yes")
            return Text(asked.replace("是否", "不", 1), f"the answer to '{core_en}' is no")
        case "equals" | "in":
            values = cond.value if isinstance(cond.value, tuple) else (cond.value,)
            labels = [question.choice(v).label if question.choice(v) else Text(str(v)) for v in values]  # type: ignore[union-attr]
            return Text(
                f"{noun.zh.rstrip('？?')}为“{'”或“'.join(t.zh for t in labels)}”",
                f"the {lowered(noun.get('en').rstrip('?？'))} is '{' or '.join(t.get('en') for t in labels)}'",
            )
        case "above" if not cond.value:
            return Text(f"{noun.zh}大于 0", f"the {lowered(noun.get('en'))} is above 0")
        case "at_least" | "above":
            shown = display_value(question, cond.value)
            word = Text("达到", "reaches") if cond.op == "at_least" else Text("超过", "exceeds")
            return Text(f"{noun.zh}{word.zh} {shown.zh}", f"the {lowered(noun.get('en'))} {word.en} {shown.en}")
        case "on_or_after" | "on_or_before" | "between" | "in_validity" | "in_period":
            return Text(f"{noun.zh}符合规定的期间", f"{noun.get('en')} within the period required")
        case "at_most" | "below" | "item_not_in" | "all" | "any":
            return Text(f"{noun.zh}符合条件", f"{noun.get('en')} qualifies")
        case _:
            assert_never(cond.op)


def date_action(question: Question, conds: list[Condition]) -> Text:
    """ "AEO 认证日期在 2025-04-15 至 2025-12-31 之间": the range the date conditions of one question ask for."""
    low: dt.date | None = None
    high: dt.date | None = None
    for cond in conds:
        found = TESTS[cond.op].date_range(cond) if cond.op in TESTS else None
        if found is not None:
            low = found[0] or low
            high = found[1] or high
    noun = question.noun
    if low and high:
        return Text(f"{noun.zh}在 {low} 至 {high} 之间", f"{noun.get('en')} between {low} and {high}")
    if low or high:
        zh, en = ("不早于", "not before") if low else ("不晚于", "not after")
        return Text(f"{noun.zh}{zh} {low or high}", f"{noun.get('en')} {en} {low or high}")
    return Text(f"{noun.zh}在规定期间内", f"{noun.get('en')} within the period required")
