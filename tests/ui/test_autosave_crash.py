"""Crash safety: a process killed (SIGKILL) in the middle of a stream of autosaves leaves a sound database
holding every change it had reported saved."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.store import open_store
from tests.conftest import REPO


def run_and_kill(url: str, saves_before_kill: int) -> list[tuple[int, int]]:
    """Start the worker, let it report `saves_before_kill` saves, SIGKILL it; the (assessment, value) reported."""
    worker = subprocess.Popen(
        [sys.executable, "-m", "tests.store.autosave_worker", url],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert worker.stdout is not None
    reported: list[tuple[int, int]] = []
    deadline = time.monotonic() + 60
    try:
        for line in worker.stdout:
            if line.startswith("saved "):
                _, assessment_id, value = line.split()
                reported.append((int(assessment_id), int(value)))
                if len(reported) >= saves_before_kill:
                    break
            assert time.monotonic() < deadline, "the worker did not report saves in time"
        worker.send_signal(signal.SIGKILL)
    finally:
        worker.kill()
        _, err = worker.communicate(timeout=30)
    assert worker.returncode == -signal.SIGKILL, err
    assert reported, err
    return reported


@pytest.mark.parametrize("saves_before_kill", [20, 97])
def test_a_killed_process_loses_no_reported_save(tmp_path: Path, saves_before_kill: int) -> None:
    database = tmp_path / "assessments.db"
    reported = run_and_kill(f"sqlite:///{database}", saves_before_kill)

    # Checked with plain sqlite3 first, as the next start of the program would find it (WAL not yet merged).
    raw = sqlite3.connect(database)
    assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    raw.close()

    store = open_store(f"sqlite:///{database}")
    assert store.notices == []
    assessment_id, last_value = reported[-1]
    stored = store.get(assessment_id)
    # The worker kept editing after its last report; the database may be ahead, never behind.
    assert stored.answers["digital_level"] >= last_value
    assert stored.enterprise.contact == f"第{stored.answers['digital_level']}次修改"
    assert [value for _, value in reported] == sorted(value for _, value in reported)
    store.close()
