"""Checklist file names must be legal on Windows and never overwrite one another."""

from __future__ import annotations

import pytest

from desktop.filenames import MAX_STEM, MAX_STEM_BYTES, UniqueNames, checklist_stem, safe_stem


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


def test_a_long_latin_name_is_cut_to_the_length_windows_paths_allow() -> None:
    assert len(safe_stem("a" * 300)) == MAX_STEM


@pytest.mark.parametrize("char", ["长", "𠀀", "😀", "é"])
def test_a_long_name_is_cut_to_a_byte_budget_between_characters(char: str) -> None:
    """Names of 3- and 4-byte characters once made file names of 300+ bytes that no file system takes."""
    stem = safe_stem(char * 300)
    assert 0 < len(stem.encode("utf-8")) <= MAX_STEM_BYTES
    assert set(stem) == {char}  # cut between characters, none broken
    name = UniqueNames().claim(stem, ".pdf")
    assert len(name.encode("utf-8")) <= 255 and len(name.encode("utf-16-le")) // 2 <= 255


def test_a_cut_does_not_leave_a_combining_mark_or_joiner_alone() -> None:
    stem = safe_stem("e\u0301" * 80 + "👩\u200d💻" * 40)
    assert not stem.endswith(("\u200d", "\u0301"))


def test_control_characters_lone_surrogates_and_direction_overrides_do_not_reach_a_file_name() -> None:
    assert safe_stem("a\x1b[31mb\ud800c\u202efdp.exe") == "a_[31mb_c_fdp.exe"


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
