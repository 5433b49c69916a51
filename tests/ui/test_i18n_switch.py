"""Switching the language at runtime: translators, Qt's own texts, the remembered choice.

These tests use a tiny catalogue of their own, so they say what the switching does whatever the
program's texts are; tests/ui/test_i18n_window.py checks the real window with the real catalogue.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QLocale
from PySide6.QtWidgets import QApplication, QCalendarWidget, QDialogButtonBox, QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from desktop.settings import read_settings
from desktop.ui.i18n import LanguageSwitcher, current_language, remembered_language

PROBE_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>Probe</name>
    <message>
        <source>问卷</source>
        <translation>Questionnaire</translation>
    </message>
</context>
</TS>
"""


class Probe(QWidget):
    """A widget written the way the window's widgets are: texts set in `retranslate`, called again on
    every LanguageChange."""

    def __init__(self) -> None:
        super().__init__()
        self.label = QLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.buttons)
        self.retranslations = 0
        self.retranslate()

    def retranslate(self) -> None:
        self.retranslations += 1
        self.label.setText(self.tr("问卷"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def cancel_text(self) -> str:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        assert button is not None
        return button.text().replace("&", "")


@pytest.fixture(scope="module")
def catalogue_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("translations")
    (folder / "desktop_en.ts").write_text(PROBE_TS, encoding="utf-8")
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run(
        [str(lrelease), "-silent", str(folder / "desktop_en.ts"), "-qm", str(folder / "desktop_en.qm")], check=True
    )
    return folder


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.json"


@pytest.fixture
def switcher(qapp: QApplication, catalogue_dir: Path, settings_path: Path) -> Iterator[LanguageSwitcher]:
    switcher = LanguageSwitcher(qapp, directory=catalogue_dir, settings_path=settings_path)
    yield switcher
    switcher.uninstall()  # leave the application as other tests expect it: no translators


@pytest.fixture
def probe(qtbot: QtBot) -> Probe:
    widget = Probe()
    qtbot.addWidget(widget)
    return widget


def test_chinese_is_the_language_before_any_choice(switcher: LanguageSwitcher, probe: Probe) -> None:
    assert switcher.start() == "zh"
    assert current_language() == "zh"
    assert probe.label.text() == "问卷"
    assert probe.cancel_text() == "取消"


def test_switching_to_english_retranslates_every_widget_before_it_returns(
    switcher: LanguageSwitcher, probe: Probe
) -> None:
    switcher.start()
    before = probe.retranslations
    switcher.switch("en")
    assert current_language() == "en"
    assert probe.label.text() == "Questionnaire"
    assert probe.cancel_text() == "Cancel"  # Qt's own texts follow
    assert probe.retranslations == before + 1  # one LanguageChange, not one per translator


def test_switching_back_restores_chinese(switcher: LanguageSwitcher, probe: Probe) -> None:
    switcher.switch("en")
    switcher.switch("zh")
    assert probe.label.text() == "问卷"
    assert probe.cancel_text() == "取消"


def test_the_switch_is_announced_with_the_new_language(switcher: LanguageSwitcher, qtbot: QtBot) -> None:
    with qtbot.waitSignal(switcher.language_changed) as signal:
        switcher.switch("en")
    assert signal.args == ["en"]


def test_the_choice_is_remembered_for_the_next_start(
    qapp: QApplication, catalogue_dir: Path, switcher: LanguageSwitcher, settings_path: Path, probe: Probe
) -> None:
    switcher.switch("en")
    assert read_settings(settings_path) == {"language": "en"}
    switcher.uninstall()

    next_start = LanguageSwitcher(qapp, directory=catalogue_dir, settings_path=settings_path)
    try:
        assert next_start.start() == "en"
        assert probe.label.text() == "Questionnaire"
    finally:
        next_start.uninstall()


def test_a_language_given_on_the_command_line_is_not_remembered(
    switcher: LanguageSwitcher, settings_path: Path
) -> None:
    assert switcher.start("en") == "en"
    assert current_language() == "en"
    assert not settings_path.exists()


def test_the_remembered_choice_keeps_other_settings(switcher: LanguageSwitcher, settings_path: Path) -> None:
    settings_path.write_text(json.dumps({"last_folder": "D:/会员企业"}), encoding="utf-8")
    switcher.switch("en")
    assert read_settings(settings_path) == {"language": "en", "last_folder": "D:/会员企业"}


@pytest.mark.parametrize("content", ["", "{not json", '["en"]', '{"language": "fr"}', "\xff\xfe"])
def test_a_damaged_settings_file_means_chinese(settings_path: Path, content: str) -> None:
    settings_path.write_text(content, encoding="latin-1")
    assert remembered_language(settings_path) == "zh"


def test_a_settings_folder_that_cannot_be_written_does_not_stop_the_switch(
    qapp: QApplication, catalogue_dir: Path, tmp_path: Path, probe: Probe
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    switcher = LanguageSwitcher(qapp, directory=catalogue_dir, settings_path=blocker / "settings.json")
    try:
        switcher.switch("en")
        assert probe.label.text() == "Questionnaire"
    finally:
        switcher.uninstall()


def test_without_a_compiled_catalogue_the_window_stays_chinese(
    qapp: QApplication, tmp_path: Path, settings_path: Path, probe: Probe
) -> None:
    switcher = LanguageSwitcher(qapp, directory=tmp_path, settings_path=settings_path)
    try:
        switcher.switch("en")
        assert current_language() == "en"  # pack texts still switch
        assert probe.label.text() == "问卷"
        assert probe.cancel_text() == "Cancel"
        assert switcher.missing == ["desktop_en.qm"]
    finally:
        switcher.uninstall()


def test_the_settings_file_is_replaced_whole(settings_path: Path, switcher: LanguageSwitcher) -> None:
    switcher.switch("en")
    switcher.switch("zh")
    assert read_settings(settings_path) == {"language": "zh"}
    assert [path.name for path in settings_path.parent.iterdir()] == ["settings.json"]  # no temporary left


def test_new_widgets_take_the_locale_of_the_language(qapp: QApplication, catalogue_dir: Path, tmp_path: Path) -> None:
    """The calendar's month names come from the locale, not from a catalogue."""
    before = QLocale().name()
    switcher = LanguageSwitcher(qapp, directory=catalogue_dir, settings_path=tmp_path / "settings.json")
    try:
        switcher.switch("en")
        assert QLocale().name() == "en_GB"
        assert QCalendarWidget().locale().monthName(3) == "March"
        switcher.switch("zh")
        assert QCalendarWidget().locale().monthName(3) == "三月"
    finally:
        switcher.uninstall()
    assert QLocale().name() == before
