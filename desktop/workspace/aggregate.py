"""Per-item and per-measure totals over the member firms: the association's overview.

Besides what the firms may claim: what the items to confirm would bring (另有待确认), what the firms one
condition away from an item could unlock (from each firm's own `find_opportunities`, grouped by the condition
to meet), and per item the windows the firms apply in (from the application guide each was assessed with).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from desktop.engine.opportunities import Opportunities
from desktop.policy.guides import Contact
from desktop.policy.model import Text
from desktop.wording.applying import Deadline, deadline
from desktop.workspace.members import MemberRow

ZERO = Decimal(0)


@dataclass
class Unlock:
    """The member firms one condition away from an item, all by meeting the same condition."""

    action: Text  # the condition to meet, in the engine's words ("投保的短期出口信用保险产品为“一般企业类”")
    firms: int = 0
    amount: Decimal = ZERO  # what meeting it would bring them together
    bounded: int = 0  # firms whose figure is the item's cap: the answers it would be computed from are not given


@dataclass
class ItemTotal:
    item_id: str
    title: Text
    kind: str
    firms: int = 0  # firms eligible for the item (with or without a figure)
    service_firms: int = 0  # firms for which the item is a service they can use
    amount: Decimal = ZERO  # sum of the computed figures
    to_confirm_firms: int = 0  # firms for which the item is to confirm (待确认)
    pending: Decimal = ZERO  # what it would bring them once confirmed (not in `amount`)
    unlocks: list[Unlock] = field(default_factory=list)  # the firms one condition away, by condition

    @property
    def unlock_firms(self) -> int:
        return sum(u.firms for u in self.unlocks)

    @property
    def unlock_amount(self) -> Decimal:
        return sum((u.amount for u in self.unlocks), ZERO)


@dataclass
class MeasureTotal:
    measure_id: str
    article: int
    article_label: str
    title: Text
    firms: int = 0  # firms eligible for at least one item of the measure
    service_firms: int = 0  # firms that can use at least one service of the measure
    amount_firms: int = 0  # firms with a computed figure under the measure
    amount: Decimal = ZERO
    items: list[ItemTotal] = field(default_factory=list)
    to_confirm_firms: int = 0  # firms with at least one item of the measure to confirm
    pending: Decimal = ZERO
    unlock_firms: int = 0  # firms one condition away from at least one item of the measure
    unlock_amount: Decimal = ZERO  # per firm the most one condition could bring under the measure, summed

    @property
    def has_amount_items(self) -> bool:
        return any(i.kind == "amount" for i in self.items)

    @property
    def has_services(self) -> bool:
        return any(i.kind == "service" for i in self.items)

    @property
    def has_supports(self) -> bool:
        return any(i.kind != "service" for i in self.items)


@dataclass
class Aggregate:
    firms: int
    total: Decimal
    measures: list[MeasureTotal]
    pending: Decimal = ZERO

    def measure(self, measure_id: str) -> MeasureTotal:
        return next(m for m in self.measures if m.measure_id == measure_id)

    def item(self, item_id: str) -> ItemTotal:
        return next(i for m in self.measures for i in m.items if i.item_id == item_id)


def aggregate(rows: Sequence[MemberRow]) -> Aggregate:
    """Counts and sums over the rows; by construction each figure is the sum of the rows' own figures."""
    measures: dict[str, MeasureTotal] = {}
    items: dict[str, ItemTotal] = {}
    unlocks = _Unlocks(items, measures)
    for row in rows:
        eligible_measures: set[str] = set()
        service_measures: set[str] = set()
        amount_measures: set[str] = set()
        confirm_measures: set[str] = set()
        for result in row.assessment.items:
            measure = measures.get(result.measure_id)
            if measure is None:
                measure = measures[result.measure_id] = MeasureTotal(
                    result.measure_id, result.article, result.article_label, result.measure_title
                )
            item = items.get(result.id)
            if item is None:
                item = items[result.id] = ItemTotal(result.id, result.title, result.kind)
                measure.items.append(item)
                unlocks.measure_of[result.id] = result.measure_id
            if result.status == "eligible":
                item.firms += 1
                eligible_measures.add(result.measure_id)
                if result.amount is not None:
                    amount_measures.add(result.measure_id)
                    item.amount += result.amount
                    measure.amount += result.amount
            elif result.status == "service":
                item.service_firms += 1
                service_measures.add(result.measure_id)
            elif result.status == "to_confirm":
                item.to_confirm_firms += 1
                confirm_measures.add(result.measure_id)
                if result.amount is not None:
                    item.pending += result.amount
                    measure.pending += result.amount
        for measure_id in eligible_measures:
            measures[measure_id].firms += 1
        for measure_id in service_measures:
            measures[measure_id].service_firms += 1
        for measure_id in amount_measures:
            measures[measure_id].amount_firms += 1
        for measure_id in confirm_measures:
            measures[measure_id].to_confirm_firms += 1
        if row.opportunities is not None:
            unlocks.add(row.opportunities)
    ordered = sorted(measures.values(), key=lambda m: m.article)
    for measure in ordered:
        for item in measure.items:
            item.unlocks.sort(key=lambda u: (-u.amount, -u.firms, u.action.zh))
    total = sum((r.total for r in rows), ZERO)
    pending = sum((r.assessment.pending_total for r in rows), ZERO)
    return Aggregate(len(rows), total, ordered, pending)


class _Unlocks:
    """Each firm's opportunities one condition away (those it can meet by acting) into its items' groups, one
    group per condition; and per measure, the most that one condition could bring the firm there (a condition
    shared by two items of the measure brings both)."""

    def __init__(self, items: dict[str, ItemTotal], measures: dict[str, MeasureTotal]) -> None:
        self.items, self.measures = items, measures
        self.measure_of: dict[str, str] = {}
        self.groups: dict[tuple[str, Text], Unlock] = {}

    def add(self, opportunities: Opportunities) -> None:
        by_measure: dict[str, dict[Text, Decimal]] = {}
        for found in opportunities.can:
            if found.conditions_away != 1 or found.action is None:
                continue
            key = (found.item_id, found.action)
            group = self.groups.get(key)
            if group is None:
                group = self.groups[key] = Unlock(found.action)
                self.items[found.item_id].unlocks.append(group)
            gain = found.rank  # what it brings, or at most where the answers do not tell yet
            group.firms += 1
            group.amount += gain
            if found.amount_if is None:
                group.bounded += 1
            per_action = by_measure.setdefault(self.measure_of[found.item_id], {})
            per_action[found.action] = per_action.get(found.action, ZERO) + gain
        for measure_id, gains in by_measure.items():
            measure = self.measures[measure_id]
            measure.unlock_firms += 1
            measure.unlock_amount += max(gains.values())


@dataclass
class WindowTotal:
    """The firms that apply for one item in one window (firms assessed with other guides get their own line)."""

    item_id: str
    article: int
    article_label: str
    title: Text
    deadline: Deadline
    contact: Contact | None
    firms: int = 0  # firms applying: the item is available to them (with or without a figure) or to confirm
    to_confirm_firms: int = 0
    amount: Decimal = ZERO  # their computed figures (those to confirm not included)
    position: int = 0  # the item's place in its pack, for lines closing on the same day


def windows(rows: Sequence[MemberRow], today: dt.date) -> list[WindowTotal]:
    """Per item and window, how many firms apply and for how much; the soonest closing first."""
    found: dict[tuple[str, Deadline, Contact | None], WindowTotal] = {}
    for row in rows:
        result = row.assessment
        for position, item in enumerate(result.items):
            when = deadline(item, result, today)
            if when is None or item.item_guide is None:
                continue
            contact = item.item_guide.contact
            key = (item.id, when, contact)
            line = found.get(key)
            if line is None:
                line = found[key] = WindowTotal(
                    item.id, item.article, item.article_label, item.title, when, contact, position=position
                )
            line.firms += 1
            if item.status == "to_confirm":
                line.to_confirm_firms += 1
            elif item.amount is not None:
                line.amount += item.amount
    return sorted(found.values(), key=lambda w: (w.deadline.order, w.article, w.position))
