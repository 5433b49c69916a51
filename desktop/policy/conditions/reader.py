"""Reading conditions from a pack: every name resolved, every value typed for its question, every problem named.

Called by the loader (an item's conditions, the basic conditions, a question's `show_if`) and, for a
block's `when`, by the rule reader (desktop/policy/rules/reader.py, which extends this one). A problem is
recorded with the file, the entry and the field, and reading goes on.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

from desktop.policy.conditions import CONDITION_OPS, GROUPS, TESTS, ConditionOp
from desktop.policy.conditions.base import BAD, kind_term
from desktop.policy.model import Condition, Question, Text
from desktop.policy.rules.base import Operand
from desktop.problems import Listed, Problem, suggestion

if TYPE_CHECKING:
    from desktop.policy.loader import Where, _Checker

BASIC_KEYS = ("bars", "remedy", "remedy_en")
"""What only a basic condition (`[[common_conditions]]`) may say: that failing it bars the items, and the remedy."""
CONDITION_KEYS = (*CONDITION_OPS, *GROUPS, "question", "reason", "reason_en", "interpretation", *BASIC_KEYS)


class ConditionReader:
    """Reads the conditions of one pack against its questions (and, inside `each`, a table's fields)."""

    def __init__(self, checker: _Checker, questions: Mapping[str, Question], interpretations: set[str]) -> None:
        self.c = checker
        self.questions = questions
        self.interpretations = interpretations

    # -- names ------------------------------------------------------------------------------------------
    def lookup(self, name: object, where: Where, row: Question | None) -> Operand | None:
        """The question (or, inside a table's row, the field) a name means."""
        if not isinstance(name, str) or not name:
            self.c.fail(where, Problem("rules.question_name", value=repr(name)))
            return None
        if row is not None:
            field = row.field(name)
            if field is not None:
                return Operand(field, in_row=True)
        question = self.questions.get(name)
        if question is None:
            known = [*(f.id for f in row.fields), *self.questions] if row is not None else list(self.questions)
            self.c.fail(where, Problem("rules.question_unknown", value=repr(name), suggestion=suggestion(name, known)))
            return None
        return Operand(question)

    def typed(
        self, name: object, where: Where, row: Question | None, types: Sequence[str], need: Problem
    ) -> Operand | None:
        """A name that must mean a question of one of these types (`need` says which, when it does not)."""
        operand = self.lookup(name, where, row)
        if operand is None:
            return None
        qtype = operand.question.type
        if qtype not in types:
            self.c.fail(where, Problem("rules.wrong_type", need=need, question=operand.id, kind=kind_term(qtype)))
            return None
        return operand

    # -- conditions -------------------------------------------------------------------------------------
    def condition(
        self, data: object, where: Where, row: Question | None = None, *, per_item: bool = False, basic: bool = False
    ) -> Condition | None:
        """A condition; `per_item`: it is decided for one item (an item's or a basic condition), so it may test
        whether that item is listed (`item_not_in`); `basic`: a basic condition, which may bar the items."""
        if not isinstance(data, Mapping):
            self.c.fail(where, Problem("rules.condition_table"))
            return None
        for key in data:
            if key not in CONDITION_KEYS:
                self.c.fail(
                    where + f".{key}", Problem("field.unknown", suggestion=suggestion(str(key), CONDITION_KEYS))
                )
        bars, remedy = self._bar(data, where, basic)
        for name in CONDITION_OPS:
            refused = TESTS[name].only_per_item
            if name in data and refused is not None and not per_item:
                self.c.fail(where + f".{name}", refused)
                return None
        reason = self.c.text(data, "reason", where, required=False)
        interpretation = data.get("interpretation")
        if interpretation is not None and interpretation not in self.interpretations:
            self.c.fail(
                where + ".interpretation",
                Problem(
                    "pack.interpretation_unknown",
                    value=repr(interpretation),
                    suggestion=suggestion(str(interpretation), sorted(self.interpretations)),
                ),
            )
            interpretation = None
        groups = [k for k in GROUPS if k in data]
        ops = [k for k in CONDITION_OPS if k in data]
        if len(groups) + len(ops) != 1:
            self.c.fail(where, Problem("rules.one_test", ops=Listed((*CONDITION_OPS, *GROUPS))))
            return None
        why = reason if reason.zh else None
        named = cast(str | None, interpretation)
        if groups:
            key = groups[0]
            parts_data = data[key]
            if "question" in data:
                self.c.fail(where + ".question", Problem("rules.group_question", key=key))
            if not isinstance(parts_data, list) or not parts_data:
                self.c.fail(where + f".{key}", Problem("rules.conditions"))
                return None
            parts = [
                self.condition(p, where + f".{key}[{i}]", row, per_item=per_item) for i, p in enumerate(parts_data)
            ]
            if any(p is None for p in parts):
                return None
            return Condition(
                op=key,
                parts=tuple(p for p in parts if p is not None),
                reason=why,
                interpretation=named,
                bars=bars,
                remedy=remedy,
            )
        op: ConditionOp = ops[0]
        operand = self.lookup(data.get("question"), where + ".question", row)
        if operand is None:
            return None
        value = TESTS[op].read(self, data[op], where + f".{op}", operand.question)
        if value is BAD:
            return None
        return Condition(
            question=operand.id, op=op, value=value, reason=why, interpretation=named, bars=bars, remedy=remedy
        )

    def _bar(self, data: Mapping[str, Any], where: Where, basic: bool) -> tuple[bool, Text | None]:
        """`bars = true` with its `remedy`, on a basic condition only."""
        if not any(key in data for key in BASIC_KEYS):
            return False, None
        if not basic:
            self.c.fail(where + ".bars", Problem("rules.bars_basic"))
            return False, None
        bars = data.get("bars", False)
        if not isinstance(bars, bool):
            self.c.fail(where + ".bars", Problem("pack.bool_type"))
            return False, None
        remedy = self.c.text(data, "remedy", where, required=False)
        if bars and not remedy.zh:
            self.c.fail(where + ".remedy", Problem("rules.remedy"))
        return bars, remedy if remedy.zh else None
