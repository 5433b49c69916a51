"""工具 → 政策包 (issue 13): the application guides per pack, 添加申报指南… (a bad guide refused with every
error named, nothing installed), and what a newer version of an installed pack changes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.paths import user_guides_dir
from desktop.policy.guide_registry import bundled_guides_folder, known_guides
from desktop.policy.registry import known_registry
from desktop.ui import packs_dialog
from desktop.ui.dialogs import RecordingSink
from desktop.ui.main_window import MainWindow
from desktop.ui.packs_dialog import PacksDialog
from tests.conftest import EXAMPLES
from tests.ui.test_packs_dialog import pack_file

TODAY = dt.date(2026, 12, 1)
TRAINING = bundled_guides_folder() / "zhongshan-2025-training.toml"


def guide_file(folder: Path, name: str, *, replace: dict[str, str] | None = None) -> Path:
    """The bundled training guide as a new real guide (its own id, the newest), with the given text changes."""
    text = TRAINING.read_text(encoding="utf-8")
    text = text.replace('id = "zhongshan-2025-training"', 'id = "zhongshan-2025-round-2026"', 1)
    text = text.replace("example = true", "example = false", 1)
    text = text.replace("published_on = 2026-11-01", "published_on = 2026-12-01", 1)
    training_round = 'round = "演示用的申报轮次（虚构的申报窗口，不是真实通知）"'
    text = text.replace(training_round, 'round = "2026 年申报（测试用通知）"', 1)
    for old, new in (replace or {}).items():
        assert old in text, old
        text = text.replace(old, new, 1)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def dialog(qtbot: QtBot) -> PacksDialog:
    shown = PacksDialog(known_registry(), today=lambda: TODAY)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def test_the_bundled_guides_are_listed_per_pack_with_round_date_example_mark_and_source(dialog: PacksDialog) -> None:
    assert dialog.guide_rows() == [
        [
            "zhongshan-2025",
            "2026 年申报（2025 年度的支持）：截至 2026-11-30 未见申报通知",
            "2026-11-30",
            "整理自中山市各部门公开网页和以往年度的申报通知（见各联系方式的来源）",
            "程序自带",
        ],
        [
            "zhongshan-2025",
            "【培训示例】演示用的申报轮次（虚构的申报窗口，不是真实通知）",
            "2026-11-01",
            "培训用虚构数据",
            "程序自带",
        ],
    ]


def test_adding_a_guide_lists_it_as_added_and_it_applies_from_now_on(
    dialog: PacksDialog, tmp_path: Path, message_log: RecordingSink, qtbot: QtBot
) -> None:
    message_log.files.append(guide_file(tmp_path, "通知.toml"))
    with qtbot.waitSignal(dialog.guides_changed):
        qtbot.mouseClick(dialog.add_guide_button, Qt.MouseButton.LeftButton)
    assert message_log.of_kind("open_file")[0].text == "申报指南 (*.toml)"
    rows = dialog.guide_rows()
    assert rows[0][1:3] == ["2026 年申报（测试用通知）", "2026-12-01"]
    assert rows[0][4] == "用户添加"
    [added] = message_log.of_kind("information")
    assert added.title == "已添加申报指南" and "未选定申报指南的评估从现在起使用它" in added.text
    assert (user_guides_dir() / "zhongshan-2025-round-2026.toml").exists()
    assert known_guides().applying("zhongshan-2025").id == "zhongshan-2025-round-2026"
    assert dialog.added


def test_a_guide_for_an_unknown_pack_is_refused_naming_the_file_and_field(
    dialog: PacksDialog, tmp_path: Path, message_log: RecordingSink
) -> None:
    before = dialog.guide_rows()
    bad = guide_file(tmp_path, "other.toml", replace={'pack = "zhongshan-2025"': 'pack = "zhongshan-2031"'})
    assert dialog.add_guide_file(bad) is None
    [error] = message_log.of_kind("error")
    assert error.title == "申报指南有错误"
    assert "other.toml: [guide].pack: 未知的政策包 'zhongshan-2031'" in error.text
    assert dialog.guide_rows() == before and not user_guides_dir().exists() and not dialog.added


def test_a_guide_with_several_errors_names_each_and_installs_nothing(
    dialog: PacksDialog, tmp_path: Path, message_log: RecordingSink
) -> None:
    before = dialog.guide_rows()
    bad = guide_file(
        tmp_path,
        "坏的指南.toml",
        replace={
            "opens = 2026-11-16, closes = 2026-12-11": "opens = 2026-12-11, closes = 2026-11-16",
            "published_on = 2026-12-01": 'published_on = "2026-02-30"',
            'item = "aeo"': 'item = "no_such_item"',
        },
    )
    message_log.files.append(bad)
    dialog.add_guide_button.click()
    [error] = message_log.of_kind("error")
    assert error.text.startswith("坏的指南.toml 有 3 处错误，未添加申报指南：")
    assert (
        "坏的指南.toml: items[0]（credit_insurance）.window.closes: 截止日 2026-11-16 早于开始日 2026-12-11"
        in error.text
    )
    assert "坏的指南.toml: [guide].published_on: 应为日期（如 2025-04-15），实际为 '2026-02-30'" in error.text
    assert (
        "坏的指南.toml: items[2]（no_such_item）.item: 政策包 zhongshan-2025 中没有支持项目 'no_such_item'"
        in error.text
    )
    assert dialog.guide_rows() == before and not user_guides_dir().exists()
    assert message_log.of_kind("information") == []


def test_the_same_guide_twice_is_said_once_and_changes_nothing(
    dialog: PacksDialog, tmp_path: Path, message_log: RecordingSink
) -> None:
    path = guide_file(tmp_path, "通知.toml")
    assert dialog.add_guide_file(path) is not None
    dialog.added = False
    assert dialog.add_guide_file(path) is not None
    assert message_log.of_kind("information")[-1].title == "申报指南已存在"
    assert len(dialog.guide_rows()) == 3 and not dialog.added


def test_a_newer_version_of_an_installed_pack_shows_what_changed(
    dialog: PacksDialog, tmp_path: Path, message_log: RecordingSink
) -> None:
    assert dialog.changes.isHidden()
    newer = pack_file(tmp_path, "2025.4").read_text(encoding="utf-8").replace('rate = "0.30"', 'rate = "0.25"', 1)
    (tmp_path / "newer.toml").write_text(newer, encoding="utf-8")
    assert dialog.add_pack_file(tmp_path / "newer.toml") is not None
    assert dialog.changes.isVisible() and dialog.changes.isReadOnly()
    assert dialog.changes_label.text() == "政策包 zhongshan-2025 的新版本 2025.4 与版本 2025.3 相比："
    lines = dialog.changes.toPlainText().splitlines()
    assert lines == [
        "《中山市稳外贸促增长若干措施》2025.3 → 《中山市稳外贸促增长若干措施》2025.4",
        "第六条 短期出口信用保险保费支持：比例 30% → 25%",
    ]
    assert "与原有版本相比的变化列在对话框中" in message_log.of_kind("information")[-1].text


def test_an_older_version_shows_no_changes(dialog: PacksDialog, tmp_path: Path) -> None:
    assert dialog.add_pack_file(pack_file(tmp_path, "2025.1")) is not None
    assert dialog.changes.isHidden()


def test_the_changes_are_in_the_windows_language(qtbot: QtBot, tmp_path: Path) -> None:
    english = PacksDialog(known_registry(), today=lambda: TODAY, lang="en")
    qtbot.addWidget(english)
    newer = pack_file(tmp_path, "2025.4").read_text(encoding="utf-8").replace('rate = "0.30"', 'rate = "0.25"', 1)
    (tmp_path / "newer.toml").write_text(newer, encoding="utf-8")
    english.add_pack_file(tmp_path / "newer.toml")
    assert english.changes.toPlainText().splitlines()[1] == (
        "Art. 6 Support for short-term export credit insurance premiums: rate 30% → 25%"
    )


def test_a_guide_added_from_the_tools_menu_shows_its_windows_on_the_start_page(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, message_log: RecordingSink
) -> None:
    window = MainWindow(database=f"sqlite:///{tmp_path / 'a.db'}")
    window.confirm_unsaved_close = False
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.start()
    assert window.document.lasting
    page = window.work.start_page
    page.import_files([EXAMPLES / "lighting-exporter.json"])
    assert page.calendar.table.isHidden()  # the bundled guide has published no window

    today = dt.date.today()  # the window's own clock: the notice's window is set around it
    window_now = f"window = {{ opens = {today - dt.timedelta(days=15)}, closes = {today + dt.timedelta(days=10)} }}"
    guide = guide_file(
        tmp_path, "通知.toml", replace={"window = { opens = 2026-11-16, closes = 2026-12-11 }": window_now}
    )

    def add_in_dialog(parent: MainWindow, registry: object) -> PacksDialog:
        dialog = PacksDialog(known_registry(), parent)
        message_log.files.append(guide)
        dialog.add_guide_button.click()  # what the user does in the dialog before closing it
        return dialog

    monkeypatch.setattr(packs_dialog, "show_packs_dialog", add_in_dialog)
    window.packs_action.trigger()
    assert page.calendar.table.isVisible()
    rows = [
        [str(page.calendar.model.index(r, c).data()) for c in (1, 4)] for r in range(page.calendar.model.rowCount())
    ]
    assert rows[0] == ["短期出口信用保险保费支持", "还有 10 天"]
    window.work.close(ask=False)
