"""Start to first shown window: the built program against `python -m desktop` (issue 6's figure).

    .venv/bin/python benchmarks/frozen_startup.py [--runs 7] [--folder packaging/dist/zs-trade]

Both are started the same way: offscreen Qt, `ZS_TRADE_QUIT_AFTER_SHOW=1` (the program prints
`window shown` once its window is first exposed, then quits), a fresh temporary data folder and HOME.
The time is from starting the process to reading that line on its stdout. One warm-up run of each
first (file cache), then the runs alternate frozen/source so that machine load hits both alike.
Prints the medians and their ratio; the target is frozen ≤ 1.2 × source. Exit status 1 above it.
On a machine shared with other work the wall-clock times scatter, so on Unix the CPU time each
process used in all (start, window, questionnaire built, quit) is printed too: it does not depend on
the load of the machine.
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

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 1.2
TIMEOUT_S = 60.0


def environment(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZS_TRADE_")}
    home = tmp / "home"
    home.mkdir(exist_ok=True)
    runtime = tmp / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    env.update(
        HOME=str(home),
        USERPROFILE=str(home),
        LOCALAPPDATA=str(home / "AppData" / "Local"),
        XDG_RUNTIME_DIR=str(runtime),
        QT_QPA_PLATFORM="offscreen",
        ZS_TRADE_QUIT_AFTER_SHOW="1",
        ZS_TRADE_DATA_DIR=str(tmp / "data"),
    )
    return env


def children_cpu() -> float:
    """CPU seconds (user + system) used so far by finished child processes; 0 where unknown (Windows)."""
    try:
        import resource
    except ImportError:
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_to_window(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from start to `window shown`, and the CPU seconds the whole run used."""
    cpu_before = children_cpu()
    started = time.perf_counter()
    with subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    ) as process:
        assert process.stdout is not None
        for line in process.stdout:
            if line.strip() == "window shown":
                elapsed = time.perf_counter() - started
                break
        else:
            raise SystemExit(f"{command[0]}: exited (status {process.wait()}) without showing its window")
        try:
            process.wait(timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            raise SystemExit(f"{command[0]}: did not quit after showing its window") from None
    return elapsed, children_cpu() - cpu_before


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--folder", type=Path, default=ROOT / "packaging" / "dist" / "zs-trade")
    args = parser.parse_args()
    frozen_exe = args.folder / ("zs-trade.exe" if sys.platform == "win32" else "zs-trade")
    if not frozen_exe.is_file():
        print(f"{frozen_exe}: not built; run packaging/build.py first", file=sys.stderr)
        return 2
    commands = {"frozen": [str(frozen_exe)], "source": [sys.executable, "-m", "desktop"]}
    times: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    with tempfile.TemporaryDirectory(prefix="zs-startup-") as tmp:
        env = environment(Path(tmp))
        for command in commands.values():
            time_to_window(command, env)  # warm-up: file cache, fontconfig cache
        for _ in range(args.runs):
            for name, command in commands.items():
                elapsed, used = time_to_window(command, env)
                times[name].append(elapsed)
                cpu[name].append(used)
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, values in times.items():
        runs = " ".join(f"{v * 1000:.0f}" for v in values)
        print(f"{name:>6}: median {medians[name] * 1000:.0f} ms  (runs: {runs} ms)")
    ratio = medians["frozen"] / medians["source"]
    print(f" ratio: frozen / source = {ratio:.2f} (target ≤ {TARGET_RATIO})")
    if all(cpu.values()) and all(sum(values) > 0 for values in cpu.values()):
        cpu_medians = {name: statistics.median(values) for name, values in cpu.items()}
        print(
            f"   cpu: whole run, median: frozen {cpu_medians['frozen'] * 1000:.0f} ms, "
            f"source {cpu_medians['source'] * 1000:.0f} ms (ratio {cpu_medians['frozen'] / cpu_medians['source']:.2f})"
        )
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
