"""A database written before double funding was asked per item (issue 25): its firm-wide answer is carried over
to every item it concerned, stored in the new form at once, and the user is told once."""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop.engine import AnswersFile, Enterprise, assess, read_answers_file
from desktop.policy import Pack
from desktop.store import Store
from desktop.store.models import AssessmentRecord
from desktop.wording.problems import words
from tests.conftest import EXAMPLES

DAY = dt.date(2026, 12, 6)


def _older_draft(store: Store, pack: Pack, firm_wide: Any, *, final: bool = False) -> int:
    """The lighting exporter's draft as an earlier version stored it: one yes/no for every project."""
    answers_file, _ = read_answers_file(EXAMPLES / "lighting-exporter.json", lambda _p, _d: pack)
    enterprise_id = store.create_enterprise(Enterprise(name="中山市旧版灯饰有限公司"))
    assessment_id = store.new_assessment(enterprise_id, pack, assessed_on=DAY, answers_file=answers_file)
    if final:
        result = assess(pack, answers_file.answers, assessed_on=DAY)
        store.finalise(assessment_id, AnswersFile(answers_file.enterprise, answers_file.answers), result)
    with store.transaction() as session:
        record = session.get(AssessmentRecord, assessment_id)
        assert record is not None
        answers = {k: v for k, v in record.answers.items() if k != "other_funds_items"}
        record.answers = {**answers, "other_funds_same_project": firm_wide}
    return assessment_id


def test_a_firm_wide_yes_is_carried_over_to_every_item_stored_at_once_and_told_once(store: Store, pack: Pack) -> None:
    assessment_id = _older_draft(store, pack, True)
    opened = store.open(assessment_id)
    question = pack.question("other_funds_items")
    assert question is not None
    every = [c.value for c in question.choices]
    assert opened.problems == ()
    assert opened.answers_file.answers["other_funds_items"] == every
    (note,) = words(opened.notes)
    assert "原答卷对全部项目的一个回答（是，other_funds_same_project）已沿用到每一项" in note
    assert f"（{len(every)} 项）" in note
    stored = store.get(assessment_id).answers
    assert "other_funds_same_project" not in stored and stored["other_funds_items"] == every
    result = assess(pack, opened.answers_file.answers, assessed_on=DAY)
    assert result.total == 0 and {i.id for i in result.to_confirm()} == {
        "aeo",
        "credit_insurance",
        "equipment",
        "exhibitions",
    }
    again = store.open(assessment_id)
    assert again.notes == () and again.answers_file.answers["other_funds_items"] == every


def test_a_firm_wide_no_is_carried_over_as_none_without_a_word(store: Store, pack: Pack) -> None:
    assessment_id = _older_draft(store, pack, False)
    opened = store.open(assessment_id)
    assert opened.notes == () and opened.problems == ()
    assert opened.answers_file.answers["other_funds_items"] == []
    assert assess(pack, opened.answers_file.answers, assessed_on=DAY).total == 1_710_000


def test_a_finalised_assessment_keeps_its_frozen_result_and_is_not_rewritten(store: Store, pack: Pack) -> None:
    assessment_id = _older_draft(store, pack, True, final=True)
    opened = store.open(assessment_id)
    assert opened.notes == () and opened.snapshot is not None and opened.snapshot.total == 1_710_000
    assert store.get(assessment_id).answers["other_funds_same_project"] is True
