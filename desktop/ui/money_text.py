"""Amounts as the window shows them, in its language: `171.00 万元` reads `171.00 × 10,000 yuan` in English.

The engine's `format_wan` writes the Chinese unit into the number's text; the window's own texts go
through Qt's catalogue, so the unit does too (the checklist PDF words it the same way).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from desktop.engine.money import WAN, format_yuan, round_money


def yuan_text(value: Decimal) -> str:
    """`1,200,000.00 元` / `1,200,000.00 yuan`."""
    return QCoreApplication.translate("Money", "{amount} 元").format(amount=format_yuan(value))


def wan_text(value: Decimal) -> str:
    """`171.00 万元` / `171.00 × 10,000 yuan`: the amount in units of ten thousand yuan, two places."""
    return QCoreApplication.translate("Money", "{amount} 万元").format(amount=f"{round_money(value / WAN):,.2f}")
