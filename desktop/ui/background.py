"""Long work (reading a thousand answers files, a large workbook) off the window's thread.

A `Job` runs a plain function in a thread of its own; the function is given `progress(done, total)` and
`cancelled()` and returns its result, which arrives on the window's thread through `finished`. The
function must not touch widgets or the database connection of the window's thread: it reads files and
computes, the caller stores and shows the result.

A Python thread rather than a QThread with a worker object moved into it: the job's signals belong to an
object of the window's thread, so Qt queues every emission from the worker to the window's event loop,
and no Qt object ever lives in, or is deleted from, the worker thread.

The window's thread shares the interpreter's lock with the job: a full collection of the garbage collector,
walking every object a 5,000-firm import made, held it for 1.1-1.5 s and froze the window as long. So a
long job moves what it made into the collector's permanent generation as it goes (`gc.freeze`, after a
young collection): collections stay small, on either thread. Work that makes a great deal of short-lived
structure (drawing a PDF) runs in a process of its own instead (`in_process`).
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import multiprocessing.connection
import multiprocessing.process
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

Work = Callable[[Callable[[int, int], None], Callable[[], bool]], object]
FREEZE_EVERY = 0.1
"""Seconds of work between two moves of what a job made into the permanent generation."""


def keep_out_of_collections() -> None:
    """Collect the young generations (cheap), then leave every object alive now out of later collections."""
    gc.collect(1)
    gc.freeze()


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
        self._started = self._frozen_at = 0.0

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
        self._frozen_at = self._started = time.monotonic()
        try:
            result = self._work(self._progress, self._stop.is_set)
        except Exception as exc:  # a bug must end in a message in the window, not a silent dead thread
            self._deliver(None, str(exc) or type(exc).__name__)
        else:
            if time.monotonic() - self._started > FREEZE_EVERY:
                keep_out_of_collections()  # what it made lives on in the window: never walked again
            self._deliver(result, "")

    def _progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._frozen_at > FREEZE_EVERY:
            self._frozen_at = now
            keep_out_of_collections()
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


class ProcessFailedError(Exception):
    """The work in a process of its own failed or the process ended; the message says how."""


PIECE = 200
"""Entries of a long list sent to a process at a time: pickling 5,000 summary rows in one go held the
interpreter lock for half a second."""


def in_process(
    target: Callable[..., object],
    args: tuple[object, ...],
    progress: Callable[[int, int], None],
    cancelled: Callable[[], bool],
) -> object | None:
    """Run `target(*args, report)` in a process of its own (spawned: nothing of this process is copied into
    it) and return its result; `report(n)` there arrives here as `progress(n, 0)`. Meant to be called in a
    Job: this thread sends the arguments (a long list in pieces) and then only waits on a pipe. None when
    `cancelled()` (the process is ended)."""
    context = multiprocessing.get_context("spawn")
    here, there = context.Pipe()
    process = context.Process(target=_in_child, args=(target, there), daemon=True)
    process.start()
    there.close()
    try:
        for arg in args:
            if isinstance(arg, list) and len(arg) > PIECE:
                here.send(("list", None))
                for start in range(0, len(arg), PIECE):
                    here.send(("more", arg[start : start + PIECE]))
            else:
                here.send(("arg", arg))
        here.send(("go", None))
        return _outcome(process, here, progress, cancelled)
    finally:
        here.close()
        process.join(5)


def _outcome(
    process: multiprocessing.process.BaseProcess,
    here: multiprocessing.connection.Connection,
    progress: Callable[[int, int], None],
    cancelled: Callable[[], bool],
) -> object | None:
    while True:
        if cancelled():
            process.terminate()
            return None
        if here.poll(0.1):
            try:
                kind, value = here.recv()
            except EOFError:
                raise ProcessFailedError(f"the process ended (exit {process.exitcode})") from None
            if kind == "progress":
                progress(int(value), 0)
            elif kind == "done":
                result: object = value
                return result
            else:
                raise ProcessFailedError(str(value))
        elif not process.is_alive() and not here.poll(0):
            raise ProcessFailedError(f"the process ended (exit {process.exitcode})")


def _in_child(target: Callable[..., object], pipe: multiprocessing.connection.Connection) -> None:
    from desktop.report.batch import end_with_parent  # in the child process only: not in the window's

    end_with_parent()
    args: list[object] = []
    while True:
        kind, value = pipe.recv()
        if kind == "go":
            break
        if kind == "list":
            args.append([])
        elif kind == "more":
            growing = args[-1]
            assert isinstance(growing, list) and isinstance(value, list)
            growing.extend(value)
        else:
            args.append(value)
    try:
        result = target(*args, lambda n: pipe.send(("progress", n)))
    except Exception as exc:
        pipe.send(("error", f"{type(exc).__name__}: {exc}"))
    else:
        pipe.send(("done", result))
