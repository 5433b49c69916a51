"""The main window: a page area (start page, questionnaire), the 文件 and 帮助 menus, a status line."""

from __future__ import annotations

import datetime as dt
import importlib
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QStackedWidget, QWidget

from desktop import __version__
from desktop.ui import messages
from desktop.ui.plain import PlainLabel, tip
from desktop.ui.said import report_write_error

if TYPE_CHECKING:
    from desktop.engine import Assessment
    from desktop.policy.model import Lang
    from desktop.ui.glossary import GlossaryDialog
    from desktop.ui.i18n import LanguageSwitcher
    from desktop.ui.questionnaire import Questionnaire
    from desktop.ui.session import AssessmentSession
    from desktop.ui.stored_work import StoredWork
    from desktop.ui.workspace_window import WorkspaceWindow


def answers_filter() -> str:
    return QCoreApplication.translate("MainWindow", "答卷文件 (*.json);;所有文件 (*)")


class MainWindow(QMainWindow):
    """Built in two steps so the window shows fast: the frame now, the questionnaire in `ensure_ready`."""

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
        if lang is None:
            from desktop.ui.i18n import current_language

            lang = current_language()
        self.lang: Lang = lang
        self.session: AssessmentSession | None = None
        self.stored: StoredWork | None = None
        """The database link, once `start` has opened it; None while answers live only in memory."""
        self.questionnaire: Questionnaire | None = None
        self._glossary: GlossaryDialog | None = None
        self.workspace_window: WorkspaceWindow | None = None
        self.unsaved = False
        """Answers changed since they were opened or saved."""
        self.confirm_unsaved_close = True
        """Ask before closing with unsaved answers (off where answers are saved automatically, and in tests)."""
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
        self.statusBar().addPermanentWidget(self.total_status)
        self._build_menus()
        self.retitle()
        if switcher is not None:
            switcher.language_changed.connect(self._language_changed)
        if session is not None:
            session.lang = self.lang
            self._install(session)
            self.install_shortcuts()

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
        self, menu: QMenu, text: str, slot: object, shortcut: QKeySequence.StandardKey | None = None
    ) -> QAction:
        action = QAction(text, menu)
        if shortcut is not None:
            self._shortcuts.append((action, shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def install_shortcuts(self) -> None:
        """Ctrl+O, Ctrl+S, ... set once the window shows: the first shortcut initialises PySide6's `Qt`
        namespace, which costs 25-75 ms that the first paint should not wait for. The words of the shared
        vocabulary come in then too: importing the engine package costs about 110 ms."""
        from desktop.engine import vocabulary

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
        from desktop.ui.training_examples import fill_training_menu

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
        self.update_assessment_actions()
        if self.switcher is not None:
            from desktop.ui.i18n import fill_language_menu

            self.language_menu = self._menu(self.tr("语言(&L)"))
            fill_language_menu(self.language_menu, self.switcher)
        help_menu = self._menu(self.tr("帮助(&H)"))
        self.glossary_action = self._action(
            help_menu, self.tr("术语表"), self.show_glossary, QKeySequence.StandardKey.HelpContents
        )
        self.about_action = self._action(help_menu, self.tr("关于"), self.show_about)

    # -- pages -----------------------------------------------------------------------------------------
    def add_page(self, widget: QWidget) -> int:
        """Room for other pages (the start page of the storage work)."""
        return self.pages.addWidget(widget)

    def show_page(self, widget: QWidget) -> None:
        self.pages.setCurrentWidget(widget)

    def ensure_ready(self) -> Questionnaire:
        """Load the policy pack and build the questionnaire, once (deferred until after the first show)."""
        if self.questionnaire is None:
            from desktop.policy.registry import known_registry
            from desktop.ui.session import AssessmentSession

            # The bundled packs and those the user added (帮助 → 政策包), the one in force today first.
            pack = known_registry().for_date(dt.date.today())
            self._install(AssessmentSession(pack, lang=self.lang, parent=self))
            self.install_shortcuts()
        assert self.questionnaire is not None
        return self.questionnaire

    def _install(self, session: AssessmentSession) -> None:
        self.session = session
        self._build_questionnaire()
        session.changed.connect(self._session_changed)
        self._session_changed()
        self.unsaved = False

    def _build_questionnaire(self) -> None:
        """(Re)build the questionnaire from the session: at start, and after a language switch."""
        from desktop.ui.questionnaire import Questionnaire

        assert self.session is not None
        old = self.questionnaire
        self.questionnaire = Questionnaire(self.session, self)
        self.pages.addWidget(self.questionnaire)
        self.questionnaire.results_page.print_requested.connect(self.print_checklist)
        self.questionnaire.results_page.save_pdf_requested.connect(self.save_checklist_pdf)
        self.questionnaire.results_page.copy_as_scenario_requested.connect(self.copy_as_scenario)
        self.questionnaire.results_page.compare_requested.connect(self.show_scenarios)
        self.questionnaire.home_button.clicked.connect(self.show_start)
        if self.stored is not None:
            self.questionnaire.set_read_only(self.stored.final, self.stored.finalised_text)
            self.questionnaire.page_changed.connect(self.stored.remember_page)
            self.questionnaire.results_page.set_filing(self.stored.filing)
        if old is not None:
            if self.pages.currentWidget() is old:
                self.pages.setCurrentWidget(self.questionnaire)
            self.questionnaire.show_page(old.index)
            self.pages.removeWidget(old)
            old.deleteLater()
        self.update_assessment_actions()

    # -- language --------------------------------------------------------------------------------------
    def retitle(self) -> None:
        self.base_title = self.tr("中山市稳外贸政策扶持自评")
        on_start_page = self.stored is not None and self.stored.assessment_id is None
        name = self.session.enterprise.name if self.session is not None and not on_start_page else ""
        self.setWindowTitle(f"{name} — {self.base_title}" if name else self.base_title)

    def _language_changed(self, lang: str) -> None:
        """Every text anew: menus, title, and the questionnaire (built again; answers live in the session)."""
        self.lang = "en" if lang == "en" else "zh"
        self._build_menus()
        self.install_shortcuts()
        if self._glossary is not None:
            self._glossary.close()
            self._glossary.deleteLater()
            self._glossary = None
        if self.session is not None:
            self.session.lang = self.lang
            self._build_questionnaire()
            self._session_changed()
        if self.stored is not None:
            self.stored.retranslate()
            if self.stored.assessment_id is None:
                self.total_status.clear()
        self.retitle()

    def show_questionnaire(self) -> None:
        questionnaire = self.ensure_ready()
        self.pages.setCurrentWidget(questionnaire)
        questionnaire.current_page.focus_first()

    def _session_changed(self) -> None:
        if self.session is None:
            return
        self.unsaved = True
        self.retitle()
        from desktop.engine.application import total_sentence

        said = total_sentence(self.session.result, self.lang)
        self.total_status.setText(said)
        self.total_status.setToolTip(tip(said))

    # -- the database (opened after the first paint) ----------------------------------------------------
    def start(self) -> None:
        """Open the database and resume where the user was; without one, answers live in memory."""
        from desktop.ui.stored_work import StoredWork

        self.install_shortcuts()
        self.stored = StoredWork.open_for(self)
        if self.stored is None:
            self.show_questionnaire()
        else:
            self.confirm_unsaved_close = False
            self.stored.resume()
        self.update_assessment_actions()

    def update_assessment_actions(self) -> None:
        stored = self.stored
        open_one = stored is not None and stored.assessment_id is not None
        self.home_action.setEnabled(stored is not None)
        self.finalise_action.setEnabled(open_one and stored is not None and not stored.final)
        self.reopen_action.setEnabled(open_one and stored is not None and stored.final)
        self.copy_scenario_action.setEnabled(open_one)
        self.compare_action.setEnabled(open_one)
        self.received_action.setEnabled(open_one)
        if self.questionnaire is not None:  # scenarios are kept with a stored assessment
            self.questionnaire.home_button.setVisible(stored is not None)
            self.questionnaire.results_page.scenario_button.setVisible(open_one)
            self.questionnaire.results_page.compare_button.setVisible(open_one)

    def show_received(self) -> None:
        """已获拨付记录 of the open assessment's enterprise."""
        if self.stored is not None and self.stored.assessment_id is not None:
            self.ensure_ready().results_page.applications.show_received()

    def show_start(self) -> None:
        if self.stored is not None:
            self.stored.show_start()
            self.update_assessment_actions()

    def finalise(self) -> None:
        if self.stored is not None:
            self.stored.finalise()

    def reopen(self) -> None:
        if self.stored is not None:
            self.stored.reopen()

    def copy_as_scenario(self) -> None:
        from desktop.ui.scenarios import copy_as_scenario

        copy_as_scenario(self)

    def show_scenarios(self) -> None:
        from desktop.ui.scenarios import show_comparison

        show_comparison(self)

    def show_workspace(self) -> None:
        """One workspace window, kept in the database when there is one (several named workspaces)."""
        from desktop.ui.workspace_window import show_workspace

        if self.workspace_window is not None:
            self.workspace_window.raise_()
            self.workspace_window.activateWindow()
            return
        workspaces = None
        if self.stored is not None:
            from desktop.store.workspaces import Workspaces

            workspaces = Workspaces(self.stored.store)
        window = show_workspace(self, workspaces=workspaces)
        self.workspace_window = window
        window.destroyed.connect(self._workspace_closed)

    def _workspace_closed(self) -> None:
        self.workspace_window = None

    def show_packs(self) -> None:
        from desktop.policy.registry import known_registry
        from desktop.ui.packs_dialog import show_packs_dialog

        registry = known_registry()
        dialog = show_packs_dialog(self, registry)
        if self.stored is not None:
            self.stored.store.registry = known_registry()  # a pack added there is used from now on
        if self.session is not None:
            self.session.reload_guides()  # and a guide added there applies
        if dialog.added and self.stored is not None:
            self.stored.start_page.refresh_windows()  # to the start page's calendar too

    # -- answers files ---------------------------------------------------------------------------------
    def new_answers(self) -> None:
        if self.stored is not None:  # every assessment lives in the database: the start page makes it
            self.stored.show_start()
            self.stored.start_page.new_assessment()
            return
        self.ensure_ready()
        assert self.session is not None
        if self.session.answers and not messages.question(
            self,
            self.new_action.text(),
            self.tr("清空当前所有答案，开始填写另一家企业？未保存的答案将丢失。"),
        ):
            return
        self.session.reset()
        self.unsaved = False
        self.show_questionnaire()

    def open_training_example(self, path: Path) -> bool:
        """培训示例: load a bundled example; asks first when answers would be replaced."""
        if self.stored is not None:  # nothing is replaced: the example becomes a training firm of its own
            return self.stored.import_and_open(path, training=True)
        self.ensure_ready()
        assert self.session is not None
        has_work = bool(self.session.answers) or bool(self.session.enterprise.name)
        if has_work and not messages.question(
            self,
            self.tr("载入培训示例"),
            self.tr("载入示例会替换当前填写的所有答案。未保存的答案将丢失。继续吗？"),
        ):
            return False
        return self.open_answers(path)

    def open_answers(self, path: Path | None = None) -> bool:
        self.ensure_ready()
        assert self.session is not None
        if not isinstance(path, Path):
            path = messages.open_file(self, self.tr("打开答卷"), answers_filter())
            if path is None:
                return False
        if self.stored is not None:
            return self.stored.import_and_open(path)
        from desktop.engine import AnswersError, read_answers_file
        from desktop.policy.registry import known_registry

        registry = known_registry()  # a file made with a pack the user added opens too
        try:
            answers_file, pack = read_answers_file(
                path, lambda policy, day: registry.get(policy) if policy else registry.for_date(day)
            )
        except AnswersError as exc:
            from desktop.ui.said import said_all

            shown = said_all(exc.problems[:15])
            more = len(exc.problems) - len(shown)
            text = "\n".join(shown) + (self.tr("\n……另有 {n} 个问题").format(n=more) if more > 0 else "")
            messages.error(self, self.tr("无法打开答卷"), text)
            return False
        self.session.load(answers_file, pack)
        self.unsaved = False
        self.show_questionnaire()
        self.statusBar().showMessage(self.tr("已打开 {name}").format(name=path.name), 5000)
        return True

    def save_answers(self, path: Path | None = None) -> bool:
        self.ensure_ready()
        assert self.session is not None
        if not isinstance(path, Path):
            suggested = _safe_file_name(self.session.enterprise.name or self.tr("答卷")) + ".json"
            path = messages.save_file(self, self.tr("另存答卷"), answers_filter(), suggested)
            if path is None:
                return False
        if path.suffix.lower() != ".json":
            path = path.with_name(path.name + ".json")
        from desktop.engine import write_answers_file

        try:
            write_answers_file(path, self.session.to_answers_file())
        except OSError as exc:
            report_write_error(self, self.tr("无法保存答卷"), path, exc)
            return False
        self.unsaved = False
        self.statusBar().showMessage(self.tr("答卷已保存到 {path}").format(path=path), 5000)
        return True

    # -- checklist (the report work provides desktop.ui.checklist_preview) ------------------------------
    def current_assessment(self) -> Assessment:
        self.ensure_ready()
        assert self.session is not None
        return self.session.result

    def print_checklist(self) -> None:
        self._checklist("show_checklist_preview")

    def save_checklist_pdf(self) -> None:
        self._checklist("save_checklist_pdf")

    def _checklist(self, function: str) -> None:
        """Imported on use: the report module brings ReportLab, which must not slow the start."""
        try:
            module = importlib.import_module("desktop.ui.checklist_preview")
            action: Callable[..., object] = getattr(module, function)
        except (ImportError, AttributeError):
            self._checklist_missing()
            return
        assessment = self.current_assessment()
        assert self.session is not None
        from desktop.ui.list_import import confirm_list_figures

        if not confirm_list_figures(self, self.session):  # a typed figure that is not its list's total
            return
        # the same day and the same opportunities as the results page: the paper says what the screen says
        action(self, assessment, self.lang, today=self.session.today(), opportunities=self.session.opportunities())

    def _checklist_missing(self) -> None:
        messages.information(
            self, self.tr("清单"), self.tr("此版本尚未包含清单打印功能。可以先用“另存答卷…”保存答案。")
        )

    # -- help ------------------------------------------------------------------------------------------
    def show_glossary(self) -> None:
        from desktop.ui.glossary import GlossaryDialog

        self.ensure_ready()
        assert self.session is not None
        if self._glossary is None:
            self._glossary = GlossaryDialog(self.session.pack, self.lang, self)
        self._glossary.show()
        self._glossary.raise_()

    def show_about(self) -> None:
        pack_line = ""
        if self.session is not None:
            pack = self.session.pack
            pack_line = self.tr("\n政策：《{title}》（{start} 至 {end}，版本 {version}）").format(
                title=pack.title.get(self.lang), start=pack.valid_from, end=pack.valid_to, version=pack.version
            )
        messages.information(
            self,
            self.tr("关于"),
            self.tr("中山市稳外贸政策扶持自评工具 {version}\n离线运行，答案只保存在本机。").format(version=__version__)
            + pack_line,
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        if self.workspace_window is not None and not self.workspace_window.close():
            event.ignore()  # the workspace had something to ask (an import running) and the answer was no
            return
        if self.stored is not None:  # saved as typed: nothing to ask
            from desktop.ui.scenarios import close_scenario_windows

            # their last keystrokes, before the database closes; edits that could not be saved, and the
            # user chose to stay with them (there or here): nothing closes
            if not close_scenario_windows(self) or not self.stored.close():
                event.ignore()
                return
            self.stored = None
            if self._glossary is not None:
                self._glossary.close()
            super().closeEvent(event)
            return
        has_work = self.session is not None and (bool(self.session.answers) or bool(self.session.enterprise.name))
        if (
            self.confirm_unsaved_close
            and self.unsaved
            and has_work
            and not messages.question(
                self, self.tr("退出"), self.tr("答卷还没有保存。不保存就退出吗？（可先用“文件 → 另存答卷…”保存）")
            )
        ):
            event.ignore()
            return
        if self._glossary is not None:
            self._glossary.close()
        super().closeEvent(event)


def _safe_file_name(name: str) -> str:
    """An enterprise name usable as a file name on Windows."""
    return re.sub(r'[\\/:*?"<>|\r\n]+', "_", name).strip() or QCoreApplication.translate("MainWindow", "答卷")
