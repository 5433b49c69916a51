"""Values as an answers file writes them: money, quantities and dates, read strictly.

The window accepts conveniences (1,200,000, 120万, full-width digits); a file holds one form only, so
that two programs never read one file differently. Each reader raises ProblemError (MoneyError for money)
with the problem.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from desktop.engine.limits import DATE_TEXT, MONEY_TEXT, UnusableNumber
from desktop.money import MAX_MONEY, MoneyError, check_money
from desktop.problems import Problem, ValueProblemError, quote

_NOT_FINITE = frozenset({"nan", "-nan", "inf", "-inf", "+inf", "infinity", "-infinity", "+infinity"})


def file_money(value: object) -> Decimal:
    """Money as the file format writes it: a JSON number, or a string of ASCII digits with an optional
    point and decimals. The window's conveniences (1,200,000, 120万, full-width digits) are not read here."""
    if isinstance(value, bool):
        raise MoneyError(Problem("answers.money_bool"))
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
            raise MoneyError(Problem("money.negative"))
        if text.lower() in _NOT_FINITE:
            raise MoneyError(Problem("money.not_finite"))
        raise MoneyError(Problem("answers.money_form", value=quote(value)))
    raise MoneyError(Problem("answers.money_type", found=quote(value)))


QUANTITY_PLACES = Decimal("0.0001")


def file_quantity(value: object) -> Decimal:
    """A quantity (USD of growth, tonnes), written as money is (ASCII digits, an optional point), with up to
    four decimals."""
    if isinstance(value, UnusableNumber):
        raise ValueProblemError(value.why)
    if isinstance(value, bool) or not isinstance(value, (int, str, Decimal, float)):
        raise ValueProblemError(Problem("answers.number_type", found=quote(value)))
    if isinstance(value, str) and not MONEY_TEXT.fullmatch(value.strip()):
        raise ValueProblemError(Problem("answers.number_form", value=quote(value)))
    try:
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(str(value).strip())
    except InvalidOperation:
        raise ValueProblemError(Problem("answers.not_number", value=quote(value))) from None
    if not number.is_finite():
        raise ValueProblemError(Problem("answers.number_not_finite"))
    if number < 0:
        raise ValueProblemError(Problem("answers.number_negative"))
    if number > MAX_MONEY:
        raise ValueProblemError(Problem("answers.number_too_large"))
    if number != number.quantize(QUANTITY_PLACES):
        raise ValueProblemError(Problem("answers.number_places"))
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
            raise ValueProblemError(Problem("answers.date_form", value=quote(value)))
        year, month, day = (int(p) for p in parts.groups())
        if not 1 <= month <= 12:
            raise ValueProblemError(Problem("answers.no_such_month", value=quote(value), year=year, month=month))
        raise ValueProblemError(Problem("answers.no_such_day", value=quote(value), year=year, month=month, day=day))
    raise ValueProblemError(Problem("answers.date_type", found=quote(value)))
