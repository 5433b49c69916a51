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
from desktop.quoting import did_you_mean

if TYPE_CHECKING:
    from desktop.policy.loader import _Checker

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
TYPE_WORDS = {
    "bool": "是非题",
    "choice": "选择题",
    "date": "日期题",
    "money": "金额题",
    "integer": "整数题",
    "number": "数量题",
    "text": "文字题",
    "table": "表格题",
    "items": "项目清单题",
}


class RuleReader:
    """Reads the conditions and rules of one pack against its questions (and, inside `each`, a table's fields)."""

    def __init__(self, checker: _Checker, questions: Mapping[str, Question], interpretations: set[str]) -> None:
        self.c = checker
        self.questions = questions
        self.interpretations = interpretations

    # -- names ------------------------------------------------------------------------------------------
    def _lookup(self, name: object, where: str, row: Question | None) -> Operand | None:
        if not isinstance(name, str) or not name:
            self.c.fail(where, f"应为问题编号（文字），实际为 {name!r}")
            return None
        if row is not None:
            field = row.field(name)
            if field is not None:
                return Operand(field, in_row=True)
        question = self.questions.get(name)
        if question is None:
            known = [*(f.id for f in row.fields), *self.questions] if row is not None else list(self.questions)
            self.c.fail(where, f"引用了不存在的问题 {name!r}{did_you_mean(name, known)}")
            return None
        return Operand(question)

    def _typed(self, name: object, where: str, row: Question | None, types: Sequence[str], need: str) -> Operand | None:
        operand = self._lookup(name, where, row)
        if operand is None:
            return None
        qtype = operand.question.type
        if qtype not in types:
            self.c.fail(where, f"{need}；{operand.id} 是{TYPE_WORDS.get(qtype, qtype)}")
            return None
        return operand

    # -- numbers ----------------------------------------------------------------------------------------
    def _money(self, data: Mapping[str, Any], key: str, where: str) -> Decimal | None:
        value = self.c.decimal(data, key, where)
        if value is not None and value != value.quantize(Decimal("0.01")):
            self.c.fail(f"{where}.{key}", f"金额最多保留两位小数（精确到分），实际为 {value}")
            return None
        return value

    def _rate_number(self, data: Mapping[str, Any], key: str, where: str) -> Decimal | None:
        rate = self.c.decimal(data, key, where)
        if rate is not None and rate > 1:
            self.c.fail(f"{where}.{key}", f'比例应在 0 到 1 之间（30% 写作 "0.30"），实际为 {rate}')
            return None
        return rate

    def _threshold(self, value: object, where: str, by: Question) -> Decimal | None:
        if by.type == "integer":
            if isinstance(value, bool) or not isinstance(value, int):
                self.c.fail(where, f"{by.id} 是整数题，档位界限应为整数，实际为 {value!r}")
                return None
            return Decimal(value)
        return self.c.number(value, where, "quantity" if by.type == "number" else "amount")

    # -- conditions -------------------------------------------------------------------------------------
    def condition(
        self, data: object, where: str, row: Question | None = None, *, per_item: bool = False, basic: bool = False
    ) -> Condition | None:
        """A condition; `per_item`: it is decided for one item (an item's or a basic condition), so it may test
        whether that item is listed (`item_not_in`); `basic`: a basic condition, which may bar the items."""
        if not isinstance(data, Mapping):
            self.c.fail(where, "条件应为表（{ question = …, equals = … }）")
            return None
        for key in data:
            if key not in CONDITION_KEYS:
                self.c.fail(f"{where}.{key}", f"未知的字段{did_you_mean(str(key), CONDITION_KEYS)}")
        bars, remedy = self._bar(data, where, basic)
        if "item_not_in" in data and not per_item:
            self.c.fail(f"{where}.item_not_in", "item_not_in 只能用于支持项目的条件和基本条件")
            return None
        reason = self.c.text(data, "reason", where, required=False)
        interpretation = data.get("interpretation")
        if interpretation is not None and interpretation not in self.interpretations:
            self.c.fail(
                f"{where}.interpretation",
                f"未知的口径说明 {interpretation!r}{did_you_mean(str(interpretation), sorted(self.interpretations))}",
            )
            interpretation = None
        groups = [k for k in ("all", "any") if k in data]
        ops = [k for k in CONDITION_OPS if k in data]
        if len(groups) + len(ops) != 1:
            tests = "、".join((*CONDITION_OPS, "all", "any"))
            self.c.fail(where, f"条件须且只能有一种判断：{tests} 之一")
            return None
        why = reason if reason.zh else None
        named = cast(str | None, interpretation)
        if groups:
            key = groups[0]
            parts_data = data[key]
            if "question" in data:
                self.c.fail(f"{where}.question", f"{key} 条件不写 question，写在各个子条件中")
            if not isinstance(parts_data, list) or not parts_data:
                self.c.fail(f"{where}.{key}", "应为至少一个条件的数组")
                return None
            parts = [self.condition(p, f"{where}.{key}[{i}]", row, per_item=per_item) for i, p in enumerate(parts_data)]
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
        operand = self._lookup(data.get("question"), f"{where}.question", row)
        if operand is None:
            return None
        value = self._condition_value(op, data[op], f"{where}.{op}", operand.question)
        if value is _BAD:
            return None
        return Condition(
            question=operand.id, op=op, value=value, reason=why, interpretation=named, bars=bars, remedy=remedy
        )

    def _bar(self, data: Mapping[str, Any], where: str, basic: bool) -> tuple[bool, Text | None]:
        """`bars = true` with its `remedy`, on a basic condition only."""
        if not any(key in data for key in BASIC_KEYS):
            return False, None
        if not basic:
            self.c.fail(f"{where}.bars", "只有基本条件（common_conditions）可以写 bars")
            return False, None
        bars = data.get("bars", False)
        if not isinstance(bars, bool):
            self.c.fail(f"{where}.bars", "应为 true 或 false")
            return False, None
        remedy = self.c.text(data, "remedy", where, required=False)
        if bars and not remedy.zh:
            self.c.fail(f"{where}.remedy", "bars = true 的基本条件须写明 remedy（怎样才能再申请）")
        return bars, remedy if remedy.zh else None

    def _condition_value(self, op: ConditionOp, raw: object, where: str, q: Question) -> object:
        qtype = q.type
        word = TYPE_WORDS.get(qtype, qtype)
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
                self.c.fail(where, f"问题 {q.id} 是是非题，应为 true 或 false")
            elif qtype == "choice":
                self.c.fail(where, f"问题 {q.id} 没有选项 {raw!r}")
            else:
                self.c.fail(where, f"问题 {q.id} 是{word}，不能用 equals 判断 {raw!r}")
            return _BAD
        if op == "in":
            if qtype != "choice":
                self.c.fail(where, f"问题 {q.id} 不是选择题")
                return _BAD
            if not (isinstance(raw, list) and raw and all(isinstance(v, str) for v in raw)):
                self.c.fail(where, "应为选项值的数组")
                return _BAD
            missing = [v for v in raw if q.choice(v) is None]
            for v in missing:
                self.c.fail(where, f"问题 {q.id} 没有选项 {v!r}")
            return _BAD if missing else tuple(raw)
        if op in COMPARISONS:
            if qtype not in ("integer", "money", "number"):
                self.c.fail(where, f"问题 {q.id} 不是数值题（是{word}），不能比较大小")
                return _BAD
            return self._number_for(q, raw, where)
        if op in DATE_BOUNDS or op == "between":
            if op == "between":
                if not (isinstance(raw, list) and len(raw) == 2):
                    self.c.fail(where, "应为 [起, 止] 两个值（两端都含）")
                    return _BAD
                low = self._bound(q, raw[0], where + "[0]")
                high = self._bound(q, raw[1], where + "[1]")
                if low is _BAD or high is _BAD:
                    return _BAD
                if cast(Any, low) > cast(Any, high):
                    self.c.fail(where, f"起点 {low} 晚于（大于）终点 {high}")
                    return _BAD
                return (low, high)
            if qtype != "date":
                self.c.fail(where, f"问题 {q.id} 不是日期题（是{word}）")
                return _BAD
            return self._bound(q, raw, where)
        # item_not_in, in_validity, in_period: `true`, on a list of items or a date
        listed = op == "item_not_in"
        if raw is not True:
            self.c.fail(where, "只能写 true")
            return _BAD
        if qtype != ("items" if listed else "date"):
            self.c.fail(where, f"问题 {q.id} 不是项目清单题" if listed else f"问题 {q.id} 不是日期题")
            return _BAD
        return True

    def _bound(self, q: Question, raw: object, where: str) -> object:
        if q.type == "date":
            if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
                return raw
            if isinstance(raw, str):
                try:
                    return dt.date.fromisoformat(raw)
                except ValueError:
                    pass
            self.c.fail(where, f"应为日期（如 2025-04-15），实际为 {raw!r}")
            return _BAD
        if q.type in ("integer", "money", "number"):
            return self._number_for(q, raw, where)
        self.c.fail(where, f"问题 {q.id} 既不是日期题也不是数值题，不能用 between")
        return _BAD

    def _number_for(self, q: Question, raw: object, where: str) -> object:
        if q.type == "integer":
            if isinstance(raw, bool) or not isinstance(raw, int):
                self.c.fail(where, f"问题 {q.id} 是整数题，应为整数，实际为 {raw!r}")
                return _BAD
            return raw
        number = self.c.number(raw, where, "quantity" if q.type == "number" else "amount")
        return _BAD if number is None else number

    # -- blocks -----------------------------------------------------------------------------------------
    def rule(self, data: object, where: str) -> Block | None:
        """An item's rule: a block in the form of docs/policy-packs.md §8, or one of the three older forms."""
        if isinstance(data, Mapping) and "type" in data:
            return self._legacy(data, where)
        return self.block(data, where, None)

    def block(self, data: object, where: str, row: Question | None) -> Block | None:
        if isinstance(data, (str, int)) and not isinstance(data, bool):  # a plain sum (a cap written "500000")
            amount = self.c.number(data, where, "amount")
            return None if amount is None else Fixed(amount)
        if not isinstance(data, Mapping):
            self.c.fail(where, '应为计算块（如 { rate = "0.30", of = "premium" }）或金额')
            return None
        kinds = [k for k in BLOCK_KEYS if k in data]
        if len(kinds) > 1:
            self.c.fail(where, f"一个计算块只能有一种计算，此处同时有 {'、'.join(kinds)}；请拆成 sum 等组合")
            return None
        kind = kinds[0] if kinds else ("value" if "of" in data else "")
        if not kind:
            keys, found = "、".join((*BLOCK_KEYS, "of")), ", ".join(map(str, data)) or "无"
            self.c.fail(where, f"未知的计算块：应有 {keys} 之一（实际的字段：{found}）")
            return None
        allowed = (*OWN_KEYS[kind], *MOD_KEYS)
        for key in data:
            if key not in allowed:
                self.c.fail(f"{where}.{key}", f"{kind} 块没有此字段{did_you_mean(str(key), allowed)}")
        mods = self._mods(data, where, row)
        reader = getattr(self, f"_{kind}")
        block = cast(Block | None, reader(data, where, row, mods))
        if block is not None:
            self._check_floor(block, where)
        return block

    def _mods(self, data: Mapping[str, Any], where: str, row: Question | None) -> Mods:
        caps: list[Cap] = []
        raw_caps = data.get("cap")
        if raw_caps is not None:
            cap_name = self.c.text(data, "cap_name", where, required=False)
            items = raw_caps if isinstance(raw_caps, list) else [raw_caps]
            for i, raw in enumerate(items):
                cw = f"{where}.cap" + (f"[{i}]" if isinstance(raw_caps, list) else "")
                bound = self.block(raw, cw, row)
                if bound is None:
                    continue
                if isinstance(raw, Mapping):  # a block cap is named by its own label
                    caps.append(Cap(bound, bound.mods.label))
                else:
                    caps.append(Cap(bound, cap_name if cap_name.zh else None))
        elif "cap_name" in data:
            self.c.fail(f"{where}.cap_name", "没有 cap 时不能写 cap_name")
        minus: list[Operand] = []
        raw_minus = data.get("minus")
        if raw_minus is not None:
            names = raw_minus if isinstance(raw_minus, list) else [raw_minus]
            for i, name in enumerate(names):
                mw = f"{where}.minus" + (f"[{i}]" if isinstance(raw_minus, list) else "")
                operand = self._typed(name, mw, row, ("money",), "minus 减去的应为金额题（已获得的金额）")
                if operand is not None:
                    minus.append(operand)
        floor = self._money(data, "floor", where) if "floor" in data else None
        when = self.condition(data["when"], f"{where}.when", row) if "when" in data else None
        label = self.c.text(data, "label", where, required=False)
        return Mods(tuple(caps), tuple(minus), floor, when, label if label.zh else None)

    def _check_floor(self, block: Block, where: str) -> None:
        fixed_caps = [cap.fixed for cap in block.mods.caps if cap.fixed is not None]
        floor = block.mods.floor
        if floor is not None and fixed_caps and floor > min(fixed_caps):
            self.c.fail(f"{where}.floor", f"起付额 {floor} 高于上限 {min(fixed_caps)}：这样永远不会支付")

    def _fixed(self, data: Mapping[str, Any], where: str, row: Question | None, mods: Mods) -> Block | None:
        amount = self._money(data, "fixed", where)
        return None if amount is None else Fixed(amount, mods)

    def _of(self, data: Mapping[str, Any], where: str, row: Question | None) -> Operand | Block | None:
        raw = data.get("of")
        if raw is None:
            self.c.fail(f"{where}.of", "缺少此字段：按什么金额计算？")
            return None
        if isinstance(raw, Mapping):
            return self.block(raw, f"{where}.of", row)
        return self._typed(raw, f"{where}.of", row, ("money",), "of 应为金额题或计算块")

    def _value(self, data: Mapping[str, Any], where: str, row: Question | None, mods: Mods) -> Block | None:
        of = self._of(data, where, row)
        return None if of is None else Value(of, mods)

    def _rate(self, data: Mapping[str, Any], where: str, row: Question | None, mods: Mods) -> Block | None:
        if isinstance(data.get("rate"), Mapping):
            self.c.fail(f"{where}.rate", '比例只能是数（如 "0.30"）；比例乘比例不是金额，请把 rate 写在 of 的金额上')
            return None
        rate = self._rate_number(data, "rate", where)
        if "of" not in data:
            self.c.fail(f"{where}.of", "比例不是金额：rate 须与 of（按哪项金额的比例）一起使用")
            return None
        of = self._of(data, where, row)
        return None if rate is None or of is None else Rate(rate, of, mods)

    def _per(self, data: Mapping[str, Any], where: str, row: Question | None, mods: Mods) -> Block | None:
        per = self.c.decimal(data, "per", where)  # a sum per unit may be finer than a cent (0.005 元 per USD)
        raw = data.get("of")
        if raw is None:
            self.c.fail(f"{where}.of", "缺少此字段：按什么数量计算（人数、美元……）？")
            return None
        operand = self._typed(
            raw, f"{where}.of", row, QUANTITY_TYPES, "per 按数量计算，of 应为整数题或数量题（金额请用 rate）"
        )
        return None if per is None or operand is None else Per(per, operand, mods)

    def _parts(self, data: Mapping[str, Any], key: str, where: str, row: Question | None) -> tuple[Block, ...] | None:
        raw = data.get(key)
        if not isinstance(raw, list) or len(raw) < 2:
            self.c.fail(f"{where}.{key}", "应为至少两个计算块的数组")
            return None
        parts = [self.block(p, f"{where}.{key}[{i}]", row) for i, p in enumerate(raw)]
        return None if any(p is None for p in parts) else tuple(p for p in parts if p is not None)

    def _sum(self, data: Mapping[str, Any], where: str, row: Question | None, mods: Mods) -> Block | None:
        parts = self._parts(data, "sum", where, row)
        return None if parts is None else Sum(parts, mods)

    def _smaller_of(self, data: Mapping[str, Any], where: str, row: Question | None, mods: Mods) -> Block | None:
        parts = self._parts(data, "smaller_of", where, row)
        return None if parts is None else SmallerOf(parts, mods)

    def _larger_of(self, data: Mapping[str, Any], where: str, row: Question | None, mods: Mods) -> Block | None:
        parts = self._parts(data, "larger_of", where, row)
        return None if parts is None else LargerOf(parts, mods)

    def _best_of(self, data: Mapping[str, Any], where: str, row: Question | None, mods: Mods) -> Block | None:
        parts = self._parts(data, "best_of", where, row)
        if parts is None:
            return None
        for i, part in enumerate(parts):
            if part.mods.label is None:
                self.c.fail(f"{where}.best_of[{i}].label", "每种方式都要有名称（label），说明时要写出选了哪种")
        return BestOf(parts, mods)

    def _tiers(self, data: Mapping[str, Any], where: str, row: Question | None, mods: Mods) -> Block | None:
        by = self._typed(
            data.get("tiers"), f"{where}.tiers", row, ("integer", "number", "money"), "tiers 应为按其分档的数值题"
        )
        raw_table = data.get("table")
        if not isinstance(raw_table, list) or not raw_table or not all(isinstance(t, Mapping) for t in raw_table):
            self.c.fail(f"{where}.table", "应为档位的数组：[{ from = …, amount = … }, …]")
            return None
        of: Operand | Block | None = self._of(data, where, row) if "of" in data else None
        tiers: list[Tier] = []
        for i, raw in enumerate(cast(list[Mapping[str, Any]], raw_table)):
            tw = f"{where}.table[{i}]"
            for key in raw:
                if key not in ("from", "to", "amount", "rate"):
                    self.c.fail(
                        f"{tw}.{key}", f"档位没有此字段{did_you_mean(str(key), ('from', 'to', 'amount', 'rate'))}"
                    )
            if by is None:
                continue
            if "from" not in raw:
                self.c.fail(f"{tw}.from", "缺少此字段：本档从多少起（含）")
                continue
            lower = self._threshold(raw["from"], f"{tw}.from", by.question)
            upper = self._threshold(raw["to"], f"{tw}.to", by.question) if "to" in raw else None
            if ("amount" in raw) == ("rate" in raw):
                self.c.fail(tw, "每档须且只能有 amount（金额）或 rate（比例）之一")
                continue
            amount = self._money(raw, "amount", tw) if "amount" in raw else None
            rate = self._rate_number(raw, "rate", tw) if "rate" in raw else None
            if rate is not None and of is None and by.question.type != "money":
                self.c.fail(f"{tw}.rate", "按比例的档位须在 tiers 块上写 of（比例乘以哪项金额）")
            if lower is None or ("to" in raw and upper is None):
                continue
            if upper is not None and upper < lower:
                self.c.fail(f"{tw}.to", f"本档的终点 {upper} 小于起点 {lower}")
                continue
            if tiers:
                previous = tiers[-1]
                if lower <= previous.lower:
                    self.c.fail(f"{tw}.from", f"档位应按从小到大排列：{lower} 不大于上一档的起点 {previous.lower}")
                    continue
                if previous.upper is not None and lower <= previous.upper:
                    self.c.fail(f"{tw}.from", f"档位重叠：本档从 {lower} 起，上一档到 {previous.upper} 止")
                    continue
            tiers.append(Tier(lower, upper, amount, rate))
        if by is None or len(tiers) != len(raw_table):
            return None
        if of is None and any(t.rate is not None for t in tiers):
            of = by
        return Tiers(by, tuple(tiers), of, mods)

    def _each(self, data: Mapping[str, Any], where: str, row: Question | None, mods: Mods) -> Block | None:
        if row is not None:
            self.c.fail(f"{where}.each", "each 不能写在另一个 each 的 per_row 里")
            return None
        name = data.get("each")
        table = self.questions.get(name) if isinstance(name, str) else None
        if table is None or table.type != "table":
            if table is not None:
                self.c.fail(f"{where}.each", f"each 应为表格题；{name} 是{TYPE_WORDS.get(table.type, table.type)}")
            else:
                self.c.fail(f"{where}.each", f"each 应为表格题；没有问题 {name!r}")
            return None
        if "per_row" not in data:
            self.c.fail(f"{where}.per_row", "缺少此字段：每行怎样计算")
            return None
        per_row = self.block(data["per_row"], f"{where}.per_row", table)
        label_ok, label_field = self._field(table, data.get("row_name"), f"{where}.row_name")
        group_ok, group_by = self._field(table, data.get("group_by"), f"{where}.group_by")
        highest = self.c.integer(data, "highest", where)
        if highest is not None and highest < 1:
            self.c.fail(f"{where}.highest", "至少为 1")
            return None
        if per_row is None or not (label_ok and group_ok):
            return None
        return Each(table, per_row, label_field, highest, group_by, mods)

    def _field(self, table: Question, name: object, where: str) -> tuple[bool, Question | None]:
        """(found, field): a missing field is a problem only when a name was given."""
        if name is None:
            return True, None
        field = table.field(name) if isinstance(name, str) else None
        if field is None:
            self.c.fail(
                where, f"表格 {table.id} 没有字段 {name!r}{did_you_mean(str(name), [f.id for f in table.fields])}"
            )
            return False, None
        return True, field

    def _item(self, data: Mapping[str, Any], where: str, row: Question | None, mods: Mods) -> Block | None:
        item_id = self.c.string(data, "item", where)
        return ItemAmount(item_id, mods) if item_id else None

    # -- the three forms packs were written in before the building blocks ------------------------------
    def _legacy(self, data: Mapping[str, Any], where: str) -> Block | None:
        rtype = self.c.choice_of(data, "type", where, LEGACY_TYPES, "fixed")
        allowed = {
            "fixed": ("type", "amount"),
            "rate": ("type", "base", "rate", "cap"),
            "per_record_rate": ("type", "records", "base_field", "label_field", "rate", "record_cap", "total_cap"),
        }[rtype]
        for key in data:
            if key not in allowed:
                self.c.fail(f"{where}.{key}", f"{rtype} 规则没有此字段{did_you_mean(str(key), allowed)}")
        if rtype == "fixed":
            amount = self._money(data, "amount", where)
            return None if amount is None else Fixed(amount)
        rate = self._rate_number(data, "rate", where)
        if rtype == "rate":
            base = self._typed(data.get("base"), f"{where}.base", None, ("money",), "base 应为金额题")
            cap = self._money(data, "cap", where) if "cap" in data else None
            if rate is None or base is None:
                return None
            return Rate(rate, base, Mods(caps=(Cap(Fixed(cap)),)) if cap is not None else NO_MODS)
        records = data.get("records")
        table = self.questions.get(records) if isinstance(records, str) else None
        if table is None or table.type != "table":
            self.c.fail(f"{where}.records", f"records 应为表格题，实际为 {records!r}")
            return None
        base_field = table.field(str(data.get("base_field", "")))
        if base_field is None or base_field.type != "money":
            self.c.fail(f"{where}.base_field", f"表格 {table.id} 没有金额字段 {data.get('base_field')!r}")
            return None
        label_ok, label = self._field(table, data.get("label_field"), f"{where}.label_field")
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
