"""Answers files, strictly read and bounded (issue 14): a bad file gets one short line per problem naming the
file and the field, quickly, and never a traceback; the limits leave room for the largest real cases."""

from __future__ import annotations

import json
import os
import re
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from desktop.engine.limits import ENTERPRISE_LIMITS, MAX_ANSWERS_BYTES, MAX_TABLE_ROWS, MAX_TEXT
from tests.engine.test_cli import run, write
from tests.payloads import example, nested, with_lone_surrogate, with_premium_null


def refused(tmp_path: Path, content: Any, *fragments: str, seconds: float = 2.0) -> str:
    """Assess `content`: exit 2, no output, no traceback, every line naming the file, within `seconds`."""
    path = write(tmp_path, content)
    started = time.perf_counter()
    code, out, err = run("assess", str(path), "--pdf", str(tmp_path / "out.pdf"))
    elapsed = time.perf_counter() - started
    assert code == 2, err
    assert out == "" and "Traceback" not in err
    assert all(line.startswith("answers.json: ") for line in err.splitlines()), err
    for fragment in fragments:
        assert fragment in err, err
    assert elapsed < seconds, f"refused after {elapsed:.1f} s"
    assert not (tmp_path / "out.pdf").exists()
    return err


# -- the reproductions of the issue ---------------------------------------------------------------------------


def test_a_money_field_null_in_a_table_record_names_the_field(tmp_path: Path) -> None:
    refused(tmp_path, with_premium_null(), "answers.overseas_projects", "第 1 条：缺少 premium")


def test_json_nested_a_thousand_deep_is_refused_in_words(tmp_path: Path) -> None:
    refused(tmp_path, nested(1_000), "嵌套过深")
    refused(tmp_path, nested(100_000), "嵌套过深")


def test_a_lone_surrogate_in_a_name_names_the_field(tmp_path: Path) -> None:
    refused(tmp_path, with_lone_surrogate(), "enterprise.name", "U+D800")


def test_a_megabyte_value_gives_a_short_line(tmp_path: Path) -> None:
    data = example()
    data["answers"]["credit_insurance_product"] = "x" * 1_000_000
    err = refused(tmp_path, data, "answers.credit_insurance_product", "共 1,000,000 字")
    assert max(len(line) for line in err.splitlines()) < 300


def test_ten_thousand_bad_table_rows_are_refused_at_once(tmp_path: Path) -> None:
    data = example("appliance-maker")
    data["answers"]["ip_cases"] = [{"kind": "patent", "cost": "bad"}] * 10_000
    err = refused(tmp_path, data, "answers.ip_cases", "记录过多（10,000 条")
    assert len(err.splitlines()) == 1


def test_many_broken_rows_name_the_first_few_and_count_the_rest_on_one_short_line(tmp_path: Path) -> None:
    """Found by the fuzzing run of CI: five rows with an empty-list kind and no cost made a 430-character line."""
    data = example("appliance-maker")
    data["answers"]["ip_cases"] = [{"kind": [], "name": None, "country": None}] * 5
    for lang in ("zh", "en"):
        path = write(tmp_path, data)
        code, out, err = run("--lang", lang, "assess", str(path))
        assert code == 2 and out == ""
        line = next(line for line in err.splitlines() if "ip_cases" in line)
        assert "第 1 条" in line or "record 1" in line
        assert ("处问题未列出" in line) or ("more problems not listed" in line), line
        assert len(line) < 400, line
        if lang == "en":  # each row's part in English too; the pack's labels are given in English
            assert not re.search(r"[\u3400-\u9fff\u3000-\u303f\uff01-\uff5e]", line), line


def test_nine_hundred_thousand_rows_are_refused_before_parsing(tmp_path: Path) -> None:
    data = example("appliance-maker")
    data["answers"]["ip_cases"] = [{"kind": "patent", "cost": "1.00"}] * 900_000
    refused(tmp_path, data, "文件过大", f"最多 {MAX_ANSWERS_BYTES // (1024 * 1024)}.0 MB")


def test_a_fifty_megabyte_contact_is_refused_before_parsing(tmp_path: Path) -> None:
    data = example()
    data["enterprise"]["contact"] = "陈" * (50 * 1024 * 1024 // 3)
    refused(tmp_path, data, "文件过大")


def test_a_name_too_long_to_print_is_refused_before_the_checklist(tmp_path: Path) -> None:
    data = example()
    data["enterprise"]["name"] = "中山市" + "超长名称" * 725
    refused(tmp_path, data, "enterprise.name: 文字过长（2,903 字，最多 200 字）")


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("１２００", "全角数字"),
        ("١٢٠٠", "只能有数字和小数点"),
        ("1_200_000", "下划线"),
        ("1e5", "科学计数法"),
        ("1,200,000", "千位分隔符"),
        ("120万", "只能有数字和小数点"),
    ],
)
def test_money_in_a_file_is_ascii_digits_with_an_optional_point(tmp_path: Path, value: str, why: str) -> None:
    data = example()
    data["answers"]["credit_insurance_premium"] = value
    refused(tmp_path, data, "answers.credit_insurance_premium（2025 年实际缴纳的年度保费（元））", why)


def test_money_as_a_json_number_in_exponent_form_is_refused(tmp_path: Path) -> None:
    text = json.dumps(example(), ensure_ascii=False).replace('"1200000.00"', "1.2e6")
    refused(tmp_path, text, "answers.credit_insurance_premium", "科学计数法")


@pytest.mark.parametrize("value", ["20250618", "2025-W25-3", "2025-6-18", "２０２５-０６-１８", "2025-06-18T00:00"])
def test_dates_in_a_file_are_yyyy_mm_dd_only(tmp_path: Path, value: str) -> None:
    data = example()
    data["answers"]["aeo_certified_on"] = value
    refused(tmp_path, data, "answers.aeo_certified_on", "不是日期：应按“年-月-日”写，例如 2025-06-18")


@pytest.mark.parametrize(
    ("literal", "why"),
    [("NaN", "不支持 NaN"), ("Infinity", "不支持 Infinity"), ("9" * 4_301, "数字位数过多")],
)
def test_numbers_no_amount_can_be_name_the_field(tmp_path: Path, literal: str, why: str) -> None:
    text = json.dumps(example(), ensure_ascii=False).replace('"1200000.00"', literal)
    refused(tmp_path, text, "answers.credit_insurance_premium（2025 年实际缴纳的年度保费（元））", why)


def test_a_huge_integer_for_an_integer_question_names_the_field(tmp_path: Path) -> None:
    data = example()
    data["answers"]["digital_level"] = "HUGE"
    text = json.dumps(data, ensure_ascii=False).replace('"HUGE"', "7" * 5_000)
    refused(tmp_path, text, "answers.digital_level", "数字位数过多")


def test_a_key_twice_in_one_object_is_an_error_naming_the_key(tmp_path: Path) -> None:
    text = json.dumps(example(), ensure_ascii=False).replace(
        '"aeo_first_certified": true', '"aeo_first_certified": true, "aeo_first_certified": false'
    )
    refused(tmp_path, text, "“aeo_first_certified”", "出现了两次")


@pytest.mark.parametrize(
    ("where", "value", "named"),
    [
        ("contact", "\x1b]0;pwned\x07\x1b[2J陈", "enterprise.contact"),
        ("export_class", "\x1b[31mred\x9b", "answers.export_class"),
        ("key", True, "answers.\\x1b[1mbold"),
    ],
)
def test_control_characters_from_the_input_are_never_echoed_raw(
    tmp_path: Path, where: str, value: object, named: str
) -> None:
    data = example()
    if where == "contact":
        data["enterprise"]["contact"] = value
    elif where == "key":
        data["answers"]["\x1b[1mbold"] = value
    else:
        data["answers"][where] = value
    err = refused(tmp_path, data, named)
    assert "\x1b" not in err and "\x9b" not in err and "\x07" not in err


def test_a_fifo_named_like_an_answers_file_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "answers.json"
    os.mkfifo(fifo)
    result: list[tuple[int, str, str]] = []
    worker = threading.Thread(target=lambda: result.append(run("assess", str(fifo))), daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert result, "assess waited on the FIFO"
    code, _, err = result[0]
    assert code == 2 and "不是普通文件" in err


# -- generous for real use --------------------------------------------------------------------------------------


def test_the_largest_real_cases_are_accepted_and_printed(tmp_path: Path) -> None:
    data = example("appliance-maker")
    data["enterprise"]["name"] = "中山市" + "长" * (ENTERPRISE_LIMITS["name"] - 7) + "有限公司"
    data["enterprise"]["contact"] = "陈" * ENTERPRISE_LIMITS["contact"]
    data["answers"]["ip_cases"] = [
        {"kind": "patent", "cost": f"{10_000 + n}.00", "region": "美国加利福尼亚州" * 6} for n in range(200)
    ]
    path = write(tmp_path, data)
    code, _, err = run("assess", str(path), "--pdf", str(tmp_path / "out.pdf"))
    assert code == 0, err
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF")


def test_the_limits_are_far_above_the_examples() -> None:
    assert MAX_TABLE_ROWS >= 5 * 200
    assert MAX_TEXT >= 500
    for name in ("lighting-exporter", "appliance-maker", "small-trader"):
        data = example(name)
        assert len(json.dumps(data, ensure_ascii=False).encode()) * 100 < MAX_ANSWERS_BYTES
        assert all(len(v) * 2 <= ENTERPRISE_LIMITS[k] for k, v in data["enterprise"].items())
