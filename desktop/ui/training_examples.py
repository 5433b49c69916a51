"""The 培训示例 menu: the bundled example enterprises, so that a trainer can demonstrate without real data.

The examples are ordinary answers files in `resources/examples/`; loading one goes through the same
path as 打开答卷 (the file is read and checked by the engine, then loaded into the session). A file
dropped into that folder appears in the menu under its enterprise name.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from desktop.resources import resource_path

CONTEXT = "TrainingExamples"


def _described(stem: str) -> str | None:
    """What each bundled example shows, in the window's language (literal calls, so lupdate sees them)."""
    if stem == "lighting-exporter":
        return QCoreApplication.translate("TrainingExamples", "灯饰出口企业（古镇）：展会、出口信用保险、跨境电商")
    if stem == "appliance-maker":
        return QCoreApplication.translate("TrainingExamples", "家电制造企业（南头）：外贸骨干企业，多项支持")
    if stem == "small-trader":
        return QCoreApplication.translate("TrainingExamples", "小型贸易商行（石岐）：规模小，可申请项目少")
    return None


@dataclass(frozen=True)
class TrainingExample:
    path: Path
    title: str
    enterprise: str


def examples_dir() -> Path:
    return resource_path("examples")


def _enterprise_name(path: Path) -> str:
    """The enterprise name written in the file, for the menu's status tip; empty when unreadable
    (the real reading, with its checks and messages, happens when the example is chosen)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return ""
    enterprise = data.get("enterprise") if isinstance(data, dict) else None
    name = enterprise.get("name") if isinstance(enterprise, dict) else None
    return name if isinstance(name, str) else ""


def training_examples(folder: Path | None = None) -> list[TrainingExample]:
    """The examples in menu order: the bundled ones first, then any other file, by name."""
    examples: list[TrainingExample] = []
    for path in sorted((folder or examples_dir()).glob("*.json")):
        name = _enterprise_name(path)
        examples.append(TrainingExample(path, _described(path.stem) or name or path.stem, name))
    examples.sort(key=lambda example: _described(example.path.stem) is None)
    return examples


def fill_training_menu(menu: QMenu, open_example: Callable[[Path], object], folder: Path | None = None) -> None:
    """One entry per example; choosing it calls `open_example(path)`."""
    menu.clear()
    examples = training_examples(folder)
    for example in examples:
        action = QAction(example.title, menu)  # made in Python: PySide learns when Qt deletes it
        menu.addAction(action)
        action.setStatusTip(example.enterprise)
        action.setData(str(example.path))
        action.triggered.connect(lambda _checked=False, path=example.path: open_example(path))
    if not examples:
        empty = QAction(QCoreApplication.translate("TrainingExamples", "（没有找到示例文件）"), menu)
        menu.addAction(empty)
        empty.setEnabled(False)
