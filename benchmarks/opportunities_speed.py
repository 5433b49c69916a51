"""Milliseconds to compute what an enterprise could still unlock (issue 16: under 5 ms per assessment).

    .venv/bin/python benchmarks/opportunities_speed.py [--files N]

Side by side in the same run: the assessment itself (its baseline: the results page pays for both), and
the opportunities computed from it, per example and over N varied answers files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from sample_answers import write_varied_answers  # noqa: E402

from desktop.engine import assess, read_answers_file  # noqa: E402
from desktop.engine.opportunities import find_opportunities  # noqa: E402
from desktop.policy import bundled_registry  # noqa: E402

TODAY = dt.date(2026, 12, 1)


def timed(fn: object, repeat: int) -> float:
    best = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        best.append((time.perf_counter() - start) * 1000)
    return statistics.median(best)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    pack = bundled_registry().get("zhongshan-2025")
    print("median ms per assessment   assess   opportunities")
    for example in sorted((HERE.parent / "resources" / "examples").glob("*.json")):
        answers_file, _ = read_answers_file(example, lambda _p, _d: pack)
        answers = answers_file.answers
        result = assess(pack, answers, assessed_on=TODAY)
        a = timed(lambda a=answers: assess(pack, a, assessed_on=TODAY), args.repeat)
        o = timed(lambda a=answers, r=result: find_opportunities(pack, a, r, TODAY), args.repeat)
        print(f"  {example.stem:<22} {a:7.3f}   {o:7.3f}")
    with tempfile.TemporaryDirectory() as tmp:
        parsed = [read_answers_file(p, lambda _p, _d: pack)[0] for p in write_varied_answers(Path(tmp), args.files)]
    costs = []
    worst = 0.0
    for answers_file in parsed:
        result = assess(pack, answers_file.answers, assessed_on=TODAY)
        start = time.perf_counter()
        find_opportunities(pack, answers_file.answers, result, TODAY)
        cost = (time.perf_counter() - start) * 1000
        costs.append(cost)
        worst = max(worst, cost)
    costs.sort()
    print(
        f"  {args.files} varied files: median {statistics.median(costs):.3f} ms, "
        f"95th percentile {costs[int(len(costs) * 0.95)]:.3f} ms, max {worst:.3f} ms"
    )


if __name__ == "__main__":
    main()
