"""The repository, as the window and the command line use it (SQLite, and PostgreSQL when configured)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.engine import AnswersFile, Enterprise, assess, assessment_to_data, read_answers_file
from desktop.policy import Pack, PackRegistry
from desktop.store import AssessmentFinalError, DuplicateCreditCodeError, Store, StoreError
from desktop.store.packs import resolver
from desktop.wording.problems import word, words
from tests.conftest import EXAMPLES, raises_saying, words_of

LIGHTING_CODE = "91442000MA4W8N3K2K"
TRADER_CODE = "92442000MA52TR8H1U"
DAY = dt.date(2025, 10, 20)


def example(store: Store, name: str) -> AnswersFile:
    answers_file, _ = read_answers_file(EXAMPLES / f"{name}.json", resolver(store.registry))
    return answers_file


def draft_of(store: Store, pack: Pack, name: str = "lighting-exporter") -> tuple[int, AnswersFile]:
    answers_file = example(store, name)
    _, assessment_id, _ = store.new_for_enterprise(answers_file.enterprise, pack, assessed_on=answers_file.assessed_on)
    store.save_draft(assessment_id, answers_file, assess(pack, answers_file.answers, assessed_on=DAY))
    return assessment_id, answers_file


def test_an_enterprise_is_stored_and_read_back(store: Store) -> None:
    enterprise = Enterprise("中山市某某灯饰有限公司", LIGHTING_CODE, "古镇镇", "李先生", "0760-1234")
    enterprise_id = store.create_enterprise(enterprise, notes="协会会员")
    stored = store.get_enterprise(enterprise_id)
    assert stored.enterprise == enterprise
    assert stored.notes == "协会会员"
    assert stored.created_at.tzinfo is not None


def test_a_credit_code_belongs_to_one_enterprise_only(store: Store) -> None:
    first = store.create_enterprise(Enterprise("甲公司", LIGHTING_CODE))
    with pytest.raises(DuplicateCreditCodeError) as raised:
        store.create_enterprise(Enterprise("乙公司", LIGHTING_CODE.lower()))
    assert raised.value.existing_id == first
    assert "甲公司" in words_of(raised.value)


def test_a_training_example_and_a_real_firm_never_share_a_record(store: Store) -> None:
    """文件 → 培训示例 imports into a training firm of its own, whatever real firm has the same code; a second
    opening of the example goes to the same training firm, and typing the code there warns of no real firm."""
    real = store.create_enterprise(Enterprise("中山市真实灯饰有限公司", LIGHTING_CODE, "古镇镇", "王会计", "0760-1"))
    path = EXAMPLES / "lighting-exporter.json"
    [first] = store.import_files([path], training=True)
    [second] = store.import_files([path], training=True)
    assert first.training and not first.matched_enterprise and second.matched_enterprise
    assert first.enterprise_id == second.enterprise_id != real
    assert store.get_enterprise(real).enterprise == Enterprise(
        "中山市真实灯饰有限公司", LIGHTING_CODE, "古镇镇", "王会计", "0760-1"
    )
    listed = {e.id: e for e in store.listing()}
    assert listed[real].training is False and len(listed[real].assessments) == 0
    assert listed[first.enterprise_id].training is True
    assert listed[first.enterprise_id].assessments[0].label == "培训示例：lighting-exporter"
    assert store.find_enterprise(LIGHTING_CODE) == real
    assert store.find_enterprise(LIGHTING_CODE, training=True) == first.enterprise_id
    assert first.assessment_id is not None
    receipt = store.save_draft(first.assessment_id, example(store, "lighting-exporter"))
    assert receipt.warnings == ()  # the real firm's code is no other training firm's


def test_enterprises_without_a_credit_code_may_be_many(store: Store) -> None:
    store.create_enterprise(Enterprise("甲"))
    store.create_enterprise(Enterprise("乙"))
    assert {e.name for e in store.listing()} == {"甲", "乙"}
    assert all(e.credit_code == "" for e in store.listing())


HOSTILE_NAMES = [
    'O\'Brien "双引号" 公司',
    "<b>标签</b> & 符号 &amp;",
    "表情 🏭🚢📦 企业",
    "生僻字 𠀀𪚥𰻞𠮷 有限公司",
    "长" * 200,
    "'); DROP TABLE enterprise; --",
    "50% 折扣_公司\\反斜杠",
    "tab\tand\nnewline",
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_any_name_is_kept_exactly_and_never_runs_as_sql(store: Store, name: str) -> None:
    enterprise_id = store.create_enterprise(Enterprise(name, town=name, contact=name, phone=name), notes=name)
    stored = store.get_enterprise(enterprise_id)
    assert stored.enterprise == Enterprise(name, "", name, name, name)
    assert stored.notes == name
    assert [e.id for e in store.listing(name)] == [enterprise_id]
    assert store.counts() == (1, 0)


def test_search_matches_part_of_the_name_or_the_credit_code(store: Store) -> None:
    lights = store.create_enterprise(Enterprise("古镇明辉灯饰", LIGHTING_CODE))
    trader = store.create_enterprise(Enterprise("石岐小帆贸易", TRADER_CODE))
    assert [e.id for e in store.listing("灯饰")] == [lights]
    assert [e.id for e in store.listing("ma52tr")] == [trader]
    assert [e.id for e in store.listing("  9144 2000 ")] == [lights]
    assert {e.id for e in store.listing("")} == {lights, trader}
    assert store.listing("不存在的企业") == []


def test_search_wildcards_are_taken_literally(store: Store) -> None:
    store.create_enterprise(Enterprise("百分之百公司"))
    percent = store.create_enterprise(Enterprise("100% 公司"))
    assert [e.id for e in store.listing("%")] == [percent]
    assert store.listing("_") == []


def test_the_listing_shows_each_enterprise_with_its_assessments_newest_first(store: Store, pack: Pack) -> None:
    first, answers_file = draft_of(store, pack)
    second = store.duplicate(first)
    store.save_draft(second, answers_file)
    empty = store.create_enterprise(Enterprise("还没有评估的企业"))
    listing = {e.id: e for e in store.listing()}
    lights = next(e for e in listing.values() if e.credit_code == LIGHTING_CODE)
    assert [a.id for a in lights.assessments] == [second, first]
    assert lights.assessments[1].total == Decimal("1710000.00")
    assert lights.assessments[1].status == "draft"
    assert listing[empty].assessments == ()


def test_a_saved_draft_reopens_with_the_same_typed_answers(store: Store, pack: Pack) -> None:
    assessment_id, answers_file = draft_of(store, pack)
    opened = store.open(assessment_id)
    assert opened.answers_file == answers_file
    assert opened.pack.hash == pack.hash
    assert opened.problems == ()
    assert not opened.pack_changed
    assert not opened.is_final
    assert opened.snapshot is None  # a draft is recomputed from its answers, not read from a snapshot


def test_autosave_writes_enterprise_details_typed_in_the_questionnaire(store: Store, pack: Pack) -> None:
    enterprise_id, assessment_id, _ = store.new_for_enterprise(Enterprise(), pack)
    typed = Enterprise("新企业 <&>", TRADER_CODE, "小榄镇", "王", "13800000000")
    receipt = store.save_draft(assessment_id, AnswersFile(typed, {"export_class": "class1"}, pack.id, DAY))
    assert receipt.warnings == ()
    assert store.get_enterprise(enterprise_id).enterprise == typed
    assert store.get(assessment_id).answers == {"export_class": "class1"}
    assert store.get(assessment_id).assessed_on == DAY


def test_autosave_keeps_the_answers_but_not_a_credit_code_another_enterprise_has(store: Store, pack: Pack) -> None:
    store.create_enterprise(Enterprise("已登记企业", TRADER_CODE))
    enterprise_id, assessment_id, _ = store.new_for_enterprise(Enterprise("新企业"), pack)
    receipt = store.save_draft(assessment_id, AnswersFile(Enterprise("新企业", TRADER_CODE), {"tech_transfer": True}))
    assert "已登记企业" in word(receipt.warnings[0])
    assert store.get_enterprise(enterprise_id).enterprise.credit_code == ""
    assert store.get(assessment_id).answers == {"tech_transfer": True}


def test_a_finalised_assessment_keeps_its_result_when_a_new_pack_is_installed(store: Store, pack: Pack) -> None:
    assessment_id, answers_file = draft_of(store, pack)
    result = assess(pack, answers_file.answers, assessed_on=DAY)
    store.finalise(assessment_id, answers_file, result)

    newer = dataclasses.replace(pack, version="2026.1", hash="f" * 64)
    store.registry = PackRegistry([newer])
    opened = store.open(assessment_id)
    assert opened.is_final
    assert opened.pack_changed
    assert opened.pack.version == "2026.1"
    assert any("2025.3" in p for p in words(opened.problems))
    assert opened.snapshot is not None
    assert assessment_to_data(opened.snapshot, None) == assessment_to_data(result, None)

    with pytest.raises(AssessmentFinalError):
        store.save_draft(assessment_id, answers_file)

    recomputed = assess(newer, answers_file.answers, assessed_on=DAY)
    store.recompute(assessment_id, recomputed)
    assert store.get(assessment_id).pack_version == "2026.1"
    assert store.open(assessment_id).is_final


def test_reopening_a_finalised_assessment_makes_it_editable(store: Store, pack: Pack) -> None:
    assessment_id, answers_file = draft_of(store, pack)
    store.finalise(assessment_id, answers_file, assess(pack, answers_file.answers, assessed_on=DAY))
    store.reopen(assessment_id)
    store.save_draft(assessment_id, answers_file.with_answers({}))
    assert store.get(assessment_id).status == "draft"
    assert store.get(assessment_id).answers == {}


def test_a_duplicate_starts_a_new_draft_and_leaves_the_original_alone(store: Store, pack: Pack) -> None:
    original, answers_file = draft_of(store, pack)
    store.finalise(original, answers_file, assess(pack, answers_file.answers, assessed_on=DAY))
    copy = store.duplicate(original, label="2026 年度")
    store.save_draft(copy, answers_file.with_answers({"tech_transfer": True}))
    assert store.get(copy).status == "draft"
    assert store.get(copy).label == "2026 年度"
    assert store.get(copy).enterprise_id == store.get(original).enterprise_id
    assert store.get(original).answers == store.open(original).stored.answers
    assert store.open(original).answers_file.answers == answers_file.answers


def test_deleting_an_enterprise_deletes_its_assessments(store: Store, pack: Pack) -> None:
    assessment_id, _ = draft_of(store, pack)
    other, _ = draft_of(store, pack, "small-trader")
    store.delete_enterprise(store.get(assessment_id).enterprise_id)
    assert store.counts() == (1, 1)
    store.delete_assessment(other)
    assert store.counts() == (1, 0)


def test_export_writes_the_answers_file_format_and_import_reads_it_back(
    store: Store, pack: Pack, tmp_path: Path
) -> None:
    assessment_id, answers_file = draft_of(store, pack)
    out = tmp_path / "导出 “明辉”.json"
    store.export_answers(assessment_id, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "zs-trade-assessment/1"
    assert data["enterprise"]["credit_code"] == LIGHTING_CODE

    [outcome] = store.import_files([out])
    assert outcome.ok and outcome.matched_enterprise
    assert outcome.enterprise_id == store.get(assessment_id).enterprise_id
    assert store.open(outcome.assessment_id or 0).answers_file.answers == answers_file.answers
    assert store.counts() == (1, 2)


def test_importing_several_files_reports_problems_per_file(store: Store, tmp_path: Path) -> None:
    broken = tmp_path / "坏文件.json"
    broken.write_text('{"answers": {"export_clas": "class1"}}', encoding="utf-8")
    not_json = tmp_path / "不是JSON.json"
    not_json.write_text("<<<", encoding="utf-8")
    outcomes = store.import_files(
        [EXAMPLES / "lighting-exporter.json", broken, not_json, EXAMPLES / "lighting-exporter.json"]
    )
    assert [o.ok for o in outcomes] == [True, False, False, True]
    assert word(outcomes[1].problems[0]).startswith("坏文件.json: ")
    assert "export_class" in word(outcomes[1].problems[0])  # the nearest known question is suggested
    assert word(outcomes[2].problems[0]).startswith("不是JSON.json: ")
    assert not outcomes[0].matched_enterprise and outcomes[3].matched_enterprise
    assert store.counts() == (1, 2)


def test_export_to_an_unwritable_place_says_which_file(store: Store, pack: Pack, tmp_path: Path) -> None:
    assessment_id, _ = draft_of(store, pack)
    target = tmp_path / "no such folder" / "x.json"
    with raises_saying(StoreError, match=r"x\.json"):
        store.export_answers(assessment_id, target)


def test_a_nul_character_is_dropped_rather_than_failing_every_save(store: Store, pack: Pack) -> None:
    enterprise_id, assessment_id, _ = store.new_for_enterprise(Enterprise("甲\x00公司"), pack)
    assert store.get_enterprise(enterprise_id).enterprise.name == "甲公司"
    store.save_draft(assessment_id, AnswersFile(Enterprise("乙\x00公司", contact="\x00王")))
    assert store.get_enterprise(enterprise_id).enterprise == Enterprise("乙公司", contact="王")


def test_the_draft_edited_last_is_the_one_to_reopen_after_a_crash(store: Store, pack: Pack) -> None:
    assert store.most_recent_draft() is None
    first, answers_file = draft_of(store, pack)
    second, _ = draft_of(store, pack, "small-trader")
    assert store.most_recent_draft() == second
    store.save_draft(first, answers_file)
    assert store.most_recent_draft() == first
    store.finalise(first, answers_file, assess(pack, answers_file.answers, assessed_on=DAY))
    assert store.most_recent_draft() == second


def test_answers_a_newer_pack_cannot_load_survive_the_next_save(store: Store, pack: Pack) -> None:
    assessment_id, _ = draft_of(store, pack)
    stored = store.get(assessment_id)
    newer = dataclasses.replace(
        pack,
        version="2026.1",
        hash="e" * 64,
        questions=tuple(q for q in pack.questions if q.id != "export_class"),
    )
    store.registry = PackRegistry([newer])
    opened = store.open(assessment_id)
    assert "export_class" not in opened.answers_file.answers
    assert any("export_class" in p for p in words(opened.problems))

    store.save_draft(
        assessment_id, opened.answers_file.with_answers({**opened.answers_file.answers, "tech_transfer": True})
    )
    saved = store.get(assessment_id).answers
    assert saved["export_class"] == stored.answers["export_class"]  # kept, still reported at the next open
    assert saved["tech_transfer"] is True


@pytest.mark.parametrize("installed", ["same pack", "only a newer pack"])
def test_an_answer_cleared_in_the_questionnaire_is_cleared_in_the_database(
    store: Store, pack: Pack, installed: str
) -> None:
    assessment_id, answers_file = draft_of(store, pack)
    if installed == "only a newer pack":
        store.registry = PackRegistry([dataclasses.replace(pack, version="2026.1", hash="e" * 64)])
    remaining = {k: v for k, v in answers_file.answers.items() if k != "export_class"}
    store.save_draft(assessment_id, answers_file.with_answers(remaining))
    assert "export_class" not in store.get(assessment_id).answers


def test_the_guide_picked_for_an_assessment_is_kept_copied_and_exported(store: Store, pack: Pack) -> None:
    assessment_id, answers_file = draft_of(store, pack)
    assert store.get(assessment_id).guide_id is None  # the newest guide of the pack applies
    store.save_draft(assessment_id, dataclasses.replace(answers_file, guide="zhongshan-2025-training"))
    assert store.open(assessment_id).answers_file.guide == "zhongshan-2025-training"
    copy = store.duplicate(assessment_id)
    assert store.get(copy).guide_id == "zhongshan-2025-training"
    assert store.get(copy).answers_file_data()["guide"] == "zhongshan-2025-training"
    store.save_draft(assessment_id, answers_file)  # back to "the newest guide"
    assert store.get(assessment_id).guide_id is None
    assert "guide" not in store.get(assessment_id).answers_file_data()
