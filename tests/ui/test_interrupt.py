"""Ctrl+C in the terminal that started the window closes it the normal way (issue 14: it was ignored)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from desktop.engine import Enterprise
from desktop.settings import read_settings
from desktop.store import open_store
from tests.conftest import REPO


def test_ctrl_c_closes_the_window_and_the_program_ends_cleanly(tmp_path: Path, isolated_data_dir: Path) -> None:
    database = tmp_path / "assessments.db"
    store = open_store(f"sqlite:///{database}")
    _, assessment_id, _ = store.new_for_enterprise(Enterprise("中山市某企业"), store.registry.get("zhongshan-2025"))
    store.close()
    (isolated_data_dir / "settings.json").write_text(f'{{"open_assessment": {assessment_id}}}', encoding="utf-8")
    with subprocess.Popen(
        [sys.executable, "-m", "desktop", "--database", f"sqlite:///{database}"],
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as program:
        lock = Path(str(database) + ".lock")
        deadline = time.monotonic() + 30
        while not (lock.exists() and (tmp_path / "assessments.db-wal").exists()) and time.monotonic() < deadline:
            time.sleep(0.1)  # the window is up and has opened its database
        time.sleep(0.3)
        program.send_signal(signal.SIGINT)
        try:
            _, err = program.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            program.kill()
            raise AssertionError("Ctrl+C did not close the window") from None
    assert program.returncode == 0, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    assert not lock.exists()  # the database is free for the next start
    assert read_settings().get("open_assessment") == assessment_id  # closed as by its close button: resumes there
