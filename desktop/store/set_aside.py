"""Database files set aside as damaged, and the notice about them that stays until the user has read it.

A damaged file is renamed `assessments.db.damaged-<time>` (never deleted) and a fresh database is
started. The user must learn of it even if the program then fails for another reason, crashes, or is
closed before the start page is read: so the notice is not kept in memory but found again at every
start from the set-aside files themselves, until the user acknowledges it (the start page's 知道了),
which is remembered in the settings by the file's full path.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

from desktop.problems import Message, Problem
from desktop.settings import get_setting, update_settings
from desktop.store.errors import StoreError

MARK = ".damaged-"
ACKNOWLEDGED_KEY = "acknowledged_set_aside"  # the keyword `acknowledge` passes to update_settings


def move_aside(path: Path, why: Problem | str) -> Path:
    """Rename the bad file (and its -wal/-shm companions) with a timestamp; never delete it."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}{MARK}{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}{MARK}{stamp}-{counter}")
    try:
        path.rename(target)
        for suffix in ("-wal", "-shm"):
            companion = path.with_name(path.name + suffix)
            if companion.exists():
                companion.rename(target.with_name(target.name + suffix))
    except OSError as exc:
        reason = str(exc.strerror or exc)
        raise StoreError(Problem("store.cannot_set_aside", path=str(path), why=why, reason=reason)) from None
    return target


def set_aside_files(path: Path) -> list[Path]:
    """The files set aside from the database at `path`, oldest first."""
    try:
        found = [
            p
            for p in path.parent.iterdir()
            if p.name.startswith(path.name + MARK) and not p.name.endswith(("-wal", "-shm"))
        ]
    except OSError:
        return []
    return sorted(found, key=lambda p: p.name)


def _acknowledged() -> set[str]:
    value = get_setting(ACKNOWLEDGED_KEY, [])
    return {str(v) for v in value} if isinstance(value, list) else set()


def unacknowledged(path: Path) -> list[Path]:
    seen = _acknowledged()
    return [p for p in set_aside_files(path) if str(p) not in seen]


def notice(moved: Path, why: Problem | str | None = None) -> Message:
    reason = Problem("store.set_aside_reason", why=why) if why else None
    return Message("store.set_aside", reason=reason, name=moved.name, folder=str(moved.parent))


def acknowledge(files: list[Path]) -> None:
    """The user has read the notice about these files: do not show it again. A settings folder that
    cannot be written only means the notice comes back next time."""
    with contextlib.suppress(OSError):
        update_settings(acknowledged_set_aside=sorted(_acknowledged() | {str(p) for p in files}))
