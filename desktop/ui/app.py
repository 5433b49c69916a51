"""`python -m desktop`: the QApplication, the bundled font, and the main window.

Start-up order matters for speed: the window frame is shown first; the policy pack, the engine and
the questionnaire pages are built right after the first paint. Nothing heavy (SQLAlchemy, ReportLab)
is imported here at all.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop.later import later
from desktop.resources import resource_path
from desktop.ui.fonts import BOLD, register_font, use_bundled_font
from desktop.ui.i18n import LanguageSwitcher, display_name
from desktop.ui.interrupt import close_on_interrupt
from desktop.ui.main_window import MainWindow
from desktop.ui.refcount_guard import guard_singletons
from desktop.ui.screen_fit import fit_window
from desktop.ui.single_instance import bring_to_front, claim, report_other_copy

if TYPE_CHECKING:
    from desktop.ui import background
else:
    background = later("desktop.ui.background")  # multiprocessing: after the first paint

QUIT_AFTER_SHOW_ENV = "ZS_TRADE_QUIT_AFTER_SHOW"
DEFAULT_SIZE = (1280, 760)


class _FirstExpose(QObject):
    """Runs `then` once, when the window is first exposed (drawn on screen)."""

    def __init__(self, window: MainWindow, then: Callable[[], None]) -> None:
        super().__init__(window)
        self.window = window
        self.then = then
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Expose and not self.done:
            handle = self.window.windowHandle()
            if handle is not None and handle.isExposed():
                self.fire()
        return False

    def fire(self) -> None:
        if not self.done:
            self.done = True
            self.then()


def create_application() -> QApplication:
    guard_singletons()
    existing = QApplication.instance()
    app = cast(QApplication, existing) if existing is not None else QApplication(sys.argv)
    app.setApplicationName("zs-trade-support")
    app.setApplicationDisplayName(display_name())  # set again by LanguageSwitcher on every switch
    use_bundled_font(app)
    icon = resource_path("icons", "zs-trade.png")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def fit_to_screen(window: MainWindow) -> None:
    """1280×760 where it fits; on a 1366×768 laptop, the screen's free area less the window's frame."""
    fit_window(window, *DEFAULT_SIZE)


def main(database: str | None = None, lang: str | None = None) -> int:
    app = create_application()
    held = claim(database)  # one copy per local database: a second start brings the first to the front
    if held.message:
        return report_other_copy(held)
    switcher = LanguageSwitcher(app, parent=app)
    chosen = switcher.start(lang)  # the command line's --lang, else the language remembered from last time
    window = MainWindow(database=database, lang=chosen, switcher=switcher)
    if held.guard is not None:
        held.guard.activate_requested.connect(lambda: bring_to_front(window))
        app.aboutToQuit.connect(held.guard.release)
    close_on_interrupt(window)
    fit_to_screen(window)
    quit_after_show = os.environ.get(QUIT_AFTER_SHOW_ENV) == "1"

    def first_shown() -> None:
        if quit_after_show:
            print("window shown", flush=True)
        QTimer.singleShot(0, finish_start)

    def finish_start() -> None:
        register_font(BOLD)
        if held.guard is not None:
            held.guard.listen()  # now that the window is up: a second start brings it to the front
        window.start()
        # What the start made (modules, the pack, the questionnaire) lives as long as the program: left out of
        # later collections, which then stay small (a full one walking it all paused the window).
        background.keep_out_of_collections()
        if quit_after_show:
            print("questionnaire ready", flush=True)
            QTimer.singleShot(0, app.quit)

    watcher = _FirstExpose(window, first_shown)
    window.show()
    handle = window.windowHandle()
    if handle is not None and handle.isExposed():
        watcher.fire()
    elif handle is not None:
        handle.installEventFilter(watcher)
    # Should no expose event come (a minimised start), build the questionnaire anyway.
    QTimer.singleShot(1000, watcher.fire)
    return int(app.exec())
