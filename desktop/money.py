"""Money as the finance clerk reads and types it: exact decimals, 元 and 万元, thousands separators."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from desktop.problems import Problem, ProblemError

CENT = Decimal("0.01")
WAN = Decimal(10000)
# A bound far above any real subsidy base; it keeps absurd input (1e400) out of the arithmetic.
MAX_MONEY = Decimal("1e15")


class MoneyError(ProblemError, ValueError):
    """Text that is not an amount; its problem says why (`money.*` in the catalogue of problems)."""


def round_money(value: Decimal) -> Decimal:
    """Round to 0.01 yuan, half up, as the engine does after applying a rate."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def format_yuan(value: Decimal) -> str:
    """`1,200,000.00` (no unit)."""
    return f"{round_money(value):,.2f}"


def format_price(value: Decimal) -> str:
    """A sum per unit, which may be finer than a cent: `15,000.00`, `0.005`."""
    if value == round_money(value):
        return format_yuan(value)
    return f"{value.normalize():,f}"


def format_rate(rate: Decimal) -> str:
    """`0.30` → `30%`; `0.125` → `12.5%`."""
    percent = (rate * 100).normalize()
    text = f"{percent:f}"
    return f"{text}%"


_MONEY_RE = re.compile(r"^(?P<number>[0-9][0-9,]*(?:\.[0-9]*)?|\.[0-9]+)(?P<unit>万元|万|元)?$")


def parse_money(text: str) -> Decimal:
    """Read an amount as typed: `1200000`, `1,200,000`, `1200000.50`, `120万`, `120 万元`, `¥1,200,000`.

    Returns yuan, exact. Raises MoneyError with the problem.
    """
    cleaned = text.strip().replace(" ", "").replace("\u3000", "").replace("，", ",")
    cleaned = cleaned.removeprefix("¥").removeprefix("￥").removeprefix("RMB").removeprefix("CNY")
    if not cleaned:
        raise MoneyError(Problem("money.empty"))
    if cleaned.startswith("-"):
        raise MoneyError(Problem("money.negative"))
    match = _MONEY_RE.match(cleaned)
    if match is None:
        raise MoneyError(Problem("money.not_digits", text=text.strip()))
    number_text = match.group("number")
    if "," in number_text and not re.fullmatch(r"[0-9]{1,3}(,[0-9]{3})*(\.[0-9]*)?", number_text):
        raise MoneyError(Problem("money.separators", text=text.strip()))
    try:
        number = Decimal(number_text.replace(",", ""))
    except InvalidOperation:
        raise MoneyError(Problem("money.not_amount", text=text.strip())) from None
    in_wan = match.group("unit") in ("万", "万元")
    value = number * WAN if in_wan else number
    return check_money(value)


def check_money(value: Decimal) -> Decimal:
    """Refuse what no amount can be: negative, infinite, NaN, absurdly large, or finer than a cent."""
    if not value.is_finite():
        raise MoneyError(Problem("money.not_finite"))
    if value < 0:
        raise MoneyError(Problem("money.negative"))
    if value > MAX_MONEY:
        raise MoneyError(Problem("money.too_large"))
    if value != value.quantize(CENT, rounding=ROUND_HALF_UP):
        raise MoneyError(Problem("money.cents"))
    return value
