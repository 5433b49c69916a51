"""Work with a database: the start page (every firm and its assessments) and the way from it to an assessment.

Given the open assessment (`desktop.ui.document.OpenAssessment`, which opens, saves, finalises and closes)
and the window's page area (`Pages`). While an assessment is open its id and page are remembered in the
settings, so after a crash or a killed process the program reopens the draft where it was. Without a
database the window works with answers files instead (`desktop.ui.file_work.FileWork`); the window calls
both through the same methods (`desktop.ui.work.Work`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop.ui.start_page import StartPage

if TYPE_CHECKING:
    from desktop.ui.document import OpenAssessment
    from desktop.ui.work import Pages


class StoredWork(QObject):
    def __init__(self, document: OpenAssessment, pages: Pages) -> None:
        super().__init__(document)
        self.document = document
        self.pages = pages
        self.start_page = self._new_start_page()

    def _new_start_page(self) -> StartPage:
        page = StartPage(self.document.store, self.document.widget)
        self.pages.add_page(page)
        page.open_requested.connect(self.open)
        page.application_requested.connect(self.open_application)
        page.deleted.connect(self.document.forget)
        return page

    def retranslate(self) -> None:
        """After a language switch: the start page is built anew in the new language."""
        old = self.start_page
        old.calendar.stop()
        old.reminder_line.stop()
        _, selected = old.selected_ids()
        self.start_page = self._new_start_page()
        if selected is not None:  # the row the clerk had picked stays picked
            self.start_page.refresh(select_assessment=selected)
        if self.pages.page_shown() is old:
            self.pages.show_page(self.start_page)
        self.pages.remove_page(old)
        old.deleteLater()

    def refresh_windows(self) -> None:
        """A guide was added: the start page's calendar of application windows anew."""
        self.start_page.refresh_windows()

    # -- pages -----------------------------------------------------------------------------------------
    def show_home(self) -> bool:
        """To the start page; False when edits could not be saved and the user chose to stay with them."""
        previous = self.document.assessment_id
        if not self.document.let_go():
            return False
        self.start_page.refresh(select_assessment=previous)
        self.pages.show_page(self.start_page)
        return True

    def resume(self) -> None:
        """At start: the assessment that was open when the program last ended, else the start page."""
        remembered, page = self.document.remembered()
        if remembered is not None and self.document.exists(remembered) and self.open(remembered):
            if page is not None:  # a finalised one too: the page that was open, not 结果
                self.pages.show_questionnaire(page)
            return
        self.show_home()

    def open(self, assessment_id: int) -> bool:
        return self.document.open(assessment_id)

    def open_application(self, assessment_id: int, item_id: str) -> None:
        """From 申报进度: the assessment on its 申报材料与进度 tab, the item selected."""
        if self.document.open(assessment_id):
            self.pages.show_application(item_id)

    def new(self) -> None:
        """Every assessment lives in the database: the start page makes it."""
        self.show_home()
        self.start_page.new_assessment()

    # -- files -----------------------------------------------------------------------------------------
    def import_and_open(self, path: Path, *, training: bool = False) -> bool:
        """An answers file (or a training example, kept apart from the real firms) becomes a stored
        assessment, then opens."""
        outcomes = self.start_page.import_files([path], training=training)
        opened = [o.assessment_id for o in outcomes if o.assessment_id is not None]
        return bool(opened) and opened[0] is not None and self.document.open(opened[0])

    def open_file(self, path: Path) -> bool:
        return self.import_and_open(path)

    def open_example(self, path: Path) -> bool:
        """Nothing is replaced: the example becomes a training firm of its own."""
        return self.import_and_open(path, training=True)

    def close(self, *, ask: bool) -> bool:
        """The window closes: saved as typed, nothing to ask (`ask` is for answers kept only in memory).
        False when edits could not be saved and the user chose to stay with them (nothing is closed)."""
        # a calendar or reminders computed off the window's thread read the database: stopped before it closes
        return self.document.close(before_the_store_closes=self._stop_readers)

    def _stop_readers(self) -> None:
        self.start_page.calendar.stop()
        self.start_page.reminder_line.stop()
