"""The batch summary an association reads (issue 15, point 9): policy and period, towns, a total row,
names and file names that break only where a reader expects, and its words in English."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop.report.batch import run_batch
from desktop.report.cells import unbroken_lines
from desktop.report.layout import styles
from tests.report.cases import EXAMPLES

DAY = dt.date(2025, 12, 1)
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff01-\uff5e]")


def _batch(tmp_path: Path, lang: str) -> tuple[str, Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    for path in EXAMPLES.glob("*.json"):
        shutil.copy(path, folder / path.name)
    out, err = io.StringIO(), io.StringIO()
    code = run_batch([folder], tmp_path / "out", jobs=1, lang=lang, out=out, err=err, today=DAY)
    assert code == 0, err.getvalue()
    return out.getvalue(), tmp_path / "out"


def _lines(pdf: Path) -> list[str]:
    return [line for page in PdfReader(pdf).pages for line in page.extract_text().splitlines()]


def test_the_summary_names_the_policy_its_period_towns_and_a_total_row(tmp_path: Path) -> None:
    _, out = _batch(tmp_path, "zh")
    text = "\n".join(_lines(out / "汇总.pdf"))
    assert "政策：《中山市稳外贸促增长若干措施》（zhongshan-2025 2025.3），有效期 2025-04-15 至 2025-12-31" in text
    assert "所在镇街" in text
    for town in ("古镇镇", "南头镇", "石岐街道"):
        assert town in text
    flat = re.sub(r"\s+", "", text)
    assert "最多可申请合计7,769,000.00776.90" in flat  # the total row: 元 and 万元


def test_names_never_break_inside_brackets_nor_file_names_before_the_extension(tmp_path: Path) -> None:
    _, out = _batch(tmp_path, "zh")
    lines = _lines(out / "汇总.pdf")
    assert not any(line.startswith(".pdf") or line.startswith("pdf") for line in lines)
    for line in lines:
        # a bracket opened on a line is closed on it
        assert line.count("（") == line.count("）"), line


def test_the_csv_has_the_town(tmp_path: Path) -> None:
    _, out = _batch(tmp_path, "zh")
    rows = list(csv.DictReader(io.StringIO((out / "汇总.csv").read_text(encoding="utf-8-sig"))))
    assert {row["企业名称"]: row["所在镇街"] for row in rows}["中山市古镇明辉灯饰有限公司（示例）"] == "古镇镇"


def test_in_english_the_summary_and_the_closing_line_are_english(tmp_path: Path) -> None:
    said, out = _batch(tmp_path, "en")
    assert said.startswith("Wrote 3 checklists; 0 inputs could not be processed. Summary: ")
    assert not CJK.search(said.replace(str(out / "summary.pdf"), ""))
    text = "\n".join(_lines(out / "summary.pdf"))
    assert "Policy: Measures of Zhongshan to Stabilise Foreign Trade and Promote Growth" in text
    assert "3 enterprises; maximum claimable total 7,769,000.00 yuan (RMB 7.769 million)" in text
    flat = re.sub(r"\s+", "", text)
    for path in EXAMPLES.glob("*.json"):  # only the enterprises' own data is Chinese: names, towns
        enterprise = json.loads(path.read_text(encoding="utf-8"))["enterprise"]
        flat = flat.replace(enterprise["name"], "").replace(enterprise["town"], "")
    assert CJK.findall(flat) == []
    assert "GuzhenTown(古镇镇)" in re.sub(r"\s+", "", text)  # the town list's English name beside the stored one


BRACKETED = st.builds(
    lambda a, b, c: f"{a}（{b}）{c}",
    st.text(alphabet="中山市古镇灯饰有限公司", min_size=0, max_size=30),
    st.text(alphabet="示例香港分公司", min_size=1, max_size=6),
    st.sampled_from(["", ".pdf", "有限公司"]),
)


@settings(max_examples=80, deadline=None)
@given(text=BRACKETED, width=st.floats(min_value=60, max_value=200))
def test_unbroken_lines_keep_brackets_whole_and_lose_nothing(text: str, width: float) -> None:
    lines = unbroken_lines(text, "cell", width)
    assert "".join(lines) == text
    bracket = text[text.index("（") : text.index("）") + 1]
    # whole, unless it cannot stand on one line with what is glued to it (".pdf" never begins a line); a
    # bracket exactly as wide as the cell may be measured a hair wider by the font's float arithmetic
    glued = bracket + (".pdf" if text.endswith(bracket + ".pdf") else "")
    font = styles()["cell"]
    assert any(bracket in line for line in lines) or stringWidth(glued, font.fontName, font.fontSize) > width - 6.01
    assert not any(line.startswith(".pdf") for line in lines)


@pytest.mark.parametrize("code", ["91442000MA4W8N3K2K", "150,000.00 元", "Co., Ltd."])
def test_codes_amounts_and_words_stay_on_one_line(code: str) -> None:
    assert any(code in line for line in unbroken_lines(f"首次获得海关认证一次性补贴 {code}", "cell", 120))


WINDOW_DAY = dt.date(2026, 12, 1)


def _training_batch(tmp_path: Path, lang: str) -> Path:
    """The three examples under the training guide, the lighting exporter also with other funds received for
    each of its projects (so each is to confirm)."""
    folder = tmp_path / "in"
    folder.mkdir()
    for path in sorted(EXAMPLES.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        data["guide"] = "zhongshan-2025-training"
        if path.stem == "lighting-exporter":
            data["answers"]["other_funds_items"] = ["exhibitions", "aeo", "credit_insurance", "equipment"]
        (folder / path.name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code = run_batch(
        [folder], tmp_path / "out", jobs=1, lang=lang, out=io.StringIO(), err=io.StringIO(), today=WINDOW_DAY
    )
    assert code == 0
    return tmp_path / "out"


def test_the_csv_gives_what_is_to_confirm_and_the_soonest_window(tmp_path: Path) -> None:
    out = _training_batch(tmp_path, "zh")
    rows = {r["企业名称"]: r for r in csv.DictReader(io.StringIO((out / "汇总.csv").read_text(encoding="utf-8-sig")))}
    lighting = rows["中山市古镇明辉灯饰有限公司（示例）"]
    assert lighting["最多可申请合计（元）"] == "0.00"
    # what the total would have been: 1,710,000.00, and 20,000.00 the training guide sets for exhibitions
    assert lighting["另有待确认（元）"] == "1730000.00"
    assert (lighting["申报截止"], lighting["剩余天数"]) == ("【培训示例】2026-12-11", "10")
    assert (
        "短期出口信用保险保费支持 360,000.00 元（待确认） · 【培训示例】申报截止 2026-12-11 · 承保机构代为申报"
        in lighting["可申请项目"]
    )
    others = [r for name, r in rows.items() if name != "中山市古镇明辉灯饰有限公司（示例）"]
    assert all(r["另有待确认（元）"] == "" for r in others)


@pytest.mark.parametrize(
    ("lang", "heading", "columns", "line"),
    [
        ("zh", "申报窗口", "申报企业数", "2026-12-11"),
        ("en", "Application windows", "Firms applying", "2026-12-11"),
    ],
)
def test_the_pdf_lists_per_item_the_firms_applying_by_when_and_how(
    tmp_path: Path, lang: str, heading: str, columns: str, line: str
) -> None:
    out = _training_batch(tmp_path, lang)
    text = "\n".join(_lines(out / ("汇总.pdf" if lang == "zh" else "summary.pdf")))
    flat = re.sub(r"\s+", "", text)
    assert heading.replace(" ", "") in flat and columns.replace(" ", "") in flat
    assert line in text
    if lang == "zh":
        assert "另有待确认" in flat and "1,730,000.00" in flat
        assert "承保机构代为申报" in flat and "截至2026-11-01未见通知" in flat
    else:
        assert "Filedbytheinsurer" in flat and "Nonoticeasof2026-11-01" in flat
