"""The assessment open in the main window, and everything that belongs to it, in one owner.

`OpenAssessment` holds the store, the session being edited (one for the window's life, loaded anew for
each assessment), which stored assessment it is, whether it is final, its autosave and conflict handling,
its applications (`FilingState`), whether there are edits not kept yet, the total the status line shows
and the text of the save state. The main window, the start page's work (`desktop.ui.stored_work`), the
answers-file work without a database (`desktop.ui.file_work`), the scenarios, the conflict resolver and
the applications tab are given it and listen to its signals; none of them reads another's attributes or
looks another up. See docs/developers.md.

The store is a database (a file, or a server), or, when none could be opened, an SQLite database in
memory (`desktop.store.open_memory_store`): the same code keeps the open assessment in both. What a user
meets differently, because nothing in memory outlives the program, follows from `lasting` alone, read in
this module and nowhere else: the save state says nothing ("已保存" would not be true), the place is not
remembered for the next start, the applications are not offered (their files would be lost), nor are
定稿, the scenarios and the start page's list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop.engine import Assessment
from desktop.policy.registry import known_registry
from desktop.settings import OPEN_ASSESSMENT, OPEN_PAGE, settings
from desktop.store import StoreError
from desktop.store.lists import AssessmentLists
from desktop.store.workspaces import Workspaces
from desktop.ui import dialogs
from desktop.ui.autosave import Autosaver
from desktop.ui.conflict import ConflictResolver
from desktop.ui.filing_state import FilingState
from desktop.ui.said import for_clerk_all, report_error, said_all
from desktop.ui.unsaved import keep_unsaved
from desktop.wording.applying import total_sentence

if TYPE_CHECKING:
    from desktop.policy import Pack
    from desktop.policy.model import Lang
    from desktop.store import Store
    from desktop.ui.session import AssessmentSession

CloseCheck = Callable[[], bool]
"""Asked before the store closes (a scenario window saving its edits); False: the window stays open."""


class OpenAssessment(QObject):
    changed = Signal()
    """The answers, the enterprise or the date changed, or other answers were loaded: title and total anew."""
    state_changed = Signal()
    """Another assessment or none, finalised or back to draft: what the window offers, read-only or not."""
    opened = Signal(bool)
    """An assessment was opened (True: a finalised one, shown on its results): the window shows it."""
    filing_changed = Signal(object)
    """The open assessment's applications (a `FilingState`), or None."""
    save_state_changed = Signal(str)
    """The status line's word on saving ("已保存 10:02:03", "未能保存：…", "已定稿（只读）…"), or ""."""
    save_problem_changed = Signal(object)
    """Why the last save failed, shown above the page (None: it did not, or no longer matters)."""
    told = Signal(str, int)
    """A short message for the status line, and for how many milliseconds."""
    language_changed = Signal(str)

    def __init__(self, store: Store, session: AssessmentSession, widget: QWidget) -> None:
        super().__init__(widget)
        self.store = store
        self.session = session
        self.widget = widget
        """The window the open assessment is shown in: the parent of the dialogs about it."""
        self.lasting = store.lasting
        """The store keeps what is written after the program ends (False: a store in memory)."""
        self.assessment_id: int | None = None
        """The stored assessment being edited; None on the start page."""
        self.final = False
        self.finalised_text = ""
        """When the open assessment was finalised, as the read-only banner shows it."""
        self.filing: FilingState | None = None
        self.autosaver: Autosaver | None = None
        self.resolver: ConflictResolver | None = None
        self.unsaved = False
        """Changed since opened, or since last kept where it lasts (the database, or an answers file)."""
        self.save_state = ""
        self.close_checks: list[CloseCheck] = []
        session.changed.connect(self._session_changed)

    # -- what the window shows -------------------------------------------------------------------------
    @property
    def lang(self) -> Lang:
        return self.session.lang

    def set_language(self, lang: Lang) -> None:
        self.session.lang = lang
        self.language_changed.emit(lang)
        if self.final:
            self._set_save_state(self.tr("已定稿（只读）：如需修改，请用“评估 → 重新编辑”"))
        else:
            self._set_save_state("")
        self.changed.emit()

    @property
    def is_open(self) -> bool:
        return self.assessment_id is not None

    def title_name(self) -> str:
        """The enterprise's name for the window's title; "" on the start page."""
        return self.session.enterprise.name if self.is_open else ""

    def total_text(self) -> str:
        """`最多可申请合计：…` of the open assessment; "" on the start page."""
        return total_sentence(self.session.result, self.lang) if self.is_open else ""

    @property
    def can_finalise(self) -> bool:
        return self.lasting and self.is_open and not self.final

    @property
    def can_reopen(self) -> bool:
        return self.lasting and self.is_open and self.final

    @property
    def has_applications(self) -> bool:
        """The applications' records and files (已获拨付记录 too) are kept under a stored assessment."""
        return self.lasting and self.is_open

    @property
    def has_scenarios(self) -> bool:
        """Scenarios are kept under a stored assessment, beside it in the database."""
        return self.lasting and self.is_open

    def tell(self, text: str, milliseconds: int) -> None:
        self.told.emit(text, milliseconds)

    def workspaces(self) -> Workspaces | None:
        """The association's workspaces, kept in the database; None: the workspace lives in its window."""
        return Workspaces(self.store) if self.lasting else None

    def packs_changed(self) -> None:
        """A pack or guide was added (工具 → 政策包): used from now on, by the store and the results."""
        self.store.registry = known_registry()  # the packs folder read afresh
        self.session.reload_guides()

    # -- one assessment --------------------------------------------------------------------------------
    def exists(self, assessment_id: int) -> bool:
        try:
            self.store.get(assessment_id)
        except StoreError:
            return False
        return True

    def open(self, assessment_id: int) -> bool:
        """Open a stored assessment; False (after saying why) when it could not be, or when the user chose
        to stay with edits of the current one that could not be saved."""
        widget = self.widget
        if not self.detach():
            return False
        try:
            opened = self.store.open(assessment_id)
        except StoreError as exc:
            report_error(widget, self.tr("无法打开评估"), exc)
            return False
        session = self.session
        if self.lasting:  # the applications' records and files: only where they last
            try:
                self.filing = FilingState(self.store, assessment_id, session.today, parent=self)
            except StoreError as exc:
                report_error(widget, self.tr("无法打开评估"), exc)
                return False
            session.received = self.filing.received
            filing = self.filing
            # an amount recorded by hand (已获拨付记录) is read by the rules at once
            filing.changed.connect(lambda: session.set_received(filing.received))
            session.lists_changed.connect(self.filing.reload)
        session.load(opened.answers_file, opened.pack)
        if self.lasting:
            session.lists = AssessmentLists(self.store, assessment_id)  # lists imported into it are kept with it
        self.filing_changed.emit(self.filing)
        self.assessment_id = assessment_id
        self.unsaved = False
        if opened.problems:
            dialogs.warning(widget, self.tr("部分答案未能载入"), "\n".join(said_all(opened.problems[:20])))
        if opened.notes:
            dialogs.information(widget, self.tr("已沿用原来的回答"), "\n".join(for_clerk_all(opened.notes)))
        if opened.is_final:
            self._set_final(True, opened.snapshot, opened.stored.finalised_at)
            self.opened.emit(True)
            newest = self._newest(opened.pack)
            if newest.hash != opened.stored.pack_hash and dialogs.question(
                widget,
                self.tr("重新计算"),
                self.tr(
                    "此评估定稿时使用的是政策包版本 {old}，本机现有版本 {new}。"
                    "现在显示的是定稿时的结果。要按版本 {new} 重新计算吗？"
                ).format(old=opened.stored.pack_version, new=newest.version),
            ):
                self.recompute(newest)
        else:
            self._set_final(False)
            self._save_as_typed(assessment_id, stored_total=opened.stored.total)
            self.opened.emit(False)
        self._remember(assessment_id)
        self.changed.emit()
        return True

    def keep_as_new(self) -> bool:
        """The session's answers as a new stored assessment, open from now on: without a database, the one
        assessment of the store in memory (`desktop.ui.file_work`). False after saying why it failed."""
        session = self.session
        try:
            enterprise_id = self.store.create_enterprise(session.enterprise)
            assessment_id = self.store.new_assessment(
                enterprise_id,
                session.pack,
                assessed_on=session.assessed_on,
                answers_file=session.to_answers_file(),
                result=session.result,
            )
        except StoreError as exc:
            report_error(self.widget, self.tr("无法新建评估"), exc)
            return False
        self.assessment_id = assessment_id
        self.final = False
        self.finalised_text = ""
        self._save_as_typed(assessment_id)
        self.filing_changed.emit(None)
        self.state_changed.emit()
        self.changed.emit()
        self.unsaved = False
        return True

    def _save_as_typed(self, assessment_id: int, stored_total: Decimal | None = None) -> None:
        # the stored total: amounts received meanwhile may have changed it with the answers unchanged
        self.autosaver = Autosaver(self.session, self.store, assessment_id, stored_total=stored_total, parent=self)
        self.autosaver.saved.connect(self._saved)
        self.autosaver.failed.connect(self._failed)
        self.autosaver.warned.connect(lambda text: dialogs.warning(self.widget, self.tr("自动保存"), text))
        self.resolver = ConflictResolver(self, self.autosaver)
        self.autosaver.conflicted.connect(self.resolver.resolve)

    def flush(self) -> None:
        """The last keystrokes into the store now (a scenario copies the stored answers)."""
        if self.autosaver is not None:
            self.autosaver.flush()

    def detach(self) -> bool:
        """Write what is pending and let go of the current assessment. Edits that cannot be written are not
        dropped without a question (desktop.ui.unsaved): False when the user chose to stay with them, and
        the assessment stays open, its saving still tried."""
        if self.filing is not None and not all(check() for check in list(self.filing.release_checks)):
            return False  # a claim typed in an item's dialog and not saved: the clerk went back to it
        saver = self.autosaver
        if saver is not None:
            saved = saver.final_save()  # a conflict found now is kept as a copy by the resolver
            resolved = self.resolver is not None and self.resolver.done
            kept = saved or not saver.pending or (saver.conflict is not None and resolved)
            if not kept and not self._keep_unsaved(saver):
                saver.resume()
                return False
        self.session.lists = None
        if self.filing is not None:
            self.filing_changed.emit(None)
            self.session.received = ()
            self.filing.closing.emit()
            self.filing.deleteLater()
            self.filing = None
        if saver is not None:
            saver.stop()
            saver.deleteLater()
            self.autosaver = None
        self._set_save_state("")
        self.save_problem_changed.emit(None)
        return True

    def let_go(self) -> bool:
        """Nothing open any more (the start page); False when the user chose to stay with unsaved edits."""
        if not self.detach():
            return False
        self.assessment_id = None
        self.final = False
        self._remember(None)
        self.state_changed.emit()
        self.changed.emit()
        return True

    def _keep_unsaved(self, saver: Autosaver) -> bool:
        session = self.session
        assessment_id = saver.assessment_id

        def as_new() -> str | None:
            label = self.tr("未能保存的修改（{time}）").format(time=dt.datetime.now().strftime("%m-%d %H:%M"))
            try:
                self.store.keep_as_new(assessment_id, session.to_answers_file(), session.pack, label, session.result)
            except StoreError as exc:
                report_error(self.widget, self.tr("无法另存为新的评估"), exc)
                return None
            return self.tr("你的修改已另存为新的评估“{label}”，在企业列表中可以找到。").format(label=label)

        reason = saver.last_error or self.tr("数据库没有接受最近的修改。")
        return keep_unsaved(self.widget, reason, session.to_answers_file, as_new=as_new)

    def finalise(self, *, marked_wrong: bool) -> bool:
        """定稿: the result frozen as it is. `marked_wrong`: the pages show answers marked as errors."""
        if not self.can_finalise or self.assessment_id is None:
            return False
        if marked_wrong:
            dialogs.warning(self.widget, self.tr("定稿"), self.tr("还有标记为错误的答案，请先改正或清空后再定稿。"))
            return False
        self.flush()
        session = self.session
        result = session.result
        try:
            self.store.finalise(self.assessment_id, session.to_answers_file(), result)
        except StoreError as exc:
            report_error(self.widget, self.tr("无法定稿"), exc)
            return False
        self.detach()
        self._set_final(True, result, dt.datetime.now(dt.UTC))
        self.tell(self.tr("已定稿：结果已冻结，日后安装新政策包也不会改变。"), 8000)
        return True

    def reopen(self) -> bool:
        """Back to draft, editable and autosaved again."""
        if not self.can_reopen or self.assessment_id is None:
            return False
        try:
            self.store.reopen(self.assessment_id)
        except StoreError as exc:
            report_error(self.widget, self.tr("无法重新编辑"), exc)
            return False
        return self.open(self.assessment_id)

    def _newest(self, pack: Pack) -> Pack:
        try:
            return self.store.registry.get(pack.id)
        except LookupError:
            return pack

    def recompute(self, pack: Pack) -> None:
        """A finalised assessment computed anew with `pack` (the user asked); it stays final."""
        session = self.session
        if self.assessment_id is None:
            return
        session.load(session.to_answers_file(), pack)
        result = session.result
        try:
            self.store.recompute(self.assessment_id, result)
        except StoreError as exc:
            report_error(self.widget, self.tr("无法重新计算"), exc)
            return
        self._set_final(self.final, result)

    def _set_final(self, final: bool, snapshot: object = None, when: dt.datetime | None = None) -> None:
        self.final = final
        if when is not None or not final:
            # shown in the clerk's own time, to the minute: "已定稿（2025-12-01 14:05）"
            self.finalised_text = when.astimezone().strftime("%Y-%m-%d %H:%M") if when is not None else ""
        self.session.frozen = snapshot if final and isinstance(snapshot, Assessment) else None
        self.session.changed.emit()
        self.state_changed.emit()
        if final:
            self._set_save_state(self.tr("已定稿（只读）：如需修改，请用“评估 → 重新编辑”"))

    # -- the place, for the next start -----------------------------------------------------------------
    def _remember(self, assessment_id: int | None, page: int | None = None) -> None:
        """Where the user is, so that the next start (after a crash too) opens it again; only where it lasts."""
        if self.lasting:
            settings().set(OPEN_ASSESSMENT.to(assessment_id), OPEN_PAGE.to(page))

    def remember_page(self, index: int) -> None:
        if self.assessment_id is not None:
            self._remember(self.assessment_id, index)

    def remembered(self) -> tuple[int | None, int | None]:
        """(assessment, page) open when the program last ended, as remembered."""
        return settings().get(OPEN_ASSESSMENT), settings().get(OPEN_PAGE)

    def forget(self, deleted: list[int]) -> None:
        """Assessments deleted: one remembered for the next start is not looked for then."""
        if settings().get(OPEN_ASSESSMENT) in deleted:
            self._remember(None)

    # -- signals ---------------------------------------------------------------------------------------
    def _session_changed(self) -> None:
        self.unsaved = True
        self.changed.emit()

    def _set_save_state(self, text: str) -> None:
        self.save_state = text
        self.save_state_changed.emit(text)

    def _saved(self, when: dt.datetime) -> None:
        if not self.lasting:
            return  # kept in memory only: the answers are still to be saved to a file
        self.unsaved = False
        self._set_save_state(self.tr("已保存 {time}").format(time=when.strftime("%H:%M:%S")))
        self.save_problem_changed.emit(None)

    def _failed(self, reason: str) -> None:
        self._set_save_state(self.tr("未能保存：{reason}").format(reason=reason))
        self.save_problem_changed.emit(reason)

    def kept_in_file(self) -> None:
        """The answers were saved to an answers file: nothing is lost when the window closes now."""
        self.unsaved = False

    # -- closing ---------------------------------------------------------------------------------------
    def close(self, *, before_the_store_closes: Callable[[], None] | None = None) -> bool:
        """The window closes: windows that edit parts of it first, then the last write, then the store; the
        open assessment stays remembered for the next start. False when edits could not be saved and the
        user chose to stay with them (nothing is closed)."""
        if not all(check() for check in list(self.close_checks)):
            return False
        if not self.detach():
            return False
        if before_the_store_closes is not None:
            before_the_store_closes()
        self.store.close()
        return True
