"""The comparison page: one landscape A4 page with the base and its scenarios per item and in total, every
difference written with its sign, in Chinese and in English (read back with pdftotext)."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from desktop.engine import Assessment, assess, validate_answers
from desktop.engine.comparison import Comparison, compare, signed
from desktop.policy.model import Lang
from desktop.report.comparison import comparison_bytes
from tests.report.cases import example, example_answers, pack

NEW_LINE = "若 2026 年购置新生产线"
NO_AEO = "改投小微企业类产品、未取得 AEO"
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff01-\uff5e]")


def scenario(changes: dict[str, object]) -> Assessment:
    base = example("lighting-exporter")
    answers, problems = validate_answers(pack(), {**example_answers("lighting-exporter"), **changes})
    assert problems == []
    return assess(pack(), answers, assessed_on=base.assessed_on, enterprise=base.enterprise)


@cache
def lighting_comparison(count: int = 2) -> tuple[Comparison, Assessment]:
    base = example("lighting-exporter")
    scenarios = [
        (NEW_LINE, {"equipment_purchase_total": "20000000"}),
        (NO_AEO, {"credit_insurance_product": "small_micro", "aeo_first_certified": False}),
        ("设备购置减少", {"equipment_purchase_total": "2000000"}),
        ("数字化重点企业", {"digital_key_enterprise": True}),
        ("第五个方案", {"digital_level": 2}),
    ][:count]
    results = [base, *(scenario(changes) for _, changes in scenarios)]
    return compare(["基础评估", *(name for name, _ in scenarios)], results), base


def text_of(pdf: bytes, tmp_path: Path, *, layout: bool = False) -> str:
    path = tmp_path / "comparison.pdf"
    path.write_bytes(pdf)
    args = ["pdftotext", *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pages(pdf: bytes, tmp_path: Path) -> tuple[int, float, float]:
    path = tmp_path / "info.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    count = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())  # type: ignore[union-attr]
    return count, width, height


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("count", [1, 4])
def test_the_comparison_is_one_landscape_page(lang: Lang, count: int, tmp_path: Path) -> None:
    comparison, base = lighting_comparison(count)
    number, width, height = pages(comparison_bytes(comparison, base, lang, finalised="2025-12-01"), tmp_path)
    assert number == 1
    assert width > height


def test_each_item_and_the_total_show_every_figure_and_signed_difference(tmp_path: Path) -> None:
    comparison, base = lighting_comparison(2)
    text = flat(text_of(comparison_bytes(comparison, base, "zh"), tmp_path))
    assert "方案对比" in text
    assert flat(base.enterprise.name) in text and NEW_LINE.replace(" ", "") in text
    assert "基础评估（草稿）" in text
    for row in comparison.rows:
        assert flat(row.title.zh) in text
        for column in (1, 2):
            difference = row.difference(column)
            if difference:
                assert f"{signed(difference)}元" in text
    assert "−150,000.00元" in text  # a loss, with a true minus sign
    for column in (1, 2):
        total = comparison.difference(column)
        assert total == sum((row.difference(column) for row in comparison.rows), Decimal(0))
        assert f"{signed(total)}元" in text
    assert "+1,800,000.00元+180.00万元" in text  # the total's difference, also in 万元
    assert "3,510,000.00元351.00万元" in text
    assert "方案是假设的情形" in text


def test_a_finalised_base_says_so_with_its_day(tmp_path: Path) -> None:
    comparison, base = lighting_comparison(1)
    assert "基础评估（已定稿2025-12-01）" in flat(
        text_of(comparison_bytes(comparison, base, "zh", finalised="2025-12-01"), tmp_path)
    )


def test_in_english_only_the_users_names_are_chinese(tmp_path: Path) -> None:
    comparison, base = lighting_comparison(2)
    text = text_of(comparison_bytes(comparison, base, "en"), tmp_path)
    assert "Scenario comparison" in text and "Base assessment" in text
    assert "+1,800,000.00 yuan" in text and "\u2212150,000.00 yuan" in text
    assert "+RMB 1.80 million" in text and "Not eligible" in text
    assert "Award for newly purchased" in text
    left = flat(text)
    for own in (base.enterprise.name, NEW_LINE, NO_AEO):
        left = left.replace(flat(own), "")
    assert CJK.findall(left) == []


def test_at_most_four_scenarios_are_printed_beside_the_base(tmp_path: Path) -> None:
    comparison, base = lighting_comparison(5)
    text = flat(text_of(comparison_bytes(comparison, base, "zh"), tmp_path))
    assert "数字化重点企业" in text
    assert "第五个方案" not in text


def test_names_with_markup_print_as_typed_and_the_font_is_embedded(tmp_path: Path) -> None:
    comparison, base = lighting_comparison(1)
    odd = replace(comparison, names=("基础评估", "A&B <b>方案</b> & 100%"))
    pdf = comparison_bytes(odd, base, "zh")
    assert "A&B<b>方案</b>&100%" in flat(text_of(pdf, tmp_path))
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    lines = fonts.splitlines()[2:]
    assert lines and all("NotoSansSC" in line and " yes " in line for line in lines)


def test_the_same_comparison_gives_the_same_bytes() -> None:
    comparison, base = lighting_comparison(2)
    assert comparison_bytes(comparison, base, "zh") == comparison_bytes(comparison, base, "zh")
