"""Every window and dialog of the program on a clerk's screen (issue 15): none opens larger than the free
area of a 1366×768 laptop or a 1280×720 projector, every button stays on it; in English, the start page,
the workspace and the packs dialog show no Chinese but the user's data and no header or cell cut with "…"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QApplication, QStyle, QTreeView, QWidget
from pytestqt.qtbot import QtBot

from desktop.policy import bundled_registry
from desktop.store import Store
from desktop.store.workspaces import Workspaces
from desktop.ui import screen_fit
from desktop.ui.checklist_preview import show_checklist_preview
from desktop.ui.glossary import GlossaryDialog
from desktop.ui.i18n import LanguageSwitcher
from desktop.ui.main_window import MainWindow
from desktop.ui.packs_dialog import PacksDialog
from desktop.ui.workspace_window import WorkspaceWindow
from tests.conftest import EXAMPLES
from tests.report.cases import example
from tests.ui.test_i18n_window import CJK, _chinese_left, _visible_texts

# the free area of each screen, less a 40-pixel taskbar
SCREENS = {"1366x768": QRect(0, 0, 1366, 728), "1280x720": QRect(0, 0, 1280, 680)}
TODAY = dt.date(2025, 12, 1)


@pytest.fixture(params=list(SCREENS))
def screen(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> QRect:
    free = SCREENS[request.param]
    monkeypatch.setattr(screen_fit, "available", lambda widget=None: free)
    return free


def _fits(window: QWidget, free: QRect) -> None:
    assert window.width() + screen_fit.FRAME.width() <= free.width(), window.windowTitle()
    assert window.height() + screen_fit.FRAME.height() <= free.height(), window.windowTitle()
    hint = window.minimumSizeHint()
    assert hint.width() <= window.width() and hint.height() <= window.height(), window.windowTitle()
    inside = QRect(0, 0, window.width(), window.height())
    for button in window.findChildren(QAbstractButton):
        if button.isVisibleTo(window) and button.window() is window:
            corner = button.mapTo(window, button.rect().bottomRight())
            assert inside.contains(corner), (window.windowTitle(), button.text())


def _dialogs(qtbot: QtBot, store: Store) -> dict[str, Callable[[], QWidget]]:
    registry = bundled_registry()

    def preview() -> QWidget:
        dialog = show_checklist_preview(None, example("appliance-maker"), "zh")
        assert dialog is not None
        return dialog

    def workspace() -> QWidget:
        window = WorkspaceWindow(registry=registry, today=lambda: TODAY, workspaces=Workspaces(store))
        window.show()
        assert window.wait()
        return window

    def main() -> QWidget:
        from desktop.ui.app import fit_to_screen

        window = MainWindow(database=f"sqlite:///{Path(str(store.engine.url.database))}")
        window.confirm_unsaved_close = False
        fit_to_screen(window)
        return window

    return {
        "main window": main,
        "checklist preview": preview,
        "workspace": workspace,
        "packs": lambda: PacksDialog(registry, today=lambda: TODAY),
        "glossary": lambda: GlossaryDialog(registry.get("zhongshan-2025"), "zh"),
    }


@pytest.mark.parametrize("name", ["main window", "checklist preview", "workspace", "packs", "glossary"])
def test_no_window_opens_larger_than_the_screen(qtbot: QtBot, store: Store, screen: QRect, name: str) -> None:
    window = _dialogs(qtbot, store)[name]()
    qtbot.addWidget(window)
    window.show()
    QApplication.processEvents()
    _fits(window, screen)


# -- English: no Chinese left, nothing cut ------------------------------------------------------------------


def _header_cut(view: QAbstractItemView) -> list[str]:
    model = view.model()
    header = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()  # type: ignore[attr-defined]
    metrics = header.fontMetrics()
    cut = []
    for column in range(model.columnCount()):
        if header.isSectionHidden(column):
            continue
        text = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        widest = max((metrics.horizontalAdvance(line) for line in text.splitlines()), default=0)
        if widest > header.sectionSize(column) - 4:
            cut.append(f"header: {text}")
    return cut


def _cells(view: QAbstractItemView, parent: QModelIndex = QModelIndex()) -> Iterator[QModelIndex]:  # noqa: B008
    model = view.model()
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            yield index
        child = model.index(row, 0, parent)
        if isinstance(view, QTreeView) and view.isExpanded(child):
            yield from _cells(view, child)


def _cells_cut(view: QAbstractItemView) -> list[str]:
    """Cells whose text does not fit the room the view gives it (wrapped where the view wraps)."""
    metrics = view.fontMetrics()
    bold = QApplication.font()
    bold.setBold(True)
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    cut = []
    for index in _cells(view):
        text = str(index.data() or "")
        rect = view.visualRect(index)
        if not text or rect.isEmpty():
            continue
        font = index.data(Qt.ItemDataRole.FontRole)
        used = metrics if font is None else type(metrics)(font)
        room = QRect(0, 0, rect.width() - 2 * margin, 10_000)
        flags = Qt.TextFlag.TextWordWrap if view.wordWrap() else Qt.TextFlag.TextSingleLine
        needed = used.boundingRect(room, int(flags), text)
        if needed.height() > rect.height() or needed.width() > room.width():
            cut.append(text)
    return cut


@pytest.fixture
def english(qapp: QApplication, tmp_path: Path) -> Iterator[LanguageSwitcher]:
    import subprocess
    import sys

    from tests.ui.test_i18n_window import CATALOGUE

    folder = tmp_path / "qm"
    folder.mkdir()
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(CATALOGUE), "-qm", str(folder / "desktop_en.qm")], check=True)
    switcher = LanguageSwitcher(qapp, directory=folder, settings_path=tmp_path / "settings.json")
    switcher.apply("en")
    yield switcher
    switcher.uninstall()


USER_DATA = [
    "中山市古镇明辉灯饰有限公司（示例）",
    "中山市南头华澜电器股份有限公司（示例）",
    "中山市石岐小帆贸易商行（示例）",
    "古镇镇",
    "南头镇",
    "石岐街道",
]


def test_the_start_page_in_english(qtbot: QtBot, english: LanguageSwitcher, tmp_path: Path) -> None:
    window = MainWindow(database=f"sqlite:///{tmp_path / 'a.db'}", switcher=english)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.start()
    assert window.document.lasting
    for name in ("lighting-exporter", "appliance-maker", "small-trader"):
        window.work.import_and_open(EXAMPLES / f"{name}.json")
    window.show_start()
    QApplication.processEvents()
    tree = window.work.start_page.tree
    cells = [str(index.data() or "") for index in _cells(tree)]
    assert _chinese_left(_visible_texts(window) + cells, USER_DATA) == []
    labels = [str(tree.model().index(0, 0, tree.model().index(r, 0)).data()) for r in range(3)]
    assert all(label.startswith("Imported: ") for label in labels)  # the store's "导入：" in English
    assert _header_cut(tree) == [] and _cells_cut(tree) == []
    window.work.close(ask=False)


def test_the_workspace_in_english(qtbot: QtBot, english: LanguageSwitcher, store: Store) -> None:
    window = WorkspaceWindow(registry=bundled_registry(), today=lambda: TODAY, lang="en", workspaces=Workspaces(store))
    qtbot.addWidget(window)
    window.resize(1366 - 16, 728 - 40)
    window.show()
    window.wait()
    window.import_paths([EXAMPLES])
    assert window.wait()
    QApplication.processEvents()
    texts = _visible_texts(window)
    texts += [window.model.header_text(c) for c in range(window.model.columnCount())]
    texts += [window.chart.value_text(bar) + bar.label for bar in window.chart.bars]
    assert _chinese_left(texts, USER_DATA) == []
    assert not any("1 firms" in t or "(s)" in t for t in texts)
    assert _header_cut(window.table) == [] and _cells_cut(window.table) == []
    window.tabs.setCurrentIndex(1)
    QApplication.processEvents()
    assert _header_cut(window.tree) == [] and _cells_cut(window.tree) == []
    tree_texts = [window.tree.topLevelItem(i).text(0) for i in range(window.tree.topLevelItemCount())]
    assert not any(CJK.search(text) for text in tree_texts)  # measures by number: "Art. 6", not 六


def test_the_packs_dialog_in_english(qtbot: QtBot, english: LanguageSwitcher) -> None:
    dialog = PacksDialog(bundled_registry(), today=lambda: TODAY, lang="en")
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    assert _chinese_left(_visible_texts(dialog), [str(Path.home())]) == []
    assert _header_cut(dialog.table) == [] and _cells_cut(dialog.table) == []


def test_window_titles_end_in_the_program_name_of_the_language(english: LanguageSwitcher) -> None:
    assert QApplication.applicationDisplayName() == "Zhongshan Foreign Trade Support Self-Assessment"
    english.apply("zh")
    assert QApplication.applicationDisplayName() == "中山市稳外贸政策扶持自评"


def test_qts_own_file_and_print_dialogs_are_chinese_in_the_chinese_window(qapp: QApplication, tmp_path: Path) -> None:
    """Qt 6.12's qtbase_zh_CN lacks a few of these dialogs' labels ("Look in:", "Page Set:"): the program
    brings them (resources/translations/qtextra_zh_CN.ts)."""
    import subprocess
    import sys

    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QFileDialog, QLabel

    source = Path(__file__).resolve().parents[2] / "resources" / "translations" / "qtextra_zh_CN.ts"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(source), "-qm", str(tmp_path / "qtextra_zh_CN.qm")], check=True)
    switcher = LanguageSwitcher(qapp, directory=tmp_path, settings_path=tmp_path / "settings.json")
    switcher.apply("zh")
    try:
        files = QFileDialog(None, "x")
        files.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        printing = QPrintDialog(QPrinter())
        labels = [label.text() for dialog in (files, printing) for label in dialog.findChildren(QLabel)]
        english = [t for t in labels if any(c.isalpha() for c in t) and not CJK.search(t) and "/" not in t]
        printers = {QPrinter().printerName()} | {"PDF", "Generic CUPS-PDF Printer (w/ options)"}
        assert [t for t in english if t not in printers] == []
        assert "查找范围(&I)：" in labels and "页面组(&S)：" in labels
        files.deleteLater()
        printing.deleteLater()
    finally:
        switcher.uninstall()
