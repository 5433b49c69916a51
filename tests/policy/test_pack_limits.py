"""Packs checked before anything uses them (issue 14): sizes, nesting, texts, numbers, duplicate ids; the user's
packs folder reads only regular files and never lets a hand-placed pack shadow a bundled one."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.engine import assess
from desktop.paths import user_packs_dir
from desktop.policy import PackError, load_pack_text
from desktop.policy.limits import MAX_PACK_BYTES, MAX_PACK_TEXT
from desktop.policy.registry import bundled_folder, bundled_registry, known_registry, pack_source
from desktop.wording.problems import word, words
from tests.conftest import EXAMPLES, REPO
from tests.engine.test_cli import run

BUNDLED = bundled_folder() / "zhongshan-2025.toml"
ORIGINAL = BUNDLED.read_text(encoding="utf-8")
CREDIT_RULE = 'rule = { rate = "0.30", of = "credit_insurance_premium", cap = "500000" }'
AEO_RULE = 'rule = { fixed = "150000" }'
BUNDLED_VERSION = bundled_registry().get("zhongshan-2025").version


def changed(*replacements: tuple[str, str], version: str = "2025.9") -> str:
    text = ORIGINAL.replace(f'version = "{BUNDLED_VERSION}"', f'version = "{version}"', 1)
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def problems(text: str) -> list[str]:
    with pytest.raises(PackError) as caught:
        load_pack_text(text.encode("utf-8"), "p.toml")
    return words(caught.value.problems)


# -- numbers that broke the engine ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "fragment"),
    [
        (AEO_RULE.replace('"150000"', '"1e30"'), "rule.fixed: 应写成普通的小数"),
        (CREDIT_RULE.replace('"500000"', '"1e400"'), "rule.cap: 应写成普通的小数"),
        (AEO_RULE.replace('"150000"', '"1000000000000000000000000000000"'), "rule.fixed: 金额过大"),
        (AEO_RULE.replace('"150000"', '"0.001"'), "rule.fixed: 金额最多 2 位小数"),
        (CREDIT_RULE.replace('"0.30"', '"0.123456"'), "rule.rate: 比例最多 4 位小数"),
        (AEO_RULE.replace('"150000"', '"１５００００"'), "rule.fixed: 应写成普通的小数"),
        (AEO_RULE.replace('"150000"', '"150_000"'), "rule.fixed: 应写成普通的小数"),
        (AEO_RULE.replace('"150000"', '"Infinity"'), "rule.fixed: 必须是有限的数"),
    ],
)
def test_pack_numbers_the_engine_cannot_use_are_refused_naming_the_field(rule: str, fragment: str) -> None:
    old = AEO_RULE if rule.startswith("rule = { fixed") else CREDIT_RULE
    found = problems(changed((old, rule)))
    assert any(fragment in p for p in found), found


def test_pack_check_refuses_1e30_that_once_passed_and_then_broke_every_assessment(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text(changed((AEO_RULE, AEO_RULE.replace('"150000"', '"1e30"'))), encoding="utf-8")
    code, _, err = run("pack", "check", str(path))
    assert code == 2 and "items[2]（aeo）.rule.fixed" in err and "Traceback" not in err


def test_the_largest_allowed_numbers_still_assess() -> None:
    text = changed(
        (AEO_RULE, AEO_RULE.replace('"150000"', '"1000000000000"')),
        (CREDIT_RULE, CREDIT_RULE.replace('"0.30"', '"0.1234"').replace('"500000"', '"999999999999.99"')),
    )
    pack = load_pack_text(text.encode("utf-8"), "p.toml")
    answers = {"credit_insurance_product": "general", "credit_insurance_premium": Decimal("1e15")}
    result = assess(pack, answers, assessed_on=dt.date(2025, 11, 30))
    assert result.total >= Decimal("999999999999.99")


def test_duplicate_section_ids_are_refused() -> None:
    text = changed(
        ('[[sections]]\nid = "market"', '[[sections]]\nid = "market"\ntitle = "x"\n\n[[sections]]\nid = "market"')
    )
    assert any("sections[2]（market）.id: 分节编号 market 重复" in p for p in problems(text))


# -- sizes --------------------------------------------------------------------------------------------------------


def test_a_five_megabyte_disclaimer_is_refused_at_once() -> None:
    text = changed(('disclaimer = "', 'disclaimer = "' + "免责" * 850_000))
    assert len(text.encode("utf-8")) > 5_000_000
    started = time.perf_counter()
    found = problems(text)
    assert time.perf_counter() - started < 2
    assert found == [f"p.toml: 文件过大（4.9 MB），政策包文件最多 {MAX_PACK_BYTES // 1024} KB"]


def test_a_text_longer_than_the_limit_is_refused_naming_it() -> None:
    found = problems(changed(('disclaimer = "', 'disclaimer = "' + "免" * MAX_PACK_TEXT)))
    assert any("pack.disclaimer: 文字过长" in p for p in found), found


def test_a_five_thousand_digit_integer_is_refused_in_words() -> None:
    found = problems(changed(("article = 6", "article = " + "6" * 5_000)))
    assert len(found) == 1 and "位数过多" in found[0]


def test_deep_nesting_is_refused_in_words() -> None:
    for depth in (40, 100_000):
        found = problems(ORIGINAL + "\nx = " + "[" * depth + "]" * depth + "\n")
        assert len(found) == 1 and "嵌套过深" in found[0], found


# -- the user's packs folder -------------------------------------------------------------------------------------


def _user_pack(name: str, text: str) -> Path:
    folder = user_packs_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_bad_pack_in_the_folder_is_skipped_and_listed_and_assess_goes_on() -> None:
    _user_pack("digits.toml", changed(("article = 6", "article = " + "6" * 5_000), version="2026.1"))
    _user_pack("deep.toml", "x = " + "[" * 100_000 + "]" * 100_000)
    registry = known_registry()
    assert {e.source for e in registry.errors} == {"digits.toml", "deep.toml"}
    code, out, err = run("assess", str(EXAMPLES / "lighting-exporter.json"))
    assert code == 0 and "1,710,000.00" in out
    assert "digits.toml" in err and "deep.toml" in err and "Traceback" not in err


PROBE = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
from desktop.policy.registry import known_registry
registry = known_registry()
print(sorted(e.source for e in registry.errors))
print(registry.get("zhongshan-2025").version)
"""


def test_a_fifo_or_a_link_to_dev_zero_named_toml_neither_hangs_nor_fills_the_memory(isolated_data_dir: Path) -> None:
    folder = user_packs_dir()
    folder.mkdir(parents=True)
    os.mkfifo(folder / "pipe.toml")
    (folder / "zero.toml").symlink_to("/dev/zero")
    outside = isolated_data_dir.parent / "elsewhere.toml"
    outside.write_text(changed(version="2027.1"), encoding="utf-8")
    (folder / "link.toml").symlink_to(outside)
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
        env={**os.environ},
    )
    assert done.returncode == 0, done.stderr[-800:]
    assert done.stdout.splitlines() == ["['link.toml', 'pipe.toml', 'zero.toml']", BUNDLED_VERSION]
    reasons = {e.source: word(e.problems[0]) for e in known_registry().errors}
    assert "不是普通文件" in reasons["pipe.toml"]
    assert "文件夹以外的链接" in reasons["zero.toml"]
    assert "文件夹以外的链接" in reasons["link.toml"]


def test_a_hand_placed_pack_with_the_bundled_id_and_version_never_replaces_it() -> None:
    """It once replaced the bundled pack in `assess` and the window (lighting total 2,550,000, another hash)."""
    impostor = changed((CREDIT_RULE, CREDIT_RULE.replace('"0.30"', '"0.90"').replace('"500000"', '"5000000"')))
    _user_pack(
        f"zhongshan-2025-{BUNDLED_VERSION}.toml",
        impostor.replace('version = "2025.9"', f'version = "{BUNDLED_VERSION}"'),
    )
    registry = known_registry()
    pack = registry.get("zhongshan-2025", BUNDLED_VERSION)
    assert pack_source(pack) == "bundled"
    [skipped] = registry.errors
    assert "与程序自带的政策包 zhongshan-2025.toml 相同" in word(skipped.problems[0])
    code, out, err = run("assess", str(EXAMPLES / "lighting-exporter.json"), "--json")
    assert code == 0
    result = json.loads(out)
    assert result["total"] == "1710000.00" and result["policy"]["hash"] == pack.hash
    assert f"zhongshan-2025-{BUNDLED_VERSION}.toml" in err


def test_batch_and_assess_use_the_same_packs(tmp_path: Path) -> None:
    """`batch` once refused packs the user had added that `assess` accepted."""
    _user_pack("own.toml", changed(('id = "zhongshan-2025"', 'id = "own-2025"'), version="1"))
    data = json.loads((EXAMPLES / "lighting-exporter.json").read_text(encoding="utf-8"))
    data["policy"] = "own-2025"
    answers = tmp_path / "in" / "own.json"
    answers.parent.mkdir()
    answers.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert run("assess", str(answers))[0] == 0
    code, out, err = run("batch", str(answers.parent), "--out", str(tmp_path / "out"), "--jobs", "2")
    assert code == 0, err
    assert "已生成 1 份清单" in out
