"""The packs dialog: what the program knows, adding a pack, refusing a broken one, the expiry banner."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.paths import user_packs_dir
from desktop.policy.registry import bundled_folder, known_registry
from desktop.ui.dialogs import RecordingSink
from desktop.ui.packs_dialog import PacksDialog

BUNDLED = bundled_folder() / "zhongshan-2025.toml"


def pack_file(folder: Path, version: str, *, valid_to: str = "2025-12-31", broken: bool = False) -> Path:
    text = BUNDLED.read_text(encoding="utf-8").replace('version = "2025.3"', f'version = "{version}"', 1)
    text = text.replace("valid_to = 2025-12-31", f"valid_to = {valid_to}", 1)
    if broken:
        text = text.replace('rate = "0.30"', 'rate = "30"').replace('section = "ip"', 'section = "patents"')
    path = folder / f"pack-{version}.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def dialog(qtbot: QtBot) -> PacksDialog:
    shown = PacksDialog(known_registry(), today=lambda: dt.date(2025, 11, 30))
    qtbot.addWidget(shown)
    return shown


def test_the_bundled_pack_is_listed_with_its_validity_source_and_hash(dialog: PacksDialog) -> None:
    rows = dialog.rows()
    assert len(rows) == 1
    pack = known_registry().get("zhongshan-2025")
    assert rows[0] == [
        "zhongshan-2025",
        "2025.3",
        "中山市稳外贸促增长若干措施",
        "2025-04-15 至 2025-12-31",
        "有效",
        "程序自带",
        pack.short_hash,
    ]
    assert dialog.table.item(0, 6).toolTip() == pack.hash


def test_adding_a_pack_lists_it_as_user_added_and_uses_it_for_new_assessments(
    dialog: PacksDialog, tmp_path: Path, message_log: RecordingSink, qtbot: QtBot
) -> None:
    message_log.files.append(pack_file(tmp_path, "2026.1", valid_to="2026-12-31"))
    with qtbot.waitSignal(dialog.packs_changed):
        dialog.add_button.click()
    rows = dialog.rows()
    assert [r[1] for r in rows] == ["2025.3", "2026.1"]
    assert rows[1][5] == "用户添加"
    assert dialog.registry.get("zhongshan-2025").version == "2026.1"
    assert "已添加" in message_log.of_kind("information")[-1].text
    assert (user_packs_dir() / "zhongshan-2025-2026.1.toml").exists()


def test_a_broken_pack_is_refused_with_every_error_and_nothing_changes(
    dialog: PacksDialog, tmp_path: Path, message_log: RecordingSink
) -> None:
    before = dialog.rows()
    assert dialog.add_pack_file(pack_file(tmp_path, "2025.5", broken=True)) is None
    error = message_log.of_kind("error")[-1]
    assert error.title == "政策包有错误"
    assert "2 处错误" in error.text
    assert "比例应在 0 到 1 之间" in error.text
    assert "未知的分节 'patents'" in error.text
    assert dialog.rows() == before
    assert not user_packs_dir().exists()


def test_a_different_pack_under_a_known_version_is_refused(
    dialog: PacksDialog, tmp_path: Path, message_log: RecordingSink
) -> None:
    assert dialog.add_pack_file(pack_file(tmp_path, "2025.3", valid_to="2026-06-30")) is None
    assert message_log.of_kind("error")[-1].title == "未添加政策包"
    assert len(dialog.rows()) == 1


def test_status_follows_the_date(qtbot: QtBot) -> None:
    later = PacksDialog(known_registry(), today=lambda: dt.date(2026, 1, 5))
    qtbot.addWidget(later)
    assert later.rows()[0][4] == "已到期"
    earlier = PacksDialog(known_registry(), today=lambda: dt.date(2025, 1, 5))
    qtbot.addWidget(earlier)
    assert earlier.rows()[0][4] == "尚未生效"


def test_broken_files_in_the_user_folder_are_mentioned(qtbot: QtBot) -> None:
    user_packs_dir().mkdir(parents=True)
    (user_packs_dir() / "half.toml").write_text("[pack]\n", encoding="utf-8")
    shown = PacksDialog(known_registry())
    qtbot.addWidget(shown)
    assert "half.toml" in shown.broken.text()
    assert not shown.broken.isHidden()


def test_every_skipped_file_of_the_folder_is_listed_with_its_reason(qtbot: QtBot, isolated_data_dir: Path) -> None:
    folder = user_packs_dir()
    folder.mkdir(parents=True)
    (folder / "digits.toml").write_text("[pack]\narticle = " + "6" * 5_000 + "\n", encoding="utf-8")
    os.mkfifo(folder / "pipe.toml")
    impostor = BUNDLED.read_text(encoding="utf-8").replace('rate = "0.30"', 'rate = "0.90"')
    (folder / "copy.toml").write_text(impostor, encoding="utf-8")
    shown = PacksDialog(known_registry())
    qtbot.addWidget(shown)
    text = shown.broken.text()
    assert "digits.toml: 含有位数过多的数字" in text
    assert "pipe.toml: 不是普通文件" in text
    assert "copy.toml: 编号 zhongshan-2025、版本 2025.3 与程序自带的政策包" in text
    assert [row[5] for row in shown.rows()] == ["程序自带"]  # the bundled pack, not the copy
