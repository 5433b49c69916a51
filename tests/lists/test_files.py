"""Reading the firm's own files: xlsx as Excel, WPS or LibreOffice save them, CSV as 金蝶 and 用友 export them
(GBK, a title above the header, amounts as text, a totals row), limits checked before any cell is read,
and every file the program cannot read refused with what to do."""

from __future__ import annotations

import datetime as dt
import os
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.lists import ListFileError, check_list, propose, read_list_file, remembered_names
from desktop.lists.layout import header_texts
from desktop.policy import Pack
from desktop.policy.lists import ListKind
from tests.lists.sheets import (
    EXPECTED_COUNTED,
    EXPECTED_TOTAL,
    FORMULA,
    LIBREOFFICE_FIXTURE,
    REPEATED,
    libreoffice,
    make_fixture,
    write_xlsx,
)

KINGDEE = (
    "固定资产清单\r\n"
    "公司：中山市示例灯饰有限公司,,,,,\r\n"
    "资产编码,资产名称,规格型号,入账日期,原值,累计折旧\r\n"
    'ZC001,数控机床,CK-6150,2025-05-06,"1,200,000.00","20,000.00"\r\n'
    'ZC002,激光切割机,LC-3015,2025/7/18,"860,500.50",0\r\n'
    "ZC003,空压机,SA-22,2025-03-01,45000,0\r\n"
    'ZC004,检测仪,,2025-09-30,"三万",0\r\n'
    ',合计,,,"2,151,500.50",\r\n'
)


def test_a_gbk_csv_as_kingdee_exports_it(tmp_path: Path, pack: Pack, equipment: ListKind) -> None:
    path = tmp_path / "固定资产清单.csv"
    path.write_bytes(KINGDEE.encode("gbk"))
    source = read_list_file(path)
    assert (source.kind, source.encoding, source.delimiter) == ("csv", "GBK", ",")
    layout = propose(source.sheets[0], equipment)
    assert layout.header_row == 3
    assert layout.columns == {"asset_code": 0, "name": 1, "model": 2, "purchase_date": 3, "amount": 4}
    reading = check_list(source, layout, equipment, pack)
    assert [(r.number, r.status) for r in reading.rows] == [
        (4, "counted"),
        (5, "counted"),
        (6, "refused"),
        (7, "refused"),
        (8, "skipped"),
    ]
    assert reading.total == Decimal("2060500.50")
    assert reading.rows[2].reasons[0].zh == "「购置日期」2025-03-01 不在 2025 年度（2025-04-15 至 2025-12-31）内"
    assert reading.rows[3].reasons[0].zh.startswith("「不含税金额（元）」“三万”不是金额")
    # the export's total counted 三万 as 30,000 and 46,000 that is not there: said, not taken
    assert [w.zh for w in reading.warnings] == [
        "文件第 8 行的合计为 2,151,500.50 元，而其上各行金额之和为 2,105,500.50 元：请核对文件"
    ]
    assert source.notes[0].zh == "按 GBK 编码、以逗号分隔读取"


@pytest.mark.parametrize(
    ("encoding", "delimiter", "bom"),
    [
        ("utf-8", ",", b""),
        ("utf-8", ",", b"\xef\xbb\xbf"),
        ("utf-16", "\t", b""),
        ("gb18030", ";", b""),
        ("utf-8", "|", b""),
    ],
)
def test_csv_encodings_and_delimiters(
    tmp_path: Path, pack: Pack, premiums: ListKind, encoding: str, delimiter: str, bom: bytes
) -> None:
    lines = [
        ["中国出口信用保险公司 保费发票清单"],
        ["保单号", "发票号码", "开票日期", "保费金额（元）"],
        ["SCH-1", "0001", "2025-05-01", "600,000.00"],
        ["SCH-1", "0002", "2025-11-01", "600000"],
    ]
    text = "\r\n".join(delimiter.join(f'"{v}"' if delimiter in v or "," in v else v for v in line) for line in lines)
    path = tmp_path / "premiums.csv"
    path.write_bytes(bom + text.encode(encoding))
    source = read_list_file(path)
    reading = check_list(source, propose(source.sheets[0], premiums), premiums, pack)
    assert reading.total == Decimal("1200000.00") and reading.counted == 2


def test_a_csv_formula_has_no_value_and_refuses_its_row(tmp_path: Path, pack: Pack, premiums: ListKind) -> None:
    path = tmp_path / "premiums.csv"
    path.write_text("发票号码,开票日期,保费金额\n0001,2025-05-01,=100*3\n0002,2025-05-02,300\n", encoding="utf-8")
    source = read_list_file(path)
    reading = check_list(source, propose(source.sheets[0], premiums), premiums, pack)
    assert reading.rows[0].status == "refused"
    assert "「保费金额（元）」是公式，文件中没有保存它的计算结果" in reading.rows[0].reasons[0].zh
    assert reading.total == Decimal("300")


def test_an_xlsx_formula_without_a_saved_value_is_refused_and_one_with_a_value_is_read(
    tmp_path: Path, pack: Pack, premiums: ListKind
) -> None:
    rows = [
        ["发票号码", "开票日期", "保费金额"],
        ["0001", dt.date(2025, 5, 1), "=100*3"],
        ["0002", dt.date(2025, 5, 2), 300],
    ]
    written = write_xlsx(tmp_path / "openpyxl.xlsx", rows)  # openpyxl saves no value for its formulas
    source = read_list_file(written)
    assert source.sheets[0].rows[1].formulas == frozenset({2})
    reading = check_list(source, propose(source.sheets[0], premiums), premiums, pack)
    assert reading.rows[0].status == "refused" and "没有保存它的计算结果" in reading.rows[0].reasons[0].zh
    if libreoffice() is None:
        pytest.skip("LibreOffice is not installed")
    from tests.lists.sheets import libreoffice_copy

    saved = read_list_file(libreoffice_copy(written, tmp_path / "lo"))  # LibreOffice computes and saves it
    reading = check_list(saved, propose(saved.sheets[0], premiums), premiums, pack)
    assert reading.rows[0].counted and reading.rows[0].amount == Decimal("300.00")
    assert reading.rows[0].notes[0].zh == "「保费金额（元）」由公式算出，读取文件中保存的结果 300"


def test_a_merged_header(tmp_path: Path, pack: Pack, equipment: ListKind) -> None:
    """Merged cells over the header: the title over all columns, names merged down over two rows, "发票信息"
    over three columns, "金额" over 含税 and 不含税 (read as one header over two rows)."""
    rows = [
        ["2025 年技术改造设备明细表"],
        ["设备名称", "规格型号", "发票信息", None, "金额", None],
        [None, None, "发票号码", "开票日期", "含税", "不含税"],
        ["数控机床", "CK-6150", "44000001", dt.date(2025, 6, 1), 1356000, 1200000],
        ["激光切割机", "LC-3015", "44000002", dt.date(2025, 7, 1), 972400.57, 860000.5],
    ]
    merges = ["A1:F1", "A2:A3", "B2:B3", "C2:D2", "E2:F2"]
    source = read_list_file(write_xlsx(tmp_path / "merged.xlsx", rows, merges=merges))
    sheet = source.sheets[0]
    layout = propose(sheet, equipment)
    assert (layout.header_row, layout.header_rows) == (3, 2)
    assert header_texts(sheet, 3, 2) == [
        "设备名称",
        "规格型号",
        "发票信息 发票号码",
        "发票信息 开票日期",
        "金额 含税",
        "金额 不含税",
    ]
    assert layout.columns == {"name": 0, "model": 1, "invoice_no": 2, "purchase_date": 3, "amount": 5}
    reading = check_list(source, layout, equipment, pack)
    assert reading.total == Decimal("2060000.50") and reading.counted == 2
    assert reading.warnings == ()  # the net column was chosen


def test_the_firms_remembered_headers_win(tmp_path: Path, pack: Pack, equipment: ListKind) -> None:
    rows = [["机器", "日子", "钱", "编号"], ["机床", dt.date(2025, 6, 1), 1000, "A1"]]
    source = read_list_file(write_xlsx(tmp_path / "own.xlsx", rows))
    assert propose(source.sheets[0], equipment).columns == {}
    remembered = {"name": "机器", "purchase_date": "日子", "amount": "钱"}
    layout = propose(source.sheets[0], equipment, remembered)
    assert layout.columns == {"name": 0, "purchase_date": 1, "amount": 2}
    assert remembered_names(layout, source.sheets[0]) == remembered
    assert check_list(source, layout, equipment, pack).total == Decimal("1000")


def test_hidden_rows_and_sheets(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "hidden.xlsx",
        [["设备名称", "金额"], ["A", 1], ["B", 2]],
        hidden=[3],
        more_sheets={"说明": [["这是说明"]]},
    )
    source = read_list_file(path)
    assert [s.name for s in source.sheets] == ["设备明细", "说明"]
    assert [r.hidden for r in source.sheets[0].rows] == [False, False, True]


def test_the_2000_row_list_libreoffice_wrote(pack: Pack, equipment: ListKind) -> None:
    """Issue 21's must-hold: every row read or refused with its reason, the total equal to the sum by hand
    (tests/lists/sheets.py shows the sum). Its speed is measured by benchmarks/list_import.py."""
    source = read_list_file(LIBREOFFICE_FIXTURE)
    layout = propose(source.sheets[0], equipment)
    assert layout.header_row == 3  # under a merged title and a line of text
    reading = check_list(source, layout, equipment, pack)
    assert reading.total == EXPECTED_TOTAL and reading.counted == EXPECTED_COUNTED
    refused = {r.number: r.reasons[0].zh for r in reading.rows if r.status == "refused"}
    assert len(refused) == 29 and reading.left_out == 31  # and the 合计 and 制表人 rows
    data_row = 3  # data row i is sheet row i + 3
    assert refused[100 + data_row] == "「购置日期」2025-03-01 不在 2025 年度（2025-04-15 至 2025-12-31）内"
    assert refused[7 + data_row].startswith("「不含税金额（元）」“待定”不是金额")
    assert refused[REPEATED + data_row].startswith(f"与第 {REPEATED - 1 + data_row} 行重复（")
    formula = next(r for r in reading.rows if r.number == FORMULA + data_row)
    assert formula.counted and formula.amount == Decimal("1555.00") and "由公式算出" in formula.notes[0].zh
    skipped = [(r.number, r.skip) for r in reading.rows if r.status == "skipped"]
    assert skipped == [(2004, "totals"), (2005, "note")]
    # Excel's SUM leaves text amounts out: the file's own total is not its rows' sum, and that is said
    assert reading.warnings[0].zh == (
        "文件第 2004 行的合计为 21,860,931.00 元，而其上各行金额之和为 21,903,943.00 元：请核对文件"
    )


@pytest.mark.slow
@pytest.mark.skipif(libreoffice() is None, reason="LibreOffice is not installed")
def test_the_fixture_is_what_libreoffice_makes_of_the_list(tmp_path: Path, pack: Pack, equipment: ListKind) -> None:
    source = read_list_file(make_fixture(tmp_path))
    reading = check_list(source, propose(source.sheets[0], equipment), equipment, pack)
    assert reading.total == EXPECTED_TOTAL and reading.counted == EXPECTED_COUNTED


# -- refused before any cell is read -----------------------------------------------------------------------


def _refusal(path: Path) -> str:
    with pytest.raises(ListFileError) as refused:
        read_list_file(path)
    return refused.value.reason.zh


def test_files_the_program_cannot_read_are_refused_with_what_to_do(tmp_path: Path) -> None:
    old = tmp_path / "旧版.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert _refusal(old).startswith("这是旧版 Excel 文件（.xls）或设有打开密码的工作簿")
    ods = tmp_path / "a.ods"
    with zipfile.ZipFile(ods, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    assert _refusal(ods).startswith("这是 OpenDocument 表格（.ods）；请在 Excel 或 WPS 中另存为 .xlsx")
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert _refusal(empty) == "文件是空的"
    damaged = tmp_path / "damaged.xlsx"
    whole = write_xlsx(tmp_path / "whole.xlsx", [["设备名称"], ["A"]]).read_bytes()
    damaged.write_bytes(whole[: len(whole) // 2])
    assert _refusal(damaged).startswith("不是有效的 Excel 工作簿（.xlsx）或已损坏")
    not_a_workbook = tmp_path / "notes.xlsx"
    with zipfile.ZipFile(not_a_workbook, "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert _refusal(not_a_workbook).startswith("不是有效的 Excel 工作簿")
    garbage = tmp_path / "garbage.csv"
    garbage.write_bytes(bytes(range(128, 256)) * 4)
    assert _refusal(garbage).startswith("无法识别文件的文字编码")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_pipe_is_not_opened_for_reading(tmp_path: Path) -> None:
    pipe = tmp_path / "list.csv"
    os.mkfifo(pipe)
    assert _refusal(pipe).startswith("不是普通文件")


def test_limits_are_checked_before_the_cells(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import desktop.lists.files as files
    import desktop.workspace.workbook_limits as limits

    path = write_xlsx(tmp_path / "list.xlsx", [["设备名称", "金额"], *([["A", 1]] * 20)])
    monkeypatch.setattr(files, "MAX_LIST_ROWS", 10)
    assert _refusal(path) == "工作表「设备明细」超过 10 行，未读取；请分成几个文件导入"
    monkeypatch.setattr(files, "MAX_LIST_COLUMNS", 1)
    csv = tmp_path / "wide.csv"
    csv.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    assert _refusal(csv) == "工作表「wide.csv」有 3 列，超过 1 列，未读取"
    monkeypatch.setattr(limits, "MAX_XLSX_UNPACKED", 1000)  # a zip bomb: told by the zip's directory
    assert _refusal(path).startswith("工作簿解压后过大")
    monkeypatch.setattr(files, "MAX_LIST_BYTES", 100)
    assert _refusal(path).startswith("文件过大")
