"""The window in English and back, with the real catalogue: menus, questionnaire, results, messages.

The catalogue is compiled from resources/translations/desktop_en.ts into a temporary folder, so these
tests see the translations of the checkout whether or not `make translations` has run.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QStyle,
    QTabBar,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.engine import read_answers_file
from desktop.policy import Pack, bundled_registry
from desktop.ui.dialogs import RecordingSink
from desktop.ui.fields.enterprise import TownField
from desktop.ui.fields.money import MoneyField
from desktop.ui.i18n import LanguageSwitcher, current_language
from desktop.ui.main_window import MainWindow
from desktop.ui.session import AssessmentSession
from desktop.ui.training_examples import training_examples

REPO = Path(__file__).resolve().parents[2]
CATALOGUE = REPO / "resources" / "translations" / "desktop_en.ts"
EXAMPLES = REPO / "resources" / "examples"
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff01-\uff5e]")
ASSESSED_ON = dt.date(2025, 11, 30)


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("qm")
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(CATALOGUE), "-qm", str(folder / "desktop_en.qm")], check=True)
    return folder


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.json"


@pytest.fixture
def switcher(qapp: QApplication, compiled: Path, settings_path: Path) -> Iterator[LanguageSwitcher]:
    switcher = LanguageSwitcher(qapp, directory=compiled, settings_path=settings_path)
    switcher.start()
    yield switcher
    switcher.uninstall()  # other tests expect an application without translators


@pytest.fixture
def window(qtbot: QtBot, session: AssessmentSession, switcher: LanguageSwitcher) -> MainWindow:
    main = MainWindow(session, switcher=switcher)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show_questionnaire()
    main.show()
    return main


def _load_example(session: AssessmentSession, name: str = "lighting-exporter") -> None:
    registry = bundled_registry()

    def resolve(policy: str | None, day: dt.date) -> Pack:
        return registry.get(policy) if policy else registry.for_date(day)

    answers_file, pack = read_answers_file(EXAMPLES / f"{name}.json", resolve)
    session.load(answers_file, pack)


def _language_action(window: MainWindow, name: str) -> QAction:
    for action in window.language_menu.actions():
        if action.text() == name:
            return action
    raise AssertionError(f"no {name!r} in the language menu")


def _choose_language(window: MainWindow, name: str) -> None:
    _language_action(window, name).trigger()


def _steps(window: MainWindow) -> list[str]:
    assert window.questionnaire is not None
    steps = window.questionnaire.steps
    return [steps.item(row).text() for row in range(steps.count())]


def _menu_texts(menu: QMenu) -> list[str]:
    texts = [menu.title()]
    for action in menu.actions():
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            texts += _menu_texts(submenu)
        elif not action.isSeparator():
            texts.append(action.text())
    return texts


def _visible_texts(root: QWidget) -> list[str]:
    """What the user reads: window title, labels, buttons, group titles, tabs, lists, headers, menus."""
    texts = [root.windowTitle()]
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel):
            texts.append(widget.text())
        elif isinstance(widget, QAbstractButton):
            texts += [widget.text(), widget.toolTip()]
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QListWidget):
            texts += [widget.item(i).text() for i in range(widget.count())]
        elif isinstance(widget, QComboBox):
            texts.append(widget.currentText())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())  # the text itself is the user's
        elif isinstance(widget, QTreeWidget):
            header = widget.headerItem()
            texts += [header.text(c) for c in range(header.columnCount())]
            for row in range(widget.topLevelItemCount()):
                item = widget.topLevelItem(row)
                texts += [item.text(c) for c in range(item.columnCount())]
        elif isinstance(widget, QHeaderView) and widget.model() is not None:
            model = widget.model()
            count = model.columnCount() if widget.orientation().name == "Horizontal" else 0
            texts += [str(model.headerData(c, widget.orientation()) or "") for c in range(count)]
    return [text for text in texts if text]


def _chinese_left(texts: list[str], user_data: list[str]) -> list[str]:
    left = []
    for text in texts:
        for own in user_data:
            text = text.replace(own, "")
        if CJK.search(text):
            left.append(text)
    return left


def test_the_language_menu_names_each_language_in_itself(window: MainWindow) -> None:
    actions = window.language_menu.actions()
    assert [action.text() for action in actions] == ["中文", "English"]
    assert all(action.isCheckable() for action in actions)
    assert [action.isChecked() for action in actions] == [True, False]


def test_switching_to_english_changes_the_questionnaire_and_back(window: MainWindow, pack: Pack) -> None:
    assert window.questionnaire is not None
    assert window.windowTitle() == "中山市稳外贸政策扶持自评"
    assert _steps(window)[:2] == ["1. 企业基本信息", f"2. {pack.sections[0].title.zh}"]
    assert window.questionnaire.next_button.text() == "下一步(&N)"

    _choose_language(window, "English")

    assert current_language() == "en"
    assert window.document.session is not None and window.document.session.lang == "en"
    assert window.windowTitle() == "Zhongshan Foreign Trade Support Self-Assessment"
    assert _steps(window)[:2] == ["1. Enterprise details", f"2. {pack.sections[0].title.en}"]
    assert _steps(window)[-2:] == [f"{len(_steps(window)) - 1}. Review", f"{len(_steps(window))}. Results"]
    assert window.questionnaire.next_button.text() == "&Next"
    assert window.menuBar().actions()[0].text() == "&File"
    assert [action.isChecked() for action in window.language_menu.actions()] == [False, True]

    _choose_language(window, "中文")

    assert window.windowTitle() == "中山市稳外贸政策扶持自评"
    assert _steps(window)[:2] == ["1. 企业基本信息", f"2. {pack.sections[0].title.zh}"]
    assert window.questionnaire.next_button.text() == "下一步(&N)"
    assert window.menuBar().actions()[0].text() == "文件(&F)"


def test_switching_keeps_the_answers_and_the_page(window: MainWindow, session: AssessmentSession) -> None:
    _load_example(session)
    questionnaire = window.questionnaire
    assert questionnaire is not None
    questionnaire.go_to(3)
    answers = dict(session.answers)

    _choose_language(window, "English")

    assert window.questionnaire is not None
    assert window.questionnaire.index == 3
    assert session.answers == answers
    assert window.questionnaire.enterprise_page.name.edit.text() == session.enterprise.name


def test_switching_to_english_changes_the_results_page(window: MainWindow, session: AssessmentSession) -> None:
    _load_example(session)
    assert window.questionnaire is not None
    window.questionnaire.go_to(len(window.questionnaire.pages) - 1)
    results = window.questionnaire.results_page
    chinese_tab = results.tabs.tabText(0)
    assert chinese_tab.startswith("可测算金额")

    _choose_language(window, "English")

    results = window.questionnaire.results_page
    assert results.tabs.tabText(0) == f"Amounts ({len(session.result.with_amounts())})"
    header = results.amounts.headerItem()
    assert header.text(0) == "Article"
    titles = {results.amounts.topLevelItem(row).text(1) for row in range(results.amounts.topLevelItemCount())}
    assert titles == {item.title.en for item in session.result.with_amounts()}

    _choose_language(window, "中文")

    results = window.questionnaire.results_page
    assert results.tabs.tabText(0) == chinese_tab


def test_switching_keeps_the_results_tab_and_the_rows_unfolded(window: MainWindow, session: AssessmentSession) -> None:
    _load_example(session)
    assert window.questionnaire is not None
    window.questionnaire.go_to(len(window.questionnaire.pages) - 1)
    results = window.questionnaire.results_page
    results.amounts.topLevelItem(1).setExpanded(True)
    computation = results.amounts.topLevelItem(1).child(0)
    computation.setExpanded(True)
    results.tabs.setCurrentWidget(results.plan)
    results.plan.topLevelItem(0).setExpanded(True)

    _choose_language(window, "English")

    results = window.questionnaire.results_page
    assert results.tabs.currentWidget() is results.plan  # not the first tab, as a page built anew would show
    assert results.plan.topLevelItem(0).isExpanded()
    assert results.amounts.topLevelItem(1).isExpanded() and results.amounts.topLevelItem(1).child(0).isExpanded()
    assert not results.amounts.topLevelItem(0).isExpanded()
    assert results.amounts.topLevelItem(1).text(1) == session.result.with_amounts()[1].title.en


def _cut_cells(tree: QTreeWidget) -> list[str]:
    """Texts of the tree's rows (and header) that do not fit the room they are given."""
    metrics = tree.fontMetrics()
    # the item view's own margin on each side of a text (QCommonStyle: focus-frame margin + 1)
    margin = tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1
    cut = []
    header = tree.headerItem()
    for column in range(tree.columnCount()):
        if metrics.horizontalAdvance(header.text(column)) > tree.header().sectionSize(column) - 4:
            cut.append(f"header: {header.text(column)}")
    for row in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(row)
        for column in range(tree.columnCount()):
            rect = tree.visualRect(tree.indexFromItem(item, column))
            room = QRect(0, 0, rect.width() - 2 * margin, 10_000)
            needed = metrics.boundingRect(room, Qt.TextFlag.TextWordWrap, item.text(column))
            if needed.height() > rect.height() or needed.width() > room.width():
                cut.append(item.text(column))
    return cut


def test_in_english_long_titles_wrap_and_no_header_or_step_is_cut(
    window: MainWindow, session: AssessmentSession, qapp: QApplication
) -> None:
    _load_example(session, "appliance-maker")
    _choose_language(window, "English")
    questionnaire = window.questionnaire
    assert questionnaire is not None
    questionnaire.go_to(len(questionnaire.pages) - 1)
    qapp.processEvents()
    results = questionnaire.results_page

    for tree in (results.amounts, results.others, results.services, results.unavailable):
        results.tabs.setCurrentWidget(tree)
        qapp.processEvents()
        assert _cut_cells(tree) == []
    # the long English titles really are on more than one line
    amounts = results.amounts
    line = amounts.fontMetrics().height()
    heights = [amounts.visualItemRect(amounts.topLevelItem(r)).height() for r in range(amounts.topLevelItemCount())]
    assert max(heights) >= 2 * line
    steps = questionnaire.steps
    assert steps.sizeHintForColumn(0) <= steps.viewport().width()


def test_in_english_no_page_shows_chinese_but_the_enterprise_data(
    window: MainWindow, session: AssessmentSession
) -> None:
    _load_example(session)
    _choose_language(window, "English")
    questionnaire = window.questionnaire
    assert questionnaire is not None
    enterprise = session.enterprise
    user_data = [enterprise.name, enterprise.town, enterprise.contact, "中文"]
    user_data += [str(record.get("region", "")) for record in session.answers.get("ip_cases", [])]
    found: dict[int, list[str]] = {}
    for index in range(len(questionnaire.pages)):
        questionnaire.go_to(index)
        assert questionnaire.index == index
        left = _chinese_left(_visible_texts(window), user_data)
        if left:
            found[index] = left
    menus = [text for action in window.menuBar().actions() if action.menu() for text in _menu_texts(action.menu())]
    left_in_menus = _chinese_left(menus, user_data)
    assert found == {}, "\n".join(f"{k}: {v}" for k, v in found.items())
    assert left_in_menus == []


def test_the_choice_is_remembered(window: MainWindow, settings_path: Path) -> None:
    _choose_language(window, "English")
    assert json.loads(settings_path.read_text(encoding="utf-8"))["language"] == "en"
    _choose_language(window, "中文")
    assert json.loads(settings_path.read_text(encoding="utf-8"))["language"] == "zh"


def test_a_refused_amount_is_explained_in_english(window: MainWindow) -> None:
    _choose_language(window, "English")
    assert window.questionnaire is not None
    premium = window.questionnaire.section_pages["credit_insurance"].field("credit_insurance_premium")
    assert isinstance(premium, MoneyField)
    premium.edit.setText("abc")
    assert premium.error() == "'abc' is not an amount: enter digits only, e.g. 1200000 or 1,200,000"


def test_the_checklist_pdf_follows_the_language(
    window: MainWindow, session: AssessmentSession, message_log: RecordingSink, tmp_path: Path
) -> None:
    _load_example(session)
    _choose_language(window, "English")
    target = tmp_path / "checklist.pdf"
    message_log.files.append(target)
    assert window.questionnaire is not None
    window.questionnaire.results_page.pdf_button.click()  # the results page was built anew by the switch
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(target.read_bytes())).pages)
    assert "Foreign-trade support self-assessment checklist" in text
    assert "企业外贸扶持政策自评清单" not in text


def test_the_training_examples_menu_lists_the_bundled_examples(window: MainWindow) -> None:
    titles = [action.text() for action in window.examples_menu.actions()]
    assert titles == [example.title for example in training_examples()]
    assert len(titles) == len(list(EXAMPLES.glob("*.json"))) >= 3


def test_a_training_example_loads_into_the_questionnaire(window: MainWindow, session: AssessmentSession) -> None:
    example = training_examples()[0]
    expected = json.loads(example.path.read_text(encoding="utf-8"))
    window.examples_menu.actions()[0].trigger()
    assert session.enterprise.name == expected["enterprise"]["name"]
    assert session.assessed_on.isoformat() == expected["assessed_on"]
    assert session.answers
    assert window.questionnaire is not None
    assert window.questionnaire.enterprise_page.name.edit.text() == expected["enterprise"]["name"]
    assert session.result.total > 0


def test_a_training_example_asks_before_replacing_answers(
    window: MainWindow, session: AssessmentSession, message_log: RecordingSink
) -> None:
    session.set_enterprise("name", "真实的企业")
    session.set_answer("exhibitions_attended", True)
    message_log.answers.append(False)  # the trainer says no
    window.examples_menu.actions()[0].trigger()
    assert message_log.of_kind("question")
    assert session.enterprise.name == "真实的企业"

    message_log.answers.append(True)
    window.examples_menu.actions()[0].trigger()
    assert session.enterprise.name != "真实的企业"


def test_the_training_examples_are_named_in_english_too(window: MainWindow) -> None:
    _choose_language(window, "English")
    titles = [action.text() for action in window.examples_menu.actions()]
    assert titles and not any(CJK.search(title) for title in titles)
    assert window.examples_menu.title() == "Training examples"


def test_menu_shortcuts_still_work_after_switching(
    qtbot: QtBot, window: MainWindow, message_log: RecordingSink
) -> None:
    """Menus built anew must not leave the old actions behind: two actions with one shortcut cancel out."""
    _choose_language(window, "English")
    _choose_language(window, "中文")
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert [message.kind for message in message_log.messages] == ["open_file"]


@pytest.fixture
def stored_window(qtbot: QtBot, switcher: LanguageSwitcher, tmp_path: Path) -> Iterator[MainWindow]:
    """The window as the program opens it: with its database, on the start page."""
    main = MainWindow(database=f"sqlite:///{tmp_path / 'assessments.db'}", switcher=switcher)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    main.start()
    yield main
    if main.document.lasting:
        main.work.close(ask=False)


def test_the_start_page_and_the_banner_follow_the_language(stored_window: MainWindow) -> None:
    window = stored_window
    assert window.document.lasting
    window.work.import_and_open(EXAMPLES / "lighting-exporter.json")
    window.show_start()
    chinese = _visible_texts(window)
    assert any(CJK.search(text) for text in chinese if "示例" not in text)

    _choose_language(window, "English")

    assert window.document.lasting
    assert window.pages.currentWidget() is window.work.start_page
    user_data = ["中山市古镇明辉灯饰有限公司（示例）", "古镇镇"]
    assert _chinese_left(_visible_texts(window), user_data) == []

    window.document.open(window.work.start_page.model.enterprises[0].assessments[0].id)
    assert _chinese_left(_visible_texts(window), user_data) == []


def test_the_town_list_reads_in_english_and_keeps_the_chinese_name_as_the_answer(window: MainWindow) -> None:
    _choose_language(window, "English")
    assert window.questionnaire is not None
    town = window.questionnaire.enterprise_page.town
    assert isinstance(town, TownField)
    items = [town.combo.itemText(row) for row in range(town.combo.count())]
    assert items[0] == "(please choose)"
    headers = [text for text in items if text.startswith("——")]
    assert headers and not any(CJK.search(header) for header in headers)
    guzhen = next(row for row, text in enumerate(items) if text.startswith("Guzhen Town"))
    town.combo.setCurrentIndex(guzhen)
    assert town.value() == "古镇镇"  # the answer is the name on the business licence
    assert not CJK.search(items[-1])  # "Other (please enter)"


def test_the_results_plan_reads_in_english(window: MainWindow) -> None:
    """The period sentence, the amount to confirm, the windows and every tab and column, in English."""
    assert window.document.session is not None
    _load_example(window.document.session)
    window.document.session.today = lambda: dt.date(2026, 12, 1)
    window.document.session.set_answer("aeo_certified_on", dt.date(2025, 3, 1))
    _choose_language(window, "English")
    q = window.questionnaire
    assert q is not None
    q.go_to(len(q.pages) - 1)
    page = q.results_page
    assert page.pending_label.text().startswith("Besides, 150,000.00 yuan to confirm")
    assert page.period_label.text().startswith("This assessment is for activity in 2025 (2025-04-15 to 2025-12-31)")
    plan = page.plan
    windows = [plan.topLevelItem(i).text(3) for i in range(plan.topLevelItemCount())]  # type: ignore[union-attr]
    assert windows and set(windows) == {"No notice as of 2026-11-30"}
    tabs = page.tabs
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    heads = [
        tree.headerItem().text(c)
        for tree in (page.amounts, page.confirm, page.plan, page.unlock)
        for c in range(tree.columnCount())
    ]
    assert not [t for t in (*titles, *heads, page.guide_box.currentText()) if CJK.search(t)]
