"""Where the table starts and which column is which: the header row found, the columns matched by their text.

A 金蝶 or 用友 export seldom starts with its header: a merged title ("2025 年固定资产明细表"), the firm and
the date come first, and some headers span two rows ("发票信息" over 发票号码 and 开票日期). The header row is
the row, among the first 30 holding anything, whose texts best match the list's columns (their labels, in
both languages, and the synonyms the pack gives); a row above it joins in where merged cells reach down into
it. Each list column is then matched to the source column whose header fits it best, each source column
used once: an exact name first, then a header containing a name (the longest wins: 不含税金额 over 金额).
What the firm chose last time for this list (remembered per enterprise) fits best of all. The user sees and
changes the result before anything is counted.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from desktop.lists.files import Sheet, SourceRow, Value
from desktop.policy.lists import ListColumn, ListKind

HEADER_SEARCH_ROWS = 30
"""Rows holding anything, from the top, among which the header is looked for."""

_UNIT = re.compile(r"[（(](?:元|万元|人民币|rmb|cny|yuan|人民币元|单位[:：]?元|台|套|台/套|个)[）)]", re.IGNORECASE)
_NOISE = re.compile(r"[\s*＊:：()（）\[\]【】]+")


def normal(text: str) -> str:
    """A header as compared: full-width forms folded, lower case, no unit in brackets, no spaces or marks."""
    folded = unicodedata.normalize("NFKC", text).lower()
    return _NOISE.sub("", _UNIT.sub("", folded))


def cell_text(value: Value) -> str:
    """A cell as a header or a text column reads it: a whole number without ".0", a date as 2025-06-18."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if hasattr(value, "isoformat") and hasattr(value, "year"):
        return str(value.isoformat())[:10]
    return " ".join(str(value).split())


@dataclass(frozen=True)
class Layout:
    """How a sheet holds the list: the header row, and per list column the source column (0-based)."""

    sheet: str
    header_row: int
    """The row (1-based) of the header; data start below it. 0: no header (every row is data)."""
    columns: Mapping[str, int] = field(default_factory=dict)
    header_rows: int = 1
    """1, or 2 where a header spans two rows (merged cells reaching down into `header_row`)."""


def header_texts(sheet: Sheet, header_row: int, header_rows: int = 1) -> list[str]:
    """The header of each source column: its cell in the header row, or the merged cell covering it, joined
    to the header above it where the header spans two rows ("发票信息 发票号码")."""
    by_number = {row.number: row for row in sheet.rows}
    texts: list[str] = []
    for column in range(sheet.width):
        parts: list[str] = []
        for number in range(header_row - header_rows + 1, header_row + 1):
            text = _merged_text(sheet, by_number, number, column)
            if text and text not in parts:
                parts.append(text)
        texts.append(" ".join(parts))
    return texts


def _merged_text(sheet: Sheet, by_number: Mapping[int, SourceRow], number: int, column: int) -> str:
    row = by_number.get(number)
    text = cell_text(row.value(column)) if row is not None else ""
    if text:
        return text
    merge = sheet.merge_at(number, column + 1)
    if merge is None:
        return ""
    top = by_number.get(merge.first_row)
    return cell_text(top.value(merge.first_column - 1)) if top is not None else ""


def _spans_down(sheet: Sheet, header_row: int) -> bool:
    """Whether merged cells reach from the row above into this one: a header over two rows."""
    return any(m.first_row == header_row - 1 and m.last_row >= header_row for m in sheet.merges)


def _names(column: ListColumn, remembered: str | None) -> list[tuple[int, str]]:
    """A column's names with how strongly an exact match speaks for it."""
    names = [(300, normal(remembered))] if remembered else []
    names += [(200, normal(column.label.zh)), (200, normal(column.label.en))]
    names += [(190 - i, normal(s)) for i, s in enumerate(column.synonyms)]
    return [(weight, name) for weight, name in names if name]


def _score(header: str, names: Sequence[tuple[int, str]]) -> int:
    if not header:
        return 0
    best = 0
    for weight, name in names:
        if header == name:
            best = max(best, weight)
        elif len(name) >= 2 and name in header:
            best = max(best, 50 + min(len(name), 40))
    return best


def match_columns(
    headers: Sequence[str], kind: ListKind, remembered: Mapping[str, str] | None = None
) -> tuple[dict[str, int], int]:
    """Each list column's best source column (each used once), and the match's strength."""
    remembered = remembered or {}
    normals = [normal(h) for h in headers]
    pairs = sorted(
        (
            (score, -index, column.id, index)
            for column in kind.columns
            for index, header in enumerate(normals)
            if (score := _score(header, _names(column, remembered.get(column.id)))) > 0
        ),
        reverse=True,
    )
    chosen: dict[str, int] = {}
    used: set[int] = set()
    strength = 0
    for score, _order, column_id, index in pairs:
        if column_id in chosen or index in used:
            continue
        chosen[column_id] = index
        used.add(index)
        strength += score
    return chosen, strength


def _fit(columns: Mapping[str, int], score: int, kind: ListKind) -> tuple[int, int, int]:
    """How well a header fits: the required columns it names, then all it names, then how exactly."""
    required = sum(1 for c in kind.columns if c.required and c.id in columns)
    return required, len(columns), score


def _at(
    sheet: Sheet, kind: ListKind, header_row: int, remembered: Mapping[str, str] | None
) -> tuple[tuple[int, int, int], Layout]:
    """The best reading of a header at this row (over two rows where merged cells reach down), and its fit."""
    options = []
    for rows in (2, 1) if _spans_down(sheet, header_row) else (1,):
        columns, score = match_columns(header_texts(sheet, header_row, rows), kind, remembered)
        options.append((_fit(columns, score, kind), Layout(sheet.name, header_row, columns, rows)))
    return max(options, key=lambda option: option[0])


def propose(sheet: Sheet, kind: ListKind, remembered: Mapping[str, str] | None = None) -> Layout:
    """The header row and column mapping that fit the list best (see the module's description); without
    any header that names a column, the first row, for the user to choose from."""
    found = [_at(sheet, kind, row.number, remembered) for row in sheet.rows[:HEADER_SEARCH_ROWS]]
    fit, best = max(found, key=lambda option: option[0], default=((0, 0, 0), None))
    if best is not None and fit > (0, 0, 0):
        return best
    first = sheet.rows[0].number if sheet.rows else 0
    return Layout(sheet.name, first, {}, 1)


def relayout(sheet: Sheet, kind: ListKind, header_row: int, remembered: Mapping[str, str] | None = None) -> Layout:
    """The columns matched anew for a header row the user chose."""
    return _at(sheet, kind, header_row, remembered)[1]


def remembered_names(layout: Layout, sheet: Sheet) -> dict[str, str]:
    """What to remember of a mapping for next time: per list column the header text it was matched to
    (positions move between two years' exports; headers seldom do)."""
    headers = header_texts(sheet, layout.header_row, layout.header_rows) if layout.header_row else []
    return {
        column_id: headers[index]
        for column_id, index in layout.columns.items()
        if 0 <= index < len(headers) and headers[index]
    }


def column_letter(index: int) -> str:
    """`A`, `B`, … `AA` for a 0-based column."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
