"""Field widgets: one small class per answer type, all with the same face (`FieldWidget`)."""

from desktop.ui.fields.base import FieldWidget
from desktop.ui.fields.factory import field_for_question

__all__ = ["FieldWidget", "field_for_question"]
