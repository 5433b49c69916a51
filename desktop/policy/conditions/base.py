"""What every test of a condition shares: how its value is read, how it decides, what it offers.

A condition tests one answer (`{ question = "aeo_first_certified", equals = true }`), or several (`all`,
`any`). Each test (`equals`, `between`, `item_not_in`, …) is one class in a module of this package, listed in
the table of desktop/policy/conditions/__init__.py; desktop/wording/conditions.py words what it found.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from desktop.policy.model import Condition, Pack, Question
from desktop.problems import Problem, Term

if TYPE_CHECKING:
    from desktop.policy.conditions import ConditionOp
    from desktop.policy.conditions.reader import ConditionReader
    from desktop.policy.loader import Where

NUMERIC = ("integer", "money", "number")


class Bad:
    """Marks a value that could not be read (None is a legal condition value)."""


BAD = Bad()

DateRange = tuple[dt.date | None, dt.date | None]


class Test:
    """One test of a condition. Instances are stateless: the table holds one of each."""

    op: ClassVar[ConditionOp]
    only_per_item: ClassVar[Problem | None] = None
    """For a test decided for one item (whether that item is listed): the problem of writing it anywhere
    but in an item's or a basic condition."""

    def read(self, reader: ConditionReader, raw: object, where: Where, q: Question) -> object:
        """The test's value as the pack wrote it, typed for the question; BAD after recording a problem."""
        raise NotImplementedError

    def holds(self, value: Any, cond: Condition, pack: Pack, item: str | None) -> bool:
        """Whether the answer passes (it was given)."""
        raise NotImplementedError

    # -- what it offers to the opportunities --------------------------------------------------------------
    def satisfying(self, cond: Condition, question: Question, answers: Mapping[str, Any], item: str) -> Any:
        """An answer that passes (for a choice, the first value allowed; for a list of items, the list
        without this item); None when acting cannot give one."""
        return None

    def fails_only_for(self, value: Any) -> frozenset[str] | None:
        """For a test decided per item: the only items it can fail for on this answer (None: any)."""
        return None

    def date_range(self, cond: Condition) -> DateRange | None:
        """For a test that asks a date to lie in a range: its bounds (None: open)."""
        return None


def read_number(reader: ConditionReader, q: Question, raw: object, where: Where) -> object:
    """A number compared with a numeric answer: an integer for an integer question, else an amount."""
    if q.type == "integer":
        if isinstance(raw, bool) or not isinstance(raw, int):
            reader.c.fail(where, Problem("rules.integer", question=q.id, value=repr(raw)))
            return BAD
        return raw
    number = reader.c.number(raw, where, "quantity" if q.type == "number" else "amount")
    return BAD if number is None else number


def read_bound(reader: ConditionReader, q: Question, raw: object, where: Where) -> object:
    """A bound of a range: a date for a date question, a number for a numeric one."""
    if q.type == "date":
        if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
            return raw
        if isinstance(raw, str):
            try:
                return dt.date.fromisoformat(raw)
            except ValueError:
                pass
        reader.c.fail(where, Problem("pack.date_type", value=repr(raw)))
        return BAD
    if q.type in NUMERIC:
        return read_number(reader, q, raw, where)
    reader.c.fail(where, Problem("rules.between_type", question=q.id))
    return BAD


def read_true(reader: ConditionReader, raw: object, where: Where, q: Question, qtype: str) -> object:
    """`… = true` on a question of one type (a date against the pack's dates, a list of items)."""
    if raw is not True:
        reader.c.fail(where, Problem("rules.only_true"))
        return BAD
    if q.type != qtype:
        reader.c.fail(where, Problem("rules.not_items" if qtype == "items" else "rules.not_date", question=q.id))
        return BAD
    return True


def kind_term(qtype: str) -> Term:
    """The kind of a question as a message names it (是非题, a yes/no question)."""
    return Term(f"question_type.{qtype}")
