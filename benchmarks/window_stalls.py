"""The longest stall of the window's event loop with 5,000 workspace members and 20,000 stored assessments.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/window_stalls.py [--members 5000]
        [--assessments 20000] [--baseline PATH]

A heartbeat timer ticks every 5 ms on the window's thread; the longest gap between two ticks while a
piece of work runs is how long the window could not repaint or answer a click (the target: none above
200 ms). Measured, each in the real widgets:

  workspace (N member answers files, every 20th broken):
    - import of the folder (read, check, assess off the thread; then the table, the totals, the windows),
    - reopening the workspace from the database,
    - typing a filter and clearing it,
    - the summary PDF of all members;
  start page (M assessments of 5,000 firms, a real guide with open windows applying to all):
    - from building the page to its list shown and answering (usable), the longest stall, and when
      the calendar's windows are there.

With --baseline PATH (a checkout of the code before, e.g. `git worktree add --detach /tmp/base main`),
the same measurements run first with that code, in a process of its own, and both are printed side by
side. Data are made afresh for each run with the code measured (its own database schema).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
TODAY = dt.date(2026, 12, 1)


def _code_path(argv: list[str]) -> Path:
    """The checkout whose `desktop` package is measured (--code), else this one."""
    if "--code" in argv:
        return Path(argv[argv.index("--code") + 1]).resolve()
    return HERE.parent


class Heartbeat:
    """Ticks every 5 ms on the window's thread; `longest` is the longest gap since `reset`."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._beat)
        self.last = time.perf_counter()
        self.longest = 0.0
        self.timer.start(5)

    def _beat(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def reset(self) -> None:
        self.last = time.perf_counter()
        self.longest = 0.0


def run_until(action: Callable[[], object], done: Callable[[], bool], timeout: float = 600.0) -> float:
    """Start `action` from the event loop and run the loop until `done()`; the seconds it took."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    started = time.perf_counter()
    poll = QTimer()
    poll.timeout.connect(lambda: loop.quit() if done() or time.perf_counter() - started > timeout else None)
    QTimer.singleShot(0, action)
    poll.start(10)
    loop.exec()
    poll.stop()
    return time.perf_counter() - started


def write_guide(folder: Path, code: Path) -> None:
    """A real (not training) guide, the newest, with the training guide's windows: open on TODAY."""
    text = (code / "resources" / "guides" / "zhongshan-2025-training.toml").read_text(encoding="utf-8")
    text = text.replace('id = "zhongshan-2025-training"', 'id = "bench-round-2026"', 1)
    text = text.replace("example = true", "example = false", 1)
    text = text.replace("published_on = 2026-11-01", "published_on = 2026-12-01", 1)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "bench.toml").write_text(text, encoding="utf-8")


def measure(members: int, assessments: int) -> dict[str, float]:
    code = _code_path(sys.argv)
    sys.path.insert(0, str(HERE))
    from store_speed import fill  # puts this checkout on the path: the measured one goes before it again

    sys.path.insert(0, str(code))
    try:
        from desktop.ui import dialogs
    except ImportError:  # a checkout from before issue 24 named it `messages`
        from desktop.ui import messages as dialogs  # type: ignore[no-redef]
    from desktop.ui.app import create_application
    from tests.workspace.member_files import write_members

    app = create_application()
    dialogs.sink = dialogs.RecordingSink()
    beat = Heartbeat()
    figures: dict[str, float] = {}
    work = Path(tempfile.mkdtemp(prefix="stalls-"))
    try:
        os.environ["ZS_TRADE_DATA_DIR"] = str(work / "userdata")
        write_guide(work / "userdata" / "guides", code)
        url = f"sqlite:///{work / 'assessments.db'}"
        from desktop.policy import bundled_registry
        from desktop.store import open_store
        from desktop.store.workspaces import Workspaces
        from desktop.ui.workspace_window import WorkspaceWindow

        write_members(work / "members", members, broken_every=20)
        store = open_store(url)
        try:  # what the program does once started (desktop/ui/app.py), where the code measured has it
            from desktop.ui.background import keep_out_of_collections  # type: ignore[attr-defined]
        except ImportError:
            pass
        else:
            keep_out_of_collections()

        def window() -> WorkspaceWindow:
            made = WorkspaceWindow(registry=bundled_registry(), today=lambda: TODAY, workspaces=Workspaces(store))
            made.resize(1366, 740)
            made.show()
            return made

        workspace = window()
        app.processEvents()
        beat.reset()
        figures["import: wall s"] = run_until(
            lambda: workspace.import_paths([work / "members"]),
            lambda: not workspace.busy and workspace.proxy.rowCount() > 0,
        )
        figures["import: longest stall ms"] = beat.longest * 1000
        rows = workspace.proxy.rowCount()
        workspace.close()
        workspace.deleteLater()
        app.processEvents()

        holder: list[WorkspaceWindow] = []
        beat.reset()
        figures["reopen: wall s"] = run_until(
            lambda: holder.append(window()),
            lambda: bool(holder) and not holder[0].busy and holder[0].proxy.rowCount() > 0,
        )
        figures["reopen: longest stall ms"] = beat.longest * 1000
        workspace = holder[0]
        beat.reset()
        figures["filter typed: wall s"] = run_until(
            lambda: workspace.filter_edit.setText("会员企业0007"), lambda: workspace.proxy.rowCount() < rows
        )
        figures["filter typed: longest stall ms"] = beat.longest * 1000
        beat.reset()
        figures["filter cleared: wall s"] = run_until(
            lambda: workspace.filter_edit.setText(""), lambda: workspace.proxy.rowCount() == rows
        )
        figures["filter cleared: longest stall ms"] = beat.longest * 1000
        pdf = work / "summary.pdf"
        dialogs.sink.files.append(pdf)  # type: ignore[attr-defined]
        beat.reset()
        figures["summary PDF: wall s"] = run_until(
            workspace._on_summary_pdf, lambda: pdf.exists() and not workspace.busy, timeout=900
        )
        figures["summary PDF: longest stall ms"] = beat.longest * 1000
        figures["summary PDF: KiB"] = pdf.stat().st_size / 1024
        workspace.close()
        store.close()

        # -- the start page ------------------------------------------------------------------------------
        shop = f"sqlite:///{work / 'shop.db'}"
        fill(shop, 5_000, assessments)
        from desktop.ui.start_page import StartPage

        store = open_store(shop)
        pages: list[StartPage] = []
        shown_at: list[float] = []

        def build() -> None:
            page = StartPage(store, today=lambda: TODAY)
            page.resize(1366, 740)
            page.show()
            pages.append(page)
            shown_at.append(time.perf_counter())

        beat.reset()
        started = time.perf_counter()
        # usable: the list is there and the loop answers again (the first heartbeat after showing)
        run_until(build, lambda: bool(shown_at) and beat.last > shown_at[0])
        figures["start page: usable s"] = time.perf_counter() - started
        run_until(lambda: None, lambda: len(pages[0].calendar.entries()) > 0, timeout=600)
        figures["start page: windows listed s"] = time.perf_counter() - started
        figures["start page: longest stall ms"] = beat.longest * 1000
        figures["start page: windows"] = float(len(pages[0].calendar.entries()))
        store.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=5000)
    parser.add_argument("--assessments", type=int, default=20000)
    parser.add_argument("--baseline", help="a checkout of the code to compare with (run first, same data sizes)")
    parser.add_argument("--code", help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.code or args.json:
        figures = measure(args.members, args.assessments)
        print(json.dumps(figures))
        return 0
    runs: dict[str, dict[str, float]] = {}
    labels = [("baseline", args.baseline)] if args.baseline else []
    labels.append(("this code", str(HERE.parent)))
    for label, code in labels:
        print(f"measuring {label} ({code}) … load average {os.getloadavg()[0]:.1f}", flush=True)
        done = subprocess.run(
            [
                sys.executable,
                __file__,
                "--code",
                code,
                "--members",
                str(args.members),
                "--assessments",
                str(args.assessments),
            ],
            env={**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")},
            cwd=code,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            print(done.stderr[-3000:])
            return 1
        runs[label] = json.loads(done.stdout.strip().splitlines()[-1])
    keys = list(next(iter(runs.values())))
    print(f"{'':36}" + "".join(f"{label:>14}" for label in runs))
    for key in keys:
        print(f"{key:36}" + "".join(f"{runs[label].get(key, float('nan')):14.2f}" for label in runs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
