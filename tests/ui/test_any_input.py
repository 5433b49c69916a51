"""Whatever a clerk types or pastes, a field answers with a value or a reason, and never raises."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from desktop.policy.towns import bundled_towns
from desktop.ui.fields.base import FieldWidget
from desktop.ui.fields.date import DateField
from desktop.ui.fields.enterprise import CreditCodeField, PhoneField
from desktop.ui.fields.money import UNIT_WAN, MoneyField
from desktop.ui.fields.simple import IntegerField

TYPED = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40) | st.sampled_from(
    ["1,200,000", "120万", "１２０万", "1e9999", "NaN", "-0", "0.001", "2025-02-30", "9" * 30, "万元", "¥", "."]
)


@pytest.fixture
def fields(qtbot: QtBot) -> list[FieldWidget]:
    wan = MoneyField("premium_wan")
    wan.set_unit(UNIT_WAN)
    made: list[FieldWidget] = [
        MoneyField("premium"),
        wan,
        DateField("day"),
        IntegerField("level", 0, 5),
        CreditCodeField(),
        PhoneField(),
    ]
    for widget in made:
        qtbot.addWidget(widget)
    return made


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TYPED)
def test_every_field_gives_a_value_or_a_reason(fields: list[FieldWidget], text: str) -> None:
    for widget in fields:
        edit = widget.edit  # type: ignore[attr-defined]
        edit.setText(text)
        edit.editingFinished.emit()
        value, problem = widget.value(), widget.error()
        if problem is not None:
            assert value is None and problem.strip(), (type(widget).__name__, text)
        elif edit.text().strip():
            assert value is not None, (type(widget).__name__, text)


def test_the_town_list_is_data_with_every_street_and_town_and_an_other_choice() -> None:
    towns = bundled_towns()
    names = towns.names()
    assert len(names) == len(set(names)) == 8 + 15 + 2
    for name in ("石岐街道", "南朗街道", "小榄镇", "古镇镇", "神湾镇", "火炬开发区", "翠亨新区"):
        assert name in names
    assert "东升镇" not in names  # merged into 小榄镇 in 2020: typed under 其他 when a firm still writes it
    assert towns.other == "其他（请填写）"
