"""Importing a 2,000-row equipment list written by LibreOffice (issue 21's must-hold: under 2 s).

    .venv/bin/python benchmarks/list_import.py [--rounds 5] [--fixture]

The list is `tests/lists/sheets.py`'s: 2,000 rows under a merged title, 29 of them left out for a reason (a
date before the period, 待定 in the amount column, a row pasted twice), a formula, text amounts, a totals
row. It is written by openpyxl and saved again by LibreOffice into a temporary folder (or, with
`--fixture` or without LibreOffice, the committed copy). Measured in the same run, median of the rounds:
- baseline: openpyxl merely reading the same file (read-only, the saved values, every row) — the floor
  any import of it costs through the library;
- the import as the dialog does it before showing the rows: the file read (limits, one pass over the
  sheet), the header and columns found, every row checked, the total;
- the import as 导入 completes it: the above, the list drawn as a PDF, the import kept in a database and
  the PDF attached (SQLite in a temporary folder).
The first round of a fresh process is shown apart (imports of openpyxl and ReportLab included).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.lists.rows import ListReading  # noqa: E402
from tests.lists.sheets import EXPECTED_TOTAL, LIBREOFFICE_FIXTURE, libreoffice, make_fixture  # noqa: E402


def timed(action: Callable[[], object], rounds: int) -> tuple[float, float]:
    """(first, median of the rest) in seconds."""
    times = []
    for _ in range(rounds + 1):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times[0], statistics.median(times[1:])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--fixture", action="store_true", help="use the committed LibreOffice-written file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        if args.fixture or libreoffice() is None:
            path, made = LIBREOFFICE_FIXTURE, "committed fixture"
        else:
            start = time.perf_counter()
            path = make_fixture(folder / "made")
            made = f"written by openpyxl, saved by LibreOffice in {time.perf_counter() - start:.1f} s"
        print(f"{path.name}: {path.stat().st_size / 1024:.0f} KB ({made})")

        def baseline() -> int:
            from openpyxl import load_workbook

            book = load_workbook(path, read_only=True, data_only=True)
            rows = sum(1 for _row in book.worksheets[0].iter_rows(values_only=True))
            book.close()
            return rows

        from desktop.policy import bundled_registry
        from desktop.policy.lists import list_kind

        pack = bundled_registry().get("zhongshan-2025")
        kind = list_kind(pack, "equipment_list")
        assert kind is not None

        def reading() -> ListReading:
            from desktop.lists import check_list, propose, read_list_file

            assert kind is not None
            source = read_list_file(path)
            found = check_list(source, propose(source.sheets[0], kind), kind, pack)
            assert found.total == EXPECTED_TOTAL, found.total
            return found

        from desktop.engine import Enterprise
        from desktop.store import open_store

        store = open_store(f"sqlite:///{folder / 'bench.db'}")
        assessment_id = store.new_assessment(store.create_enterprise(Enterprise(name="中山市示例灯饰有限公司")), pack)

        def whole() -> object:
            import datetime as dt

            from desktop.attachments import check_bytes
            from desktop.report.list_pdf import ListDocument, list_pdf_bytes
            from desktop.store.lists import ImportedLists

            found = reading()
            assert isinstance(found, ListReading) and kind is not None
            document = ListDocument(kind, found, pack, "中山市示例灯饰有限公司", "", dt.date(2026, 12, 6))
            pdf = check_bytes("设备明细表.pdf", list_pdf_bytes(document))
            lists = ImportedLists(store)
            stored = lists.get(assessment_id, kind.id)
            return lists.keep(assessment_id, kind, found, based_on=stored.version if stored else None, pdf=pdf)

        rows = baseline()
        figures = [
            ("baseline: openpyxl reading every row", timed(baseline, args.rounds)),
            ("import: read, columns found, every row checked", timed(reading, args.rounds)),
            ("import + PDF + kept and attached (SQLite)", timed(whole, args.rounds)),
        ]
        store.close()
    print(f"{rows:,} rows in the sheet; total {EXPECTED_TOTAL:,} yuan as computed by hand")
    print(f"{'':48} {'first':>8} {'median':>8}")
    for name, (first, median) in figures:
        print(f"{name:48} {first:7.3f}s {median:7.3f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
