"""One copy of the program per local database (issue 14): starting it again brings the open window to the front
instead of a second window whose saves would overwrite the first's; a lock left by a killed copy is taken over."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.ui.single_instance import claim, local_database
from tests.conftest import REPO


def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'assessments.db'}"


def start_program(database: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "desktop", "--database", database],
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "ZS_TRADE_QUIT_AFTER_SHOW": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_second_start_brings_the_first_window_to_the_front_and_ends(qtbot: QtBot, tmp_path: Path) -> None:
    held = claim(url(tmp_path))
    assert held.guard is not None and not held.message
    held.guard.listen()  # what the program does once its window is shown
    asked: list[bool] = []
    held.guard.activate_requested.connect(lambda: asked.append(True))
    second = start_program(url(tmp_path))
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=30_000)  # our event loop answers meanwhile
    out, err = second.communicate()
    assert second.returncode == 0, err
    assert asked == [True]
    assert "已切换到已打开的窗口" in err and "window shown" not in out and "Traceback" not in err
    held.guard.release()


def test_after_the_first_copy_ends_the_next_one_takes_the_database(qtbot: QtBot, tmp_path: Path) -> None:
    held = claim(url(tmp_path))
    assert held.guard is not None
    held.guard.listen()
    held.guard.release()
    assert not (tmp_path / "assessments.db.lock").exists()
    again = claim(url(tmp_path))
    assert again.guard is not None and not again.message
    again.guard.release()


LOCKER = """
import sys, time
from PySide6.QtCore import QCoreApplication
from desktop.ui.single_instance import claim
app = QCoreApplication([])
held = claim(sys.argv[1])
held.guard.listen()  # listening, but with no event loop it never answers
print("held" if held.guard is not None else "not held", flush=True)
time.sleep(60)
"""


def locker(tmp_path: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", LOCKER, url(tmp_path)], cwd=REPO, stdout=subprocess.PIPE, text=True)


def test_a_lock_left_by_a_killed_copy_is_taken_over(qtbot: QtBot, tmp_path: Path) -> None:
    with locker(tmp_path) as first:
        assert first.stdout is not None and first.stdout.readline().strip() == "held"
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    assert (tmp_path / "assessments.db.lock").exists()  # left behind, as after a crash
    held = claim(url(tmp_path))
    assert held.guard is not None
    held.guard.listen()  # over the socket the killed copy left
    assert held.guard.server is not None and held.guard.server.isListening()
    held.guard.release()


def test_a_copy_that_holds_the_database_but_does_not_answer_is_reported(qtbot: QtBot, tmp_path: Path) -> None:
    with locker(tmp_path) as first:
        assert first.stdout is not None and first.stdout.readline().strip() == "held"
        started = time.monotonic()
        held = claim(url(tmp_path), answer_ms=500)  # the locker runs no event loop: it cannot answer
        assert time.monotonic() - started < 5
        assert held.guard is None and not held.brought_to_front
        assert "没有响应" in held.message and "这次没有打开" in held.message
        first.kill()


def test_only_a_local_database_file_is_guarded(tmp_path: Path) -> None:
    assert local_database(url(tmp_path)) == (tmp_path / "assessments.db").resolve()
    assert local_database("postgresql+psycopg://zs@server/zs") is None
    assert local_database("sqlite://") is None
    assert claim("postgresql+psycopg://zs@server/zs").guard is None
