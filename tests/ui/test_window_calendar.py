"""The start page's calendar (issue 13): the next application windows across every stored assessment, each
with its own guide, soonest closing first; 导出日历… writes exactly those windows as an .ics file; the
guide of the selected assessment is picked on the page. "Today" is pinned to 2026-12-01: with the bundled
training guide, 短期出口信用保险 closes in 10 days and the AEO window closed on 2026-09-30."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from desktop.store import Store
from desktop.ui import screen_fit
from desktop.ui.dialogs import RecordingSink
from desktop.ui.i18n import LanguageSwitcher
from desktop.ui.main_window import MainWindow
from desktop.ui.start_page import StartPage
from tests.conftest import EXAMPLES
from tests.ui.test_i18n_window import _chinese_left, _visible_texts
from tests.ui.test_screens import SCREENS, _fits, english  # noqa: F401 (the English catalogue, a fixture)

TODAY = dt.date(2026, 12, 1)
TRAINING = "zhongshan-2025-training"
LIGHTING = "中山市古镇明辉灯饰有限公司（示例）"
APPLIANCES = "中山市南头华澜电器股份有限公司（示例）"


@pytest.fixture
def filled(store: Store) -> Store:
    outcomes = store.import_files(sorted(EXAMPLES.glob("*.json")), today=dt.date(2025, 11, 30))
    assert all(o.ok for o in outcomes)
    return store


def make_page(qtbot: QtBot, store: Store, today: dt.date = TODAY) -> StartPage:
    page = StartPage(store, today=lambda: today)
    qtbot.addWidget(page)
    page.resize(1340, 680)
    page.show()
    QApplication.processEvents()
    return page


def assessment_of(store: Store, name: str) -> int:
    enterprise = next(e for e in store.listing() if e.name == name)
    return enterprise.assessments[0].id


def pick(qtbot: QtBot, combo: QComboBox, wanted: str) -> None:
    """Choose from the list with the keyboard, as a user does: ↑ or ↓ until the entry is shown."""
    combo.setFocus()
    for key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
        for _ in range(combo.count()):
            if wanted in combo.currentText():
                return
            qtbot.keyClick(combo, key)
    assert wanted in combo.currentText(), [combo.itemText(i) for i in range(combo.count())]


def pick_training(qtbot: QtBot, page: StartPage, name: str, mark: str = "【培训示例】") -> None:
    assert page.select_assessment(assessment_of(page.store, name))
    pick(qtbot, page.guide_picker.combo, mark)


def shown_rows(page: StartPage) -> list[list[str]]:
    model = page.calendar.model
    return [[str(model.index(r, c).data()) for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_without_a_published_window_one_line_says_so_and_names_the_guide(qtbot: QtBot, filled: Store) -> None:
    page = make_page(qtbot, filled)
    calendar = page.calendar
    assert calendar.isVisible() and calendar.table.isHidden()
    assert calendar.summary.text() == (
        "已保存评估所用的申报指南中未见申报窗口"
        "（所用申报指南：2026 年申报（2025 年度的支持）：截至 2026-11-30 未见申报通知）。"
    )
    assert not calendar.export_button.isEnabled()


def test_the_training_guide_picked_for_one_firm_lists_its_windows_soonest_closing_first(
    qtbot: QtBot, filled: Store
) -> None:
    page = make_page(qtbot, filled)
    pick_training(qtbot, page, LIGHTING)

    assert filled.get(assessment_of(filled, LIGHTING)).guide_id == TRAINING
    assert shown_rows(page) == [
        [LIGHTING, "【培训示例】短期出口信用保险保费支持", "360,000.00", "2026-11-16 至 2026-12-11", "还有 10 天"],
        [LIGHTING, "【培训示例】参展综合成本支持", "20,000.00", "2026-11-20 至 2027-01-08", "还有 38 天"],
        [LIGHTING, "【培训示例】新购置设备和系统奖励", "1,200,000.00", "2027-01-05 至 2027-02-19", "35 天后开始"],
    ]  # the AEO window closed on 2026-09-30: not listed; the other firms keep the real guide: nothing
    assert page.calendar.count.text() == "3 项，最早截止的在前"
    assert page.guide_picker.note.text() == "培训示例：窗口和金额均为虚构，不能据此申报"
    tooltip = page.calendar.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "申报方式：【培训示例】由承保机构代企业申报" in tooltip and "电话 (0760) 89892378" in tooltip


def test_a_window_closing_today_says_so(qtbot: QtBot, filled: Store) -> None:
    page = make_page(qtbot, filled, today=dt.date(2026, 12, 11))
    pick_training(qtbot, page, LIGHTING)
    assert shown_rows(page)[0][1:] == [
        "【培训示例】短期出口信用保险保费支持",
        "360,000.00",
        "2026-11-16 至 2026-12-11",
        "今日截止",
    ]


def test_going_back_to_the_automatic_guide_stores_none_and_the_windows_go(qtbot: QtBot, filled: Store) -> None:
    page = make_page(qtbot, filled)
    pick_training(qtbot, page, LIGHTING)
    assert page.calendar.table.isVisible()
    pick(qtbot, page.guide_picker.combo, "自动：最新的正式指南")
    assert filled.get(assessment_of(filled, LIGHTING)).guide_id is None
    assert page.calendar.table.isHidden() and "申报指南中未见申报窗口" in page.calendar.summary.text()


def test_the_training_guide_is_applied_only_where_it_was_picked(qtbot: QtBot, filled: Store) -> None:
    page = make_page(qtbot, filled)
    pick_training(qtbot, page, APPLIANCES)
    assert {row[0] for row in shown_rows(page)} == {APPLIANCES}
    pick_training(qtbot, page, LIGHTING)
    assert {row[0] for row in shown_rows(page)} == {APPLIANCES, LIGHTING}
    closing = [row[3].split(" 至 ")[1] for row in shown_rows(page)]
    assert closing == sorted(closing)


def test_a_finalised_assessment_keeps_its_guide(qtbot: QtBot, filled: Store) -> None:
    target = assessment_of(filled, LIGHTING)
    opened = filled.open(target)
    from desktop.engine import assess_file

    filled.finalise(target, opened.answers_file, assess_file(opened.pack, opened.answers_file, TODAY))
    page = make_page(qtbot, filled)
    assert page.select_assessment(target)
    assert not page.guide_picker.combo.isEnabled()
    assert "已定稿" in page.guide_picker.note.text()


def test_export_writes_exactly_the_listed_windows_as_an_ics_file(
    qtbot: QtBot, filled: Store, message_log: RecordingSink, tmp_path: Path
) -> None:
    from icalendar import Calendar

    page = make_page(qtbot, filled)
    pick_training(qtbot, page, LIGHTING)
    pick_training(qtbot, page, APPLIANCES)
    listed = shown_rows(page)
    message_log.files.append(tmp_path / "windows")  # typed without the extension
    qtbot.mouseClick(page.calendar.export_button, Qt.MouseButton.LeftButton)

    [asked] = message_log.of_kind("save_file")
    assert asked.text == "申报窗口-2026-12-01.ics"  # the suggested name
    written = tmp_path / "windows.ics"
    [saved] = message_log.of_kind("saved")
    assert str(written) in saved.text and f"{len(listed)} 个申报窗口" in saved.text
    events = Calendar.from_ical(written.read_bytes()).walk("VEVENT")
    for event in events:  # one day each: the end of an all-day event is exclusive
        assert event["dtend"].dt - event["dtstart"].dt == dt.timedelta(days=1)
    read_back = sorted((str(e["summary"]), e["dtstart"].dt.isoformat()) for e in events)
    expected = []
    for firm, item, _amount, window, _days in listed:  # a window: the day it opens and the day it closes
        opens, closes = window.split(" 至 ")
        title = f"【培训示例】{firm}：{item.removeprefix('【培训示例】')}"
        expected += [(f"申报开始：{title}", opens), (f"申报截止：{title}", closes)]
    assert read_back == sorted(expected)
    lighting = next(e for e in events if LIGHTING in str(e["summary"]) and "保费" in str(e["summary"]))
    assert "可申请：360,000.00 元" in str(lighting["description"])


def test_export_is_off_without_windows_and_a_cancelled_dialog_writes_nothing(
    qtbot: QtBot, filled: Store, message_log: RecordingSink, tmp_path: Path
) -> None:
    page = make_page(qtbot, filled)
    assert not page.calendar.export_button.isEnabled()
    pick_training(qtbot, page, LIGHTING)
    assert page.calendar.export() is None  # the file dialog was cancelled (no file queued)
    assert message_log.of_kind("saved") == [] and list(tmp_path.glob("*.ics")) == []


def test_an_unwritable_place_is_named_in_one_message(
    qtbot: QtBot, filled: Store, message_log: RecordingSink, tmp_path: Path
) -> None:
    page = make_page(qtbot, filled)
    pick_training(qtbot, page, LIGHTING)
    message_log.files.append(tmp_path / "no-such-folder" / "windows.ics")
    page.calendar.export_button.click()
    [error] = message_log.of_kind("error")
    assert error.title == "无法导出日历" and "windows.ics" in error.text


def test_the_windows_are_computed_on_showing_the_page_not_while_searching(qtbot: QtBot, filled: Store) -> None:
    page = make_page(qtbot, filled)
    pick_training(qtbot, page, LIGHTING)
    calendar = page.calendar.stored
    calendar.computed = -1
    page.search.setText("灯饰")
    page.refresh()
    assert calendar.computed == -1  # a search never computes windows
    page.hide()
    page.show()
    assert calendar.computed == 0  # shown again: nothing was saved since, every result is kept
    assert [row[0] for row in shown_rows(page)] == [LIGHTING] * 3


def test_the_start_page_with_the_calendar_fits_a_laptop_and_a_projector(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.ui.app import fit_to_screen

    for size, free in SCREENS.items():
        monkeypatch.setattr(screen_fit, "available", lambda widget=None, free=free: free)
        window = MainWindow(database=f"sqlite:///{tmp_path / f'{size}.db'}")
        window.confirm_unsaved_close = False
        qtbot.addWidget(window)
        fit_to_screen(window)
        window.show()
        window.start()
        assert window.document.lasting
        page = window.work.start_page
        page.import_files(sorted(EXAMPLES.glob("*.json")))
        for name in (LIGHTING, APPLIANCES):
            assert page.select_assessment(assessment_of(window.document.store, name))
            page.pick_guide(TRAINING)
        window.show_start()
        QApplication.processEvents()
        assert page.calendar.table.isVisible() or page.calendar.summary.isVisible()
        _fits(window, QRect(free))
        inside = QRect(0, 0, window.width(), window.height())
        for widget in (page.calendar.export_button, page.guide_picker.combo, page.tree):
            corner = widget.mapTo(window, widget.rect().bottomRight())
            assert inside.contains(corner), (size, widget)
        assert page.tree.height() >= 150, size  # the list of enterprises keeps its room
        window.work.close(ask=False)


def test_the_calendar_in_english(qtbot: QtBot, english: LanguageSwitcher, filled: Store) -> None:  # noqa: F811
    page = make_page(qtbot, filled)
    pick_training(qtbot, page, LIGHTING, "[Training example]")
    rows = shown_rows(page)
    assert rows[0][1:] == [
        "[Training example] Support for short-term export credit insurance premiums",
        "360,000.00",
        "2026-11-16 to 2026-12-11",
        "10 days left",
    ]
    assert rows[2][4] == "Opens in 35 days"
    headers = [page.calendar.model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers == ["Enterprise", "Support item", "Amount (yuan)", "Window", "Time left"]
    texts = _visible_texts(page) + [cell for row in rows for cell in row]
    assert _chinese_left(texts, [LIGHTING, APPLIANCES, "中山市石岐小帆贸易商行（示例）"]) == []


def test_many_assessments_to_compute_are_computed_off_the_window_thread_with_the_same_windows(
    qtbot: QtBot, filled: Store
) -> None:
    """With 20,000 stored assessments and a guide with open windows the page stood still for 7.2 s (issue 22,
    point 11): from `background_from` assessments on, the windows are computed beside the window and arrive."""
    page = make_page(qtbot, filled)
    pick_training(qtbot, page, LIGHTING)
    expected = shown_rows(page)
    page.calendar.stored = type(page.calendar.stored)(filled)  # nothing kept: everything computed anew
    page.calendar.background_from = 1
    page.calendar.refresh()
    assert page.calendar.job is not None and page.calendar.count.text().startswith("正在计算 3 份评估的申报窗口")
    page.refresh()  # the list answers meanwhile
    page.calendar.refresh()  # asked again while it runs: done once more after it
    qtbot.waitUntil(lambda: page.calendar.job is None and not page.calendar._again, timeout=20_000)
    assert shown_rows(page) == expected
    assert page.calendar.count.text() == "3 项，最早截止的在前"
