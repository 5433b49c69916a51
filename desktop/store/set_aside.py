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
from collections.abc import Iterable
from pathlib import Path

from desktop.problems import Message, Problem
from desktop.safe_write import write_text
from desktop.store.errors import StoreError

MARK = ".damaged-"
READ_MARK = ".read"
"""Beside a set-aside file: the user has read the notice about it."""
_COMPANIONS = ("-wal", "-shm", READ_MARK)


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
            p for p in path.parent.iterdir() if p.name.startswith(path.name + MARK) and not p.name.endswith(_COMPANIONS)
        ]
    except OSError:
        return []
    return sorted(found, key=lambda p: p.name)


def _read_mark(moved: Path) -> Path:
    return moved.with_name(moved.name + READ_MARK)


def unacknowledged(path: Path) -> list[Path]:
    return [p for p in set_aside_files(path) if not _read_mark(p).exists()]


def notice(moved: Path, why: Problem | str | None = None) -> Message:
    reason = Problem("store.set_aside_reason", why=why) if why else None
    return Message("store.set_aside", reason=reason, name=moved.name, folder=str(moved.parent))


def mark_read(files: Iterable[Path]) -> None:
    """The user has read the notice about these files: do not show it again. A folder that cannot be
    written only means the notice comes back next time."""
    stamp = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    for moved in files:
        with contextlib.suppress(OSError):
            write_text(
                _read_mark(moved),
                f"{moved.name}: the notice that this database file was set aside was read on {stamp}.\n",
            )
