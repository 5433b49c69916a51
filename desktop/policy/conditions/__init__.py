"""The tests a condition may make, in one table: each op of the pack language and the class that reads,
decides and offers it (desktop/policy/conditions/*.py); their sentences are in desktop/wording/conditions.py.

`all` and `any` are not tests of an answer but of other conditions: desktop/policy/conditions/check.py
decides them, desktop/policy/conditions/reader.py reads them.
"""

from __future__ import annotations

from typing import Literal

from desktop.policy.conditions.base import Test
from desktop.policy.conditions.compare import Above, AtLeast, AtMost, Below
from desktop.policy.conditions.dates import Between, OnOrAfter, OnOrBefore
from desktop.policy.conditions.equals import Equals, In
from desktop.policy.conditions.listed import ItemNotIn
from desktop.policy.conditions.period import InPeriod, InValidity

ConditionOp = Literal[
    "equals",
    "in",
    "at_least",
    "at_most",
    "above",
    "below",
    "on_or_after",
    "on_or_before",
    "between",
    "in_validity",
    "in_period",
    "item_not_in",
    "all",
    "any",
]

TESTS: dict[ConditionOp, Test] = {
    test.op: test
    for test in (
        Equals(),
        In(),
        AtLeast(),
        AtMost(),
        Above(),
        Below(),
        OnOrAfter(),
        OnOrBefore(),
        Between(),
        InValidity(),
        InPeriod(),
        ItemNotIn(),
    )
}
"""Every test of one answer, in the order the pack language lists them (docs/policy-packs.md §6)."""

CONDITION_OPS: tuple[ConditionOp, ...] = tuple(TESTS)
GROUPS: tuple[ConditionOp, ...] = ("all", "any")
