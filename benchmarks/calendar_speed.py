"""The start page's calendar with many stored assessments (issue 13): what showing the page costs.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/calendar_speed.py [--assessments 200]
        [--enterprises 60] [--database URL] [--repeat 15]

Fills a fresh database as benchmarks/store_speed.py does (every third assessment finalised with its
snapshot; THE DATABASE GIVEN WITH --database IS EMPTIED), "today" pinned to 2026-12-01, then times, as
medians of R runs (wall and CPU):
  - the page shown again (hide + show: the calendar is computed on showing), and the windows alone;
  with every assessment on the bundled guide (no window published: the answers are not even read) and
  with every assessment on the training guide (windows open and coming, so each one is computed):
  - the first showing (every assessment computed), and later showings (results kept), and a showing
    after one assessment was saved (that one computed again);
and, for comparison, the page's list alone (`refresh`, what a search costs).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from store_speed import fill, median_ms  # noqa: E402 (the benchmarks folder is put on the path above)

TODAY = dt.date(2026, 12, 1)
TRAINING = "zhongshan-2025-training"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", help="SQLAlchemy URL (its data is REPLACED); default: SQLite in a temp folder")
    parser.add_argument("--enterprises", type=int, default=60)
    parser.add_argument("--assessments", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    os.environ.setdefault("ZS_TRADE_DATA_DIR", str(Path(folder.name) / "userdata"))
    url = args.database or f"sqlite:///{Path(folder.name) / 'assessments.db'}"
    fill(url, args.enterprises, args.assessments)

    from PySide6.QtWidgets import QApplication
    from sqlalchemy import update

    from desktop.store import open_store
    from desktop.store.models import AssessmentRecord
    from desktop.ui.app import create_application
    from desktop.ui.start_page import StartPage

    app = create_application()
    store = open_store(url)
    counts = store.counts()
    print(f"database: {store.dialect}, {counts[0]} enterprises, {counts[1]} assessments; today {TODAY}")
    print(f"load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")

    start, start_cpu = time.perf_counter(), time.process_time()
    page = StartPage(store, today=lambda: TODAY)
    page.resize(1340, 680)
    page.show()
    QApplication.processEvents()
    print(
        f"start page built and shown, bundled guide (nothing published): {(time.perf_counter() - start) * 1000:.0f} ms"
        f" wall ({(time.process_time() - start_cpu) * 1000:.0f} ms CPU); {page.calendar.summary.text()[:40]}…"
    )

    def show_again() -> None:
        page.hide()
        page.show()
        QApplication.processEvents()

    def list_only() -> None:
        page.refresh()
        QApplication.processEvents()

    print(f"  the list alone (refresh, as a search): {median_ms(list_only, args.repeat):.1f}")
    print(f"  the page shown again: {median_ms(show_again, args.repeat):.1f}")
    print(f"  of which the windows: {median_ms(page.calendar.refresh, args.repeat):.1f}")

    with store.engine.begin() as connection:  # every assessment picks the training guide (windows ahead)
        connection.execute(update(AssessmentRecord).values(guide_id=TRAINING, version=AssessmentRecord.version + 1))
    first = median_ms(show_again, 1)
    computed = page.calendar.stored.computed
    print(
        f"training guide on every assessment: first showing {first:.1f}, {computed} assessments computed, "
        f"{len(page.calendar.entries())} windows listed"
    )
    print(f"  later showings (results kept): {median_ms(show_again, args.repeat):.1f}")
    print(f"  of which the windows: {median_ms(page.calendar.refresh, args.repeat):.1f}")

    draft = next(k for k in store.assessment_keys() if k.status == "draft")
    opened = store.open(draft.id)
    counter = iter(range(1_000_000))

    def saved_then_shown() -> None:
        answers = dict(opened.answers_file.answers)
        answers["exhibition_count"] = next(counter) % 5 + 1
        store.save_draft(draft.id, opened.answers_file.with_answers(answers))
        show_again()

    print(
        f"  one assessment saved, then the page shown (save included): {median_ms(saved_then_shown, args.repeat):.1f}"
    )
    print(f"  computed at that showing: {page.calendar.stored.computed}")
    store.close()
    app.quit()
    folder.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
