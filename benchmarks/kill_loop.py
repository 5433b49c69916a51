"""The kill -9 loop of issue 14: a stream of autosaves killed with SIGKILL, many times over.

Each round starts `tests/store/autosave_worker.py` (a clerk who never stops typing, each save reported
on stdout only after its commit returned), kills it after a random number of reported saves, and then
checks the database as the next start would find it: `PRAGMA integrity_check` is ok, the program opens
it without setting it aside, and the last reported save is there (the database may be ahead, never
behind). A script, not a test: 100 rounds take a few minutes.

    .venv/bin/python benchmarks/kill_loop.py          # 100 rounds
    .venv/bin/python benchmarks/kill_loop.py 20       # fewer
"""

from __future__ import annotations

import os
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.store import open_store  # noqa: E402
from tests.ui.test_autosave_crash import run_and_kill  # noqa: E402


def round_trip(folder: Path, saves: int) -> tuple[bool, str]:
    database = folder / "assessments.db"
    reported = run_and_kill(f"sqlite:///{database}", saves)
    raw = sqlite3.connect(database)
    integrity = raw.execute("PRAGMA integrity_check").fetchall()
    raw.close()
    if integrity != [("ok",)]:
        return False, f"integrity {integrity}"
    store = open_store(f"sqlite:///{database}")
    try:
        if store.notices:
            return False, f"set aside: {store.notices}"
        assessment_id, last = reported[-1]
        stored = store.get(assessment_id)
        level = stored.answers.get("digital_level")
        if not isinstance(level, int) or level < last:
            return False, f"reported save {last} missing (stored {level})"
        if stored.enterprise.contact != f"第{level}次修改":
            return False, "answers and enterprise of one save differ"
    finally:
        store.close()
    return True, f"{len(reported)} saves reported, stored {level} ≥ {last}"


def main(rounds: int) -> int:
    rnd = random.Random(14)
    failures = 0
    started = time.monotonic()
    for number in range(1, rounds + 1):
        with tempfile.TemporaryDirectory() as tmp:
            ok, said = round_trip(Path(tmp), rnd.randint(1, 150))
        failures += not ok
        print(f"{number:3d} {'ok  ' if ok else 'FAIL'} {said}", flush=True)
    print(f"{rounds} kills, {failures} failures, {time.monotonic() - started:.0f} s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100))
