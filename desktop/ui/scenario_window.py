"""One scenario in a window of its own: the same questionnaire pages as the assessment, under a banner
that says whose answers these are, saved as typed into the scenario and nowhere else.

The window has its own session: the main window's autosave, 定稿 and 重新编辑 work on the base
assessment's session and cannot reach these answers, and these edits cannot reach the base. The
enterprise page is shown but not editable: enterprise details and the assessment date are the base's.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QColor, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop.engine import AnswersFile, Assessment, Enterprise, validate_answers
from desktop.policy import Pack
from desktop.policy.model import Lang
from desktop.problems import Problem
from desktop.store import UnknownRecordError
from desktop.store.records import SaveReceipt
from desktop.store.scenarios import ScenarioChangedError, Scenarios, StoredScenario
from desktop.ui import dialogs, style
from desktop.ui.autosave import Autosaver
from desktop.ui.i18n import current_language
from desktop.ui.plain import PlainLabel
from desktop.ui.questionnaire import Questionnaire
from desktop.ui.said import said_all
from desktop.ui.screen_fit import fit_window
from desktop.ui.session import AssessmentSession
from desktop.ui.unsaved import keep_unsaved

BANNER_BACKGROUND = QColor("#fff4ce")
BANNER_TEXT = QColor("#4d3800")


class ScenarioWriter(QObject):
    """What the autosaver writes a scenario's answers with (`desktop.ui.autosave.DraftWriter`).

    Every save is based on the version last read or written. When the scenario was saved elsewhere in
    the meantime (another copy of the program, a colleague on the shared server) or deleted there, the
    user's answers become a new scenario beside it, and the save says so: nothing is overwritten and
    nothing typed is lost.
    """

    moved = Signal(object)
    """The answers now live in this new scenario (a `StoredScenario`)."""

    def __init__(
        self, scenarios: Scenarios, scenario: StoredScenario, pack: Pack, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.scenarios = scenarios
        self.scenario = scenario
        self.pack = pack

    def save_draft(
        self, assessment_id: int, answers_file: AnswersFile, result: Assessment | None = None
    ) -> SaveReceipt:
        """`assessment_id` is what the autosaver was made with; the scenario saved is `self.scenario`,
        which moves to a copy after a conflict."""
        current = self.scenario
        try:
            self.scenario = self.scenarios.save_answers(
                current.id, answers_file.answers, self.pack, expected_version=current.version
            )
        except ScenarioChangedError:
            copy_name = self.tr("{name}（我的修改）").format(name=current.name)
            self._keep_as_new(current, answers_file, copy_name)
            kept = Problem("window.scenario_kept_as_copy", name=current.name, copy=copy_name)
            return SaveReceipt(self.scenario.updated_at, (kept,))
        except UnknownRecordError:
            self._keep_as_new(current, answers_file, current.name)  # the assessment gone too: this raises
            kept = Problem("window.scenario_kept_as_new", name=current.name)
            return SaveReceipt(self.scenario.updated_at, (kept,))
        return SaveReceipt(self.scenario.updated_at)

    def _keep_as_new(self, current: StoredScenario, answers_file: AnswersFile, name: str) -> None:
        self.scenario = self.scenarios.create(current.assessment_id, name, answers=answers_file.answers)
        self.moved.emit(self.scenario)


class ScenarioWindow(QWidget):
    edited = Signal()
    """The scenario's answers changed (the comparison recomputes)."""
    compare_requested = Signal()
    copy_requested = Signal()
    rename_requested = Signal()
    moved = Signal(int, int)
    """(old id, new id): the answers were kept as a new scenario after a conflict."""
    closing = Signal()

    def __init__(
        self,
        scenario: StoredScenario,
        scenarios: Scenarios,
        pack: Pack,
        enterprise: Enterprise,
        assessed_on: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.scenario = scenario
        self.enterprise = enterprise
        self.session = AssessmentSession(pack, assessed_on=assessed_on, lang=current_language(), parent=self)
        answers, problems = validate_answers(pack, scenario.answers)
        self.session.load(AnswersFile(enterprise, answers, pack.id, assessed_on), pack)
        self.writer = ScenarioWriter(scenarios, scenario, pack, self)
        self.writer.moved.connect(self._moved)
        self.autosaver = Autosaver(self.session, self.writer, scenario.id, parent=self)
        self.autosaver.saved.connect(self._saved)
        self.autosaver.failed.connect(self._failed)
        self.autosaver.warned.connect(lambda text: dialogs.warning(self, self.tr("自动保存"), text))
        self.session.changed.connect(self.edited.emit)

        self.banner = QFrame(self)
        palette = self.banner.palette()
        palette.setColor(QPalette.ColorRole.Window, BANNER_BACKGROUND)
        palette.setColor(QPalette.ColorRole.WindowText, BANNER_TEXT)
        self.banner.setPalette(palette)
        self.banner.setAutoFillBackground(True)
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        banner = QHBoxLayout(self.banner)
        words = QVBoxLayout()
        self.name_label = PlainLabel(self.banner)
        style.heading(self.name_label)
        self.name_label.setContentsMargins(0, 0, 0, 0)
        self.explain_label = PlainLabel(self.banner)
        self.explain_label.setWordWrap(True)
        self.save_state = PlainLabel(self.banner)
        style.steady(self.save_state)  # "已保存到本方案 …" appearing must not push the pages down
        words.addWidget(self.name_label)
        words.addWidget(self.explain_label)
        words.addWidget(self.save_state)
        banner.addLayout(words, 1)
        self.rename_button = QPushButton(self.banner)
        self.compare_button = QPushButton(self.banner)
        self.close_button = QPushButton(self.banner)
        for button in (self.rename_button, self.compare_button, self.close_button):
            button.setAutoDefault(False)
            banner.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self.rename_button.clicked.connect(self.rename_requested.emit)
        self.compare_button.clicked.connect(self.compare_requested.emit)
        self.close_button.clicked.connect(self.close)

        self.column = QVBoxLayout(self)
        self.column.addWidget(self.banner)
        self.questionnaire = self._build_questionnaire(1)
        self.retranslate(self.session.lang)
        fit_window(self, 1300, 740)
        if problems:
            dialogs.warning(self, self.tr("部分答案未能载入"), "\n".join(said_all(problems[:20])))

    def _build_questionnaire(self, page: int) -> Questionnaire:
        questionnaire = Questionnaire(self.session, self)
        questionnaire.enterprise_page.setEnabled(False)  # the base's enterprise and date
        results = questionnaire.results_page
        results.print_button.hide()  # a scenario is no claim: its checklist is the comparison
        results.pdf_button.hide()
        results.copy_as_scenario_requested.connect(self.copy_requested.emit)
        results.compare_requested.connect(self.compare_requested.emit)
        self.column.addWidget(questionnaire, 1)
        questionnaire.show_page(page)
        return questionnaire

    def retranslate(self, lang: Lang) -> None:
        """After a language switch: the texts, and the questionnaire built again (the answers live in the session)."""
        if lang != self.session.lang:
            self.session.lang = lang
            old = self.questionnaire
            self.questionnaire = self._build_questionnaire(old.index)
            self.column.removeWidget(old)
            old.hide()
            old.deleteLater()
        self.explain_label.setText(
            self.tr(
                "这是假设的情形：这里的修改只保存在本方案中，不会改变基础评估，也不会改变它的定稿结果。"
                "企业信息和填写日期沿用基础评估。"
            )
        )
        self.rename_button.setText(self.tr("重命名…"))
        self.compare_button.setText(self.tr("方案对比…"))
        self.close_button.setText(self.tr("关闭"))
        self._named()
        if self.autosaver.last_saved is not None:
            self._saved(self.autosaver.last_saved)
        elif self.autosaver.last_error is None:
            self.save_state.hide()  # nothing to say yet; no empty line in the banner

    def _named(self) -> None:
        name = self.scenario.name
        self.name_label.setText(self.tr("方案：{name}").format(name=name))
        firm = self.enterprise.name
        self.setWindowTitle(
            self.tr("{name} — 方案 — {enterprise}").format(name=name, enterprise=firm)
            if firm
            else self.tr("{name} — 方案").format(name=name)
        )

    def renamed(self, scenario: StoredScenario) -> None:
        self.scenario = scenario
        self.writer.scenario = scenario
        self._named()

    def _moved(self, scenario: object) -> None:
        assert isinstance(scenario, StoredScenario)
        old = self.scenario.id
        self.scenario = scenario
        self._named()
        self.moved.emit(old, scenario.id)

    def _saved(self, when: dt.datetime) -> None:
        self.scenario = self.writer.scenario
        self.save_state.setText(self.tr("已保存到本方案 {time}").format(time=when.strftime("%H:%M:%S")))
        self.save_state.show()

    def _failed(self, reason: str) -> None:
        self.save_state.setText(self.tr("未能保存：{reason}").format(reason=reason))
        self.save_state.show()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        saver = self.autosaver
        if not saver.final_save() and saver.pending:  # never dropped without a question (desktop.ui.unsaved)
            reason = saver.last_error or self.tr("数据库没有接受最近的修改。")
            if not keep_unsaved(self, reason, self.session.to_answers_file):
                saver.resume()
                event.ignore()
                return
        saver.stop()
        self.closing.emit()
        super().closeEvent(event)
