"""Workspace and Excel as a spreadsheet user meets them (issue 23, group 7): the template offers the towns in
a list and a short name ("南头") is taken as the listed one; exported amounts are numbers with separators in
columns wide enough that LibreOffice shows every figure (no "###"); the English files speak English."""

from __future__ import annotations

import csv
import datetime as dt
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from desktop.policy import Pack, bundled_registry
from desktop.policy.towns import bundled_towns
from desktop.wording.problems import word
from desktop.workspace import import_answers_files
from desktop.workspace.export import Kind, export_csv, export_xlsx, table_rows
from desktop.workspace.spreadsheet import LISTS_SHEET, MAIN_SHEET, read_workbook, write_template
from tests.conftest import EXAMPLES
from tests.workspace.member_files import credit_code, write_members
from tests.workspace.test_spreadsheet import Filler

TODAY = dt.date(2025, 12, 1)


@pytest.fixture
def template(tmp_path: Path, pack: Pack) -> Path:
    path = tmp_path / "members-filled.xlsx"
    write_template(pack, path)
    return path


def _validation(path: Path, key: str) -> Any:
    sheet = load_workbook(path)[MAIN_SHEET]
    keys = [c.value for c in sheet[2]]
    letter = sheet.cell(row=3, column=keys.index(key) + 1).column_letter
    return next(dv for dv in sheet.data_validations.dataValidation if f"{letter}3" in dv.sqref)


def test_the_template_offers_the_towns_in_a_list(template: Path) -> None:
    towns = _validation(template, "enterprise.town")
    assert towns.type == "list" and towns.errorStyle == "warning"  # a renamed division can still be typed
    lists = load_workbook(template)[LISTS_SHEET]
    sheet_ref, cells = towns.formula1.split("!")
    assert LISTS_SHEET in sheet_ref
    first, last = (re.sub(r"\$", "", part) for part in cells.split(":"))
    column = first.rstrip("0123456789")
    listed = [lists[f"{column}{row}"].value for row in range(int(first[len(column) :]), int(last[len(column) :]) + 1)]
    assert listed == list(bundled_towns().names())
    assert _validation(template, "aeo_first_certified").type == "list"  # yes/no keeps its list


@pytest.mark.parametrize(("typed", "stored"), [("南头", "南头镇"), ("Nantou Town", "南头镇"), (" 石岐 ", "石岐街道")])
def test_a_short_or_english_town_is_taken_as_the_listed_one(template: Path, typed: str, stored: str) -> None:
    filler = Filler(template)
    filler.put(3, "enterprise.name", "中山市某灯饰有限公司")
    filler.put(3, "enterprise.credit_code", credit_code(7))
    filler.put(3, "enterprise.town", typed)
    filler.save()
    result = read_workbook(template, bundled_registry(), TODAY)
    [row] = result.rows
    assert row.town == stored and result.problems == [] and result.notes == []


def test_a_town_not_on_the_list_is_imported_as_given_and_pointed_out(template: Path) -> None:
    filler = Filler(template)
    filler.put(3, "enterprise.name", "中山市某灯饰有限公司")
    filler.put(3, "enterprise.town", "东升镇")  # merged into 小榄镇 in 2020
    filler.save()
    result = read_workbook(template, bundled_registry(), TODAY)
    [row] = result.rows
    assert row.town == "东升镇"
    [note] = result.notes
    assert note.source == "members-filled.xlsx 第 3 行" and "东升镇" in word(note.problems[0])


def _members(tmp_path: Path, count: int = 12) -> list[Any]:
    write_members(tmp_path / "in", count)
    lighting = EXAMPLES / "lighting-exporter.json"  # its first AEO certification brings 150,000.00
    return import_answers_files([tmp_path / "in", lighting], bundled_registry(), TODAY).rows


def test_every_amount_is_a_number_with_separators_in_a_column_wide_enough(tmp_path: Path) -> None:
    rows = _members(tmp_path)
    path = tmp_path / "会员.xlsx"
    export_xlsx(rows, path, today=TODAY)
    book = load_workbook(path)
    columns, _body = table_rows(rows, today=TODAY)
    money = [i for i, c in enumerate(columns, start=1) if c.kind is Kind.MONEY]
    assert money
    for sheet in book.worksheets:
        for column_cells in sheet.iter_cols(min_row=2):
            numbers = [c for c in column_cells if isinstance(c.value, (int, float)) and not isinstance(c.value, bool)]
            if not numbers:
                continue
            letter = numbers[0].column_letter
            width = sheet.column_dimensions[letter].width
            for cell in numbers:
                if cell.number_format == "0":
                    continue  # days left
                assert cell.number_format == "#,##0.00", (sheet.title, cell.coordinate)
                assert len(f"{cell.value:,.2f}") + 1 <= width, (sheet.title, cell.coordinate, width)
    items = book.worksheets[1]
    assert any(c.value == 150000 and c.number_format == "#,##0.00" for r in items.iter_rows(min_row=2) for c in r)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_shows_every_figure(tmp_path: Path) -> None:
    rows = _members(tmp_path)
    path = tmp_path / "members.xlsx"
    export_xlsx(rows, path, today=TODAY)
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "members.pdf"), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "###" not in text
    total = max(row.total for row in rows)
    assert f"{total:,.2f}" in text


def test_the_english_csv_says_where_a_row_came_from_in_english(template: Path, tmp_path: Path) -> None:
    filler = Filler(template)
    filler.put(3, "enterprise.name", "Zhongshan Lamps Co.")
    filler.put(3, "enterprise.town", "南头")
    filler.save()
    rows = read_workbook(template, bundled_registry(), TODAY).rows
    path = tmp_path / "members.csv"
    export_csv(rows, path, "en", today=TODAY)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        [heading, line] = list(csv.reader(handle))
    assert line[heading.index("Source")] == "members-filled.xlsx, row 3"
    assert line[heading.index("Town")] == "Nantou Town (南头镇)"
    assert not any("第" in cell or "行" in cell for cell in line)


def test_amount_cells_hold_the_figures(tmp_path: Path) -> None:
    rows = _members(tmp_path, 3)
    columns, body = table_rows(rows, today=TODAY)
    total = [c.heading for c in columns].index("最多可申请合计（元）")
    assert [line[total] for line in body] == [row.total for row in rows]
    assert all(isinstance(line[total], Decimal) for line in body)
