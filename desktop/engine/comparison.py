"""Scenarios side by side: the same pack's items under several sets of answers, with the differences.

The first column is the base (the assessment as answered); each other column is a scenario ("若 2026 年购置
新生产线"). Per item: the figure each gives (None where it gives none), and its difference from the base;
per column, the total and its difference. Figures to confirm are not counted, as in a total.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from desktop.engine.result import Assessment, ItemResult, Status
from desktop.money import format_yuan
from desktop.policy.model import Lang, Text
from desktop.wording import vocabulary

ZERO = Decimal(0)
MAX_SCENARIOS = 4
"""Scenarios shown beside the base at once: the columns a landscape A4 page holds legibly."""
MINUS = "\u2212"  # a true minus sign: as wide as the plus, and not read as a dash


def signed(value: Decimal) -> str:
    """A difference with its sign always written, `+150,000.00` / `−150,000.00` / `0.00`: the sign carries
    the meaning where the colour does not (a black-and-white printout)."""
    if value > 0:
        return f"+{format_yuan(value)}"
    if value < 0:
        return f"{MINUS}{format_yuan(-value)}"
    return format_yuan(ZERO)


def signed_yuan(value: Decimal, lang: Lang = "zh") -> str:
    """`+150,000.00 元` / `−150,000.00 yuan`."""
    return f"{signed(value)} {vocabulary.term('yuan', lang)}"


def signed_large(value: Decimal, lang: Lang = "zh") -> str:
    """The difference in the large unit of the reader's language, with its sign: `+180.00 万元` /
    `+RMB 1.80 million` (the vocabulary's `large`; a caller shows it where `large_helps`)."""
    sign = "+" if value > 0 else MINUS if value < 0 else ""
    return f"{sign}{vocabulary.large(abs(value), lang)}"


@dataclass(frozen=True)
class Cell:
    status: Status
    amount: Decimal | None  # what the item counts toward the total in this column

    @property
    def counted(self) -> Decimal:
        return self.amount if self.amount is not None else ZERO


@dataclass(frozen=True)
class Row:
    item_id: str
    article_label: str
    article: int
    title: Text
    cells: tuple[Cell, ...]

    def difference(self, column: int) -> Decimal:
        """What the scenario in `column` brings more (or less) than the base for this item."""
        return self.cells[column].counted - self.cells[0].counted

    @property
    def changed(self) -> bool:
        return any(c != self.cells[0] for c in self.cells[1:])

    def changed_in(self, column: int) -> bool:
        """The scenario in `column` gives this item another figure or another status than the base."""
        return self.cells[column] != self.cells[0]


@dataclass(frozen=True)
class Comparison:
    names: tuple[str, ...]
    rows: tuple[Row, ...]
    totals: tuple[Decimal, ...]

    def difference(self, column: int) -> Decimal:
        return self.totals[column] - self.totals[0]

    def changed_rows(self) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if r.changed)


def cell_text(cell: Cell, lang: Lang = "zh") -> str:
    """What a cell says first: the figure it counts, else the item's status in the vocabulary's word
    (不可申请, 未回答, 待确认: none of them counts toward the total)."""
    if cell.amount is not None:
        return vocabulary.yuan(cell.amount, lang)
    return "—" if cell.status == "service" else vocabulary.status_term(cell.status, lang)


def _cell(item: ItemResult) -> Cell:
    counted = item.amount if item.status == "eligible" else None
    return Cell(item.status, counted)


def compare(names: list[str], results: list[Assessment]) -> Comparison:
    """One row per money item of the pack (the items that can give a figure), one column per result."""
    if not results:
        return Comparison((), (), ())
    base = results[0]
    rows = []
    for item in base.items:
        if item.kind != "amount" and not any(r.item(item.id).amount is not None for r in results):
            continue
        cells = tuple(_cell(r.item(item.id)) for r in results)
        rows.append(Row(item.id, item.article_label, item.article, item.title, cells))
    return Comparison(tuple(names), tuple(rows), tuple(r.total for r in results))
