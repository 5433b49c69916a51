"""Start-up: process start → first shown window, `python -m desktop` against a bare PySide6 window.

    python benchmarks/startup.py [--runs 9] [--baseline CHECKOUT]

With `--baseline` another checkout's `python -m desktop` is started in the same loop, between the two
(its ratio to the same bare windows beside this one's), so "no slower than before" is measured in one run.

Both are started the same way, alternately, offscreen; each prints a line the moment its window is
exposed, and the clock stops when that line arrives. The program then also reports when the
questionnaire (policy pack, engine, all pages) is ready. Target: ratio ≤ 1.5.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

BARE = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1280, 760)
class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Expose and window.windowHandle().isExposed():
            print("window shown", flush=True)
            QTimer.singleShot(0, app.quit)
        return False
watch = Watch()
window.show()
if window.windowHandle().isExposed():
    print("window shown", flush=True)
    QTimer.singleShot(0, app.quit)
else:
    window.windowHandle().installEventFilter(watch)
sys.exit(app.exec())
"""


def timed(command: list[str], env: dict[str, str], cwd: Path = REPO) -> dict[str, float]:
    """Seconds from process start to each line the process prints."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    marks: dict[str, float] = {}
    assert process.stdout is not None
    for line in process.stdout:
        marks[line.strip()] = time.perf_counter() - start
    process.wait()
    if process.returncode != 0 or "window shown" not in marks:
        raise SystemExit(f"{' '.join(command)} failed (exit {process.returncode}): {marks}")
    return marks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument(
        "--no-bytecode",
        action="store_true",
        help="compile every module from source on each start (PYTHONDONTWRITEBYTECODE) instead of using cached .pyc",
    )
    parser.add_argument("--baseline", type=Path, help="another checkout of the program, timed in the same loop")
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    if args.no_bytecode:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    else:
        # An installed program starts from compiled bytecode; keep the cache outside the checkout.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="zs-bench-pyc-")
    env_app = {**env, "ZS_TRADE_QUIT_AFTER_SHOW": "1", "ZS_TRADE_DATA_DIR": str(REPO / ".bench-data")}
    baseline: Path | None = args.baseline.resolve() if args.baseline else None
    env_base = {**env_app, "ZS_TRADE_DATA_DIR": str(baseline / ".bench-data")} if baseline else env_app
    bare: list[float] = []
    shown: list[float] = []
    ready: list[float] = []
    base_shown: list[float] = []
    timed([sys.executable, "-c", BARE], env)  # warm the file cache once, not counted
    timed([sys.executable, "-m", "desktop"], env_app)
    if baseline is not None:
        timed([sys.executable, "-m", "desktop"], env_base, baseline)
    for _ in range(args.runs):
        bare.append(timed([sys.executable, "-c", BARE], env)["window shown"])
        marks = timed([sys.executable, "-m", "desktop"], env_app)
        shown.append(marks["window shown"])
        ready.append(marks.get("questionnaire ready", float("nan")))
        if baseline is not None:
            base_shown.append(timed([sys.executable, "-m", "desktop"], env_base, baseline)["window shown"])
    b, s, r = (statistics.median(v) * 1000 for v in (bare, shown, ready))
    bytecode = "compiled from source each start" if args.no_bytecode else "cached bytecode"
    print(f"runs: {args.runs} each, platform {env['QT_QPA_PLATFORM']}, {bytecode}, medians")
    print(f"bare PySide6 window shown:      {b:7.1f} ms")
    print(f"python -m desktop window shown: {s:7.1f} ms   ratio {s / b:.2f} (target <= 1.5)")
    print(f"python -m desktop questionnaire ready: {r:7.1f} ms   ratio {r / b:.2f}")
    if baseline is not None:
        o = statistics.median(base_shown) * 1000
        print(f"baseline {baseline} window shown: {o:7.1f} ms   ratio {o / b:.2f}; this one / baseline {s / o:.2f}")
    return 0 if s / b <= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
