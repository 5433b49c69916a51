"""Spreadsheets as firms send them, written for the tests and the benchmark.

`equipment_rows()` is the 2,000-row equipment list of issue 21's must-hold; `fixtures/equipment-2000-
libreoffice.xlsx` is that list written by openpyxl and saved again by LibreOffice (`make_fixture`), as a
clerk's file that went through LibreOffice is: its shared strings in rich runs (a CJK and a Latin font),
its formulas with the values LibreOffice computed.

The rows, i = 1 … 2,000 (data rows 4 … 2,003 under a merged title and a line of text):
- 数控机床{i}, model CK-{i mod 17}, 1 unit, asset ZC{i:05d}, invoice 44{i:06d}, bought 2025-04-15 + (i mod 250)
  days (at the latest 2025-12-20), 10,000 + i yuan net of tax;
- i a multiple of 100 (20 rows): bought 2025-03-01, before the period → left out;
- i = 7 + 250k, k = 0 … 7 (8 rows): the amount typed as 待定 → left out, not an amount;
- i = 1234: the same row as i = 1233 (a row pasted twice) → left out as a repeat;
- i = 1555: the amount is the formula =1000+555 → counted with the value LibreOffice saved, 1,555;
- i = 3, 503, 1003, 1503: the amount typed as text "10,003.00" → counted;
- then a 合计 row, =SUM over the amounts (Excel's SUM leaves the text amounts out), and a 制表人 line.

The total, by hand: Σ(10,000 + i) for i = 1 … 2,000 = 20,000,000 + 2,001,000 = 22,001,000; less the 20 rows
before the period, Σ(10,000 + 100k) for k = 1 … 20 = 200,000 + 21,000 = 221,000; less the 8 待定 rows,
Σ(10,007 + 250k) for k = 0 … 7 = 80,056 + 7,000 = 87,056; less row 1234's 11,234; less 10,000 for row 1555
(1,555 instead of 11,555): 22,001,000 − 221,000 − 87,056 − 11,234 − 10,000 = 21,671,710.00 yuan, on 1,971
rows counted.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

FIXTURES = Path(__file__).resolve().parent / "fixtures"
LIBREOFFICE_FIXTURE = FIXTURES / "equipment-2000-libreoffice.xlsx"
EXPECTED_TOTAL = Decimal("21671710.00")
EXPECTED_COUNTED = 1971
HEADER = ["序号", "设备名称", "规格型号", "数量", "资产编号", "发票号码", "购置日期", "不含税金额（元）"]
FIRST_DATA_ROW = 4
OUT_OF_PERIOD = [100 * k for k in range(1, 21)]
NOT_AN_AMOUNT = [7 + 250 * k for k in range(8)]
REPEATED = 1234
FORMULA = 1555
TEXT_AMOUNTS = [3, 503, 1003, 1503]


def write_xlsx(
    path: Path,
    rows: Iterable[Sequence[object]],
    *,
    merges: Iterable[str] = (),
    hidden: Iterable[int] = (),
    title: str = "设备明细",
    more_sheets: dict[str, list[list[object]]] | None = None,
) -> Path:
    """An xlsx written by openpyxl: formulas without saved values (openpyxl does not calculate)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    for merged in merges:
        sheet.merge_cells(merged)
    for number in hidden:
        sheet.row_dimensions[number].hidden = True
    for name, extra in (more_sheets or {}).items():
        other = book.create_sheet(name)
        for row in extra:
            other.append(row)
    book.save(path)
    return path


def equipment_rows(count: int = 2000) -> list[list[object]]:
    rows: list[list[object]] = [
        ["2025年新购置设备明细表"],
        ["编制单位：中山市示例灯饰有限公司", None, None, None, None, None, "单位：元"],
        HEADER,
    ]
    for i in range(1, count + 1):
        source = i - 1 if i == REPEATED else i
        bought = dt.date(2025, 3, 1) if source in OUT_OF_PERIOD else dt.date(2025, 4, 15) + dt.timedelta(source % 250)
        amount: object = 10000 + source
        if source in NOT_AN_AMOUNT:
            amount = "待定"
        elif source == FORMULA:
            amount = "=1000+555"
        elif source in TEXT_AMOUNTS:
            amount = f"{10000 + source:,}.00"
        rows.append(
            [i, f"数控机床{source}", f"CK-{source % 17}", 1, f"ZC{source:05d}", f"44{source:06d}", bought, amount]
        )
    last = FIRST_DATA_ROW + count - 1
    rows.append(["合计", None, None, None, None, None, None, f"=SUM(H{FIRST_DATA_ROW}:H{last})"])
    rows.append(["制表人：张三"])
    return rows


def libreoffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def libreoffice_copy(source: Path, folder: Path) -> Path:
    """The file opened and saved again as .xlsx by LibreOffice (headless, a profile of its own)."""
    program = libreoffice()
    if program is None:
        raise RuntimeError("LibreOffice is not installed")
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                program,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "xlsx",
                "--outdir",
                str(folder),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
    made = folder / (source.stem + ".xlsx")
    if not made.exists():
        raise RuntimeError(f"LibreOffice wrote no {made.name}")
    return made


def make_fixture(folder: Path, count: int = 2000) -> Path:
    """The equipment list written by openpyxl, then saved by LibreOffice into `folder`."""
    with tempfile.TemporaryDirectory() as work:
        written = write_xlsx(Path(work) / "equipment-2000-libreoffice.xlsx", equipment_rows(count), merges=["A1:H1"])
        return libreoffice_copy(written, folder)


if __name__ == "__main__":  # python -m tests.lists.sheets: write the committed fixture anew
    print(make_fixture(FIXTURES))
