"""Assessments per second: read, check and assess 10,000 answers files (issue 2's benchmark).

    .venv/bin/python benchmarks/engine_throughput.py [--files N]

Writes N varied answers files into a temporary folder first (not timed), then times the whole path a
batch run takes for each file: read the JSON, check every answer against the pack, assess.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sample_answers import write_varied_answers  # the benchmarks folder is on sys.path

from desktop.engine import assess_file, read_answers_file
from desktop.policy import Pack, bundled_registry

EXAMPLES = Path(__file__).resolve().parent.parent / "resources" / "examples"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=10_000)
    args = parser.parse_args()
    registry = bundled_registry()

    def resolve(policy: str | None, day: dt.date) -> Pack:
        return registry.get(policy) if policy else registry.for_date(day)

    with tempfile.TemporaryDirectory() as tmp:
        paths = write_varied_answers(Path(tmp), args.files)
        today = dt.date(2025, 12, 1)
        start = time.perf_counter()
        total = 0
        for path in paths:
            answers_file, pack = read_answers_file(path, resolve)
            total += int(assess_file(pack, answers_file, today).total)
        elapsed = time.perf_counter() - start
    print(f"{args.files} answers files read, checked and assessed in {elapsed:.2f} s")
    print(f"{args.files / elapsed:,.0f} assessments per second ({elapsed / args.files * 1000:.3f} ms each)")
    print(f"(checksum of totals: {total})")


if __name__ == "__main__":
    main()
