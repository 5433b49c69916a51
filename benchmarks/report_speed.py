"""Checklist speed and size (issue 5's benchmark).

    .venv/bin/python benchmarks/report_speed.py [--files 1000] [--jobs N] [--skip-batch]

Measures, with the targets of issue 5:
- the first checklist in a fresh process, ReportLab import and font registration included (< 600 ms);
- one checklist, warm: median over repeated renders of each example (< 100 ms);
- the size of each example's checklist (typical < 150 KiB);
- `batch` over N varied answers files (default 1000) with all cores (< 30 s for 1000 on 2 cores).
"""

from __future__ import annotations

import argparse
import io
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

from desktop.report.batch import run_batch  # noqa: E402
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

    if args.skip_batch:
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        write_varied_answers(folder, args.files, distinct_enterprises=True)
        out_dir = Path(tmp) / "out"
        cpu_before = children_cpu() + time.process_time()
        start = time.perf_counter()
        code = run_batch([folder], out_dir, jobs=args.jobs, lang="zh", out=io.StringIO(), err=sys.stderr)
        elapsed = time.perf_counter() - start
        cpu = children_cpu() + time.process_time() - cpu_before
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
