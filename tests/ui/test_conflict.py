"""The window when its assessment was saved elsewhere meanwhile (issue 14): the save is refused instead of reverting
the other side, the user sees what changed there and chooses which version to go on with; neither is lost."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.engine import Enterprise
from desktop.store import Store, open_store
from desktop.ui.dialogs import RecordingSink
from desktop.ui.main_window import MainWindow
from tests.conftest import EXAMPLES
from tests.ui.test_stored_work import close, start


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'assessments.db'}"


def opened(qtbot: QtBot, url: str) -> tuple[MainWindow, int]:
    window = start(qtbot, url)
    window.open_training_example(EXAMPLES / "lighting-exporter.json")
    assert window.document.lasting and window.document.assessment_id is not None
    return window, window.document.assessment_id


def colleague_saves(url: str, assessment_id: int, **answers: object) -> Store:
    other = open_store(url)
    answers_file = other.open(assessment_id).answers_file
    other.save_draft(assessment_id, answers_file.with_answers({**answers_file.answers, **answers}))
    return other


def type_and_save(window: MainWindow) -> None:
    assert window.document.session is not None and window.document.lasting and window.document.autosaver is not None
    window.document.session.set_answer("equipment_purchase_total", Decimal("3000000"))
    window.document.autosaver.flush()


def conflicting_edit(
    qtbot: QtBot, url: str, message_log: RecordingSink, choice: int | None
) -> tuple[MainWindow, int, Store]:
    """The window's edit of the equipment total, saved over a colleague's newer premium, the dialog answered
    with `choice`. Returns the window, the assessment and the colleague's store."""
    window, assessment_id = opened(qtbot, url)
    other = colleague_saves(url, assessment_id, credit_insurance_premium=Decimal("900000"))
    message_log.choices.append(choice)
    type_and_save(window)
    return window, assessment_id, other


def copies(store: Store) -> list[int]:
    [enterprise] = store.listing()
    return [a.id for a in enterprise.assessments if a.label.startswith("我的版本")]


def test_a_stale_save_is_refused_and_reported_never_silently_reverting_the_other(
    qtbot: QtBot, url: str, message_log: RecordingSink
) -> None:
    window, assessment_id, other = conflicting_edit(qtbot, url, message_log, 0)
    assert window.document.lasting and window.save_state.text().startswith("未能保存")
    qtbot.waitUntil(lambda: bool(message_log.of_kind("choice")))
    [asked] = message_log.of_kind("choice")
    assert "2025 年实际缴纳的年度保费（元）：1,200,000.00 元 → 900,000.00 元" in asked.text
    assert asked.text.endswith("\n载入别处的版本 | 继续编辑我的版本")
    assert other.get(assessment_id).answers["credit_insurance_premium"] == "900000.00"
    close(window)
    other.close()


def test_reloading_shows_their_version_and_keeps_mine_as_a_copy(
    qtbot: QtBot, url: str, message_log: RecordingSink
) -> None:
    window, assessment_id, other = conflicting_edit(qtbot, url, message_log, 0)  # 载入别处的版本
    qtbot.waitUntil(lambda: bool(copies(other)))
    assert window.document.lasting and window.document.session is not None
    assert window.document.assessment_id == assessment_id
    assert window.document.session.answers["credit_insurance_premium"] == Decimal("900000")
    assert window.document.session.answers["equipment_purchase_total"] == Decimal("8000000")
    [copy] = copies(other)
    assert other.get(copy).answers["equipment_purchase_total"] == "3000000.00"
    # and the window saves on from the version it reloaded
    window.document.session.set_answer("digital_level", 2)
    assert window.document.autosaver is not None and window.document.autosaver.flush()
    close(window)
    other.close()


def test_keeping_mine_goes_on_with_the_copy_and_leaves_theirs(
    qtbot: QtBot, url: str, message_log: RecordingSink
) -> None:
    window, assessment_id, other = conflicting_edit(qtbot, url, message_log, 1)  # 继续编辑我的版本
    qtbot.waitUntil(lambda: bool(copies(other)))
    [copy] = copies(other)
    assert window.document.lasting and window.document.session is not None
    qtbot.waitUntil(lambda: window.document.lasting and window.document.assessment_id == copy)
    assert window.document.session.answers["equipment_purchase_total"] == Decimal("3000000")
    assert other.get(assessment_id).answers["equipment_purchase_total"] == "8000000.00"
    assert other.get(assessment_id).answers["credit_insurance_premium"] == "900000.00"
    close(window)
    other.close()


def test_closing_with_an_edit_over_a_newer_version_keeps_the_edit_as_a_copy(
    qtbot: QtBot, url: str, message_log: RecordingSink
) -> None:
    window, assessment_id = opened(qtbot, url)
    other = colleague_saves(url, assessment_id, digital_level=2)
    assert window.document.session is not None
    window.document.session.set_answer("equipment_purchase_total", Decimal("3000000"))
    close(window)  # the last save happens on close, and finds the newer version
    [copy] = copies(other)
    assert other.get(copy).answers["equipment_purchase_total"] == "3000000.00"
    assert other.get(assessment_id).answers["digital_level"] == 2
    assert any("另存为新的草稿" in m.text for m in message_log.of_kind("information"))
    other.close()


def test_two_windows_on_one_database_no_longer_both_say_saved(qtbot: QtBot, url: str) -> None:
    """The reproduction: two instances editing one assessment both reported 已保存 and one lost its answers."""
    store = open_store(url)
    _, assessment_id, _ = store.new_for_enterprise(Enterprise("中山市某企业"), store.registry.get("zhongshan-2025"))
    store.close()
    first, second = start(qtbot, url), start(qtbot, url)
    for window in (first, second):
        assert window.document.lasting
        window.document.open(assessment_id)
    assert first.document.session is not None and second.document.session is not None
    first.document.session.set_answer("equipment_purchase_total", Decimal("1000000"))
    assert first.document.lasting and first.document.autosaver is not None and first.document.autosaver.flush()
    second.document.session.set_answer("digital_level", 3)
    assert second.document.lasting and second.document.autosaver is not None
    assert not second.document.autosaver.flush()
    assert second.save_state.text().startswith("未能保存")
    check = open_store(url)
    assert check.get(assessment_id).answers == {"equipment_purchase_total": "1000000.00"}
    check.close()
    close(first)
    close(second)
