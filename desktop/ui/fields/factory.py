"""The field widget for a pack question, by its type."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from desktop.later import later
from desktop.policy import Question
from desktop.policy.model import Lang
from desktop.ui.fields.base import FieldWidget
from desktop.ui.fields.date import DateField
from desktop.ui.fields.items import ItemsField
from desktop.ui.fields.money import MoneyField
from desktop.ui.fields.number import NumberField
from desktop.ui.fields.simple import BoolField, ChoiceField, IntegerField, TextField

if TYPE_CHECKING:
    from desktop.ui.fields import table
else:
    # not for speed: a table's columns are fields made here, so the table module imports this one
    table = later("desktop.ui.fields.table")


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
        return NumberField(question.id, question.unit.en if lang == "en" else question.unit.zh, parent)
    if question.type == "table":
        return table.TableField(question, lang, parent, period)
    if question.type == "items":
        return ItemsField(question, lang, parent)
    return TextField(question.id, parent)
