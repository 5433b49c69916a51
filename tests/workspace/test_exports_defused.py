"""Every cell of every CSV and Excel file the workspace writes stays text (issue 14): a member firm named
`=HYPERLINK("http://x","y")` or `=cmd|' /C calc'!A0` never becomes a live formula for the association's clerk."""

from __future__ import annotations

import csv
import datetime as dt
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.policy import bundled_registry, load_pack_text
from desktop.policy.registry import bundled_folder
from desktop.workspace import MemberRow, import_answers_files
from desktop.workspace.export import export_csv, export_xlsx
from desktop.workspace.spreadsheet import write_template
from tests.payloads import FORMULA_PAYLOADS, example, is_formula_like, write_json

TODAY = dt.date(2025, 12, 1)


@pytest.fixture
def hostile_rows(tmp_path: Path) -> list[MemberRow]:
    for number, payload in enumerate(FORMULA_PAYLOADS):
        data = example("lighting-exporter")  # a firm with items to apply for: a line each on the second sheet
        data["enterprise"] = {"name": f"{payload}", "town": payload, "contact": payload}
        write_json(tmp_path / "in", f"{number:02d}.json", data)
    result = import_answers_files([tmp_path / "in"], bundled_registry(), TODAY)
    assert not result.problems
    return result.rows


def test_the_workspace_csv_defuses_every_text_cell(hostile_rows: list[MemberRow], tmp_path: Path) -> None:
    path = tmp_path / "会员.csv"
    export_csv(hostile_rows, path, today=TODAY)
    table = list(csv.reader(path.read_bytes().decode("utf-8-sig").splitlines()))
    assert len(table) == 1 + len(FORMULA_PAYLOADS)
    for row in table:
        for cell in row:
            assert not is_formula_like(cell), row
    assert [row[0] for row in table[1:]] == [f"'{p.strip()}" for p in FORMULA_PAYLOADS]


def test_the_workspace_xlsx_holds_names_as_text_never_as_formulas(
    hostile_rows: list[MemberRow], tmp_path: Path
) -> None:
    path = tmp_path / "会员.xlsx"
    export_xlsx(hostile_rows, path, today=TODAY)
    with zipfile.ZipFile(path) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert all(b"<f>" not in archive.read(name) for name in sheets)
    sheet = load_workbook(path).active
    assert sheet is not None
    names = [row[0] for row in sheet.iter_rows(min_row=2, max_col=1)]
    assert [c.value for c in names] == [p.strip() for p in FORMULA_PAYLOADS]  # the name exactly as written
    for cell in names:
        assert cell.data_type == "s" and cell.quotePrefix  # and Excel's own "this is text" mark
    figures = [c.value for c in next(sheet.iter_cols(min_col=6, max_col=6, min_row=2))]
    assert all(isinstance(v, (int, float)) for v in figures)  # amounts stay numbers
    book = load_workbook(path)
    assert len(book.worksheets) == 2  # the members, and one line per member and item applied for
    for each in book.worksheets:
        texts = [c for row in each.iter_rows() for c in row if isinstance(c.value, str)]
        assert all(c.data_type == "s" for c in texts)
        assert all(c.quotePrefix for c in texts if is_formula_like(c.value))
    items = book.worksheets[1]
    assert {c.value for c in next(items.iter_cols(max_col=1, min_row=2))} == {p.strip() for p in FORMULA_PAYLOADS}


def test_the_template_writes_pack_texts_as_text(tmp_path: Path) -> None:
    text = (bundled_folder() / "zhongshan-2025.toml").read_text(encoding="utf-8")
    text = text.replace('label = "2025 年实际缴纳的年度保费（元）"', 'label = "=HYPERLINK(\\"http://x\\",\\"y\\")"', 1)
    text = text.replace('{ value = "general", label = "', '{ value = "general", label = "@SUM(1+1)', 1)
    pack = load_pack_text(text.encode("utf-8"), "hostile.toml")
    path = tmp_path / "模板.xlsx"
    write_template(pack, path)
    with zipfile.ZipFile(path) as archive:
        for name in (n for n in archive.namelist() if n.startswith("xl/worksheets/")):
            assert b"<f>" not in archive.read(name), name
    book = load_workbook(path)
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert any(c.value.startswith("=HYPERLINK") for c in cells)
    assert all(c.data_type == "s" for c in cells)


def test_the_batch_summary_csv_and_the_workspace_csv_write_firm_cells_by_one_rule(tmp_path: Path) -> None:
    """汇总.csv wrote an all-digit credit code as the formula `="914420000000009034"` while the workspace CSV
    wrote the digits (issue 22, point 12): the same firm now reads the same in both, and text stays text."""
    import io

    from desktop.cli import main

    codes = ["914420000000009034", "91442000MA4W8N3K2K"]
    for number, code in enumerate(codes):
        data = example("lighting-exporter")
        data["enterprise"] = {"name": f'=HYPERLINK("x","{number}")', "credit_code": code, "town": "-古镇镇"}
        write_json(tmp_path / "in", f"{number}.json", data)
    out, err = io.StringIO(), io.StringIO()
    assert main(["batch", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--jobs", "1"], out=out, err=err) == 0
    summary = list(csv.DictReader((tmp_path / "out" / "汇总.csv").read_text(encoding="utf-8-sig").splitlines()))
    members = import_answers_files([tmp_path / "in"], bundled_registry(), TODAY).rows
    export_csv(members, tmp_path / "members.csv", today=TODAY)
    workspace = list(csv.DictReader((tmp_path / "members.csv").read_text(encoding="utf-8-sig").splitlines()))
    firm_cells = ("企业名称", "统一社会信用代码", "所在镇街")
    assert [[row[k] for k in firm_cells] for row in summary] == [[row[k] for k in firm_cells] for row in workspace]
    assert [row["统一社会信用代码"] for row in summary] == codes  # the digits as written, no formula around them
    assert all(not is_formula_like(cell) for row in summary + workspace for cell in row.values())
