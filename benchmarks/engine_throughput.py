"""Assessments per second, two figures: the whole path of a batch run for each answers file (read the JSON,
check every answer against the pack, assess), and the assessment alone (answers already parsed).

    .venv/bin/python benchmarks/engine_throughput.py [--files N] [--rounds R] [--baseline GIT-REV]

With `--baseline`, the same measurement runs on that revision of the program too (checked out into a
temporary git worktree), alternating with this one in the same run, so the machine's load is shared
alike. The answers files are written once (not timed) and used by both.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def worker(root: Path, folder: Path, repeat: int) -> dict[str, float]:
    """Run inside a fresh process whose `desktop` package is the one under `root`."""
    sys.path.insert(0, str(root))
    import datetime as dt

    from desktop.engine import assess_file, read_answers_file
    from desktop.policy import Pack, bundled_registry

    registry = bundled_registry()

    def resolve(policy: str | None, day: dt.date) -> Pack:
        return registry.get(policy) if policy else registry.for_date(day)

    paths = sorted(folder.glob("*.json"))
    today = dt.date(2025, 12, 1)
    start = time.perf_counter()
    parsed = [read_answers_file(path, resolve) for path in paths]
    for answers_file, pack in parsed:
        assess_file(pack, answers_file, today)
    whole = len(paths) / (time.perf_counter() - start)
    best = 0.0
    for _ in range(repeat):
        # Results kept from a pass before would flatter the next: each pass starts with none kept (the
        # program keeps results of items it has seen with the same answers; older trees have no such memo).
        for pack in {id(p): p for _, p in parsed}.values():
            plan = pack.__dict__.get("_engine_plan")
            if plan is not None:
                plan.memo.clear()
        start = time.perf_counter()
        for answers_file, pack in parsed:
            assess_file(pack, answers_file, today)
        best = max(best, len(parsed) / (time.perf_counter() - start))
    # The explanation is worded when read: the same results, every step and reason in both languages read.
    start = time.perf_counter()
    for answers_file, pack in parsed:
        result = assess_file(pack, answers_file, today)
        for item in result.items:
            _ = (item.steps, item.reasons)
    worded = len(parsed) / (time.perf_counter() - start)
    return {"read_check_assess": whole, "assess_only": best, "assess_and_word": worded}


def _run(root: Path, folder: Path, repeat: int) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--worker", str(root), str(folder), str(repeat)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        print(json.dumps(worker(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]))))
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=3, help="timed passes of the assessment alone, best kept")
    parser.add_argument("--baseline", metavar="GIT-REV", help="also measure this revision, alternating")
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    from sample_answers import write_varied_answers

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "answers"
        folder.mkdir()
        trees = {"this tree": ROOT}
        examples = ROOT / "resources" / "examples"
        if args.baseline:
            base = Path(tmp) / "baseline"
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(base), args.baseline], check=True
            )
            trees = {f"baseline {args.baseline}": base, **trees}
            # the baseline's examples: answers both programs read (later packs only add questions)
            examples = base / "resources" / "examples"
        write_varied_answers(folder, args.files, examples=examples)
        try:
            figures: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
            for _ in range(args.rounds):
                for name, root in trees.items():
                    figures[name].append(_run(root, folder, args.repeat))
        finally:
            if args.baseline:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], check=False)
    print(f"{args.files} answers files, {args.rounds} rounds (median, min–max), assessments per second:")
    for name, runs in figures.items():
        line = [f"  {name:<24}"]
        for key, label in (
            ("read_check_assess", "read+check+assess"),
            ("assess_only", "assessment alone"),
            ("assess_and_word", "assess + word every step"),
        ):
            values = [run[key] for run in runs]
            line.append(f"{label} {statistics.median(values):,.0f} ({min(values):,.0f}–{max(values):,.0f})")
        print("  ".join(line))


if __name__ == "__main__":
    main()
