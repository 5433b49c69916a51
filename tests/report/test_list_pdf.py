"""The imported list as the PDF attached to its document: the rows counted in the list's columns, their
total, where they came from; plain text whatever the file held; every page numbered."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

from pypdf import PdfReader

from desktop.lists import check_list, propose, read_list_file
from desktop.policy import Pack
from desktop.policy.lists import list_kind
from desktop.report.list_pdf import ListDocument, list_pdf_bytes
from tests.lists.sheets import LIBREOFFICE_FIXTURE, write_xlsx

DAY = dt.date(2026, 12, 6)


def document(pack: Pack, path: Path, lang: str = "zh") -> ListDocument:
    kind = list_kind(pack, "equipment_list")
    assert kind is not None
    source = read_list_file(path)
    reading = check_list(source, propose(source.sheets[0], kind), kind, pack)
    return ListDocument(kind, reading, pack, "中山市示例灯饰有限公司", "91442000MA4W5E8X2K", DAY, lang)  # type: ignore[arg-type]


def pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def test_the_2000_row_list_as_the_bureau_reads_it(pack: Pack, tmp_path: Path) -> None:
    data = list_pdf_bytes(document(pack, LIBREOFFICE_FIXTURE))
    text = pages(data)
    assert len(text) > 40
    first = text[0]
    assert "设备明细表" in first and "企业名称：中山市示例灯饰有限公司" in first
    assert (
        "根据 equipment-2000-libreoffice.xlsx（工作表「设备明细」）整理：列入 1,971 行，合计 21,671,710.00 元" in first
    )
    assert "数控机床1" in first and "10,001.00" in first and "第 1 页 共" in first
    assert "21,671,710.00" in text[-1] and "合计" in text[-1]
    everything = "\n".join(text)
    assert "待定" not in everything  # the rows left out are not in the bureau's list
    assert list_pdf_bytes(document(pack, LIBREOFFICE_FIXTURE)) == data  # the same bytes every time
    if shutil.which("qpdf"):
        out = tmp_path / "list.pdf"
        out.write_bytes(data)
        subprocess.run(["qpdf", "--check", str(out)], check=True, capture_output=True)


def test_cells_are_plain_text_and_the_english_version(pack: Pack, tmp_path: Path) -> None:
    rows = [
        ["设备名称", "规格型号", "购置日期", "不含税金额"],
        ["<b>粗体</b> & <font size=40>大</font>", "M" * 120, dt.date(2025, 6, 1), 1000],
    ]
    path = write_xlsx(tmp_path / "markup.xlsx", rows)
    text = "".join(pages(list_pdf_bytes(document(pack, path)))).replace("\n", "")
    assert "<b>粗体</b> & <font size=40>大</font>" in text  # as typed, wrapped within its column
    assert "M" * 20 in text  # a long cell wraps within its column, whole
    english = pages(list_pdf_bytes(document(pack, path, "en")))
    assert "Equipment list" in english[0] and "Enterprise: 中山市示例灯饰有限公司" in english[0]
    assert "Page 1 of 1" in english[0] and "Amount net of tax" in english[0]
