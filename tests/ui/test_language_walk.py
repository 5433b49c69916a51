"""A language switch on any page leaves every menu action and button alive (issue 23, group 1).

The window with its database, as a clerk meets it: an assessment open, 语言 → English and back, then
评估 → 返回企业列表. That once did nothing (the menu's action was already deleted) and only a restart helped.
Here the language is switched on every page, then every menu action and every button of the page is used;
any exception in a slot, or a warning in Qt's log, fails the test.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui import checklist_preview
from desktop.ui.dialogs import RecordingSink
from desktop.ui.i18n import LanguageSwitcher
from desktop.ui.main_window import MainWindow
from tests.conftest import EXAMPLES

PAGES = 10
"""企业基本信息, 基本条件, six sections, 复核, 结果."""


@pytest.fixture
def stored_window(
    qtbot: QtBot, tmp_path: Path, real_switcher: LanguageSwitcher, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    monkeypatch.setattr(checklist_preview, "ask_printer", lambda _parent, _printer: False)
    window = MainWindow(database=f"sqlite:///{tmp_path / 'assessments.db'}", switcher=real_switcher)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.start()
    assert window.document.lasting
    window.work.start_page.import_files([EXAMPLES / "small-trader.json", EXAMPLES / "appliance-maker.json"])
    yield window
    for widget in QApplication.topLevelWidgets():
        if widget is not window and widget.isVisible():
            widget.close()


def _assessment_ids(window: MainWindow) -> list[int]:
    assert window.document.lasting
    return [a.id for e in window.work.start_page.model.enterprises for a in e.assessments]


def _switch(window: MainWindow, qtbot: QtBot, name: str) -> None:
    """Through the menu, as the clerk does; the deferred deletions of the old widgets then happen."""
    chosen = [a for a in window.language_menu.actions() if a.text() == name]
    assert chosen, name
    chosen[0].trigger()
    qtbot.wait(20)


@pytest.mark.qt_log_level_fail("WARNING")
@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_after_switching_twice_the_way_back_and_the_next_assessment_work(
    qtbot: QtBot, stored_window: MainWindow
) -> None:
    window = stored_window
    assert window.document.lasting
    first, second = _assessment_ids(window)
    window.document.open(first)
    for name in ("English", "中文", "English"):
        _switch(window, qtbot, name)
    window.home_action.trigger()
    qtbot.wait(20)
    assert window.pages.currentWidget() is window.work.start_page
    assert window.work.start_page.isVisible()
    window.work.start_page.select_assessment(second)
    window.work.start_page.open_button.click()
    assert window.pages.currentWidget() is window.questionnaire
    _switch(window, qtbot, "中文")
    home = window.ensure_ready().home_button
    assert home.isVisible()  # the way back is on the page, not only in a menu
    qtbot.mouseClick(home, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.work.start_page
    assert window.work.start_page.isVisible()
    assert window.work.start_page.model.assessment_count() == 2


def _menu_actions(window: MainWindow) -> list[tuple[int, ...]]:
    """Every action of the menu bar by its position (menu, action[, sub-action]): looked up again before
    each use, since using one may rebuild the menus."""
    paths: list[tuple[int, ...]] = []
    for m, top in enumerate(window.menuBar().actions()):
        menu = top.menu()
        assert isinstance(menu, QMenu)
        for a, action in enumerate(menu.actions()):
            sub = action.menu()
            if isinstance(sub, QMenu):
                paths += [(m, a, s) for s in range(len(sub.actions()))]
            elif not action.isSeparator():
                paths.append((m, a))
    return paths


def _action_at(window: MainWindow, path: tuple[int, ...]) -> QAction | None:
    actions = window.menuBar().actions()
    for step in path:
        if step >= len(actions):
            return None
        action = actions[step]
        holder = action.menu()
        actions = holder.actions() if isinstance(holder, QMenu) else []
    return action


def _dismissing_dialogs(run: Callable[[], object]) -> None:
    """Use an action or button whose dialog may be modal (the packs dialog): it is closed as it shows."""
    timer = QTimer()
    timer.setInterval(30)

    def close_modal() -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None:
            modal.close()

    timer.timeout.connect(close_modal)
    timer.start()
    try:
        run()
    finally:
        timer.stop()


def _close_other_windows(window: MainWindow) -> None:
    for widget in QApplication.topLevelWidgets():
        if widget is not window and widget.isVisible() and not isinstance(widget, QMenu):
            widget.close()


def _go_to(window: MainWindow, page: int) -> QWidget:
    """Page -1 is the start page; 0.. the questionnaire's pages of the first stored assessment."""
    assert window.document.lasting
    if page < 0:
        window.show_start()
        return window.work.start_page
    if window.document.assessment_id is None:
        window.document.open(_assessment_ids(window)[0])
    questionnaire = window.ensure_ready()
    questionnaire.show_page(page)
    return questionnaire


@pytest.mark.parametrize("page", range(-1, PAGES))
def test_a_switch_on_any_page_leaves_every_action_and_button_working(
    qtbot: QtBot, stored_window: MainWindow, message_log: RecordingSink, page: int
) -> None:
    window = stored_window
    _go_to(window, page)
    _switch(window, qtbot, "English")
    _switch(window, qtbot, "中文")
    for path in _menu_actions(window):
        action = _action_at(window, path)
        if action is None or not action.isEnabled() or action is window.quit_action:
            continue  # 退出 closes the window the walk is about: it is used last
        _dismissing_dialogs(action.trigger)
        _close_other_windows(window)
        qtbot.wait(5)
    # back where the switch happened, and every button there pressed (a question is answered no)
    shown = _go_to(window, page)
    buttons = [b for b in shown.findChildren(QAbstractButton) if b.isVisible() and b.isEnabled()]
    assert buttons
    for button in buttons:
        if button.isVisible() and button.isEnabled():
            _dismissing_dialogs(button.click)
            _close_other_windows(window)
    qtbot.wait(5)
    window.quit_action.trigger()
    assert not window.isVisible()


def test_the_selected_row_stays_selected_across_a_switch(qtbot: QtBot, stored_window: MainWindow) -> None:
    window = stored_window
    assert window.document.lasting
    second = _assessment_ids(window)[1]
    window.work.start_page.select_assessment(second)
    _switch(window, qtbot, "English")
    assert window.work.start_page.selected_ids()[1] == second
    assert window.work.start_page.open_button.isEnabled()
