"""Checklist file names must be legal on Windows and never overwrite one another."""

from __future__ import annotations

import pytest

from desktop.report.filenames import MAX_STEM, UniqueNames, checklist_stem, safe_stem


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("中山市明辉灯饰有限公司", "中山市明辉灯饰有限公司"),
        ('A/B\\C:D*E?F"G<H>I|J', "A_B_C_D_E_F_G_H_I_J"),
        ("  名称\t带\n空白  ", "名称 带 空白"),
        ("结尾有点...", "结尾有点"),
        ("CON", "checklist_CON"),
        ("nul.txt", "checklist_nul.txt"),
        ("", "checklist"),
        ("...", "checklist"),
    ],
)
def test_safe_stem(given: str, expected: str) -> None:
    assert safe_stem(given) == expected


def test_a_long_name_is_cut() -> None:
    assert len(safe_stem("长" * 300)) == MAX_STEM


def test_checklist_stem_prefers_credit_code_and_name_then_the_file() -> None:
    assert checklist_stem("明辉灯饰", "91442000MA4W8N3K2K", "a") == "91442000MA4W8N3K2K-明辉灯饰"
    assert checklist_stem("明辉灯饰", "", "a") == "明辉灯饰"
    assert checklist_stem("", "", "答卷 7") == "答卷 7"


def test_unique_names_ignore_case_and_respect_reserved_names() -> None:
    names = UniqueNames(reserved=("汇总.pdf",))
    assert names.claim("汇总", ".pdf") == "汇总 (2).pdf"
    assert names.claim("Firm", ".pdf") == "Firm.pdf"
    assert names.claim("FIRM", ".pdf") == "FIRM (2).pdf"
    assert names.claim("firm", ".pdf") == "firm (3).pdf"
