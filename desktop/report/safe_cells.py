"""Cells of every CSV and Excel file the program writes: text stays text, never a formula.

An enterprise name, a file name or an answer comes from outside. Written as it is, a name like
`=HYPERLINK("http://x","y")` or `=cmd|' /C calc'!A0` becomes a live formula when an association's
clerk opens the file in Excel (CSV/formula injection). The usual defence: a text starting with
`=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe, which Excel and LibreOffice
read as "this is text" (OWASP, "CSV Injection"). In .xlsx files the cell is also typed as a string,
with Excel's own quote-prefix flag instead of a visible apostrophe. Lone surrogates, which no
UTF-8 file can hold, become U+FFFD. No Qt here: the batch (report), the workspace and the window
all write through these functions.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from desktop.quoting import encodable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def safe_text(text: str) -> str:
    """A text for a CSV cell: never read as a formula."""
    text = encodable(text)
    return f"'{text}" if looks_like_formula(text) else text


def csv_row(values: list[object]) -> list[object]:
    """A CSV row: every text made safe; numbers (ours, never the user's text) pass unchanged."""
    return [safe_text(v) if isinstance(v, str) else v for v in values]


def xlsx_cell(cell: Any, value: object) -> None:
    """Put `value` into an openpyxl cell: a text always as a string cell (openpyxl would store
    `=...` as a formula), marked with Excel's quote prefix when it could be taken for one."""
    if isinstance(value, str):
        text = encodable(value)
        cell.value = text
        cell.data_type = "s"
        if looks_like_formula(text):
            cell.quotePrefix = True
    elif isinstance(value, Decimal):
        cell.value = float(value)
    else:
        cell.value = value
