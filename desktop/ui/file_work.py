"""Work without a database: one assessment at a time, kept in a store in memory, opened from and saved to
answers files.

When no database can be opened (or a window is made for a session alone, as the tests and the screenshots
do), the open assessment's store is an SQLite database in memory: the same code keeps it as with a
database, but nothing lasts beyond the program. So, as a user meets it: there is no list of firms; 新建
and 打开答卷 replace the answers in the window (after asking, when there are any); closing with answers
not saved to a file asks first; 另存答卷 (the window's) is the way to keep them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop.engine import AnswersError, read_answers_file
from desktop.policy.registry import known_registry
from desktop.store import StoreError
from desktop.ui import dialogs
from desktop.ui.said import said_all
from desktop.wording import vocabulary

if TYPE_CHECKING:
    from desktop.ui.document import OpenAssessment
    from desktop.ui.work import Pages

MAX_PROBLEMS_SHOWN = 15


class FileWork(QObject):
    def __init__(self, document: OpenAssessment, pages: Pages) -> None:
        super().__init__(document)
        self.document = document
        self.pages = pages
        document.keep_as_new()  # what the session holds is the open assessment from now on

    def resume(self) -> None:
        self.pages.show_questionnaire()

    def _has_work(self) -> bool:
        session = self.document.session
        return bool(session.answers) or bool(session.enterprise.name)

    def _replace(self, load: Callable[[], None]) -> bool:
        """Other answers in the window (`load` puts them into the session): the store in memory holds the
        one firm shown, so the firm of the answers replaced goes with them."""
        document = self.document
        previous = document.assessment_id
        if not document.let_go():
            return False
        if previous is not None:
            with contextlib.suppress(StoreError):  # in memory: nothing can keep it from going
                document.store.delete_enterprise(document.store.get(previous).enterprise_id)
        load()
        return document.keep_as_new()

    def new(self) -> None:
        session = self.document.session
        if session.answers and not dialogs.question(
            self.document.widget,
            vocabulary.term("new_assessment", self.document.lang),
            self.tr("清空当前所有答案，开始填写另一家企业？未保存的答案将丢失。"),
        ):
            return
        if self._replace(session.reset):
            self.pages.show_questionnaire()

    def open_example(self, path: Path) -> bool:
        """培训示例: load a bundled example; asks first when answers would be replaced."""
        if self._has_work() and not dialogs.question(
            self.document.widget,
            self.tr("载入培训示例"),
            self.tr("载入示例会替换当前填写的所有答案。未保存的答案将丢失。继续吗？"),
        ):
            return False
        return self.open_file(path)

    def open_file(self, path: Path) -> bool:
        registry = known_registry()  # a file made with a pack the user added opens too
        try:
            answers_file, pack = read_answers_file(
                path, lambda policy, day: registry.get(policy) if policy else registry.for_date(day)
            )
        except AnswersError as exc:
            shown = said_all(exc.problems[:MAX_PROBLEMS_SHOWN])
            more = len(exc.problems) - len(shown)
            text = "\n".join(shown) + (self.tr("\n……另有 {n} 个问题").format(n=more) if more > 0 else "")
            dialogs.error(self.document.widget, self.tr("无法打开答卷"), text)
            return False
        if not self._replace(lambda: self.document.session.load(answers_file, pack)):
            return False
        self.pages.show_questionnaire()
        self.document.tell(self.tr("已打开 {name}").format(name=path.name), 5000)
        return True

    def show_home(self) -> bool:
        return False  # no list of firms without a database (the window does not offer it)

    def retranslate(self) -> None:
        """Nothing of its own on screen."""

    def refresh_windows(self) -> None:
        """No calendar of application windows without a database."""

    def close(self, *, ask: bool) -> bool:
        """Answers not saved to a file are asked about first (`ask`: the window's choice; off in tests)."""
        if (
            ask
            and self.document.unsaved
            and self._has_work()
            and not dialogs.question(
                self.document.widget,
                self.tr("退出"),
                self.tr("答卷还没有保存。不保存就退出吗？（可先用“文件 → 另存答卷…”保存）"),
            )
        ):
            return False
        return self.document.close()
