"""Text from outside is shown as text (issue 22, point 1): a guide's round, contact, platform or note, a pack
title, a firm name or contact from an answers file, a guide file's name never become bold, links or images.

A link in a guide's round used to show as a clickable 点此 in the 已添加申报指南 box, and clicking it ran
`xdg-open file:///etc/passwd`. Here every widget class the program uses is walked with a markup payload,
then the real screens are filled with it: every place that holds the payload must show it character for
character (`<b>` and all), which HTML rendering would not.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QToolTip,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.paths import user_guides_dir
from desktop.policy import Pack
from desktop.policy.registry import known_registry
from desktop.store import Store
from desktop.ui import dialogs, plain
from desktop.ui.glossary import glossary_html
from desktop.ui.main_window import MainWindow
from desktop.ui.packs_dialog import PacksDialog
from desktop.ui.start_page import StartPage
from tests.conftest import EXAMPLES, REPO
from tests.ui.test_packs_dialog import pack_file
from tests.ui.test_packs_dialog_guides import guide_file

PAYLOAD = '<b>轮次</b><a href="file:///etc/passwd">点此</a><img src="nowhere.png">'
KEY = "<b>轮次"
"""What a place holding the payload shows only when it shows the text as written (HTML drops the tag)."""
MARK = "点此"
"""Shown wherever the payload is, written out or read as HTML (then as the link's words)."""
TODAY = dt.date(2026, 12, 1)


# -- what is on screen ------------------------------------------------------------------------------------
def rendered(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """What Qt shows for `text`: itself in plain text, what is left of it when it guesses HTML."""
    if text_format == Qt.TextFormat.PlainText:
        return text
    if text_format == Qt.TextFormat.AutoText and not GuiQt.mightBeRichText(text):
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def _model_texts(view: QAbstractItemView, where: str) -> Iterator[tuple[str, str, str]]:
    model = view.model()
    if model is None or not type(model).__module__.startswith(("desktop", "PySide6")):
        return
    try:
        model.rowCount(QModelIndex())
    except TypeError:  # a model Qt keeps to itself (a completer's): it holds copies of texts walked elsewhere
        return
    pending = [QModelIndex()]
    while pending:
        parent = pending.pop()
        for row in range(model.rowCount(parent)):
            for column in range(model.columnCount(parent)):
                index = model.index(row, column, parent)
                shown = model.data(index, Qt.ItemDataRole.DisplayRole)
                if isinstance(shown, str):  # item views draw their text as it is
                    yield f"{where} cell", shown, shown
                hint = model.data(index, Qt.ItemDataRole.ToolTipRole)
                if isinstance(hint, str):
                    yield f"{where} cell tooltip", hint, rendered(hint)
                if column == 0 and model.rowCount(index) > 0:
                    pending.append(index)
        for section in range(model.columnCount(parent)):
            hint = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
            if isinstance(hint, str):
                yield f"{where} header tooltip", hint, rendered(hint)


def _tree_texts(tree: QTreeWidget, where: str) -> Iterator[tuple[str, str, str]]:
    header = tree.headerItem()
    for column in range(tree.columnCount()):
        yield f"{where} header tooltip", header.toolTip(column), rendered(header.toolTip(column))
    pending = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while pending:
        item = pending.pop()
        for column in range(tree.columnCount()):
            yield f"{where} cell", item.text(column), item.text(column)
            yield f"{where} cell tooltip", item.toolTip(column), rendered(item.toolTip(column))
        pending.extend(item.child(i) for i in range(item.childCount()))


def _table_texts(table: QTableWidget, where: str) -> Iterator[tuple[str, str, str]]:
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            item = table.item(row, column)
            if item is not None:
                yield f"{where} cell", item.text(), item.text()
                yield f"{where} cell tooltip", item.toolTip(), rendered(item.toolTip())


def texts_on_screen(root: QWidget) -> list[tuple[str, str, str]]:
    """(where, the text, what is shown of it) for every text `root` and its children show."""
    found: list[tuple[str, str, str]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        where = f"{type(widget).__name__}({widget.objectName() or type(widget.parent()).__name__})"
        if isinstance(widget, QLabel):
            found.append((where, widget.text(), rendered(widget.text(), widget.textFormat())))
        if widget.toolTip():
            found.append((f"{where} tooltip", widget.toolTip(), rendered(widget.toolTip())))
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                hint = widget.itemData(i, Qt.ItemDataRole.ToolTipRole)
                if isinstance(hint, str):
                    found.append((f"{where} item tooltip", hint, rendered(hint)))
        if isinstance(widget, QListWidget):
            for i in range(widget.count()):
                item = widget.item(i)
                found.append((f"{where} cell", item.text(), item.text()))
                found.append((f"{where} cell tooltip", item.toolTip(), rendered(item.toolTip())))
        elif isinstance(widget, QTreeWidget):
            found.extend(_tree_texts(widget, where))
        elif isinstance(widget, QTableWidget):
            found.extend(_table_texts(widget, where))
        elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
            found.extend(_model_texts(widget, where))
        if isinstance(widget, QTextBrowser):
            found.append((where, widget.toHtml(), widget.toPlainText()))
    return found


def assert_shown_as_written(texts: list[tuple[str, str, str]], *places: str) -> None:
    """Every text holding the payload shows it as written; and it was found in each of `places`."""
    holding = [(where, shown) for where, text, shown in texts if KEY in text or MARK in shown or KEY in shown]
    wrong = [(where, shown) for where, shown in holding if KEY not in shown]
    assert not wrong, wrong
    for place in places:
        assert any(place in where for where, _ in holding), (place, sorted({w for w, _ in holding}))


@pytest.fixture
def real_boxes(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[list[tuple[str, str, str]]]]:
    """The program's real message boxes (not the recording sink): each one's texts are taken as it shows,
    then it is closed (no button pressed: a question reads as "no")."""
    monkeypatch.setattr(dialogs, "sink", dialogs.MessageSink())
    seen: list[list[tuple[str, str, str]]] = []

    def close_boxes() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox | QDialog) and box.isVisible():
            seen.append(texts_on_screen(box))
            box.reject()

    timer = QTimer()
    timer.timeout.connect(close_boxes)
    timer.start(20)
    yield seen
    timer.stop()


# -- every widget class the program uses -----------------------------------------------------------------
def _label() -> list[tuple[str, str, str]]:
    return texts_on_screen(plain.PlainLabel(PAYLOAD))


def _message_box() -> list[tuple[str, str, str]]:
    return texts_on_screen(plain.message_box(QMessageBox.Icon.Information, PAYLOAD, PAYLOAD))


def _input_dialog() -> list[tuple[str, str, str]]:
    return texts_on_screen(dialogs.input_dialog(None, PAYLOAD, PAYLOAD, PAYLOAD))


def _tooltip() -> list[tuple[str, str, str]]:
    widget = QPushButton("x")
    widget.setToolTip(plain.tip(PAYLOAD))
    widget.show()
    QToolTip.showText(widget.mapToGlobal(widget.rect().center()), widget.toolTip(), widget)
    shown = QToolTip.text()
    QToolTip.hideText()
    return [("QToolTip", PAYLOAD, rendered(shown))]


def _tree() -> list[tuple[str, str, str]]:
    tree = QTreeWidget()
    item = QTreeWidgetItem(tree, [PAYLOAD])
    item.setToolTip(0, plain.tip(PAYLOAD))
    QTreeWidgetItem(item, [PAYLOAD]).setToolTip(0, plain.tip(PAYLOAD))
    tree.headerItem().setToolTip(0, plain.tip(PAYLOAD))
    return texts_on_screen(tree)


def _table() -> list[tuple[str, str, str]]:
    table = QTableWidget(1, 1)
    item = QTableWidgetItem(PAYLOAD)
    item.setToolTip(plain.tip(PAYLOAD))
    table.setItem(0, 0, item)
    return texts_on_screen(table)


def _list() -> list[tuple[str, str, str]]:
    widget = QListWidget()
    QListWidgetItem(PAYLOAD, widget).setToolTip(plain.tip(PAYLOAD))
    return texts_on_screen(widget)


def _combo() -> list[tuple[str, str, str]]:
    combo = QComboBox()
    combo.addItem(PAYLOAD)
    combo.setItemData(0, plain.tip(PAYLOAD), Qt.ItemDataRole.ToolTipRole)
    combo.setToolTip(plain.tip(PAYLOAD))
    return texts_on_screen(combo)


def _buttons() -> list[tuple[str, str, str]]:
    made: list[QAbstractButton] = [QPushButton(PAYLOAD), QToolButton(), QRadioButton(PAYLOAD), QCheckBox(PAYLOAD)]
    made[1].setText(PAYLOAD)
    return [(type(b).__name__, b.text(), b.text()) for b in made]  # a button draws its text as it is


def _titles() -> list[tuple[str, str, str]]:
    group, tabs, main, dialog = QGroupBox(PAYLOAD), QTabWidget(), QMainWindow(), QDialog()
    tabs.addTab(QWidget(), PAYLOAD)
    main.setWindowTitle(PAYLOAD)
    dialog.setWindowTitle(PAYLOAD)
    return [
        ("QGroupBox", group.title(), group.title()),
        ("QTabWidget", tabs.tabText(0), tabs.tabText(0)),
        ("QMainWindow", main.windowTitle(), main.windowTitle()),
        ("QDialog", dialog.windowTitle(), dialog.windowTitle()),
    ]


def _editors() -> list[tuple[str, str, str]]:
    line, text = QLineEdit(PAYLOAD), QPlainTextEdit()
    text.setPlainText(PAYLOAD)
    return [("QLineEdit", line.text(), line.text()), ("QPlainTextEdit", PAYLOAD, text.toPlainText())]


def _text_browser(pack: Pack) -> list[tuple[str, str, str]]:
    from dataclasses import replace

    from desktop.policy.model import GlossaryTerm, Text

    term = GlossaryTerm("payload", Text(PAYLOAD), Text(PAYLOAD))
    browser = QTextBrowser()
    browser.setHtml(glossary_html(replace(pack, glossary={"payload": term}), "zh"))
    return [("QTextBrowser", PAYLOAD, browser.toPlainText())]


CASES: dict[str, Callable[[Pack], list[tuple[str, str, str]]]] = {
    "QLabel": lambda _: _label(),
    "QMessageBox": lambda _: _message_box(),
    "QInputDialog": lambda _: _input_dialog(),
    "QToolTip": lambda _: _tooltip(),
    "QTreeWidget": lambda _: _tree(),
    "QTableWidget": lambda _: _table(),
    "QListWidget": lambda _: _list(),
    "QComboBox": lambda _: _combo(),
    "QPushButton": lambda _: _buttons(),
    "QGroupBox": lambda _: _titles(),
    "QLineEdit": lambda _: _editors(),
    "QTextBrowser": _text_browser,
}
COVERED_BY = {
    "QTreeWidgetItem": "QTreeWidget",
    "QTreeView": "QTreeWidget",  # custom models: walked through their ToolTipRole like a QTreeWidget's
    "QTableView": "QTableWidget",
    "QTableWidgetItem": "QTableWidget",
    "QListWidgetItem": "QListWidget",
    "QToolButton": "QPushButton",
    "QRadioButton": "QPushButton",
    "QCheckBox": "QPushButton",
    "QAbstractButton": "QPushButton",
    "QTabWidget": "QGroupBox",
    "QMainWindow": "QGroupBox",
    "QDialog": "QGroupBox",
    "QPlainTextEdit": "QLineEdit",
    "QFormLayout": "QLabel",  # rows get a PlainLabel (plain.form_row)
}
NO_OUTSIDE_TEXT = {
    # layouts, containers, machinery: they show no text of their own
    "QWidget", "QVBoxLayout", "QHBoxLayout", "QGridLayout", "QFrame", "QScrollArea", "QSplitter",
    "QStackedWidget", "QHeaderView", "QAbstractItemView", "QApplication", "QStyle", "QStyledItemDelegate",
    "QStyleOptionViewItem", "QButtonGroup", "QShortcut", "QWidgetAction", "QSizePolicy",
    # the program's own words only (menus and actions, button boxes), or Qt's own dialogs and pickers
    "QMenu", "QDialogButtonBox", "QFileDialog", "QPrintDialog", "QCalendarWidget", "QDateEdit",
    "QProgressBar", "QSpinBox",
}  # fmt: skip


def program_widget_classes() -> set[str]:
    """The QtWidgets classes the window's modules import."""
    names: set[str] = set()
    for path in (REPO / "desktop" / "ui").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for block in re.findall(r"from PySide6\.QtWidgets import (\([^)]*\)|[^\n]+)", text):
            names.update(re.findall(r"\bQ\w+", block))
    return names


def test_every_widget_class_the_program_uses_is_walked_here() -> None:
    known = set(CASES) | set(COVERED_BY) | NO_OUTSIDE_TEXT
    assert program_widget_classes() - known == set(), "a new widget class: add a case for it above"


@pytest.mark.parametrize("kind", sorted(CASES))
def test_each_widget_kind_shows_the_payload_as_written(kind: str, qapp: QApplication, pack: Pack) -> None:
    texts = CASES[kind](pack)
    holding = [(where, shown) for where, text, shown in texts if PAYLOAD in text]
    assert holding
    assert all(PAYLOAD in shown for _, shown in holding), holding


# -- the screens -----------------------------------------------------------------------------------------
def payload_guide(folder: Path, name: str = "通知.toml") -> Path:
    """A real guide (the newest: it applies by itself) whose round, contact, platform and notes are markup."""
    return guide_file(
        folder,
        name,
        replace={
            'round = "2026 年申报（测试用通知）"': f"round = '{PAYLOAD}'",
            'office = "中山市商务局"': f"office = '{PAYLOAD}'",
            'platform = "广东财政惠企利民服务平台（示例）"': f"platform = '{PAYLOAD}'",
            'channel_note = "示例：由承保机构代企业集中申报。"': f"channel_note = '{PAYLOAD}'",
        },
    )


def payload_answers(folder: Path) -> Path:
    data = json.loads((EXAMPLES / "lighting-exporter.json").read_text(encoding="utf-8"))
    data["enterprise"]["name"] = PAYLOAD
    data["enterprise"]["contact"] = PAYLOAD
    path = folder / "firm.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_guide_added_from_the_packs_dialog_shows_its_round_as_written_in_the_box_and_the_table(
    qtbot: QtBot, tmp_path: Path, real_boxes: list[list[tuple[str, str, str]]]
) -> None:
    dialog = PacksDialog(known_registry(), today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.add_guide_file(payload_guide(tmp_path)) is not None
    [box] = real_boxes
    assert_shown_as_written(box, "QLabel")
    assert_shown_as_written(texts_on_screen(dialog), "QTableWidget")


def test_a_guide_file_name_and_a_pack_title_show_as_written_in_the_boxes(
    qtbot: QtBot, tmp_path: Path, real_boxes: list[list[tuple[str, str, str]]]
) -> None:
    dialog = PacksDialog(known_registry(), today=lambda: TODAY)
    qtbot.addWidget(dialog)
    bad = tmp_path / "<b>轮次<img src=x>.toml"  # no slash in a file name
    bad.write_text('[guide]\nid = "x"\n', encoding="utf-8")
    assert dialog.add_guide_file(bad) is None
    text = pack_file(tmp_path, "2026.1").read_text(encoding="utf-8")
    titled = tmp_path / "titled.toml"
    titled.write_text(text.replace('title = "中山市稳外贸促增长若干措施"', f"title = '{PAYLOAD}'", 1), encoding="utf-8")
    assert dialog.add_pack_file(titled) is not None
    assert len(real_boxes) == 2
    for box in real_boxes:
        assert_shown_as_written(box, "QLabel")
    assert_shown_as_written(texts_on_screen(dialog), "QTableWidget")


def test_deleting_a_firm_from_an_answers_file_asks_with_its_name_as_written(
    qtbot: QtBot, store: Store, tmp_path: Path, real_boxes: list[list[tuple[str, str, str]]]
) -> None:
    [outcome] = store.import_files([payload_answers(tmp_path)])
    page = StartPage(store, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.show()
    assert page.select_assessment(outcome.assessment_id)
    assert_shown_as_written(texts_on_screen(page), "QTreeView")
    page.delete_selected()
    [box] = real_boxes
    assert_shown_as_written(box, "QLabel")
    assert store.counts() == (1, 1)  # the box was closed without a yes


def test_the_review_page_and_the_results_show_firm_and_guide_texts_as_written(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    user_guides_dir().mkdir(parents=True, exist_ok=True)
    payload_guide(user_guides_dir())
    assert window.document.session is not None
    window.document.session.reload_guides()
    assert window.open_answers(payload_answers(tmp_path))
    window.document.session.today = lambda: TODAY
    window.document.session.changed.emit()
    questionnaire = window.ensure_ready()
    review = questionnaire.pages.index(questionnaire.review_page)
    questionnaire.show_page(review)
    assert_shown_as_written(texts_on_screen(questionnaire.review_page), "PlainLabel")
    questionnaire.show_page(len(questionnaire.pages) - 1)
    results = texts_on_screen(questionnaire.results_page)
    assert_shown_as_written(results, "cell tooltip", "QComboBox")
    assert_shown_as_written(texts_on_screen(window))


def test_the_start_pages_calendar_and_guide_picker_show_guide_texts_as_written(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    user_guides_dir().mkdir(parents=True, exist_ok=True)
    payload_guide(user_guides_dir())
    store.import_files([payload_answers(tmp_path)], today=dt.date(2025, 11, 30))
    page = StartPage(store, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1340, 680)
    page.show()
    QApplication.processEvents()
    [enterprise] = store.listing()
    assert page.select_assessment(enterprise.assessments[0].id)
    assert_shown_as_written(texts_on_screen(page), "cell tooltip", "QComboBox")


def test_the_workspace_shows_a_member_firm_and_its_file_name_as_written(
    qtbot: QtBot, tmp_path: Path, real_boxes: list[list[tuple[str, str, str]]]
) -> None:
    from desktop.policy import bundled_registry
    from desktop.ui.workspace_window import WorkspaceWindow

    user_guides_dir().mkdir(parents=True, exist_ok=True)
    payload_guide(user_guides_dir())
    window = WorkspaceWindow(registry=bundled_registry(), today=lambda: TODAY)
    qtbot.addWidget(window)
    window.resize(1200, 700)
    window.show()
    folder = tmp_path / "members"
    folder.mkdir()
    firm = payload_answers(folder)
    firm.rename(folder / "<b>轮次<i>.json")
    (folder / "<b>轮次<u>.json").write_text("{", encoding="utf-8")
    window.import_paths([folder])
    assert window.wait()
    assert_shown_as_written([t for box in real_boxes for t in box])
    assert_shown_as_written(texts_on_screen(window), "QTableView")
