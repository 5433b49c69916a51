"""Writing a file so that a failure never destroys the copy already there.

Every file the program writes (checklists, answers files, exports, calendars, dossiers, settings) is
written to a temporary file in the same folder, flushed to the disk, and only then renamed over its
final name. A full disk, a killed process or an exception while writing leaves the old file exactly
as it was, and no half-written file under the final name; the temporary file is removed.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path


def _read_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# Read once, at import (single-threaded then): os.umask can only be read by setting it.
_NEW_FILE_MODE = 0o666 & ~_read_umask()


def _temporary_beside(path: Path) -> tuple[int, Path]:
    # Same folder: a rename within one file system is atomic; a hidden name so no viewer opens it half-done.
    handle, name = tempfile.mkstemp(prefix=f".{path.name[:40]}.", suffix=".part", dir=path.parent)
    return handle, Path(name)


def _put_in_place(temporary: Path, path: Path) -> None:
    # mkstemp makes the file private (0600); the result gets the mode of the file it replaces, or the
    # mode any new file of the user gets. A link there is replaced, not followed: its target's mode is not ours.
    try:
        found = path.lstat()
        mode = found.st_mode & 0o7777 if stat.S_ISREG(found.st_mode) else _NEW_FILE_MODE
    except OSError:
        mode = _NEW_FILE_MODE
    with contextlib.suppress(OSError):
        temporary.chmod(mode)
    temporary.replace(path)


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary path beside `path` to write to (for writers that take a file name, such as ReportLab);
    renamed over `path` when the block ends without an exception, removed otherwise."""
    handle, temporary = _temporary_beside(path)
    os.close(handle)
    try:
        yield temporary
        with temporary.open("rb+") as stream:
            os.fsync(stream.fileno())
        _put_in_place(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def write_bytes(path: Path, data: bytes) -> None:
    """Write `data` as the whole content of `path`, atomically. Raises OSError; the old file stays whole."""
    handle, temporary = _temporary_beside(path)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        _put_in_place(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def write_text(path: Path, text: str) -> None:
    """`write_bytes` of UTF-8 text."""
    write_bytes(path, text.encode("utf-8"))
