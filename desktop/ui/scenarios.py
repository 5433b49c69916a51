"""Scenarios of the open assessment in the window: the list and its actions (new as a copy of the base
or of another scenario, edit, rename, delete after asking), and what each set of answers gives.

A `ScenarioBook` belongs to one stored assessment. It never writes the assessment: the base is read
(live from the open assessment, `desktop.ui.document.OpenAssessment`, when the window shows that
assessment, else from the database) and the scenarios are rows of their own (`desktop.store.scenarios`).
Each scenario is edited in a window of its own (`desktop.ui.scenario_window`) on a session of its own, so
the main window's autosave, 定稿 and 重新编辑 can never be applied to a scenario's answers, nor a
scenario's edits reach the base. The comparison window is opened by `desktop.ui.scenario_shelf`, which
keeps the books of the window.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QInputDialog, QWidget

from desktop.engine import Assessment, Enterprise, assess, validate_answers
from desktop.engine.comparison import MAX_SCENARIOS, Comparison, compare
from desktop.engine.result import assessment_from_data
from desktop.policy import Pack
from desktop.store import StoreError
from desktop.store.packs import stored_pack
from desktop.store.records import StoredAssessment
from desktop.store.scenarios import Scenarios, StoredScenario
from desktop.ui import dialogs
from desktop.ui.said import report_error
from desktop.ui.scenario_window import ScenarioWindow

if TYPE_CHECKING:
    from desktop.ui.document import OpenAssessment

MAX_NAME = 100


def _ask_name_dialog(parent: QWidget | None, title: str, prompt: str, suggested: str) -> str | None:
    dialog = dialogs.input_dialog(parent, title, prompt, suggested)
    return dialog.textValue() if dialog.exec() == QInputDialog.DialogCode.Accepted else None


# the name dialog seam: tests put a function here that answers without showing anything
ask_name: Callable[[QWidget | None, str, str, str], str | None] = _ask_name_dialog


def base_name(final: bool) -> str:
    return (
        QCoreApplication.translate("Scenarios", "基础评估（已定稿）")
        if final
        else QCoreApplication.translate("Scenarios", "基础评估")
    )


class ScenarioBook(QObject):
    """The scenarios of one stored assessment, the windows editing them, and the comparison."""

    changed = Signal()
    """The list, a scenario's answers or the base changed: what the comparison shows may differ."""
    comparison_requested = Signal()
    """A scenario's window asked for the comparison (`desktop.ui.scenario_shelf` opens it)."""
    closed = Signal()

    def __init__(self, document: OpenAssessment, assessment_id: int) -> None:
        super().__init__(document)
        self.document = document
        store = self.store = document.store
        self.scenarios = Scenarios(store)
        self.assessment_id = assessment_id
        self.entries: list[StoredScenario] = []
        self.compared: set[int] = set()
        """Ids of the scenarios shown beside the base (at most MAX_SCENARIOS, the columns of a page)."""
        self.editors: dict[int, ScenarioWindow] = {}
        self.comparison_window: QWidget | None = None
        """The comparison of these scenarios while it is open (set by `desktop.ui.scenario_shelf`)."""
        self._results: dict[tuple[int, int], Assessment] = {}
        self.base: StoredAssessment = store.get(assessment_id)
        self.pack: Pack = stored_pack(store.registry, self.base.pack_id, self.base.pack_version, self.base.assessed_on)[
            0
        ]
        self._stored_result: Assessment | None = None
        self._listed = False
        # Typing in an editor or the main window changes the comparison; recomputed once per burst.
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(150)
        self._later.timeout.connect(self.changed.emit)
        document.session.changed.connect(self._main_changed)
        document.language_changed.connect(self._language_changed)

    # -- reading --------------------------------------------------------------------------------------
    def reload(self) -> bool:
        """The list and the base as stored now; False (after saying so) when the assessment is gone."""
        try:
            self.base = self.store.get(self.assessment_id)
            self.entries = self.scenarios.of(self.assessment_id)
        except StoreError as exc:
            report_error(self._parent_widget(), self.tr("无法读取方案"), exc)
            return False
        self._stored_result = None
        known = {s.id for s in self.entries}
        if not self._listed:  # opened: the first page's worth side by side
            self.compared = {s.id for s in self.entries[:MAX_SCENARIOS]}
            self._listed = True
        self.compared &= known
        self._results = {key: value for key, value in self._results.items() if key[0] in known}
        self.changed.emit()
        return True

    def entry(self, scenario_id: int) -> StoredScenario | None:
        return next((s for s in self.entries if s.id == scenario_id), None)

    @property
    def live(self) -> bool:
        """The main window shows the base assessment now: its session holds the newest answers."""
        return self.document.assessment_id == self.assessment_id

    @property
    def final(self) -> bool:
        return self.document.final if self.live else self.base.is_final

    @property
    def enterprise(self) -> Enterprise:
        return self.document.session.enterprise if self.live else self.base.enterprise

    @property
    def assessed_on(self) -> dt.date:
        if self.live:
            return self.document.session.assessed_on
        return self.base.assessed_on or dt.date.today()

    def base_result(self) -> Assessment:
        """The base as the user sees it: a finalised one as frozen, a draft computed from its answers."""
        if self.live:
            return self.document.session.result
        if self._stored_result is None:
            if self.base.is_final and self.base.snapshot is not None:
                self._stored_result = assessment_from_data(self.base.snapshot)
            else:
                answers, _ = validate_answers(self.pack, self.base.answers)
                self._stored_result = assess(
                    self.pack, answers, assessed_on=self.assessed_on, enterprise=self.base.enterprise
                )
        return self._stored_result

    def result_of(self, scenario: StoredScenario) -> Assessment:
        editor = self.editors.get(scenario.id)
        if editor is not None:
            return editor.session.result
        key = (scenario.id, scenario.version)
        if key not in self._results:
            answers, _ = validate_answers(self.pack, scenario.answers)
            self._results[key] = assess(self.pack, answers, assessed_on=self.assessed_on, enterprise=self.enterprise)
        return self._results[key]

    def compared_entries(self) -> list[StoredScenario]:
        return [s for s in self.entries if s.id in self.compared]

    def comparison(self) -> tuple[Comparison, list[Assessment]]:
        """The base and the compared scenarios, side by side; the results in the same order."""
        shown = self.compared_entries()
        results = [self.base_result(), *(self.result_of(s) for s in shown)]
        return compare([base_name(self.final), *(s.name for s in shown)], results), results

    def set_compared(self, scenario_id: int, on: bool) -> bool:
        """Show the scenario beside the base, or not; False when the page has no room for another."""
        if on and scenario_id not in self.compared and len(self.compared) >= MAX_SCENARIOS:
            return False
        if on:
            self.compared.add(scenario_id)
        else:
            self.compared.discard(scenario_id)
        self.changed.emit()
        return True

    # -- actions --------------------------------------------------------------------------------------
    def _parent_widget(self) -> QWidget:
        return self.comparison_window if self.comparison_window is not None else self.document.widget

    def _suggested_name(self) -> str:
        taken = {s.name for s in self.entries}
        number = len(self.entries) + 1
        while self.tr("方案 {n}").format(n=number) in taken:
            number += 1
        return self.tr("方案 {n}").format(n=number)

    def _ask_name(self, title: str, suggested: str, own_id: int | None = None) -> str | None:
        """A name for a scenario, asked until it is new among this assessment's scenarios (or cancelled)."""
        parent = self._parent_widget()
        prompt = self.tr("方案名称（例如“若 2026 年购置新生产线”）：")
        while True:
            typed = ask_name(parent, title, prompt, suggested)
            if typed is None:
                return None
            name = typed.replace("\x00", "").strip()[:MAX_NAME]
            if not name:
                dialogs.warning(parent, title, self.tr("请为方案起一个名称。"))
            elif any(s.name == name and s.id != own_id for s in self.entries):
                dialogs.warning(parent, title, self.tr("已有名为“{name}”的方案，请换一个名称。").format(name=name))
            else:
                return name
            suggested = name or suggested

    def create(self, source: StoredScenario | None = None) -> StoredScenario | None:
        """复制为方案: a new scenario holding the base's answers (or `source`'s), opened for editing."""
        self.reload()
        if source is None:
            title = self.tr("复制为方案")
            self._flush_base()
        else:
            title = self.tr("复制方案")
        name = self._ask_name(title, self._suggested_name())
        if name is None:
            return None
        if source is not None and source.id in self.editors:
            self.editors[source.id].autosaver.flush()  # the copy takes what was typed a moment ago
        try:
            if source is None:
                made = self.scenarios.create(self.assessment_id, name)
            else:
                made = self.scenarios.copy(source.id, name)
        except StoreError as exc:
            report_error(self._parent_widget(), self.tr("无法建立方案"), exc)
            return None
        if len(self.compared) < MAX_SCENARIOS:
            self.compared.add(made.id)
        self.reload()
        self.edit(made.id)
        return made

    def _flush_base(self) -> None:
        """The base's last keystrokes into the database first: a scenario copies the stored answers."""
        if self.live:
            self.document.flush()

    def rename(self, scenario_id: int) -> bool:
        entry = self.entry(scenario_id)
        if entry is None:
            return False
        name = self._ask_name(self.tr("重命名方案"), entry.name, own_id=scenario_id)
        if name is None or name == entry.name:
            return False
        try:
            renamed = self.scenarios.rename(scenario_id, name)
        except StoreError as exc:
            report_error(self._parent_widget(), self.tr("无法重命名方案"), exc)
            return False
        editor = self.editors.get(scenario_id)
        if editor is not None:
            editor.renamed(renamed)
        self.reload()
        return True

    def delete(self, scenario_id: int) -> bool:
        """After asking; its window (if open) closes first, having saved what was typed."""
        entry = self.entry(scenario_id)
        if entry is None:
            return False
        if not dialogs.question(
            self._parent_widget(),
            self.tr("删除方案"),
            self.tr("删除方案“{name}”吗？它的答案将一并删除，无法恢复。基础评估不受影响。").format(name=entry.name),
        ):
            return False
        editor = self.editors.pop(scenario_id, None)
        if editor is not None:
            editor.close()
        try:
            self.scenarios.delete(scenario_id)
        except StoreError as exc:
            report_error(self._parent_widget(), self.tr("无法删除方案"), exc)
            return False
        self.reload()
        return True

    def edit(self, scenario_id: int) -> ScenarioWindow | None:
        """The scenario's window (opened, or brought to the front)."""
        editor = self.editors.get(scenario_id)
        if editor is None:
            entry = self.entry(scenario_id)
            if entry is None:
                return None
            editor = ScenarioWindow(
                entry, self.scenarios, self.pack, self.enterprise, self.assessed_on, self.document.widget
            )
            editor.edited.connect(self._later.start)
            editor.compare_requested.connect(self.comparison_requested.emit)
            editor.copy_requested.connect(lambda: self._copy_from_editor(editor))
            editor.rename_requested.connect(lambda: self.rename(editor.scenario.id))
            editor.moved.connect(lambda old, new: self._moved(editor, old, new))
            editor.closing.connect(lambda: self._editor_closed(editor))
            self.editors[scenario_id] = editor
            editor.show()
        editor.raise_()
        editor.activateWindow()
        return editor

    def _copy_from_editor(self, editor: ScenarioWindow) -> None:
        entry = self.entry(editor.scenario.id)
        if entry is not None:
            self.create(entry)

    def _moved(self, editor: ScenarioWindow, old_id: int, new_id: int) -> None:
        """A conflict moved the editor's answers to a new scenario: the list and the columns follow."""
        if self.editors.get(old_id) is editor:
            del self.editors[old_id]
        self.editors[new_id] = editor
        if old_id in self.compared and len(self.compared) < MAX_SCENARIOS:
            self.compared.add(new_id)  # beside the version saved elsewhere, where there is room
        self.reload()

    def _editor_closed(self, editor: ScenarioWindow) -> None:
        for scenario_id, open_editor in list(self.editors.items()):
            if open_editor is editor:
                del self.editors[scenario_id]
        self.reload()

    def close_all(self) -> bool:
        """Every editor saves and closes, and the comparison closes (the main window is closing). False when
        an editor's edits could not be saved and the user chose to stay with them: that one stays open."""
        for scenario_id, editor in list(self.editors.items()):
            if not editor.close():
                return False
            self.editors.pop(scenario_id, None)
        if self.comparison_window is not None:
            self.comparison_window.close()
        self.closed.emit()
        return True

    # -- signals --------------------------------------------------------------------------------------
    def _main_changed(self) -> None:
        if self.live:
            self._later.start()

    def _language_changed(self, lang: str) -> None:
        for editor in self.editors.values():
            editor.retranslate("en" if lang == "en" else "zh")
