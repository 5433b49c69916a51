"""Optimistic concurrency (issue 14): two copies of the program, or two staff on the shared server, editing one
assessment. Every save is based on the version it started from; a save over a newer one is refused and says what
is stored now, so nothing is silently reverted. SQLite, and PostgreSQL when TEST_DATABASE_URL is set."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.engine import AnswersFile, Enterprise, answers_file_to_data
from desktop.engine.answers import read_answers_file
from desktop.store import Store, open_store
from desktop.store.errors import ConflictError
from desktop.store.packs import resolver
from desktop.store.records import StoredAssessment
from tests.conftest import EXAMPLES, raises_saying, words_of

DAY = dt.date(2025, 10, 20)


@pytest.fixture
def second(database_url: str, store: Store) -> Iterator[Store]:
    """Another copy of the program (or another clerk) on the same database."""
    other = open_store(database_url)
    yield other
    other.close()


def lighting(store: Store) -> AnswersFile:
    answers_file, _ = read_answers_file(EXAMPLES / "lighting-exporter.json", resolver(store.registry))
    return answers_file


def edited(answers_file: AnswersFile, **answers: object) -> AnswersFile:
    return answers_file.with_answers({**answers_file.answers, **answers})


def opened_twice(store: Store, second: Store) -> tuple[int, AnswersFile]:
    answers_file = lighting(store)
    pack = store.registry.get("zhongshan-2025")
    _, assessment_id, _ = store.new_for_enterprise(answers_file.enterprise, pack, assessed_on=DAY)
    store.save_draft(assessment_id, answers_file)
    store.open(assessment_id)
    second.open(assessment_id)
    return assessment_id, answers_file


def test_the_second_save_over_a_newer_version_is_refused_and_the_first_kept(store: Store, second: Store) -> None:
    """Both once reported 已保存, and the first one's answers were reverted by the second's stale session."""
    assessment_id, base = opened_twice(store, second)
    store.save_draft(assessment_id, edited(base, credit_insurance_premium=Decimal("900000")))
    with pytest.raises(ConflictError) as refused:
        second.save_draft(assessment_id, edited(base, equipment_purchase_total=Decimal("1")))
    theirs = refused.value.theirs
    assert isinstance(theirs, StoredAssessment)
    assert theirs.answers["credit_insurance_premium"] == "900000.00"
    assert "已在别处" in words_of(refused.value)
    stored = store.get(assessment_id)
    assert stored.answers["credit_insurance_premium"] == "900000.00"
    assert stored.answers["equipment_purchase_total"] == "8000000.00"  # the refused save wrote nothing


def test_each_save_moves_the_version_on_and_the_same_copy_keeps_saving(store: Store, second: Store) -> None:
    assessment_id, base = opened_twice(store, second)
    before = store.get(assessment_id).version
    first = store.save_draft(assessment_id, edited(base, digital_level=2))
    again = store.save_draft(assessment_id, edited(base, digital_level=3))
    assert (first.version, again.version) == (before + 1, before + 2)
    second.open(assessment_id)  # after a reload the other copy saves on the newest version
    assert second.save_draft(assessment_id, edited(base, digital_level=4)).version == before + 3


def test_a_save_names_the_version_it_was_based_on(store: Store, second: Store) -> None:
    assessment_id, base = opened_twice(store, second)
    version = store.get(assessment_id).version
    store.save_draft(assessment_id, base, expected_version=version)
    with pytest.raises(ConflictError):
        store.save_draft(assessment_id, base, expected_version=version)


def test_a_write_landing_between_the_check_and_the_update_is_refused_too(
    store: Store, second: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The version check and the write are one statement (`UPDATE … WHERE version = read`): a save committed
    elsewhere after this store read the row still refuses this one."""
    assessment_id, base = opened_twice(store, second)
    read = second._assessment
    interleaved = {"done": False}

    def read_then_let_the_other_save(session: object, ident: int) -> object:
        record = read(session, ident)  # type: ignore[arg-type]
        if not interleaved["done"]:
            interleaved["done"] = True
            store.save_draft(assessment_id, edited(base, digital_level=5))
        return record

    monkeypatch.setattr(second, "_assessment", read_then_let_the_other_save)
    with pytest.raises(ConflictError) as refused:
        second.save_draft(assessment_id, edited(base, digital_level=1))
    assert isinstance(refused.value.theirs, StoredAssessment)
    assert store.get(assessment_id).answers["digital_level"] == 5


def test_finalising_elsewhere_refuses_the_stale_save_with_what_happened(store: Store, second: Store) -> None:
    assessment_id, base = opened_twice(store, second)
    pack = store.registry.get("zhongshan-2025")
    from desktop.engine import assess

    store.finalise(assessment_id, base, assess(pack, base.answers, assessed_on=DAY))
    with raises_saying(ConflictError, match="并已定稿"):
        second.save_draft(assessment_id, edited(base, digital_level=1))


def test_keeping_mine_as_a_copy_loses_neither_version(store: Store, second: Store) -> None:
    assessment_id, base = opened_twice(store, second)
    base_data = answers_file_to_data(base)
    theirs_file = dataclasses.replace(
        edited(base, credit_insurance_premium=Decimal("900000")),
        enterprise=dataclasses.replace(base.enterprise, phone="0760-11111111"),
    )
    store.save_draft(assessment_id, theirs_file)
    mine = dataclasses.replace(
        edited(base, equipment_purchase_total=Decimal("3000000")),
        enterprise=dataclasses.replace(base.enterprise, contact="王会计", phone="0760-22222222"),
    )
    with pytest.raises(ConflictError) as refused:
        second.save_draft(assessment_id, mine)
    copy_id = second.keep_as_copy(refused.value, mine, base_data, "我的版本")

    original, copy = second.get(assessment_id), second.get(copy_id)
    assert original.answers["credit_insurance_premium"] == "900000.00"  # theirs untouched
    assert original.answers["equipment_purchase_total"] == "8000000.00"
    assert copy.answers["equipment_purchase_total"] == "3000000.00"  # mine in full
    assert copy.answers["credit_insurance_premium"] == "1200000.00"
    assert copy.enterprise_id == original.enterprise_id and copy.status == "draft"
    # The contact only I changed is taken over; the phone we both changed keeps theirs, mine is in the label.
    assert copy.enterprise.contact == "王会计" and copy.enterprise.phone == "0760-11111111"
    assert copy.label.startswith("我的版本") and "电话：0760-22222222" in copy.label
    assert second.save_draft(copy_id, mine).version == copy.version + 1  # the copy saves on


def test_an_unopened_assessment_saves_without_a_check(store: Store, tmp_path: Path) -> None:
    """A store that never read the assessment has no version to hold it to (a first import, a script)."""
    enterprise_id = store.create_enterprise(Enterprise("甲"))
    assessment_id = store.new_assessment(enterprise_id, store.registry.get("zhongshan-2025"), assessed_on=DAY)
    store._read.clear()
    assert store.save_draft(assessment_id, lighting(store)).version == 2


# -- issue 22, point 5: firm details are versioned like assessments ----------------------------------------
def _two_assessments_of_one_firm(store: Store) -> tuple[int, int, AnswersFile]:
    answers_file = lighting(store)
    pack = store.registry.get("zhongshan-2025")
    enterprise_id, first, _ = store.new_for_enterprise(answers_file.enterprise, pack, assessed_on=DAY)
    store.save_draft(first, answers_file)
    second_id = store.new_assessment(enterprise_id, pack, assessed_on=DAY, answers_file=answers_file)
    return first, second_id, answers_file


def test_firm_details_changed_through_one_assessment_are_not_reverted_by_a_save_of_another(
    store: Store, second: Store
) -> None:
    """A renames the firm and changes its phone through assessment 1; B, who opened assessment 2 of the same
    firm earlier, edits an answer; both windows said 已保存 and the name and phone were back to the old ones."""
    first, other, base = _two_assessments_of_one_firm(store)
    later = second.open(other).answers_file  # B's window, with the firm as it was
    store.open(first)
    renamed = dataclasses.replace(base.enterprise, name="明辉灯饰（集团）有限公司", phone="0760-99999999")
    store.save_draft(first, dataclasses.replace(base, enterprise=renamed))
    second.save_draft(other, edited(later, credit_insurance_premium=Decimal("900000")))
    firm = store.get(other).enterprise
    assert (firm.name, firm.phone) == ("明辉灯饰（集团）有限公司", "0760-99999999")
    assert store.get(other).answers["credit_insurance_premium"] == "900000.00"
    # B then changes a detail A left alone: taken over, A's stay
    contact = dataclasses.replace(later.enterprise, contact="王会计")
    second.save_draft(other, dataclasses.replace(later, enterprise=contact))
    firm = store.get(first).enterprise
    assert (firm.name, firm.phone, firm.contact) == ("明辉灯饰（集团）有限公司", "0760-99999999", "王会计")


def test_the_same_firm_detail_changed_in_two_windows_is_a_conflict_not_a_revert(store: Store, second: Store) -> None:
    first, other, base = _two_assessments_of_one_firm(store)
    later = second.open(other).answers_file
    store.open(first)
    store.save_draft(first, dataclasses.replace(base, enterprise=dataclasses.replace(base.enterprise, phone="0760-1")))
    mine = dataclasses.replace(later, enterprise=dataclasses.replace(later.enterprise, phone="0760-2"))
    with pytest.raises(ConflictError) as refused:
        second.save_draft(other, mine)
    assert "电话" in words_of(refused.value)
    theirs = refused.value.theirs
    assert isinstance(theirs, StoredAssessment) and theirs.enterprise.phone == "0760-1"
    assert store.get(other).enterprise.phone == "0760-1"


# -- issue 22, point 6: ids are never reused -------------------------------------------------------------
def test_a_save_never_lands_on_another_firms_assessment_that_took_a_deleted_id(store: Store, second: Store) -> None:
    """A has assessment #3 open; B deletes #3 and imports another firm, which got #3 on SQLite; A's next save
    was accepted onto the other firm's assessment (its premium and its firm's name, phone and contact)."""
    from desktop.store.errors import UnknownRecordError

    pack = store.registry.get("zhongshan-2025")
    for name in ("甲", "乙"):
        store.new_for_enterprise(Enterprise(name), pack, assessed_on=DAY)
    mine = lighting(store)
    _, newest, _ = store.new_for_enterprise(mine.enterprise, pack, assessed_on=DAY)
    store.save_draft(newest, mine)
    store.open(newest)
    second.delete_assessment(newest)
    second.delete_enterprise(second.find_enterprise(mine.enterprise.credit_code) or 0)
    [imported] = second.import_files([EXAMPLES / "appliance-maker.json"])
    assert imported.assessment_id != newest  # the id is not handed out again
    before = second.get(imported.assessment_id or 0)
    with pytest.raises(UnknownRecordError):
        store.save_draft(newest, edited(mine, credit_insurance_premium=Decimal("1")))
    after = second.get(imported.assessment_id or 0)
    assert (after.answers, after.enterprise, after.version) == (before.answers, before.enterprise, before.version)


def test_a_save_checks_it_writes_the_record_it_read_even_under_the_same_id(store: Store, second: Store) -> None:
    """Should an id come back (a database restored from a copy, edited by hand), the save still refuses."""
    from sqlalchemy import update

    from desktop.store.errors import UnknownRecordError
    from desktop.store.models import AssessmentRecord

    assessment_id, base = opened_twice(store, second)
    with second.transaction() as session:  # another record now under this id: created anew
        session.execute(
            update(AssessmentRecord)
            .where(AssessmentRecord.id == assessment_id)
            .values(created_at=dt.datetime(2027, 1, 1, tzinfo=dt.UTC))
        )
    with raises_saying(UnknownRecordError, match="这个编号现在属于另一条记录"):
        store.save_draft(assessment_id, edited(base, credit_insurance_premium=Decimal("1")))
