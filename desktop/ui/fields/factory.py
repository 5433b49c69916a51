"""The field widget for a pack question, by its type."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from desktop.policy import Question
from desktop.policy.model import Lang
from desktop.ui.fields.base import FieldWidget
from desktop.ui.fields.date import DateField
from desktop.ui.fields.money import MoneyField
from desktop.ui.fields.simple import BoolField, ChoiceField, IntegerField, TextField


def field_for_question(
    question: Question,
    lang: Lang = "zh",
    parent: QWidget | None = None,
    period: tuple[dt.date, dt.date] | None = None,
) -> FieldWidget:
    """`period`: the pack's period of activity, which a date answer is about."""
    if question.type == "bool":
        return BoolField(question.id, parent)
    if question.type == "choice":
        return ChoiceField(question.id, [(c.value, c.label.get(lang)) for c in question.choices], parent)
    if question.type == "date":
        return DateField(question.id, parent, period)
    if question.type == "money":
        return MoneyField(question.id, parent)
    if question.type == "integer":
        return IntegerField(question.id, question.min, question.max, parent)
    if question.type == "number":
        from desktop.ui.fields.number import NumberField

        return NumberField(question.id, question.unit.en if lang == "en" else question.unit.zh, parent)
    if question.type == "table":
        from desktop.ui.fields.table import TableField

        return TableField(question, lang, parent, period)
    return TextField(question.id, parent)
