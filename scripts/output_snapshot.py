"""Write what the command line prints for the examples and for every pack test case, to compare two versions.

A refactoring must not change a result: run this before and after (on the same day, since windows and
reminders depend on it) and compare the two folders with `diff -r`. For each of the three examples it keeps
`assess --json` and the text summary in both languages. Every case in `tests/cases` (run against the bundled
pack) and in `tests/packs/real-rules.cases.toml` (run against its own pack) is written as an answers file
(its answers, its day, its amounts received) and run through `assess --json` in both languages.

    python scripts/output_snapshot.py /tmp/before
    python scripts/output_snapshot.py /tmp/after
    diff -r /tmp/before /tmp/after
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import re
import sys
import tempfile
import tomllib
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from desktop.cli import main  # noqa: E402

EXAMPLES = REPO / "resources" / "examples"
CASES = REPO / "tests" / "cases"
PACK = "zhongshan-2025"


def _run(*argv: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return f"exit {code}\n--- stdout\n{out.getvalue()}--- stderr\n{err.getvalue()}"


def _plain(value: Any) -> Any:
    """TOML values as an answers file writes them (dates as text)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


REAL_RULES = REPO / "tests" / "packs" / "real-rules.toml"
CASE_DAY = dt.date(2025, 11, 30)  # desktop.engine.cases: the day a case is assessed unless it says


def _case_files() -> list[tuple[Path, Path | None]]:
    """Each case file with the pack file it is run against (None: the bundled pack)."""
    bundled: list[tuple[Path, Path | None]] = [(path, None) for path in sorted(CASES.glob("*.toml"))]
    return [*bundled, (REAL_RULES.with_name("real-rules.cases.toml"), REAL_RULES)]


def snapshot(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    for example in sorted(EXAMPLES.glob("*.json")):
        for lang in ("zh", "en"):
            for form in ("json", "text"):
                argv = ["--lang", lang, "assess", str(example)] + (["--json"] if form == "json" else [])
                (out / f"example-{example.stem}-{lang}.{form}.txt").write_text(_run(*argv), encoding="utf-8")
                count += 1
    with tempfile.TemporaryDirectory() as folder:
        for path, pack in _case_files():
            data = tomllib.loads(path.read_text(encoding="utf-8"))
            pack_id = tomllib.loads(pack.read_text(encoding="utf-8"))["pack"]["id"] if pack else PACK
            for index, case in enumerate(data.get("case", [])):
                answers = {
                    "format": "zs-trade-assessment/1",
                    "policy": pack_id,
                    "assessed_on": _plain(case.get("assessed_on", CASE_DAY)),
                    "enterprise": {},
                    "answers": _plain(case.get("answers", {})),
                }
                if "received" in case:
                    answers["received"] = _plain(case["received"])
                file = Path(folder) / f"{path.stem}-{index}.json"
                file.write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")
                name = re.sub(r"[^A-Za-z0-9_.-]", "_", f"case-{path.stem}-{index:03d}")
                for lang in ("zh", "en"):
                    argv = ["--lang", lang, "assess", str(file), "--json"] + (["--pack", str(pack)] if pack else [])
                    text = _run(*argv).replace(folder, "<folder>")
                    (out / f"{name}-{lang}.json.txt").write_text(text, encoding="utf-8")
                    count += 1
    return count


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the folder to write into")
    written = snapshot(parser.parse_args().out)
    print(f"{written} outputs written")
