"""The window's link to the database: the start page, the assessment being edited, autosave, finalising.

Opened after the first window is shown (SQLAlchemy is slow to import). While an assessment is open its
id and page are remembered in the settings, so after a crash or a killed process the program reopens
the draft where it was.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from desktop.settings import get_setting, update_settings
from desktop.store import StoreError
from desktop.ui import messages
from desktop.ui.autosave import Autosaver
from desktop.ui.conflict import ConflictResolver
from desktop.ui.filing_state import FilingState
from desktop.ui.plain import PlainLabel
from desktop.ui.said import error_text, for_clerk_all, report_error, said_all
from desktop.ui.start_page import StartPage

if TYPE_CHECKING:
    from desktop.policy import Pack
    from desktop.store import Store
    from desktop.ui.main_window import MainWindow

OPEN_ASSESSMENT_KEY = "open_assessment"
OPEN_PAGE_KEY = "open_page"


def _remember(assessment_id: int | None, page: int | None = None) -> None:
    """Where the user is; settings are a convenience, so a folder that cannot be written is no error."""
    with contextlib.suppress(OSError):
        update_settings(open_assessment=assessment_id, open_page=page)


class StoredWork(QObject):
    def __init__(self, window: MainWindow, store: Store) -> None:
        super().__init__(window)
        self.window = window
        self.store = store
        self.assessment_id: int | None = None
        self.filing: FilingState | None = None
        """The open assessment's applications (documents, files, claims), shown on its results page."""
        self.autosaver: Autosaver | None = None
        self.resolver: ConflictResolver | None = None
        self.final = False
        self.finalised_text = ""
        """When the open assessment was finalised, as the read-only banner shows it."""
        self.start_page = self._new_start_page()
        self.save_state = PlainLabel(window)
        window.statusBar().addWidget(self.save_state)
        if window.questionnaire is not None:  # later rebuilds connect themselves (MainWindow._build_questionnaire)
            window.questionnaire.page_changed.connect(self.remember_page)

    @classmethod
    def open_for(cls, window: MainWindow) -> StoredWork | None:
        """Open the database; when it cannot be opened, say why and let the window work from files."""
        from desktop.store import open_store

        try:
            store = open_store(window.database)
        except StoreError as exc:
            messages.error(
                window,
                QCoreApplication.translate("StoredWork", "无法打开数据库"),
                QCoreApplication.translate(
                    "StoredWork", "{reason}\n\n本次的答案不会自动保存，请用“文件 → 另存答卷…”保存到文件。"
                ).format(reason=error_text(exc)),
            )
            return None
        from desktop.policy.registry import known_registry

        store.registry = known_registry()
        return cls(window, store)

    def _new_start_page(self) -> StartPage:
        page = StartPage(self.store, self.window)
        self.window.add_page(page)
        page.open_requested.connect(self.open)
        page.application_requested.connect(self.open_application)
        page.deleted.connect(self._deleted)
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
        if self.window.pages.currentWidget() is old:
            self.window.show_page(self.start_page)
        self.window.pages.removeWidget(old)
        old.deleteLater()
        if self.final:
            self.save_state.setText(self.tr("已定稿（只读）：如需修改，请用“评估 → 重新编辑”"))
        else:
            self.save_state.clear()

    # -- pages -----------------------------------------------------------------------------------------
    def show_start(self) -> bool:
        """To the start page; False when edits could not be saved and the user chose to stay with them."""
        if not self.detach():
            return False
        self.start_page.refresh(select_assessment=self.assessment_id)
        self.assessment_id = None
        self.final = False
        self.window.show_page(self.start_page)
        self.window.total_status.clear()  # the total belongs to an open assessment
        self.window.retitle()
        self.window.update_assessment_actions()
        _remember(None)
        return True

    def resume(self) -> None:
        """At start: the assessment that was open when the program last ended, else the start page."""
        remembered = get_setting(OPEN_ASSESSMENT_KEY)
        page = get_setting(OPEN_PAGE_KEY)
        if isinstance(remembered, int) and self._exists(remembered) and self.open(remembered):
            if isinstance(page, int):  # a finalised one too: the page that was open, not 结果
                self.window.ensure_ready().show_page(page)
            return
        self.show_start()

    def _exists(self, assessment_id: int) -> bool:
        try:
            self.store.get(assessment_id)
        except StoreError:
            return False
        return True

    # -- one assessment --------------------------------------------------------------------------------
    def open(self, assessment_id: int) -> bool:
        window = self.window
        if not self.detach():
            return False
        try:
            opened = self.store.open(assessment_id)
        except StoreError as exc:
            report_error(window, self.tr("无法打开评估"), exc)
            return False
        questionnaire = window.ensure_ready()
        session = window.session
        assert session is not None
        try:
            self.filing = FilingState(self.store, assessment_id, session.today, parent=self)
        except StoreError as exc:
            report_error(window, self.tr("无法打开评估"), exc)
            return False
        session.received = self.filing.received
        filing = self.filing
        # an amount recorded by hand (已获拨付记录) is read by the rules at once
        filing.changed.connect(lambda: session.set_received(filing.received))
        session.lists_changed.connect(self.filing.reload)
        session.load(opened.answers_file, opened.pack)
        from desktop.store.lists import AssessmentLists

        session.lists = AssessmentLists(self.store, assessment_id)  # lists imported into it are kept with it
        questionnaire.results_page.set_filing(self.filing)
        self.assessment_id = assessment_id
        window.unsaved = False
        if opened.problems:
            messages.warning(window, self.tr("部分答案未能载入"), "\n".join(said_all(opened.problems[:20])))
        if opened.notes:
            messages.information(window, self.tr("已沿用原来的回答"), "\n".join(for_clerk_all(opened.notes)))
        if opened.is_final:
            self._set_final(True, opened.snapshot, opened.stored.finalised_at)
            window.show_questionnaire()
            questionnaire.show_page(len(questionnaire.pages) - 1)
            newest = self._newest(opened.pack)
            if newest.hash != opened.stored.pack_hash and messages.question(
                window,
                self.tr("重新计算"),
                self.tr(
                    "此评估定稿时使用的是政策包版本 {old}，本机现有版本 {new}。"
                    "现在显示的是定稿时的结果。要按版本 {new} 重新计算吗？"
                ).format(old=opened.stored.pack_version, new=newest.version),
            ):
                self.recompute(newest)
        else:
            self._set_final(False)
            self.autosaver = Autosaver(
                session, self.store, assessment_id, stored_total=opened.stored.total, parent=self
            )
            self.autosaver.saved.connect(self._saved)
            self.autosaver.failed.connect(self._failed)
            self.autosaver.warned.connect(lambda text: messages.warning(window, self.tr("自动保存"), text))
            self.resolver = ConflictResolver(self, self.autosaver)
            self.autosaver.conflicted.connect(self.resolver.resolve)
            window.show_questionnaire()
        _remember(assessment_id, questionnaire.index)
        window.retitle()
        return True

    def open_application(self, assessment_id: int, item_id: str) -> None:
        """From 申报进度: the assessment on its 申报材料与进度 tab, the item selected."""
        if not self.open(assessment_id):
            return
        questionnaire = self.window.ensure_ready()
        questionnaire.show_page(len(questionnaire.pages) - 1)
        questionnaire.results_page.show_application(item_id)

    def detach(self) -> bool:
        """Write what is pending and let go of the current assessment. Edits that cannot be written are not
        dropped without a question (desktop.ui.unsaved): False when the user chose to stay with them, and
        the assessment stays open, its saving still tried."""
        saver = self.autosaver
        if saver is not None:
            saved = saver.final_save()  # a conflict found now is kept as a copy by the resolver
            resolved = self.resolver is not None and self.resolver.done
            kept = saved or not saver.pending or (saver.conflict is not None and resolved)
            if not kept and not self._keep_unsaved(saver):
                saver.resume()
                return False
        if self.window.session is not None:
            self.window.session.lists = None
        if self.filing is not None:
            if self.window.questionnaire is not None:
                self.window.questionnaire.results_page.set_filing(None)
            if self.window.session is not None:
                self.window.session.received = ()
            self.filing.closing.emit()
            self.filing.deleteLater()
            self.filing = None
        if saver is not None:
            saver.stop()
            saver.deleteLater()
            self.autosaver = None
        self.save_state.clear()
        self._show_save_problem(None)
        return True

    def _keep_unsaved(self, saver: Autosaver) -> bool:
        from desktop.ui.unsaved import keep_unsaved

        session = self.window.session
        assert session is not None
        assessment_id = saver.assessment_id

        def as_new() -> str | None:
            label = self.tr("未能保存的修改（{time}）").format(time=dt.datetime.now().strftime("%m-%d %H:%M"))
            try:
                self.store.keep_as_new(assessment_id, session.to_answers_file(), session.pack, label, session.result)
            except StoreError as exc:
                report_error(self.window, self.tr("无法另存为新的评估"), exc)
                return None
            return self.tr("你的修改已另存为新的评估“{label}”，在企业列表中可以找到。").format(label=label)

        reason = saver.last_error or self.tr("数据库没有接受最近的修改。")
        return keep_unsaved(self.window, reason, session.to_answers_file, as_new=as_new)

    def _show_save_problem(self, reason: str | None) -> None:
        """Above the page, where the user looks: the last save failed, the edits are still here."""
        questionnaire = self.window.questionnaire
        if questionnaire is not None:
            questionnaire.show_save_problem(reason)

    def finalise(self) -> None:
        window = self.window
        session = window.session
        if self.assessment_id is None or session is None or self.final:
            return
        questionnaire = window.ensure_ready()
        if any(page.problems() for page in questionnaire.pages):
            messages.warning(window, self.tr("定稿"), self.tr("还有标记为错误的答案，请先改正或清空后再定稿。"))
            return
        if self.autosaver is not None:
            self.autosaver.flush()
        result = session.result
        try:
            self.store.finalise(self.assessment_id, session.to_answers_file(), result)
        except StoreError as exc:
            report_error(window, self.tr("无法定稿"), exc)
            return
        self.detach()
        self._set_final(True, result, dt.datetime.now(dt.UTC))
        questionnaire.show_page(len(questionnaire.pages) - 1)
        window.statusBar().showMessage(self.tr("已定稿：结果已冻结，日后安装新政策包也不会改变。"), 8000)

    def reopen(self) -> None:
        """Back to draft, editable and autosaved again."""
        if self.assessment_id is None or not self.final:
            return
        try:
            self.store.reopen(self.assessment_id)
        except StoreError as exc:
            report_error(self.window, self.tr("无法重新编辑"), exc)
            return
        self.open(self.assessment_id)

    def _newest(self, pack: Pack) -> Pack:
        try:
            return self.store.registry.get(pack.id)
        except LookupError:
            return pack

    def recompute(self, pack: Pack) -> None:
        """A finalised assessment computed anew with `pack` (the user asked); it stays final."""
        session = self.window.session
        if self.assessment_id is None or session is None:
            return
        session.load(session.to_answers_file(), pack)
        result = session.result
        try:
            self.store.recompute(self.assessment_id, result)
        except StoreError as exc:
            report_error(self.window, self.tr("无法重新计算"), exc)
            return
        self._set_final(self.final, result)

    def _set_final(self, final: bool, snapshot: object = None, when: dt.datetime | None = None) -> None:
        from desktop.engine import Assessment

        self.final = final
        if when is not None or not final:
            # shown in the clerk's own time, to the minute: "已定稿（2025-12-01 14:05）"
            self.finalised_text = when.astimezone().strftime("%Y-%m-%d %H:%M") if when is not None else ""
        session = self.window.session
        if session is not None:
            session.frozen = snapshot if final and isinstance(snapshot, Assessment) else None
            session.changed.emit()
        questionnaire = self.window.ensure_ready()
        questionnaire.set_read_only(final, self.finalised_text)
        self.window.update_assessment_actions()
        if final:
            self.save_state.setText(self.tr("已定稿（只读）：如需修改，请用“评估 → 重新编辑”"))

    # -- files -----------------------------------------------------------------------------------------
    def import_and_open(self, path: Path, *, training: bool = False) -> bool:
        """An answers file (or a training example, kept apart from the real firms) becomes a stored
        assessment, then opens."""
        outcomes = self.start_page.import_files([path], training=training)
        opened = [o.assessment_id for o in outcomes if o.assessment_id is not None]
        return bool(opened) and opened[0] is not None and self.open(opened[0])

    # -- signals ---------------------------------------------------------------------------------------
    def remember_page(self, index: int) -> None:
        if self.assessment_id is not None:
            _remember(self.assessment_id, index)

    def _saved(self, when: dt.datetime) -> None:
        self.window.unsaved = False
        self.save_state.setText(self.tr("已保存 {time}").format(time=when.strftime("%H:%M:%S")))
        self._show_save_problem(None)

    def _failed(self, reason: str) -> None:
        self.save_state.setText(self.tr("未能保存：{reason}").format(reason=reason))
        self._show_save_problem(reason)

    def _deleted(self, assessment_ids: list[int]) -> None:
        if get_setting(OPEN_ASSESSMENT_KEY) in assessment_ids:
            _remember(None)

    def close(self) -> bool:
        """The window closes: the last write; the open assessment stays remembered for the next start.
        False when edits could not be saved and the user chose to stay with them (nothing is closed)."""
        if not self.detach():
            return False
        self.start_page.calendar.stop()  # a calendar computed off the window's thread reads the database
        self.start_page.reminder_line.stop()
        self.store.close()
        return True
