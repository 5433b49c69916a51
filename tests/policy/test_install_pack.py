"""Adding a policy pack at runtime: validated first, never replacing anything on error, old assessments kept."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.engine import assess, assessment_from_data, assessment_to_data
from desktop.paths import user_packs_dir
from desktop.policy import PackError, bundled_registry, load_pack
from desktop.policy.registry import (
    PackInstallError,
    PackRegistry,
    bundled_folder,
    install_pack,
    known_registry,
    pack_source,
)
from desktop.wording.problems import words

BUNDLED = bundled_folder() / "zhongshan-2025.toml"
ANSWERS = {"credit_insurance_product": "general", "credit_insurance_premium": Decimal("2000000")}
DAY = dt.date(2025, 11, 30)


def modified_pack(tmp_path: Path, version: str = "2025.4", cap: str = "400000") -> Path:
    """The 2025 pack with a new version and a different credit-insurance cap."""
    text = BUNDLED.read_text(encoding="utf-8")
    text = text.replace('version = "2025.3"', f'version = "{version}"', 1)
    old_rule = 'rule = { rate = "0.30", of = "credit_insurance_premium", cap = "500000" }'
    assert old_rule in text
    text = text.replace(old_rule, old_rule.replace('"500000"', f'"{cap}"'))
    path = tmp_path / f"zhongshan-{version}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_modified_pack_gives_the_new_amount_and_leaves_earlier_assessments_as_they_were(tmp_path: Path) -> None:
    before = known_registry().get("zhongshan-2025")
    earlier = assess(before, ANSWERS, assessed_on=DAY)
    stored = json.dumps(assessment_to_data(earlier, None), ensure_ascii=False)
    assert earlier.item("credit_insurance").amount == Decimal("500000")

    installed = install_pack(modified_pack(tmp_path))

    assert (installed.id, installed.version) == ("zhongshan-2025", "2025.4")
    assert pack_source(installed) == "user"
    assert Path(installed.path).parent == user_packs_dir()
    now = known_registry().get("zhongshan-2025")
    assert now.version == "2025.4" and now.hash == installed.hash
    later = assess(now, ANSWERS, assessed_on=DAY)
    assert later.item("credit_insurance").amount == Decimal("400000")
    assert later.item("credit_insurance").cap == Decimal("400000")
    assert later.pack_version == "2025.4"

    reread = assessment_from_data(json.loads(stored))
    assert reread == earlier
    assert reread.item("credit_insurance").amount == Decimal("500000")
    assert (reread.pack_version, reread.pack_hash) == ("2025.3", before.hash)
    # The old version stays available by number, so an old assessment can be recomputed as it was.
    assert known_registry().get("zhongshan-2025", "2025.3").hash == before.hash


def broken_pack(tmp_path: Path) -> Path:
    text = BUNDLED.read_text(encoding="utf-8").replace('version = "2025.3"', 'version = "2025.9"', 1)
    text = text.replace(
        'rate = "0.30", of = "credit_insurance_premium"', 'rate = "30", of = "credit_insurance_premium"'
    )  # a percentage, not a rate
    text = text.replace('of = "equipment_purchase_total"', 'of = "equipment_total"')  # no such question
    text = text.replace('title = "加大出口信用保险惠企额度"\n', "")  # a measure without its title
    path = tmp_path / "broken.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_broken_pack_is_refused_with_all_its_errors_and_replaces_nothing(tmp_path: Path) -> None:
    before = known_registry()
    with pytest.raises(PackError) as caught:
        install_pack(broken_pack(tmp_path))
    problems = words(caught.value.problems)
    assert len(problems) == 3
    assert any("rate" in p and "0 到 1" in p for p in problems)
    assert any("equipment_total" in p for p in problems)
    assert any("（credit_insurance）.title" in p and "缺少此字段" in p for p in problems)
    assert not user_packs_dir().exists() or list(user_packs_dir().iterdir()) == []
    after = known_registry()
    assert [(p.id, p.version, p.hash) for p in after.all()] == [(p.id, p.version, p.hash) for p in before.all()]


def test_a_file_that_is_not_toml_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.toml"
    path.write_text("这不是政策包 = = =", encoding="utf-8")
    with pytest.raises(PackError) as caught:
        install_pack(path)
    assert "TOML 语法错误" in words(caught.value.problems)[0]
    assert not user_packs_dir().exists()


def test_a_changed_pack_under_a_known_version_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PackInstallError) as caught:
        install_pack(modified_pack(tmp_path, version="2025.3"))
    assert "程序自带" in words(caught.value.problems)[0]
    assert "新的 version" in words(caught.value.problems)[0]
    assert not user_packs_dir().exists()

    install_pack(modified_pack(tmp_path, version="2025.4", cap="450000"))
    other = tmp_path / "other"
    other.mkdir()
    with pytest.raises(PackInstallError) as again:
        install_pack(modified_pack(other, "2025.4", "1"))
    assert "已添加" in words(again.value.problems)[0]
    assert known_registry().get("zhongshan-2025", "2025.4").measures  # the first one is still there, unchanged
    kept = load_pack(user_packs_dir() / "zhongshan-2025-2025.4.toml")
    assert "450000" in Path(kept.path).read_text(encoding="utf-8")


def test_adding_the_same_file_twice_is_harmless(tmp_path: Path) -> None:
    path = modified_pack(tmp_path)
    first = install_pack(path)
    second = install_pack(path)
    assert first.hash == second.hash
    assert len(list(user_packs_dir().glob("*.toml"))) == 1
    assert install_pack(BUNDLED).hash == bundled_registry().get("zhongshan-2025", "2025.3").hash
    assert len(list(user_packs_dir().glob("*.toml"))) == 1


def test_install_checks_against_the_packs_on_disk_whatever_registry_it_is_given(tmp_path: Path) -> None:
    with pytest.raises(PackInstallError):
        install_pack(modified_pack(tmp_path, version="2025.3"), PackRegistry())
    assert not user_packs_dir().exists()


def test_a_broken_file_in_the_user_folder_is_reported_not_fatal(tmp_path: Path) -> None:
    user_packs_dir().mkdir(parents=True)
    (user_packs_dir() / "half.toml").write_text("[pack]\nid = 'x'\n", encoding="utf-8")
    registry = known_registry()
    assert registry.get("zhongshan-2025").version == "2025.3"
    assert registry.errors and registry.errors[0].source == "half.toml"
