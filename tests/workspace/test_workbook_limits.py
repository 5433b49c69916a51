"""A filled-in Excel template is bounded before it is parsed (issue 14): a zip bomb or a sheet of endless rows is
refused in seconds with one line, and a formula whose result was never saved is reported, not read as blank."""

from __future__ import annotations

import datetime as dt
import re
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from desktop.policy import Pack, bundled_registry
from desktop.wording.problems import word, words
from desktop.workspace.spreadsheet import FIRST_DATA_ROW, MAIN_SHEET, read_workbook, write_template
from desktop.workspace.workbook_limits import MAX_SHEET_ROWS, MAX_XLSX_UNPACKED
from tests.workspace.member_files import credit_code

TODAY = dt.date(2025, 12, 1)


@pytest.fixture
def template(tmp_path: Path, pack: Pack) -> Path:
    path = tmp_path / "模板.xlsx"
    write_template(pack, path)
    return path


def _main_sheet_part(path: Path) -> str:
    book = load_workbook(path, read_only=True)
    index = book.sheetnames.index(MAIN_SHEET) + 1
    book.close()
    return f"xl/worksheets/sheet{index}.xml"


def _rewrite(path: Path, part: str, change: object) -> None:
    """Copy the workbook, passing one part through `change(bytes) -> bytes`."""
    copy = path.with_name("copy.xlsx")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            target.writestr(info.filename, change(data) if info.filename == part else data)  # type: ignore[operator]
    copy.replace(path)


def _refused(path: Path, fragment: str) -> None:
    started = time.perf_counter()
    result = read_workbook(path, bundled_registry(), TODAY)
    assert time.perf_counter() - started < 2
    assert result.rows == []
    [problem] = result.problems
    assert problem.source == path.name and fragment in word(problem.problems[0]), problem


def test_a_workbook_that_unpacks_to_hundreds_of_megabytes_is_refused_before_parsing(template: Path) -> None:
    padding = b"<!--" + b" " * (MAX_XLSX_UNPACKED + 1024) + b"-->"
    part = _main_sheet_part(template)
    _rewrite(template, part, lambda data: data.replace(b"</worksheet>", padding + b"</worksheet>", 1))
    assert template.stat().st_size < 2 * 1024 * 1024  # a small file on disk
    _refused(template, "工作簿解压后过大")


def test_a_sheet_that_declares_more_rows_than_a_template_holds_is_refused(template: Path) -> None:
    part = _main_sheet_part(template)
    _rewrite(template, part, lambda data: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:Z900000"', data))
    _refused(template, "900,000 行")


def test_rows_beyond_the_limit_are_refused_even_when_the_sheet_hides_its_size(template: Path, tmp_path: Path) -> None:
    book = load_workbook(template)
    sheet = book[MAIN_SHEET]
    keys = [c.value for c in sheet[2]]
    column = keys.index("enterprise.name") + 1
    for row in range(FIRST_DATA_ROW, FIRST_DATA_ROW + MAX_SHEET_ROWS + 1):
        sheet.cell(row=row, column=column, value=f"会员{row}")
    book.save(template)
    part = _main_sheet_part(template)
    _rewrite(template, part, lambda data: re.sub(rb'<dimension ref="[^"]*"/>', b"", data))
    result = read_workbook(template, bundled_registry(), TODAY)
    assert result.rows == [] and f"超过 {MAX_SHEET_ROWS:,} 行" in word(result.problems[0].problems[0])


def test_a_formula_without_a_saved_result_is_reported_with_its_row_and_column(template: Path) -> None:
    book = load_workbook(template)
    sheet = book[MAIN_SHEET]
    keys = [c.value for c in sheet[2]]

    def put(row: int, key: str, value: object) -> None:
        sheet.cell(row=row, column=keys.index(key) + 1, value=value)

    put(3, "enterprise.name", "中山市甲灯饰有限公司")
    put(3, "enterprise.credit_code", credit_code(1))
    put(3, "credit_insurance_product", "一般企业类")
    put(3, "credit_insurance_premium", "=1200000*1")  # openpyxl saves formulas without a result, as a script would
    put(4, "enterprise.name", "中山市乙电器有限公司")
    put(4, "equipment_purchase_total", 8_000_000)
    book.save(template)
    result = read_workbook(template, bundled_registry(), TODAY)
    assert [r.name for r in result.rows] == ["中山市乙电器有限公司"]
    [problem] = result.problems
    assert problem.source == "模板.xlsx 第 3 行"
    assert any(
        "「2025 年实际缴纳的年度保费（元）」列是公式，但文件中没有它的计算结果" in p for p in words(problem.problems)
    )


def test_a_formula_whose_result_excel_saved_is_read_as_that_result(tmp_path: Path) -> None:
    """The same cell saved by Excel carries its result: the figure is taken, nothing is reported."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = MAIN_SHEET
    sheet.append(["企业名称", "设备", "技术改造项目"])
    sheet.append(["enterprise.name", "equipment_purchase_total", "equipment_upgrade_project"])
    sheet.append(["中山市丙贸易有限公司", "=4000000*2", "是"])
    path = tmp_path / "saved.xlsx"
    book.save(path)
    # What Excel writes: the formula and its cached value.
    _rewrite(
        path,
        "xl/worksheets/sheet1.xml",
        lambda data: re.sub(rb"<f>4000000\*2</f><v\s*/>|<f>4000000\*2</f>", b"<f>4000000*2</f><v>8000000</v>", data),
    )
    result = read_workbook(path, bundled_registry(), TODAY)
    assert not result.problems, result.problems
    [row] = result.rows
    assert row.amount("equipment") == 1_200_000


def test_an_ordinary_filled_template_is_far_inside_the_limits(template: Path) -> None:
    with zipfile.ZipFile(template) as archive:
        unpacked = sum(i.file_size for i in archive.infolist())
    assert unpacked * 10 < MAX_XLSX_UNPACKED
