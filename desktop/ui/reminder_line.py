"""The start page's reminders: the few most pressing ones of every stored application (a 公示 ending, a
window closing with documents missing, no news for long), on the page the clerk opens every day, so they
are seen without opening 申报进度…. Computed off the window's thread: each assessment something was
recorded for is assessed with its own pack and guide (desktop/store/progress.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from desktop.later import later
from desktop.policy.guide_registry import GuideRegistry
from desktop.policy.model import Lang
from desktop.store.errors import StoreError
from desktop.ui import style
from desktop.ui.background import Job
from desktop.ui.plain import PlainLabel
from desktop.ui.window_calendar import BACKGROUND_FROM
from desktop.wording.applying import EXAMPLE

if TYPE_CHECKING:
    from desktop.store import Store, progress
    from desktop.store.progress import Overview
else:
    progress = later("desktop.store.progress")  # the store's queries (SQLAlchemy): after the first paint

SHOWN = 3
"""Reminders listed on the page; the rest are counted (all are in 申报进度…)."""


class ReminderLine(PlainLabel):
    def __init__(
        self,
        store: Store,
        guides: Callable[[], GuideRegistry],
        lang: Lang,
        today: Callable[[], dt.date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self._guides, self.lang, self._today = store, guides, lang, today
        self.job: Job | None = None
        self.background_from = BACKGROUND_FROM
        self._again = False
        self.setWordWrap(True)
        style.info_note(self)
        self.setVisible(False)

    def refresh(self) -> None:
        if self.job is not None:
            self._again = True
            return
        # read here, not at the top: the start page must come up before SQLAlchemy is imported

        store, guides, today = self.store, self._guides(), self._today()
        try:
            few = store.counts()[1] < self.background_from
            if few:  # a few assessments: at once, as the calendar does
                self.show_overview(progress.overview(store, guides, today))
                return
        except StoreError:
            self.setVisible(False)  # 申报进度… and the list say why; the page stays quiet here
            return
        job = Job(lambda _progress, _cancelled: progress.overview(store, guides, today), self)
        job.finished.connect(self._computed)
        job.failed.connect(self._failed)
        self.job = job
        job.start()

    def stop(self) -> None:
        job, self.job = self.job, None
        if job is not None:
            job.cancel()
            job.wait()

    def _end(self) -> None:
        job, self.job = self.job, None
        if job is not None:
            job.deleteLater()
        if self._again:
            self._again = False
            self.refresh()

    def _computed(self, found: Overview) -> None:
        self._end()
        self.show_overview(found)

    def _failed(self, _reason: str) -> None:
        # 申报进度… says why when opened; the page itself stays quiet rather than show a half line
        self._end()
        self.setVisible(False)

    def show_overview(self, found: Overview) -> None:
        pressing = found.reminders
        if not pressing:
            self.setVisible(False)
            return
        lines = [
            self.tr("{day}  {enterprise}：{text}").format(
                day=reminder.day,
                enterprise=row.enterprise,
                text=(EXAMPLE.get(self.lang) if row.example else "") + reminder.text.get(self.lang),
            )
            for row, reminder in pressing[:SHOWN]
        ]
        head = self.tr("提醒（%n 项）：", "", len(pressing))
        rest = len(pressing) - SHOWN
        if rest > 0:
            lines.append(self.tr("另有 %n 项，见“申报进度…”。", "", rest))
        self.setText(head + "\n" + "\n".join(lines))
        self.setVisible(True)
