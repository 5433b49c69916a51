"""A disk with only so many bytes free, for the tests of writers (issue 22, point 8).

Every file opened for writing (by `open`, `io.open`, `Path.open`, `os.fdopen` or zipfile, as ReportLab,
openpyxl, csv and the program's own code do) writes until the room is used up; the write that does not
fit writes what fits and fails with ENOSPC, as on a full disk. Opening and truncating work as they do on
a real one: a writer that opens its final file in place has destroyed the old content by then.
"""

from __future__ import annotations

import builtins
import errno
import io
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

_real_open = io.open


class _Disk:
    def __init__(self, free: int) -> None:
        self.free = free


class _FillingFile:
    """A file object that counts what it writes against the disk's room."""

    def __init__(self, stream: Any, disk: _Disk) -> None:
        self._stream = stream
        self._disk = disk

    def write(self, data: Any) -> int:
        size = len(data.encode("utf-8")) if isinstance(data, str) else len(data)
        if size > self._disk.free:
            fits = self._disk.free
            if fits and not isinstance(data, str):
                self._stream.write(data[:fits])
            elif fits:
                self._stream.write(data.encode("utf-8")[:fits].decode("utf-8", "ignore"))
            self._disk.free = 0
            self._stream.flush()
            raise OSError(errno.ENOSPC, "No space left on device")
        self._disk.free -= size
        return int(self._stream.write(data))

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __enter__(self) -> _FillingFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stream.close()

    def __iter__(self) -> Iterator[Any]:
        return iter(self._stream)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextmanager
def full_disk(monkeypatch: pytest.MonkeyPatch, free: int) -> Iterator[None]:
    """While inside: `free` bytes left for everything written."""
    disk = _Disk(free)

    def opening(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        stream = _real_open(file, mode, *args, **kwargs)
        if any(flag in mode for flag in "wax+"):
            return _FillingFile(stream, disk)
        return stream

    with monkeypatch.context() as patch:
        patch.setattr(io, "open", opening)
        patch.setattr(builtins, "open", opening)
        yield
