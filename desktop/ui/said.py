"""What the window says of problems, in its language: one place for the store's errors, a file that cannot
be written, and the problems of the engine, the readers and the store worded from the catalogue.

The engine, the policy readers and the store say what went wrong as data (`desktop.problems.Problem`); the
words are the catalogue's (`desktop.wording.problems`), never a Chinese sentence passed through `tr`. A
handler in the window is one call: `report_error(parent, title, exc)` for a database error (or any refused action),
`report_write_error(parent, title, path, exc)` for a file that could not be written; the title is the
window's own text (`tr`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.problems import Message, Problem, ProblemError
from desktop.ui import dialogs
from desktop.ui.i18n import current_language
from desktop.wording.problems import word, worded

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

# The store says what happened; the autosave, which tries again, says what it does about it.
_RETRIED = {
    "store.busy": "window.kept_retry",
    "store.connection": "window.kept_retry",
    "store.disk_full": "window.kept",
}


def said(message: Message) -> str:
    """A message as the window shows it, in the window's language (field ids and their labels kept)."""
    return word(message, current_language())


def said_all(messages_: Iterable[Message]) -> list[str]:
    return [said(message) for message in messages_]


def for_clerk(message: Message) -> str:
    """A problem of a file as a clerk reads it: the question's label instead of the field's id."""
    return word(message, current_language(), clerk=True)


def for_clerk_all(messages_: Iterable[Message]) -> list[str]:
    return [for_clerk(message) for message in messages_]


def error_text(error: ProblemError) -> str:
    """Every problem of an error, worded, a blank line between two."""
    return worded(error, current_language())


def any_error_text(error: BaseException) -> str:
    """What an error says in the window: its problems worded when it carries some (an error of the program's
    own), else its own text (a library's, caught where a layout bug must not end in a traceback)."""
    return error_text(error) if isinstance(error, ProblemError) else str(error)


def autosave_text(error: ProblemError) -> str:
    """A save that failed as the autosave's line says it: what happened, and that the edits are still in the
    window (and saving will be tried again) where that is what the autosave does about it."""
    text = error_text(error)
    after = _RETRIED.get(error.problem.code)
    return text if after is None else text + said(Problem(after))


def report_error(parent: QWidget | None, title: str, error: ProblemError) -> None:
    """An action refused with its problems (a database error, a checklist that cannot be laid out), said in a
    message box titled `title`."""
    dialogs.error(parent, title, error_text(error))


def report_write_error(parent: QWidget | None, title: str, path: Path | str, error: OSError) -> None:
    """A file that could not be written (a full disk, a folder without permission), said with its path."""
    problem = Problem("window.cannot_write", path=str(path), reason=str(error.strerror or error))
    dialogs.error(parent, title, said(problem))
