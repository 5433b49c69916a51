"""Scenarios kept with an assessment (SQLite, and PostgreSQL when configured): copies of its answers,
edited on their own; the assessment and its finalised snapshot never change because of them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from desktop.engine import AnswersFile, assess, read_answers_file, validate_answers
from desktop.policy import Pack
from desktop.store import Store, StoreError, UnknownRecordError, open_store
from desktop.store.packs import resolver
from desktop.store.scenarios import ScenarioChangedError, Scenarios
from tests.conftest import EXAMPLES, raises_saying, words_of

DAY = dt.date(2025, 11, 30)
NEW_LINE = "若 2026 年购置新生产线"


def lighting(store: Store) -> AnswersFile:
    answers_file, _ = read_answers_file(EXAMPLES / "lighting-exporter.json", resolver(store.registry))
    return answers_file


def stored_assessment(store: Store, pack: Pack, *, final: bool = False) -> int:
    answers_file = lighting(store)
    _, assessment_id, _ = store.new_for_enterprise(answers_file.enterprise, pack, assessed_on=DAY)
    result = assess(pack, answers_file.answers, assessed_on=DAY, enterprise=answers_file.enterprise)
    if final:
        store.finalise(assessment_id, answers_file, result)
    else:
        store.save_draft(assessment_id, answers_file, result)
    return assessment_id


def typed(pack: Pack, answers: dict[str, object]) -> dict[str, object]:
    values, problems = validate_answers(pack, answers)
    assert problems == []
    return values


def test_a_new_scenario_holds_a_copy_of_the_assessments_answers(store: Store, pack: Pack) -> None:
    assessment_id = stored_assessment(store, pack)
    scenarios = Scenarios(store)
    first = scenarios.create(assessment_id, NEW_LINE)
    second = scenarios.create(assessment_id, "投保一般企业类")
    assert first.answers == store.get(assessment_id).answers
    assert first.name == NEW_LINE and first.version == 1 and first.assessment_id == assessment_id
    assert [s.name for s in scenarios.of(assessment_id)] == [NEW_LINE, "投保一般企业类"]
    assert second.position > first.position


def test_editing_scenarios_never_touches_the_finalised_assessment_or_its_snapshot(store: Store, pack: Pack) -> None:
    assessment_id = stored_assessment(store, pack, final=True)
    before = store.get(assessment_id)
    assert before.is_final and before.snapshot is not None
    scenarios = Scenarios(store)

    scenario = scenarios.create(assessment_id, NEW_LINE)
    answers = typed(pack, {**scenario.answers, "equipment_purchase_total": "20000000"})
    saved = scenarios.save_answers(scenario.id, answers, pack, expected_version=scenario.version)
    scenarios.rename(saved.id, "若 2026 年购置两条新生产线")
    copied = scenarios.copy(saved.id, "再加 AEO")
    scenarios.save_answers(copied.id, {**answers, "aeo_first_certified": False}, pack, expected_version=1)
    scenarios.delete(copied.id)

    after = store.get(assessment_id)
    assert after == before  # answers, total, status, snapshot, updated_at (and version, where kept) alike
    assert store.open(assessment_id).snapshot is not None
    assert scenarios.get(saved.id).answers["equipment_purchase_total"] == "20000000.00"


def test_a_scenario_is_edited_on_its_own_and_a_copy_of_it_starts_from_its_answers(store: Store, pack: Pack) -> None:
    assessment_id = stored_assessment(store, pack)
    scenarios = Scenarios(store)
    scenario = scenarios.create(assessment_id, NEW_LINE)
    answers = typed(pack, {**scenario.answers, "equipment_purchase_total": "20000000"})
    saved = scenarios.save_answers(scenario.id, answers, pack, expected_version=1)
    assert saved.version == 2
    assert saved.answers["equipment_purchase_total"] == "20000000.00"
    assert store.get(assessment_id).answers["equipment_purchase_total"] == "8000000.00"

    copied = scenarios.copy(saved.id, "在此基础上再投保一般企业类")
    assert copied.answers == saved.answers
    assert copied.version == 1 and copied.assessment_id == assessment_id
    assert [s.id for s in scenarios.of(assessment_id)] == [saved.id, copied.id]


def test_a_save_based_on_an_older_version_is_refused_and_writes_nothing(database_url: str, pack: Pack) -> None:
    """Two copies of the program on one database: the second save over the same version is refused."""
    here, there = open_store(database_url), open_store(database_url)
    try:
        assessment_id = stored_assessment(here, pack)
        scenario = Scenarios(here).create(assessment_id, NEW_LINE)
        mine = typed(pack, {**scenario.answers, "equipment_purchase_total": "9000000"})
        theirs = typed(pack, {**scenario.answers, "equipment_purchase_total": "12000000"})
        Scenarios(there).save_answers(scenario.id, theirs, pack, expected_version=1)
        with pytest.raises(ScenarioChangedError) as refused:
            Scenarios(here).save_answers(scenario.id, mine, pack, expected_version=1)
        assert refused.value.theirs.version == 2
        assert refused.value.theirs.answers["equipment_purchase_total"] == "12000000.00"
        assert NEW_LINE in words_of(refused.value)
        assert Scenarios(here).get(scenario.id).answers["equipment_purchase_total"] == "12000000.00"
    finally:
        here.close()
        there.close()


def test_stored_answers_the_pack_cannot_load_are_kept_when_the_scenario_is_saved(store: Store, pack: Pack) -> None:
    assessment_id = stored_assessment(store, pack)
    scenarios = Scenarios(store)
    scenario = scenarios.create(assessment_id, NEW_LINE)
    with store.transaction() as session:  # as a newer pack would leave it: a question this pack does not know
        from desktop.store.models import ScenarioRecord

        record = session.get(ScenarioRecord, scenario.id)
        assert record is not None
        record.answers = {**record.answers, "question_of_a_newer_pack": True}
    loaded, problems = validate_answers(pack, scenarios.get(scenario.id).answers)
    assert len(problems) == 1
    saved = scenarios.save_answers(
        scenario.id, {**loaded, "credit_insurance_premium": Decimal(2)}, pack, expected_version=1
    )
    assert saved.answers["question_of_a_newer_pack"] is True
    assert saved.answers["credit_insurance_premium"] == "2.00"


def test_renaming_keeps_the_version_so_an_open_editor_saves_on(store: Store, pack: Pack) -> None:
    assessment_id = stored_assessment(store, pack)
    scenarios = Scenarios(store)
    scenario = scenarios.create(assessment_id, NEW_LINE)
    renamed = scenarios.rename(scenario.id, "  若 2027 年购置新生产线  ")
    assert renamed.name == "若 2027 年购置新生产线"
    assert renamed.version == scenario.version
    scenarios.save_answers(scenario.id, typed(pack, scenario.answers), pack, expected_version=scenario.version)
    with pytest.raises(StoreError):
        scenarios.rename(scenario.id, " \x00 ")
    with pytest.raises(StoreError):
        scenarios.create(assessment_id, "")


@pytest.mark.parametrize("name", ["'; DROP TABLE scenario; --", "方案\x00一", "<b>粗体</b> & 100%_"])
def test_names_are_kept_as_typed(store: Store, pack: Pack, name: str) -> None:
    assessment_id = stored_assessment(store, pack)
    scenarios = Scenarios(store)
    scenarios.create(assessment_id, name)
    assert [s.name for s in scenarios.of(assessment_id)] == [name.replace("\x00", "")]


def test_deleting_a_scenario_or_its_assessment_removes_it(store: Store, pack: Pack) -> None:
    assessment_id = stored_assessment(store, pack)
    scenarios = Scenarios(store)
    kept = scenarios.create(assessment_id, "保留")
    dropped = scenarios.create(assessment_id, "删除")
    scenarios.delete(dropped.id)
    scenarios.delete(dropped.id)  # gone already (another window): no error
    assert [s.id for s in scenarios.of(assessment_id)] == [kept.id]
    store.delete_assessment(assessment_id)
    with pytest.raises(UnknownRecordError):
        scenarios.get(kept.id)
    with pytest.raises(UnknownRecordError):
        scenarios.of(assessment_id)


def test_unknown_ids_are_reported_in_words(store: Store, pack: Pack) -> None:
    scenarios = Scenarios(store)
    with raises_saying(UnknownRecordError, match="评估 #404"):
        scenarios.create(404, NEW_LINE)
    with raises_saying(UnknownRecordError, match="方案 #405"):
        scenarios.save_answers(405, {}, pack, expected_version=1)
    with raises_saying(UnknownRecordError, match="方案 #406"):
        scenarios.copy(406, "副本")


def test_a_scenario_for_an_assessment_deleted_meanwhile_is_refused_in_words(store: Store) -> None:
    """Another user deletes the assessment between the check and the insert: the database's refusal
    (the foreign key) reaches the window as the store's sentence, not as a driver error."""
    with raises_saying(UnknownRecordError, match="评估 #77"), store.transaction() as session:
        Scenarios._add(session, 77, NEW_LINE, {})
