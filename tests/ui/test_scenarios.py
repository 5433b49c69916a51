"""Scenarios in the window, as a clerk uses them: 复制为方案 from an open assessment, the scenario edited in a
window of its own and saved as typed, the comparison side by side with its differences, and the base
assessment and its finalised snapshot exactly as they were."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.store.scenarios import Scenarios
from desktop.ui import scenarios as scenarios_ui
from desktop.ui.comparison_window import GAIN_BACKGROUND, ComparisonWindow
from desktop.ui.dialogs import RecordingSink
from desktop.ui.i18n import LanguageSwitcher
from desktop.ui.main_window import MainWindow
from desktop.ui.scenario_window import ScenarioWindow
from desktop.ui.scenarios import ScenarioBook
from tests.conftest import EXAMPLES
from tests.ui.helpers import type_text
from tests.ui.test_i18n_window import _chinese_left, _visible_texts, compiled  # noqa: F401 (a fixture)

NEW_LINE = "若 2026 年购置新生产线"
EXAMPLE_NAME = "中山市古镇明辉灯饰有限公司（示例）"
SIGNED = re.compile(r"^([+\u2212])([0-9,]+\.[0-9]{2}) (?:元|yuan)$")


@pytest.fixture
def names(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """What the user types into the name dialog, in order; an empty queue cancels."""
    queue: list[str | None] = []
    monkeypatch.setattr(scenarios_ui, "ask_name", lambda *_args: queue.pop(0) if queue else None)
    return queue


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'assessments.db'}"


def start(qtbot: QtBot, url: str, switcher: LanguageSwitcher | None = None) -> MainWindow:
    window = MainWindow(database=url, lang="zh", switcher=switcher)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.start()
    assert window.open_training_example(EXAMPLES / "lighting-exporter.json")
    return window


def with_new_line(
    qtbot: QtBot, url: str, names: list[str | None], switcher: LanguageSwitcher | None = None
) -> tuple[MainWindow, ScenarioWindow]:
    """The lighting example with the scenario "若 2026 年购置新生产线": 20 million yuan of equipment."""
    window = start(qtbot, url, switcher)
    names.append(NEW_LINE)
    window.copy_scenario_action.trigger()
    editor = only_editor(window)
    type_money(qtbot, editor, "equipment_purchase_total", "20000000")
    return window, editor


def book_of(window: MainWindow) -> ScenarioBook:
    books = window.findChildren(ScenarioBook)
    assert len(books) == 1
    return books[0]


def only_editor(window: MainWindow) -> ScenarioWindow:
    editors = list(book_of(window).editors.values())
    assert len(editors) == 1
    return editors[0]


def type_money(qtbot: QtBot, editor: ScenarioWindow, question_id: str, text: str) -> None:
    """Go to the question's page in the scenario's questionnaire and type, waiting for the save."""
    questionnaire = editor.questionnaire
    section = editor.session.pack.question(question_id)
    assert section is not None
    page = questionnaire.section_pages[section.section]
    questionnaire.go_to(questionnaire.page_index(page))
    with qtbot.waitSignal(editor.autosaver.saved, timeout=3000):
        type_text(qtbot, page.field(question_id), text)


def headings(comparison: ComparisonWindow) -> list[str]:
    """The column headings as named: a long name is shown over lines (broken at a space or between
    characters), so the comparison is of the characters."""

    def unbroken(text: str) -> str:
        return re.sub(r"\s+", "", text)

    shown = [unbroken(text) for text in comparison.headers()]
    names = {unbroken(name): name for name in (NEW_LINE, "不再投保", "Base assessment", "Support item")}
    return [names.get(text, text) for text in shown]


def figures(comparison: ComparisonWindow, column: int) -> tuple[list[Decimal], Decimal]:
    """The per-item differences a scenario's column shows, and the difference its total row shows."""

    def difference(text: str) -> Decimal:
        found = [SIGNED.match(line) for line in text.splitlines()]
        matched = [m for m in found if m is not None]
        if not matched:
            return Decimal(0)
        sign, digits = matched[0].groups()
        value = Decimal(digits.replace(",", ""))
        return value if sign == "+" else -value

    rows = comparison.table.rowCount()
    per_item = [difference(comparison.cell_text(row, column)) for row in range(rows - 1)]
    return per_item, difference(comparison.cell_text(rows - 1, column))


@pytest.mark.parametrize("final", [True, False], ids=["finalised", "draft"])
def test_a_scenario_is_edited_in_its_own_window_and_the_base_stays_as_it_was(
    qtbot: QtBot, url: str, names: list[str | None], message_log: RecordingSink, final: bool
) -> None:
    window = start(qtbot, url)
    if final:
        window.finalise()
    assert window.document.lasting and window.document.final is final and window.document.session is not None
    store, base_id = window.document.store, window.document.assessment_id
    assert base_id is not None
    before = store.get(base_id)
    base_answers = dict(window.document.session.answers)

    names.append(NEW_LINE)
    window.copy_scenario_action.trigger()

    editor = only_editor(window)
    assert editor.isVisible()
    assert editor.name_label.text() == f"方案：{NEW_LINE}"
    assert "不会改变基础评估" in editor.explain_label.text()
    assert NEW_LINE in editor.windowTitle()
    assert not editor.questionnaire.enterprise_page.isEnabled()  # the base's enterprise and date
    assert editor.session is not window.document.session

    type_money(qtbot, editor, "equipment_purchase_total", "20000000")

    stored = Scenarios(store).of(base_id)
    assert [s.name for s in stored] == [NEW_LINE]
    assert stored[0].answers["equipment_purchase_total"] == "20000000.00"
    assert store.get(base_id) == before  # answers, snapshot, status, total, version, updated_at: untouched
    assert window.document.session.answers == base_answers
    assert window.document.session.result.total == Decimal("1710000.00")
    if not final:  # the base's own autosave goes on as before, based on the version it opened
        window.document.session.set_answer("credit_insurance_premium", Decimal("1000000"))
        assert window.document.autosaver is not None and window.document.autosaver.flush()
        assert store.get(base_id).answers["credit_insurance_premium"] == "1000000.00"
        assert Scenarios(store).of(base_id)[0].answers["credit_insurance_premium"] == "1200000.00"
    assert editor.session.result.total == Decimal("3510000.00")
    assert editor.save_state.text().startswith("已保存到本方案 ")
    assert message_log.of_kind("error") == []


def test_the_comparison_shows_each_item_and_the_total_with_the_differences_that_add_up(
    qtbot: QtBot, url: str, names: list[str | None]
) -> None:
    window, editor = with_new_line(qtbot, url, names)
    editor.close()
    book = book_of(window)
    names.append("不再投保")
    window.copy_scenario_action.trigger()
    second = book.editors[book.entries[1].id]
    type_money(qtbot, second, "credit_insurance_premium", "0")

    window.compare_action.trigger()
    comparison = book.comparison_window
    assert comparison is not None and comparison.isVisible()
    assert headings(comparison) == ["支持项目", "基础评估", NEW_LINE, "不再投保"]
    rows = {comparison.cell_text(r, 0): r for r in range(comparison.table.rowCount())}
    equipment = rows["第八条  新购置设备和系统奖励"]
    assert comparison.cell_text(equipment, 1) == "1,200,000.00 元"
    assert comparison.cell_text(equipment, 2) == "3,000,000.00 元\n+1,800,000.00 元"
    assert comparison.table.item(equipment, 2).background().color() == GAIN_BACKGROUND
    assert comparison.cell_text(equipment, 3) == "1,200,000.00 元"  # unchanged: no difference line
    total = comparison.table.rowCount() - 1
    assert comparison.cell_text(total, 0) == "最多可申请合计"
    assert comparison.cell_text(total, 2).splitlines() == [
        "3,510,000.00 元",
        "351.00 万元",
        "+1,800,000.00 元",
        "+180.00 万元",
    ]
    for column in (2, 3):
        per_item, in_total = figures(comparison, column)
        assert in_total == sum(per_item, Decimal(0)) != 0
    assert figures(comparison, 3)[1] < 0  # less insurance support: a loss, written with its minus sign

    # typing in a scenario's window reaches the comparison by itself
    type_money(qtbot, second, "credit_insurance_premium", "1200000")
    qtbot.waitUntil(lambda: figures(comparison, 3)[1] == 0, timeout=2000)


def test_the_base_edited_in_the_main_window_moves_only_the_base_column(
    qtbot: QtBot, url: str, names: list[str | None]
) -> None:
    window = start(qtbot, url)
    assert window.document.lasting and window.document.session is not None and window.document.assessment_id is not None
    names.append(NEW_LINE)
    window.copy_scenario_action.trigger()
    scenario = book_of(window).entries[0]
    window.compare_action.trigger()
    comparison = book_of(window).comparison_window
    assert comparison is not None
    assert figures(comparison, 2)[1] == 0

    window.document.session.set_answer("equipment_purchase_total", Decimal("2000000"))  # the base: 1.2M → 0.3M
    qtbot.waitUntil(lambda: figures(comparison, 2)[1] == Decimal(900000), timeout=2000)
    assert Scenarios(window.document.store).get(scenario.id) == scenario  # the scenario did not move


def test_a_scenario_of_a_scenario_starts_from_its_answers_and_deleting_asks_first(
    qtbot: QtBot, url: str, names: list[str | None], message_log: RecordingSink
) -> None:
    window, _editor = with_new_line(qtbot, url, names)
    book = book_of(window)
    comparison = window.scenarios.show_comparison()
    names.append("两条新生产线")
    comparison.panel.list.setCurrentRow(0)
    comparison.panel.copy_button.click()
    assert [s.name for s in book.entries] == [NEW_LINE, "两条新生产线"]
    assert book.entries[1].answers["equipment_purchase_total"] == "20000000.00"

    message_log.answers.append(False)
    comparison.panel.list.setCurrentRow(1)
    comparison.panel.delete_button.click()
    assert "两条新生产线" in message_log.of_kind("question")[-1].text
    assert len(book.entries) == 2  # "no": kept

    message_log.answers.append(True)
    comparison.panel.delete_button.click()
    assert [s.name for s in book.entries] == [NEW_LINE]
    assert len(book.editors) == 1
    assert headings(comparison) == ["支持项目", "基础评估", NEW_LINE]


def test_a_name_is_asked_until_it_is_new_and_a_rename_reaches_the_open_window(
    qtbot: QtBot, url: str, names: list[str | None], message_log: RecordingSink
) -> None:
    window = start(qtbot, url)
    names += [NEW_LINE, "  ", NEW_LINE, "投保一般企业类"]
    window.copy_scenario_action.trigger()
    window.copy_scenario_action.trigger()  # blank, then taken, then a new name
    book = book_of(window)
    assert [s.name for s in book.entries] == [NEW_LINE, "投保一般企业类"]
    assert [m.text for m in message_log.of_kind("warning")] == [
        "请为方案起一个名称。",
        f"已有名为“{NEW_LINE}”的方案，请换一个名称。",
    ]
    editor = book.editors[book.entries[0].id]
    names.append("若 2027 年购置新生产线")
    editor.rename_button.click()
    assert editor.name_label.text() == "方案：若 2027 年购置新生产线"
    type_money(qtbot, editor, "equipment_purchase_total", "9000000")  # saves on after the rename
    assert book.entries[0].name == "若 2027 年购置新生产线"

    window.copy_scenario_action.trigger()  # cancelled: nothing made
    assert len(book.entries) == 2


def test_a_scenario_saved_elsewhere_meanwhile_keeps_both_versions(
    qtbot: QtBot, url: str, names: list[str | None], message_log: RecordingSink
) -> None:
    window = start(qtbot, url)
    assert window.document.lasting
    names.append(NEW_LINE)
    window.copy_scenario_action.trigger()
    editor = only_editor(window)
    scenario = editor.scenario
    other = Scenarios(window.document.store)  # another copy of the program, another colleague
    theirs = dict(editor.session.answers, equipment_purchase_total=Decimal("12000000"))
    other.save_answers(scenario.id, theirs, editor.session.pack, expected_version=scenario.version)

    type_money(qtbot, editor, "equipment_purchase_total", "20000000")

    assert "已另存为新方案" in message_log.of_kind("warning")[-1].text
    kept = other.of(scenario.assessment_id)
    assert [s.name for s in kept] == [NEW_LINE, f"{NEW_LINE}（我的修改）"]
    assert kept[0].answers["equipment_purchase_total"] == "12000000.00"  # theirs, not overwritten
    assert kept[1].answers["equipment_purchase_total"] == "20000000.00"  # mine, not lost
    assert editor.scenario.id == kept[1].id
    assert editor.name_label.text() == f"方案：{NEW_LINE}（我的修改）"


def test_closing_the_program_saves_what_was_just_typed_in_a_scenario(
    qtbot: QtBot, url: str, names: list[str | None]
) -> None:
    window = start(qtbot, url)
    assert window.document.lasting
    store_url, base_id = url, window.document.assessment_id
    names.append(NEW_LINE)
    window.copy_scenario_action.trigger()
    editor = only_editor(window)
    page = editor.questionnaire.section_pages["digital"]
    editor.questionnaire.go_to(editor.questionnaire.page_index(page))
    type_text(qtbot, page.field("equipment_purchase_total"), "30000000")  # no wait: the close writes it
    window.close()

    from desktop.store import open_store

    again = open_store(store_url)
    try:
        assert base_id is not None
        assert Scenarios(again).of(base_id)[0].answers["equipment_purchase_total"] == "30000000.00"
    finally:
        again.close()


def test_the_windows_fit_the_screen(qtbot: QtBot, url: str, names: list[str | None]) -> None:
    window = start(qtbot, url)
    names.append(NEW_LINE)
    window.copy_scenario_action.trigger()
    comparison = window.scenarios.show_comparison()
    free = QApplication.primaryScreen().availableGeometry()
    for shown in (only_editor(window), comparison):
        assert shown.width() <= min(free.width(), 1366) and shown.height() <= min(free.height(), 768)
        # and they can be made as small as a 1280×720 projector's screen less the taskbar and frame
        least = shown.minimumSizeHint()
        assert least.width() <= 1264 and least.height() <= 640


def test_without_an_open_assessment_there_is_nothing_to_copy(
    qtbot: QtBot, url: str, message_log: RecordingSink
) -> None:
    window = start(qtbot, url)
    window.show_start()
    assert not window.copy_scenario_action.isEnabled()
    window.copy_as_scenario()  # e.g. from a shortcut: said, not done
    assert message_log.of_kind("information")[-1].text.startswith("请先在企业列表中打开一份评估")


def test_the_comparison_saves_a_one_page_pdf(
    qtbot: QtBot, url: str, names: list[str | None], message_log: RecordingSink, tmp_path: Path
) -> None:
    window, _editor = with_new_line(qtbot, url, names)
    comparison = window.scenarios.show_comparison()
    message_log.files.append(tmp_path / "对比")
    written = comparison.save_pdf()
    assert written == tmp_path / "对比.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(written), "-"], capture_output=True, text=True, check=True)
    assert text.stdout.count("\f") == 1  # one page
    assert "方案对比" in text.stdout and NEW_LINE in text.stdout
    assert "+1,800,000.00 元" in text.stdout


def test_the_comparison_is_never_saved_under_the_checklists_name(
    qtbot: QtBot,
    url: str,
    names: list[str | None],
    message_log: RecordingSink,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 23: saved from its preview it said "保存清单 PDF" and took the checklist's file name, so saving it
    in the same folder overwrote the checklist."""
    from desktop.ui import checklist_preview

    window, _editor = with_new_line(qtbot, url, names)
    message_log.files.append(tmp_path / checklist_preview.suggested_file_name(window.current_assessment()))
    window.save_checklist_pdf()  # the suggested name, as the clerk accepts it
    [checklist] = tmp_path.glob("*.pdf")
    comparison = window.scenarios.show_comparison()
    preview = comparison.print_preview()
    assert preview is not None
    assert preview.suggested != checklist.name and "方案对比" in preview.suggested
    message_log.files.append(tmp_path / preview.suggested)
    preview.save_pdf()
    asked = message_log.of_kind("save_file")[-1]
    assert asked.title == "保存方案对比 PDF" and asked.text == preview.suggested
    said = message_log.of_kind("saved")[-1]
    assert said.title == "方案对比已保存" and "清单" not in said.text
    assert len(list(tmp_path.glob("*.pdf"))) == 2  # both kept
    assert checklist.read_bytes().startswith(b"%PDF")
    preview.close()


@pytest.fixture
def switcher(qapp: QApplication, compiled: Path, tmp_path: Path) -> Iterator[LanguageSwitcher]:  # noqa: F811
    switcher = LanguageSwitcher(qapp, directory=compiled, settings_path=tmp_path / "settings.json")
    switcher.start()
    yield switcher
    switcher.uninstall()


def test_in_english_the_scenario_windows_show_no_chinese_but_the_users_and_the_policys(
    qtbot: QtBot, url: str, names: list[str | None], switcher: LanguageSwitcher
) -> None:
    window, editor = with_new_line(qtbot, url, names, switcher)
    comparison = window.scenarios.show_comparison()

    switcher.switch("en")

    assert editor.name_label.text() == f"Scenario: {NEW_LINE}"
    assert editor.session.lang == "en"
    assert headings(comparison)[:2] == ["Support item", "Base assessment"]
    cells = [comparison.cell_text(r, c) for r in range(comparison.table.rowCount()) for c in range(3)]
    assert "3,000,000.00 yuan\n+1,800,000.00 yuan" in cells
    user_data = [NEW_LINE, EXAMPLE_NAME, "古镇镇", "陈会计"]
    for shown in (editor, comparison):
        assert _chinese_left([*_visible_texts(shown), *cells], user_data) == []
