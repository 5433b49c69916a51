"""Moving between pages and recomputing results, in the real window (offscreen). Target: < 50 ms each.

    python benchmarks/ui_navigation.py [--rounds 5]

Loads the lighting exporter example, then times: every page turn forward and back (including the
review page, rebuilt on each visit, and the results page, refilled on each visit); one edit of a money
answer while the results page is shown (engine + results page + status line); and the engine alone.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.engine import assess, read_answers_file
from desktop.policy import bundled_registry
from desktop.resources import resource_path
from desktop.ui.app import create_application
from desktop.ui.main_window import MainWindow
from desktop.ui.session import AssessmentSession


def ms(samples: list[float]) -> str:
    values = sorted(s * 1000 for s in samples)
    return f"median {statistics.median(values):6.1f} ms   max {values[-1]:6.1f} ms   (n={len(values)})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    app = create_application()
    registry = bundled_registry()
    answers_file, pack = read_answers_file(
        resource_path("examples", "lighting-exporter.json"),
        lambda policy, day: registry.get(policy) if policy else registry.for_date(day),
    )
    session = AssessmentSession(pack)
    session.load(answers_file, pack)
    window = MainWindow(session)
    window.resize(1366, 768)
    window.show_questionnaire()
    window.show()
    app.processEvents()
    questionnaire = window.questionnaire
    assert questionnaire is not None
    last = len(questionnaire.pages) - 1

    def turn(target: int) -> float:
        start = time.perf_counter()
        assert questionnaire.go_to(target)
        app.processEvents()  # include the repaint the user waits for
        return time.perf_counter() - start

    turns: list[float] = []
    to_review: list[float] = []
    to_results: list[float] = []
    for _ in range(args.rounds):
        for target in range(1, last + 1):
            elapsed = turn(target)
            turns.append(elapsed)
            if target == last - 1:
                to_review.append(elapsed)
            if target == last:
                to_results.append(elapsed)
        for target in range(last - 1, -1, -1):
            turns.append(turn(target))

    questionnaire.go_to(last)
    app.processEvents()
    edits: list[float] = []
    for round_ in range(args.rounds * 10):
        start = time.perf_counter()
        session.set_answer("credit_insurance_premium", Decimal(1_200_000 + round_ * 1000))
        app.processEvents()
        edits.append(time.perf_counter() - start)
    assert "credit_insurance" in questionnaire.results_page.amount_rows()

    engine: list[float] = []
    for _ in range(args.rounds * 10):
        start = time.perf_counter()
        assess(pack, session.answers, assessed_on=session.assessed_on)
        engine.append(time.perf_counter() - start)

    print(f"page turn (all pages, both ways):  {ms(turns)}")
    print(f"  turn to the review page:        {ms(to_review)}")
    print(f"  turn to the results page:       {ms(to_results)}")
    print(f"edit + recompute + results shown: {ms(edits)}")
    print(f"engine assess() alone:            {ms(engine)}")
    worst = max(statistics.median(v) for v in (turns, to_review, to_results, edits))
    print(f"target: median < 50 ms -> {'met' if worst < 0.05 else 'NOT met'}")
    window.close()
    return 0 if worst < 0.05 else 1


if __name__ == "__main__":
    sys.exit(main())
