"""Autosave: what is typed reaches the database within a second, and closing never loses an answer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.engine import Enterprise
from desktop.policy import Pack
from desktop.store import Store, open_store
from desktop.ui.autosave import Autosaver
from desktop.ui.session import AssessmentSession

DAY = dt.date(2025, 11, 30)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{tmp_path / 'assessments.db'}", busy_timeout=0.2)
    yield opened
    opened.close()


@pytest.fixture
def draft(store: Store, pack: Pack) -> int:
    _, assessment_id, _ = store.new_for_enterprise(Enterprise("中山市某某有限公司"), pack, assessed_on=DAY)
    return assessment_id


@pytest.fixture
def session(store: Store, draft: int, qapp: object) -> AssessmentSession:
    opened = store.open(draft)
    edited = AssessmentSession(opened.pack, assessed_on=DAY)
    edited.load(opened.answers_file, opened.pack)
    return edited


def test_a_change_is_in_the_database_within_a_second(
    qtbot: QtBot, store: Store, draft: int, session: AssessmentSession
) -> None:
    saver = Autosaver(session, store, draft, delay_ms=300)
    session.set_answer("export_class", "class1")
    session.set_enterprise("name", "改名后的企业 & <公司> 🏭")
    with qtbot.waitSignal(saver.saved, timeout=1000) as blocker:
        pass
    saved_at = blocker.args[0] if blocker.args else None
    assert isinstance(saved_at, dt.datetime) and saved_at.tzinfo is not None
    stored = store.get(draft)
    assert stored.answers == {"export_class": "class1"}
    assert stored.enterprise.name == "改名后的企业 & <公司> 🏭"
    assert stored.total == session.result.total
    assert not saver.pending


def test_typing_without_pause_is_still_saved_within_the_delay(
    qtbot: QtBot, store: Store, draft: int, session: AssessmentSession
) -> None:
    saver = Autosaver(session, store, draft, delay_ms=200)
    saves: list[object] = []
    saver.saved.connect(saves.append)
    for n in range(12):  # a change every 50 ms for 600 ms: a restarting debounce would never fire
        session.set_enterprise("contact", f"联系人{n}")
        qtbot.wait(50)
    assert len(saves) >= 2
    assert store.get(draft).enterprise.contact.startswith("联系人")


def test_closing_flushes_what_the_timer_has_not_written_yet(
    store: Store, draft: int, session: AssessmentSession
) -> None:
    saver = Autosaver(session, store, draft, delay_ms=10_000)
    session.set_answer("tech_transfer", True)
    assert saver.pending
    assert saver.stop()
    assert store.get(draft).answers == {"tech_transfer": True}
    session.set_answer("tech_transfer", False)  # after stop: detached
    assert store.get(draft).answers == {"tech_transfer": True}


def test_a_change_that_restores_the_saved_data_writes_nothing(
    store: Store, draft: int, session: AssessmentSession
) -> None:
    saver = Autosaver(session, store, draft, delay_ms=10_000)
    before = store.get(draft).updated_at
    session.set_answer("tech_transfer", True)
    session.clear_answer("tech_transfer")
    assert saver.flush()
    assert store.get(draft).updated_at == before


def test_a_locked_database_is_reported_and_retried_without_losing_the_answer(
    qtbot: QtBot, store: Store, draft: int, session: AssessmentSession, tmp_path: Path
) -> None:
    import sqlite3

    saver = Autosaver(session, store, draft, delay_ms=50, retry_ms=100)
    failures: list[str] = []
    saver.failed.connect(failures.append)
    blocker = sqlite3.connect(tmp_path / "assessments.db", isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another writer holds the database
    session.set_answer("export_class", "class2")
    qtbot.waitUntil(lambda: bool(failures), timeout=2000)
    assert "占用" in failures[0]
    assert saver.pending
    blocker.execute("ROLLBACK")
    blocker.close()
    with qtbot.waitSignal(saver.saved, timeout=2000):
        pass
    assert store.get(draft).answers == {"export_class": "class2"}


def test_a_duplicate_credit_code_is_warned_once_and_the_answers_are_kept(
    store: Store, draft: int, session: AssessmentSession
) -> None:
    store.create_enterprise(Enterprise("已登记企业", "91442000MA4W8N3K2K"))
    saver = Autosaver(session, store, draft, delay_ms=10_000)
    warnings: list[str] = []
    saver.warned.connect(warnings.append)
    session.set_enterprise("credit_code", "91442000MA4W8N3K2K")
    saver.flush()
    session.set_answer("tech_transfer", True)
    saver.flush()
    assert len(warnings) == 1 and "已登记企业" in warnings[0]
    assert store.get(draft).answers == {"tech_transfer": True}


def test_a_finalised_assessment_is_not_retried_for_ever(
    qtbot: QtBot, store: Store, draft: int, session: AssessmentSession
) -> None:
    store.finalise(draft, session.to_answers_file(), session.result)
    saver = Autosaver(session, store, draft, delay_ms=20, retry_ms=20)
    failures: list[str] = []
    saver.failed.connect(failures.append)
    session.set_answer("tech_transfer", True)
    qtbot.wait(300)
    assert len(failures) == 1 and "定稿" in failures[0]
    assert saver.pending  # the answer is still in the session, for a copy or after reopening
