"""English that fits (issue 23, group 6): at 1366×768 and 1280×720, with the longest strings the examples
and the training guide give, the results page's tabs fit without scroll arrows, the guide box shows the
whole name of the guide, and no row of the application plan runs to more than three lines."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QComboBox, QStyle, QStyleOptionComboBox, QTreeWidget
from pytestqt.qtbot import QtBot

from desktop.ui.i18n import LanguageSwitcher
from desktop.ui.main_window import MainWindow
from desktop.ui.pages.results_page import ResultsPage
from desktop.ui.session import AssessmentSession
from tests.conftest import EXAMPLES

TODAY = dt.date(2026, 12, 1)
SIZES = [(1366, 768), (1280, 720)]
TITLE_BAR_AND_TASKBAR = 70
"""What a laptop's screen leaves of its height for the window."""
GUIDES = ["zhongshan-2025-training", "zhongshan-2025-known"]


@pytest.fixture
def english(real_switcher: LanguageSwitcher) -> Iterator[LanguageSwitcher]:
    real_switcher.switch("en")
    yield real_switcher


def _results(
    qtbot: QtBot,
    session: AssessmentSession,
    switcher: LanguageSwitcher,
    size: tuple[int, int],
    example: str,
    guide: str,
) -> ResultsPage:
    window = MainWindow(session, switcher=switcher, lang="en")
    window.confirm_unsaved_close = False
    qtbot.addWidget(window)
    window.resize(size[0], size[1] - TITLE_BAR_AND_TASKBAR)
    window.show_questionnaire()
    window.show()
    assert window.open_answers(EXAMPLES / f"{example}.json")
    assert window.document.session is not None
    window.document.session.today = lambda: TODAY
    window.document.session.set_guide(guide)
    questionnaire = window.ensure_ready()
    questionnaire.go_to(len(questionnaire.pages) - 1)
    QApplication.processEvents()
    return questionnaire.results_page


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("example", ["appliance-maker", "lighting-exporter", "small-trader"])
@pytest.mark.parametrize("guide", GUIDES)
def test_the_results_fit_in_english(
    qtbot: QtBot, session: AssessmentSession, english: LanguageSwitcher, size: tuple[int, int], example: str, guide: str
) -> None:
    page = _results(qtbot, session, english, size, example, guide)
    tabs = page.tabs
    titles = [tabs.tabText(i) for i in range(tabs.count()) if tabs.isTabVisible(i)]
    assert tabs.tabBar().sizeHint().width() <= tabs.width(), titles  # every tab in sight, no scroll arrows

    assert _whole_text_shown(page.guide_box), page.guide_box.currentText()  # the guide's whole name

    plan = page.plan
    if not tabs.isTabVisible(tabs.indexOf(plan)):
        return  # nothing to apply for (the small trader)
    tabs.setCurrentWidget(plan)
    QApplication.processEvents()
    line = plan.fontMetrics().lineSpacing()
    heights = [plan.visualItemRect(plan.topLevelItem(i)).height() for i in range(plan.topLevelItemCount())]
    assert heights and max(heights) <= 3 * line + 12, heights  # "How to apply" ran to 6-8 lines
    assert plan.viewport().height() >= 2 * max(heights)


@pytest.mark.parametrize("size", SIZES)
def test_no_header_of_the_results_is_cut(
    qtbot: QtBot, session: AssessmentSession, english: LanguageSwitcher, size: tuple[int, int]
) -> None:
    page = _results(qtbot, session, english, size, "appliance-maker", "zhongshan-2025-training")
    assert page.unlock.headerItem().text(3) == "More (yuan)"  # was "Up to (yuan) more"; a gain, not a maximum
    for tree in page.findChildren(QTreeWidget):
        if not page.tabs.isTabVisible(page.tabs.indexOf(tree)):
            continue
        page.tabs.setCurrentWidget(tree)
        QApplication.processEvents()
        header = tree.header()
        metrics = header.fontMetrics()
        for column in range(tree.columnCount() - 1):  # the last takes the rest of the width
            text = tree.headerItem().text(column)
            assert metrics.horizontalAdvance(text) + 8 <= header.sectionSize(column), (text, header.sectionSize(column))


def _whole_text_shown(box: QComboBox) -> bool:
    option = QStyleOptionComboBox()
    box.initStyleOption(option)
    field = box.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, box
    )
    return box.fontMetrics().horizontalAdvance(box.currentText()) <= field.width()


@pytest.mark.parametrize("size", SIZES)
def test_the_start_pages_guide_picker_shows_the_whole_name(
    qtbot: QtBot, english: LanguageSwitcher, size: tuple[int, int], tmp_path: Path
) -> None:
    window = MainWindow(database=f"sqlite:///{tmp_path / 'a.db'}", switcher=english, lang="en")
    qtbot.addWidget(window)
    window.resize(size[0], size[1] - TITLE_BAR_AND_TASKBAR)
    window.show()
    window.start()
    assert window.document.lasting
    window.work.start_page.import_files([EXAMPLES / "appliance-maker.json"])
    window.show_start()
    QApplication.processEvents()
    picker = window.work.start_page.guide_picker.combo
    assert picker.currentText().startswith("Automatic: the newest real guide (")
    assert _whole_text_shown(picker), picker.currentText()
