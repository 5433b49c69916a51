"""An answer as a person reads it, in both languages: "是", "1,200,000.00 元", "3 级", "2025-04-15", "专利、商标"."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from desktop.policy.model import Question, Text
from desktop.wording.money import yuan


def display_value(question: Question, value: Any) -> Text:
    """An answer as a person reads it, in both languages."""
    if isinstance(value, bool):
        return Text("是", "yes") if value else Text("否", "no")
    if question.type == "choice" and isinstance(value, str):
        choice = question.choice(value)
        return choice.label if choice else Text(value, value)
    if question.type == "money" and isinstance(value, Decimal):
        return Text(yuan(value, "zh"), yuan(value, "en"))
    if isinstance(value, Decimal):  # a quantity: as exact as given, no trailing zeros, with its unit
        return _with_unit(question, f"{value.normalize():,f}")
    if isinstance(value, int):
        return _with_unit(question, str(value))
    if isinstance(value, dt.date):
        return Text(value.isoformat(), value.isoformat())
    if isinstance(value, list) and question.type == "items":
        if not value:
            return Text("无", "none")
        labels = [(question.choice(v).label if question.choice(v) else Text(v, v)) for v in value]  # type: ignore[union-attr]
        return Text("、".join(t.zh for t in labels), "; ".join(t.get("en") for t in labels))
    if isinstance(value, list):
        return Text(f"{len(value)} 条", f"{len(value)} rows")
    return Text(str(value), str(value))


def _with_unit(question: Question, number: str) -> Text:
    unit = question.unit
    if not unit.zh:
        return Text(number, number)
    # a unit with no English word ("级") is left out in English rather than shown in Chinese
    return Text(f"{number} {unit.zh}", f"{number} {unit.en}" if unit.en else number)
