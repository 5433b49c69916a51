"""`python -m desktop` opens the window, and nothing heavy stands in front of it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def _run(code: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *code],
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_python_m_desktop_shows_the_window_and_builds_the_questionnaire() -> None:
    done = _run(["-m", "desktop"], ZS_TRADE_QUIT_AFTER_SHOW="1")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["window shown", "questionnaire ready"]
    assert "Traceback" not in done.stderr


def test_the_window_module_imports_neither_sqlalchemy_nor_reportlab() -> None:
    probe = (
        "import sys, desktop.cli, desktop.ui.app, desktop.ui.questionnaire; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'reportlab', 'alembic', 'openpyxl'}))"
    )
    done = _run(["-c", probe])
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_a_long_session_of_qt_calls_does_not_abort_the_interpreter() -> None:
    """PySide6 6.12.0 on Python 3.11 takes a reference of None with every void Qt call; 50,000 calls
    (a long afternoon of clicking) would abort the process without the guard that create_application sets."""
    probe = (
        "from desktop.ui.app import create_application; from PySide6.QtWidgets import QLabel; "
        "app = create_application(); label = QLabel()\n"
        "for _ in range(50_000): label.setText('x')\n"
        "print('survived')"
    )
    done = _run(["-c", probe])
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == "survived"


def test_the_window_finishes_starting_whatever_the_packs_folder_holds(tmp_path: Path) -> None:
    """A FIFO named *.toml once hung the start; a 5,000-digit integer or 100,000-deep nesting stopped it."""
    packs = tmp_path / "policies"
    packs.mkdir()
    os.mkfifo(packs / "pipe.toml")
    (packs / "zero.toml").symlink_to("/dev/zero")
    (packs / "digits.toml").write_text("[pack]\narticle = " + "6" * 5_000 + "\n", encoding="utf-8")
    (packs / "deep.toml").write_text("x = " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    done = _run(["-m", "desktop"], ZS_TRADE_QUIT_AFTER_SHOW="1", ZS_TRADE_DATA_DIR=str(tmp_path))
    assert done.returncode == 0, done.stderr[-800:]
    assert done.stdout.splitlines() == ["window shown", "questionnaire ready"]


def test_the_window_finishes_starting_whatever_the_guides_folder_holds(tmp_path: Path) -> None:
    """A guide nested 900 deep or with a 5,000-digit integer in the data folder's guides/ kept the window
    on 正在载入政策…… for good (issue 22, point 2)."""
    guides = tmp_path / "guides"
    guides.mkdir()
    os.mkfifo(guides / "pipe.toml")
    (guides / "digits.toml").write_text("[guide]\nid = " + "6" * 5_000 + "\n", encoding="utf-8")
    (guides / "deep.toml").write_text("x = " + "[" * 900 + "]" * 900 + "\n", encoding="utf-8")
    (guides / "lines.toml").write_text('[guide]\nround = "a\\nb"\n', encoding="utf-8")
    done = _run(["-m", "desktop"], ZS_TRADE_QUIT_AFTER_SHOW="1", ZS_TRADE_DATA_DIR=str(tmp_path))
    assert done.returncode == 0, done.stderr[-800:]
    assert done.stdout.splitlines() == ["window shown", "questionnaire ready"]
    assert "Traceback" not in done.stderr
