"""Per-item and per-measure totals over the member firms: the association's overview."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from desktop.policy.model import Text
from desktop.workspace.members import MemberRow


@dataclass
class ItemTotal:
    item_id: str
    title: Text
    kind: str
    firms: int = 0  # firms eligible for the item (with or without a figure)
    service_firms: int = 0  # firms for which the item is a service they can use
    amount: Decimal = Decimal(0)  # sum of the computed figures


@dataclass
class MeasureTotal:
    measure_id: str
    article: int
    article_label: str
    title: Text
    firms: int = 0  # firms eligible for at least one item of the measure
    service_firms: int = 0  # firms that can use at least one service of the measure
    amount_firms: int = 0  # firms with a computed figure under the measure
    amount: Decimal = Decimal(0)
    items: list[ItemTotal] = field(default_factory=list)

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

    def measure(self, measure_id: str) -> MeasureTotal:
        return next(m for m in self.measures if m.measure_id == measure_id)

    def item(self, item_id: str) -> ItemTotal:
        return next(i for m in self.measures for i in m.items if i.item_id == item_id)


def aggregate(rows: Sequence[MemberRow]) -> Aggregate:
    """Counts and sums over the rows; by construction each figure is the sum of the rows' own figures."""
    measures: dict[str, MeasureTotal] = {}
    items: dict[str, ItemTotal] = {}
    for row in rows:
        eligible_measures: set[str] = set()
        service_measures: set[str] = set()
        amount_measures: set[str] = set()
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
        for measure_id in eligible_measures:
            measures[measure_id].firms += 1
        for measure_id in service_measures:
            measures[measure_id].service_firms += 1
        for measure_id in amount_measures:
            measures[measure_id].amount_firms += 1
    ordered = sorted(measures.values(), key=lambda m: m.article)
    return Aggregate(len(rows), sum((r.total for r in rows), Decimal(0)), ordered)
