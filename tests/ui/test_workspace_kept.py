"""The association's workspace is kept (issue 15, point 6; issue 14's import off the window's thread):
it survives closing and restarting, several named workspaces live side by side, and nothing imported
is dropped without a question."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.policy import bundled_registry
from desktop.store import Store
from desktop.store.workspaces import Workspaces
from desktop.ui.dialogs import RecordingSink
from desktop.ui.workspace_window import WorkspaceWindow
from desktop.workspace import members as members_module
from tests.workspace.member_files import write_members

TODAY = dt.date(2025, 12, 1)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "members"
    write_members(path, 12)
    return path


def open_window(qtbot: QtBot, store: Store | None) -> WorkspaceWindow:
    window = WorkspaceWindow(
        registry=bundled_registry(), today=lambda: TODAY, workspaces=Workspaces(store) if store else None
    )
    qtbot.addWidget(window)
    window.show()
    assert window.wait()
    return window


def watch_reads(monkeypatch: pytest.MonkeyPatch, each: Callable[[int], None]) -> None:
    """Call `each(n)` before the n-th answers file is read (in whichever thread reads it)."""
    real = members_module.read_answers_file
    count = [0]

    def reading(*args: object, **kwargs: object) -> object:
        count[0] += 1
        each(count[0])
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(members_module, "read_answers_file", reading)


def imported(window: WorkspaceWindow, paths: list[Path]) -> None:
    window.import_paths(paths)
    assert window.wait()


def test_the_workspace_survives_closing_and_restarting(qtbot: QtBot, store: Store, folder: Path) -> None:
    first = open_window(qtbot, store)
    imported(first, [folder])
    names = sorted(r.name for r in first.workspace.rows)
    totals = sorted(r.total for r in first.workspace.rows)
    first.close()

    again = open_window(qtbot, store)  # as after a restart: the same database, a new window
    assert sorted(r.name for r in again.workspace.rows) == names
    assert sorted(r.total for r in again.workspace.rows) == totals
    assert again.proxy.rowCount() == 12


def test_esc_closes_without_a_question_when_everything_is_kept(
    qtbot: QtBot, store: Store, folder: Path, message_log: RecordingSink
) -> None:
    window = open_window(qtbot, store)
    imported(window, [folder])
    asked = len(message_log.of_kind("question"))
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()
    assert len(message_log.of_kind("question")) == asked
    assert len(Workspaces(store).members(window.workspace_id or 0)) == 12


def test_without_a_database_closing_asks_before_the_firms_are_gone(
    qtbot: QtBot, folder: Path, message_log: RecordingSink
) -> None:
    window = open_window(qtbot, None)
    imported(window, [folder])
    message_log.answers.append(False)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.isVisible()
    question = message_log.of_kind("question")[-1]
    assert "12 家企业" in question.text
    message_log.answers.append(True)
    window.close()
    assert not window.isVisible()


def test_several_named_workspaces(qtbot: QtBot, store: Store, folder: Path, message_log: RecordingSink) -> None:
    window = open_window(qtbot, store)
    imported(window, [folder])
    first = window.workspace_id
    message_log.texts.append("2025 秋季培训")
    window.buttons["new"].click()
    assert window.wait()
    assert window.workspace_id != first
    assert window.proxy.rowCount() == 0
    assert window.body.currentWidget() is window.empty  # an empty workspace says what to do
    assert "导入答卷文件" in window.empty.text()
    assert window.chooser.count() == 2

    window.chooser.setCurrentIndex(window.chooser.findData(first))
    window.chooser.activated.emit(window.chooser.currentIndex())
    assert window.wait()
    assert window.proxy.rowCount() == 12


def test_importing_a_firm_again_asks_whether_to_replace_it(
    qtbot: QtBot, store: Store, folder: Path, message_log: RecordingSink
) -> None:
    window = open_window(qtbot, store)
    imported(window, [folder])
    first = {r.credit_code: r.source for r in window.workspace.rows}
    again = folder.parent / "again"
    write_members(again, 3)  # the same first three firms, from other files

    message_log.choices.append(1)  # keep the earlier data
    imported(window, [again])
    assert "3 家企业此前已导入" in message_log.of_kind("choice")[-1].text
    assert {r.credit_code: r.source for r in window.workspace.rows} == first

    message_log.choices.append(0)  # replace
    imported(window, [again])
    replaced = [r for r in window.workspace.rows if r.source.startswith(str(again))]
    assert len(replaced) == 3 and window.proxy.rowCount() == 12
    stored = Workspaces(store).members(window.workspace_id or 0)
    assert sum(1 for m in stored if m.source.startswith(str(again))) == 3


def test_import_runs_off_the_windows_thread_with_a_progress_bar(
    qtbot: QtBot, store: Store, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: set[int] = set()
    watch_reads(monkeypatch, lambda _n: threads.add(threading.get_ident()))
    window = open_window(qtbot, store)
    counted: list[int] = []
    window.progress.valueChanged.connect(counted.append)
    window.import_paths([folder])
    assert window.busy and window.progress_box.isVisible()
    assert not window.buttons["files"].isEnabled()  # one import at a time
    assert window.wait()
    assert threads and threading.get_ident() not in threads
    assert not window.progress_box.isVisible()
    assert max(counted) == 12  # the bar counted the files (then the database is written, beside the window too)


def test_cancel_stops_the_import_and_asks_about_what_was_read(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, message_log: RecordingSink
) -> None:
    many = tmp_path / "many"
    write_members(many, 60)
    read_some = threading.Event()
    count = [0]

    def each(n: int) -> None:
        count[0] = n
        if n == 5:
            read_some.set()
            while not window.job or not window.job.cancelled:  # the clerk presses 取消 about now
                threading.Event().wait(0.01)

    watch_reads(monkeypatch, each)
    window = open_window(qtbot, store)
    message_log.answers.append(True)  # keep the five read before 取消
    window.import_paths([many])
    qtbot.waitUntil(read_some.is_set)
    window.cancel_button.click()
    assert window.wait()
    assert "已读取的 5 家企业" in message_log.of_kind("question")[-1].text
    assert window.proxy.rowCount() == 5
    assert count[0] == 5  # it stopped there


def test_each_measure_counts_the_firms_of_its_services_too(qtbot: QtBot, store: Store, folder: Path) -> None:
    window = open_window(qtbot, store)
    imported(window, [folder])
    rows = {
        window.tree.topLevelItem(i).text(0): window.tree.topLevelItem(i) for i in range(window.tree.topLevelItemCount())
    }
    for measure in window.aggregate.measures:
        row = next(r for title, r in rows.items() if title.endswith(measure.title.zh))
        if measure.has_services:
            assert row.text(2) == str(measure.service_firms) and measure.service_firms > 0
            children = [row.child(c) for c in range(row.childCount())]
            assert max(int(c.text(2) or 0) for c in children) <= measure.service_firms


def test_a_workspace_opened_again_reads_what_its_members_could_unlock(qtbot: QtBot, store: Store, folder: Path) -> None:
    """The could-unlock column of the per-measure tab, read in a workspace opened from the database, is the
    sum of each member's own opportunities one condition away (issue 16)."""
    from desktop.engine.answers import parse_answers_data
    from desktop.engine.opportunities import find_opportunities

    first = open_window(qtbot, store)
    imported(first, [folder])
    first.close()
    window = open_window(qtbot, store)  # the next day: the members come from the database
    assert window.proxy.rowCount() == 12
    tree = window.tree
    titles = [tree.headerItem().toolTip(c) for c in range(tree.columnCount())]
    firms_col, amount_col = titles.index("差一项条件的企业数"), titles.index("最多可增加（元）")
    pack = bundled_registry().get("zhongshan-2025")
    expected: dict[str, tuple[int, Decimal]] = {}
    for row in window.workspace.rows:
        answers_file, _ = parse_answers_data(row.data or {}, lambda _p, _d: pack)
        for found in find_opportunities(pack, answers_file.answers, row.assessment, TODAY).can:
            if found.conditions_away == 1:
                firms, amount = expected.get(found.item_id, (0, Decimal(0)))
                expected[found.item_id] = (firms + 1, amount + found.rank)
    shown: dict[str, tuple[int, Decimal]] = {}
    for t in range(tree.topLevelItemCount()):
        measure = tree.topLevelItem(t)
        for c in range(measure.childCount()):
            item = measure.child(c)
            if item.text(firms_col):
                title = item.text(0)
                item_id = next(i.id for _, i in pack.items() if i.title.zh == title)
                shown[item_id] = (int(item.text(firms_col)), Decimal(item.text(amount_col).replace(",", "")))
    assert shown == expected and shown
