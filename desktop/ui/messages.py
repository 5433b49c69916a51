"""THE one seam for message boxes and file dialogs, so that tests never block on a modal dialog.

Every module of the window calls the functions below, never QMessageBox / QFileDialog directly.
Tests replace `sink` with a `RecordingSink` (see tests/ui/conftest.py), which records each call and
answers questions and file dialogs from queues the test fills.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

Kind = Literal["information", "warning", "error", "question", "choice", "open_file", "save_file"]


class MessageSink:
    """The real dialogs."""

    def information(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def warning(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.critical(parent, title, text)

    def question(self, parent: QWidget | None, title: str, text: str) -> bool:
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        answer = QMessageBox.question(parent, title, text, buttons, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def choose(self, parent: QWidget | None, title: str, text: str, options: list[str]) -> int | None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent)
        buttons = [box.addButton(option, QMessageBox.ButtonRole.AcceptRole) for option in options]
        box.setDefaultButton(buttons[0])
        box.exec()
        clicked = box.clickedButton()
        return next((i for i, button in enumerate(buttons) if button is clicked), None)

    def open_file(self, parent: QWidget | None, title: str, file_filter: str, folder: str = "") -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, title, folder, file_filter)
        return Path(name) if name else None

    def save_file(self, parent: QWidget | None, title: str, file_filter: str, suggested: str = "") -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
        return Path(name) if name else None


@dataclass
class Message:
    kind: Kind
    title: str
    text: str


@dataclass
class RecordingSink(MessageSink):
    """For tests: records every message; questions and file dialogs take their answers from queues."""

    messages: list[Message] = field(default_factory=list)
    answers: list[bool] = field(default_factory=list)
    files: list[Path | None] = field(default_factory=list)
    choices: list[int | None] = field(default_factory=list)

    def information(self, parent: QWidget | None, title: str, text: str) -> None:
        self.messages.append(Message("information", title, text))

    def warning(self, parent: QWidget | None, title: str, text: str) -> None:
        self.messages.append(Message("warning", title, text))

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        self.messages.append(Message("error", title, text))

    def question(self, parent: QWidget | None, title: str, text: str) -> bool:
        self.messages.append(Message("question", title, text))
        return self.answers.pop(0) if self.answers else False

    def choose(self, parent: QWidget | None, title: str, text: str, options: list[str]) -> int | None:
        self.messages.append(Message("choice", title, text + "\n[" + " | ".join(options) + "]"))
        return self.choices.pop(0) if self.choices else None

    def open_file(self, parent: QWidget | None, title: str, file_filter: str, folder: str = "") -> Path | None:
        self.messages.append(Message("open_file", title, file_filter))
        return self.files.pop(0) if self.files else None

    def save_file(self, parent: QWidget | None, title: str, file_filter: str, suggested: str = "") -> Path | None:
        self.messages.append(Message("save_file", title, suggested))
        return self.files.pop(0) if self.files else None

    def of_kind(self, kind: Kind) -> list[Message]:
        return [m for m in self.messages if m.kind == kind]


sink: MessageSink = MessageSink()


def information(parent: QWidget | None, title: str, text: str) -> None:
    sink.information(parent, title, text)


def warning(parent: QWidget | None, title: str, text: str) -> None:
    sink.warning(parent, title, text)


def error(parent: QWidget | None, title: str, text: str) -> None:
    sink.error(parent, title, text)


def question(parent: QWidget | None, title: str, text: str) -> bool:
    """True when the user answers yes."""
    return sink.question(parent, title, text)


def choose(parent: QWidget | None, title: str, text: str, options: list[str]) -> int | None:
    """The index of the option the user picked; None when the dialog was closed without a choice."""
    return sink.choose(parent, title, text, options)


def open_file(parent: QWidget | None, title: str, file_filter: str, folder: str = "") -> Path | None:
    return sink.open_file(parent, title, file_filter, folder)


def save_file(parent: QWidget | None, title: str, file_filter: str, suggested: str = "") -> Path | None:
    return sink.save_file(parent, title, file_filter, suggested)
