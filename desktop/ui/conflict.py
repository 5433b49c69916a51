"""A save refused because the assessment was saved elsewhere in between: say what changed there, keep both.

Another copy of the program, or a colleague on the shared server, saved the assessment after this
window opened it (desktop.store's ConflictError). Overwriting would silently revert their work;
dropping ours would lose it. So the user sees what changed elsewhere and chooses which version to go
on with; the other is never thrown away:

- 载入别处的版本: the window shows the stored version; the user's edits become a new draft of the
  same enterprise ("我的版本（… 保存冲突）"), listed on the start page;
- 继续编辑我的版本: the user's edits become that new draft and the window goes on with it; the stored
  version stays as it is.

Closing the dialog without a choice, or a conflict found while the window closes or opens another
assessment, keeps the user's edits as the copy too, and says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QWidget

from desktop.money import format_yuan
from desktop.policy.model import Lang, Pack
from desktop.quoting import clip
from desktop.store.errors import ConflictError, StoreError, local_time
from desktop.store.records import StoredAssessment
from desktop.ui import dialogs
from desktop.ui.said import error_text
from desktop.wording import vocabulary

if TYPE_CHECKING:
    from desktop.store import Store
    from desktop.ui.autosave import Autosaver
    from desktop.ui.session import AssessmentSession

MAX_LINES = 12


def _shown(pack: Pack, key: str, value: object, lang: Lang) -> str:
    """A stored answer (answers-file JSON form) as a person reads it."""
    if value is None or value == "":
        return QCoreApplication.translate("Conflict", "（未填写）")
    question = pack.question(key)
    if isinstance(value, bool):
        return QCoreApplication.translate("Conflict", "是") if value else QCoreApplication.translate("Conflict", "否")
    if isinstance(value, list) and question is not None and question.type == "items":
        titles = [c.label.get(lang) for c in question.choices if c.value in value]
        return vocabulary.join_units(titles, lang) if titles else QCoreApplication.translate("Conflict", "无")
    if isinstance(value, list):
        return QCoreApplication.translate("Conflict", "{n} 条记录").format(n=len(value))
    if question is not None and question.type == "choice":
        choice = question.choice(str(value))
        if choice is not None:
            return choice.label.get(lang)
    if question is not None and question.type == "money":
        try:
            return f"{format_yuan(Decimal(str(value)))} " + QCoreApplication.translate("Conflict", "元")
        except InvalidOperation:
            pass
    return clip(str(value), 40)


def _change(what: str, before: str, after: str) -> str:
    return QCoreApplication.translate("Conflict", "{what}：{before} → {after}").format(
        what=what, before=before, after=after
    )


def changes_elsewhere(base: Mapping[str, object], theirs: StoredAssessment, pack: Pack, lang: Lang) -> list[str]:
    """What the stored version changed compared with what these edits started from, one line each."""
    lines: list[str] = []
    if theirs.is_final:
        lines.append(QCoreApplication.translate("Conflict", "别处已将这份评估定稿"))
    before_enterprise = base.get("enterprise")
    before_enterprise = before_enterprise if isinstance(before_enterprise, Mapping) else {}
    names = {
        "name": vocabulary.term("enterprise", lang),
        "credit_code": vocabulary.term("credit_code", lang),
        "town": vocabulary.term("town", lang),
        "contact": QCoreApplication.translate("Conflict", "联系人"),
        "phone": QCoreApplication.translate("Conflict", "联系电话"),
    }
    empty = QCoreApplication.translate("Conflict", "（未填写）")
    for key, name in names.items():
        was, now = str(before_enterprise.get(key, "") or ""), str(getattr(theirs.enterprise, key) or "")
        if was != now:
            lines.append(_change(name, clip(was, 40) or empty, clip(now, 40) or empty))
    before_day = base.get("assessed_on")
    after_day = theirs.assessed_on.isoformat() if theirs.assessed_on else None
    if before_day != after_day:
        lines.append(
            QCoreApplication.translate("Conflict", "{what}：{old} → {new}").format(
                what=vocabulary.term("assessed_on", lang), old=before_day or "—", new=after_day or "—"
            )
        )
    before_answers = base.get("answers")
    before_answers = before_answers if isinstance(before_answers, Mapping) else {}
    for key in [*before_answers, *(k for k in theirs.answers if k not in before_answers)]:
        old, new = before_answers.get(key), theirs.answers.get(key)
        if old == new:
            continue
        question = pack.question(key)
        name = question.label.get(lang) if question is not None else key
        lines.append(_change(clip(name, 40), _shown(pack, key, old, lang), _shown(pack, key, new, lang)))
    if len(lines) > MAX_LINES:
        lines = [
            *lines[: MAX_LINES - 1],
            QCoreApplication.translate("Conflict", "……另有 {n} 处修改").format(n=len(lines) - MAX_LINES + 1),
        ]
    return lines or [QCoreApplication.translate("Conflict", "（内容相同，只是保存时间不同）")]


class ConflictOwner(Protocol):
    """What the resolver needs of the open assessment (`desktop.ui.document.OpenAssessment`)."""

    @property
    def store(self) -> Store: ...

    @property
    def session(self) -> AssessmentSession: ...

    @property
    def autosaver(self) -> Autosaver | None: ...

    @property
    def widget(self) -> QWidget: ...

    def open(self, assessment_id: int) -> bool: ...

    def tell(self, text: str, milliseconds: int) -> None: ...


class ConflictResolver(QObject):
    """Handles the autosaver's `conflicted` for one opened assessment (the open assessment connects it)."""

    RELOAD, KEEP_MINE = 0, 1

    def __init__(self, owner: ConflictOwner, saver: Autosaver) -> None:
        super().__init__(saver)
        self.owner = owner
        self.saver = saver
        self.assessment_id = saver.assessment_id
        self.done = False

    def resolve(self, conflict: ConflictError, stopping: bool) -> None:
        if stopping:  # the window is closing or moving on: no question, the edits are kept as a copy
            self._keep(conflict, None, stopping=True)
        else:  # asked once the save that found it has returned
            QTimer.singleShot(0, lambda: self._ask(conflict))

    def _ask(self, conflict: ConflictError) -> None:
        owner = self.owner
        if self.done or owner.autosaver is not self.saver:
            return
        theirs = conflict.theirs
        assert isinstance(theirs, StoredAssessment)
        lines = changes_elsewhere(self.saver.base or {}, theirs, owner.session.pack, owner.session.lang)
        text = (
            QCoreApplication.translate(
                "Conflict",
                "这份评估已在别处（另一个窗口、另一台电脑或另一位同事）于 {time} 保存过，"
                "你在这里的修改没有覆盖它。\n\n别处的修改：",
            ).format(time=local_time(theirs.updated_at))
            + "\n"
            + "\n".join(f"• {line}" for line in lines)
            + "\n\n"
            + QCoreApplication.translate(
                "Conflict", "两个版本都会保留：你的修改另存为一份新的草稿。请选择接下来编辑哪一个。"
            )
        )
        options = [
            QCoreApplication.translate("Conflict", "载入别处的版本"),
            QCoreApplication.translate("Conflict", "继续编辑我的版本"),
        ]
        choice = dialogs.choice(
            owner.widget, QCoreApplication.translate("Conflict", "这份评估已在别处修改"), text, options
        )
        self._keep(conflict, choice, stopping=False)

    def _keep(self, conflict: ConflictError, choice: int | None, *, stopping: bool) -> None:
        if self.done:
            return
        owner = self.owner
        session = owner.session
        label = QCoreApplication.translate("Conflict", "我的版本（{time} 保存冲突）").format(
            time=dt.datetime.now().strftime("%m-%d %H:%M")
        )
        try:
            copy_id = owner.store.keep_as_copy(conflict, session.to_answers_file(), self.saver.base or {}, label)
        except StoreError as exc:
            dialogs.error(
                owner.widget,
                QCoreApplication.translate("Conflict", "无法另存副本"),
                error_text(exc)
                + "\n\n"
                + QCoreApplication.translate("Conflict", "你的修改仍在窗口中；请用“文件 → 另存答卷…”保存到文件。"),
            )
            return
        self.done = True
        kept = QCoreApplication.translate(
            "Conflict", "你的修改已另存为新的草稿“{label}”，在企业列表中可以找到；别处保存的版本保持不变。"
        ).format(label=label)
        if stopping:
            dialogs.information(owner.widget, QCoreApplication.translate("Conflict", "这份评估已在别处修改"), kept)
        elif choice == self.RELOAD:
            owner.open(self.assessment_id)
            owner.tell(QCoreApplication.translate("Conflict", "已载入别处的版本。") + kept, 15000)
        else:
            owner.open(copy_id)
            owner.tell(kept, 15000)
