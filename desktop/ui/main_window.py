"""The main window: a page area (start page, questionnaire), the menus, a status line.

It shows the open assessment (`desktop.ui.document.OpenAssessment`, made by `start` once the frame is on
screen) and hands the menus' commands to it and to the work on assessments (`desktop.ui.work.Work`: with
a database the start page's `StoredWork`, without one `FileWork`, chosen once in `start`). It keeps
nothing of theirs; they are given what they need of the window (`desktop.ui.work.Pages`) and never
import it. See docs/developers.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QStackedWidget, QWidget

from desktop import __version__
from desktop.later import UnavailableError, later
from desktop.store import StoreError
from desktop.ui import dialogs
from desktop.ui.i18n import current_language, fill_language_menu
from desktop.ui.plain import PlainLabel, tip
from desktop.ui.training_examples import fill_training_menu

if TYPE_CHECKING:
    from desktop.engine import Assessment
    from desktop.policy import registry
    from desktop.policy.model import Lang
    from desktop.store import Store
    from desktop.store import database as store_database
    from desktop.ui import (
        checklist_preview,
        document,
        file_work,
        glossary,
        list_import,
        packs_dialog,
        questionnaire,
        said,
        scenario_shelf,
        stored_work,
        unsaved,
        workspace_window,
    )
    from desktop.ui import session as sessions
    from desktop.ui.document import OpenAssessment
    from desktop.ui.filing_state import FilingState
    from desktop.ui.glossary import GlossaryDialog
    from desktop.ui.i18n import LanguageSwitcher
    from desktop.ui.questionnaire import Questionnaire
    from desktop.ui.scenario_shelf import ScenarioShelf
    from desktop.ui.session import AssessmentSession
    from desktop.ui.work import Work
    from desktop.ui.workspace_window import WorkspaceWindow
    from desktop.wording import vocabulary
else:
    # Loaded after the first paint (`start`) or when their command is first used, never before the
    # frame shows (desktop.later; the costs are `python -X importtime` figures, docs/developers.md).
    vocabulary = later("desktop.wording.vocabulary")  # the engine and the policy packs: ~110 ms
    registry = later("desktop.policy.registry")  # likewise
    store_database = later("desktop.store.database")  # SQLAlchemy and Alembic: 300 ms or more
    document = later("desktop.ui.document")  # the engine and the store's tables
    sessions = later("desktop.ui.session")  # the engine
    said = later("desktop.ui.said")  # the wording catalogue (~35 ms): when the database cannot be opened
    questionnaire = later("desktop.ui.questionnaire")  # every page and field: the engine, ~60 ms more
    stored_work = later("desktop.ui.stored_work")  # the start page and its calendar
    file_work = later("desktop.ui.file_work")  # the engine's answers files
    unsaved = later("desktop.ui.unsaved")  # likewise
    scenario_shelf = later("desktop.ui.scenario_shelf")  # used on 复制为方案 / 方案对比 only
    checklist_preview = later("desktop.ui.checklist_preview")  # QtPdf, QtPrintSupport; ReportLab on use
    list_import = later("desktop.ui.list_import")  # openpyxl and pypdf readers
    packs_dialog = later("desktop.ui.packs_dialog")  # the policy packs' diff
    workspace_window = later("desktop.ui.workspace_window")  # openpyxl, the workspace's engine
    glossary = later("desktop.ui.glossary")  # the policy model


def answers_filter() -> str:
    return QCoreApplication.translate("MainWindow", "答卷文件 (*.json);;所有文件 (*)")


class MainWindow(QMainWindow):
    """Built in two steps so the window shows fast: the frame now, the rest in `start` (a window made for a
    session alone, as the tests and the screenshots make it, has it all at once and no database)."""

    def __init__(
        self,
        session: AssessmentSession | None = None,
        *,
        database: str | None = None,
        lang: Lang | None = None,
        switcher: LanguageSwitcher | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.switcher = switcher
        self.lang: Lang = lang if lang is not None else current_language()
        self._document: OpenAssessment | None = None
        self._work: Work | None = None
        self._scenarios: ScenarioShelf | None = None
        self.questionnaire: Questionnaire | None = None
        self._glossary: GlossaryDialog | None = None
        self.workspace_window: WorkspaceWindow | None = None
        self.confirm_unsaved_close = True
        """Ask before closing with answers kept nowhere but in the window (off in tests)."""
        self.base_title = ""
        self.pages = QStackedWidget(self)
        self.loading = PlainLabel(self.tr("正在载入政策……"), self)
        # No alignment flag here: the first use of PySide6's `Qt` namespace costs ~75 ms before the window shows.
        self.pages.addWidget(self.loading)
        # No banner over every page: what a pack's period means today is said once, on the results page
        # (and on the checklist), for the assessment it concerns.
        self.setCentralWidget(self.pages)
        self.total_status = PlainLabel(self)
        # a long total (English, with a training guide's invented part) is cut at the window's edge, whole in
        # its tooltip, and never widens the window past the screen
        self.total_status.setMinimumWidth(200)
        self.save_state = PlainLabel(self)
        self.statusBar().addWidget(self.save_state)
        self.statusBar().addPermanentWidget(self.total_status)
        self._build_menus()
        self.retitle()
        if switcher is not None:
            switcher.language_changed.connect(self._language_changed)
        if session is not None:
            session.lang = self.lang
            self._attach(store_database.open_memory_store(), session)

    # -- what the window shows: the open assessment and the work on it ---------------------------------
    @property
    def document(self) -> OpenAssessment:
        """The open assessment (from `start` on)."""
        assert self._document is not None, "the window has not started"
        return self._document

    @property
    def work(self) -> Work:
        assert self._work is not None, "the window has not started"
        return self._work

    def start(self) -> None:
        """After the first paint: the database (or, when it cannot be opened, a store in memory and answers
        files), the policy pack, the questionnaire; then where the user was."""
        try:
            store = store_database.open_store(self.database)
        except StoreError as exc:
            dialogs.error(
                self,
                self.tr("无法打开数据库"),
                self.tr("{reason}\n\n本次的答案不会自动保存，请用“文件 → 另存答卷…”保存到文件。").format(
                    reason=said.error_text(exc)
                ),
            )
            store = store_database.open_memory_store()
        store.registry = registry.known_registry()  # the bundled packs and those the user added
        pack = store.registry.for_date(dt.date.today())  # the one in force today
        self._attach(store, sessions.AssessmentSession(pack, lang=self.lang))
        self.work.resume()

    def _attach(self, store: Store, edited: AssessmentSession) -> None:
        opened = document.OpenAssessment(store, edited, self)
        edited.setParent(opened)
        self._document = opened
        opened.changed.connect(self._document_changed)
        opened.state_changed.connect(self._state_changed)
        opened.opened.connect(self._opened)
        opened.filing_changed.connect(self._filing_changed)
        opened.save_state_changed.connect(self.save_state.setText)
        opened.save_problem_changed.connect(self._save_problem)
        opened.told.connect(self.statusBar().showMessage)
        self._build_questionnaire()
        # the one place that tells the two apart: a list of firms in a database, or answers files
        self._work = (stored_work.StoredWork if store.lasting else file_work.FileWork)(opened, self)
        self.install_shortcuts()
        self._document_changed()
        self.update_assessment_actions()

    # -- menus -----------------------------------------------------------------------------------------
    # Every menu and action is made here, in Python, and owned by its menu: a QAction that Qt makes
    # (`menu.addAction("text")`) and deletes on its own leaves PySide a wrapper it never learns is dead,
    # and a later object at the same address came back through it as an "already deleted" action (issue 23).
    def _menu(self, title: str, parent: QMenu | None = None) -> QMenu:
        menu = QMenu(title, parent or self.menuBar())
        if parent is None:
            self.menuBar().addMenu(menu)
            self._menus.append(menu)
        else:
            parent.addMenu(menu)
        return menu

    def _action(
        self, menu: QMenu, text: str, slot: Callable[[], object], shortcut: QKeySequence.StandardKey | None = None
    ) -> QAction:
        action = QAction(text, menu)
        if shortcut is not None:
            self._shortcuts.append((action, shortcut))
        action.triggered.connect(lambda: self._command(slot))
        menu.addAction(action)
        return action

    def _command(self, slot: Callable[[], object]) -> None:
        """A menu command; a feature whose module an incomplete installation lacks is said, not a traceback."""
        try:
            slot()
        except UnavailableError as exc:
            dialogs.information(
                self,
                self.tr("无法使用此功能"),
                self.tr(
                    "本程序的文件 {module} 未能载入，安装可能不完整。可以先用“另存答卷…”保存答案，再重新安装本程序。"
                ).format(module=exc.module),
            )

    def install_shortcuts(self) -> None:
        """Ctrl+O, Ctrl+S, ... set once the window shows: the first shortcut initialises PySide6's `Qt`
        namespace, which costs 25-75 ms that the first paint should not wait for. The words of the shared
        vocabulary come in then too: importing the engine package costs about 110 ms."""
        for action, shortcut in self._shortcuts:
            action.setShortcut(shortcut)
        self.new_action.setText(vocabulary.term("new_assessment", self.lang))

    def _build_menus(self) -> None:
        """The menu bar in the current language; called again after a switch, in place of the old menus."""
        for old in getattr(self, "_menus", []):
            self.menuBar().removeAction(old.menuAction())
            old.deleteLater()  # later: the language action that started the switch is still running
        self._menus: list[QMenu] = []
        self._shortcuts: list[tuple[QAction, QKeySequence.StandardKey]] = []
        file_menu = self._menu(self.tr("文件(&F)"))
        self.new_action = self._action(file_menu, "", self.new_answers, QKeySequence.StandardKey.New)
        self.open_action = self._action(
            file_menu, self.tr("打开答卷…"), self.open_answers, QKeySequence.StandardKey.Open
        )
        self.save_action = self._action(
            file_menu, self.tr("另存答卷…"), self.save_answers, QKeySequence.StandardKey.Save
        )
        file_menu.addSeparator()
        self.print_action = self._action(
            file_menu, self.tr("打印清单…"), self.print_checklist, QKeySequence.StandardKey.Print
        )
        self.pdf_action = self._action(file_menu, self.tr("保存清单 PDF…"), self.save_checklist_pdf)
        file_menu.addSeparator()
        self.examples_menu = self._menu(self.tr("培训示例"), file_menu)
        fill_training_menu(self.examples_menu, self.open_training_example)
        file_menu.addSeparator()
        self.quit_action = self._action(file_menu, self.tr("退出"), self.close, QKeySequence.StandardKey.Quit)
        assessment_menu = self._menu(self.tr("评估(&A)"))
        self.home_action = self._action(assessment_menu, self.tr("返回企业列表"), self.show_start)
        self.finalise_action = self._action(assessment_menu, self.tr("定稿（冻结结果）"), self.finalise)
        self.reopen_action = self._action(assessment_menu, self.tr("重新编辑（改回草稿）"), self.reopen)
        assessment_menu.addSeparator()
        self.copy_scenario_action = self._action(assessment_menu, self.tr("复制为方案…"), self.copy_as_scenario)
        self.compare_action = self._action(assessment_menu, self.tr("方案对比…"), self.show_scenarios)
        # also here: the 申报材料与进度 tab, where its button is, is not shown for a firm with nothing to claim
        self.received_action = self._action(assessment_menu, self.tr("已获拨付记录…"), self.show_received)
        tools_menu = self._menu(self.tr("工具(&T)"))
        self.workspace_action = self._action(tools_menu, self.tr("协会工作区…"), self.show_workspace)
        self.packs_action = self._action(tools_menu, self.tr("政策包…"), self.show_packs)
        if self.switcher is not None:
            self.language_menu = self._menu(self.tr("语言(&L)"))
            fill_language_menu(self.language_menu, self.switcher)
        help_menu = self._menu(self.tr("帮助(&H)"))
        self.glossary_action = self._action(
            help_menu, self.tr("术语表"), self.show_glossary, QKeySequence.StandardKey.HelpContents
        )
        self.about_action = self._action(help_menu, self.tr("关于"), self.show_about)
        self.update_assessment_actions()

    def update_assessment_actions(self) -> None:
        """What can be done now: nothing with an assessment before `start`; then what the open one offers."""
        opened = self._document
        started = opened is not None
        for action in (
            self.new_action,
            self.open_action,
            self.save_action,
            self.print_action,
            self.pdf_action,
            self.examples_menu.menuAction(),
            self.workspace_action,
            self.packs_action,
            self.glossary_action,
        ):
            action.setEnabled(started)
        self.home_action.setEnabled(opened is not None and opened.lasting)
        self.finalise_action.setEnabled(opened is not None and opened.can_finalise)
        self.reopen_action.setEnabled(opened is not None and opened.can_reopen)
        self.copy_scenario_action.setEnabled(opened is not None and opened.has_scenarios)
        self.compare_action.setEnabled(opened is not None and opened.has_scenarios)
        self.received_action.setEnabled(opened is not None and opened.has_applications)
        if opened is not None and self.questionnaire is not None:
            self.questionnaire.home_button.setVisible(opened.lasting)  # a list of firms to go back to
            self.questionnaire.results_page.scenario_button.setVisible(opened.has_scenarios)
            self.questionnaire.results_page.compare_button.setVisible(opened.has_scenarios)

    # -- pages (desktop.ui.work.Pages) -----------------------------------------------------------------
    def add_page(self, widget: QWidget) -> int:
        return self.pages.addWidget(widget)

    def show_page(self, widget: QWidget) -> None:
        self.pages.setCurrentWidget(widget)

    def remove_page(self, widget: QWidget) -> None:
        self.pages.removeWidget(widget)

    def page_shown(self) -> QWidget | None:
        return self.pages.currentWidget()

    def ensure_ready(self) -> Questionnaire:
        """The questionnaire (built in `start`)."""
        assert self.questionnaire is not None, "the window has not started"
        return self.questionnaire

    def show_questionnaire(self, page: int | None = None) -> None:
        """The questionnaire, at `page` (None: where it is; -1: the results)."""
        shown = self.ensure_ready()
        self.pages.setCurrentWidget(shown)
        shown.current_page.focus_first()
        if page is not None:
            shown.show_page(page if page >= 0 else len(shown.pages) - 1)

    def show_application(self, item_id: str) -> None:
        self.show_questionnaire(-1)
        self.ensure_ready().results_page.show_application(item_id)

    def _build_questionnaire(self) -> None:
        """(Re)build the questionnaire from the session: at start, and after a language switch."""
        opened = self.document
        old = self.questionnaire
        built = self.questionnaire = questionnaire.Questionnaire(opened.session, self)
        self.pages.addWidget(built)
        built.results_page.print_requested.connect(self.print_checklist)
        built.results_page.save_pdf_requested.connect(self.save_checklist_pdf)
        built.results_page.copy_as_scenario_requested.connect(self.copy_as_scenario)
        built.results_page.compare_requested.connect(self.show_scenarios)
        built.home_button.clicked.connect(self.show_start)
        built.set_read_only(opened.final, opened.finalised_text)
        built.page_changed.connect(opened.remember_page)
        built.results_page.set_filing(opened.filing)
        if old is not None:
            if self.pages.currentWidget() is old:
                self.pages.setCurrentWidget(built)
            built.show_page(old.index)
            built.results_page.restore(old.results_page.view())  # the tab and the rows the clerk had open
            self.pages.removeWidget(old)
            old.deleteLater()
        self.update_assessment_actions()

    # -- what the open assessment says -----------------------------------------------------------------
    def retitle(self) -> None:
        self.base_title = self.tr("中山市稳外贸政策扶持自评")
        name = self._document.title_name() if self._document is not None else ""
        self.setWindowTitle(f"{name} — {self.base_title}" if name else self.base_title)

    def _document_changed(self) -> None:
        self.retitle()
        total = self.document.total_text()
        self.total_status.setText(total)
        self.total_status.setToolTip(tip(total))

    def _state_changed(self) -> None:
        opened = self.document
        if self.questionnaire is not None:
            self.questionnaire.set_read_only(opened.final, opened.finalised_text)
        self.update_assessment_actions()
        self.retitle()

    def _opened(self, final: bool) -> None:
        self.show_questionnaire(-1 if final else None)
        self.document.remember_page(self.ensure_ready().index)

    def _filing_changed(self, state: FilingState | None) -> None:
        if self.questionnaire is not None:
            self.questionnaire.results_page.set_filing(state)

    def _save_problem(self, reason: object) -> None:
        """Above the page, where the user looks: the last save failed, the edits are still here."""
        if self.questionnaire is not None:
            self.questionnaire.show_save_problem(reason if isinstance(reason, str) else None)

    # -- language --------------------------------------------------------------------------------------
    def _language_changed(self, lang: str) -> None:
        """Every text anew: menus, title, and the questionnaire (built again; answers live in the session)."""
        self.lang = "en" if lang == "en" else "zh"
        self._build_menus()
        if self._glossary is not None:
            self._glossary.close()
            self._glossary.deleteLater()
            self._glossary = None
        if self._document is not None:
            self.install_shortcuts()
            self._document.set_language(self.lang)
            self._build_questionnaire()
            self.work.retranslate()
        self.retitle()

    # -- the assessment menu ---------------------------------------------------------------------------
    def show_received(self) -> None:
        """已获拨付记录 of the open assessment's enterprise."""
        if self.document.has_applications:
            self.ensure_ready().results_page.applications.show_received()

    def show_start(self) -> None:
        self.work.show_home()

    def finalise(self) -> None:
        shown = self.ensure_ready()
        if self.document.finalise(marked_wrong=any(page.problems() for page in shown.pages)):
            shown.show_page(len(shown.pages) - 1)

    def reopen(self) -> None:
        self.document.reopen()

    @property
    def scenarios(self) -> ScenarioShelf:
        """The scenarios of the window's assessments (made on first use)."""
        if self._scenarios is None:
            self._scenarios = scenario_shelf.ScenarioShelf(self.document)
        return self._scenarios

    def copy_as_scenario(self) -> None:
        self.scenarios.copy_as_scenario()

    def show_scenarios(self) -> None:
        self.scenarios.show_comparison()

    # -- tools -----------------------------------------------------------------------------------------
    def show_workspace(self) -> None:
        """One workspace window, kept in the database when there is one (several named workspaces)."""
        if self.workspace_window is not None:
            self.workspace_window.raise_()
            self.workspace_window.activateWindow()
            return
        window = workspace_window.show_workspace(self, workspaces=self.document.workspaces())
        self.workspace_window = window
        window.destroyed.connect(self._workspace_closed)

    def _workspace_closed(self) -> None:
        self.workspace_window = None

    def show_packs(self) -> None:
        dialog = packs_dialog.show_packs_dialog(self, registry.known_registry())
        self.document.packs_changed()  # a pack or a guide added there is used from now on
        if dialog.added:
            self.work.refresh_windows()  # in the start page's calendar too

    # -- answers files ---------------------------------------------------------------------------------
    def new_answers(self) -> None:
        self.work.new()

    def open_training_example(self, path: Path) -> bool:
        """培训示例: a bundled example (with a database, a training firm of its own)."""
        return self.work.open_example(path)

    def open_answers(self, path: Path | None = None) -> bool:
        if not isinstance(path, Path):
            path = dialogs.open_file(self, self.tr("打开答卷"), answers_filter())
            if path is None:
                return False
        return self.work.open_file(path)

    def save_answers(self, path: Path | None = None) -> bool:
        written = unsaved.save_answers_file(
            self, self.document.session.to_answers_file(), path if isinstance(path, Path) else None
        )
        if written is None:
            return False
        self.document.kept_in_file()
        self.statusBar().showMessage(self.tr("答卷已保存到 {path}").format(path=written), 5000)
        return True

    # -- checklist -------------------------------------------------------------------------------------
    def current_assessment(self) -> Assessment:
        return self.document.session.result

    def _figures_confirmed(self) -> bool:
        """A typed figure that is not its list's total is said before anything is printed."""
        return bool(list_import.confirm_list_figures(self, self.document.session))

    def print_checklist(self) -> None:
        # the same day and the same opportunities as the results page: the paper says what the screen says
        if self._figures_confirmed():
            edited = self.document.session
            checklist_preview.show_checklist_preview(
                self, edited.result, self.lang, today=edited.today(), opportunities=edited.opportunities()
            )

    def save_checklist_pdf(self) -> None:
        if self._figures_confirmed():
            edited = self.document.session
            checklist_preview.save_checklist_pdf(
                self, edited.result, self.lang, today=edited.today(), opportunities=edited.opportunities()
            )

    # -- help ------------------------------------------------------------------------------------------
    def show_glossary(self) -> None:
        if self._glossary is None:
            self._glossary = glossary.GlossaryDialog(self.document.session.pack, self.lang, self)
        self._glossary.show()
        self._glossary.raise_()

    def show_about(self) -> None:
        pack_line = ""
        if self._document is not None:
            pack = self._document.session.pack
            pack_line = self.tr("\n政策：《{title}》（{start} 至 {end}，版本 {version}）").format(
                title=pack.title.get(self.lang), start=pack.valid_from, end=pack.valid_to, version=pack.version
            )
        dialogs.information(
            self,
            self.tr("关于"),
            self.tr("中山市稳外贸政策扶持自评工具 {version}\n离线运行，答案只保存在本机。").format(version=__version__)
            + pack_line,
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        if self.workspace_window is not None and not self.workspace_window.close():
            event.ignore()  # the workspace had something to ask (an import running) and the answer was no
            return
        # their last keystrokes, before the store closes; edits that could not be saved, and the user chose
        # to stay with them (there or here), or answers not saved to a file and the user stays: nothing closes
        if self._work is not None and not self._work.close(ask=self.confirm_unsaved_close):
            event.ignore()
            return
        if self._glossary is not None:
            self._glossary.close()
        super().closeEvent(event)
