"""Conditions on answers: whether they hold, and the words that say why (for show-if and eligibility)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from desktop.engine.answers import Answers, AnswerValue
from desktop.engine.money import format_yuan
from desktop.policy.model import Condition, Pack, Question, Text

Outcome = Literal["pass", "fail", "missing"]


@dataclass(frozen=True)
class Check:
    outcome: Outcome
    text: Text  # the step when it passes, the reason when it fails or is missing


def display_value(question: Question, value: AnswerValue) -> Text:
    """An answer as a person reads it, in both languages."""
    if isinstance(value, bool):
        return Text("是", "yes") if value else Text("否", "no")
    if question.type == "choice" and isinstance(value, str):
        choice = question.choice(value)
        return choice.label if choice else Text(value, value)
    if isinstance(value, Decimal):
        return Text(f"{format_yuan(value)} 元", f"{format_yuan(value)} yuan")
    if isinstance(value, dt.date):
        return Text(value.isoformat(), value.isoformat())
    if isinstance(value, list):
        return Text(f"{len(value)} 条", f"{len(value)} rows")
    return Text(str(value), str(value))


def _holds(cond: Condition, value: AnswerValue, pack: Pack) -> bool:
    if cond.in_validity:
        return isinstance(value, dt.date) and pack.valid_from <= value <= pack.valid_to
    if cond.one_of is not None:
        return value in cond.one_of
    if cond.at_least is not None:
        return isinstance(value, (int, Decimal)) and not isinstance(value, bool) and value >= cond.at_least
    return bool(value == cond.equals)


def holds(cond: Condition, answers: Answers, pack: Pack) -> bool:
    """For show-if: a missing answer never shows a follow-up."""
    return cond.question in answers and _holds(cond, answers[cond.question], pack)


def check(cond: Condition, answers: Answers, pack: Pack) -> Check:
    question = pack.question(cond.question)
    assert question is not None, "the loader checks that conditions name existing questions"
    if cond.question not in answers:
        return Check("missing", Text(f"未回答：{question.label.zh}", f"Not answered: {question.label.get('en')}"))
    value = answers[cond.question]
    shown = display_value(question, value)
    noun = question.noun
    if _holds(cond, value, pack):
        if cond.in_validity:
            return Check(
                "pass",
                Text(
                    f"{noun.zh} {shown.zh} 在政策有效期 {pack.valid_from} 至 {pack.valid_to} 内",
                    f"{noun.get('en')} {shown.en} lies within the policy's validity "
                    f"{pack.valid_from} to {pack.valid_to}",
                ),
            )
        # A question's label may end in a question mark; a step reads as a statement ("… AEO 认证：是").
        return Check(
            "pass",
            Text(f"{noun.zh.rstrip('？?')}：{shown.zh}", f"{noun.get('en').rstrip('？?')}: {shown.en}"),
        )
    if cond.in_validity and isinstance(value, dt.date):
        if value < pack.valid_from:
            return Check(
                "fail",
                Text(
                    f"{noun.zh} {value} 早于政策施行日 {pack.valid_from}",
                    f"{noun.get('en')} {value} is before the policy took effect on {pack.valid_from}",
                ),
            )
        return Check(
            "fail",
            Text(
                f"{noun.zh} {value} 晚于政策截止日 {pack.valid_to}",
                f"{noun.get('en')} {value} is after the policy's end date {pack.valid_to}",
            ),
        )
    if cond.reason is not None:
        return Check("fail", Text(cond.reason.zh.format(value=shown.zh), cond.reason.get("en").format(value=shown.en)))
    return Check(
        "fail",
        Text(f"{noun.zh}为“{shown.zh}”，不符合条件", f"{noun.get('en')} is '{shown.en}', which does not qualify"),
    )
