"""Reading an input file whole, but only when it is an ordinary file of a sensible size.

`Path.read_bytes()` on a FIFO waits for a writer forever; on a link to /dev/zero it fills the memory;
on a 2 GB file it takes minutes before any check can refuse it. Here the file is opened without
blocking, its kind and size are checked on the open handle (so a swap after the check does not
matter), and no more than the limit is ever read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from desktop.problems import Problem, ProblemError

MIB = 1024 * 1024


class FileRefusedError(ProblemError):
    """A file that was not read; its problem says why, without the file's name (callers add it)."""


def size_text(size: int) -> str:
    """`1.5 MB`, `320 KB`: sizes as the file manager shows them."""
    if size >= MIB:
        return f"{size / MIB:.1f} MB"
    return f"{max(1, size // 1024)} KB"


def inside(path: Path, folder: Path) -> bool:
    """Whether `path`, links resolved, lies within `folder` (links resolved too)."""
    try:
        path.resolve().relative_to(folder.resolve())
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def read_regular_file(path: Path, limit: int, *, within: Path | None = None) -> bytes:
    """The bytes of `path` if it is a regular file of at most `limit` bytes; else FileRefusedError.

    With `within`, a link that leads outside that folder is refused too (a packs folder holds packs,
    not pointers to other places)."""
    if within is not None and not inside(path, within):
        raise FileRefusedError(Problem("file.link_outside"))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        handle = os.open(path, flags)
    except OSError as exc:
        raise FileRefusedError(Problem("file.unreadable", reason=str(exc.strerror or exc))) from None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise FileRefusedError(Problem("file.not_regular"))
        if info.st_size > limit:
            raise FileRefusedError(Problem("file.too_large", size=size_text(info.st_size), limit=size_text(limit)))
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(handle, min(MIB, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:  # grew while being read
            raise FileRefusedError(Problem("file.grew", limit=size_text(limit)))
        return b"".join(chunks)
    except OSError as exc:
        raise FileRefusedError(Problem("file.unreadable", reason=str(exc.strerror or exc))) from None
    finally:
        os.close(handle)
