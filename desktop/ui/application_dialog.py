"""One application, item by item: the documents the clerk keeps (state, note, files in order) and where the
claim stands (submitted, accepted, 公示, paid or not granted), then the bound dossier.

The dialog only displays the `FilingState` and forwards input; every change is saved at once. Texts from
the pack, the guide, file names and the clerk's notes are shown as plain text, never as markup.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.engine.filing import (
    CLAIM_STATE_WORDS,
    CLAIM_STATES,
    DOCUMENT_STATE_WORDS,
    DOCUMENT_STATES,
    Claim,
    ClaimState,
    DocumentState,
    TrackedDocument,
    progress,
    tracked_documents,
)
from desktop.engine.filing_file import claim_problems
from desktop.engine.result import Assessment, ItemResult
from desktop.later import later
from desktop.money import MoneyError, format_yuan, parse_money
from desktop.policy.lists import list_for_document
from desktop.policy.model import Lang
from desktop.problems import Problem
from desktop.safe_read import size_text
from desktop.store import StoreError
from desktop.ui import dialogs, style
from desktop.ui.fields.date import DateError, parse_date
from desktop.ui.filing_state import FilingState
from desktop.ui.i18n import current_language
from desktop.ui.plain import PlainLabel, form_row
from desktop.ui.screen_fit import fit_window
from desktop.ui.session import AssessmentSession
from desktop.wording import vocabulary
from desktop.wording.applying import titled, window_detail
from desktop.wording.problems import word

if TYPE_CHECKING:
    from desktop.ui import dossier_output, list_import
else:
    # openpyxl, pypdf and ReportLab: loaded when a list is read or a dossier made, not with the window
    dossier_output = later("desktop.ui.dossier_output")
    list_import = later("desktop.ui.list_import")

ATTACH_FILTER = "PDF / JPEG / PNG (*.pdf *.jpg *.jpeg *.png)"
FILED = ("submitted_on", "channel", "reference")
LISTED = ("publicized_from", "publicized_to")


class ApplicationDialog(QDialog):
    """申报材料与进度 of one item."""

    def __init__(
        self,
        state: FilingState,
        result: Assessment,
        item: ItemResult,
        lang: Lang,
        parent: QWidget | None = None,
        session: AssessmentSession | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.session = session
        """The questionnaire's answers: to read a list in for a document that is one, and to check the typed
        figures against the lists before a dossier is bound."""
        self.assessment = result
        self.item = item
        self.lang: Lang = lang
        self._loading = False
        self._reopening = False
        self.setWindowTitle(self.tr("申报材料与进度"))
        layout = QVBoxLayout(self)

        heading = PlainLabel(self)
        heading.setText(
            f"{vocabulary.article_term(item.article, item.article_label, lang)} · {titled(item, result).get(lang)}"
        )
        style.heading(heading)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.facts = PlainLabel(self)
        self.facts.setWordWrap(True)
        layout.addWidget(self.facts)

        # documents on the left, the selected document's files on the right
        documents_box = QGroupBox(vocabulary.term("documents", lang), self)
        row = QHBoxLayout(documents_box)
        left = QVBoxLayout()
        self.progress_label = PlainLabel(self)
        left.addWidget(self.progress_label)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("材料"), self.tr("状态"), self.tr("备注")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(2, 150)
        self.table.itemSelectionChanged.connect(self._show_files)
        # rows as tall as their text at the columns' real width (see resizeEvent)
        self.table.itemChanged.connect(self._note_edited)
        left.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("添加其他材料…"), self)
        self.add_button.clicked.connect(self._add_document)
        self.remove_document_button = QPushButton(self.tr("删除此项"), self)
        self.remove_document_button.clicked.connect(self._remove_document)
        self.list_button = QPushButton(self.tr("从清单导入…"), self)
        self.list_button.setToolTip(
            self.tr("读入企业已有的清单（xlsx 或 CSV），逐行核对，合计填入答案并生成清单 PDF 附于此项")
        )
        self.list_button.clicked.connect(self._import_list)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_document_button)
        buttons.addWidget(self.list_button)
        buttons.addStretch(1)
        left.addLayout(buttons)
        row.addLayout(left, 3)

        right = QVBoxLayout()
        self.files_label = PlainLabel(self.tr("所选材料的文件"), self)
        right.addWidget(self.files_label)
        self.files = QListWidget(self)
        self.files.itemSelectionChanged.connect(self._update_buttons)
        self.files.itemDoubleClicked.connect(lambda _item: self._open_file())
        right.addWidget(self.files, 1)
        file_buttons = QHBoxLayout()
        self.attach_button = QPushButton(self.tr("附加文件…"), self)
        self.attach_button.clicked.connect(self._attach)
        self.open_button = QPushButton(self.tr("打开"), self)
        self.open_button.clicked.connect(self._open_file)
        self.up_button = QPushButton(self.tr("上移"), self)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button = QPushButton(self.tr("下移"), self)
        self.down_button.clicked.connect(lambda: self._move(1))
        self.detach_button = QPushButton(self.tr("移除"), self)
        self.detach_button.clicked.connect(self._detach)
        for button in (self.attach_button, self.open_button, self.up_button, self.down_button, self.detach_button):
            file_buttons.addWidget(button)
        right.addLayout(file_buttons)
        hint = PlainLabel(self.tr("可附加 PDF、JPEG、PNG；每个文件最多 50 MB。"), self)
        style.muted(hint)
        right.addWidget(hint)
        row.addLayout(right, 2)
        layout.addWidget(documents_box, 1)

        layout.addWidget(self._claim_box())
        self.claim_message = PlainLabel(self)
        self.claim_message.setWordWrap(True)
        style.error_text(self.claim_message)
        # a fixed place for the message: a line that appears must not push the fields below it down
        self.claim_message.setMinimumHeight(self.fontMetrics().lineSpacing() * 2)
        layout.addWidget(self.claim_message)

        bottom = QDialogButtonBox(self)
        self.dossier_button = bottom.addButton(self.tr("生成申报材料 PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.dossier_button.clicked.connect(self._dossier)
        close = bottom.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.accept)
        layout.addWidget(bottom)

        state.changed.connect(self._refresh)
        state.conflicted.connect(self._conflicted)
        state.closing.connect(self._close_now)
        state.release_checks.append(self._may_let_go)
        self._discard_confirmed = False
        self._refresh()
        fit_window(self, 1040, 680)

    # -- the claim form --------------------------------------------------------------------------------
    def _claim_box(self) -> QGroupBox:
        box = QGroupBox(vocabulary.term("claim", self.lang), self)
        grid = QHBoxLayout(box)
        first, second, third = QFormLayout(), QFormLayout(), QFormLayout()
        self.claim_state = QComboBox(self)
        self.claim_state.addItem(self.tr("（未记录）"), None)
        for key in CLAIM_STATES:
            self.claim_state.addItem(CLAIM_STATE_WORDS[key].get(self.lang), key)
        self.claim_state.activated.connect(lambda _i: self._state_chosen())
        self.fields: dict[str, QLineEdit] = {}

        def line(key: str, placeholder: str = "", width: int = 0) -> QLineEdit:
            edit = QLineEdit(self)
            edit.setPlaceholderText(placeholder)
            if width:
                edit.setMaximumWidth(width)
            edit.editingFinished.connect(self._save_claim)
            self.fields[key] = edit
            return edit

        day = self.tr("年-月-日")
        form_row(first, self.tr("状态"), self.claim_state)
        form_row(first, self.tr("提交日期"), line("submitted_on", day, 130))
        form_row(first, self.tr("受理日期"), line("accepted_on", day, 130))
        form_row(second, self.tr("申报方式 / 平台"), line("channel"))
        form_row(second, self.tr("申报编号"), line("reference"))
        form_row(
            second, self.tr("公示期"), self._pair(line("publicized_from", day, 110), line("publicized_to", day, 110))
        )
        form_row(third, self.tr("拨付金额（元）"), line("paid_amount", "", 160))
        form_row(third, self.tr("拨付日期"), line("paid_on", day, 130))
        form_row(third, self.tr("未获支持的原因"), line("reason"))
        form_row(first, self.tr("备注"), line("note"))
        for form in (first, second, third):
            grid.addLayout(form, 1)
        return box

    # the fields a state has: a payment only once paid, a reason only when not granted
    STATE_FIELDS: dict[str | None, tuple[str, ...]] = {  # noqa: RUF012 (read only)
        None: (),
        "preparing": ("note",),
        "submitted": ("submitted_on", "channel", "reference", "note"),
        "accepted": (*FILED, "accepted_on", "note"),
        "publicized": (*FILED, "accepted_on", *LISTED, "note"),
        "paid": (*FILED, "accepted_on", *LISTED, "paid_amount", "paid_on", "note"),
        "rejected": (*FILED, "accepted_on", "reason", "note"),
        "no_application": (*LISTED, "note"),
    }

    def _enable_fields(self) -> None:
        wanted = self.STATE_FIELDS.get(self.claim_state.currentData(), ())
        for key, edit in self.fields.items():
            edit.setEnabled(key in wanted or bool(edit.text().strip()))  # a value typed is never hidden

    def _state_chosen(self) -> None:
        self._enable_fields()
        self._save_claim()

    def _pair(self, a: QWidget, b: QWidget) -> QWidget:
        holder = QWidget(self)
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(a)
        row.addWidget(PlainLabel("–", holder))
        row.addWidget(b)
        return holder

    def _claim_from_form(self) -> Claim | str | None:
        """The claim as typed (None: no claim), or why it cannot be saved."""
        state: ClaimState | None = self.claim_state.currentData()
        if state is None:
            return None
        values: dict[str, object] = {}
        for key in ("submitted_on", "accepted_on", "publicized_from", "publicized_to", "paid_on"):
            text = self.fields[key].text().strip()
            if text:
                try:
                    values[key] = parse_date(text)
                except DateError as exc:  # named by its field, as the amount is
                    names = {
                        "submitted_on": self.tr("提交日期"),
                        "accepted_on": self.tr("受理日期"),
                        "publicized_from": self.tr("公示期"),
                        "publicized_to": self.tr("公示期"),
                        "paid_on": self.tr("拨付日期"),
                    }
                    return self.tr("{field}：{reason}").format(field=names[key], reason=str(exc))
        amount = self.fields["paid_amount"].text().strip()
        paid: Decimal | None = None
        if amount:
            try:
                paid = parse_money(amount)
            except MoneyError as exc:  # named by its field: the form has five boxes of figures and dates
                return self.tr("拨付金额：{reason}").format(reason=word(exc.problem, self.lang))
        claim = Claim(
            state,
            submitted_on=_day(values, "submitted_on"),
            channel=self.fields["channel"].text().strip(),
            reference=self.fields["reference"].text().strip(),
            accepted_on=_day(values, "accepted_on"),
            publicized_from=_day(values, "publicized_from"),
            publicized_to=_day(values, "publicized_to"),
            paid_amount=paid,
            paid_on=_day(values, "paid_on"),
            reason=self.fields["reason"].text().strip(),
            note=self.fields["note"].text().strip(),
        )
        problems = claim_problems(claim, self.state.today())
        if problems:
            return self.tr("；").join(word(problem, self.lang) for _field, problem in problems)
        return claim

    def _save_claim(self) -> None:
        if self._loading:
            return
        claim = self._claim_from_form()
        if isinstance(claim, str):
            self.claim_message.setText(claim)  # kept in the form, not saved until it can be
            return
        if claim == self.state.filing.claim(self.item.id):
            self.claim_message.clear()
            return
        try:
            self.state.set_claim(self.item.id, claim)
        except StoreError as exc:
            self.claim_message.setText(word(exc.problem, self.lang))
            return
        self.claim_message.clear()

    # -- showing ---------------------------------------------------------------------------------------
    def _tracked(self) -> list[TrackedDocument]:
        return tracked_documents(self.item.documents, self.state.filing.documents.get(self.item.id, {}))

    def _refresh(self) -> None:
        self._loading = True
        lang = self.lang
        amount = (
            vocabulary.yuan_and_large(self.item.amount, lang)
            if self.item.amount is not None
            else self.tr("金额以申报通知为准")
        )
        window = window_detail(self.item, self.assessment, self.state.today())
        said = self.tr("申报窗口：{window}")
        self.facts.setText(amount + ("" if window is None else "\n" + said.format(window=window.get(lang))))
        tracked = self._tracked()
        self.progress_label.setText(progress(tracked).text().get(lang))
        chosen = self._selected_document()
        self.table.setRowCount(len(tracked))
        for row, document in enumerate(tracked):
            name = document.text.get(lang) + ("" if document.listed else self.tr("（自行添加）"))
            cell = QTableWidgetItem(name)
            cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
            cell.setData(Qt.ItemDataRole.UserRole, document.id)
            count = len(document.record.files)
            if count:
                cell.setToolTip(self.tr("{n} 个文件").format(n=count))
            self.table.setItem(row, 0, cell)
            combo = QComboBox(self.table)
            for state in DOCUMENT_STATES:
                combo.addItem(DOCUMENT_STATE_WORDS[state].get(lang), state)
            combo.setCurrentIndex(DOCUMENT_STATES.index(document.record.state))
            combo.activated.connect(lambda _i, d=document.id, c=combo: self._state_picked(d, c))
            self.table.setCellWidget(row, 1, combo)
            self.table.setItem(row, 2, QTableWidgetItem(document.record.note))
        self.table.resizeRowsToContents()
        rows = [d.id for d in tracked]
        self.table.selectRow(rows.index(chosen) if chosen in rows else 0)
        claim = self.state.filing.claim(self.item.id)
        self.claim_state.setCurrentIndex(0 if claim is None else CLAIM_STATES.index(claim.state) + 1)
        for key, edit in self.fields.items():
            value = None if claim is None else getattr(claim, key)
            # an amount as a clerk writes it (360,000.00), which the field reads back as typed
            edit.setText("" if value is None else (format_yuan(value) if isinstance(value, Decimal) else str(value)))
        self._enable_fields()
        self._loading = False
        self._show_files()

    def _selected_document(self) -> str | None:
        row = self.table.currentRow()
        cell = self.table.item(row, 0) if row >= 0 else None
        return None if cell is None else str(cell.data(Qt.ItemDataRole.UserRole))

    def _document(self) -> TrackedDocument | None:
        ident = self._selected_document()
        return next((d for d in self._tracked() if d.id == ident), None)

    def _show_files(self) -> None:
        self.files.clear()
        document = self._document()
        if document is not None:
            self.files_label.setText(self.tr("“{name}”的文件").format(name=document.text.get(self.lang)))
            for ref in document.record.files:
                pages = self.tr("{n} 页").format(n=ref.pages)
                said = self.tr("{name}（{pages}，{size}）").format(name=ref.name, pages=pages, size=size_text(ref.size))
                entry = QListWidgetItem(said)
                entry.setData(Qt.ItemDataRole.UserRole, ref.stored)
                self.files.addItem(entry)
        self._update_buttons()

    def _update_buttons(self) -> None:
        document = self._document()
        picked = self.files.currentItem() is not None
        self.attach_button.setEnabled(document is not None)
        for button in (self.open_button, self.up_button, self.down_button, self.detach_button):
            button.setEnabled(picked)
        self.remove_document_button.setEnabled(document is not None and not document.listed)
        self.list_button.setVisible(self._list_of(document) is not None)

    # -- input -----------------------------------------------------------------------------------------
    def _state_picked(self, document_id: str, combo: QComboBox) -> None:
        chosen: DocumentState = combo.currentData()
        self._guarded(lambda: self.state.set_document(self.item.id, document_id, state=chosen))

    def _note_edited(self, cell: QTableWidgetItem) -> None:
        if self._loading or cell.column() != 2:
            return
        name = self.table.item(cell.row(), 0)
        if name is None:
            return
        document_id = str(name.data(Qt.ItemDataRole.UserRole))
        self._guarded(lambda: self.state.set_document(self.item.id, document_id, note=cell.text()))

    def _add_document(self) -> None:
        title = dialogs.text(
            self, self.tr("添加其他材料"), self.tr("材料名称（如：申报表（当期通知附件）、情况说明）：")
        )
        if title and title.strip():
            before = {d.id for d in self._tracked()}
            self._guarded(lambda: self.state.add_document(self.item.id, title[:200]))
            added = [row for row, d in enumerate(self._tracked()) if d.id not in before]
            if added:  # the new one is where the clerk's next step is: selected and in view
                self.table.selectRow(added[0])
                self.table.scrollTo(self.table.model().index(added[0], 0))

    def _remove_document(self) -> None:
        document = self._document()
        if document is None or document.listed:
            return
        files = len(document.record.files)
        text = self.tr("删除“{name}”及其 {n} 个文件？").format(name=document.text.get(self.lang), n=files)
        if dialogs.question(self, self.tr("删除此项"), text):
            self._guarded(lambda: self.state.remove_document(self.item.id, document.id))

    def _list_of(self, document: TrackedDocument | None) -> object:
        if document is None or self.session is None:
            return None
        return list_for_document(self.session.pack, self.item.id, document.id)

    def _import_list(self) -> None:
        document = self._document()
        if document is None or self.session is None:
            return
        if list_import.open_for_document(self, self.session, self.item.id, document.id) is not None:
            self.state.reload()

    def _attach(self) -> None:
        document = self._document()
        if document is None:
            return
        paths = dialogs.open_files(self, self.tr("附加文件"), ATTACH_FILTER)
        if not paths:
            return
        problems = self.state.attach(self.item.id, document.id, paths)
        if problems:
            line = self.tr("{name}：{reason}")
            said = "\n".join(line.format(name=name, reason=word(why, self.lang)) for name, why in problems)
            dialogs.warning(self, self.tr("部分文件未附加"), said)

    def _file_id(self) -> int | None:
        entry = self.files.currentItem()
        return None if entry is None else int(entry.data(Qt.ItemDataRole.UserRole))

    def _open_file(self) -> None:
        ident = self._file_id()
        entry = self.files.currentItem()
        if ident is not None and entry is not None:
            self._guarded(lambda: self.state.open_attachment(ident, entry.text()))

    def _move(self, step: int) -> None:
        ident = self._file_id()
        if ident is not None:
            self._guarded(lambda: self.state.move_attachment(ident, step))

    def _detach(self) -> None:
        ident = self._file_id()
        entry = self.files.currentItem()
        if ident is None or entry is None:
            return
        if dialogs.question(self, self.tr("移除"), self.tr("移除文件“{name}”？").format(name=entry.text())):
            self._guarded(lambda: self.state.remove_attachment(ident))

    def _guarded(self, action: object) -> None:
        try:
            action()  # type: ignore[operator]
        except StoreError as exc:
            dialogs.error(self, self.windowTitle(), word(exc.problem, self.lang))

    def _conflicted(self, problem: Problem) -> None:
        dialogs.warning(self, self.windowTitle(), word(problem, self.lang))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        """Measured before the dialog was laid out, the rows came out some 100 pixels tall at a narrow first
        column and hid one another: measured again at the width they have."""
        super().resizeEvent(event)
        QTimer.singleShot(0, self.table, self.table.resizeRowsToContents)

    # -- closing ---------------------------------------------------------------------------------------
    def unsaved_claim(self) -> str | None:
        """Why the claim as typed is not saved (a future date, an amount that is not one), or None when the
        form holds nothing unsaved."""
        claim = self._claim_from_form()
        return claim if isinstance(claim, str) else None

    def done(self, result: int) -> None:
        """关闭, Esc or the title bar's ×: a claim typed but not saved is never dropped without a question."""
        if not self._may_let_go():
            return
        if self._may_let_go in self.state.release_checks:
            self.state.release_checks.remove(self._may_let_go)
        super().done(result)

    def _may_let_go(self) -> bool:
        """True when nothing typed would be lost, or the clerk chose to discard it; False (the dialog comes
        to the front) when the clerk goes back to correct it. Asked on closing the dialog, and before the
        window lets go of the assessment (the list, another assessment, quitting)."""
        reason = None if self._discard_confirmed else self.unsaved_claim()
        if reason is None:
            return True
        answer = dialogs.choice(
            self,
            self.windowTitle(),
            self.tr("申报进度中有未保存的内容：{reason}\n关闭将放弃这些内容。").format(reason=reason),
            [self.tr("返回修改"), self.tr("放弃并关闭")],
        )
        if answer == 1:
            self._discard_confirmed = True
            return True
        self.raise_()
        self.activateWindow()
        return False

    def _close_now(self) -> None:
        """The assessment closes (or the dialog opens again in another language): no question here."""
        self._discard_confirmed = True
        self.close()

    # -- language --------------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        """语言 switched while the dialog is open: it opens again in the new language where it was (built
        anew, as the main window's pages are; nothing typed is lost, every change is already saved)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and not self._reopening:
            self._reopening = True
            QTimer.singleShot(0, self._reopen)

    def _reopen(self) -> None:
        lang: Lang = "en" if current_language() == "en" else "zh"
        if lang == self.lang:
            self._reopening = False
            return
        again = show_application(self.state, self.assessment, self.item, lang, self.parentWidget(), self.session)
        again.setGeometry(self.geometry())
        chosen = self._selected_document()
        rows = [d.id for d in again._tracked()]
        if chosen in rows:
            again.table.selectRow(rows.index(chosen))
        if self.unsaved_claim() is not None:  # what was typed and not saved goes along, with its message
            again._loading = True
            again.claim_state.setCurrentIndex(self.claim_state.currentIndex())
            for key, edit in self.fields.items():
                again.fields[key].setText(edit.text())
            again._loading = False
            again._enable_fields()
            again._save_claim()
        self._close_now()

    # -- the dossier -----------------------------------------------------------------------------------
    def _dossier(self) -> None:
        if self.session is None or list_import.confirm_list_figures(self, self.session):
            dossier_output.save_dossier(self, self.state, self.assessment, self.item, self.lang)


def _day(values: dict[str, object], key: str) -> dt.date | None:
    value = values.get(key)
    return value if isinstance(value, dt.date) else None


def show_application(
    state: FilingState,
    result: Assessment,
    item: ItemResult,
    lang: Lang,
    parent: QWidget | None = None,
    session: AssessmentSession | None = None,
) -> ApplicationDialog:
    dialog = ApplicationDialog(state, result, item, lang, parent, session)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
