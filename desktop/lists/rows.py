"""Every row of a list checked: counted, or left out with why. Nothing is dropped without a reason.

Under the header, each row is one of:
- counted: every required cell filled, money that is money, dates that are dates (within the pack's
  period where the column says so), not a repeat of an earlier row, at or above the guide's minimum;
- skipped, with what it is: an empty row, a totals row (合计, 小计, 本页合计: the program adds up itself), the
  header repeated (an export's page header), a line of text alone (制表人, 说明);
- refused, with every reason it has (one row may have three).
Cells computed by a formula are read through the value saved with the file, and said so; a formula whose
value was never saved refuses its row. A hidden row is read like any other, and said so. The file's own
totals row is compared with the rows' sum, and the difference said.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, Literal

from desktop.lists.files import Sheet, SourceRow, Value
from desktop.lists.layout import Layout, cell_text, header_texts, normal
from desktop.money import CENT, MAX_MONEY, MoneyError, format_yuan, parse_money
from desktop.policy.lists import ListColumn, ListKind
from desktop.policy.model import Text
from desktop.problems import Problem
from desktop.wording.problems import in_both

Status = Literal["counted", "skipped", "refused"]
Skip = Literal["blank", "totals", "header", "note"]


class CellError(ValueError):
    def __init__(self, reason: Text) -> None:
        self.reason = reason
        super().__init__(reason.zh)


@dataclass(frozen=True)
class RowOutcome:
    number: int
    status: Status
    values: Mapping[str, str] = field(default_factory=dict)
    """Per list column, the cell as shown (money `1,234.50`, dates `2025-06-18`)."""
    amount: Decimal | None = None
    """The total column's amount, where it could be read (also on a refused row)."""
    reasons: tuple[Text, ...] = ()
    """Why the row is left out (refused or skipped)."""
    notes: tuple[Text, ...] = ()
    """What was read in a way worth saying (a formula's saved value, a hidden row)."""
    skip: Skip | None = None

    @property
    def counted(self) -> bool:
        return self.status == "counted"


@dataclass(frozen=True)
class ListReading:
    """The list read: every row with its outcome, the total of the rows counted, and what to look at."""

    list_id: str
    source: str
    sheet: str
    header_row: int
    header_rows: int
    headers: tuple[str, ...]
    mapping: Mapping[str, int]
    rows: tuple[RowOutcome, ...]
    total: Decimal
    warnings: tuple[Text, ...] = ()
    missing: tuple[str, ...] = ()
    """Required list columns no source column is chosen for: nothing can be imported until they are."""
    minimum: Decimal | None = None
    period: tuple[dt.date, dt.date] | None = None

    def count(self, status: Status) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def counted(self) -> int:
        return self.count("counted")

    @property
    def blank(self) -> int:
        return sum(1 for r in self.rows if r.skip == "blank")

    @property
    def left_out(self) -> int:
        """Rows holding something that do not count (empty rows are not counted here)."""
        return sum(1 for r in self.rows if r.status != "counted" and r.skip != "blank")

    @property
    def importable(self) -> bool:
        return not self.missing and self.total >= 0 and self.counted > 0


# -- cells ------------------------------------------------------------------------------------------------

_DATE = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?", re.ASCII
)
_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})", re.ASCII)
_EXCEL_ERROR = re.compile(r"#(?:DIV/0!|N/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!|GETTING_DATA)", re.IGNORECASE)
EXCEL_EPOCH = dt.date(1899, 12, 30)


def _said(value: Value) -> str:
    text = cell_text(value)
    return text if len(text) <= 40 else text[:40] + "…"


def read_date(column: ListColumn, value: Value) -> tuple[dt.date, Text | None]:
    """A date cell: a date, a date typed as text (2025-06-18, 2025/6/18, 2025年6月18日, 20250618), or an
    Excel day number in a cell not formatted as a date (said so)."""
    label = column.label
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
        if number.is_integer() and 19000101 <= number <= 21001231:
            return read_date(column, str(int(number)))
        if number.is_integer() and 20_000 <= number <= 80_000:  # 1954 to 2119: a date not formatted as one
            day = EXCEL_EPOCH + dt.timedelta(days=int(number))
            return day, Text(
                f"「{label.zh}」{int(number)} 按 Excel 日期序号读作 {day.isoformat()}",
                f"'{label.get('en')}' {int(number)} read as the Excel day number of {day.isoformat()}",
            )
    if isinstance(value, str):
        text = value.strip()
        match = _DATE.fullmatch(text) or _COMPACT_DATE.fullmatch(text)
        if match is not None:
            try:
                return dt.date(*(int(p) for p in match.groups()[:3])), None
            except ValueError:
                raise CellError(
                    Text(
                        f"「{label.zh}」“{_said(value)}”不是存在的日期",
                        f"'{label.get('en')}' '{_said(value)}' is not a date that exists",
                    )
                ) from None
    raise CellError(
        Text(
            f"「{label.zh}」“{_said(value)}”不是日期（应如 2025-06-18）",
            f"'{label.get('en')}' '{_said(value)}' is not a date (e.g. 2025-06-18)",
        )
    )


def _not_money(column: ListColumn, value: Value, why: Problem | None = None) -> CellError:
    """A cell that is no amount; `why` (a problem of `desktop.money`) says why, in both languages: the
    reasons of a reading are kept with it as read."""
    label = column.label
    if why is not None:
        zh, en = in_both(why)
        return CellError(Text(f"「{label.zh}」{zh}", f"'{label.get('en')}' {en}"))
    return CellError(
        Text(
            f"「{label.zh}」“{_said(value)}”不是金额",
            f"'{label.get('en')}' '{_said(value)}' is not an amount",
        )
    )


def read_money(column: ListColumn, value: Value) -> Decimal:
    """A money cell: a number, or text a clerk typed (1,234.50, ¥1,234.50, 1234.50元, 12.5万); a negative
    amount (-1,234.50 or (1,234.50)) only where the column allows it (a credit invoice)."""
    label = column.label
    if isinstance(value, bool) or value is None or isinstance(value, (dt.date, dt.time, dt.timedelta)):
        raise _not_money(column, value)
    if isinstance(value, (int, float)):
        try:
            amount = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        except InvalidOperation:
            raise _not_money(column, value) from None
        if not amount.is_finite():
            raise _not_money(column, value)
        cents = amount.quantize(CENT, rounding=ROUND_HALF_UP)
        if abs(amount - cents) > Decimal("0.000001"):  # more than a float's noise below the cent
            raise _not_money(column, value, Problem("money.cents"))
        amount = cents
    else:
        text = str(value).strip()
        if _EXCEL_ERROR.search(text):
            raise CellError(
                Text(
                    f"「{label.zh}」是出错的公式（{_said(text)}）",
                    f"'{label.get('en')}' is a formula in error ({_said(text)})",
                )
            )
        negative = False
        for opening, closing in (("(", ")"), ("（", "）")):
            if text.startswith(opening) and text.endswith(closing):
                text, negative = text[1:-1].strip(), True
        if text[:1] in ("-", "−", "－"):
            text, negative = text[1:].strip(), not negative
        try:
            amount = parse_money(text)
        except MoneyError as exc:
            if exc.problem.code == "money.empty":
                raise _not_money(column, value) from None
            raise _not_money(column, value, exc.problem) from None
        if negative:
            amount = -amount
    if abs(amount) > MAX_MONEY:
        raise _not_money(column, value, Problem("money.too_large"))
    if amount < 0 and not column.negative:
        raise CellError(
            Text(
                f"「{label.zh}」为负数（{format_yuan(amount)}）",
                f"'{label.get('en')}' is negative ({format_yuan(amount)})",
            )
        )
    return amount


# -- rows -------------------------------------------------------------------------------------------------

_TOTALS = re.compile(r"(?:本页|本表|本月|本年|全部|总)?(?:合计|总计|小计|累计|总额)[:：]?|(?:sub)?total[:]?", re.I)


def _is_blank(value: Value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _is_totals(row: SourceRow) -> bool:
    return any(
        isinstance(v, str) and len(v) <= 30 and ("计" in v or "额" in v or "otal" in v) and _TOTALS.fullmatch(normal(v))
        for v in row.values
    )


@dataclass
class _Checked:
    number: int
    values: dict[str, str]
    amount: Decimal | None
    problems: list[Text]
    notes: list[Text]
    key: tuple[str, ...] | None = None
    key_shown: str = ""
    per: str = ""


def _skipped(row: SourceRow, skip: Skip, reason: Text, mapping: Mapping[str, int], kind: ListKind) -> RowOutcome:
    values = {c.id: cell_text(row.value(mapping[c.id])) for c in kind.columns if c.id in mapping}
    return RowOutcome(row.number, "skipped", {k: v for k, v in values.items() if v}, None, (reason,), (), skip)


BLANK = Text("空行", "Empty row")
TOTALS = Text("合计行：不计入（程序自行合计各行）", "A totals row: not counted (the program adds up the rows itself)")
HEADER = Text("重复的表头行", "The header repeated")
NOTE = Text("只有一段文字的说明行，不是明细", "A line of text alone, not a row of the list")
HIDDEN = Text("隐藏行（已按普通行读取）", "A hidden row (read like any other)")


def _check_cell(
    column: ListColumn,
    row: SourceRow,
    index: int | None,
    sheet: Sheet,
    period: tuple[dt.date, dt.date] | None,
    period_label: Text,
    checked: _Checked,
) -> None:
    label = column.label
    if index is None:
        if column.required:
            checked.problems.append(
                Text(f"「{label.zh}」没有对应的列", f"No column of the file is chosen for '{label.get('en')}'")
            )
        return
    value = row.value(index)
    formula = index in row.formulas
    if formula and _is_blank(value):
        checked.problems.append(
            Text(
                f"「{label.zh}」是公式，文件中没有保存它的计算结果：请在 Excel 或 WPS 中打开并保存后再导入，或填写数值",
                f"'{label.get('en')}' is a formula whose result the file does not hold: open and save it in Excel "
                "or WPS, then import it again, or type the figure",
            )
        )
        return
    if _is_blank(value):
        if column.required:
            merge = sheet.merge_at(row.number, index + 1)
            where = (
                Text(
                    f"（合并单元格，内容只在第 {merge.first_row} 行）",
                    f" (a merged cell: its content is on row {merge.first_row} only)",
                )
                if merge is not None and merge.first_row != row.number
                else Text("", "")
            )
            checked.problems.append(Text(f"「{label.zh}」未填写{where.zh}", f"'{label.get('en')}' is empty{where.en}"))
        return
    if formula:
        checked.notes.append(
            Text(
                f"「{label.zh}」由公式算出，读取文件中保存的结果 {_said(value)}",
                f"'{label.get('en')}' is computed by a formula: its saved result {_said(value)} is read",
            )
        )
    try:
        if column.type == "money":
            amount = read_money(column, value)
            checked.values[column.id] = format_yuan(amount)
            if column.total:
                checked.amount = amount
        elif column.type == "date":
            day, note = read_date(column, value)
            checked.values[column.id] = day.isoformat()
            if note is not None:
                checked.notes.append(note)
            if column.in_period and period is not None and not period[0] <= day <= period[1]:
                span = f"{period[0].isoformat()} 至 {period[1].isoformat()}"
                span_en = f"{period[0].isoformat()} to {period[1].isoformat()}"
                named = f"{period_label.zh}（{span}）" if period_label.zh else f"{span} "
                named_en = f"{period_label.get('en')} ({span_en})" if period_label.zh else span_en
                checked.problems.append(
                    Text(
                        f"「{label.zh}」{day.isoformat()} 不在 {named}内",
                        f"'{label.get('en')}' {day.isoformat()} is outside {named_en}",
                    )
                )
        else:
            checked.values[column.id] = cell_text(value)
    except CellError as exc:
        checked.values[column.id] = cell_text(value)
        checked.problems.append(exc.reason)


def _repeats_header(row: SourceRow, mapping: Mapping[str, int], headers: Sequence[str]) -> bool:
    """`headers` normalised: a row whose chosen cells read as their headers (an export's page header)."""
    same = sum(
        1
        for index in mapping.values()
        if 0 <= index < len(headers)
        and headers[index]
        and isinstance(row.value(index), str)
        and normal(cell_text(row.value(index))) == headers[index]
    )
    return same >= 2 or (same == 1 and len(mapping) == 1)


def _is_note(row: SourceRow, mapping: Mapping[str, int], kind: ListKind) -> bool:
    filled = [v for v in row.values if not _is_blank(v)]
    if len(filled) != 1 or not isinstance(filled[0], str):
        return False
    measured = [mapping[c.id] for c in kind.columns if c.type != "text" and c.id in mapping]
    return all(_is_blank(row.value(i)) for i in measured)


def check_rows(
    sheet: Sheet,
    layout: Layout,
    kind: ListKind,
    *,
    source: str = "",
    period: tuple[dt.date, dt.date] | None = None,
    period_label: Text | None = None,
    minimum: Decimal | None = None,
) -> ListReading:
    """Every row under the header, checked against the list's columns (see the module's description)."""
    mapping = {k: v for k, v in layout.columns.items() if kind.column(k) is not None}
    headers = tuple(header_texts(sheet, layout.header_row, layout.header_rows)) if layout.header_row else ()
    header_normals = [normal(h) for h in headers]
    below = [row for row in sheet.rows if row.number > layout.header_row]
    outcomes: dict[int, RowOutcome] = {}
    checked_rows: list[_Checked] = []
    totals_rows: list[tuple[int, Decimal | None]] = []
    hidden = 0
    previous = layout.header_row
    total_column = kind.total_column
    for row in below:
        for gap in range(previous + 1, row.number):  # rows a spreadsheet holds nothing in
            outcomes[gap] = RowOutcome(gap, "skipped", reasons=(BLANK,), skip="blank")
        previous = row.number
        if all(_is_blank(v) for v in row.values) and not row.formulas:
            outcomes[row.number] = RowOutcome(row.number, "skipped", reasons=(BLANK,), skip="blank")
            continue
        if _is_totals(row):
            amount = None
            if total_column.id in mapping:
                try:
                    amount = read_money(total_column, row.value(mapping[total_column.id]))
                except CellError:
                    amount = None
            totals_rows.append((row.number, amount))
            outcomes[row.number] = _skipped(row, "totals", TOTALS, mapping, kind)
            continue
        if headers and _repeats_header(row, mapping, header_normals):
            outcomes[row.number] = _skipped(row, "header", HEADER, mapping, kind)
            continue
        if _is_note(row, mapping, kind):
            outcomes[row.number] = _skipped(row, "note", NOTE, mapping, kind)
            continue
        checked = _Checked(row.number, {}, None, [], [])
        for column in kind.columns:
            _check_cell(column, row, mapping.get(column.id), sheet, period, period_label or Text(""), checked)
        if row.hidden:
            hidden += 1
            checked.notes.append(HIDDEN)
        _keys(kind, row, mapping, checked)
        checked_rows.append(checked)
    _duplicates(kind, checked_rows)
    if minimum is not None and kind.minimum is not None:
        _below_minimum(kind, checked_rows, minimum)
    for c in checked_rows:
        status: Status = "refused" if c.problems else "counted"
        outcomes[c.number] = RowOutcome(
            c.number, status, dict(c.values), c.amount, tuple(c.problems), tuple(c.notes), None
        )
    rows = tuple(outcomes[n] for n in sorted(outcomes))
    total = sum((r.amount for r in rows if r.counted and r.amount is not None), Decimal(0))
    warnings = [*_tax_warnings(kind, mapping, headers), *_totals_warnings(rows, totals_rows)]
    if hidden:
        warnings.append(
            Text(
                f"有 {hidden} 行是隐藏行，已按普通行读取；不应计入的行请在文件中删除后重新导入",
                f"Hidden rows read like any other: {hidden}; delete in the file the rows that should not "
                "count, then import again",
            )
        )
    missing = tuple(c.id for c in kind.columns if c.required and c.id not in mapping)
    return ListReading(
        kind.id,
        source,
        sheet.name,
        layout.header_row,
        layout.header_rows,
        headers,
        mapping,
        rows,
        total,
        tuple(warnings),
        missing,
        minimum,
        period,
    )


def _keys(kind: ListKind, row: SourceRow, mapping: Mapping[str, int], checked: _Checked) -> None:
    if kind.unique:
        key = tuple(normal(checked.values.get(c, "")) for c in kind.unique)
        if any(key):
            checked.key = key
            shown = [
                f"{column.label.zh} {checked.values[c]}"
                for c in kind.unique
                if (column := kind.column(c)) is not None and checked.values.get(c)
            ]
            checked.key_shown = "，".join(shown)
    if kind.minimum is not None and kind.minimum.per:
        checked.per = normal(checked.values.get(kind.minimum.per, ""))


def _duplicates(kind: ListKind, rows: Iterable[_Checked]) -> None:
    first: dict[tuple[str, ...], int] = {}
    columns = [column for name in kind.unique if (column := kind.column(name)) is not None]
    names = "、".join(column.label.zh for column in columns)
    names_en = ", ".join(column.label.get("en") for column in columns)
    for checked in rows:
        if checked.key is None:
            continue
        earlier = first.setdefault(checked.key, checked.number)
        if earlier != checked.number:
            checked.problems.append(
                Text(
                    f"与第 {earlier} 行重复（{names}相同）",
                    f"Repeats row {earlier} (same {names_en})",
                )
            )


def _below_minimum(kind: ListKind, rows: Sequence[_Checked], minimum: Decimal) -> None:
    rule = kind.minimum
    assert rule is not None
    column = kind.column(rule.column)
    if column is None:
        return
    groups: dict[str, list[_Checked]] = {}
    for c in rows:
        if c.problems:
            continue
        groups.setdefault(c.per or f"\x00{c.number}", []).append(c)
    for per, members in groups.items():
        amounts = [_amount_of(column, m) for m in members]
        if any(a is None for a in amounts):
            continue
        summed = sum((a for a in amounts if a is not None), Decimal(0))
        if summed >= minimum:
            continue
        per_column = kind.column(rule.per) if rule.per else None
        if per_column is not None and not per.startswith("\x00"):
            named = members[0].values.get(rule.per, "")
            reason = Text(
                f"{per_column.label.zh} {named} 的{rule.label.zh}为 {format_yuan(summed)} 元，"
                f"低于申报指南规定的 {format_yuan(minimum)} 元",
                f"{rule.label.get('en')} of {per_column.label.get('en')} {named} is {format_yuan(summed)} yuan, "
                f"below the {format_yuan(minimum)} yuan the application guide sets",
            )
        else:
            reason = Text(
                f"{rule.label.zh}为 {format_yuan(summed)} 元，低于申报指南规定的 {format_yuan(minimum)} 元",
                f"{rule.label.get('en')} is {format_yuan(summed)} yuan, below the {format_yuan(minimum)} yuan "
                "the application guide sets",
            )
        for m in members:
            m.problems.append(reason)


def _amount_of(column: ListColumn, checked: _Checked) -> Decimal | None:
    if column.total:
        return checked.amount
    shown = checked.values.get(column.id)
    try:
        return Decimal(shown.replace(",", "")) if shown else None
    except InvalidOperation:
        return None


_GROSS = re.compile(r"含税|价税合计|税价合计|含增值税")
_NET = re.compile(r"不含税|未含税|除税|税前|净额|不含增值税")
_TAX = re.compile(r"税额|税金|增值税|税率|进项税")


def _tax_warnings(kind: ListKind, mapping: Mapping[str, int], headers: Sequence[str]) -> list[Text]:
    if not kind.tax_excluded or not headers:
        return []
    column = kind.total_column
    index = mapping.get(column.id)
    chosen = headers[index] if index is not None and 0 <= index < len(headers) else ""
    if _NET.search(chosen):
        return []
    found: list[Text] = []
    if _GROSS.search(chosen):
        found.append(
            Text(
                f"作为「{column.label.zh}」的列「{chosen}」是含税金额；本清单应为不含税金额：请选不含税金额的列，"
                "或在文件中改为不含税金额后重新导入",
                f"The column '{chosen}' chosen for '{column.label.get('en')}' includes tax; this list wants amounts "
                "net of tax: choose the net column, or correct the file and import it again",
            )
        )
    taxes = [h for i, h in enumerate(headers) if h and i != index and _TAX.search(h)]
    if taxes and not found:
        found.append(
            Text(
                f"文件中有「{taxes[0]}」列：请确认作为「{column.label.zh}」的列「{chosen}」是不含税金额",
                f"The file has a column '{taxes[0]}': make sure the column '{chosen}' chosen for "
                f"'{column.label.get('en')}' is net of tax",
            )
        )
    return found


def _totals_warnings(rows: Sequence[RowOutcome], totals_rows: Sequence[tuple[int, Decimal | None]]) -> list[Text]:
    """The file's own totals row against the rows: a difference is said (a row typed after the sum was
    made, a formula over the wrong range), and what the rows left out amount to."""
    stated = [(n, a) for n, a in totals_rows if a is not None]
    if len(stated) != 1:
        return []
    number, amount = stated[0]
    read = sum((r.amount for r in rows if r.amount is not None and r.number < number), Decimal(0))
    counted = sum((r.amount for r in rows if r.counted and r.amount is not None), Decimal(0))
    if amount != read:
        return [
            Text(
                f"文件第 {number} 行的合计为 {format_yuan(amount)} 元，"
                f"而其上各行金额之和为 {format_yuan(read)} 元：请核对文件",
                f"The file's total on row {number} is {format_yuan(amount)} yuan, but its rows above add up to "
                f"{format_yuan(read)} yuan: please check the file",
            )
        ]
    if counted != amount:
        left = amount - counted
        return [
            Text(
                f"文件第 {number} 行的合计 {format_yuan(amount)} 元包括未计入的行共 {format_yuan(left)} 元",
                f"The file's total on row {number}, {format_yuan(amount)} yuan, includes {format_yuan(left)} yuan "
                "of rows left out",
            )
        ]
    return []


# -- kept as data (the database's imported_list, and read back) --------------------------------------------


def _text_data(text: Text) -> dict[str, str]:
    return {"zh": text.zh, "en": text.en}


def _text_of(data: Any) -> Text:
    if isinstance(data, Mapping):
        return Text(str(data.get("zh", "")), str(data.get("en", "")))
    return Text(str(data))


def reading_to_data(reading: ListReading) -> dict[str, object]:
    return {
        "format": 1,
        "list": reading.list_id,
        "source": reading.source,
        "sheet": reading.sheet,
        "header_row": reading.header_row,
        "header_rows": reading.header_rows,
        "headers": list(reading.headers),
        "mapping": dict(reading.mapping),
        "total": f"{reading.total:.2f}",
        "minimum": None if reading.minimum is None else f"{reading.minimum:.2f}",
        "period": None if reading.period is None else [d.isoformat() for d in reading.period],
        "warnings": [_text_data(w) for w in reading.warnings],
        "rows": [
            {
                "row": r.number,
                "status": r.status,
                **({"skip": r.skip} if r.skip else {}),
                "values": dict(r.values),
                **({"amount": f"{r.amount:.2f}"} if r.amount is not None else {}),
                "reasons": [_text_data(t) for t in r.reasons],
                "notes": [_text_data(t) for t in r.notes],
            }
            for r in reading.rows
        ],
    }


def reading_from_data(data: Mapping[str, Any]) -> ListReading:
    """A reading kept by `reading_to_data` (the program's own JSON: trusted in shape, read defensively)."""
    period = data.get("period")
    rows = tuple(
        RowOutcome(
            int(r["row"]),
            r["status"],
            {str(k): str(v) for k, v in r.get("values", {}).items()},
            Decimal(r["amount"]) if r.get("amount") is not None else None,
            tuple(_text_of(t) for t in r.get("reasons", ())),
            tuple(_text_of(t) for t in r.get("notes", ())),
            r.get("skip"),
        )
        for r in data.get("rows", ())
    )
    return ListReading(
        str(data.get("list", "")),
        str(data.get("source", "")),
        str(data.get("sheet", "")),
        int(data.get("header_row", 0)),
        int(data.get("header_rows", 1)),
        tuple(str(h) for h in data.get("headers", ())),
        {str(k): int(v) for k, v in data.get("mapping", {}).items()},
        rows,
        Decimal(str(data.get("total", "0"))),
        tuple(_text_of(w) for w in data.get("warnings", ())),
        (),
        Decimal(data["minimum"]) if data.get("minimum") else None,
        (dt.date.fromisoformat(period[0]), dt.date.fromisoformat(period[1])) if period else None,
    )
