"""Input at the field: what a clerk types is read right, and what cannot be read is refused with the reason."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.fields.date import DateField
from desktop.ui.fields.enterprise import CreditCodeField
from desktop.ui.fields.money import UNIT_WAN, MoneyField
from desktop.ui.fields.simple import ChoiceField, IntegerField
from desktop.ui.main_window import MainWindow
from tests.ui.helpers import choose, field, questionnaire, type_text


@pytest.fixture
def money(qtbot: QtBot) -> MoneyField:
    widget = MoneyField("premium")
    qtbot.addWidget(widget)
    return widget


@pytest.mark.parametrize(
    ("typed", "yuan", "shown"),
    [
        ("1200000", "1200000", "1,200,000.00"),
        ("1,200,000", "1200000", "1,200,000.00"),
        ("1200000.50", "1200000.50", "1,200,000.50"),
        ("120万", "1200000", "1,200,000.00"),
        ("120 万元", "1200000", "1,200,000.00"),
    ],
)
def test_money_is_read_as_typed_and_shown_with_thousands_separators(
    money: MoneyField, typed: str, yuan: str, shown: str
) -> None:
    money.edit.setText(typed)
    money.edit.editingFinished.emit()
    assert money.value() == Decimal(yuan)
    assert money.error() is None
    assert money.edit.text() == shown


def test_the_unit_switch_reads_the_number_in_wan(money: MoneyField) -> None:
    money.set_unit(UNIT_WAN)
    money.edit.setText("120")
    assert money.value() == Decimal(1200000)
    assert money.equivalent.text() == "= 1,200,000.00 元"


def _wheel(widget: QWidget, notches: int = -1) -> QWheelEvent:
    """One turn of the mouse wheel over the widget's middle, as a clerk scrolling the page makes it."""
    middle = QPointF(widget.rect().center())
    event = QWheelEvent(
        middle,
        QPointF(widget.mapToGlobal(middle.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)
    return event


def test_scrolling_the_page_past_a_unit_box_leaves_the_unit_as_it_was(money: MoneyField) -> None:
    money.show()
    money.edit.setText("120")
    event = _wheel(money.unit)
    assert money.unit.currentIndex() == 0 and money.value() == Decimal(120)
    assert not event.isAccepted()  # the page around it takes the turn and scrolls


def test_a_unit_box_the_clerk_clicked_into_turns_with_the_wheel(money: MoneyField, qtbot: QtBot) -> None:
    money.show()
    qtbot.waitExposed(money)
    money.unit.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(money.unit.hasFocus)
    _wheel(money.unit)
    assert money.unit.currentIndex() == 1


def test_scrolling_past_a_choice_changes_no_answer(qtbot: QtBot) -> None:
    choice = ChoiceField("kind", [("general", "一般企业类"), ("small", "小微企业类")])
    qtbot.addWidget(choice)
    choice.show()
    choice.set_value("general")
    _wheel(choice.combo)  # down a notch: 小微企业类, were the box to take it
    assert choice.value() == "general"


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("12abc", "不是金额"),
        ("-5", "不能为负数"),
        ("1,20,000", "千位分隔符"),
        ("100.001", "两位小数"),
        ("9" * 20, "金额过大"),
    ],
)
def test_money_that_cannot_be_read_is_refused_with_the_reason(
    qtbot: QtBot, money: MoneyField, typed: str, reason: str
) -> None:
    money.show()
    with qtbot.waitSignal(money.edited):
        money.edit.setText(typed)
    assert money.value() is None
    assert reason in (money.error() or "")
    assert not money.error_label.isVisible()  # not while the clerk is still typing
    money.edit.editingFinished.emit()  # leaving the field
    assert money.error_label.isVisible()
    assert reason in money.error_label.text()
    money.edit.clear()
    assert money.error() is None
    assert not money.error_label.isVisible()


@pytest.mark.parametrize("typed", ["2025-06-18", "2025/6/18", "2025.06.18", "2025年6月18日", "20250618"])
def test_dates_are_read_in_the_usual_ways(qtbot: QtBot, typed: str) -> None:
    widget = DateField("day")
    qtbot.addWidget(widget)
    widget.edit.setText(typed)
    widget.edit.editingFinished.emit()
    assert widget.value() == dt.date(2025, 6, 18)
    assert widget.edit.text() == "2025-06-18"


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("2025-13-45", "不是存在的日期"),
        ("2025-02-29", "不是存在的日期"),
        ("18.06.2025x", "不是日期"),
        ("0025-06-18", "年份"),
    ],
)
def test_dates_that_do_not_exist_are_refused(qtbot: QtBot, typed: str, reason: str) -> None:
    widget = DateField("day")
    qtbot.addWidget(widget)
    widget.edit.setText(typed)
    assert widget.value() is None
    assert reason in (widget.error() or "")


def test_the_calendar_puts_the_picked_date_into_the_field(qtbot: QtBot) -> None:
    from PySide6.QtCore import QDate

    widget = DateField("day")
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.edited):
        widget.calendar.clicked.emit(QDate(2025, 6, 18))
    assert widget.value() == dt.date(2025, 6, 18)


def test_credit_code_check_digit_is_verified(qtbot: QtBot) -> None:
    widget = CreditCodeField()
    qtbot.addWidget(widget)
    widget.edit.setText("91442000MA4W8N3K2X")
    assert "校验位" in (widget.error() or "")
    assert widget.value() is None
    widget.edit.setText("91442000ma4w8n3k2k")
    widget.edit.editingFinished.emit()
    assert widget.error() is None
    assert widget.value() == "91442000MA4W8N3K2K"
    assert widget.edit.text() == "91442000MA4W8N3K2K"


def test_integer_outside_the_pack_bounds_is_refused(qtbot: QtBot) -> None:
    widget = IntegerField("digital_level", 0, 5)
    qtbot.addWidget(widget)
    widget.edit.setText("9")
    assert widget.error() == "9 超出范围：请填写 0 到 5 之间的整数"
    widget.edit.setText("二")
    assert "不是整数" in (widget.error() or "")
    widget.edit.setText("2")
    assert widget.value() == 2


def test_refused_input_keeps_the_user_on_the_page_until_fixed_or_cleared(qtbot: QtBot, window: MainWindow) -> None:
    q = questionnaire(window)
    q.go_to(q.page_index(q.section_pages["credit_insurance"]))  # 出口信用保险
    choose(field(window, "credit_insurance", "credit_insurance_product"), "general")
    premium = field(window, "credit_insurance", "credit_insurance_premium")
    assert isinstance(premium, MoneyField)
    type_text(qtbot, premium, "12o0000")
    q.next_button.click()
    assert q.current_page is q.section_pages["credit_insurance"]
    assert q.message.isVisibleTo(q) and "不是金额" in q.message.text()
    assert premium.edit.property("invalid") is True
    q.steps.setCurrentRow(8)  # jumping ahead from the step list is refused too
    assert q.current_page is q.section_pages["credit_insurance"]
    premium.edit.clear()
    q.next_button.click()
    assert q.current_page is q.section_pages["digital"]
    assert "credit_insurance_premium" not in q.session.answers


def test_refused_enterprise_fields_keep_the_user_on_the_first_page(qtbot: QtBot, window: MainWindow) -> None:
    q = questionnaire(window)
    type_text(qtbot, q.enterprise_page.credit_code, "91442000MA4W8N3K2X")
    assert not q.go_next()
    assert "校验位" in q.message.text()
    assert q.session.enterprise.credit_code == ""
    type_text(qtbot, q.enterprise_page.credit_code, "91442000MA4W8N3K2K")
    assert q.go_next()
    assert q.session.enterprise.credit_code == "91442000MA4W8N3K2K"


def test_nothing_typed_into_a_money_field_crashes(money: MoneyField) -> None:
    for text in ["", " ", "万", "¥", ".", "1e5", "NaN", "inf", "１２", "1,,2", "0x10", "\u202e12", "1" * 400]:
        money.edit.setText(text)
        money.edit.editingFinished.emit()
        if text.strip():
            assert (money.value() is None) != (money.error() is None), text  # a value or a reason, never both
        else:
            assert money.value() is None and money.error() is None


def test_the_name_field_holds_what_the_checklist_can_print_and_says_so(window: MainWindow) -> None:
    """A name of 2,900 characters once crashed the checklist; the field now stops at the answers file's limit
    and shows the count as the limit nears."""
    from desktop.engine.limits import ENTERPRISE_LIMITS

    name = questionnaire(window).enterprise_page.name
    limit = ENTERPRISE_LIMITS["name"]
    assert name.edit.maxLength() == limit
    assert str(limit) in name.edit.placeholderText()
    name.edit.setText("长" * 100)
    assert not name.count.isVisible()
    name.edit.setText("长" * 3_000)  # pasted: Qt keeps the first 200
    assert name.edit.text() == "长" * limit
    assert name.count.isVisible() and name.count.text() == f"{limit} / {limit} 字"
    assert window.document.session is not None and window.document.session.enterprise.name == "长" * limit


def test_a_text_answer_is_bounded_like_the_answers_file(qapp: object) -> None:
    from desktop.engine.limits import ENTERPRISE_LIMITS, MAX_TEXT
    from desktop.ui.fields.simple import TextField

    assert TextField("x").edit.maxLength() == MAX_TEXT
    assert CreditCodeField().edit.maxLength() <= ENTERPRISE_LIMITS["credit_code"]
