"""Edits the database did not take are never dropped without a question (issue 22, point 7).

After 未能保存 (the assessment deleted elsewhere, a full disk, a locked database) the window says so in a
banner above the page and keeps trying. When it is about to let the edits go (closing the window,
返回企业列表, opening another assessment) and they are still not written, it asks, with buttons named
for what they do:

- 另存为新的评估: the edits become a new draft of the same firm (where the database can be written);
- 另存为答卷文件…: the edits go into an answers file the user names (whatever the database's state);
- 不保存，放弃这些修改: said in so many words;

and closing the question keeps the window open with the edits, saving still being tried. An action that
fails says why and asks again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.engine import AnswersFile, write_answers_file
from desktop.filenames import safe_stem
from desktop.ui import dialogs
from desktop.ui.said import report_write_error


def answers_file_name(answers_file: AnswersFile) -> str:
    """The file name offered for the answers: the firm's name, usable on Windows (a firm named "CON" too)."""
    return safe_stem(answers_file.enterprise.name, fallback=QCoreApplication.translate("Unsaved", "答卷")) + ".json"


def save_answers_file(parent: QWidget | None, answers_file: AnswersFile, path: Path | None = None) -> Path | None:
    """Write the answers file to `path`, or where the user says; the path written, or None (cancelled, or
    it failed and said so). 文件 → 另存答卷… and the question about edits not saved both come here."""
    if path is None:
        path = dialogs.save_file(
            parent,
            QCoreApplication.translate("Unsaved", "另存答卷"),
            QCoreApplication.translate("Unsaved", "答卷文件 (*.json);;所有文件 (*)"),
            answers_file_name(answers_file),
        )
    if path is None:
        return None
    if path.suffix.lower() != ".json":
        path = path.with_name(path.name + ".json")
    try:
        write_answers_file(path, answers_file)
    except OSError as exc:
        report_write_error(parent, QCoreApplication.translate("Unsaved", "无法保存答卷"), path, exc)
        return None
    return path


def keep_unsaved(
    parent: QWidget | None,
    reason: str,
    answers_file: Callable[[], AnswersFile],
    *,
    as_new: Callable[[], str | None] | None = None,
) -> bool:
    """Ask how to keep edits the database did not take. True when the window may let them go (kept as a new
    assessment or in a file, or the user chose to drop them); False when the user chose to stay.

    `as_new` keeps them as a new assessment and returns what to tell the user, or None when it failed (it
    has said why)."""
    while True:
        actions: list[tuple[str, Callable[[], bool]]] = []
        if as_new is not None:
            actions.append((QCoreApplication.translate("Unsaved", "另存为新的评估"), lambda: _as_new(parent, as_new)))
        actions.append(
            (
                QCoreApplication.translate("Unsaved", "另存为答卷文件…"),
                lambda: save_answers_file(parent, answers_file()) is not None,
            )
        )
        actions.append((QCoreApplication.translate("Unsaved", "不保存，放弃这些修改"), lambda: True))
        text = QCoreApplication.translate(
            "Unsaved",
            "最近的修改没有保存到数据库：\n{reason}\n\n请选择如何保留这些修改。"
            "关闭此提示则留在窗口中，修改仍在，程序会继续尝试保存。",
        ).format(reason=reason)
        chosen = dialogs.choice(
            parent, QCoreApplication.translate("Unsaved", "修改尚未保存"), text, [label for label, _ in actions]
        )
        if chosen is None:
            return False
        if actions[chosen][1]():
            return True


def _as_new(parent: QWidget | None, as_new: Callable[[], str | None]) -> bool:
    said = as_new()
    if said is None:
        return False
    dialogs.information(parent, QCoreApplication.translate("Unsaved", "已另存为新的评估"), said)
    return True
