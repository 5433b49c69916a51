"""Long work (reading a thousand answers files, a large workbook) off the window's thread.

A `Job` runs a plain function in a thread of its own; the function is given `progress(done, total)` and
`cancelled()` and returns its result, which arrives on the window's thread through `finished`. The
function must not touch widgets or the database connection of the window's thread: it reads files and
computes, the caller stores and shows the result.

A Python thread rather than a QThread with a worker object moved into it: the job's signals belong to an
object of the window's thread, so Qt queues every emission from the worker to the window's event loop,
and no Qt object ever lives in, or is deleted from, the worker thread.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

Work = Callable[[Callable[[int, int], None], Callable[[], bool]], object]


class Job(QObject):
    """One piece of work in its own thread. `finished(result)` or `failed(reason)` comes once, on the
    thread that started the job; `progressed(done, total)` as the work goes."""

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    _done = Signal(object, str)  # from the worker: (result, "") or (None, reason)

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="zs-trade-job", daemon=True)
        self._done.connect(self._arrived)
        self.running = False
        self.result: Any = None

    def start(self) -> None:
        self.running = True
        self._thread.start()

    def cancel(self) -> None:
        """Ask the work to stop at its next check; what it did so far still arrives through `finished`."""
        self._stop.set()

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()

    def wait(self, seconds: float = 30.0) -> bool:
        """Block until the work has ended (closing the window while it runs); its result is then dropped."""
        self._thread.join(seconds)
        return not self._thread.is_alive()

    def _run(self) -> None:
        try:
            result = self._work(self._progress, self._stop.is_set)
        except Exception as exc:  # a bug must end in a message in the window, not a silent dead thread
            self._deliver(None, str(exc) or type(exc).__name__)
        else:
            self._deliver(result, "")

    def _progress(self, done: int, total: int) -> None:
        if not self._stop.is_set():
            with contextlib.suppress(RuntimeError):  # the window went meanwhile: nobody to tell
                self.progressed.emit(done, total)

    def _deliver(self, result: object, reason: str) -> None:
        with contextlib.suppress(RuntimeError):  # the window went meanwhile (closed while the job ran)
            self._done.emit(result, reason)

    def _arrived(self, result: object, reason: str) -> None:
        self.running = False
        if reason:
            self.failed.emit(reason)
        else:
            self.result = result
            self.finished.emit(result)
