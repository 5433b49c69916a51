"""Binding a dossier: speed and size (issue 20's benchmark).

    .venv/bin/python benchmarks/dossier_speed.py [--rounds 5]

A dossier of 40 attached pages, as a clerk's real one: a 20-page text PDF (an invoice summary) and 20
JPEG scans of A4 at 200 dpi (1654 × 2339 pixels, the size office scanners write). Measured:
- `python -m desktop dossier` as a user runs it, a fresh process, start-up included (target < 3 s);
- the binding alone, in a warm process (cover, 目录, summary sheet, merging, numbering every page);
- beside it, in the same run, the floor of the work: the same pages merged by pypdf with nothing added
  (no front pages, no numbers) — what any binding costs;
- the output's size against the inputs' total (target ≤ 1.1 × inputs + 300 KB).
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pypdf import PdfReader, PdfWriter  # noqa: E402

from desktop.attachments import check_file  # noqa: E402
from desktop.report.dossier import _image_pages  # noqa: E402  (the same image pages the dossier makes)
from tests.filing.files import scan, text_pdf  # noqa: E402


def make_inputs(folder: Path) -> Path:
    files = folder / "files"
    files.mkdir()
    (files / "invoice-summary.pdf").write_bytes(text_pdf(20, "Invoice summary, page"))
    for number in range(1, 21):
        (files / f"scan-{number:02d}.jpg").write_bytes(scan(1654, 2339, seed=number))
    data = json.loads((ROOT / "resources" / "examples" / "lighting-exporter.json").read_text(encoding="utf-8"))
    data["documents"] = {
        "equipment": {
            "invoices": {"state": "have", "files": ["files/invoice-summary.pdf"]},
            "nameplate_photos": {"state": "have", "files": [f"files/scan-{n:02d}.jpg" for n in range(1, 21)]},
        }
    }
    answers = folder / "answers.json"
    answers.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return answers


def whole_process(answers: Path, out: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "desktop", "dossier", str(answers), "--out", str(out), "--today", "2026-12-06"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def warm_binding(answers: Path) -> float:
    from desktop import cli

    out = answers.parent / "warm"
    start = time.perf_counter()
    code = cli.main(["dossier", str(answers), "--out", str(out), "--today", "2026-12-06"], out=io.StringIO())
    assert code == 0
    return time.perf_counter() - start


def plain_merge(files: list[Path]) -> tuple[float, int]:
    """The floor: the same pages in one PDF, nothing added."""
    checked = [check_file(p) for p in files]
    start = time.perf_counter()
    writer = PdfWriter()
    for f in checked:
        data = f.data if f.media_type == "application/pdf" else _image_pages([f])
        for page in PdfReader(io.BytesIO(data)).pages:
            writer.add_page(page)
    buffer = io.BytesIO()
    writer.write(buffer)
    return time.perf_counter() - start, len(buffer.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        answers = make_inputs(folder)
        files = sorted((folder / "files").iterdir())
        inputs = sum(p.stat().st_size for p in files)
        processes, warms, floors = [], [], []
        size = floor_size = 0
        for round_ in range(args.rounds):
            out = folder / f"out-{round_}"
            processes.append(whole_process(answers, out))
            [written] = list(out.glob("*.pdf"))
            size = written.stat().st_size
            pages = len(PdfReader(written).pages)
            warms.append(warm_binding(answers))
            seconds, floor_size = plain_merge(files)
            floors.append(seconds)

    def line(name: str, values: list[float]) -> str:
        return (
            f"  {name:<52} min {min(values):.2f} s  median {statistics.median(values):.2f} s  max {max(values):.2f} s"
        )

    print(f"dossier of 40 attached pages (20-page PDF + 20 JPEG scans of A4 at 200 dpi), {args.rounds} rounds")
    print(line("python -m desktop dossier (whole process)", processes))
    print(line("binding in a warm process", warms))
    print(line("baseline: the same pages merged by pypdf, nothing added", floors))
    print(f"  pages in the dossier: {pages} (front pages {pages - 40})")
    print(
        f"  size: inputs {inputs / 1024:,.0f} KiB, dossier {size / 1024:,.0f} KiB "
        f"(×{size / inputs:.3f}; limit {(1.1 * inputs + 300 * 1024) / 1024:,.0f} KiB), "
        f"plain merge {floor_size / 1024:,.0f} KiB"
    )


if __name__ == "__main__":
    main()
