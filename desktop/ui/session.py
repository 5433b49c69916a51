"""The assessment being filled in: pack, enterprise, typed answers and the assessment date.

The pages only display and edit this object; the engine computes from it. Hidden follow-up questions
keep their answers here (the engine's conditions decide whether they count), so switching a yes/no
back and forth never loses what was typed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from desktop.engine import AnswersFile, Assessment, Enterprise, assess
from desktop.engine.filing import Received
from desktop.engine.list_totals import ListTotal
from desktop.engine.opportunities import Opportunities, find_opportunities
from desktop.policy import Pack, Question
from desktop.policy.conditions.check import holds
from desktop.policy.guide_registry import GuideRegistry, known_guides
from desktop.policy.guides import Guide
from desktop.policy.model import Lang

if TYPE_CHECKING:
    from desktop.store.lists import AssessmentLists

ENTERPRISE_FIELDS = ("name", "credit_code", "town", "contact", "phone")


class AssessmentSession(QObject):
    changed = Signal()
    """After every edit (an answer, an enterprise field, the date)."""
    lists_changed = Signal()
    """After a list was imported (its PDF attached to its document: the applications' views read again)."""
    reloaded = Signal()
    """After `load`: every page re-reads its widgets from the session."""

    def __init__(
        self,
        pack: Pack,
        *,
        assessed_on: dt.date | None = None,
        lang: Lang = "zh",
        guides: GuideRegistry | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.pack = pack
        self._guides = guides
        self.guide_id: str | None = None
        """The application guide the user picked; None: the newest real guide of the pack applies."""
        self.lang: Lang = lang
        self.enterprise = Enterprise()
        self.answers: dict[str, Any] = {}
        self.assessed_on = assessed_on or dt.date.today()
        self._result: Assessment | None = None
        self._opportunities: tuple[Assessment, dt.date, Opportunities] | None = None
        self.today: Callable[[], dt.date] = dt.date.today
        """The day windows are counted from (days left); tests pin it."""
        self.frozen: Assessment | None = None
        """A finalised assessment's stored result: shown as it was, whatever pack is installed now."""
        self.list_totals: dict[str, ListTotal] = {}
        """Lists imported for these answers (`desktop.ui.list_import`): the totals and where they came from."""
        self.lists: AssessmentLists | None = None
        """The stored assessment's imported lists; None while the answers live only in memory."""
        self.received: tuple[Received, ...] = ()
        """The enterprise's amounts received elsewhere (its other assessments' paid claims, amounts recorded
        by hand): a question that reads them (`from_history`) takes their sum instead of the typed answer."""

    # -- editing ---------------------------------------------------------------------------------------
    def set_answer(self, question_id: str, value: Any) -> None:
        if question_id in self.answers and self.answers[question_id] == value:
            return
        self.answers[question_id] = value
        self._touch()

    def clear_answer(self, question_id: str) -> None:
        if self.answers.pop(question_id, None) is not None:
            self._touch()

    def set_enterprise(self, field: str, value: str) -> None:
        if field not in ENTERPRISE_FIELDS:
            raise KeyError(field)
        if getattr(self.enterprise, field) == value:
            return
        self.enterprise = replace(self.enterprise, **{field: value})
        self._touch()

    def set_assessed_on(self, day: dt.date) -> None:
        if day != self.assessed_on:
            self.assessed_on = day
            self._touch()

    def set_guide(self, guide_id: str | None) -> None:
        """Pick the application guide (None: the newest real one); the windows and contacts follow."""
        if guide_id != self.guide_id:
            self.guide_id = guide_id
            self._touch()

    def set_list_total(self, question_id: str, total: ListTotal) -> None:
        """An imported list's total answers its question; where it came from is kept with it."""
        self.list_totals[total.list_id] = total
        self.answers[question_id] = total.total
        self._touch()
        self.lists_changed.emit()

    def load(self, answers_file: AnswersFile, pack: Pack) -> None:
        self.pack = pack
        self.list_totals = dict(answers_file.lists)
        self.guide_id = answers_file.guide
        self.enterprise = answers_file.enterprise
        self.answers = dict(answers_file.answers)
        self.assessed_on = answers_file.assessed_on or dt.date.today()
        self._result = None
        self._opportunities = None
        self.frozen = None
        self.reloaded.emit()
        self.changed.emit()

    def set_received(self, received: tuple[Received, ...]) -> None:
        """The enterprise's amounts received elsewhere, read with the assessment."""
        if received != self.received:
            self.received = received
            self._touch()

    def reset(self) -> None:
        """A blank questionnaire for the next enterprise (same pack)."""
        self.load(AnswersFile(policy=self.pack.id, assessed_on=dt.date.today()), self.pack)

    def to_answers_file(self) -> AnswersFile:
        return AnswersFile(
            enterprise=self.enterprise,
            answers=dict(self.answers),
            policy=self.pack.id,
            assessed_on=self.assessed_on,
            guide=self.guide_id,
            lists=dict(self.list_totals),
        )

    # -- reading ---------------------------------------------------------------------------------------
    def applies(self, question: Question) -> bool:
        """Whether the question is shown: no show-if, or its condition holds on the current answers."""
        return question.show_if is None or holds(question.show_if, self.answers, self.pack)

    @property
    def guides(self) -> GuideRegistry:
        """The guides the program knows, read once per window (工具 → 政策包 re-reads them after adding one)."""
        if self._guides is None:
            self._guides = known_guides()
        return self._guides

    def reload_guides(self) -> None:
        self._guides = None
        self._touch()

    def pack_guides(self) -> list[Guide]:
        """The guides of the pack being filled in, newest first."""
        return self.guides.for_pack(self.pack.id)

    @property
    def guide(self) -> Guide | None:
        """The guide whose windows, channels and contacts the results show."""
        return self.guides.applying(self.pack.id, self.guide_id)

    @property
    def result(self) -> Assessment:
        """The engine's assessment of the current answers (computed once per change), or the frozen one."""
        if self.frozen is not None:
            return self.frozen
        if self._result is None:
            self._result = assess(
                self.pack,
                self.answers,
                assessed_on=self.assessed_on,
                enterprise=self.enterprise,
                guide=self.guide,
                received=self.received,
            )
        return self._result

    def opportunities(self) -> Opportunities | None:
        """What the enterprise could still unlock (computed once per change). None for a finalised result of
        another pack version: its items need not be the ones the current pack's rules speak of."""
        result = self.result
        if self.frozen is not None and self.frozen.pack_hash != self.pack.hash:
            return None
        today = self.today()
        cached = self._opportunities
        if cached is None or cached[0] is not result or cached[1] != today:
            answers = {**self.answers, **{f.question: f.answer for f in result.from_history}}
            cached = self._opportunities = (result, today, find_opportunities(self.pack, answers, result, today))
        return cached[2]

    def _touch(self) -> None:
        self._result = None
        self._opportunities = None
        self.changed.emit()
