"""Storage speed with an association's database: 1,000 enterprises, 5,000 assessments (issue 4's benchmark).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/store_speed.py [--database URL]
        [--enterprises N] [--assessments M] [--repeat R]

Fills a fresh database first (not timed; SQLite in a temporary folder unless --database is given, and
then THAT DATABASE IS EMPTIED), every assessment with real answers and its total, and every third one
finalised with its full result snapshot (some 40 KB each). Then times, as medians of R runs:
  - the start page: building it and showing the list (first time), and a refresh;
  - a search by part of a name, and by part of a credit code (store query, and the page's refresh);
  - an autosave: `Store.save_draft` with the answers and the result snapshot, and the Autosaver's whole
    flush (engine result + JSON + write);
and the one-off costs: importing SQLAlchemy + the store, and opening (migrating) the database.
Targets (issue 4): list < 200 ms, search < 50 ms, autosave < 20 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TOWNS = ["石岐街道", "东区街道", "火炬开发区", "古镇镇", "小榄镇", "南头镇", "黄圃镇", "三乡镇", "坦洲镇"]
KINDS = ["灯饰", "电器", "五金", "家具", "服装", "电子", "贸易", "包装", "模具", "化工"]
CHECK = "0123456789ABCDEFGHJKLMNPQRTUWXY"


class Timing(float):
    """A median wall-clock time in ms that prints with the CPU time beside it: on a machine shared with
    other work the wall clock includes waiting for a core, the CPU time does not."""

    cpu: float

    def __format__(self, spec: str) -> str:
        return f"{float(self):{spec}} ms wall ({self.cpu:{spec}} ms CPU)"


def median_ms(action: Callable[[], object], repeat: int) -> Timing:
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    timing = Timing(statistics.median(wall))
    timing.cpu = statistics.median(cpu)
    return timing


def import_cost() -> float:
    probe = "import time; t=time.perf_counter(); import desktop.store.database; print((time.perf_counter()-t)*1000)"
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    return float(done.stdout)


def fill(url: str, enterprises: int, assessments: int) -> None:
    """Rows as the program writes them, inserted in bulk (the setup is not what is measured)."""
    from sqlalchemy import delete, insert

    from desktop.engine import assess, assessment_to_data, read_answers_file
    from desktop.engine.answers import answers_file_to_data
    from desktop.store import open_store
    from desktop.store.models import AssessmentRecord, EnterpriseRecord, ResultRecord, utc_now
    from desktop.store.packs import resolver

    store = open_store(url)
    resolve = resolver(store.registry)
    templates = [read_answers_file(p, resolve) for p in sorted((ROOT / "resources" / "examples").glob("*.json"))]
    rng = random.Random(4)
    now = utc_now()
    enterprise_rows = [
        {
            "id": n + 1,
            "name": f"中山市{rng.choice(TOWNS)[:2]}{rng.choice(KINDS)}{n:04d}有限公司",
            "credit_code": f"914420{n:06d}" + "".join(rng.choice(CHECK) for _ in range(6)),
            "town": rng.choice(TOWNS),
            "contact": "联系人",
            "phone": "0760-88880000",
            "notes": "",
            "created_at": now,
            "updated_at": now,
        }
        for n in range(enterprises)
    ]
    snapshots = []
    for answers_file, pack in templates:
        result = assess(pack, answers_file.answers, assessed_on=answers_file.assessed_on or dt.date(2025, 11, 30))
        snapshots.append(
            (answers_file_to_data(answers_file)["answers"], assessment_to_data(result, None), result, pack)
        )
    assessment_rows = []
    result_rows = []
    for n in range(assessments):
        answers, snapshot, result, pack = snapshots[n % len(snapshots)]
        final = n % 3 == 0
        if final:  # a finalised assessment keeps its full result; a draft only its total
            result_rows.append({"assessment_id": n + 1, "data": snapshot})
        assessment_rows.append(
            {
                "id": n + 1,
                "enterprise_id": n % enterprises + 1,
                "label": f"{2025 + n // enterprises} 年度",
                "pack_id": pack.id,
                "pack_version": pack.version,
                "pack_hash": pack.hash,
                "assessed_on": dt.date(2025, 11, 30),
                "answers": answers,
                "total": result.total,
                "status": "final" if final else "draft",
                "created_at": now,
                "updated_at": now,
            }
        )
    with store.engine.begin() as connection:
        connection.execute(delete(AssessmentRecord))
        connection.execute(delete(EnterpriseRecord))
        connection.execute(insert(EnterpriseRecord), enterprise_rows)
        connection.execute(insert(AssessmentRecord), assessment_rows)
        connection.execute(insert(ResultRecord), result_rows)
    store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", help="SQLAlchemy URL (its data is REPLACED); default: SQLite in a temp folder")
    parser.add_argument("--enterprises", type=int, default=1000)
    parser.add_argument("--assessments", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=21)
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    url = args.database or f"sqlite:///{Path(folder.name) / 'assessments.db'}"

    print(f"import desktop.store.database (SQLAlchemy, Alembic): {import_cost():.0f} ms (in a fresh process)")
    fill(url, args.enterprises, args.assessments)

    from PySide6.QtWidgets import QApplication

    from desktop.store import open_store
    from desktop.ui.app import create_application
    from desktop.ui.autosave import Autosaver
    from desktop.ui.session import AssessmentSession
    from desktop.ui.start_page import StartPage

    app = create_application()
    start = time.perf_counter()
    store = open_store(url)
    print(f"open database (check, migrations up to date): {(time.perf_counter() - start) * 1000:.0f} ms")
    size = Path(url.removeprefix("sqlite:///")).stat().st_size / 2**20 if url.startswith("sqlite:///") else 0
    counts = store.counts()
    print(
        f"database: {store.dialect}, {counts[0]} enterprises, {counts[1]} assessments"
        + (f", {size:.1f} MiB" if size else "")
    )

    start, start_cpu = time.perf_counter(), time.process_time()
    page = StartPage(store)
    page.resize(1280, 720)
    page.show()
    QApplication.processEvents()
    first = (time.perf_counter() - start) * 1000, (time.process_time() - start_cpu) * 1000
    print(
        f"start page, built and shown with the full list (first time): {first[0]:.0f} ms wall ({first[1]:.0f} ms CPU)"
    )
    print(f"load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")

    def refresh_all() -> None:
        page.refresh()
        QApplication.processEvents()

    print(f"start page refresh (query + model + paint): {median_ms(refresh_all, args.repeat):.1f}")
    print(f"  of which store.listing(): {median_ms(store.listing, args.repeat):.1f}")
    for term in ("电器01", "MA", "914420000123"):
        query = median_ms(lambda term=term: store.listing(term), args.repeat)

        def search_page(term: str = term) -> None:
            page.search.setText(term)
            page.refresh()
            QApplication.processEvents()

        shown = median_ms(search_page, args.repeat)
        found = len(store.listing(term))
        print(f"search {term!r} ({found} enterprises): query {query:.1f}; page with repaint {shown:.1f}")

    draft = next(a for e in store.listing() for a in e.assessments if a.status == "draft")
    opened = store.open(draft.id)
    session = AssessmentSession(opened.pack, assessed_on=opened.answers_file.assessed_on)
    session.load(opened.answers_file, opened.pack)
    counter = iter(range(1_000_000))

    def save_draft() -> None:  # what autosave writes: answers, enterprise, total
        session.set_enterprise("contact", f"联系人{next(counter)}")
        store.save_draft(draft.id, session.to_answers_file(), session.result)

    print(f"autosave, Store.save_draft (answers + enterprise + total): {median_ms(save_draft, args.repeat * 5):.1f}")
    saver = Autosaver(session, store, draft.id, delay_ms=60_000)

    def flush() -> None:
        session.set_answer("digital_level", next(counter) % 3)
        saver.flush()

    print(f"autosave, Autosaver.flush (engine result + JSON + write): {median_ms(flush, args.repeat * 5):.1f}")
    saver.stop()
    store.close()
    app.quit()
    folder.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
