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
from desktop.safe_write import replacing


class OutputFolderError(Exception):
    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


@dataclass
class OutputFolder:
    path: Path
    overwrite: bool
    note: str = ""
    """What the user should know about where the files went (a new sub-folder), or empty."""

    @classmethod
    def prepare(
        cls, given: Path, *, overwrite: bool, lang: Lang = "zh", now: dt.datetime | None = None
    ) -> OutputFolder:
        """The folder to write into; created on the first write, so a run that produces nothing leaves
        nothing behind."""
        if given.exists() and not given.is_dir():
            raise OutputFolderError(f"{given}: 不是文件夹，无法写入清单")
        if overwrite or not given.exists() or not any(given.iterdir()):
            return cls(given, overwrite)
        stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
        stem = f"批量清单-{stamp}" if lang == "zh" else f"batch-{stamp}"
        target = given / stem
        number = 2
        while os.path.lexists(target):
            target = given / f"{stem}-{number}"
            number += 1
        note = (
            f"输出文件夹 {given} 中已有文件；为免覆盖，本次结果写入新的子文件夹 {target.name}"
            "（要覆盖原有文件，请加 --overwrite）"
            if lang == "zh"
            else f"{given} already holds files; to overwrite none of them, this run goes into {target.name} "
            "(use --overwrite to write into the folder itself)"
        )
        return cls(target, overwrite, note)

    def _ensure(self) -> None:
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputFolderError(f"{self.path}: 无法创建输出文件夹：{exc.strerror or exc}") from None

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
                raise OutputFolderError(f"{target}: 已存在，未覆盖（要覆盖，请加 --overwrite）")
            if target.is_dir() and not target.is_symlink():
                raise OutputFolderError(f"{target}: 是一个文件夹，无法写入")
            # The temporary file is created exclusively (never through a link the folder holds), and the
            # rename replaces a link at `target`, never writes through it.
            with replacing(target) as temporary:
                fill(temporary)
        except OSError as exc:
            raise OutputFolderError(f"{target}: 无法写入：{exc.strerror or exc}") from None
