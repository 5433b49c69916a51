"""Modules loaded when their feature is first used, not when the program starts: the one way it is done.

The first window must show within 1.5 times the time a bare PySide6 window takes
(`benchmarks/startup.py`). Importing the engine and the policy packs (about 110 ms), SQLAlchemy and
Alembic (300 ms or more), ReportLab (about 150 ms), openpyxl or pypdf before it would miss that by far.
So a module that reaches one of them for a feature declares it at its top, with what it costs:

    if TYPE_CHECKING:
        from desktop.ui import checklist_preview
    else:
        checklist_preview = later("desktop.ui.checklist_preview")  # ReportLab: ~150 ms

and uses it as any module (`checklist_preview.save_checklist_pdf(...)`); the import happens at the
first attribute read. Type checkers see the real module, the dependency stands at the top of the file
with the others (where an import graph finds it), and no import hides in a method's body.

Each use asks `importlib` for the module; after the first time that is a look-up in `sys.modules`
(so a test may put a stand-in there). A module that cannot be loaded raises `UnavailableError`, which
the main window turns into a message for the command that needed it. What is worth deferring is
measured with `python -X importtime -m desktop` (docs/developers.md); a module that the window needs
before its first paint is imported normally.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any


class UnavailableError(ImportError):
    """A module declared with `later` could not be loaded when its feature was used (an installation
    missing a file). The window says so for the command that needed it, instead of a traceback."""

    def __init__(self, name: str, reason: BaseException) -> None:
        super().__init__(f"{name}: {reason}", name=name)
        self.module = name


class _Later:
    """Stands for a module until it is first used."""

    __slots__ = ("_name",)

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attribute: str) -> Any:
        try:
            module = importlib.import_module(self._name)
        except ImportError as exc:
            raise UnavailableError(self._name, exc) from exc
        return getattr(module, attribute)

    def __repr__(self) -> str:
        state = "loaded" if self._name in sys.modules else "not loaded yet"
        return f"<module {self._name!r}, loaded on first use ({state})>"


def later(name: str) -> Any:
    """The module `name`, imported when an attribute of it is first read (see the module's docstring)."""
    return _Later(name)
