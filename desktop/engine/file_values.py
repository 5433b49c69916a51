"""Values as an answers file writes them: money, quantities and dates, read strictly.

The window accepts conveniences (1,200,000, 120万, full-width digits); a file holds one form only, so
that two programs never read one file differently. Each reader raises ValueError (MoneyError for money)
with the reason in words.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from desktop.engine.limits import DATE_TEXT, MONEY_TEXT, UnusableNumber
from desktop.engine.money import MAX_MONEY, MoneyError, check_money
from desktop.quoting import quoted

_NOT_FINITE = frozenset({"nan", "-nan", "inf", "-inf", "+inf", "infinity", "-infinity", "+infinity"})


def file_money(value: object) -> Decimal:
    """Money as the file format writes it: a JSON number, or a string of ASCII digits with an optional
    point and decimals. The window's conveniences (1,200,000, 120万, full-width digits) are not read here."""
    if isinstance(value, bool):
        raise MoneyError("应为金额（数字），不是 true/false")
    if isinstance(value, UnusableNumber):
        raise MoneyError(value.why)
    if isinstance(value, int):
        return check_money(Decimal(value))
    if isinstance(value, Decimal):
        return check_money(value)
    if isinstance(value, float):
        return file_money(repr(value))
    if isinstance(value, str):
        text = value.strip()
        if MONEY_TEXT.fullmatch(text):
            return check_money(Decimal(text))
        if text.startswith("-") and MONEY_TEXT.fullmatch(text[1:]):
            raise MoneyError("金额不能为负数")
        if text.lower() in _NOT_FINITE:
            raise MoneyError("金额必须是有限的数")
        raise MoneyError(
            f"{quoted(value)}不是答卷文件的金额写法：只能有数字和小数点（如 1200000 或 1200000.50），"
            "不能用千位分隔符、“万”、全角数字、下划线或科学计数法"
        )
    raise MoneyError(f"应为金额（数字或数字字符串），实际为 {quoted(value)}")


QUANTITY_PLACES = Decimal("0.0001")


def file_quantity(value: object) -> Decimal:
    """A quantity (USD of growth, tonnes), written as money is (ASCII digits, an optional point), with up to
    four decimals."""
    if isinstance(value, UnusableNumber):
        raise ValueError(value.why)
    if isinstance(value, bool) or not isinstance(value, (int, str, Decimal, float)):
        raise ValueError(f"应为数（数字或数字字符串），实际为 {quoted(value)}")
    if isinstance(value, str) and not MONEY_TEXT.fullmatch(value.strip()):
        raise ValueError(f"{quoted(value)}不是答卷文件的数的写法：只能有数字和小数点（如 800000 或 800000.5）")
    try:
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(str(value).strip())
    except InvalidOperation:
        raise ValueError(f"{quoted(value)}不是数") from None
    if not number.is_finite():
        raise ValueError("必须是有限的数")
    if number < 0:
        raise ValueError("不能为负数")
    if number > MAX_MONEY:
        raise ValueError("数值过大，请检查单位")
    if number != number.quantize(QUANTITY_PLACES):
        raise ValueError("最多保留四位小数")
    return number


_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)


def file_date(value: object) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            if DATE_TEXT.fullmatch(text):
                return dt.date.fromisoformat(text)
        except ValueError:
            pass
        # Say what is wrong with the date itself; "应写作 2025-06-18" read as if the program knew the date.
        parts = _ISO_DATE.fullmatch(text)
        if parts is None:
            raise ValueError(f"{quoted(value)}不是日期：应按“年-月-日”写，例如 2025-06-18")
        year, month, day = (int(p) for p in parts.groups())
        if not 1 <= month <= 12:
            raise ValueError(f"{quoted(value)}不是存在的日期（{year} 年没有 {month} 月）")
        raise ValueError(f"{quoted(value)}不是存在的日期（{year} 年 {month} 月没有 {day} 日）")
    raise ValueError(f"应为日期字符串（如 2025-06-18），实际为 {quoted(value)}")
