"""The scenarios as the main window reaches them: one `ScenarioBook` per stored assessment, kept for the
window's life, the comparison window of each, and closing their windows before the database closes.

Made by the main window the first time 复制为方案 or 方案对比 is asked for, and given the open assessment
(`desktop.ui.document.OpenAssessment`); it registers with it so that every scenario window has saved and
closed before the store does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from desktop.store import StoreError
from desktop.store.scenarios import StoredScenario
from desktop.ui import dialogs
from desktop.ui.comparison_window import ComparisonWindow
from desktop.ui.said import report_error
from desktop.ui.scenarios import ScenarioBook

if TYPE_CHECKING:
    from desktop.ui.document import OpenAssessment


class ScenarioShelf(QObject):
    def __init__(self, document: OpenAssessment) -> None:
        super().__init__(document)
        self.document = document
        self.books: dict[int, ScenarioBook] = {}
        self.comparisons: dict[int, ComparisonWindow] = {}
        document.close_checks.append(self.close_all)
        document.language_changed.connect(self._language_changed)

    def book(self) -> ScenarioBook | None:
        """The scenarios of the assessment the window has open (kept for the window's life), or None
        (after saying why) when no stored assessment is open."""
        assessment_id = self.document.assessment_id
        if not self.document.has_scenarios or assessment_id is None:
            dialogs.information(
                self.document.widget,
                QCoreApplication.translate("Scenarios", "方案"),
                QCoreApplication.translate("Scenarios", "请先在企业列表中打开一份评估：方案保存在评估之下。"),
            )
            return None
        book = self.books.get(assessment_id)
        if book is None:
            try:
                book = ScenarioBook(self.document, assessment_id)
            except StoreError as exc:
                report_error(self.document.widget, QCoreApplication.translate("Scenarios", "无法读取方案"), exc)
                return None
            book.comparison_requested.connect(lambda: self._show(book))
            self.books[assessment_id] = book
        return book

    def show_comparison(self) -> ComparisonWindow | None:
        book = self.book()
        return self._show(book) if book is not None else None

    def copy_as_scenario(self) -> StoredScenario | None:
        book = self.book()
        return book.create() if book is not None else None

    def _show(self, book: ScenarioBook) -> ComparisonWindow:
        window = self.comparisons.get(book.assessment_id)
        if window is None:
            window = self.comparisons[book.assessment_id] = ComparisonWindow(book, self.document.widget)
            book.comparison_window = window
        book.reload()
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def close_all(self) -> bool:
        """Before the store closes: every scenario window saves and closes. False when one stays open (its
        edits could not be saved and the user chose to stay with them)."""
        for assessment_id, book in list(self.books.items()):
            if not book.close_all():
                return False
            del self.books[assessment_id]
            self.comparisons.pop(assessment_id, None)
            book.deleteLater()
        return True

    def _language_changed(self) -> None:
        for window in self.comparisons.values():
            window.retranslate()
