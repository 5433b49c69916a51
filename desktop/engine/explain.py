"""The words of an explanation, in Chinese and English, made from what the engine recorded.

Every line says the numbers that went in and what came out (`保费 1,200,000.00 元 × 30% = 360,000.00 元，
未超过上限 500,000.00 元`); a cap, an amount subtracted or a floor is said where it applied. The wording is
the engine's, not the pack's: a pack names things (questions' short labels, a block's `label`, a cap's
`cap_name`), and this module puts them into sentences.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from desktop.engine.compute import Line, RowRef
from desktop.engine.conditions import Check, display_value
from desktop.engine.money import format_price, format_rate, format_yuan
from desktop.policy.model import Basis, Condition, Pack, Question, Text
from desktop.policy.rules import (
    BestOf,
    Cap,
    Each,
    Fixed,
    ItemAmount,
    LargerOf,
    Operand,
    Per,
    Rate,
    SmallerOf,
    Sum,
    Tier,
    Tiers,
    Value,
)

EMPTY = Text("", "")


def yuan(value: Decimal) -> Text:
    return Text(f"{format_yuan(value)} 元", f"{format_yuan(value)} yuan")


def _en(text: Text) -> str:
    return text.get("en")


def lowered(noun: str) -> str:
    """An English noun inside a sentence: "Premium" → "premium", "Overseas IP cases" → "overseas IP cases";
    an acronym that starts it ("AEO certification date") stays as it is."""
    first, _, rest = noun.partition(" ")
    if not first or (len(first) > 1 and first.isupper()):
        return noun
    return first[0].lower() + first[1:] + (" " + rest if rest else "")


def plural(noun: str, count: int) -> str:
    """An English noun for `count` of it: "1 case", "2 cases", "2 overseas projects", "3 copies".

    Packs name their table rows with a singular noun; the regular English endings cover the nouns
    packs use (a pack wanting another form can name its rows "case rows" and the like)."""
    if count == 1 or not noun:
        return noun
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        return noun[:-1] + "ies"
    return noun + "s"


def _statement(noun: Text) -> Text:
    """A question's label reads as a statement in a step ("是否首次获得 AEO 认证：是"), without its "？"."""
    return Text(noun.zh.rstrip("？?"), _en(noun).rstrip("？?"))


# -- conditions --------------------------------------------------------------------------------------------
def check_text(result: Check, pack: Pack) -> Text:
    """The step a passing condition adds, or the reason a failing or unanswered one gives."""
    cond = result.condition
    if cond.op in ("all", "any"):
        return _group_text(result, pack)
    question = result.question
    assert question is not None
    if result.outcome == "missing":
        return Text(f"未回答：{question.label.zh}", f"Not answered: {_en(question.label)}")
    value = result.value
    shown = display_value(question, value)
    noun = question.noun
    if result.outcome == "pass":
        return _pass_text(cond, question, shown, pack)
    if cond.reason is not None:
        return Text(cond.reason.zh.format(value=shown.zh), _en(cond.reason).format(value=shown.en))
    return _fail_text(cond, question, value, shown, noun, pack)


def _group_text(result: Check, pack: Pack) -> Text:
    cond = result.condition
    if result.outcome != "pass" and cond.reason is not None:
        return Text(cond.reason.zh, _en(cond.reason))
    texts = [check_text(part, pack) for part in result.parts if part.outcome == result.outcome]
    if result.outcome == "pass" or cond.op == "all":
        return Text("；".join(t.zh for t in texts), "; ".join(t.en for t in texts))
    return Text("；".join(t.zh for t in texts), "; and ".join(t.en for t in texts))


def _bound(question: Question, value: Any) -> Text:
    return display_value(question, value)


def _pass_text(cond: Condition, question: Question, shown: Text, pack: Pack) -> Text:
    noun = question.noun
    if cond.op == "item_not_in":
        return Text(f"{_statement(noun).zh}：未列入本项", f"{_statement(noun).en}: this item is not listed")
    if cond.op == "in_validity":
        return Text(
            f"{noun.zh} {shown.zh} 在政策有效期 {pack.valid_from} 至 {pack.valid_to} 内",
            f"{_en(noun)} {shown.en} lies within the policy's validity {pack.valid_from} to {pack.valid_to}",
        )
    if cond.op == "in_period":
        start, end = pack.period
        return Text(
            f"{noun.zh} {shown.zh} 在本政策所覆盖的期间 {start} 至 {end} 内",
            f"{_en(noun)} {shown.en} lies within the period the policy covers, {start} to {end}",
        )
    if cond.op == "between":
        low, high = (_bound(question, v) for v in cast(tuple[Any, Any], cond.value))
        return Text(
            f"{noun.zh} {shown.zh} 在 {low.zh} 至 {high.zh} 之间",
            f"{_en(noun)} {shown.en} lies between {low.en} and {high.en}",
        )
    if cond.op == "on_or_after":
        bound = _bound(question, cond.value)
        return Text(f"{noun.zh} {shown.zh} 不早于 {bound.zh}", f"{_en(noun)} {shown.en} is not before {bound.en}")
    if cond.op == "on_or_before":
        bound = _bound(question, cond.value)
        return Text(f"{noun.zh} {shown.zh} 不晚于 {bound.zh}", f"{_en(noun)} {shown.en} is not after {bound.en}")
    statement = _statement(noun)
    return Text(f"{statement.zh}：{shown.zh}", f"{statement.en}: {shown.en}")


_COMPARE_FAIL = {
    "at_least": ("低于", "is below"),
    "at_most": ("超过", "is above"),
    "above": ("未超过", "is not above"),
    "below": ("不低于", "is not below"),
}


def _fail_text(cond: Condition, question: Question, value: Any, shown: Text, noun: Text, pack: Pack) -> Text:
    op = cond.op
    if op == "item_not_in":
        return Text(f"{_statement(noun).zh}：列入了本项", f"{_statement(noun).en}: this item is listed")
    if op == "in_validity":
        if value < pack.valid_from:
            return Text(
                f"{noun.zh} {value} 早于政策施行日 {pack.valid_from}",
                f"{_en(noun)} {value} is before the policy took effect on {pack.valid_from}",
            )
        return Text(
            f"{noun.zh} {value} 晚于政策截止日 {pack.valid_to}",
            f"{_en(noun)} {value} is after the policy's end date {pack.valid_to}",
        )
    if op == "in_period":
        start, end = pack.period
        if value < start:
            return Text(
                f"{noun.zh} {value} 早于本政策所覆盖期间的起始日 {start}",
                f"{_en(noun)} {value} is before the start of the period the policy covers ({start})",
            )
        return Text(
            f"{noun.zh} {value} 晚于本政策所覆盖期间的截止日 {end}",
            f"{_en(noun)} {value} is after the end of the period the policy covers ({end})",
        )
    if op == "on_or_after":
        bound = _bound(question, cond.value)
        return Text(f"{noun.zh} {shown.zh} 早于 {bound.zh}", f"{_en(noun)} {shown.en} is before {bound.en}")
    if op == "on_or_before":
        bound = _bound(question, cond.value)
        return Text(f"{noun.zh} {shown.zh} 晚于 {bound.zh}", f"{_en(noun)} {shown.en} is after {bound.en}")
    if op == "between":
        low, high = (_bound(question, v) for v in cast(tuple[Any, Any], cond.value))
        return Text(
            f"{noun.zh} {shown.zh} 不在 {low.zh} 至 {high.zh} 之间",
            f"{_en(noun)} {shown.en} is not between {low.en} and {high.en}",
        )
    if op in _COMPARE_FAIL:
        zh, en = _COMPARE_FAIL[op]
        bound = _bound(question, cond.value)
        return Text(f"{noun.zh}为 {shown.zh}，{zh} {bound.zh}", f"{_en(noun)} of {shown.en} {en} {bound.en}")
    return Text(f"{noun.zh}为“{shown.zh}”，不符合条件", f"{_en(noun)} is '{shown.en}', which does not qualify")


# -- rule lines --------------------------------------------------------------------------------------------
class Explainer:
    """Words for the lines of one item's rule."""

    def __init__(self, pack: Pack, basis: Basis) -> None:
        self.pack = pack
        self.basis = basis

    def lines(self, lines: list[Line]) -> list[Text]:
        texts = []
        for line in lines:
            text = self.line(line)
            if text is not None:
                texts.append(text)
        return texts

    def line(self, line: Line) -> Text | None:
        core = getattr(self, f"_{line.kind}")(line, *line.values)
        if core is None:
            return None
        label = line.block.mods.label if line.kind not in ("when_pass", "when_fail") else None
        clauses = [self.clause(line, clause) for clause in line.clauses]
        zh = core.zh + "".join(c.zh for c in clauses)
        en = core.en + "".join(c.en for c in clauses)
        if label is not None and not isinstance(line.block, BestOf):
            zh, en = f"{label.zh}：{zh}", f"{_en(label)}: {en}"
        prefix = _row_prefix(line.row)
        return Text(prefix.zh + zh, prefix.en + en)

    # main statements, one per kind of line
    def _fixed(self, line: Line, amount: Decimal, top: bool) -> Text:
        if top:
            word = Text("最高", "up to") if self.basis == "up_to" else Text("定额", "fixed amount")
            return Text(f"{word.zh} {yuan(amount).zh}", f"{word.en.capitalize()} {yuan(amount).en}")
        return Text(f"定额 {yuan(amount).zh}", f"Fixed amount {yuan(amount).en}")

    def _value(self, line: Line, noun: Text | None, value: Decimal) -> Text:
        name = noun or Text("上述金额", "The amount above")
        return Text(f"{name.zh} {yuan(value).zh}", f"{_en(name)} {yuan(value).en}")

    def _rate(self, line: Line, noun: Text | None, base: Decimal, rate: Decimal, raw: Decimal) -> Text:
        name = noun or Text("上述金额", "The amount above")
        return Text(
            f"{name.zh} {yuan(base).zh} × {format_rate(rate)} = {yuan(raw).zh}",
            f"{_en(name)} {yuan(base).en} × {format_rate(rate)} = {yuan(raw).en}",
        )

    def _per(self, line: Line, question: Question, quantity: Any, per: Decimal, raw: Decimal) -> Text:
        shown = display_value(question, quantity)
        unit = question.unit
        each_zh = f"每{unit.zh} " if unit.zh else "每单位 "
        each_en = _en(unit) or "unit"
        price = format_price(per)
        return Text(
            f"{question.noun.zh} {shown.zh} × {each_zh}{price} 元 = {yuan(raw).zh}",
            f"{_en(question.noun)} {shown.en} × {price} yuan per {each_en} = {yuan(raw).en}",
        )

    def _sum(self, line: Line, values: tuple[Decimal, ...], total: Decimal) -> Text:
        terms = " + ".join(format_yuan(v) for v in values)
        return Text(f"合计：{terms} = {yuan(total).zh}", f"Total: {terms} = {yuan(total).en}")

    def _smaller(self, line: Line, values: tuple[Decimal, ...], value: Decimal) -> Text:
        return Text(f"取较小者 {yuan(value).zh}", f"The smaller applies: {yuan(value).en}")

    def _larger(self, line: Line, values: tuple[Decimal, ...], value: Decimal) -> Text:
        return Text(f"取较大者 {yuan(value).zh}", f"The larger applies: {yuan(value).en}")

    def _best(self, line: Line, values: tuple[Decimal, ...], chosen: Any, value: Decimal) -> Text:
        label = chosen.mods.label or EMPTY
        return Text(
            f"同一项目只能选择一种方式，取金额较高的“{label.zh}”：{yuan(value).zh}",
            f"One route per project; the better one is '{_en(label)}': {yuan(value).en}",
        )

    def _tier(
        self, line: Line, raw: Any, tier: Tier, rate_of: tuple[Text | None, Decimal] | None, value: Decimal
    ) -> Text:
        block: Tiers = line.block
        question = block.by.question
        shown = display_value(question, raw)
        band = band_text(question, tier)
        head = Text(
            f"{question.noun.zh} {shown.zh}，适用“{band.zh}”一档",
            f"{_en(question.noun)} {shown.en}: the band '{band.en}'",
        )
        if rate_of is None:
            return Text(f"{head.zh}：{yuan(value).zh}", f"{head.en} gives {yuan(value).en}")
        noun, base = rate_of
        name = noun or Text("上述金额", "the amount above")
        assert tier.rate is not None
        rate = format_rate(tier.rate)
        return Text(
            f"{head.zh}，按 {rate} 计：{name.zh} {yuan(base).zh} × {rate} = {yuan(value).zh}",
            f"{head.en}, {rate}: {_en(name)} {yuan(base).en} × {rate} = {yuan(value).en}",
        )

    def _no_tier(self, line: Line, raw: Any) -> Text:
        block: Tiers = line.block
        return no_tier_text(block, raw)

    def _each(self, line: Line, rows: int, counted: tuple[int, ...], total: Decimal) -> Text | None:
        block: Each = line.block
        record = block.table.record_label
        if len(counted) < rows:
            listed = "、".join(str(i) for i in counted)
            return Text(
                f"{rows} 项{record.zh}中按金额最高的 {len(counted)} 项计（第 {listed} 项），合计 {yuan(total).zh}",
                f"Of {rows} {lowered(_en(record))} rows, the {len(counted)} highest count "
                f"(rows {', '.join(str(i) for i in counted)}): {yuan(total).en}",
            )
        if rows <= 1 and not line.clauses:
            return None
        return Text(
            f"{rows} 项{record.zh}合计 {yuan(total).zh}",
            f"Sum of {rows} {plural(lowered(_en(record)), rows)}: {yuan(total).en}",
        )

    def _group(self, line: Line, key: Any, size: int, counted: tuple[int, ...], subtotal: Decimal) -> Text:
        block: Each = line.block
        assert block.group_by is not None
        name = display_value(block.group_by, key) if key not in (None, "") else Text("（未填写）", "(not given)")
        noun = block.group_by.noun
        listed = "、".join(str(i) for i in counted)
        if len(counted) < size:
            return Text(
                f"{noun.zh}“{name.zh}”：{size} 项中按金额最高的 {len(counted)} 项计（第 {listed} 项），"
                f"合计 {yuan(subtotal).zh}",
                f"{_en(noun)} '{name.en}': of {size} rows the {len(counted)} highest count "
                f"(rows {', '.join(str(i) for i in counted)}): {yuan(subtotal).en}",
            )
        return Text(
            f"{noun.zh}“{name.zh}”：第 {listed} 项合计 {yuan(subtotal).zh}",
            f"{_en(noun)} '{name.en}': rows {', '.join(str(i) for i in counted)} come to {yuan(subtotal).en}",
        )

    def _groups(self, line: Line, groups: int, total: Decimal) -> Text | None:
        if groups <= 1 and not line.clauses:
            return None
        return Text(f"{groups} 组合计 {yuan(total).zh}", f"{groups} groups together: {yuan(total).en}")

    def _empty_table(self, line: Line, table: Question) -> Text:
        return Text(f"没有填写{table.label.zh}", f"No entries under: {_en(table.label)}")

    def _item(self, line: Line, item_id: str, value: Decimal) -> Text:
        found = self.pack.item(item_id)
        title = found[1].title if found else Text(item_id, item_id)
        return Text(f"{title.zh}：{yuan(value).zh}", f"{_en(title)}: {yuan(value).en}")

    def _when_pass(self, line: Line, result: Check) -> Text:
        text = check_text(result, self.pack)
        label = line.block.mods.label
        if label is None:
            return text
        return Text(f"{text.zh}，计入{label.zh}", f"{text.en}: {_en(label)} counts")

    def _when_fail(self, line: Line, result: Check) -> Text:
        text = check_text(result, self.pack)
        label = line.block.mods.label
        name = Text(f"不计{label.zh}", f"{_en(label)} does not count") if label else Text("此项不计", "Not counted")
        return Text(f"{name.zh}：{text.zh}", f"{name.en}: {text.en}")

    # clauses appended to a statement
    def clause(self, line: Line, clause: tuple[Any, ...]) -> Text:
        kind = clause[0]
        if kind == "nocap":
            return Text("，原文未规定金额上限", "; the text sets no absolute cap")
        if kind == "cap":
            _, cap, bound, hit = clause
            name = cap_name(cap, line)
            if hit:
                return Text(
                    f"，超过{name.zh} {yuan(bound).zh}，按上限计 {yuan(bound).zh}",
                    f", above the {name.en} of {yuan(bound).en}: capped at {yuan(bound).en}",
                )
            return Text(f"，未超过{name.zh} {yuan(bound).zh}", f", within the {name.en} of {yuan(bound).en}")
        if kind == "minus":
            _, received, before, after = clause
            got = received_text(received)
            tail = Text("（不足 0 按 0 计）", " (not below 0)") if after == 0 and before > 0 else EMPTY
            return Text(
                f"，减去{got.zh}，为 {yuan(after).zh}{tail.zh}",
                f", less what was already received ({got.en}): {yuan(after).en}{tail.en}",
            )
        if kind == "floor":
            _, floor, met, _value = clause
            if met:
                return Text(f"，达到起付标准 {yuan(floor).zh}", f", at least the minimum of {yuan(floor).en}")
            return Text(
                f"，低于起付标准 {yuan(floor).zh}，不予支持", f", below the minimum of {yuan(floor).en}: not paid"
            )
        raise AssertionError(kind)


def received_noun(noun: Text) -> Text:
    """ "已获得的车间奖励": an amount subtracted, named as received, unless its name says so already
    ("已获得的车间奖励" is never "已获得的已获得的…")."""
    zh = noun.zh if noun.zh.startswith("已") else f"已获得的{noun.zh}"
    return Text(zh, _en(noun))


def received_text(received: list[tuple[Operand, Decimal]]) -> Text:
    """ "已获得的省级支持 500,000.00 元、市级支持 400,000.00 元": the amounts subtracted (the first named as received;
    those after it read under the same words)."""
    nouns = [received_noun(op.question.noun) if n == 0 else op.question.noun for n, (op, _) in enumerate(received)]
    return Text(
        "、".join(f"{noun.zh} {yuan(value).zh}" for noun, (_, value) in zip(nouns, received, strict=True)),
        ", ".join(f"{_en(op.question.noun)} {yuan(value).en}" for op, value in received),
    )


def cap_name(cap: Cap, line: Line) -> Text:
    """The words for a cap: its own name, else by where it stands (a table row's, a group's, the item's)."""
    return limit_name(cap, line.row.table if line.row is not None else None, group=line.kind == "group")


def limit_name(cap: Cap, row_table: Question | None, *, group: bool = False) -> Text:
    if cap.name is not None:
        return Text(cap.name.zh, _en(cap.name))
    if row_table is not None:
        record = row_table.record_label
        return Text(f"每{record.zh}上限", f"cap per {lowered(_en(record))}")
    if group:
        return Text("每组上限", "cap per group")
    return Text("上限", "cap")


def band_text(question: Question, tier: Tier) -> Text:
    low = display_value(question, _typed(question, tier.lower))
    if tier.upper is None:
        return Text(f"{low.zh}及以上", f"{low.en} or more")
    if tier.upper == tier.lower:
        return low
    high = display_value(question, _typed(question, tier.upper))
    return Text(f"{low.zh}至{high.zh}", f"{low.en} to {high.en}")


def no_tier_text(block: Tiers, raw: Any) -> Text:
    question = block.by.question
    shown = display_value(question, raw)
    band = band_text(question, block.table[0])
    return Text(
        f"{question.noun.zh} {shown.zh}，未达到最低一档（{band.zh}）",
        f"{_en(question.noun)} {shown.en} is below the lowest band ({band.en})",
    )


def _typed(question: Question, value: Decimal) -> Any:
    return int(value) if question.type == "integer" else value


def _row_prefix(row: RowRef | None) -> Text:
    if row is None:
        return EMPTY
    record = row.table.record_label
    name = Text(f"（{row.name.zh}）", f" ({row.name.en})") if row.name is not None else EMPTY
    return Text(f"{record.zh} {row.index}{name.zh}：", f"{_en(record)} {row.index}{name.en}: ")


# -- an item's words, made when first read -------------------------------------------------------------
@dataclass(slots=True)
class Trace:
    """What the engine recorded of one item, to be worded when someone reads it."""

    pack: Pack
    basis: Basis
    passed: list[Check]
    failed: Check | Question | None = None  # the condition that failed, or the question the rule needed
    extra: Text | None = None  # a step after the conditions ("金额以当年申报通知为准")
    pending: list[Check] | None = None  # conditions that are only the pack's reading, failed (to confirm)
    lines: list[Line] | None = None  # the rule's explanation
    zero: tuple[Any, ...] | None = None  # why the rule came to nothing
    nothing: bool = False  # the rule came to nothing (with `zero` as its cause, if one was met)
    after: list[Text] | None = None  # said after the reasons: what to do first, what is at stake (barred items)


def word(trace: Trace) -> tuple[tuple[Text, ...], tuple[Text, ...]]:
    """(steps, reasons) of an item, in both languages."""
    pack = trace.pack
    steps = [check_text(c, pack) for c in trace.passed]
    if trace.extra is not None:
        steps.append(trace.extra)
    explainer = Explainer(pack, trace.basis)
    if trace.lines is not None:
        steps.extend(explainer.lines(trace.lines))
    reasons: list[Text] = []
    failed = trace.failed
    if isinstance(failed, Check):
        reasons.append(check_text(failed, pack))
    elif failed is not None:
        reasons.append(Text(f"未回答：{failed.label.zh}", f"Not answered: {_en(failed.label)}"))
    if trace.nothing:
        reasons.append(zero_reason(trace.zero, explainer))
    reasons.extend(check_text(c, pack) for c in trace.pending or ())
    reasons.extend(trace.after or ())
    return tuple(steps), tuple(reasons)


# -- why a rule came to nothing ------------------------------------------------------------------------
def zero_reason(cause: tuple[Any, ...] | None, explainer: Explainer) -> Text:
    if cause is None:
        return Text("测算金额为 0.00 元，没有可支持的金额", "The computed amount is 0.00 yuan: nothing to support")
    kind = cause[0]
    if kind == "zero_operand":
        question: Question = cause[1]
        if question.type == "money":
            return Text(
                f"{question.noun.zh}为 0 元，没有可支持的金额", f"{_en(question.noun)}: 0 yuan, so nothing to support"
            )
        shown = display_value(question, 0)
        return Text(
            f"{question.noun.zh}为 {shown.zh}，没有可支持的金额",
            f"{_en(question.noun)}: {shown.en}, so nothing to support",
        )
    if kind == "empty_table":
        table: Question = cause[1]
        return Text(f"没有填写{table.label.zh}", f"No entries under: {_en(table.label)}")
    if kind == "rounds_to_zero":
        line = explainer.line(cause[1]) or EMPTY
        return Text(f"{line.zh}：不足 1 分钱，没有可支持的金额", f"{line.en}: less than one cent, nothing to support")
    if kind == "floor":
        floor, value = cause[1], cause[2]
        return Text(
            f"测算金额 {yuan(value).zh} 低于起付标准 {yuan(floor).zh}，不予支持",
            f"The computed amount of {yuan(value).en} is below the minimum of {yuan(floor).en}: not paid",
        )
    if kind == "no_tier":
        return no_tier_text(cause[1], cause[2])
    if kind == "when_fail":
        return check_text(cause[2], explainer.pack)
    if kind == "item_zero":
        found = explainer.pack.item(cause[1])
        title = found[1].title if found else Text(cause[1], cause[1])
        return Text(f"“{title.zh}”没有可申请的金额", f"'{_en(title)}' brings no amount")
    if kind == "minus":
        received, before = cause[1], cause[2]
        got = received_text(received)
        return Text(
            f"测算金额 {yuan(before).zh} 减去{got.zh}后为 0 元，没有可支持的金额",
            f"The computed amount of {yuan(before).en} less what was already received ({got.en}) is 0: "
            "nothing to support",
        )
    if kind == "capped":
        # the cap, a figure of its own (the premium less what other levels paid), came to nothing: said with
        # why, and the figure it held is the one computed, not the cap's base
        cap, line, value, within = cause[1], cause[2], cause[3], cause[4]
        name = cap_name(cap, line)
        why = EMPTY
        if within is not None and within[0] == "minus":
            got = received_text(within[1])
            why = Text(
                f"（{yuan(within[2]).zh} 减去{got.zh}后为 0 元）",
                f" ({yuan(within[2]).en} less what was already received, {got.en}, is 0)",
            )
        return Text(
            f"测算金额 {yuan(value).zh}，受“{name.zh}”的限制为 0 元{why.zh}，没有可支持的金额",
            f"The computed amount is {yuan(value).en}, but the bound '{name.en}' is 0 yuan{why.en}: nothing to support",
        )
    raise AssertionError(kind)


# -- a rule in a few words (what an item would bring before its answers are known) ---------------------
def describe(block: Any, pack: Pack, *, top: bool = True, basis: Basis = "exact") -> Text:
    """ "按保费的 30% 计，上限 500,000.00 元": a rule said from its structure, without the enterprise's figures
    (a sum the text gives as a maximum, `basis` up_to, as "最高 30,000.00 元")."""

    def of_words(of: Any) -> Text:
        if isinstance(of, Operand):
            return of.question.noun
        inner = describe(of, pack, top=False)
        return Text(f"（{inner.zh}）", f"({inner.en})")

    if isinstance(block, Fixed) and top and basis == "up_to":
        core = Text(f"最高 {yuan(block.amount).zh}", f"up to {yuan(block.amount).en}")
    elif isinstance(block, Fixed):
        core = Text(f"定额 {yuan(block.amount).zh}", f"a fixed {yuan(block.amount).en}")
    elif isinstance(block, Rate):
        noun = of_words(block.of)
        core = Text(f"按{noun.zh}的 {format_rate(block.rate)} 计", f"{format_rate(block.rate)} of {lowered(_en(noun))}")
    elif isinstance(block, Value):
        noun = of_words(block.of)
        core = Text(f"按{noun.zh}计", f"{lowered(_en(noun))}")
    elif isinstance(block, Per):
        unit = block.of.question.unit
        each = f"每{unit.zh}" if unit.zh else "每单位"
        core = Text(
            f"按{block.of.question.noun.zh}{each} {format_price(block.per)} 元计",
            f"{format_price(block.per)} yuan per {_en(unit) or 'unit'} of {lowered(_en(block.of.question.noun))}",
        )
    elif isinstance(block, (Sum, SmallerOf, LargerOf, BestOf)):
        parts = [describe(p, pack, top=False) for p in block.parts]
        word = {Sum: ("相加", "added up"), SmallerOf: ("取较小者", "the smaller"), LargerOf: ("取较大者", "the larger")}
        if isinstance(block, BestOf):
            head = Text("以下方式选其一，取较高者", "one of these routes, the better")
        else:
            zh, en = word[type(block)]
            head = Text(zh, en)
        core = Text(f"{head.zh}：" + "；".join(p.zh for p in parts), f"{head.en}: " + "; ".join(p.en for p in parts))
    elif isinstance(block, Tiers):
        bands = [
            Text(
                f"{band_text(block.by.question, t).zh} "
                + (yuan(t.amount).zh if t.amount is not None else f"{format_rate(t.rate or Decimal(0))}"),
                f"{band_text(block.by.question, t).en} "
                + (yuan(t.amount).en if t.amount is not None else f"{format_rate(t.rate or Decimal(0))}"),
            )
            for t in block.table
        ]
        core = Text(
            f"按{block.by.question.noun.zh}分档：" + "；".join(b.zh for b in bands),
            f"by {lowered(_en(block.by.question.noun))}: " + "; ".join(b.en for b in bands),
        )
    elif isinstance(block, Each):
        record = block.table.record_label
        inner = describe(block.per_row, pack, top=False)
        core = Text(f"每{record.zh}{inner.zh}", f"per {lowered(_en(record))}: {inner.en}")
    elif isinstance(block, ItemAmount):
        found = pack.item(block.item_id)
        title = found[1].title if found else Text(block.item_id)
        core = Text(f"按“{title.zh}”的金额", f"the amount of '{_en(title)}'")
    else:
        raise AssertionError(type(block))
    mods = block.mods
    zh, en = core.zh, core.en
    for cap in mods.caps:
        if cap.fixed is not None:
            name = cap.name
            zh += f"，{name.zh if name else '上限'} {yuan(cap.fixed).zh}"
            en += f", {_en(name) if name else 'cap'} {yuan(cap.fixed).en}"
        elif cap.name is not None:
            zh += f"；另：{cap.name.zh}"
            en += f"; also: {_en(cap.name)}"
    if mods.minus:
        nouns = [received_noun(o.question.noun) if n == 0 else o.question.noun for n, o in enumerate(mods.minus)]
        zh += "，减去" + "、".join(noun.zh for noun in nouns)
        en += ", less what was already received (" + ", ".join(lowered(_en(o.question.noun)) for o in mods.minus) + ")"
    if mods.floor is not None:
        zh += f"，不足 {yuan(mods.floor).zh}不予支持"
        en += f", nothing below {yuan(mods.floor).en}"
    if mods.label is not None and not isinstance(block, BestOf):
        zh, en = f"{mods.label.zh}：{zh}", f"{_en(mods.label)}: {en}"
    if top and not mods.caps and isinstance(block, (Rate, Per, Value)):
        zh += "（原文无上限）"
        en += " (the text sets no cap)"
    return Text(zh, en)
