"""结果: what the enterprise may claim at most, item by item, with the reasoning and the documents."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.engine import Assessment, ItemResult
from desktop.policy.model import Lang
from desktop.ui import style
from desktop.ui.pages.applications_tab import ApplicationsTab
from desktop.ui.pages.base import Page
from desktop.ui.pages.result_rows import (
    add_details,
    figure,
    fill_opportunities,
    fill_plan,
    fill_to_confirm,
    measure_text,
)
from desktop.ui.plain import PlainLabel, tip
from desktop.ui.session import AssessmentSession
from desktop.ui.wrapping import WrappingDelegate
from desktop.wording import vocabulary
from desktop.wording.applying import (
    EXAMPLE,
    closed_total,
    guide_warning,
    titled,
    today_sentence,
    total_sentence,
)
from desktop.wording.period import period_span

if TYPE_CHECKING:  # the store (SQLAlchemy) is imported after the first window shows: not here
    from desktop.ui.filing_state import FilingState

__all__ = ["ResultsPage", "amount_headers", "figure", "measure_text"]


def amount_headers(lang: Lang) -> list[str]:
    """The amounts table's columns, named as the checklist names them (one vocabulary)."""
    return [
        vocabulary.term("article", lang),
        vocabulary.term("item", lang),
        vocabulary.with_unit("amount", "yuan", lang),
        vocabulary.with_unit("cap", "yuan", lang),
        vocabulary.term("basis", lang),
        vocabulary.term("capped", lang),
        vocabulary.term("units", lang),
    ]


@dataclass(frozen=True)
class ResultsView:
    """What of the results the clerk had open: the tab, and per tab the rows unfolded, each by its place
    (row, then child, …)."""

    tab: int
    unfolded: dict[int, tuple[tuple[int, ...], ...]]


def _unfolded(tree: QTreeWidget) -> list[tuple[int, ...]]:
    found: list[tuple[int, ...]] = []

    def walk(item: QTreeWidgetItem | None, path: tuple[int, ...]) -> None:
        if item is not None and item.isExpanded():
            found.append(path)
            for k in range(item.childCount()):
                walk(item.child(k), (*path, k))

    for row in range(tree.topLevelItemCount()):
        walk(tree.topLevelItem(row), (row,))
    return found


def _at(tree: QTreeWidget, path: tuple[int, ...]) -> QTreeWidgetItem | None:
    item = tree.topLevelItem(path[0]) if path[0] < tree.topLevelItemCount() else None
    for k in path[1:]:
        if item is None or k >= item.childCount():
            return None
        item = item.child(k)
    return item


class ResultsPage(Page):
    print_requested = Signal()
    save_pdf_requested = Signal()
    copy_as_scenario_requested = Signal()
    compare_requested = Signal()

    def __init__(self, session: AssessmentSession, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("结果"), session, parent, scrollable=False)
        head = QHBoxLayout()
        self.policy_label = PlainLabel(self)
        style.bold(self.policy_label)
        self.policy_label.setWordWrap(True)
        head.addWidget(self.policy_label, 1)
        self.guide_caption = PlainLabel(self.tr("申报指南"), self)
        head.addWidget(self.guide_caption)
        self.guide_box = QComboBox(self)
        # A round's name is long (a training round's, in English, some 90 characters): the box takes the room
        # its name needs, the short heading beside it wraps; where even that is not enough, the full name is
        # in its tooltip and its list.
        self.guide_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.guide_box.setMinimumContentsLength(22)
        self.guide_box.activated.connect(self._guide_picked)
        self.guide_caption.setBuddy(self.guide_box)
        head.addWidget(self.guide_box)
        self.body.addLayout(head)
        # One sentence on what the period means today (replaces the old "expired" banners), then the basic
        # conditions still to answer: information first, a warning only where something needs doing.
        self.period_label = PlainLabel(self)
        self.period_label.setWordWrap(True)
        style.info_note(self.period_label)
        self.body.addWidget(self.period_label)
        self.warning_label = PlainLabel(self)
        self.warning_label.setWordWrap(True)
        style.warning_banner(self.warning_label)
        self.body.addWidget(self.warning_label)

        top = QHBoxLayout()
        totals = QVBoxLayout()
        self.total_label = PlainLabel(self)
        style.big_total(self.total_label)
        self.total_label.setWordWrap(True)  # with a training guide's invented part it is long in English
        self.total_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        totals.addWidget(self.total_label)
        self.pending_label = PlainLabel(self)
        style.muted(self.pending_label)
        self.pending_label.setWordWrap(True)
        totals.addWidget(self.pending_label)
        top.addLayout(totals, 1)
        self.print_button = QPushButton(self.tr("打印清单…"), self)
        self.pdf_button = QPushButton(self.tr("保存清单 PDF…"), self)
        self.print_button.clicked.connect(self.print_requested.emit)
        self.pdf_button.clicked.connect(self.save_pdf_requested.emit)
        top.addWidget(self.print_button)
        top.addWidget(self.pdf_button)
        self.body.addLayout(top)

        self.tabs = QTabWidget(self)
        self.tabs.setUsesScrollButtons(True)
        lang = session.lang
        term = vocabulary.term
        self.amounts = self._tree(amount_headers(lang))
        self.confirm = self._tree(
            [
                term("article", lang),
                term("item", lang),
                self.tr("确认后可得（元）"),
                self.tr("请咨询"),
            ]
        )
        self.plan = self._tree(
            [
                term("article", lang),
                term("item", lang),
                term("amount", lang),
                self.tr("申报窗口"),
                self.tr("咨询"),
                self.tr("申报方式"),  # last: the longest texts, in the column that takes the rest of the width
            ]
        )
        self.unlock = self._tree(
            [term("article", lang), term("item", lang), self.tr("怎样可以争取"), self.tr("可多得（元）")]
        )
        self.others = self._tree([term("article", lang), term("item", lang), self.tr("内容"), term("units", lang)])
        self.services = self._tree(
            [term("article", lang), term("status_service", lang), self.tr("内容"), term("units", lang)]
        )
        self.unavailable = self._tree(
            [term("article", lang), term("item", lang), term("status", lang), term("reason", lang)]
        )
        self.unavailable.setRootIsDecorated(False)  # its rows have nothing to unfold
        for tree in (self.amounts, self.confirm, self.plan, self.unlock, self.others, self.services, self.unavailable):
            self.tabs.addTab(tree, "")
        # the applications: documents, files, claims (kept with a stored assessment: `set_filing`)
        self.applications = ApplicationsTab(session, self)
        self.tabs.insertTab(self.tabs.indexOf(self.plan) + 1, self.applications, "")
        self.body.addWidget(self.tabs, 1)
        self.hint = PlainLabel(self)
        style.muted(self.hint)
        below = QHBoxLayout()
        self.hint.setWordWrap(True)
        below.addWidget(self.hint, 1)
        # what-if scenarios kept with a stored assessment (desktop.ui.scenarios); hidden without a database.
        # On this line, not beside the total: there the English texts would widen the window past the screen.
        self.scenario_button = QPushButton(self.tr("复制为方案…"), self)
        self.compare_button = QPushButton(self.tr("方案对比…"), self)
        self.scenario_button.clicked.connect(self.copy_as_scenario_requested.emit)
        self.compare_button.clicked.connect(self.compare_requested.emit)
        below.addWidget(self.scenario_button)
        below.addWidget(self.compare_button)
        self.body.addLayout(below)
        self.tabs.currentChanged.connect(self._show_hint)
        self.disclaimer_label = PlainLabel(self)
        style.muted(self.disclaimer_label)
        self.disclaimer_label.setWordWrap(True)
        self.body.addWidget(self.disclaimer_label)
        self._unlock_note = ""
        session.changed.connect(self._changed)

    def view(self) -> ResultsView:
        """The tab shown and the rows unfolded, to be shown again by a page built anew (a language switch)."""
        unfolded = {
            index: tuple(_unfolded(tree))
            for index in range(self.tabs.count())
            if isinstance(tree := self.tabs.widget(index), QTreeWidget)
        }
        return ResultsView(self.tabs.currentIndex(), unfolded)

    def restore(self, view: ResultsView) -> None:
        """Show the same tab and unfold the same rows (the same assessment has the same rows, in any language)."""
        for index, paths in view.unfolded.items():
            tree = self.tabs.widget(index)
            if isinstance(tree, QTreeWidget):
                for path in paths:  # a row before its children: unfolding it may be what makes them
                    item = _at(tree, path)
                    if item is not None:
                        item.setExpanded(True)
        if 0 <= view.tab < self.tabs.count() and self.tabs.isTabVisible(view.tab):
            self.tabs.setCurrentIndex(view.tab)

    def show_application(self, item_id: str) -> None:
        """The 申报材料与进度 tab, at this item."""
        self.refresh()
        self.tabs.setCurrentWidget(self.applications)
        self.applications.select(item_id)

    def set_filing(self, state: FilingState | None) -> None:
        """The open stored assessment's applications (None: none, or answers kept only in the window)."""
        self.applications.set_state(state)

    def _tree(self, headers: Sequence[str]) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setColumnCount(len(headers))
        tree.setHeaderLabels(list(headers))
        tree.setAlternatingRowColors(True)
        WrappingDelegate(tree)  # long titles (English especially) wrap instead of ending in "…"
        tree.header().setStretchLastSection(True)
        return tree

    def _changed(self) -> None:
        if self.isVisible():
            self.refresh()

    # -- the application guide -------------------------------------------------------------------------
    def _fill_guides(self, result: Assessment, lang: Lang) -> None:
        """自动 (the newest real guide) and each guide of the pack; a finalised result keeps the one it had."""
        session = self.session
        box = self.guide_box
        box.blockSignals(True)
        box.clear()
        newest = session.guides.applying(session.pack.id)
        automatic = self.tr("最新：{round}").format(round=newest.round.get(lang)) if newest else self.tr("（无）")
        box.addItem(automatic, None)
        box.setItemData(0, tip(automatic), Qt.ItemDataRole.ToolTipRole)
        for guide in session.pack_guides():
            mark = EXAMPLE.get(lang) if guide.example else ""
            text = mark + self.tr("{round}（{day}）").format(round=guide.round.get(lang), day=guide.published_on)
            box.addItem(text, guide.id)
            box.setItemData(box.count() - 1, tip(text), Qt.ItemDataRole.ToolTipRole)
        chosen = box.findData(session.guide_id) if session.guide_id else 0
        box.setCurrentIndex(max(chosen, 0))
        box.setToolTip(tip(box.currentText()))
        # a finalised result shows the guide it was finalised with; picking another would not change it
        box.setEnabled(session.frozen is None and box.count() > 1)
        box.blockSignals(False)
        visible = box.count() > 1 or newest is not None
        self.guide_caption.setVisible(visible)
        box.setVisible(visible)

    def _guide_picked(self, index: int) -> None:
        chosen = self.guide_box.itemData(index)
        self.session.set_guide(chosen if isinstance(chosen, str) else None)
        if not self.isVisible():
            self.refresh()

    # -- filling ---------------------------------------------------------------------------------------
    def refresh(self) -> None:
        result = self.session.result
        lang = self.session.lang
        today = self.session.today()
        start, end = result.period
        sentence = today_sentence(result, today)
        # The enterprise's name is in the window's title, and the sentence below names the policy and the
        # period when it is shown: one short line here leaves the tables room on a 768-pixel screen.
        if sentence is None:
            heading = self.tr("《{title}》　{period}的经营活动　填写日期 {day}").format(
                title=result.pack_title.get(lang),
                period=period_span(result.period_label, start, end).get(lang),
                day=result.assessed_on,
            )
        else:
            heading = self.tr("填写日期 {day}").format(day=result.assessed_on)
        self.policy_label.setText(heading)
        self._fill_guides(result, lang)
        self.period_label.setText(sentence.get(lang) if sentence else "")
        self.period_label.setVisible(sentence is not None)
        warnings = [n.get(lang) for n in result.notices]
        old_guide = guide_warning(result, today)
        if old_guide is not None:
            warnings.insert(0, old_guide.get(lang))
        if result.guide is not None and result.guide.example:  # a training guide says what it is, above all
            warnings.insert(0, EXAMPLE.get(lang) + result.guide.note.get(lang))
        self.warning_label.setText("\n".join(warnings))
        self.warning_label.setVisible(bool(warnings))
        self.total_label.setText(total_sentence(result, lang))  # a training guide's amounts said as such
        pending = result.to_confirm()
        notes = []
        if result.pending_total:
            notes.append(
                self.tr("另有待确认 {amount}（{n} 项，不计入合计，见“待确认”）").format(
                    amount=vocabulary.yuan(result.pending_total, lang), n=len(pending)
                )
            )
        closed, closed_items = closed_total(result, today)
        if closed_items:
            notes.append(
                self.tr("其中 {amount}（{n} 项）的申报窗口已截止，见“申报安排”").format(
                    amount=vocabulary.yuan(closed, lang), n=closed_items
                )
            )
        self.pending_label.setText("\n".join(notes))
        self.pending_label.setVisible(bool(notes))
        self._fill_amounts(result, today, lang)
        fill_to_confirm(self.confirm, result, today, lang)
        self._size_columns(self.confirm, [190, 250, 0], fit=(2,))
        planned = fill_plan(self.plan, result, today, lang)
        self._size_columns(self.plan, [150, 190, 0, 160, 190], fit=(2,))
        found = self.session.opportunities()
        self._unlock_note = found.note.get(lang) if found is not None else ""
        unlockable = fill_opportunities(self.unlock, found, result, lang)
        self._size_columns(self.unlock, [150, 210, 520], fit=())
        self._fill_others(self.others, result.unquantified(), result, today, lang)
        self._fill_others(self.services, result.services(), result, today, lang)
        self._fill_unavailable(result, lang)
        applying = self.applications.fill(result)
        counts = (
            (self.amounts, self.tr("可测算金额（{n} 项）"), len(result.with_amounts())),
            (self.confirm, self.tr("待确认（{n} 项）"), len(pending)),
            (self.plan, self.tr("申报安排（{n} 项）"), planned),
            (self.applications, self.tr("申报材料与进度（{n} 项）"), applying),
            (
                self.unlock,
                self.tr("若当时做到（{n} 项）") if found is not None and found.ended else self.tr("还可争取（{n} 项）"),
                len(found.can) if found else 0,
            ),
            (self.others, self.tr("金额待定的支持（{n} 项）"), len(result.unquantified())),
            (self.services, self.tr("可使用的服务（{n} 项）"), len(result.services())),
            (self.unavailable, self.tr("暂不可申请（{n} 项）"), len(result.unavailable())),
        )
        for tree, title, count in counts:
            index = self.tabs.indexOf(tree)
            self.tabs.setTabText(index, title.format(n=count))
            # a tab with nothing in it is left out ("还可争取" also lists what acting cannot change)
            self.tabs.setTabVisible(index, bool(unlockable if tree is self.unlock else count))
        shown = [i for i in range(self.tabs.count()) if self.tabs.isTabVisible(i)]
        if not shown:  # nothing at all to list: the amounts tab, which says so under the total
            self.tabs.setTabVisible(self.tabs.indexOf(self.amounts), True)
        elif not self.tabs.isTabVisible(self.tabs.currentIndex()):
            self.tabs.setCurrentIndex(shown[0])
        self.disclaimer_label.setText(self.tr("说明：") + result.disclaimer.get(lang))
        self._show_hint()

    def _show_hint(self) -> None:
        """Say how to unfold rows only on a tab whose rows unfold."""
        tree = self.tabs.currentWidget()
        hints = {
            self.amounts: self.tr("点行首的 ▸ 展开计算过程、申报安排和申报材料。"),
            self.confirm: self.tr("这些项目的金额不计入合计：按原文可以有不同理解，或基本条件尚待确认。点 ▸ 看原因。"),
            self.plan: self.tr("申报时间和要求以主管部门发布的申报通知为准；右上角可以选用其他申报指南。"),
            self.unlock: self._unlock_note,
            self.others: self.tr("点行首的 ▸ 展开申请内容、责任单位和申报材料。"),
            self.services: self.tr("点行首的 ▸ 展开服务内容和责任单位。"),
        }
        text = hints.get(tree, "") if isinstance(tree, QTreeWidget) and tree.topLevelItemCount() else ""
        # an empty hint stays in its place: hidden, it would leave the scenario buttons the whole line
        self.hint.setText(text)

    def _fill_amounts(self, result: Assessment, today: dt.date, lang: Lang) -> None:
        self.amounts.clear()
        for item in result.with_amounts():
            row = QTreeWidgetItem(
                self.amounts,
                [
                    measure_text(item, lang),
                    titled(item, result).get(lang),
                    figure(item.amount),
                    vocabulary.caps_figures(item, lang),
                    vocabulary.basis_term(item, lang),
                    vocabulary.capped_value(item, lang),
                    item.units_text(lang),
                ],
            )
            row.setData(0, Qt.ItemDataRole.UserRole, item.id)
            for column in (2, 3):
                row.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            row.setToolTip(0, tip(measure_text(item, lang)))
            row.setToolTip(6, tip(item.units_text(lang)))
            row.setToolTip(1, tip(item.claim.get(lang)))
            add_details(row, item, result, today, lang)
        # the caps and which cap bit are words ("每案件上限 300,000.00 元；…"): they wrap in a column of their own
        self._size_columns(self.amounts, [170, 210, 0, 150, 95], fit=(2, 5))

    def _fill_others(
        self, tree: QTreeWidget, items: Sequence[ItemResult], result: Assessment, today: dt.date, lang: Lang
    ) -> None:
        tree.clear()
        for item in items:
            row = QTreeWidgetItem(
                tree, [measure_text(item, lang), item.title.get(lang), item.claim.get(lang), item.units_text(lang)]
            )
            row.setData(0, Qt.ItemDataRole.UserRole, item.id)
            row.setToolTip(2, tip(item.claim.get(lang)))
            row.setToolTip(3, tip(item.units_text(lang)))
            add_details(row, item, result, today, lang)
        self._size_columns(tree, [180, 220, 340])  # the units (last) keep room at 1280 px in English

    def _fill_unavailable(self, result: Assessment, lang: Lang) -> None:
        self.unavailable.clear()
        for item in result.unavailable():
            reasons = vocabulary.join_reasons((r.get(lang) for r in item.reasons), lang) or self.tr("不符合条件")
            row = QTreeWidgetItem(
                self.unavailable,
                [measure_text(item, lang), item.title.get(lang), vocabulary.item_status_term(item, lang), reasons],
            )
            row.setData(0, Qt.ItemDataRole.UserRole, item.id)
            row.setToolTip(3, tip(reasons))
        self._size_columns(self.unavailable, [190, 280], fit=(2,))

    def _size_columns(self, tree: QTreeWidget, widths: Sequence[int], fit: Sequence[int] = ()) -> None:
        """Text columns get a starting width the user can drag; `fit` columns (amounts, yes/no) as wide as
        their contents and header, so neither a figure nor a header word is ever cut."""
        header = tree.header()
        for column, width in enumerate(widths):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            if width:
                tree.setColumnWidth(column, width)
        for column in fit:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    # -- reading (tests, screenshots) ------------------------------------------------------------------
    def amount_rows(self) -> dict[str, list[str]]:
        """The texts of each amount row by item id, as the user sees them."""
        rows: dict[str, list[str]] = {}
        for index in range(self.amounts.topLevelItemCount()):
            row = self.amounts.topLevelItem(index)
            assert row is not None
            rows[str(row.data(0, Qt.ItemDataRole.UserRole))] = [row.text(c) for c in range(self.amounts.columnCount())]
        return rows
