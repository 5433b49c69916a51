"""The printed checklist: what a clerk must find on paper, for the examples and the stress cases (issue 5)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from desktop import __version__
from desktop.report import checklist_bytes, write_checklist
from desktop.report.fonts import PLACEHOLDER, printable
from desktop.report.labels import yuan
from desktop.wording import vocabulary
from tests.report.cases import ESCAPED_NAME, EXAMPLE_NAMES, LONG_NAME, RARE_NAME, expired
from tests.report.conftest import Rendered, flat, rendered


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_the_text_holds_name_amounts_caps_units_documents_and_total(name: str) -> None:
    doc = rendered(name)
    result = doc.assessment
    assert flat(result.enterprise.name) in doc.flat
    assert flat(result.enterprise.credit_code) in doc.flat
    for item in result.with_amounts():
        assert item.amount is not None
        assert flat(yuan(item.amount)) in doc.flat, item.id
        if item.cap is not None:
            assert flat(yuan(item.cap)) in doc.flat, item.id
    for item in (*result.with_amounts(), *result.unquantified()):
        assert flat(item.units_text()) in doc.flat, item.id
        for document in item.documents:
            assert flat(document.text.zh) in doc.flat, (item.id, document.id)
    total = f"{yuan(result.total)}（{vocabulary.large(result.total)}）" if result.total else yuan(result.total)
    assert flat(total) in doc.flat


def test_the_lighting_exporters_credit_insurance_shows_the_computation_and_the_insurer_note() -> None:
    doc = rendered("lighting-exporter")
    assert flat("保费 1,200,000.00 元 × 30% = 360,000.00 元，未超过上限 500,000.00 元") in doc.flat
    assert "承保机构" in doc.flat  # ask the insurer whether it files on the enterprise's behalf
    assert flat("1,710,000.00 元（171.00 万元）") in doc.flat


def test_sections_come_in_the_order_of_the_issue() -> None:
    text = rendered("appliance-maker").flat
    headings = [
        "企业外贸扶持政策自评清单",
        "一、可申请金额汇总",
        "二、逐项申报说明",
        "三、可享受的其他支持和服务",
        "四、目前不可申请的项目",
        "五、声明",
        "填表人",
        "签名",
    ]
    positions = [text.index(heading) for heading in headings]
    assert positions == sorted(positions)


def test_unavailable_items_print_their_reason() -> None:
    doc = rendered("lighting-exporter")
    unavailable = doc.assessment.unavailable()
    assert unavailable
    for item in unavailable:
        assert flat(item.title.zh) in doc.flat
        for reason in item.reasons:
            assert flat(reason.zh) in doc.flat


def test_every_page_has_the_header_and_footer(any_case: Rendered) -> None:
    result = any_case.assessment
    count = len(any_case.pages)
    for number, page in enumerate(any_case.pages, start=1):
        text = flat(page)
        assert f"第{number}页共{count}页" in text
        assert result.pack_hash[:12] in text
        assert flat(__version__) in text
        header = flat(printable(result.enterprise.name))[:20] or "企业外贸扶持政策自评清单"
        assert header in text


def test_the_font_is_embedded_as_a_truetype_subset(any_case: Rendered) -> None:
    reader = PdfReader(io.BytesIO(any_case.pdf))
    fonts: dict[str, bool] = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            fonts[str(font["/BaseFont"])] = descriptor is not None and "/FontFile2" in descriptor.get_object()
    assert fonts, "no fonts found"
    assert all(fonts.values()), fonts
    assert all("NotoSansSC" in name and "+" in name for name in fonts)  # subset prefix `AAAAAA+`


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_pdffonts_reports_every_font_embedded(tmp_path: Path) -> None:
    path = tmp_path / "c.pdf"
    path.write_bytes(rendered("appliance-maker").pdf)
    lines = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert lines
    for line in lines:
        assert "NotoSansSC" in line and " yes yes " in line, line


def test_markup_in_user_text_prints_literally() -> None:
    doc = rendered("escaped-name")
    assert flat(ESCAPED_NAME) in doc.flat
    assert "古镇镇<b>" in doc.flat
    assert "陈&会计" in doc.flat


def test_a_character_missing_from_the_font_prints_as_a_visible_box() -> None:
    doc = rendered("rare-characters")
    assert RARE_NAME.replace("𠀀", PLACEHOLDER) in doc.flat
    assert "喆堃燊犇" in doc.flat  # outside GB2312 but in the font: printed as they are


def test_a_very_long_name_wraps_in_the_block_and_is_cut_in_the_header() -> None:
    doc = rendered("long-name")
    assert flat(LONG_NAME) in doc.flat
    assert "…" in doc.pages[1]  # the header of page 2 cut the name rather than running off the page


def test_forty_ip_cases_flow_over_pages_with_every_case_listed() -> None:
    doc = rendered("forty-ip-cases")
    first = next(n for n, page in enumerate(doc.pages) if flat("案件1（") in flat(page))
    total = next(n for n, page in enumerate(doc.pages) if flat("40 项案件合计") in flat(page))
    assert total > first  # the computation runs over a page break
    for number in (1, 20, 40):
        assert f"案件{number}（" in doc.flat
    assert flat("40 项案件合计") in doc.flat
    assert flat("按上限计 1,000,000.00 元") in doc.flat


def test_nothing_available_still_gives_a_checklist_with_a_zero_total() -> None:
    doc = rendered("nothing-answered")
    assert doc.assessment.with_amounts() == ()
    assert "按目前的回答，没有可测算金额的扶持项目" in doc.flat
    assert flat("0.00 元") in doc.flat and flat("（0.00 万元）") not in doc.flat  # a zero needs no 万元
    assert "二、可享受的其他支持和服务" in doc.flat  # numbered without a gap
    assert "逐项申报说明" not in doc.flat


def test_an_assessment_without_any_item_gives_a_valid_pdf() -> None:
    empty = dataclasses.replace(rendered("small-trader").assessment, items=())
    reader = PdfReader(io.BytesIO(checklist_bytes(empty)))
    text = flat("".join(p.extract_text() for p in reader.pages))
    assert "二、可享受的其他支持和服务" in text and "无。" in text
    assert "四、声明" in text


def test_after_the_period_what_it_means_is_said_under_the_enterprise_block() -> None:
    doc = rendered("expired")
    assert doc.assessment.expired
    sentence = flat("已于 2025-12-31 结束，这一期间的支持一般在之后的申报窗口申请")
    assert sentence in flat(doc.pages[0])
    assert sentence not in rendered("lighting-exporter").flat  # assessed within the period: nothing to say


def test_the_same_assessment_gives_the_same_bytes() -> None:
    result = rendered("appliance-maker").assessment
    assert checklist_bytes(result) == checklist_bytes(result) == rendered("appliance-maker").pdf


def test_the_document_date_is_the_assessment_date_not_the_clock() -> None:
    reader = PdfReader(io.BytesIO(checklist_bytes(expired())))
    assert reader.metadata is not None
    assert str(reader.metadata["/CreationDate"]).startswith("D:20260301")
    assert str(reader.metadata["/ModDate"]).startswith("D:20260301")


def test_another_assessment_date_changes_the_bytes() -> None:
    result = rendered("small-trader").assessment
    later = dataclasses.replace(result, assessed_on=result.assessed_on + dt.timedelta(days=1))
    assert checklist_bytes(later) != checklist_bytes(result)


def test_a_typical_checklist_stays_under_150_kib() -> None:
    assert len(rendered("lighting-exporter").pdf) < 150 * 1024


def test_the_english_variant_has_english_labels_and_the_same_figures() -> None:
    doc = rendered("lighting-exporter", "en")
    assert "Foreign-trade support self-assessment checklist" in doc.text
    assert "Page 1 of" in doc.text
    assert flat("1,710,000.00 yuan") in doc.flat
    assert flat(doc.assessment.enterprise.name) in doc.flat
    assert flat("Guzhen Town (古镇镇)") in doc.flat  # the town as the English town list names it


def test_the_chinese_checklist_names_the_town_as_stored() -> None:
    doc = rendered("lighting-exporter")
    assert "古镇镇" in doc.flat and "Guzhen" not in doc.flat


def test_write_checklist_writes_the_same_bytes_to_a_file(tmp_path: Path) -> None:
    result = rendered("small-trader").assessment
    path = tmp_path / "清单.pdf"
    write_checklist(result, path)
    assert path.read_bytes() == rendered("small-trader").pdf


def test_write_checklist_into_a_missing_folder_raises_oserror(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_checklist(rendered("small-trader").assessment, tmp_path / "missing" / "x.pdf")


def test_every_document_to_prepare_has_a_box_to_tick() -> None:
    doc = rendered("appliance-maker")
    reader = PdfReader(io.BytesIO(doc.pdf))
    drawn = b"".join(page.get_contents().get_data() for page in reader.pages)
    box = f"{3.2 * mm:.6f}".encode()  # ReportLab writes six places: 9.070866
    boxes = drawn.count(b" " + box + b" " + box + b" re")
    listed = (*doc.assessment.with_amounts(), *doc.assessment.unquantified())
    assert boxes == sum(len(item.documents) for item in listed) > 0


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("中山市明辉灯饰", "中山市明辉灯饰"),
        ("第一行\n第二行\t完", "第一行 第二行 完"),
        ("灯饰🙂有限公司", f"灯饰{PLACEHOLDER}有限公司"),
        ("𠀀", PLACEHOLDER),
    ],
)
def test_printable_keeps_what_the_font_has_and_marks_what_it_lacks(given: str, shown: str) -> None:
    assert printable(given) == shown


def test_another_process_gives_the_same_bytes(tmp_path: Path) -> None:
    """Nothing in the PDF may depend on the process: hash seed, clock, memory addresses."""
    target = tmp_path / "other.pdf"
    code = (
        "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]);"
        "from tests.report.cases import example; from desktop.report import write_checklist;"
        "write_checklist(example('lighting-exporter'), Path(sys.argv[2]))"
    )
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-c", code, str(root), str(target)], check=True, env=env, timeout=120)
    assert target.read_bytes() == rendered("lighting-exporter").pdf
