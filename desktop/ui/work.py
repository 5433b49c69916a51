"""What the main window asks of its work on assessments, and what that work needs of the window.

Two kinds of work, chosen once when the window starts: with a database (`desktop.ui.stored_work.StoredWork`:
a start page listing every firm) or without one (`desktop.ui.file_work.FileWork`: one assessment at a time,
in memory, opened from and saved to answers files). The window calls either through `Work`, and gives
either itself as `Pages`; neither imports the window.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QWidget


class Pages(Protocol):
    """What the work needs of the window: its page area (implemented by `desktop.ui.main_window.MainWindow`)."""

    def add_page(self, widget: QWidget) -> int: ...

    def show_page(self, widget: QWidget) -> None: ...

    def remove_page(self, widget: QWidget) -> None: ...

    def page_shown(self) -> QWidget | None: ...

    def show_questionnaire(self, page: int | None = None) -> None:
        """The questionnaire, at `page` (None: where it is; -1: the results)."""

    def show_application(self, item_id: str) -> None:
        """The results' 申报材料与进度 tab, at this item."""


class Work(Protocol):
    """What the window asks of its work, with a database (`StoredWork`) or without (`FileWork`)."""

    def resume(self) -> None: ...

    def new(self) -> None: ...

    def open_file(self, path: Path) -> bool: ...

    def open_example(self, path: Path) -> bool: ...

    def show_home(self) -> bool: ...

    def retranslate(self) -> None: ...

    def refresh_windows(self) -> None: ...

    def close(self, *, ask: bool) -> bool: ...
