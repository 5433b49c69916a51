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
from tests.conftest import EXAMPLES

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
    assert "已在别处" in refused.value.message
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
    with pytest.raises(ConflictError, match="并已定稿"):
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
    store._versions.clear()
    assert store.save_draft(assessment_id, lighting(store)).version == 2
