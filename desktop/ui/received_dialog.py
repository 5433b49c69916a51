"""已获拨付记录: the amounts the enterprise received, which the rules read as "already received" (a 差额
award's `minus`, a combined cap, the items paid already in "no other funds for the same project").

Paid claims of the enterprise's other assessments are listed as they are (they change where they were
recorded); amounts from before the program was used, or from answers files, are recorded and removed here.
The dialog only displays the `FilingState` and forwards input; every change is saved at once.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
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
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.engine.filing import Received, received_name
from desktop.money import MoneyError, format_yuan, parse_money
from desktop.policy.model import Lang, Pack
from desktop.store import StoreError
from desktop.store.filing import ANSWERS_SOURCE, HAND_SOURCE
from desktop.ui import dialogs, style
from desktop.ui.fields.date import DateError, parse_date
from desktop.ui.filing_state import FilingState
from desktop.ui.plain import PlainLabel, form_row, tip
from desktop.ui.said import error_text, report_error, said
from desktop.ui.screen_fit import fit_window
from desktop.wording import vocabulary

MAX_TITLE = 200
MAX_NOTE = 500


class ReceivedDialog(QDialog):
    """The enterprise's amounts received, with a form to record one by hand."""

    def __init__(
        self, state: FilingState, packs: list[Pack], pack: Pack, lang: Lang, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.state, self.lang = state, lang
        self.packs = {p.id: p for p in sorted(packs, key=lambda p: p.id)}
        self.packs.setdefault(pack.id, pack)
        self.setWindowTitle(self.tr("已获拨付记录"))
        layout = QVBoxLayout(self)
        intro = PlainLabel(
            self.tr(
                "本企业已获得的扶持资金。本程序中其他评估记录为“已拨付”的申报自动列入；"
                "此前或经其他渠道获得的资金可在下方手工记录。规则中的“已获支持”“差额”和“同一项目不得重复支持”读取这些记录。"
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTreeWidget(self)
        self.table.setHeaderLabels(
            [
                self.tr("拨付日期"),
                self.tr("政策"),
                vocabulary.term("item", lang),
                vocabulary.with_unit("amount", "yuan", lang),
                self.tr("来源"),
                self.tr("备注"),
            ]
        )
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        header = self.table.header()
        header.setStretchLastSection(True)
        for column, width in enumerate((100, 150, 200, 130, 150)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        layout.addWidget(self.table, 1)
        self.total = PlainLabel(self)
        style.bold(self.total)
        row = QHBoxLayout()
        row.addWidget(self.total, 1)
        self.delete_button = QPushButton(self.tr("删除所选记录"), self)
        self.delete_button.clicked.connect(lambda: self.delete_selected())
        row.addWidget(self.delete_button)
        layout.addLayout(row)

        box = QGroupBox(self.tr("手工记录一笔"), self)
        form = QFormLayout(box)
        self.policy = QComboBox(box)
        for pack_id, known in self.packs.items():
            self.policy.addItem(self.tr("{title}（{id}）").format(title=known.title.get(lang), id=pack_id), pack_id)
        self.policy.setCurrentIndex(self.policy.findData(pack.id))
        self.policy.currentIndexChanged.connect(lambda _i: self._fill_items())
        form_row(form, self.tr("政策"), self.policy)
        self.item = QComboBox(box)
        form_row(form, vocabulary.term("item", lang), self.item)
        self.title = QLineEdit(box)
        self.title.setMaxLength(MAX_TITLE)
        self.title.setPlaceholderText(self.tr("可不填：默认为支持项目名称"))
        form_row(form, self.tr("名称"), self.title)
        self.amount = QLineEdit(box)
        self.amount.setPlaceholderText(self.tr("例如 200000 或 20万"))
        form_row(form, vocabulary.with_unit("amount", "yuan", lang), self.amount)
        self.paid_on = QLineEdit(box)
        self.paid_on.setPlaceholderText("2025-06-18")
        form_row(form, self.tr("拨付日期"), self.paid_on)
        self.note = QLineEdit(box)
        self.note.setMaxLength(MAX_NOTE)
        form_row(form, self.tr("备注"), self.note)
        self.message = PlainLabel(box)
        style.error_text(self.message)
        self.message.setWordWrap(True)
        form.addRow(self.message)
        self.add_button = QPushButton(self.tr("记录"), box)
        self.add_button.clicked.connect(lambda: self.add())
        form.addRow(self.add_button)
        layout.addWidget(box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._fill_items()
        state.changed.connect(self.refresh)
        fit_window(self, 900, 640)
        self.refresh()

    # -- showing ---------------------------------------------------------------------------------------
    def _fill_items(self) -> None:
        self.item.clear()
        pack = self.packs.get(str(self.policy.currentData()))
        if pack is None:
            return
        for _measure, item in pack.items():
            if item.kind != "service":
                self.item.addItem(item.title.get(self.lang), item.id)

    def _policy_name(self, policy: str) -> str:
        pack = self.packs.get(policy)
        return pack.title.get(self.lang) if pack is not None else policy

    def _item_name(self, received: Received) -> str:
        return received_name(received, self.packs.get(received.policy), self.lang)

    def _source(self, source: str) -> str:
        if source == HAND_SOURCE:
            return self.tr("手工记录")
        if source.startswith(ANSWERS_SOURCE):
            return self.tr("答卷 {file}").format(file=source.removeprefix(ANSWERS_SOURCE))
        return source

    def refresh(self) -> None:
        try:
            recorded = self.state.recorded()
        except StoreError as exc:
            report_error(self, self.windowTitle(), exc)
            return
        self.table.clear()
        history = list(self.state.received)
        rows: list[tuple[Received, str, int | None]] = []
        for stored in recorded:
            rows.append((stored.received, self._source(stored.source), stored.id))
            if stored.received in history:
                history.remove(stored.received)
        # what is left of the history: the paid claims of the enterprise's other assessments
        rows += [(received, self.tr("其他评估的申报记录"), None) for received in history]
        for received, source, stored_id in sorted(rows, key=lambda r: (r[0].paid_on, r[0].policy, r[0].item)):
            entry = QTreeWidgetItem(
                self.table,
                [
                    received.paid_on.isoformat(),
                    self._policy_name(received.policy),
                    self._item_name(received),
                    format_yuan(received.amount),
                    source,
                    received.note,
                ],
            )
            entry.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            entry.setData(0, Qt.ItemDataRole.UserRole, stored_id)
            entry.setData(3, Qt.ItemDataRole.UserRole, received.amount)
            for column in range(6):
                entry.setToolTip(column, tip(entry.text(column)))
        total = sum((r[0].amount for r in rows), Decimal(0))
        self.total.setText(
            self.tr("共 %n 笔，合计 {amount}", "", len(rows)).format(amount=vocabulary.yuan_and_large(total, self.lang))
            if rows
            else self.tr("尚无已获拨付记录。")
        )
        self._update_buttons()

    def _selected_id(self) -> int | None:
        entry = self.table.currentItem()
        if entry is None or not entry.isSelected():
            return None
        value = entry.data(0, Qt.ItemDataRole.UserRole)
        return value if isinstance(value, int) else None

    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(self._selected_id() is not None)
        entry = self.table.currentItem()
        self.delete_button.setToolTip(
            tip(self.tr("其他评估的申报记录请在该评估的“申报材料与进度”中修改。"))
            if entry is not None and self._selected_id() is None
            else ""
        )

    # -- changing --------------------------------------------------------------------------------------
    def _from_form(self) -> Received | str:
        """The amount the form describes, or why it cannot be recorded."""
        item_id = self.item.currentData()
        if not isinstance(item_id, str):
            return self.tr("请选择支持项目。")
        text = self.amount.text().strip()
        if not text:
            return self.tr("请填写金额。")
        try:
            amount = parse_money(text)
        except MoneyError as exc:
            return said(exc.problem)
        if amount <= 0:
            return self.tr("金额应大于 0。")
        day_text = self.paid_on.text().strip()
        if not day_text:
            return self.tr("请填写拨付日期。")
        try:
            day = parse_date(day_text)
        except DateError as exc:
            return str(exc)
        if day > self.state.today():
            return self.tr("拨付日期 {day} 晚于今天。").format(day=day.isoformat())
        policy = str(self.policy.currentData())
        return Received(policy, item_id, amount, day, self.title.text().strip(), self.note.text().strip())

    def add(self) -> bool:
        """Record the amount of the form; whether it was recorded."""
        found = self._from_form()
        if isinstance(found, str):
            self.message.setText(found)
            return False
        try:
            added = self.state.add_received(found)
        except StoreError as exc:
            self.message.setText(error_text(exc))
            return False
        if not added:
            self.message.setText(self.tr("已有同一笔记录（同一政策、项目、金额和日期），未重复记录。"))
            return False
        self.message.clear()
        for field in (self.title, self.amount, self.paid_on, self.note):
            field.clear()
        return True

    def delete_selected(self) -> None:
        stored_id = self._selected_id()
        if stored_id is None:
            return
        entry = self.table.currentItem()
        assert entry is not None
        text = self.tr("删除这笔记录？\n{day} {item} {amount}").format(
            day=entry.text(0),
            item=entry.text(2),
            amount=vocabulary.yuan(entry.data(3, Qt.ItemDataRole.UserRole), self.lang),
        )
        if not dialogs.question(self, self.tr("删除记录"), text):
            return
        try:
            self.state.delete_received(stored_id)
        except StoreError as exc:
            report_error(self, self.windowTitle(), exc)
