"""The policy pack as plain, immutable objects: what the loader produces and the engine reads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from desktop.policy.conditions import ConditionOp
    from desktop.policy.lists import ListKind
    from desktop.policy.rules import Block

Lang = Literal["zh", "en"]
QuestionType = Literal["bool", "choice", "date", "money", "integer", "number", "text", "table", "items"]
ItemKind = Literal["amount", "unquantified", "service"]
Basis = Literal["exact", "up_to"]
InterpretationKind = Literal["reading", "other_guides"]

QUESTION_TYPES: tuple[QuestionType, ...] = (
    "bool",
    "choice",
    "date",
    "money",
    "integer",
    "number",
    "text",
    "table",
    "items",
)
QUANTITY_TYPES: tuple[QuestionType, ...] = ("integer", "number")
ITEM_KINDS: tuple[ItemKind, ...] = ("amount", "unquantified", "service")
BASES: tuple[Basis, ...] = ("exact", "up_to")


@dataclass(frozen=True)
class Text:
    """A text in Simplified Chinese and English; Chinese is the authority, English may be empty."""

    zh: str
    en: str = ""

    def get(self, lang: Lang = "zh") -> str:
        if lang == "en" and self.en:
            return self.en
        return self.zh

    def __str__(self) -> str:
        return self.zh


@dataclass(frozen=True)
class Choice:
    value: str
    label: Text


@dataclass(frozen=True)
class Condition:
    """A test on one answer (`question`, `op`, `value`), or on several (`op` "all"/"any" over `parts`).

    Values are typed by the loader: bool or str for `equals`, a tuple of str for `in`, Decimal for the
    comparisons on money and numbers, int for integers, dates for `on_or_after` / `on_or_before`, and a
    pair for `between` (both ends inclusive). `in_validity` / `in_period` test a date against the pack's
    validity or the period of activity it covers. `item_not_in` tests an `items` answer (a list of item ids)
    against the item being decided: it holds when that item is not listed. Inside a table's row, `question`
    may name a field.
    """

    question: str = ""
    op: ConditionOp = "equals"
    value: object = None
    parts: tuple[Condition, ...] = ()
    reason: Text | None = None
    interpretation: str | None = None
    """An interpretation id: the condition is the pack's reading, not the text's; failing it gives 待确认."""
    bars: bool = False
    """A basic condition that, failing, bars every item it concerns for now (暂不可申请: on the dishonest list),
    instead of leaving it to confirm; `remedy` says what to do before applying."""
    remedy: Text | None = None


@dataclass(frozen=True)
class HistoryQuery:
    """Which amounts received a question reads instead of asking (`from_history`): those of these items,
    under these packs (any pack where none is named). "Already received for the same thing".

    A money question adds them up. An `items` question (which of the pack's items something holds for)
    ticks the items of the pack that have an amount received under these packs (`items` then narrows
    which of them may be ticked so; none named: any): a project already paid cannot be funded again."""

    items: tuple[str, ...]
    policies: tuple[str, ...] = ()


@dataclass(frozen=True)
class Question:
    id: str
    type: QuestionType
    label: Text
    section: str = ""
    help: Text = Text("")
    short: Text | None = None
    choices: tuple[Choice, ...] = ()
    show_if: Condition | None = None
    min: int | None = None
    max: int | None = None
    fields: tuple[Question, ...] = ()
    record_label: Text = Text("记录", "Record")
    glossary: tuple[str, ...] = ()
    unit: Text = Text("")
    """For integer and number questions: what is counted ("人", "美元"); shown after the figure."""
    set_by: Text = Text("")
    """Who decides the answer when the enterprise cannot change it by acting ("由工业和信息化部门认定")."""
    from_history: HistoryQuery | None = None
    """A money or items question the enterprise's record of amounts received answers, where it holds any."""
    replaces: str = ""
    """For an `items` question: the id of a yes/no question asked for the whole enterprise that it replaces.
    An answers file or a database written before holds that one: yes is carried over to every item listed,
    no to none, and the user is told once."""

    @property
    def noun(self) -> Text:
        """How explanations name the answer: the short label where the pack gives one."""
        return self.short or self.label

    def choice(self, value: str) -> Choice | None:
        return next((c for c in self.choices if c.value == value), None)

    def field(self, field_id: str) -> Question | None:
        return next((f for f in self.fields if f.id == field_id), None)


@dataclass(frozen=True)
class Interpretation:
    """A place where the pack reads more into the text than it says, shown as the tool's reading.

    `quote` is the text's own words (a test checks they stand in the policy text); `reading` what the
    pack takes them to mean; `why` the reason; `ask` whom to ask. `other_guides` marks a requirement
    taken from other cities' application guides rather than from this text.
    """

    id: str
    quote: str
    reading: Text
    why: Text = Text("")
    ask: Text = Text("")
    kind: InterpretationKind = "reading"


DOCUMENT_ID = r"[a-z][a-z0-9_]{0,59}"
"""A document's id: lower-case ASCII, digits and underscores, up to 60 characters (it names the
document in answers files, the database and guides, so it must survive any rewording)."""


@dataclass(frozen=True)
class Document:
    """One document to prepare for an item. Its `id` stays when a new pack version rewords it, so what the
    enterprise recorded of it (its state, its attached files) follows it."""

    id: str
    text: Text


@dataclass(frozen=True)
class Item:
    id: str
    kind: ItemKind
    title: Text
    claim: Text
    source: str
    basis: Basis = "exact"
    conditions: tuple[Condition, ...] = ()
    rule: Block | None = None
    documents: tuple[Document, ...] = ()
    notes: tuple[Text, ...] = ()
    interpretations: tuple[str, ...] = ()
    """Readings of the text this item rests on, shown with it (beside those its conditions name)."""
    documents_source: Text = Text("")
    """Where the list of documents comes from (the guides it follows), or that it is the program's suggestion;
    without one the list is shown as the program's suggestion."""


SUGGESTED_DOCUMENTS = Text("本工具的建议（未注明材料清单的来源）", "The tool's suggestion (the list names no source)")


@dataclass(frozen=True)
class Measure:
    id: str
    article: int
    article_label: str
    title: Text
    units: tuple[Text, ...]
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Section:
    id: str
    title: Text


@dataclass(frozen=True)
class GlossaryTerm:
    id: str
    term: Text
    text: Text


@dataclass(frozen=True)
class Pack:
    id: str
    version: str
    title: Text
    issuer: Text
    issued_on: dt.date
    valid_from: dt.date
    valid_to: dt.date
    hash: str
    sections: tuple[Section, ...]
    questions: tuple[Question, ...]
    measures: tuple[Measure, ...]
    glossary: dict[str, GlossaryTerm] = field(default_factory=dict)
    enquiries: Text = Text("")
    documents_note: Text = Text("")
    disclaimer: Text = Text("")
    source_file: str = ""
    path: str = ""
    period_from: dt.date | None = None
    period_to: dt.date | None = None
    period_label: Text = Text("")
    """The activity the pack covers ("things done, paid or certified from … to …"); None: its validity."""
    interpretations: dict[str, Interpretation] = field(default_factory=dict)
    common_conditions: tuple[Condition, ...] = ()
    """Conditions every amount and unquantified item is checked against (registered in Zhongshan, …)."""
    lists: tuple[ListKind, ...] = ()
    """Lists the firm already has whose total answers a money question (`desktop.policy.lists`)."""

    @property
    def short_hash(self) -> str:
        return self.hash[:12]

    @cached_property
    def _questions_by_id(self) -> dict[str, Question]:
        return {q.id: q for q in self.questions}

    def question(self, question_id: str) -> Question | None:
        return self._questions_by_id.get(question_id)

    def questions_in(self, section_id: str) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.section == section_id)

    def items(self) -> tuple[tuple[Measure, Item], ...]:
        return tuple((m, i) for m in self.measures for i in m.items)

    def in_force_on(self, day: dt.date) -> bool:
        return self.valid_from <= day <= self.valid_to

    @property
    def period(self) -> tuple[dt.date, dt.date]:
        """The period of activity the pack covers: what was done, paid or certified in it counts."""
        return (self.period_from or self.valid_from, self.period_to or self.valid_to)

    @cached_property
    def _items_by_id(self) -> dict[str, tuple[Measure, Item]]:
        return {i.id: (m, i) for m, i in self.items()}

    def item(self, item_id: str) -> tuple[Measure, Item] | None:
        return self._items_by_id.get(item_id)
