"""The folder a batch writes into: nothing in it overwritten unless asked, no link in it followed.

A clerk who runs the same batch twice into `out/` must not lose the first run's checklists (perhaps
already annotated, or sent), and a link planted in `out/` (`汇总.pdf -> ~/.bashrc`) must not make the
program write somewhere else. So:

- a folder that does not exist, or is empty, is used as it is;
- a folder that holds anything gets the run in a new sub-folder named after the date and time, and
  the command says so; `--overwrite` writes into the folder itself instead;
- every file is written under a temporary name created exclusively (never through an existing link)
  and then renamed over its name: a link there is replaced by the file, its target left alone.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.policy.model import Lang
from desktop.problems import Message, Problem, ProblemError
from desktop.safe_write import replacing


class OutputFolderError(ProblemError):
    """The output folder or a file in it that cannot be written."""


@dataclass
class OutputFolder:
    path: Path
    overwrite: bool
    note: Message | None = None
    """What the user should know about where the files went (a new sub-folder), or None."""

    @classmethod
    def prepare(
        cls, given: Path, *, overwrite: bool, lang: Lang = "zh", now: dt.datetime | None = None
    ) -> OutputFolder:
        """The folder to write into; created on the first write, so a run that produces nothing leaves
        nothing behind."""
        if given.exists() and not given.is_dir():
            raise OutputFolderError(Problem("output.not_folder", where=(str(given),)))
        if overwrite or not given.exists() or not any(given.iterdir()):
            return cls(given, overwrite)
        stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
        stem = f"批量清单-{stamp}" if lang == "zh" else f"batch-{stamp}"
        target = given / stem
        number = 2
        while os.path.lexists(target):
            target = given / f"{stem}-{number}"
            number += 1
        return cls(target, overwrite, Message("output.sub_folder", folder=str(given), name=target.name))

    def _ensure(self) -> None:
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            cannot = Problem("output.cannot_make", reason=str(exc.strerror or exc), where=(str(self.path),))
            raise OutputFolderError(cannot) from None

    def write(self, name: str, data: bytes) -> None:
        def fill(temporary: Path) -> None:
            temporary.write_bytes(data)

        self.write_with(name, fill)

    def write_with(self, name: str, fill: Callable[[Path], None]) -> None:
        """`fill(temporary path)` writes the content; the file then takes its name (desktop.safe_write)."""
        self._ensure()
        target = self.path / name
        try:
            if os.path.lexists(target) and not self.overwrite:
                raise OutputFolderError(Problem("output.exists", where=(str(target),)))
            if target.is_dir() and not target.is_symlink():
                raise OutputFolderError(Problem("output.is_folder", where=(str(target),)))
            # The temporary file is created exclusively (never through a link the folder holds), and the
            # rename replaces a link at `target`, never writes through it.
            with replacing(target) as temporary:
                fill(temporary)
        except OSError as exc:
            raise OutputFolderError(
                Problem("output.cannot_write", reason=str(exc.strerror or exc), where=(str(target),))
            ) from None
