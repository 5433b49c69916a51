"""The policy pack as plain, immutable objects: what the loader produces and the engine reads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Literal

Lang = Literal["zh", "en"]
QuestionType = Literal["bool", "choice", "date", "money", "integer", "text", "table"]
ItemKind = Literal["amount", "unquantified", "service"]
Basis = Literal["exact", "up_to"]
RuleType = Literal["fixed", "rate", "per_record_rate"]

QUESTION_TYPES: tuple[QuestionType, ...] = ("bool", "choice", "date", "money", "integer", "text", "table")
ITEM_KINDS: tuple[ItemKind, ...] = ("amount", "unquantified", "service")
BASES: tuple[Basis, ...] = ("exact", "up_to")
RULE_TYPES: tuple[RuleType, ...] = ("fixed", "rate", "per_record_rate")


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
    """A test on one answer. Exactly one of the operators is set.

    `in_validity` tests that a date lies within the pack's validity, both ends inclusive.
    """

    question: str
    equals: object = None
    one_of: tuple[str, ...] | None = None
    at_least: int | None = None
    in_validity: bool = False
    reason: Text | None = None


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

    @property
    def noun(self) -> Text:
        """How explanations name the answer: the short label where the pack gives one."""
        return self.short or self.label

    def choice(self, value: str) -> Choice | None:
        return next((c for c in self.choices if c.value == value), None)

    def field(self, field_id: str) -> Question | None:
        return next((f for f in self.fields if f.id == field_id), None)


@dataclass(frozen=True)
class Rule:
    """How an amount item computes its figure. Money and rates are exact decimals."""

    type: RuleType
    amount: Decimal | None = None
    base: str | None = None
    rate: Decimal | None = None
    cap: Decimal | None = None
    records: str | None = None
    base_field: str | None = None
    label_field: str | None = None
    record_cap: Decimal | None = None
    total_cap: Decimal | None = None


@dataclass(frozen=True)
class Document:
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
    rule: Rule | None = None
    documents: tuple[Document, ...] = ()
    notes: tuple[Text, ...] = ()


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
