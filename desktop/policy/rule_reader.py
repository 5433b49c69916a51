"""Reading conditions and amount rules from a pack: every name resolved, every type checked, every problem named.

Called by the loader once the questions are known. A problem is recorded with the file, the entry and
the field (`…items[0]（aeo）.rule.smaller_of[1].of: …`) and reading goes on, so a pack author sees every
problem at once. What comes out is only used when there was no problem at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

from desktop.policy.model import QUANTITY_TYPES, Condition, ConditionOp, Question, Text
from desktop.policy.rules import (
    NO_MODS,
    BestOf,
    Block,
    Cap,
    Each,
    Fixed,
    ItemAmount,
    LargerOf,
    Mods,
    Operand,
    Per,
    Rate,
    SmallerOf,
    Sum,
    Tier,
    Tiers,
    Value,
    walk,
)
from desktop.problems import Listed, Problem, Term, suggestion

if TYPE_CHECKING:
    from desktop.policy.loader import Where, _Checker

# What a block is, by the key that names its computation (exactly one per block; `of` alone is a Value).
BLOCK_KEYS = ("fixed", "rate", "per", "sum", "smaller_of", "larger_of", "best_of", "tiers", "each", "item")
MOD_KEYS = ("cap", "cap_name", "cap_name_en", "minus", "floor", "when", "label", "label_en")
OWN_KEYS: dict[str, tuple[str, ...]] = {
    "fixed": ("fixed",),
    "value": ("of",),
    "rate": ("rate", "of"),
    "per": ("per", "of"),
    "sum": ("sum",),
    "smaller_of": ("smaller_of",),
    "larger_of": ("larger_of",),
    "best_of": ("best_of",),
    "tiers": ("tiers", "table", "of"),
    "each": ("each", "per_row", "row_name", "highest", "group_by"),
    "item": ("item",),
}
LEGACY_TYPES = ("fixed", "rate", "per_record_rate")
COMPARISONS: tuple[ConditionOp, ...] = ("at_least", "at_most", "above", "below")
DATE_BOUNDS: tuple[ConditionOp, ...] = ("on_or_after", "on_or_before")
CONDITION_OPS: tuple[ConditionOp, ...] = (
    "equals",
    "in",
    *COMPARISONS,
    *DATE_BOUNDS,
    "between",
    "in_validity",
    "in_period",
    "item_not_in",
)
BASIC_KEYS = ("bars", "remedy", "remedy_en")
"""What only a basic condition (`[[common_conditions]]`) may say: that failing it bars the items, and the remedy."""
CONDITION_KEYS = (*CONDITION_OPS, "all", "any", "question", "reason", "reason_en", "interpretation", *BASIC_KEYS)


def _kind(qtype: str) -> Term:
    """The kind of a question as a message names it (是非题, a yes/no question)."""
    return Term(f"question_type.{qtype}")


class RuleReader:
    """Reads the conditions and rules of one pack against its questions (and, inside `each`, a table's fields)."""

    def __init__(self, checker: _Checker, questions: Mapping[str, Question], interpretations: set[str]) -> None:
        self.c = checker
        self.questions = questions
        self.interpretations = interpretations

    # -- names ------------------------------------------------------------------------------------------
    def _lookup(self, name: object, where: Where, row: Question | None) -> Operand | None:
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

    def _typed(
        self, name: object, where: Where, row: Question | None, types: Sequence[str], need: Problem
    ) -> Operand | None:
        operand = self._lookup(name, where, row)
        if operand is None:
            return None
        qtype = operand.question.type
        if qtype not in types:
            self.c.fail(where, Problem("rules.wrong_type", need=need, question=operand.id, kind=_kind(qtype)))
            return None
        return operand

    # -- numbers ----------------------------------------------------------------------------------------
    def _money(self, data: Mapping[str, Any], key: str, where: Where) -> Decimal | None:
        value = self.c.decimal(data, key, where)
        if value is not None and value != value.quantize(Decimal("0.01")):
            self.c.fail(where + f".{key}", Problem("rules.cents", value=str(value)))
            return None
        return value

    def _rate_number(self, data: Mapping[str, Any], key: str, where: Where) -> Decimal | None:
        rate = self.c.decimal(data, key, where)
        if rate is not None and rate > 1:
            self.c.fail(where + f".{key}", Problem("rules.rate_range", value=str(rate)))
            return None
        return rate

    def _threshold(self, value: object, where: Where, by: Question) -> Decimal | None:
        if by.type == "integer":
            if isinstance(value, bool) or not isinstance(value, int):
                self.c.fail(where, Problem("rules.band_integer", question=by.id, value=repr(value)))
                return None
            return Decimal(value)
        return self.c.number(value, where, "quantity" if by.type == "number" else "amount")

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
        if "item_not_in" in data and not per_item:
            self.c.fail(where + ".item_not_in", Problem("rules.item_not_in"))
            return None
        reason = self.c.text(data, "reason", where, required=False)
        interpretation = data.get("interpretation")
        if interpretation is not None and interpretation not in self.interpretations:
            near = suggestion(str(interpretation), sorted(self.interpretations))
            self.c.fail(
                where + ".interpretation",
                Problem("pack.interpretation_unknown", value=repr(interpretation), suggestion=near),
            )
            interpretation = None
        groups = [k for k in ("all", "any") if k in data]
        ops = [k for k in CONDITION_OPS if k in data]
        if len(groups) + len(ops) != 1:
            self.c.fail(where, Problem("rules.one_test", ops=Listed((*CONDITION_OPS, "all", "any"))))
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
                op=cast(ConditionOp, key),
                parts=tuple(p for p in parts if p is not None),
                reason=why,
                interpretation=named,
                bars=bars,
                remedy=remedy,
            )
        op = ops[0]
        operand = self._lookup(data.get("question"), where + ".question", row)
        if operand is None:
            return None
        value = self._condition_value(op, data[op], where + f".{op}", operand.question)
        if value is _BAD:
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

    def _condition_value(self, op: ConditionOp, raw: object, where: Where, q: Question) -> object:
        qtype = q.type
        word = _kind(qtype)
        if op == "equals":
            if qtype == "bool" and isinstance(raw, bool):
                return raw
            if qtype == "choice" and isinstance(raw, str) and q.choice(raw) is not None:
                return raw
            if qtype == "text" and isinstance(raw, str):
                return raw
            if qtype in ("integer", "money", "number"):
                return self._number_for(q, raw, where)
            if qtype == "bool":
                self.c.fail(where, Problem("rules.equals_bool", question=q.id))
            elif qtype == "choice":
                self.c.fail(where, Problem("rules.no_choice", question=q.id, value=repr(raw)))
            else:
                self.c.fail(where, Problem("rules.equals", question=q.id, kind=word, value=repr(raw)))
            return _BAD
        if op == "in":
            if qtype != "choice":
                self.c.fail(where, Problem("rules.not_choice", question=q.id))
                return _BAD
            if not (isinstance(raw, list) and raw and all(isinstance(v, str) for v in raw)):
                self.c.fail(where, Problem("rules.choice_values"))
                return _BAD
            missing = [v for v in raw if q.choice(v) is None]
            for v in missing:
                self.c.fail(where, Problem("rules.no_choice", question=q.id, value=repr(v)))
            return _BAD if missing else tuple(raw)
        if op in COMPARISONS:
            if qtype not in ("integer", "money", "number"):
                self.c.fail(where, Problem("rules.not_number", question=q.id, kind=word))
                return _BAD
            return self._number_for(q, raw, where)
        if op in DATE_BOUNDS or op == "between":
            if op == "between":
                if not (isinstance(raw, list) and len(raw) == 2):
                    self.c.fail(where, Problem("rules.between_pair"))
                    return _BAD
                low = self._bound(q, raw[0], where + "[0]")
                high = self._bound(q, raw[1], where + "[1]")
                if low is _BAD or high is _BAD:
                    return _BAD
                if cast(Any, low) > cast(Any, high):
                    self.c.fail(where, Problem("rules.between_order", low=str(low), high=str(high)))
                    return _BAD
                return (low, high)
            if qtype != "date":
                self.c.fail(where, Problem("rules.not_date_kind", question=q.id, kind=word))
                return _BAD
            return self._bound(q, raw, where)
        # item_not_in, in_validity, in_period: `true`, on a list of items or a date
        listed = op == "item_not_in"
        if raw is not True:
            self.c.fail(where, Problem("rules.only_true"))
            return _BAD
        if qtype != ("items" if listed else "date"):
            self.c.fail(where, Problem("rules.not_items" if listed else "rules.not_date", question=q.id))
            return _BAD
        return True

    def _bound(self, q: Question, raw: object, where: Where) -> object:
        if q.type == "date":
            if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
                return raw
            if isinstance(raw, str):
                try:
                    return dt.date.fromisoformat(raw)
                except ValueError:
                    pass
            self.c.fail(where, Problem("pack.date_type", value=repr(raw)))
            return _BAD
        if q.type in ("integer", "money", "number"):
            return self._number_for(q, raw, where)
        self.c.fail(where, Problem("rules.between_type", question=q.id))
        return _BAD

    def _number_for(self, q: Question, raw: object, where: Where) -> object:
        if q.type == "integer":
            if isinstance(raw, bool) or not isinstance(raw, int):
                self.c.fail(where, Problem("rules.integer", question=q.id, value=repr(raw)))
                return _BAD
            return raw
        number = self.c.number(raw, where, "quantity" if q.type == "number" else "amount")
        return _BAD if number is None else number

    # -- blocks -----------------------------------------------------------------------------------------
    def rule(self, data: object, where: Where) -> Block | None:
        """An item's rule: a block in the form of docs/policy-packs.md §8, or one of the three older forms."""
        if isinstance(data, Mapping) and "type" in data:
            return self._legacy(data, where)
        return self.block(data, where, None)

    def block(self, data: object, where: Where, row: Question | None) -> Block | None:
        if isinstance(data, (str, int)) and not isinstance(data, bool):  # a plain sum (a cap written "500000")
            amount = self.c.number(data, where, "amount")
            return None if amount is None else Fixed(amount)
        if not isinstance(data, Mapping):
            self.c.fail(where, Problem("rules.block_type"))
            return None
        kinds = [k for k in BLOCK_KEYS if k in data]
        if len(kinds) > 1:
            self.c.fail(where, Problem("rules.block_kinds", kinds=Listed(tuple(kinds))))
            return None
        kind = kinds[0] if kinds else ("value" if "of" in data else "")
        if not kind:
            found = Listed(tuple(map(str, data)), "comma") if data else Term("nothing")
            self.c.fail(where, Problem("rules.block_unknown", keys=Listed((*BLOCK_KEYS, "of")), found=found))
            return None
        allowed = (*OWN_KEYS[kind], *MOD_KEYS)
        for key in data:
            if key not in allowed:
                near = suggestion(str(key), allowed)
                self.c.fail(where + f".{key}", Problem("rules.block_field", kind=kind, suggestion=near))
        mods = self._mods(data, where, row)
        reader = getattr(self, f"_{kind}")
        block = cast(Block | None, reader(data, where, row, mods))
        if block is not None:
            self._check_floor(block, where)
        return block

    def _mods(self, data: Mapping[str, Any], where: Where, row: Question | None) -> Mods:
        caps: list[Cap] = []
        raw_caps = data.get("cap")
        if raw_caps is not None:
            cap_name = self.c.text(data, "cap_name", where, required=False)
            items = raw_caps if isinstance(raw_caps, list) else [raw_caps]
            for i, raw in enumerate(items):
                cw = where + ".cap" + (f"[{i}]" if isinstance(raw_caps, list) else "")
                bound = self.block(raw, cw, row)
                if bound is None:
                    continue
                if isinstance(raw, Mapping):  # a block cap is named by its own label
                    caps.append(Cap(bound, bound.mods.label))
                else:
                    caps.append(Cap(bound, cap_name if cap_name.zh else None))
        elif "cap_name" in data:
            self.c.fail(where + ".cap_name", Problem("rules.cap_name"))
        minus: list[Operand] = []
        raw_minus = data.get("minus")
        if raw_minus is not None:
            names = raw_minus if isinstance(raw_minus, list) else [raw_minus]
            for i, name in enumerate(names):
                mw = where + ".minus" + (f"[{i}]" if isinstance(raw_minus, list) else "")
                operand = self._typed(name, mw, row, ("money",), Problem("rules.minus"))
                if operand is not None:
                    minus.append(operand)
        floor = self._money(data, "floor", where) if "floor" in data else None
        when = self.condition(data["when"], where + ".when", row) if "when" in data else None
        label = self.c.text(data, "label", where, required=False)
        return Mods(tuple(caps), tuple(minus), floor, when, label if label.zh else None)

    def _check_floor(self, block: Block, where: Where) -> None:
        fixed_caps = [cap.fixed for cap in block.mods.caps if cap.fixed is not None]
        floor = block.mods.floor
        if floor is not None and fixed_caps and floor > min(fixed_caps):
            self.c.fail(where + ".floor", Problem("rules.floor", floor=str(floor), cap=str(min(fixed_caps))))

    def _fixed(self, data: Mapping[str, Any], where: Where, row: Question | None, mods: Mods) -> Block | None:
        amount = self._money(data, "fixed", where)
        return None if amount is None else Fixed(amount, mods)

    def _of(self, data: Mapping[str, Any], where: Where, row: Question | None) -> Operand | Block | None:
        raw = data.get("of")
        if raw is None:
            self.c.fail(where + ".of", Problem("rules.of_missing"))
            return None
        if isinstance(raw, Mapping):
            return self.block(raw, where + ".of", row)
        return self._typed(raw, where + ".of", row, ("money",), Problem("rules.of_money"))

    def _value(self, data: Mapping[str, Any], where: Where, row: Question | None, mods: Mods) -> Block | None:
        of = self._of(data, where, row)
        return None if of is None else Value(of, mods)

    def _rate(self, data: Mapping[str, Any], where: Where, row: Question | None, mods: Mods) -> Block | None:
        if isinstance(data.get("rate"), Mapping):
            self.c.fail(where + ".rate", Problem("rules.rate_of_rate"))
            return None
        rate = self._rate_number(data, "rate", where)
        if "of" not in data:
            self.c.fail(where + ".of", Problem("rules.rate_needs_of"))
            return None
        of = self._of(data, where, row)
        return None if rate is None or of is None else Rate(rate, of, mods)

    def _per(self, data: Mapping[str, Any], where: Where, row: Question | None, mods: Mods) -> Block | None:
        per = self.c.decimal(data, "per", where)  # a sum per unit may be finer than a cent (0.005 元 per USD)
        raw = data.get("of")
        if raw is None:
            self.c.fail(where + ".of", Problem("rules.per_of_missing"))
            return None
        operand = self._typed(raw, where + ".of", row, QUANTITY_TYPES, Problem("rules.per_of"))
        return None if per is None or operand is None else Per(per, operand, mods)

    def _parts(self, data: Mapping[str, Any], key: str, where: Where, row: Question | None) -> tuple[Block, ...] | None:
        raw = data.get(key)
        if not isinstance(raw, list) or len(raw) < 2:
            self.c.fail(where + f".{key}", Problem("rules.parts"))
            return None
        parts = [self.block(p, where + f".{key}[{i}]", row) for i, p in enumerate(raw)]
        return None if any(p is None for p in parts) else tuple(p for p in parts if p is not None)

    def _sum(self, data: Mapping[str, Any], where: Where, row: Question | None, mods: Mods) -> Block | None:
        parts = self._parts(data, "sum", where, row)
        return None if parts is None else Sum(parts, mods)

    def _smaller_of(self, data: Mapping[str, Any], where: Where, row: Question | None, mods: Mods) -> Block | None:
        parts = self._parts(data, "smaller_of", where, row)
        return None if parts is None else SmallerOf(parts, mods)

    def _larger_of(self, data: Mapping[str, Any], where: Where, row: Question | None, mods: Mods) -> Block | None:
        parts = self._parts(data, "larger_of", where, row)
        return None if parts is None else LargerOf(parts, mods)

    def _best_of(self, data: Mapping[str, Any], where: Where, row: Question | None, mods: Mods) -> Block | None:
        parts = self._parts(data, "best_of", where, row)
        if parts is None:
            return None
        for i, part in enumerate(parts):
            if part.mods.label is None:
                self.c.fail(where + f".best_of[{i}].label", Problem("rules.best_of_label"))
        return BestOf(parts, mods)

    def _tiers(self, data: Mapping[str, Any], where: Where, row: Question | None, mods: Mods) -> Block | None:
        by = self._typed(
            data.get("tiers"), where + ".tiers", row, ("integer", "number", "money"), Problem("rules.tiers_by")
        )
        raw_table = data.get("table")
        if not isinstance(raw_table, list) or not raw_table or not all(isinstance(t, Mapping) for t in raw_table):
            self.c.fail(where + ".table", Problem("rules.tiers_table"))
            return None
        of: Operand | Block | None = self._of(data, where, row) if "of" in data else None
        tiers: list[Tier] = []
        for i, raw in enumerate(cast(list[Mapping[str, Any]], raw_table)):
            tw = where + f".table[{i}]"
            for key in raw:
                if key not in ("from", "to", "amount", "rate"):
                    near = suggestion(str(key), ("from", "to", "amount", "rate"))
                    self.c.fail(tw + f".{key}", Problem("rules.band_field", suggestion=near))
            if by is None:
                continue
            if "from" not in raw:
                self.c.fail(tw + ".from", Problem("rules.band_from"))
                continue
            lower = self._threshold(raw["from"], tw + ".from", by.question)
            upper = self._threshold(raw["to"], tw + ".to", by.question) if "to" in raw else None
            if ("amount" in raw) == ("rate" in raw):
                self.c.fail(tw, Problem("rules.band_amount_or_rate"))
                continue
            amount = self._money(raw, "amount", tw) if "amount" in raw else None
            rate = self._rate_number(raw, "rate", tw) if "rate" in raw else None
            if rate is not None and of is None and by.question.type != "money":
                self.c.fail(tw + ".rate", Problem("rules.band_rate_of"))
            if lower is None or ("to" in raw and upper is None):
                continue
            if upper is not None and upper < lower:
                self.c.fail(tw + ".to", Problem("rules.band_end", high=str(upper), low=str(lower)))
                continue
            if tiers:
                previous = tiers[-1]
                if lower <= previous.lower:
                    order = Problem("rules.band_order", low=str(lower), previous=str(previous.lower))
                    self.c.fail(tw + ".from", order)
                    continue
                if previous.upper is not None and lower <= previous.upper:
                    overlap = Problem("rules.band_overlap", low=str(lower), previous=str(previous.upper))
                    self.c.fail(tw + ".from", overlap)
                    continue
            tiers.append(Tier(lower, upper, amount, rate))
        if by is None or len(tiers) != len(raw_table):
            return None
        if of is None and any(t.rate is not None for t in tiers):
            of = by
        return Tiers(by, tuple(tiers), of, mods)

    def _each(self, data: Mapping[str, Any], where: Where, row: Question | None, mods: Mods) -> Block | None:
        if row is not None:
            self.c.fail(where + ".each", Problem("rules.each_nested"))
            return None
        name = data.get("each")
        table = self.questions.get(name) if isinstance(name, str) else None
        if table is None or table.type != "table":
            if table is not None:
                self.c.fail(where + ".each", Problem("rules.each_kind", name=str(name), kind=_kind(table.type)))
            else:
                self.c.fail(where + ".each", Problem("rules.each_unknown", name=repr(name)))
            return None
        if "per_row" not in data:
            self.c.fail(where + ".per_row", Problem("rules.per_row"))
            return None
        per_row = self.block(data["per_row"], where + ".per_row", table)
        label_ok, label_field = self._field(table, data.get("row_name"), where + ".row_name")
        group_ok, group_by = self._field(table, data.get("group_by"), where + ".group_by")
        highest = self.c.integer(data, "highest", where)
        if highest is not None and highest < 1:
            self.c.fail(where + ".highest", Problem("rules.highest"))
            return None
        if per_row is None or not (label_ok and group_ok):
            return None
        return Each(table, per_row, label_field, highest, group_by, mods)

    def _field(self, table: Question, name: object, where: Where) -> tuple[bool, Question | None]:
        """(found, field): a missing field is a problem only when a name was given."""
        if name is None:
            return True, None
        field = table.field(name) if isinstance(name, str) else None
        if field is None:
            near = suggestion(str(name), [f.id for f in table.fields])
            self.c.fail(where, Problem("rules.table_field", table=table.id, name=repr(name), suggestion=near))
            return False, None
        return True, field

    def _item(self, data: Mapping[str, Any], where: Where, row: Question | None, mods: Mods) -> Block | None:
        item_id = self.c.string(data, "item", where)
        return ItemAmount(item_id, mods) if item_id else None

    # -- the three forms packs were written in before the building blocks ------------------------------
    def _legacy(self, data: Mapping[str, Any], where: Where) -> Block | None:
        rtype = self.c.choice_of(data, "type", where, LEGACY_TYPES, "fixed")
        allowed = {
            "fixed": ("type", "amount"),
            "rate": ("type", "base", "rate", "cap"),
            "per_record_rate": ("type", "records", "base_field", "label_field", "rate", "record_cap", "total_cap"),
        }[rtype]
        for key in data:
            if key not in allowed:
                near = suggestion(str(key), allowed)
                self.c.fail(where + f".{key}", Problem("rules.legacy_field", kind=rtype, suggestion=near))
        if rtype == "fixed":
            amount = self._money(data, "amount", where)
            return None if amount is None else Fixed(amount)
        rate = self._rate_number(data, "rate", where)
        if rtype == "rate":
            base = self._typed(data.get("base"), where + ".base", None, ("money",), Problem("rules.base"))
            cap = self._money(data, "cap", where) if "cap" in data else None
            if rate is None or base is None:
                return None
            return Rate(rate, base, Mods(caps=(Cap(Fixed(cap)),)) if cap is not None else NO_MODS)
        records = data.get("records")
        table = self.questions.get(records) if isinstance(records, str) else None
        if table is None or table.type != "table":
            self.c.fail(where + ".records", Problem("rules.records", value=repr(records)))
            return None
        base_field = table.field(str(data.get("base_field", "")))
        if base_field is None or base_field.type != "money":
            self.c.fail(
                where + ".base_field", Problem("rules.base_field", table=table.id, name=repr(data.get("base_field")))
            )
            return None
        label_ok, label = self._field(table, data.get("label_field"), where + ".label_field")
        record_cap = self._money(data, "record_cap", where) if "record_cap" in data else None
        total_cap = self._money(data, "total_cap", where) if "total_cap" in data else None
        if rate is None or not label_ok:
            return None
        row_cap = Mods(caps=(Cap(Fixed(record_cap)),)) if record_cap is not None else NO_MODS
        per_row = Rate(rate, Operand(base_field, in_row=True), row_cap)
        total_name = Text("每个单位上限", "cap per enterprise")
        total = Mods(caps=(Cap(Fixed(total_cap), total_name),)) if total_cap is not None else NO_MODS
        return Each(table, per_row, label, mods=total)


class _Bad:
    """Marks a value that could not be read (None is a legal condition value)."""


_BAD = _Bad()


def item_cycles(rules: Mapping[str, Block]) -> list[list[str]]:
    """Chains of items whose amounts depend on each other in a circle (`a → b → a`), each found once."""
    graph = {item: sorted({b.item_id for b in walk(rule) if isinstance(b, ItemAmount)}) for item, rule in rules.items()}
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for nxt in graph.get(node, []):
            if state.get(nxt) == 1:
                cycles.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt)
        path.pop()
        state[node] = 2

    for node in graph:
        if node not in state:
            visit(node)
    return cycles
