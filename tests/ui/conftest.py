"""UI fixtures: no test ever blocks on a message box, and the window starts on a known date."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.policy import Pack
from desktop.store import Store, open_store
from desktop.ui import dialogs
from desktop.ui.dialogs import RecordingSink
from desktop.ui.i18n import LanguageSwitcher
from desktop.ui.main_window import MainWindow
from desktop.ui.refcount_guard import guard_singletons
from desktop.ui.session import AssessmentSession

# PySide6 6.12.0 on Python 3.11 leaks references of None with every Qt call (see the module): without
# the guard a long test run can abort the interpreter.
guard_singletons()

ASSESSED_ON = dt.date(2025, 11, 30)


@pytest.fixture(autouse=True)
def message_log(monkeypatch: pytest.MonkeyPatch) -> RecordingSink:
    """Every message box and file dialog of the window goes here instead of the screen."""
    sink = RecordingSink()
    monkeypatch.setattr(dialogs, "sink", sink)
    return sink


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A database of its own in the test's folder, closed after the test."""
    opened = open_store(f"sqlite:///{tmp_path / 'assessments.db'}")
    yield opened
    opened.close()


@pytest.fixture
def session(pack: Pack, qapp: object) -> AssessmentSession:
    made = AssessmentSession(pack, assessed_on=ASSESSED_ON)
    made.today = lambda: ASSESSED_ON  # windows and the period sentence are counted from a known day
    return made


@pytest.fixture
def window(qtbot: QtBot, session: AssessmentSession) -> MainWindow:
    main = MainWindow(session)
    main.confirm_unsaved_close = False  # qtbot closes the window after each test
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show_questionnaire()
    main.show()
    return main


@pytest.fixture(scope="session")
def compiled_catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The window's English catalogue compiled from the checkout's `.ts` (whether or not `make translations` ran)."""
    folder = tmp_path_factory.mktemp("catalogue")
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    source = Path(__file__).resolve().parents[2] / "resources" / "translations" / "desktop_en.ts"
    subprocess.run([str(lrelease), "-silent", str(source), "-qm", str(folder / "desktop_en.qm")], check=True)
    return folder


@pytest.fixture
def real_switcher(qapp: QApplication, compiled_catalogue: Path, tmp_path: Path) -> Iterator[LanguageSwitcher]:
    """The language switch of the program, starting in Chinese; its translators removed after the test."""
    switcher = LanguageSwitcher(qapp, directory=compiled_catalogue, settings_path=tmp_path / "settings.json")
    switcher.start("zh")
    yield switcher
    switcher.uninstall()
