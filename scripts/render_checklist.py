"""Render the checklist for the examples and the stress cases to PDF and PNG, to look at them.

    .venv/bin/python scripts/render_checklist.py [OUT_DIR] [--lang en] [--only NAME ...]

Writes OUT_DIR/<case>.pdf and OUT_DIR/<case>-<page>.png (80 dpi, with poppler's pdftoppm) and prints
page counts and sizes. OUT_DIR defaults to /tmp/checklists. Open the PNGs before calling a layout done.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.report import checklist_bytes
from tests.report.cases import all_cases


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", nargs="?", type=Path, default=Path("/tmp/checklists"))
    parser.add_argument("--lang", choices=("zh", "en"), default="zh")
    parser.add_argument("--only", nargs="*", default=None)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    pdftoppm = shutil.which("pdftoppm")
    for name, make in all_cases().items():
        if args.only and name not in args.only:
            continue
        pdf = args.out / f"{name}.pdf"
        pdf.write_bytes(checklist_bytes(make(), args.lang))
        for old in args.out.glob(f"{name}-*.png"):
            old.unlink()
        pages = "?"
        if pdftoppm:
            subprocess.run([pdftoppm, "-png", "-r", "80", str(pdf), str(args.out / name)], check=True)
            pages = str(len(list(args.out.glob(f"{name}-*.png"))))
        print(f"{name:20} {pdf.stat().st_size / 1024:7.1f} KiB  {pages} pages  {pdf}")
    if not pdftoppm:
        print("pdftoppm not found (Debian: poppler-utils): PDFs written, no PNGs", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
