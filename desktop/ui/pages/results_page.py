"""结果: what the enterprise may claim at most, item by item, with the reasoning and the documents."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from desktop.engine import Assessment, ItemResult, vocabulary
from desktop.engine.money import format_yuan
from desktop.policy.model import Lang
from desktop.ui import style
from desktop.ui.pages.base import Page
from desktop.ui.session import AssessmentSession
from desktop.ui.wrapping import WrappingDelegate


def figure(value: Decimal | None) -> str:
    """A figure under a column that names its unit (金额（元）): `1,200,000.00`, or `—` where there is none."""
    return "—" if value is None else format_yuan(value)


def measure_text(item: ItemResult, lang: Lang) -> str:
    """`第六条 加大出口信用保险惠企额度` / `Art. 6 …`: the article and its measure."""
    return f"{vocabulary.article_term(item.article, item.article_label, lang)} {item.measure_title.get(lang)}"


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


class ResultsPage(Page):
    print_requested = Signal()
    save_pdf_requested = Signal()
    copy_as_scenario_requested = Signal()
    compare_requested = Signal()

    def __init__(self, session: AssessmentSession, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("结果"), session, parent, scrollable=False)
        self.policy_label = QLabel(self)
        style.bold(self.policy_label)
        self.policy_label.setWordWrap(True)
        self.body.addWidget(self.policy_label)
        self.warning_label = QLabel(self)
        self.warning_label.setWordWrap(True)
        style.warning_banner(self.warning_label)
        self.body.addWidget(self.warning_label)

        top = QHBoxLayout()
        self.total_label = QLabel(self)
        style.big_total(self.total_label)
        self.total_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(self.total_label, 1)
        self.print_button = QPushButton(self.tr("打印清单…"), self)
        self.pdf_button = QPushButton(self.tr("保存清单 PDF…"), self)
        self.print_button.clicked.connect(self.print_requested.emit)
        self.pdf_button.clicked.connect(self.save_pdf_requested.emit)
        top.addWidget(self.print_button)
        top.addWidget(self.pdf_button)
        self.body.addLayout(top)

        self.tabs = QTabWidget(self)
        lang = session.lang
        term = vocabulary.term
        self.amounts = self._tree(amount_headers(lang))
        self.others = self._tree([term("article", lang), term("item", lang), self.tr("内容"), term("units", lang)])
        self.services = self._tree(
            [term("article", lang), term("status_service", lang), self.tr("内容"), term("units", lang)]
        )
        self.unavailable = self._tree(
            [term("article", lang), term("item", lang), term("status", lang), term("reason", lang)]
        )
        self.unavailable.setRootIsDecorated(False)  # its rows have nothing to unfold
        self.tabs.addTab(self.amounts, "")
        self.tabs.addTab(self.others, "")
        self.tabs.addTab(self.services, "")
        self.tabs.addTab(self.unavailable, "")
        self.body.addWidget(self.tabs, 1)
        self.hint = QLabel(self)
        style.muted(self.hint)
        below = QHBoxLayout()
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
        self.disclaimer_label = QLabel(self)
        style.muted(self.disclaimer_label)
        self.disclaimer_label.setWordWrap(True)
        self.body.addWidget(self.disclaimer_label)
        session.changed.connect(self._changed)

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

    # -- filling ---------------------------------------------------------------------------------------
    def refresh(self) -> None:
        result = self.session.result
        lang = self.session.lang
        self.policy_label.setText(
            self.tr("《{title}》　有效期 {start} 至 {end}　评估日期 {day}{who}").format(
                title=result.pack_title.get(lang),
                start=result.valid_from,
                end=result.valid_to,
                day=result.assessed_on,
                who=f"    {result.enterprise.name}" if result.enterprise.name else "",
            )
        )
        self.warning_label.setText("\n".join(w.get(lang) for w in result.warnings))
        self.warning_label.setVisible(bool(result.warnings))
        self.total_label.setText(vocabulary.total_line(result.total, lang))
        self._fill_amounts(result, lang)
        self._fill_others(self.others, result.unquantified(), result, lang)
        self._fill_others(self.services, result.services(), result, lang)
        self._fill_unavailable(result, lang)
        self.tabs.setTabText(0, self.tr("可测算金额（{n} 项）").format(n=len(result.with_amounts())))
        self.tabs.setTabText(1, self.tr("金额待定的支持（{n} 项）").format(n=len(result.unquantified())))
        self.tabs.setTabText(2, self.tr("可使用的服务（{n} 项）").format(n=len(result.services())))
        self.tabs.setTabText(3, self.tr("暂不可申请（{n} 项）").format(n=len(result.unavailable())))
        self.disclaimer_label.setText(self.tr("说明：") + result.disclaimer.get(lang))
        self._show_hint()

    def _show_hint(self) -> None:
        """Say how to unfold rows only on a tab whose rows unfold."""
        tree = self.tabs.currentWidget()
        hints = {
            self.amounts: self.tr("点行首的 ▸ 展开计算过程和申报材料。"),
            self.others: self.tr("点行首的 ▸ 展开申请内容、责任单位和申报材料。"),
            self.services: self.tr("点行首的 ▸ 展开服务内容和责任单位。"),
        }
        text = hints.get(tree, "") if isinstance(tree, QTreeWidget) and tree.topLevelItemCount() else ""
        self.hint.setText(text)
        self.hint.setVisible(bool(text))

    def _details(self, parent: QTreeWidgetItem, item: ItemResult, result: Assessment, lang: Lang) -> None:
        """The children a row expands to. Amount rows: the computation, the documents, the notes. Other
        supports and services: what they offer and who offers it first, so that every row of a tab unfolds."""

        def section(title: str, lines: Sequence[str]) -> None:
            if not lines:
                return
            head = QTreeWidgetItem(parent, [title])
            head.setFirstColumnSpanned(True)
            for line in lines:
                child = QTreeWidgetItem(head, [line])
                child.setFirstColumnSpanned(True)
                child.setToolTip(0, line)
            head.setExpanded(True)

        if item.kind == "amount":
            section(self.tr("计算过程"), [f"{n}. {s.get(lang)}" for n, s in enumerate(item.steps, start=1)])
        else:
            section(self.tr("内容"), [item.claim.get(lang) or item.title.get(lang)])
            section(vocabulary.term("units", lang), [u.get(lang) for u in item.units])
            section(self.tr("判断过程"), [s.get(lang) for s in item.steps])
        if item.documents:
            section(
                self.tr("申报材料（{note}）").format(note=result.documents_note.get(lang)),
                [f"□ {d.get(lang)}" for d in item.documents],
            )
        section(self.tr("注意"), [n.get(lang) for n in item.notes])

    def _fill_amounts(self, result: Assessment, lang: Lang) -> None:
        self.amounts.clear()
        for item in result.with_amounts():
            row = QTreeWidgetItem(
                self.amounts,
                [
                    measure_text(item, lang),
                    item.title.get(lang),
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
            row.setToolTip(0, measure_text(item, lang))
            row.setToolTip(6, item.units_text(lang))
            row.setToolTip(1, item.claim.get(lang))
            self._details(row, item, result, lang)
        # the caps and which cap bit are words ("每案件上限 300,000.00 元；…"): they wrap in a column of their own
        self._size_columns(self.amounts, [190, 220, 0, 170, 120], fit=(2, 5))

    def _fill_others(self, tree: QTreeWidget, items: Sequence[ItemResult], result: Assessment, lang: Lang) -> None:
        tree.clear()
        for item in items:
            row = QTreeWidgetItem(
                tree, [measure_text(item, lang), item.title.get(lang), item.claim.get(lang), item.units_text(lang)]
            )
            row.setData(0, Qt.ItemDataRole.UserRole, item.id)
            row.setToolTip(2, item.claim.get(lang))
            row.setToolTip(3, item.units_text(lang))
            self._details(row, item, result, lang)
        self._size_columns(tree, [190, 230, 420])

    def _fill_unavailable(self, result: Assessment, lang: Lang) -> None:
        self.unavailable.clear()
        for item in result.unavailable():
            reasons = self.tr("；").join(r.get(lang) for r in item.reasons) or self.tr("不符合条件")
            row = QTreeWidgetItem(
                self.unavailable,
                [measure_text(item, lang), item.title.get(lang), vocabulary.status_term(item.status, lang), reasons],
            )
            row.setData(0, Qt.ItemDataRole.UserRole, item.id)
            row.setToolTip(3, reasons)
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
