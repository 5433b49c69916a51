"""`equals` and `in`: the answer is this value, or one of these values."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from desktop.policy.conditions.base import BAD, NUMERIC, Test, kind_term, read_number
from desktop.policy.model import Condition, Pack, Question
from desktop.problems import Problem

if TYPE_CHECKING:
    from desktop.policy.conditions.reader import ConditionReader
    from desktop.policy.loader import Where


class Equals(Test):
    op = "equals"

    def read(self, reader: ConditionReader, raw: object, where: Where, q: Question) -> object:
        qtype = q.type
        if qtype == "bool" and isinstance(raw, bool):
            return raw
        if qtype == "choice" and isinstance(raw, str) and q.choice(raw) is not None:
            return raw
        if qtype == "text" and isinstance(raw, str):
            return raw
        if qtype in NUMERIC:
            return read_number(reader, q, raw, where)
        if qtype == "bool":
            reader.c.fail(where, Problem("rules.equals_bool", question=q.id))
        elif qtype == "choice":
            reader.c.fail(where, Problem("rules.no_choice", question=q.id, value=repr(raw)))
        else:
            reader.c.fail(where, Problem("rules.equals", question=q.id, kind=kind_term(qtype), value=repr(raw)))
        return BAD

    def holds(self, value: Any, cond: Condition, pack: Pack, item: str | None) -> bool:
        return bool(value == cond.value)

    def satisfying(self, cond: Condition, question: Question, answers: Mapping[str, Any], item: str) -> Any:
        return cond.value


class In(Test):
    op = "in"

    def read(self, reader: ConditionReader, raw: object, where: Where, q: Question) -> object:
        if q.type != "choice":
            reader.c.fail(where, Problem("rules.not_choice", question=q.id))
            return BAD
        if not (isinstance(raw, list) and raw and all(isinstance(v, str) for v in raw)):
            reader.c.fail(where, Problem("rules.choice_values"))
            return BAD
        missing = [v for v in raw if q.choice(v) is None]
        for v in missing:
            reader.c.fail(where, Problem("rules.no_choice", question=q.id, value=repr(v)))
        return BAD if missing else tuple(raw)

    def holds(self, value: Any, cond: Condition, pack: Pack, item: str | None) -> bool:
        return value in cond.value  # type: ignore[operator]  # the loader makes it a tuple of values

    def satisfying(self, cond: Condition, question: Question, answers: Mapping[str, Any], item: str) -> Any:
        return cond.value[0]  # type: ignore[index]
