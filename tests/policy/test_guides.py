"""Application guides: windows, channels and contacts as data, checked like a pack (issue 13)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from desktop.engine import assess, assessment_to_data, read_answers_file
from desktop.paths import user_guides_dir
from desktop.policy import Pack
from desktop.policy.guide_registry import bundled_guides_folder, install_guide, known_guides
from desktop.policy.guides import GuideError, load_guide_text
from desktop.policy.registry import PackInstallError
from desktop.wording.applying import channel_text, contact_text, window_text
from desktop.wording.problems import words
from tests.conftest import raises_saying

TODAY = dt.date(2026, 12, 1)
EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
TRAINING = bundled_guides_folder() / "zhongshan-2025-training.toml"
KNOWN = bundled_guides_folder() / "zhongshan-2025-known.toml"


def _appliance(pack: Pack, guide_id: str):  # type: ignore[no-untyped-def]
    answers_file, _ = read_answers_file(EXAMPLES / "appliance-maker.json", lambda _p, _d: pack)
    guide = known_guides().get(guide_id)
    assert guide is not None
    return assess(pack, answers_file.answers, assessed_on=TODAY, enterprise=answers_file.enterprise, guide=guide)


def test_the_bundled_guides_load_and_the_known_one_applies_by_default() -> None:
    guides = known_guides()
    assert guides.errors == []
    assert [g.id for g in guides.for_pack("zhongshan-2025")] == ["zhongshan-2025-known", "zhongshan-2025-training"]
    applying = guides.applying("zhongshan-2025")
    assert applying is not None and applying.id == "zhongshan-2025-known"
    assert guides.applying("zhongshan-2025", "zhongshan-2025-training").example  # picked by the user


def test_the_known_guide_found_no_window_and_names_its_contacts_with_where_they_were_seen(pack: Pack) -> None:
    guide = known_guides().get("zhongshan-2025-known")
    assert guide is not None and not guide.example
    assert all(not entry.window.published for entry in guide.items.values())
    commerce = guide.contacts["commerce"]
    assert (commerce.address.zh, commerce.phone) == ("中山市中山二路57号", "(0760) 89892378")
    assert all(c.seen.zh and c.source.zh for c in guide.contacts.values())
    assert guide.contacts["hotline"].phone == "12345"
    result = _appliance(pack, "zhongshan-2025-known")
    credit = result.item("credit_insurance")
    assert window_text(credit, result, TODAY) == window_text(credit, result, TODAY)
    text = window_text(credit, result, TODAY)
    # only what is known: no window in the notices at hand on the guide's date (never "not published")
    assert (
        text is not None and text.zh == "申报窗口在 2026-11-30 所掌握的申报通知中未见：请留意中山市商务局发布的申报通知"
    )
    assert text.en == (
        "Window not found in the notices we had on 2026-11-30: watch for the notice from Zhongshan Municipal "
        "Bureau of Commerce"
    )
    channel = channel_text(credit, result)
    assert channel is not None and "代企业集中申报" in channel.zh
    contact = contact_text(credit.item_guide.contact if credit.item_guide else None)
    assert contact is not None and "中山市中山二路57号" in contact.zh and "来源：" in contact.zh


def test_with_the_training_guide_windows_say_days_left_closed_or_not_found(pack: Pack) -> None:
    result = _appliance(pack, "zhongshan-2025-training")
    said = {i.id: window_text(i, result, TODAY) for i in result.items}
    credit = said["credit_insurance"]
    assert credit is not None and "还有 10 天" in credit.zh and "10 days left" in credit.en
    aeo = said["aeo"]
    assert aeo is not None and "已于 2026-09-30 截止" in aeo.zh
    equipment = said["equipment"]
    assert equipment is not None and "2027-01-05 开始（还有 35 天）" in equipment.zh
    ip = said["ip_enforcement"]
    assert ip is not None and "在 2026-11-01 所掌握的申报通知中未见" in ip.zh
    assert all(t is None or t.zh.startswith("【培训示例】") for t in said.values())  # an example, wherever it shows


def test_a_guide_gives_the_amount_the_text_left_to_the_notice(pack: Pack) -> None:
    result = _appliance(pack, "zhongshan-2025-training")
    exhibitions = result.item("exhibitions")
    assert exhibitions.status == "eligible" and exhibitions.amount == 20000
    assert any("金额依据申报指南" in s.zh for s in exhibitions.steps)
    without = _appliance(pack, "zhongshan-2025-known").item("exhibitions")
    assert without.amount is None


def test_the_guide_adds_documents_to_the_typical_list(pack: Pack) -> None:
    equipment = _appliance(pack, "zhongshan-2025-training").item("equipment")
    assert equipment.documents[-1].text.zh == "【培训示例】项目竣工验收报告"
    assert equipment.documents[-1].id == "completion_report"
    assert len(equipment.documents) == len(equipment.info.documents) + 1


def test_assess_json_carries_window_days_left_channel_and_contact(pack: Pack) -> None:
    result = _appliance(pack, "zhongshan-2025-training")
    data = assessment_to_data(result, "zh", TODAY)
    credit = {i["id"]: i for i in data["items"]}["credit_insurance"]
    assert credit["application"]["window"] == {
        "opens": "2026-11-16",
        "closes": "2026-12-11",
        "status": "open",
        "days_left": 10,
    }
    assert credit["application"]["channel"] == "insurer"
    assert credit["application"]["contact"]["phone"] == "(0760) 89892378"
    assert data["guide"]["example"] is True
    json.dumps(data, ensure_ascii=False)


def _broken(text: str, *replacements: tuple[str, str]) -> bytes:
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text.encode("utf-8")


def test_a_broken_guide_is_refused_with_every_error_named(pack: Pack) -> None:
    content = _broken(
        TRAINING.read_text(encoding="utf-8"),
        (
            "window = { opens = 2026-11-16, closes = 2026-12-11 }",
            "window = { opens = 2026-12-11, closes = 2026-11-16 }",
        ),
        (
            "window = { opens = 2026-09-01, closes = 2026-09-30 }",
            'window = { opens = "2026-09-31", closes = 2026-09-30 }',
        ),
        ('item = "equipment"', 'item = "equipment_award"'),
        ('channel = "town_office"', 'channel = "fax"'),
    )
    with pytest.raises(GuideError) as caught:
        load_guide_text(content, "g.toml", {pack.id: pack})
    problems = "\n".join(words(caught.value.problems))
    assert "g.toml: items[0]（credit_insurance）.window.closes: 截止日 2026-11-16 早于开始日 2026-12-11" in problems
    assert "g.toml: items[2]（aeo）.window.opens: 应为日期" in problems
    assert (
        "g.toml: items[3]（equipment_award）.item: 政策包 zhongshan-2025 中没有支持项目 'equipment_award'" in problems
    )
    assert "g.toml: items[4]（digital_project）.channel: 未知的取值 'fax'" in problems
    assert len(words(caught.value.problems)) == 4


def test_a_guide_for_an_unknown_pack_is_refused_and_nothing_is_installed(tmp_path: Path) -> None:
    path = tmp_path / "other.toml"
    path.write_bytes(_broken(TRAINING.read_text(encoding="utf-8"), ('pack = "zhongshan-2025"', 'pack = "foshan-2026"')))
    with raises_saying(GuideError, match="未知的政策包 'foshan-2026'"):
        install_guide(path)
    assert not user_guides_dir().exists() or list(user_guides_dir().iterdir()) == []


def test_a_guide_is_installed_beside_the_bundled_ones_and_a_changed_one_needs_a_new_id(tmp_path: Path) -> None:
    path = tmp_path / "round2.toml"
    text = TRAINING.read_text(encoding="utf-8").replace(
        'id = "zhongshan-2025-training"', 'id = "zhongshan-2025-round-2"'
    )
    path.write_text(text.replace("example = true", "example = false"), encoding="utf-8")
    installed = install_guide(path)
    assert installed.id == "zhongshan-2025-round-2"
    assert (user_guides_dir() / "zhongshan-2025-round-2.toml").exists()
    assert known_guides().applying("zhongshan-2025") is not None
    path.write_text(text.replace("2026-12-11", "2026-12-12"), encoding="utf-8")
    with raises_saying(PackInstallError, match="修订后的指南请使用新的 id"):
        install_guide(path)


def test_a_training_guide_never_applies_by_itself(tmp_path: Path) -> None:
    newer = tmp_path / "newer-example.toml"
    text = TRAINING.read_text(encoding="utf-8").replace("2026-11-01", "2026-12-31")
    newer.write_text(
        text.replace('id = "zhongshan-2025-training"', 'id = "zhongshan-2025-training-2"'), encoding="utf-8"
    )
    install_guide(newer)
    applying = known_guides().applying("zhongshan-2025")
    assert applying is not None and applying.id == "zhongshan-2025-known"


def test_known_guides_loads_every_bundled_file() -> None:
    assert sorted(p.name for p in bundled_guides_folder().glob("*.toml")) == [KNOWN.name, TRAINING.name]
