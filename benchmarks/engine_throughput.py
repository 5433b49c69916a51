"""Assessments per second: read, check and assess 10,000 answers files (issue 2's benchmark).

    .venv/bin/python benchmarks/engine_throughput.py [--files N]

Writes N varied answers files into a temporary folder first (not timed), then times the whole path a
batch run takes for each file: read the JSON, check every answer against the pack, assess.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.engine import assess_file, read_answers_file
from desktop.policy import Pack, bundled_registry

EXAMPLES = Path(__file__).resolve().parent.parent / "resources" / "examples"


def make_files(folder: Path, count: int) -> list[Path]:
    rng = random.Random(2025)
    templates = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.glob("*.json"))]
    paths = []
    for n in range(count):
        data = json.loads(json.dumps(templates[n % len(templates)]))
        answers = data["answers"]
        answers["credit_insurance_premium"] = f"{rng.randint(0, 3_000_000)}.{rng.randint(0, 99):02d}"
        answers["equipment_purchase_total"] = str(rng.randint(0, 20_000_000))
        answers["ip_cases"] = [
            {"kind": "patent", "region": "美国", "cost": str(rng.randint(0, 2_000_000))}
            for _ in range(rng.randint(0, 6))
        ]
        path = folder / f"{n:05d}.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=10_000)
    args = parser.parse_args()
    registry = bundled_registry()

    def resolve(policy: str | None, day: dt.date) -> Pack:
        return registry.get(policy) if policy else registry.for_date(day)

    with tempfile.TemporaryDirectory() as tmp:
        paths = make_files(Path(tmp), args.files)
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
