"""Every row of a list counted, or left out with each reason: data-driven cases, one row each under the
equipment list's (or the premium summary's) header. Nothing is dropped without a reason."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

import pytest

from desktop.lists.files import Sheet, SourceRow, Value
from desktop.lists.layout import Layout, propose
from desktop.lists.rows import ListReading, check_rows
from desktop.policy.lists import ListKind
from desktop.policy.model import Text

EQUIPMENT_HEADER = ("设备名称", "规格型号", "发票号码", "购置日期", "不含税金额（元）")
PREMIUM_HEADER = ("保单号", "发票号码", "开票日期", "保费金额（元）")
GOOD = ("数控机床", "CK-1", "44000001", dt.datetime(2025, 6, 18), 120000.5)
PERIOD = (dt.date(2025, 4, 15), dt.date(2025, 12, 31))


def sheet(
    header: tuple[str, ...],
    *rows: tuple[Value, ...],
    formulas: dict[int, set[int]] | None = None,
    hidden: set[int] = frozenset(),
) -> Sheet:  # type: ignore[assignment]
    made = [SourceRow(1, header)]
    for number, values in enumerate(rows, start=2):
        made.append(SourceRow(number, values, frozenset((formulas or {}).get(number, ())), number in hidden))
    return Sheet("Sheet1", tuple(made), (), max(len(r.values) for r in made))


def read(kind: ListKind, source: Sheet, minimum: Decimal | None = None) -> ListReading:
    return check_rows(
        source, propose(source, kind), kind, period=PERIOD, period_label=Text("2025 年度", "2025"), minimum=minimum
    )


@dataclass(frozen=True)
class Case:
    name: str
    cells: dict[int, Value]
    """Changes to the good row, by column (0-based)."""
    status: str
    amount: str | None = None
    reason: str = ""
    """A part of the (Chinese) reason or note said of the row."""
    english: str = ""
    formulas: set[int] = field(default_factory=set)

    def row(self) -> tuple[Value, ...]:
        values = list(GOOD)
        for column, value in self.cells.items():
            values[column] = value
        return tuple(values)


EQUIPMENT_CASES = [
    Case("a plain row counts", {}, "counted", "120000.50"),
    Case("text with thousands separators counts", {4: "1,234.50"}, "counted", "1234.50"),
    Case("a yuan sign and 元 are read", {4: "¥1,234.50元"}, "counted", "1234.50"),
    Case("万 as a clerk types it", {4: "12.5万"}, "counted", "125000.00"),
    Case("a whole number", {4: 88000}, "counted", "88000.00"),
    Case("a float's noise below the cent", {4: 0.1 + 0.2}, "counted", "0.30"),
    Case(
        "text that is no amount",
        {4: "待定"},
        "refused",
        reason="「不含税金额（元）」“待定”不是金额",
        english="is not an amount",
    ),
    Case("separators in the wrong places", {4: "1,23,4"}, "refused", reason="千位分隔符位置不对", english="separators"),
    Case("a negative amount", {4: -500}, "refused", reason="为负数（-500.00）", english="is negative"),
    Case("an amount finer than a cent", {4: 1234.567}, "refused", reason="最多保留两位小数", english="two decimal"),
    Case("a formula in error", {4: "#DIV/0!"}, "refused", reason="是出错的公式（#DIV/0!）", english="formula in error"),
    Case("an empty amount", {4: None}, "refused", reason="「不含税金额（元）」未填写", english="is empty"),
    Case("a date typed with slashes", {3: "2025/6/18"}, "counted", "120000.50"),
    Case("a date in Chinese", {3: "2025年6月18日"}, "counted", "120000.50"),
    Case("a compact date", {3: "20250618"}, "counted", "120000.50"),
    Case("an Excel day number", {3: 45826}, "counted", "120000.50", reason="按 Excel 日期序号读作 2025-06-18"),
    Case(
        "a date that does not exist",
        {3: "2025-02-30"},
        "refused",
        reason="不是存在的日期",
        english="is not a date that exists",
    ),
    Case("text that is no date", {3: "明年"}, "refused", reason="“明年”不是日期", english="is not a date"),
    Case(
        "a date after the period",
        {3: dt.datetime(2026, 1, 5)},
        "refused",
        reason="「购置日期」2026-01-05 不在 2025 年度（2025-04-15 至 2025-12-31）内",
        english="outside 2025 (2025-04-15 to 2025-12-31)",
    ),
    Case("a date before the period", {3: dt.date(2025, 4, 14)}, "refused", reason="2025-04-14 不在"),
    Case("the first day of the period", {3: dt.date(2025, 4, 15)}, "counted", "120000.50"),
    Case("the last day of the period", {3: "2025-12-31"}, "counted", "120000.50"),
    Case("no name", {0: None}, "refused", reason="「设备名称」未填写"),
    Case("an optional column left empty", {1: None, 2: None}, "counted", "120000.50"),
    Case(
        "a formula whose value was saved",
        {4: 5000},
        "counted",
        "5000.00",
        reason="由公式算出，读取文件中保存的结果 5000",
        english="computed by a formula",
        formulas={4},
    ),
    Case(
        "a formula whose value was never saved",
        {4: None},
        "refused",
        reason="是公式，文件中没有保存它的计算结果",
        english="formula whose result the file does not hold",
        formulas={4},
    ),
    Case(
        "two reasons at once",
        {0: None, 4: "待定"},
        "refused",
        reason="「设备名称」未填写；「不含税金额（元）」“待定”不是金额",
    ),
]


@pytest.mark.parametrize("case", EQUIPMENT_CASES, ids=lambda c: c.name)
def test_each_row_of_the_equipment_list(equipment: ListKind, case: Case) -> None:
    reading = read(equipment, sheet(EQUIPMENT_HEADER, case.row(), formulas={2: case.formulas}))
    (row,) = reading.rows
    assert row.status == case.status
    said = "；".join(t.zh for t in (*row.reasons, *row.notes))
    assert case.reason in said
    assert case.english in "; ".join(t.en for t in (*row.reasons, *row.notes))
    if case.status == "counted":
        assert row.amount == Decimal(case.amount or "0") and reading.total == row.amount
        assert row.reasons == ()
    else:
        assert row.reasons and reading.total == 0 and not reading.importable


SKIPPED = [
    ("合计", "totals", "合计行：不计入"),
    ("本页合计：", "totals", "合计行"),
    ("小 计", "totals", "合计行"),
    ("Total", "totals", "合计行"),
    ("制表人：张三", "note", "只有一段文字的说明行"),
]


@pytest.mark.parametrize(("first", "skip", "reason"), SKIPPED)
def test_totals_and_notes_are_skipped_and_said(equipment: ListKind, first: str, skip: str, reason: str) -> None:
    row: tuple[Value, ...] = (first, None, None, None, 99999 if skip == "totals" else None)
    reading = read(equipment, sheet(EQUIPMENT_HEADER, GOOD, row))
    assert [r.status for r in reading.rows] == ["counted", "skipped"]
    assert reading.rows[1].skip == skip and reason in reading.rows[1].reasons[0].zh
    assert reading.total == Decimal("120000.50") and reading.left_out == 1


def test_blank_rows_are_listed_apart_and_not_counted_as_left_out(equipment: ListKind) -> None:
    reading = read(equipment, sheet(EQUIPMENT_HEADER, GOOD, (None, None, "  "), (*GOOD[:2], "44000002", *GOOD[3:])))
    assert [(r.number, r.status, r.skip) for r in reading.rows] == [
        (2, "counted", None),
        (3, "skipped", "blank"),
        (4, "counted", None),
    ]
    assert (reading.counted, reading.left_out, reading.blank) == (2, 0, 1)


def test_a_repeated_row_is_left_out_naming_the_first(equipment: ListKind) -> None:
    reading = read(equipment, sheet(EQUIPMENT_HEADER, GOOD, GOOD))
    assert reading.rows[1].status == "refused"
    assert reading.rows[1].reasons[0].zh.startswith("与第 2 行重复（")
    assert reading.rows[1].reasons[0].en.startswith("Repeats row 2 (same ")
    assert reading.total == Decimal("120000.50")


def test_two_machines_of_one_model_on_one_invoice_differ_by_price_and_both_count(equipment: ListKind) -> None:
    other = (*GOOD[:4], 80000)
    assert read(equipment, sheet(EQUIPMENT_HEADER, GOOD, other)).total == Decimal("200000.50")


def test_the_header_repeated_on_a_later_page_is_skipped(equipment: ListKind) -> None:
    reading = read(equipment, sheet(EQUIPMENT_HEADER, GOOD, EQUIPMENT_HEADER))
    assert reading.rows[1].skip == "header" and reading.total == Decimal("120000.50")


def test_a_hidden_row_is_read_and_said(equipment: ListKind) -> None:
    reading = read(equipment, sheet(EQUIPMENT_HEADER, GOOD, hidden={2}))
    assert reading.rows[0].counted and reading.rows[0].notes[0].zh == "隐藏行（已按普通行读取）"
    assert reading.warnings[0].zh.startswith("有 1 行是隐藏行，已按普通行读取")


def test_a_credit_invoice_subtracts_from_the_premium(premiums: ListKind) -> None:
    rows = [
        ("SCH-1", "001", "2025-05-01", "300,000.00"),
        ("SCH-1", "002", "2025-06-01", 900000),
        ("SCH-1", "003", "2025-07-01", "(20,000.00)"),
        ("SCH-1", "004", "2025-08-01", "-1,000"),
    ]
    reading = read(premiums, sheet(PREMIUM_HEADER, *rows))
    assert [r.amount for r in reading.rows] == [
        Decimal("300000.00"),
        Decimal("900000"),
        Decimal("-20000.00"),
        Decimal("-1000"),
    ]
    assert reading.total == Decimal("1179000.00") and reading.importable


def test_a_list_whose_total_is_negative_cannot_be_imported(premiums: ListKind) -> None:
    reading = read(premiums, sheet(PREMIUM_HEADER, ("SCH-1", "003", "2025-07-01", -20000)))
    assert reading.total == Decimal("-20000") and not reading.importable


def test_an_invoice_number_repeated_is_a_repeat_for_premiums(premiums: ListKind) -> None:
    rows = [("SCH-1", "001", "2025-05-01", 100), ("SCH-2", "001", "2025-06-01", 200)]
    reading = read(premiums, sheet(PREMIUM_HEADER, *rows))
    assert reading.rows[1].reasons[0].zh == "与第 2 行重复（发票号码相同）"


def test_the_guides_minimum_counts_the_rows_of_one_invoice_together(equipment: ListKind) -> None:
    rows = [
        ("机床", "A", "INV-1", "2025-06-01", 6000),
        ("夹具", "B", "INV-1", "2025-06-01", 5000),  # one invoice of 11,000: both count
        ("刀具", "C", "INV-2", "2025-06-02", 9999.99),  # an invoice below 10,000: left out
        ("台钻", "D", None, "2025-06-03", 9000),  # no invoice number: the row alone
        ("铣床", "E", None, "2025-06-03", 10000),
    ]
    reading = read(equipment, sheet(EQUIPMENT_HEADER, *rows), minimum=Decimal("10000"))
    assert [r.status for r in reading.rows] == ["counted", "counted", "refused", "refused", "counted"]
    assert reading.rows[2].reasons[0].zh == (
        "发票号码 INV-2 的单张发票不含税金额为 9,999.99 元，低于申报指南规定的 10,000.00 元"
    )
    assert reading.rows[3].reasons[0].zh == "单张发票不含税金额为 9,000.00 元，低于申报指南规定的 10,000.00 元"
    assert reading.total == Decimal("21000")
    assert read(equipment, sheet(EQUIPMENT_HEADER, *rows)).total == Decimal("39999.99")  # no guide minimum


def test_a_gross_amount_column_is_warned_about(equipment: ListKind) -> None:
    header = ("设备名称", "发票号码", "购置日期", "含税金额", "税额")
    reading = read(equipment, sheet(header, ("机床", "1", "2025-06-01", 11300, 1300)))
    assert reading.rows[0].counted  # read, but the clerk is told
    assert reading.warnings[0].zh.startswith("作为「不含税金额（元）」的列「含税金额」是含税金额")
    gross = sheet(("设备名称", "发票号码", "购置日期", "价税合计"), ("机床", "1", "2025-06-01", 11300))
    chosen = Layout("Sheet1", 1, {"name": 0, "invoice_no": 1, "purchase_date": 2, "amount": 3})  # by the clerk
    warned = check_rows(gross, chosen, equipment, period=PERIOD).warnings
    assert warned[0].zh.startswith("作为「不含税金额（元）」的列「价税合计」是含税金额")
    net = ("设备名称", "发票号码", "购置日期", "金额", "税额")
    warned = read(equipment, sheet(net, ("机床", "1", "2025-06-01", 10000, 1300))).warnings
    assert warned[0].zh == "文件中有「税额」列：请确认作为「不含税金额（元）」的列「金额」是不含税金额"
    clean = ("设备名称", "发票号码", "购置日期", "不含税金额", "税额")
    assert read(equipment, sheet(clean, ("机床", "1", "2025-06-01", 10000, 1300))).warnings == ()


def test_the_files_own_total_is_compared_with_its_rows(equipment: ListKind) -> None:
    stated = ("合计", None, None, None, 200000)
    reading = read(equipment, sheet(EQUIPMENT_HEADER, GOOD, stated))
    assert reading.warnings[0].zh == (
        "文件第 3 行的合计为 200,000.00 元，而其上各行金额之和为 120,000.50 元：请核对文件"
    )
    late = (*GOOD[:3], "2026-02-01", *GOOD[4:])
    reading = read(equipment, sheet(EQUIPMENT_HEADER, GOOD, late, ("合计", None, None, None, 240001)))
    assert reading.warnings[0].zh == "文件第 4 行的合计 240,001.00 元包括未计入的行共 120,000.50 元"


def test_a_required_column_not_chosen_stops_the_import(equipment: ListKind) -> None:
    source = sheet(("设备名称", "发票号码", "金额"), ("机床", "1", 1000))
    reading = read(equipment, source)
    assert reading.missing == ("purchase_date",) and not reading.importable
    assert reading.rows[0].reasons[0].zh == "「购置日期」没有对应的列"
