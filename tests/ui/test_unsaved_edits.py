"""Edits typed after a failed save are never dropped without a question (issue 22, point 7).

After 未能保存：评估 #1 不存在 (deleted elsewhere), and on a full disk ("…已填写的内容仍在窗口中"), closing asked
nothing and the edits were gone; after space was freed the stored figures were the old ones. Now the
window says so above the page, keeps trying, and on closing asks how to keep the edits.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from desktop.store import Store, open_store
from desktop.ui.dialogs import RecordingSink
from desktop.ui.main_window import MainWindow
from tests.ui.test_conflict import opened

EQUIPMENT = "equipment_purchase_total"
NEW_AS_ASSESSMENT, AS_FILE, DISCARD = 0, 1, 2


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'assessments.db'}"


@contextmanager
def full_disk(store: Store) -> Iterator[None]:
    """SQLite says the disk is full at every write, until the block ends (space freed)."""

    def refuse(*args: Any) -> None:
        if args[2].lstrip().upper().startswith(("UPDATE", "INSERT", "DELETE")):
            raise sqlite3.OperationalError("database or disk is full")

    event.listen(store.engine, "before_cursor_execute", refuse)
    try:
        yield
    finally:
        event.remove(store.engine, "before_cursor_execute", refuse)


def type_edit(window: MainWindow, value: str = "3000000") -> None:
    assert window.document.session is not None and window.document.lasting and window.document.autosaver is not None
    window.document.session.set_answer(EQUIPMENT, Decimal(value))
    window.document.autosaver.flush()


def banner(window: MainWindow) -> str:
    questionnaire = window.ensure_ready()
    return questionnaire.save_banner.full_text() if questionnaire.save_banner.isVisibleTo(window) else ""


def asked(message_log: RecordingSink) -> list[str]:
    return [m.text for m in message_log.of_kind("choice") if m.title == "修改尚未保存"]


def test_edits_after_the_assessment_was_deleted_elsewhere_are_kept_as_a_new_assessment_on_closing(
    qtbot: QtBot, url: str, message_log: RecordingSink
) -> None:
    window, assessment_id = opened(qtbot, url)
    other = open_store(url)
    other.delete_assessment(assessment_id)
    type_edit(window)
    assert f"评估 #{assessment_id} 不存在" in banner(window)  # said above the page, where the user looks
    message_log.choices.append(NEW_AS_ASSESSMENT)
    window.close()
    [question] = asked(message_log)
    assert f"评估 #{assessment_id} 不存在" in question
    assert question.endswith("另存为新的评估 | 另存为答卷文件… | 不保存，放弃这些修改")
    assert not window.isVisible()
    [enterprise] = other.listing()
    [kept] = enterprise.assessments
    assert kept.label.startswith("未能保存的修改")
    assert other.get(kept.id).answers[EQUIPMENT] == "3000000.00"
    [said] = message_log.of_kind("information")
    assert "已另存为新的评估" in said.text and "在企业列表中可以找到" in said.text
    other.close()


def test_closing_the_question_keeps_the_window_and_the_edits_and_dropping_them_is_said_in_words(
    qtbot: QtBot, url: str, message_log: RecordingSink
) -> None:
    window, assessment_id = opened(qtbot, url)
    other = open_store(url)
    other.delete_assessment(assessment_id)
    type_edit(window)
    message_log.choices.append(None)  # the question closed
    window.close()
    assert window.isVisible() and window.document.lasting
    assert window.document.session is not None and window.document.session.answers[EQUIPMENT] == Decimal("3000000")
    assert window.document.autosaver is not None and window.document.autosaver.pending
    message_log.choices.append(None)
    assert not window.work.show_home()  # 返回企业列表 asks too, and stays
    assert window.pages.currentWidget() is window.questionnaire
    message_log.choices.append(DISCARD)
    window.close()
    assert not window.isVisible()
    assert len(asked(message_log)) == 3
    other.close()


def test_on_a_full_disk_the_edits_are_saved_once_space_is_freed(
    qtbot: QtBot, url: str, message_log: RecordingSink
) -> None:
    window, assessment_id = opened(qtbot, url)
    assert window.document.lasting and window.document.autosaver is not None
    window.document.autosaver._retry_ms = 50  # the real wait is 3 s
    with full_disk(window.document.store):
        type_edit(window)
        assert "磁盘空间已满" in banner(window) and "已填写的内容仍在窗口中" in banner(window)
    qtbot.waitUntil(lambda: not banner(window), timeout=5000)  # tried again: saved
    assert window.document.store.get(assessment_id).answers[EQUIPMENT] == "3000000.00"
    window.close()
    assert asked(message_log) == []


def test_on_a_full_disk_closing_offers_an_answers_file_and_writes_the_edits_there(
    qtbot: QtBot, url: str, message_log: RecordingSink, tmp_path: Path
) -> None:
    window, _ = opened(qtbot, url)
    assert window.document.lasting
    store = window.document.store
    with full_disk(store):
        type_edit(window, "4500000")
        message_log.choices.extend([NEW_AS_ASSESSMENT, AS_FILE])  # a new assessment fails too: asked again
        message_log.files.append(tmp_path / "我的修改")
        window.close()
    assert len(asked(message_log)) == 2
    [failed] = message_log.of_kind("error")
    assert failed.title == "无法另存为新的评估" and "磁盘空间已满" in failed.text
    written = json.loads((tmp_path / "我的修改.json").read_text(encoding="utf-8"))
    assert written["answers"][EQUIPMENT] == "4500000.00"
    assert not window.isVisible()


def test_a_scenario_window_asks_too_before_dropping_edits_it_could_not_save(
    qtbot: QtBot, url: str, message_log: RecordingSink, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.ui import scenarios

    monkeypatch.setattr(scenarios, "ask_name", lambda *_args: "若购置新生产线")
    window, _ = opened(qtbot, url)
    window.copy_as_scenario()
    book = window.scenarios.book()
    assert book is not None
    [editor] = book.editors.values()
    assert window.document.lasting
    with full_disk(window.document.store):
        editor.session.set_answer(EQUIPMENT, Decimal("7000000"))
        editor.autosaver.flush()
        assert "磁盘空间已满" in editor.save_state.text()
        message_log.choices.append(None)
        editor.close()
        assert editor.isVisible()
        message_log.choices.append(0)  # no new assessment here: 另存为答卷文件… comes first
        message_log.files.append(tmp_path / "scenario.json")
        editor.close()
    assert not editor.isVisible()
    assert asked(message_log)[-1].endswith("\n另存为答卷文件… | 不保存，放弃这些修改")
    assert json.loads((tmp_path / "scenario.json").read_text(encoding="utf-8"))["answers"][EQUIPMENT] == "7000000.00"
    window.close()
