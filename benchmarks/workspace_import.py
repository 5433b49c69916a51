"""Association workspace: time to import N answers files (default 1,000), aggregate them and export the table.

    .venv/bin/python benchmarks/workspace_import.py [--files N] [--broken-every K]

Writes N varied member files into a temporary folder first (not timed; every K-th one broken, as in the
tests), then times, separately: the import (read + check + assess every file and find its opportunities, as
the window's "导入文件夹…" does), the per-measure aggregate, the CSV export and the Excel export. It also times
reading a filled Excel template with N rows (the template is filled, untimed, from the same answers).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from openpyxl import load_workbook

from desktop.policy import bundled_registry
from desktop.workspace import aggregate, import_answers_files
from desktop.workspace.export import export_csv, export_xlsx
from desktop.workspace.spreadsheet import MAIN_SHEET, read_workbook, write_template
from tests.workspace.member_files import member_answers, write_members

T = TypeVar("T")
TODAY = dt.date(2025, 12, 1)


def timed(label: str, action: Callable[[], T]) -> T:
    start = time.perf_counter()
    result = action()
    seconds = time.perf_counter() - start
    print(f"{label:<44} {seconds * 1000:9.0f} ms")
    return result


def fill_template(path: Path, count: int) -> None:
    pack = bundled_registry().get("zhongshan-2025")
    write_template(pack, path)
    book = load_workbook(path)
    sheet = book[MAIN_SHEET]
    keys = [c.value for c in sheet[2]]
    for n in range(count):
        data = member_answers(n)
        row = 3 + n
        for field, value in data["enterprise"].items():
            sheet.cell(row=row, column=keys.index(f"enterprise.{field}") + 1, value=value)
        for qid, value in data["answers"].items():
            question = pack.question(qid)
            if question is None or question.type == "table":
                continue
            if question.type == "bool":
                value = "是" if value else "否"
            elif question.type == "choice":
                choice = question.choice(value)
                value = choice.label.zh if choice else value
            elif question.type == "money":
                value = float(value)
            sheet.cell(row=row, column=keys.index(qid) + 1, value=value)
    book.save(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--broken-every", type=int, default=20)
    args = parser.parse_args()
    registry = bundled_registry()
    registry.get("zhongshan-2025")  # the pack is loaded once per process; not part of the import
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "members"
        broken = write_members(folder, args.files, broken_every=args.broken_every)
        print(f"{args.files} answers files, {len(broken)} of them broken")
        result = timed(
            f"import {args.files} files (read, check, assess, opportunities)",
            lambda: import_answers_files([folder], registry, TODAY),
        )
        print(f"  -> {len(result.rows)} firms, {len(result.problems)} problem files")
        totals = timed("aggregate per measure", lambda: aggregate(result.rows))
        print(f"  -> total {totals.total:,.2f} yuan")
        timed("export CSV", lambda: export_csv(result.rows, Path(tmp) / "out.csv", today=TODAY))
        timed("export Excel", lambda: export_xlsx(result.rows, Path(tmp) / "out.xlsx", today=TODAY))
        template = Path(tmp) / "filled.xlsx"
        timed("write the empty template", lambda: write_template(registry.get("zhongshan-2025"), Path(tmp) / "t.xlsx"))
        fill_template(template, args.files)
        from_excel = timed(
            f"read a filled template with {args.files} rows", lambda: read_workbook(template, registry, TODAY)
        )
        print(f"  -> {len(from_excel.rows)} firms, {len(from_excel.problems)} problem rows")


if __name__ == "__main__":
    main()
