"""The workspace's "could unlock" (issue 16): what computing each member's opportunities adds, side by side.

    .venv/bin/python benchmarks/workspace_unlock.py [--members N] [--rounds R]

Writes N varied member files (default 500, as in the tests; not timed) and imports them R times (default 5)
as the window does (read, check, assess with the application guide, opportunities: `member_row`). Reported,
as the median over the rounds, all in the same run:

- per member: assessing it (read, check, assess) and finding its opportunities, median / 95th percentile / max;
- the whole import, and the part of it the opportunities take;
- the per-measure aggregate over the rows without opportunities (the baseline: what it was before) and with
  them (counting the firms one condition away: the opportunities are already there), and, for comparison,
  what the aggregate would cost if it computed the opportunities itself.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.engine import Answers, assess_file, read_answers_file
from desktop.engine.opportunities import find_opportunities
from desktop.policy import Pack, bundled_registry
from desktop.policy.guide_registry import known_guides
from desktop.workspace import MemberRow, aggregate, import_answers_files
from desktop.workspace.members import expand_inputs, pack_resolver
from tests.workspace.member_files import write_members

TODAY = dt.date(2026, 12, 1)


def ms(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def spread(values: list[float]) -> str:
    ordered = sorted(values)
    return (
        f"median {statistics.median(ordered):6.3f}  95th {ordered[int(len(ordered) * 0.95)]:6.3f}  "
        f"max {ordered[-1]:6.3f} ms"
    )


def _all(pack: Pack, rows: list[MemberRow], answers: list[Answers]) -> None:
    for row, given in zip(rows, answers, strict=True):
        find_opportunities(pack, given, row.assessment, TODAY)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    registry = bundled_registry()
    registry.get("zhongshan-2025")  # the pack is read once per process; not part of what is timed
    guides = known_guides(registry)
    resolve = pack_resolver(registry)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "members"
        write_members(folder, args.members)
        files = list(expand_inputs([folder]))
        assessing: list[float] = []
        assessed = []
        for path in files:  # each member on its own: reading, checking and assessing it
            start = time.perf_counter()
            answers_file, pack = read_answers_file(path, resolve)
            result = assess_file(pack, answers_file, TODAY, guides.applying(pack.id, answers_file.guide))
            assessing.append((time.perf_counter() - start) * 1000)
            assessed.append((pack, answers_file.answers, result))
        finding: list[float] = []  # then finding its opportunities: the first time, and the best of three
        best: list[float] = []
        for pack, answers, result in assessed:
            times = [ms(lambda p=pack, a=answers, r=result: find_opportunities(p, a, r, TODAY)) for _ in range(3)]
            finding.append(times[0])
            best.append(min(times))
        imports, opportunities, plain, counted, on_the_spot = [], [], [], [], []
        for _ in range(args.rounds):
            start = time.perf_counter()
            rows = import_answers_files([folder], registry, TODAY, guides=guides).rows
            imports.append((time.perf_counter() - start) * 1000)
            bare = [dataclasses.replace(r, opportunities=None) for r in rows]
            answers = [read_answers_file(Path(r.source), resolve)[0].answers for r in rows]
            pack = registry.get("zhongshan-2025")

            opportunities.append(ms(lambda: _all(pack, rows, answers)))  # noqa: B023 (called at once)
            plain.append(ms(lambda: aggregate(bare)))  # noqa: B023
            counted.append(ms(lambda: aggregate(rows)))  # noqa: B023
            on_the_spot.append(ms(lambda: (_all(pack, bare, answers), aggregate(bare))))  # noqa: B023
        totals = aggregate(rows)
    m = statistics.median
    print(f"{args.members} members, {args.rounds} rounds (medians over the rounds)")
    print(f"  per member: assess            {spread(assessing)}")
    print(f"  per member: opportunities     {spread(finding)}")
    print(f"      (best of three)           {spread(best)}")
    print(f"  import (read, check, assess, opportunities)  {m(imports):8.1f} ms")
    print(f"    of which the opportunities                 {m(opportunities):8.1f} ms")
    print(f"  aggregate without opportunities (baseline)   {m(plain):8.1f} ms")
    print(f"  aggregate with could-unlock (precomputed)    {m(counted):8.1f} ms")
    print(f"  aggregate computing opportunities itself     {m(on_the_spot):8.1f} ms")
    unlock = [(i.title.zh, i.unlock_firms, i.unlock_amount) for ms_ in totals.measures for i in ms_.items if i.unlocks]
    for title, firms, amount in unlock:
        print(f"    {title}: {firms} firms one condition away, up to {amount:,.2f} yuan")


if __name__ == "__main__":
    main()
