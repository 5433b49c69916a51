"""A hostile guide from the window (issue 22, points 2 and 4): 添加申报指南… refuses it in words naming the
file, and 导出日历… exports every window it can and names those it cannot, instead of raising."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.policy.registry import known_registry
from desktop.store import Store
from desktop.ui.dialogs import RecordingSink
from desktop.ui.packs_dialog import PacksDialog
from tests.policy.test_guide_limits import HOSTILE
from tests.ui.test_window_calendar import LIGHTING, filled, make_page, pick_training  # noqa: F401 (a fixture)


def test_adding_a_guide_nested_900_deep_says_so_and_installs_nothing(
    qtbot: QtBot, tmp_path: Path, message_log: RecordingSink
) -> None:
    dialog = PacksDialog(known_registry(), today=lambda: dt.date(2026, 12, 1))
    qtbot.addWidget(dialog)
    for number, case in enumerate(("nested 900 deep", "a 5,000-digit integer", "LF in the round")):
        path = tmp_path / f"通知{number}.toml"
        path.write_bytes(HOSTILE[case][0])
        assert dialog.add_guide_file(path) is None
    said = message_log.of_kind("error")
    assert len(said) == 3
    assert all(f"通知{n}.toml 有 1 处错误，未添加申报指南" in m.text for n, m in enumerate(said))
    assert "嵌套过深" in said[0].text and "位数过多" in said[1].text and "U+000A" in said[2].text
    assert len(dialog.guide_rows()) == 2  # the bundled ones only


def test_exporting_the_calendar_leaves_out_a_window_it_cannot_write_and_says_which(
    qtbot: QtBot,
    filled: Store,  # noqa: F811 (the fixture)
    message_log: RecordingSink,
    tmp_path: Path,
) -> None:
    page = make_page(qtbot, filled)
    pick_training(qtbot, page, LIGHTING)
    model = page.calendar.model
    first = model.entries[0]
    absurd = replace(
        first, state=replace(first.state, window=replace(first.state.window, closes=dt.date(9999, 12, 31)))
    )
    model.entries = [absurd, *model.entries]
    message_log.files.append(tmp_path / "windows.ics")
    assert page.calendar.export() == tmp_path / "windows.ics"
    [saved] = message_log.of_kind("saved")
    assert "已把 3 个申报窗口存入" in saved.text
    assert "以下 1 个窗口的日期无法写入日历" in saved.text and "9999-12-31" in saved.text
    from desktop.report.calendar_file import window_events

    events = (tmp_path / "windows.ics").read_text(encoding="utf-8").count("BEGIN:VEVENT")
    assert events == len(window_events(model.entries[1:]))  # every other window's days
