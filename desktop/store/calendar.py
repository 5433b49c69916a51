"""The application windows of every stored assessment: what the start page's calendar lists. No Qt.

Each assessment is computed with its own pack and the guide that applies to it (the one picked for it,
else the newest real guide of its pack; a training guide only where it was picked). The start page asks
each time it is shown, so the work is kept small:
  - one light query tells every assessment's version, pack and guide (no answers are read);
  - an assessment whose guide has no window open or to come today cannot add a line, and is not read;
  - a result is kept between showings and computed again only when the assessment was saved since, or
    its pack or guide changed.
A finalised assessment is computed from its answers with the very pack it was finalised with, which
gives its frozen figures again; only where that pack is no longer installed its stored result is read,
with the windows of the guide that applies now.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, NamedTuple

from desktop.engine import Assessment, assess, assess_file, assessment_from_data, validate_answers
from desktop.engine.result import GuideInfo
from desktop.engine.windows import WindowEntry, upcoming_windows
from desktop.policy.guide_registry import GuideRegistry
from desktop.policy.guides import Guide, window_state
from desktop.policy.model import Pack
from desktop.problems import Problem, problem_of
from desktop.store.errors import StoreError
from desktop.store.packs import stored_pack
from desktop.store.records import AssessmentKey, StoredAssessment

if TYPE_CHECKING:
    from desktop.store.repository import Store

LIVE = ("open", "upcoming")
CHUNK = 250
"""Assessments read and computed together (a few hundred answers per query; progress said per chunk)."""


@dataclass(frozen=True)
class StoredWindows:
    """What the calendar shows: the windows ahead, soonest closing first, and what to say without any."""

    entries: tuple[WindowEntry, ...]
    assessments: int
    """How many stored assessments were looked at."""
    guides: tuple[Guide, ...]
    """The guides that apply to them, each once (by pack, newest first)."""
    without_guide: int
    """Assessments of a pack that has no guide at all."""
    published: bool
    """Whether any of those guides has published a window (open, to come or closed)."""
    problems: tuple[Problem, ...] = ()
    """Assessments that could not be computed (their pack is gone), one line each."""
    training: int = 0
    """Assessments of training examples: listed only where asked for (`with_training`), counted either way."""


def has_live_window(guide: Guide, today: dt.date) -> bool:
    """Whether any item of the guide has a window open today or still to come."""
    entries = (*guide.items.values(), guide.default)
    return any(window_state(entry.window, today).status in LIVE for entry in entries)


def has_published_window(guide: Guide) -> bool:
    return any(entry.window.published for entry in (*guide.items.values(), guide.default))


def _with_guide(result: Assessment, guide: Guide) -> Assessment:
    """A stored result with the windows, channels and contacts of the guide that applies now."""
    items = tuple(replace(item, item_guide=guide.for_item(item.id)) for item in result.items)
    info = GuideInfo(guide.id, guide.round, guide.published_on, guide.example, guide.source, guide.note)
    return replace(result, items=items, guide=info)


class _Todo(NamedTuple):
    key: AssessmentKey
    pack: Pack
    guide: Guide
    day: dt.date
    """The assessment date (today where none was stored, as the window does on opening it)."""

    @property
    def signature(self) -> tuple[object, ...]:
        """What the result depends on: the saved version, the pack and the guide used, the firm's name and
        code (renaming a firm changes none of its assessments' versions), its date."""
        return (self.key.version, self.pack.hash, self.guide.hash, self.key.enterprise, self.key.credit_code, self.day)


@dataclass
class _Kept:
    """One assessment's result, and its windows on the day they were last listed."""

    signature: tuple[object, ...]
    result: Assessment
    day: dt.date | None = None
    entries: tuple[WindowEntry, ...] = ()

    def on(self, today: dt.date) -> tuple[WindowEntry, ...]:
        if self.day != today:
            self.day, self.entries = today, tuple(upcoming_windows([self.result], today))
        return self.entries


@dataclass(frozen=True)
class CalendarPlan:
    """What the calendar needs on a day: every assessment looked at once (one light query, no answers
    read), and those whose windows must be computed anew."""

    today: dt.date
    keys: tuple[AssessmentKey, ...]
    """The assessments looked at (the training examples' only `with_training`)."""
    stored_ids: frozenset[int]
    training: int
    listed: tuple[_Todo, ...]
    todo: tuple[_Todo, ...]
    applying: tuple[Guide, ...]
    without_guide: int
    problems: tuple[Problem, ...]


Computed = dict[int, "_Kept"]


@dataclass(frozen=True)
class WorkedOut:
    """The windows of a day, and what was computed to list them (kept by `StoredCalendar.keep`)."""

    windows: StoredWindows
    computed: Computed
    stored_ids: frozenset[int]


class StoredCalendar:
    """The windows of a store's assessments, with the results kept between showings of the start page."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._kept: dict[int, _Kept] = {}
        self.computed = 0
        """How many assessments the last `windows` call computed (the others were kept or skipped)."""

    def windows(self, guides: GuideRegistry, today: dt.date, *, with_training: bool = False) -> StoredWindows:
        """Every open or coming window of the stored assessments on `today` (StoreError when the database
        cannot be read). The training examples' invented windows only `with_training`: never in a clerk's
        real calendar by themselves."""
        return self.keep(self.work_out(guides, today, with_training=with_training))

    def work_out(
        self,
        guides: GuideRegistry,
        today: dt.date,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
        *,
        with_training: bool = False,
    ) -> WorkedOut:
        """Everything but keeping the results: with 20,000 stored assessments it runs off the window's
        thread (desktop.ui.window_calendar), while that thread leaves this calendar alone until `keep`."""
        plan = self.plan(guides, today, with_training=with_training)
        computed = self.compute(plan.todo, progress, cancelled)
        entries = [
            entry
            for todo in plan.listed
            if (kept := computed.get(todo.key.id) or self._kept.get(todo.key.id)) is not None
            for entry in kept.on(today)
        ]
        windows = StoredWindows(
            entries=tuple(sorted(entries, key=lambda e: (e.closes, e.enterprise, e.item_id))),
            assessments=len(plan.keys),
            guides=plan.applying,
            without_guide=plan.without_guide,
            published=any(has_published_window(g) for g in plan.applying),
            problems=plan.problems,
            training=plan.training,
        )
        return WorkedOut(windows, computed, plan.stored_ids)

    def keep(self, worked: WorkedOut) -> StoredWindows:
        """Keep what was computed (and forget assessments no longer stored); the windows worked out."""
        self._kept = {k: v for k, v in self._kept.items() if k in worked.stored_ids}
        self._kept.update(worked.computed)
        self.computed = len(worked.computed)
        return worked.windows

    def plan(self, guides: GuideRegistry, today: dt.date, *, with_training: bool = False) -> CalendarPlan:
        """Which assessments can list a window today, and which of them must be computed anew."""
        every = self.store.assessment_keys()
        keys = every if with_training else [key for key in every if not key.training]
        packs: dict[tuple[str, str, dt.date | None], Pack | None] = {}
        applying: dict[tuple[str, str | None], Guide | None] = {}
        live: dict[str, bool] = {}
        without_guide = 0
        problems: list[Problem] = []
        listed: list[_Todo] = []
        for key in keys:  # a few distinct packs and guides among thousands of assessments: each looked at once
            where = (key.pack_id, key.pack_version, key.assessed_on)
            if where not in packs:
                try:
                    packs[where] = stored_pack(self.store.registry, *where)[0]
                except LookupError as exc:
                    packs[where] = None
                    problems.append(Problem("store.assessment_pack", id=key.id, problem=problem_of(exc)))
            pack = packs[where]
            if pack is None:
                continue
            chosen = (pack.id, key.guide_id)
            if chosen not in applying:
                applying[chosen] = guides.applying(*chosen)
            guide = applying[chosen]
            if guide is None:
                without_guide += 1
                continue
            if guide.id not in live:
                live[guide.id] = has_live_window(guide, today)
            if live[guide.id]:  # else nothing of it can be listed today: its answers are not even read
                listed.append(_Todo(key, pack, guide, key.assessed_on or today))
        todo = [t for t in listed if t.key.id not in self._kept or self._kept[t.key.id].signature != t.signature]
        used = {g.id: g for g in applying.values() if g is not None}
        return CalendarPlan(
            today,
            tuple(keys),
            frozenset(key.id for key in every),
            sum(1 for key in every if key.training),
            tuple(listed),
            tuple(todo),
            tuple(sorted(used.values(), key=lambda g: (g.pack, g.published_on), reverse=True)),
            without_guide,
            tuple(problems),
        )

    def compute(
        self,
        todo: Sequence[_Todo],
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> Computed:
        """The results of `todo`, read and assessed; keeps nothing itself (it may run on another thread:
        `finish` keeps them). Stops early when `cancelled()`; what was computed is returned."""
        found: Computed = {}
        for start in range(0, len(todo), CHUNK):
            if cancelled is not None and cancelled():
                break
            chunk = todo[start : start + CHUNK]
            stored = {row.id: row for row in self.store.assessments([t.key.id for t in chunk])}
            for item in chunk:
                row = stored.get(item.key.id)
                if row is None:
                    continue  # deleted in the meantime
                result = self._result(row, item)
                if result is not None:
                    found[row.id] = _Kept(item.signature, result)
            if progress is not None:
                progress(min(start + CHUNK, len(todo)), len(todo))
        return found

    def _result(self, row: StoredAssessment, todo: _Todo) -> Assessment | None:
        pack, guide = todo.pack, todo.guide
        if row.is_final and pack.hash != row.pack_hash:
            try:
                snapshot = self.store.get(row.id).snapshot
            except StoreError:
                return None
            if snapshot is not None:
                return _with_guide(assessment_from_data(snapshot), guide)
        answers, _ = validate_answers(pack, row.answers)  # what no longer fits the pack is left out, as on opening
        return assess(pack, answers, assessed_on=todo.day, enterprise=row.enterprise, guide=guide)


def pick_guide(store: Store, assessment_id: int, guide_id: str | None, guides: GuideRegistry, today: dt.date) -> None:
    """Pick the application guide of a stored draft (None: the newest real guide of its pack), saved with
    its answers and its total (a guide may set the amount of a support the text leaves to the notice).
    A finalised assessment is refused by the store; a newer version stored elsewhere raises ConflictError."""
    opened = store.open(assessment_id)
    answers_file = replace(opened.answers_file, guide=guide_id)
    result = assess_file(opened.pack, answers_file, today, guides.applying(opened.pack.id, guide_id))
    store.save_draft(assessment_id, answers_file, result)
