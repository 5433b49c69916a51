"""The results page's 申报材料与进度 tab: per item the enterprise applies for, how far its documents are
and where its claim stands; the item's own view (documents, files, claim, dossier) opens from here.

The records live in the database with the assessment (`FilingState`); without one (a what-if scenario,
answers kept only in the window) the tab is not shown.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.engine.filing import claim_text, progress, tracked_documents
from desktop.engine.result import Assessment, ItemResult
from desktop.later import later
from desktop.ui import style
from desktop.ui.pages.result_rows import figure, measure_text
from desktop.ui.plain import PlainLabel, tip
from desktop.wording import vocabulary
from desktop.wording.applying import applies, titled

if TYPE_CHECKING:  # the store (SQLAlchemy) is imported after the first window shows: not here
    from desktop.ui import application_dialog, dossier_output, list_import, received_dialog
    from desktop.ui.filing_state import FilingState
    from desktop.ui.session import AssessmentSession
else:
    # the dialogs and the dossier (ReportLab, pypdf, openpyxl): loaded on their first use, not at start-up
    application_dialog = later("desktop.ui.application_dialog")
    dossier_output = later("desktop.ui.dossier_output")
    list_import = later("desktop.ui.list_import")
    received_dialog = later("desktop.ui.received_dialog")


class ApplicationsTab(QWidget):
    def __init__(self, session: AssessmentSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        lang = self.lang = session.lang
        self.state: FilingState | None = None
        self.result: Assessment | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        # one row above the list (a note that gives way, then the buttons): the tab stays as short as the
        # others, so the questionnaire still fits a 1280×720 projector
        row = QHBoxLayout()
        self.note = PlainLabel(self)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        style.muted(self.note)
        row.addWidget(self.note, 1)
        self.open_button = QPushButton(self.tr("材料与进度…"), self)
        self.open_button.clicked.connect(self.open_selected)
        self.dossier_button = QPushButton(self.tr("生成申报材料 PDF…"), self)
        self.dossier_button.clicked.connect(self._dossier)
        self.received_button = QPushButton(self.tr("已获拨付记录…"), self)
        self.received_button.setToolTip(
            tip(self.tr("本企业已获得的扶持资金：其他评估的已拨付申报，以及此前或其他渠道获得、在此手工记录的资金。"))
        )
        self.received_button.clicked.connect(lambda: self.show_received())
        row.addWidget(self.open_button)
        row.addWidget(self.dossier_button)
        row.addWidget(self.received_button)
        layout.addLayout(row)
        term = vocabulary.term
        self.tree = QTreeWidget(self)
        headers = [
            term("article", lang),
            term("item", lang),
            vocabulary.with_unit("amount", "yuan", lang),
            term("documents", lang),
            term("claim", lang),
        ]
        self.tree.setColumnCount(len(headers))
        self.tree.setHeaderLabels(headers)
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setStretchLastSection(True)
        for column, width in enumerate((90, 300, 0, 250)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            if width:
                self.tree.setColumnWidth(column, width)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemDoubleClicked.connect(lambda _row, _col: self.open_selected())
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        # no taller at its least than the other tabs' lists (a tree asks for 70 px; its row of buttons sits above)
        self.tree.setMinimumHeight(36)
        layout.addWidget(self.tree, 1)
        self._update_buttons()

    def set_state(self, state: FilingState | None) -> None:
        if self.state is not None:
            self.state.changed.disconnect(self._refill)
        self.state = state
        if state is not None:
            state.changed.connect(self._refill)
        self._refill()

    def items(self, result: Assessment) -> list[ItemResult]:
        """The items applied for, and any other item something was recorded for (nothing is hidden)."""
        recorded = set()
        if self.state is not None:
            recorded = set(self.state.filing.documents) | set(self.state.filing.claims)
        return [i for i in result.items if applies(i) or (i.id in recorded and i.kind != "service")]

    def fill(self, result: Assessment) -> int:
        """Show the result's items; how many rows there are (the tab's count). None without a stored
        assessment (a what-if scenario, answers kept only in the window): there is nothing to record then."""
        self.result = result
        self._refill()
        return self.tree.topLevelItemCount() if self.state is not None else 0

    def _refill(self) -> None:
        result, lang = self.result, self.lang
        selected = self.selected_item()
        self.tree.clear()
        state = self.state
        if result is None or state is None:  # nothing to record: the tab is not shown (`fill` counts no row)
            self._update_buttons()
            return
        text = self.tr("逐项记录需准备的材料（已备 / 缺 / 需协助）、附加扫描件，跟踪提交、受理、公示和拨付。双击打开。")
        note = text
        received = state.received
        if received:
            # the line gives way at its end on a narrow window: what only this firm has comes first
            total = sum((r.amount for r in received), Decimal(0))
            note = (
                self.tr("已获拨付记录：{n} 笔，合计 {amount}。").format(
                    n=len(received), amount=vocabulary.yuan(total, lang)
                )
                + text
            )
        self.note.setText(note)
        self.note.setToolTip(tip(note))
        for item in self.items(result):
            records = state.filing.documents.get(item.id, {})
            documents = progress(tracked_documents(item.documents, records)).text().get(lang)
            found = state.filing.claim(item.id)
            claim = "" if found is None else claim_text(found, lang)
            row = QTreeWidgetItem(
                self.tree,
                [
                    vocabulary.article_term(item.article, item.article_label, lang),
                    titled(item, result).get(lang),
                    figure(item.amount),
                    documents,
                    claim,
                ],
            )
            row.setToolTip(0, tip(measure_text(item, lang)))
            row.setData(0, Qt.ItemDataRole.UserRole, item.id)
            row.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if item.id == selected:
                self.tree.setCurrentItem(row)
        first = self.tree.topLevelItem(0)
        if self.tree.currentItem() is None and first is not None:
            self.tree.setCurrentItem(first)
        self._update_buttons()

    def select(self, item_id: str) -> None:
        for index in range(self.tree.topLevelItemCount()):
            row = self.tree.topLevelItem(index)
            if row is not None and row.data(0, Qt.ItemDataRole.UserRole) == item_id:
                self.tree.setCurrentItem(row)

    def selected_item(self) -> str | None:
        row = self.tree.currentItem()
        return None if row is None else str(row.data(0, Qt.ItemDataRole.UserRole))

    def _item(self) -> ItemResult | None:
        ident = self.selected_item()
        if self.result is None or ident is None:
            return None
        return next((i for i in self.result.items if i.id == ident), None)

    def _update_buttons(self) -> None:
        usable = self.state is not None and self._item() is not None
        self.open_button.setEnabled(usable)
        self.dossier_button.setEnabled(usable)
        self.received_button.setEnabled(self.state is not None)

    def show_received(self) -> None:
        """The enterprise's amounts received, to see and to record by hand (a modal dialog: its changes go
        to the database and the rules at once)."""
        if self.state is None:
            return
        packs = self.state.store.registry.all()
        dialog = received_dialog.ReceivedDialog(self.state, packs, self.session.pack, self.lang, self.window())
        dialog.exec()
        dialog.deleteLater()

    def open_selected(self) -> None:
        item = self._item()
        if self.state is None or self.result is None or item is None:
            return
        application_dialog.show_application(self.state, self.result, item, self.lang, self.window(), self.session)

    def _dossier(self) -> None:
        item = self._item()
        if self.state is None or self.result is None or item is None:
            return
        if list_import.confirm_list_figures(self.window(), self.session):
            dossier_output.save_dossier(self.window(), self.state, self.result, item, self.lang)
