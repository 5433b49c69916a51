"""The rows of the results page's tables: what each item gives, what is to confirm, when and where to apply,
and what could still be unlocked. Texts only come from the engine (`desktop.wording.applying`,
`vocabulary`, the opportunities); this module lays them out in tree rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from desktop.engine import Assessment, ItemResult
from desktop.engine.opportunities import Opportunities, Opportunity
from desktop.money import format_yuan
from desktop.policy.model import Lang
from desktop.ui.plain import tip
from desktop.wording import vocabulary
from desktop.wording.applying import (
    applies,
    channel_text,
    contact_text,
    deadline,
    guide_note,
    reading_text,
    window_detail,
    window_short,
    window_text,
)

READING_COLOUR = QColor("#7a4b00")
"""The tool's readings of the text, in their own colour (and italic): never mistaken for the text's words."""


def figure(value: Decimal | None) -> str:
    """A figure under a column that names its unit (金额（元）): `1,200,000.00`, or `—` where there is none."""
    return "—" if value is None else format_yuan(value)


def measure_text(item: ItemResult, lang: Lang) -> str:
    """`第六条 加大出口信用保险惠企额度` / `Art. 6 …`: the article and its measure."""
    return f"{vocabulary.article_term(item.article, item.article_label, lang)} {item.measure_title.get(lang)}"


def _styled_reading(row: QTreeWidgetItem) -> None:
    font = QFont(row.font(0))
    font.setItalic(True)
    row.setFont(0, font)
    row.setForeground(0, QBrush(READING_COLOUR))


def _section(parent: QTreeWidgetItem, title: str, lines: Sequence[str], *, reading: bool = False) -> None:
    if not lines:
        return
    head = QTreeWidgetItem(parent, [title])
    head.setFirstColumnSpanned(True)
    for line in lines:
        child = QTreeWidgetItem(head, [line])
        child.setFirstColumnSpanned(True)
        child.setToolTip(0, tip(line))
        if reading:
            _styled_reading(child)
    if reading:
        _styled_reading(head)
    head.setExpanded(True)


def application_lines(item: ItemResult, result: Assessment, today: dt.date, lang: Lang) -> list[str]:
    """ "申报窗口：…", "申报方式：…", "咨询：…" from the application guide; none without one."""
    if item.item_guide is None or not applies(item):
        return []
    lines = []
    for name, text in (
        (QCoreApplication.translate("ResultRows", "申报窗口"), window_detail(item, result, today)),
        (QCoreApplication.translate("ResultRows", "申报方式"), channel_text(item, result)),
        (QCoreApplication.translate("ResultRows", "咨询"), contact_text(item.item_guide.contact)),
        (QCoreApplication.translate("ResultRows", "申报指南说明"), guide_note(item, result)),
    ):
        if text is not None:
            lines.append(
                QCoreApplication.translate("ResultRows", "{name}：{text}").format(name=name, text=text.get(lang))
            )
    return lines


def add_details(parent: QTreeWidgetItem, item: ItemResult, result: Assessment, today: dt.date, lang: Lang) -> None:
    """The children a row expands to. Amount rows: the computation, the tool's readings, when and where to
    apply, the documents, the notes. Other supports and services: what they offer and who offers it first,
    so that every row of a tab unfolds."""
    if item.status == "to_confirm":
        why = [r.get(lang) for r in item.reasons]
        if item.ask.zh:
            why.append(QCoreApplication.translate("ResultRows", "请咨询：{whom}").format(whom=item.ask.get(lang)))
        _section(parent, QCoreApplication.translate("ResultRows", "待确认的原因"), why)
    if item.kind == "amount":
        _section(
            parent,
            QCoreApplication.translate("ResultRows", "计算过程"),
            [f"{n}. {s.get(lang)}" for n, s in enumerate(item.steps, start=1)],
        )
    else:
        _section(
            parent, QCoreApplication.translate("ResultRows", "内容"), [item.claim.get(lang) or item.title.get(lang)]
        )
        _section(parent, vocabulary.term("units", lang), [u.get(lang) for u in item.units])
        if item.status != "to_confirm":
            _section(parent, QCoreApplication.translate("ResultRows", "判断过程"), [s.get(lang) for s in item.steps])
    cap_note = item.cap_note()
    if cap_note is not None and item.has_amount:
        _section(parent, vocabulary.term("capped", lang), [cap_note.get(lang)])
    _section(
        parent,
        QCoreApplication.translate("ResultRows", "本工具的理解（非原文规定）"),
        [reading_text(r, lang) for r in item.readings],
        reading=True,
    )
    _section(parent, QCoreApplication.translate("ResultRows", "申报安排"), application_lines(item, result, today, lang))
    if item.documents:
        source = QCoreApplication.translate("ResultRows", "材料清单的来源：{source}").format(
            source=item.documents_source.get(lang)
        )
        _section(
            parent,
            QCoreApplication.translate("ResultRows", "申报材料（{note}）").format(note=result.documents_note.get(lang)),
            [*(f"□ {d.text.get(lang)}" for d in item.documents), source],
        )
    _section(parent, QCoreApplication.translate("ResultRows", "注意"), [n.get(lang) for n in item.notes])


def _keyed(row: QTreeWidgetItem, item_id: str) -> QTreeWidgetItem:
    row.setData(0, Qt.ItemDataRole.UserRole, item_id)
    return row


def fill_to_confirm(tree: QTreeWidget, result: Assessment, today: dt.date, lang: Lang) -> None:
    """Items a reading of the text or a basic condition keeps out of the total, with what they would be."""
    tree.clear()
    for item in result.to_confirm():
        reasons = vocabulary.join_reasons((r.get(lang) for r in item.reasons), lang)
        row = _keyed(
            QTreeWidgetItem(
                tree,
                [measure_text(item, lang), item.title.get(lang), figure(item.amount), item.ask.get(lang) or reasons],
            ),
            item.id,
        )
        row.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row.setToolTip(3, tip(reasons))
        add_details(row, item, result, today, lang)


def fill_plan(tree: QTreeWidget, result: Assessment, today: dt.date, lang: Lang) -> int:
    """One row per item to apply for: the window (days left), how to apply and whom to ask. The number of
    rows; 0 when no application guide applies (the page then says so instead)."""
    tree.clear()
    count = 0
    for item in result.items:
        if item.item_guide is None or not applies(item):
            continue
        window = window_short(item, result, today)
        channel = channel_text(item, result)
        contact = contact_text(item.item_guide.contact)
        when = deadline(item, result, today)
        # the channel in a word or two ("网上申报"); what the guide says beside it (English runs to six lines in
        # a column at 1366 px, so that a row took half the table) is in the tooltip and in the unfolded row
        brief = when.channel_cell(lang) if when is not None else ""
        amount = (
            vocabulary.yuan(item.amount, lang) if item.amount is not None else vocabulary.status_term(item.status, lang)
        )
        row = _keyed(
            QTreeWidgetItem(
                tree,
                [
                    measure_text(item, lang),
                    item.title.get(lang),
                    amount,
                    window.get(lang) if window else "",
                    item.item_guide.contact.office.get(lang) if item.item_guide.contact else "",
                    brief,
                ],
            ),
            item.id,
        )
        for column, text in ((3, window_text(item, result, today)), (4, contact), (5, channel)):
            if text is not None:
                row.setToolTip(column, tip(text.get(lang)))
        _section(
            row, QCoreApplication.translate("ResultRows", "申报安排"), application_lines(item, result, today, lang)
        )
        count += 1
    return count


def _gain(found: Opportunity, lang: Lang) -> str:
    """What it brings, under 可多得（元）: the figure; for each step where the text sets no cap
    ("150,000.00 / 每 1,000,000.00 元"); at most the cap where the answers do not tell yet ("≤ 1,000,000.00")."""
    if found.gain is not None:
        if found.per is not None:
            return QCoreApplication.translate("ResultRows", "{figure} / 每 {step}").format(
                figure=figure(found.gain), step=found.per.get(lang)
            )
        return figure(found.gain)
    if found.up_to is not None:
        return f"≤ {figure(found.up_to)}"
    return figure(None)


def _opportunity_row(tree: QTreeWidget | QTreeWidgetItem, found: Opportunity, result: Assessment, lang: Lang) -> None:
    item = result.item(found.item_id)
    texts = [measure_text(item, lang), found.title.get(lang), found.text.get(lang), _gain(found, lang)]
    row = QTreeWidgetItem(tree, texts)
    _keyed(row, found.item_id)
    row.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    row.setToolTip(2, tip(found.text.get(lang)))


def fill_opportunities(tree: QTreeWidget, found: Opportunities | None, result: Assessment, lang: Lang) -> int:
    """What it would take and what it would bring, ranked by what it could bring; then, under a heading of
    their own, the items whose failed condition the enterprise cannot change. The number of rows."""
    tree.clear()
    if found is None:
        return 0
    for opportunity in found.can:
        _opportunity_row(tree, opportunity, result, lang)
    if found.cannot:
        head = QTreeWidgetItem(
            tree, [QCoreApplication.translate("ResultRows", "企业自身难以改变的（{n} 项）").format(n=len(found.cannot))]
        )
        head.setFirstColumnSpanned(True)
        font = QFont(head.font(0))
        font.setBold(True)
        head.setFont(0, font)
        for opportunity in found.cannot:
            _opportunity_row(head, opportunity, result, lang)
        head.setExpanded(True)
    return len(found.can) + len(found.cannot)
