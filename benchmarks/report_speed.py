"""Checklist speed and size (issue 5's benchmark).

    .venv/bin/python benchmarks/report_speed.py [--files 1000] [--jobs N] [--skip-batch]

Measures, with the targets of issue 5:
- the first checklist in a fresh process, ReportLab import and font registration included (< 600 ms);
- one checklist, warm: median over repeated renders of each example (< 100 ms), and median over a
  run of different enterprises, each rendered once (what the second and later checklists of a session
  or a batch cost: the pack's own text is laid out once per process and reused);
- the size of each example's checklist (typical < 150 KiB);
- `python -m desktop batch` over N varied answers files (default 1000) with all cores, run as a user
  runs it: a fresh process, start-up included (< 30 s for 1000 on 2 cores).
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
sys.path.insert(0, str(ROOT))

from sample_answers import write_varied_answers  # noqa: E402 (the benchmarks folder is on sys.path)

from desktop.engine import assess_file, read_answers_file  # noqa: E402
from desktop.policy import Pack, bundled_registry  # noqa: E402
from tests.report.cases import EXAMPLE_NAMES, example  # noqa: E402

FIRST = """
import time, sys
sys.path.insert(0, {root!r})
from tests.report.cases import example
result = example({name!r})
start = time.perf_counter()
from desktop.report import checklist_bytes
checklist_bytes(result)
print(time.perf_counter() - start)
"""


def first_in_process(name: str) -> float:
    code = FIRST.format(root=str(ROOT), name=name)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return float(out.strip().splitlines()[-1])


def warm(name: str, repeat: int) -> tuple[float, float]:
    """Median wall time and median CPU time of one render (CPU time is the fairer figure on a busy machine)."""
    from desktop.report import checklist_bytes

    result = example(name)
    checklist_bytes(result)
    walls, cpus = [], []
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        checklist_bytes(result)
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def warm_distinct(count: int) -> tuple[float, float]:
    """Median wall and CPU time of rendering `count` different enterprises once each, after one warm-up."""
    import datetime as dt

    from desktop.report import checklist_bytes

    registry = bundled_registry()

    def resolve(policy: str | None, day: dt.date) -> Pack:
        return registry.get(policy) if policy else registry.for_date(day)

    with tempfile.TemporaryDirectory() as tmp:
        paths = write_varied_answers(Path(tmp), count + 1, distinct_enterprises=True)
        results = []
        for path in paths:
            answers, pack = read_answers_file(path, resolve)
            results.append(assess_file(pack, answers, dt.date(2025, 6, 1)))
    checklist_bytes(results[0])
    walls, cpus = [], []
    for result in results[1:]:
        start, cpu = time.perf_counter(), time.process_time()
        checklist_bytes(result)
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def children_cpu() -> float:
    try:
        import resource
    except ImportError:  # Windows
        return float("nan")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--skip-batch", action="store_true")
    args = parser.parse_args()

    print(f"cores: {os.cpu_count()}")
    firsts = [first_in_process("lighting-exporter") for _ in range(3)]
    print(
        f"first checklist in a fresh process (import + fonts + render), 3 runs: "
        f"{', '.join(f'{t * 1000:.0f}' for t in firsts)} ms  (target < 600 ms)"
    )
    from desktop.report import checklist_bytes

    for name in EXAMPLE_NAMES:
        size = len(checklist_bytes(example(name)))
        wall, cpu = warm(name, args.repeat)
        print(
            f"warm {name:18} median {wall * 1000:6.1f} ms (CPU {cpu * 1000:5.1f} ms)  size {size / 1024:6.1f} KiB"
            "  (targets < 100 ms, < 150 KiB)"
        )

    wall, cpu = warm_distinct(100)
    print(f"warm, 100 different enterprises, each once: median {wall * 1000:.1f} ms (CPU {cpu * 1000:.1f} ms)")

    if args.skip_batch:
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        write_varied_answers(folder, args.files, distinct_enterprises=True)
        out_dir = Path(tmp) / "out"
        command = [sys.executable, "-m", "desktop", "batch", str(folder), "--out", str(out_dir)]
        if args.jobs:
            command += ["--jobs", str(args.jobs)]
        cpu_before = children_cpu()
        start = time.perf_counter()
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        cpu = children_cpu() - cpu_before
        code = done.returncode
        if code != 0:
            print(done.stderr[-3000:], file=sys.stderr)
        pdfs = list(out_dir.glob("*.pdf"))
        total = sum(p.stat().st_size for p in pdfs)
        print(
            f"\nbatch {args.files} files, jobs={args.jobs or os.cpu_count()}: {elapsed:.1f} s "
            f"({args.files / elapsed:.0f} per second), exit {code}, {len(pdfs)} PDFs, "
            f"{total / len(pdfs) / 1024:.0f} KiB average  (target < 30 s for 1000)"
        )
        print(
            f"batch CPU time, parent and workers: {cpu:.1f} s ({cpu / args.files * 1000:.0f} ms per file); "
            f"on 2 idle cores that is about {cpu / 2:.1f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
