"""Ctrl+C in the terminal that started the program closes the window, as its close button does.

Qt's event loop runs in C++, and Python calls a signal handler only between its own bytecodes: without
help, Ctrl+C waits until the next mouse move, or is never seen. A timer lets the interpreter run four
times a second; the handler then closes the window through the normal path (the last autosave, the
open assessment remembered). A second Ctrl+C while the window refuses to close ends the event loop.
"""

from __future__ import annotations

import signal
from types import FrameType

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QWidget

WAKE_MS = 250


def close_on_interrupt(window: QWidget) -> None:
    requested = {"count": 0}

    def interrupted(_signum: int, _frame: FrameType | None) -> None:
        requested["count"] += 1
        if requested["count"] == 1:
            QTimer.singleShot(0, window.close)
        else:
            QTimer.singleShot(0, QCoreApplication.quit)

    signal.signal(signal.SIGINT, interrupted)
    timer = QTimer(window)
    timer.timeout.connect(lambda: None)  # only to hand control back to Python now and then
    timer.start(WAKE_MS)
