"""THE one seam for message boxes and file dialogs, so that tests never block on a modal dialog.

Every module of the window calls the functions below, never QMessageBox / QFileDialog directly.
Tests replace `sink` with a `RecordingSink` (see tests/ui/conftest.py), which records each call and
answers questions and file dialogs from queues the test fills.

File dialogs open in the folder the user last chose a file in (remembered in the settings), else in
the user's documents folder: never in the program's working folder, which a clerk never meant.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel, QLineEdit, QMessageBox, QWidget

from desktop.settings import LAST_FOLDER, settings
from desktop.ui.plain import message_box, open_folder

Kind = Literal[
    "information",
    "warning",
    "error",
    "question",
    "choice",
    "text",
    "open_file",
    "open_files",
    "folder",
    "save_file",
    "saved",
]


def start_folder() -> Path:
    """Where a file dialog opens: the folder last used, else the documents folder, else home."""
    remembered = settings().get(LAST_FOLDER)
    if remembered is not None and Path(remembered).is_dir():
        return Path(remembered)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def remember_folder(chosen: Path) -> None:
    folder = chosen if chosen.is_dir() else chosen.parent
    settings().set(LAST_FOLDER.to(str(folder)))  # a convenience: a read-only data folder is no error


def _in_start_folder(suggested: str) -> str:
    """A bare suggested file name goes into the start folder; a path is taken as given."""
    if not suggested:
        return str(start_folder())
    path = Path(suggested)
    return str(path if path.is_absolute() else start_folder() / path)


def open_containing_folder(path: Path) -> bool:
    return open_folder(path.parent)


def input_dialog(parent: QWidget | None, title: str, label: str, default: str = "") -> QInputDialog:
    """A one-line input dialog whose label (which may name a workspace or a scenario) is plain text."""
    dialog = QInputDialog(parent)
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextValue(default)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    for child in dialog.findChildren(QLabel):
        child.setTextFormat(Qt.TextFormat.PlainText)
        child.setOpenExternalLinks(False)
    return dialog


class MessageSink:
    """The real dialogs, every one showing its text as plain text (`desktop.ui.plain.message_box`)."""

    def _show(self, icon: QMessageBox.Icon, parent: QWidget | None, title: str, text: str) -> None:
        message_box(icon, title, text, QMessageBox.StandardButton.Ok, parent).exec()

    def information(self, parent: QWidget | None, title: str, text: str) -> None:
        self._show(QMessageBox.Icon.Information, parent, title, text)

    def warning(self, parent: QWidget | None, title: str, text: str) -> None:
        self._show(QMessageBox.Icon.Warning, parent, title, text)

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        self._show(QMessageBox.Icon.Critical, parent, title, text)

    def question(self, parent: QWidget | None, title: str, text: str) -> bool:
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        box = message_box(QMessageBox.Icon.Question, title, text, buttons, parent)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def choice(self, parent: QWidget | None, title: str, text: str, options: list[str]) -> int | None:
        """Buttons named for what they do; the index of the one pressed, None when the box was closed."""
        box = message_box(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
        buttons = [box.addButton(option, QMessageBox.ButtonRole.AcceptRole) for option in options]
        box.setDefaultButton(buttons[0])
        # 取消 and Esc close the box without a choice (None), as its title bar's close button does
        box.setEscapeButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.exec()
        clicked = box.clickedButton()
        return next((index for index, button in enumerate(buttons) if button is clicked), None)

    def text(self, parent: QWidget | None, title: str, label: str, default: str = "") -> str | None:
        """One line typed by the user (a name); None when cancelled."""
        dialog = input_dialog(parent, title, label, default)
        return dialog.textValue() if dialog.exec() == QInputDialog.DialogCode.Accepted else None

    def open_file(self, parent: QWidget | None, title: str, file_filter: str, folder: str = "") -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, title, folder or str(start_folder()), file_filter)
        if not name:
            return None
        remember_folder(Path(name))
        return Path(name)

    def open_files(self, parent: QWidget | None, title: str, file_filter: str) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(parent, title, str(start_folder()), file_filter)
        if names:
            remember_folder(Path(names[0]))
        return [Path(name) for name in names]

    def folder(self, parent: QWidget | None, title: str) -> Path | None:
        name = QFileDialog.getExistingDirectory(parent, title, str(start_folder()))
        if not name:
            return None
        remember_folder(Path(name))
        return Path(name)

    def save_file(self, parent: QWidget | None, title: str, file_filter: str, suggested: str = "") -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, title, _in_start_folder(suggested), file_filter)
        if not name:
            return None
        remember_folder(Path(name))
        return Path(name)

    def saved(self, parent: QWidget | None, title: str, text: str, path: Path) -> None:
        """Say where a file went, with a button that opens its folder."""
        box = message_box(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent)
        show = box.addButton(
            QCoreApplication.translate("Messages", "打开所在文件夹"), QMessageBox.ButtonRole.ActionRole
        )
        box.exec()
        if box.clickedButton() is show:
            open_containing_folder(path)


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
    choices: list[int | None] = field(default_factory=list)
    texts: list[str | None] = field(default_factory=list)
    files: list[Path | None] = field(default_factory=list)
    file_lists: list[list[Path]] = field(default_factory=list)

    def information(self, parent: QWidget | None, title: str, text: str) -> None:
        self.messages.append(Message("information", title, text))

    def warning(self, parent: QWidget | None, title: str, text: str) -> None:
        self.messages.append(Message("warning", title, text))

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        self.messages.append(Message("error", title, text))

    def question(self, parent: QWidget | None, title: str, text: str) -> bool:
        self.messages.append(Message("question", title, text))
        return self.answers.pop(0) if self.answers else False

    def choice(self, parent: QWidget | None, title: str, text: str, options: list[str]) -> int | None:
        self.messages.append(Message("choice", title, text + "\n" + " | ".join(options)))
        return self.choices.pop(0) if self.choices else None

    def text(self, parent: QWidget | None, title: str, label: str, default: str = "") -> str | None:
        self.messages.append(Message("text", title, label))
        return self.texts.pop(0) if self.texts else None

    def open_file(self, parent: QWidget | None, title: str, file_filter: str, folder: str = "") -> Path | None:
        self.messages.append(Message("open_file", title, file_filter))
        return self.files.pop(0) if self.files else None

    def open_files(self, parent: QWidget | None, title: str, file_filter: str) -> list[Path]:
        self.messages.append(Message("open_files", title, file_filter))
        return self.file_lists.pop(0) if self.file_lists else []

    def folder(self, parent: QWidget | None, title: str) -> Path | None:
        self.messages.append(Message("folder", title, ""))
        return self.files.pop(0) if self.files else None

    def save_file(self, parent: QWidget | None, title: str, file_filter: str, suggested: str = "") -> Path | None:
        self.messages.append(Message("save_file", title, suggested))
        return self.files.pop(0) if self.files else None

    def saved(self, parent: QWidget | None, title: str, text: str, path: Path) -> None:
        self.messages.append(Message("saved", title, text))

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


def choice(parent: QWidget | None, title: str, text: str, options: list[str]) -> int | None:
    """The index of the option chosen (buttons named for what they do), None when the box was closed."""
    return sink.choice(parent, title, text, options)


def text(parent: QWidget | None, title: str, label: str, default: str = "") -> str | None:
    return sink.text(parent, title, label, default)


def open_file(parent: QWidget | None, title: str, file_filter: str, folder: str = "") -> Path | None:
    return sink.open_file(parent, title, file_filter, folder)


def open_files(parent: QWidget | None, title: str, file_filter: str) -> list[Path]:
    return sink.open_files(parent, title, file_filter)


def folder(parent: QWidget | None, title: str) -> Path | None:
    return sink.folder(parent, title)


def save_file(parent: QWidget | None, title: str, file_filter: str, suggested: str = "") -> Path | None:
    return sink.save_file(parent, title, file_filter, suggested)


def saved(parent: QWidget | None, title: str, text: str, path: Path) -> None:
    sink.saved(parent, title, text, path)
