"""Amounts as a finance clerk reads them, in Chinese and English: `1,200,000.00 元`, and 万元 where it helps.

In English a 万元 figure reads as a finance clerk writes it, `6,059,000.00 yuan (RMB 6.059 million)`, and not
at all under a million (where "0.03 million yuan" helps nobody); never as "× 10,000 yuan". Every amount the
program says, on screen, on paper, on the command line and in exports, is said by these functions.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Final

from desktop.money import WAN, format_yuan, round_money
from desktop.wording.terms import term

if TYPE_CHECKING:  # the window says amounts before its first paint: no policy package at run time
    from desktop.policy.model import Lang

MILLION: Final = Decimal(1_000_000)


def yuan(value: Decimal, lang: Lang = "zh") -> str:
    """`1,200,000.00 元` / `1,200,000.00 yuan`, as the bureaus' forms write amounts."""
    return f"{format_yuan(value)} {term('yuan', lang)}"


def large_figure(value: Decimal, lang: Lang = "zh") -> str:
    """`171.00` (万元) / `1.71` (million yuan), two places, for a column that names the unit."""
    return f"{round_money(value / (MILLION if lang == 'en' else WAN)):,.2f}"


def millions(value: Decimal) -> str:
    """ "6.059", "1.71", "2.00": millions to the thousand yuan, with no trailing zero beyond two places."""
    text = f"{(value / MILLION).quantize(Decimal('0.001')):,f}"
    return text[:-1] if text.endswith("0") else text


def large(value: Decimal, lang: Lang = "zh") -> str:
    """`171.00 万元` / `RMB 1.71 million`: the same amount in the unit a reader of that language uses."""
    if lang == "en":
        return f"RMB {millions(value)} million"
    return f"{large_figure(value, lang)} {term('large_unit', lang)}"


def large_helps(value: Decimal, lang: Lang = "zh") -> bool:
    """Whether the large unit says more than the figure: 万元 always in Chinese; millions from one million."""
    return lang != "en" or abs(value) >= MILLION


def compact(value: Decimal, lang: Lang = "zh") -> str:
    """The amount in the large unit where it helps (`171.00 万元`, `RMB 6.059 million`), else in yuan."""
    return large(value, lang) if large_helps(value, lang) else yuan(value, lang)


def large_number(value: Decimal, lang: Lang = "zh") -> Decimal:
    """The figure of `large` without its unit, for a spreadsheet column: 万元 to the cent of a 万
    (two places), millions to the same 100 yuan (four places)."""
    if lang == "en":
        return (value / MILLION).quantize(Decimal("0.0001"))
    return round_money(value / WAN)


def yuan_and_large(value: Decimal, lang: Lang = "zh") -> str:
    """`1,710,000.00 元（171.00 万元）` / `1,710,000.00 yuan (RMB 1.71 million)`; nothing adds "（0.00 万元）", and
    English adds nothing under a million."""
    if not value or not large_helps(value, lang):
        return yuan(value, lang)
    if lang == "en":
        return f"{yuan(value, lang)} ({large(value, lang)})"
    return f"{yuan(value, lang)}（{large(value, lang)}）"
