"""The words of an explanation, in Chinese and English, made from what the engine recorded.

Every line says the numbers that went in and what came out (`保费 1,200,000.00 元 × 30% = 360,000.00 元，
未超过上限 500,000.00 元`); a cap, an amount subtracted or a floor is said where it applied. The wording is
the program's, not the pack's: a pack names things (questions' short labels, a block's `label`, a cap's
`cap_name`), and this module puts them into sentences.

Each kind of block records typed steps (desktop/policy/rules/); they are worded here by `match`, with
`assert_never` after the last case, so that a step, a clause, a reason or a block left unworded is a type
error. The checklist, the window and the command line all read these words off the results.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, assert_never

from desktop.money import format_price, format_rate, format_yuan
from desktop.policy.conditions.check import Check
from desktop.policy.model import Basis, Pack, Question, Text
from desktop.policy.rules import (
    BandStep,
    BestOf,
    Block,
    Each,
    Excess,
    Fixed,
    ItemAmount,
    LargerOf,
    Per,
    Rate,
    SmallerOf,
    Step,
    Sum,
    Tiers,
    Value,
    ZeroCause,
)
from desktop.policy.rules.base import (
    BelowFloor,
    CapClause,
    CappedToZero,
    Clause,
    FloorClause,
    Line,
    MinusClause,
    NoCap,
    Operand,
    ReceivedAll,
    RowRef,
    WhenFailed,
    WhenPassed,
    ZeroAnswer,
)
from desktop.policy.rules.best_of import BestStep
from desktop.policy.rules.each import EachStep, EmptyTable, GroupsStep, GroupStep
from desktop.policy.rules.excess import ExcessStep, NotAbove
from desktop.policy.rules.fixed import FixedStep
from desktop.policy.rules.item import ItemBringsNothing, ItemStep
from desktop.policy.rules.larger_of import LargerStep
from desktop.policy.rules.names import cap_name, lowered
from desktop.policy.rules.per import PerStep
from desktop.policy.rules.rate import RateStep, RoundsToZero
from desktop.policy.rules.smaller_of import SmallerStep
from desktop.policy.rules.sum import SumStep
from desktop.policy.rules.tiers import NoBand, Tier
from desktop.policy.rules.value import ValueStep
from desktop.wording.answers import display_value
from desktop.wording.conditions import check_text, not_answered
from desktop.wording.money import yuan as yuan_in

EMPTY = Text("", "")
ABOVE = Text("上述金额", "The amount above")
QUANTITY_ABOVE = Text("上述数量", "That quantity,")


def yuan(value: Decimal) -> Text:
    """An amount in both languages (desktop/wording/money.py says it)."""
    return Text(yuan_in(value, "zh"), yuan_in(value, "en"))


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


def spaced(before: str, after: str) -> str:
    """Chinese followed by a figure or a Latin word takes a space, as the bureaus' notices set it:
    "超过 2023 年进口额", "若当时 2024 年进口额多…" (and "超过上年进口额" as it is)."""
    if before and after and "\u4e00" <= before[-1] <= "\u9fff" and after[0].isascii() and after[0].isalnum():
        return f"{before} {after}"
    return before + after


def _en(text: Text) -> str:
    return text.get("en")


def _named(question: Question | None, above: Text = ABOVE) -> Text:
    """The noun of the amount a step computed from ("保费"), or "上述金额" for an inner block's figure."""
    return question.noun if question is not None else above


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
        step = line.step
        core = self.step(step, line)
        if core is None:
            return None
        clauses = [self.clause(line, clause) for clause in line.clauses]
        zh = core.zh + "".join(c.zh for c in clauses)
        en = core.en + "".join(c.en for c in clauses)
        label = None if isinstance(step, (WhenPassed, WhenFailed)) else step.block.mods.label
        if label is not None and step.block.labels_line:
            zh, en = f"{label.zh}：{zh}", f"{_en(label)}: {en}"
        prefix = _row_prefix(line.row)
        return Text(prefix.zh + zh, prefix.en + en)

    def step(self, step: Step, line: Line) -> Text | None:
        """A line's main statement, one per kind of step (None: nothing worth a line of its own)."""
        match step:
            case FixedStep(amount=amount, top=top):
                if top:
                    word = Text("最高", "up to") if self.basis == "up_to" else Text("定额", "fixed amount")
                    return Text(f"{word.zh} {yuan(amount).zh}", f"{word.en.capitalize()} {yuan(amount).en}")
                return Text(f"定额 {yuan(amount).zh}", f"Fixed amount {yuan(amount).en}")
            case ValueStep(question=question, value=value):
                name = _named(question)
                return Text(f"{name.zh} {yuan(value).zh}", f"{_en(name)} {yuan(value).en}")
            case RateStep(block=block, question=question, base=base, value=raw):
                name = _named(question)
                rate = format_rate(block.rate)
                return Text(
                    f"{name.zh} {yuan(base).zh} × {rate} = {yuan(raw).zh}",
                    f"{_en(name)} {yuan(base).en} × {rate} = {yuan(raw).en}",
                )
            case PerStep(block=block, quantity=quantity, value=raw):
                question = block.counted()
                shown = display_value(question, quantity)
                noun = question.noun if isinstance(block.of, Operand) else QUANTITY_ABOVE
                unit = question.unit
                each_zh = f"每{unit.zh} " if unit.zh else "每单位 "
                each_en = _en(unit) or "unit"
                price = format_price(block.per)
                return Text(
                    f"{noun.zh} {shown.zh} × {each_zh}{price} 元 = {yuan(raw).zh}",
                    f"{_en(noun)} {shown.en} × {price} yuan per {each_en} = {yuan(raw).en}",
                )
            case ExcessStep():
                return _excess(step)
            case SumStep(values=values, total=total):
                terms = " + ".join(format_yuan(v) for v in values)
                return Text(f"合计：{terms} = {yuan(total).zh}", f"Total: {terms} = {yuan(total).en}")
            case SmallerStep(value=value):
                return Text(f"取较小者 {yuan(value).zh}", f"The smaller applies: {yuan(value).en}")
            case LargerStep(value=value):
                return Text(f"取较大者 {yuan(value).zh}", f"The larger applies: {yuan(value).en}")
            case BestStep(chosen=chosen, value=value):
                route = chosen.mods.label or EMPTY
                return Text(
                    f"同一项目只能选择一种方式，取金额较高的“{route.zh}”：{yuan(value).zh}",
                    f"One route per project; the better one is '{_en(route)}': {yuan(value).en}",
                )
            case BandStep():
                return _band(step)
            case NoBand(block=block, raw=raw):
                return no_band_text(block, raw)
            case EachStep():
                return _each(step, line)
            case GroupStep():
                return _group(step)
            case GroupsStep(groups=groups, total=total):
                if groups <= 1 and not line.clauses:
                    return None
                return Text(f"{groups} 组合计 {yuan(total).zh}", f"{groups} groups together: {yuan(total).en}")
            case EmptyTable(block=block):
                return _empty(block.table)
            case ItemStep(block=block, value=value):
                title = self._title(block.item_id)
                return Text(f"{title.zh}：{yuan(value).zh}", f"{_en(title)}: {yuan(value).en}")
            case WhenPassed(block=block, check=result):
                text = check_text(result, self.pack)
                label = block.mods.label
                if label is None:
                    return text
                return Text(f"{text.zh}，计入{label.zh}", f"{text.en}: {_en(label)} counts")
            case WhenFailed(block=block, check=result):
                text = check_text(result, self.pack)
                label = block.mods.label
                if label is None:
                    name = Text("此项不计", "Not counted")
                else:
                    name = Text(f"不计{label.zh}", f"{_en(label)} does not count")
                return Text(f"{name.zh}：{text.zh}", f"{name.en}: {text.en}")
            case _:
                assert_never(step)

    def _title(self, item_id: str) -> Text:
        found = self.pack.item(item_id)
        return found[1].title if found else Text(item_id, item_id)

    def clause(self, line: Line, clause: Clause) -> Text:
        """What a modifier appends to a statement."""
        match clause:
            case NoCap():
                return Text("，原文未规定金额上限", "; the text sets no absolute cap")
            case CapClause(cap=cap, bound=bound, hit=hit):
                name = line_cap_name(cap.name, line)
                if hit:
                    return Text(
                        f"，超过{name.zh} {yuan(bound).zh}，按上限计 {yuan(bound).zh}",
                        f", above the {_en(name)} of {yuan(bound).en}: capped at {yuan(bound).en}",
                    )
                return Text(f"，未超过{name.zh} {yuan(bound).zh}", f", within the {_en(name)} of {yuan(bound).en}")
            case MinusClause(received=received, before=before, after=after):
                got = received_text(received)
                tail = Text("（不足 0 按 0 计）", " (not below 0)") if after == 0 and before > 0 else EMPTY
                return Text(
                    f"，减去{got.zh}，为 {yuan(after).zh}{tail.zh}",
                    f", less what was already received ({got.en}): {yuan(after).en}{tail.en}",
                )
            case FloorClause(floor=floor, met=met):
                if met:
                    return Text(f"，达到起付标准 {yuan(floor).zh}", f", at least the minimum of {yuan(floor).en}")
                return Text(
                    f"，低于起付标准 {yuan(floor).zh}，不予支持", f", below the minimum of {yuan(floor).en}: not paid"
                )
            case _:
                assert_never(clause)

    def zero_reason(self, cause: ZeroCause | None) -> Text:
        """Why a rule came to nothing (the first reason met), or that it did."""
        match cause:
            case None:
                return Text(
                    "测算金额为 0.00 元，没有可支持的金额", "The computed amount is 0.00 yuan: nothing to support"
                )
            case ZeroAnswer(question=question):
                if question.type == "money":
                    return Text(
                        f"{question.noun.zh}为 0 元，没有可支持的金额",
                        f"{_en(question.noun)}: 0 yuan, so nothing to support",
                    )
                shown = display_value(question, 0)
                return Text(
                    f"{question.noun.zh}为 {shown.zh}，没有可支持的金额",
                    f"{_en(question.noun)}: {shown.en}, so nothing to support",
                )
            case EmptyTable(block=block):
                return _empty(block.table)
            case RoundsToZero(line=line):
                said = self.line(line) or EMPTY
                return Text(
                    f"{said.zh}：不足 1 分钱，没有可支持的金额", f"{said.en}: less than one cent, nothing to support"
                )
            case NotAbove(step=excess):
                amount, reference = _excess_parts(excess)
                return Text(
                    f"{amount.zh}，{spaced('未超过', reference.zh)}，没有可支持的金额",
                    f"{amount.en}: not above the {reference.en}, so nothing to support",
                )
            case BelowFloor(floor=floor, value=value):
                return Text(
                    f"测算金额 {yuan(value).zh} 低于起付标准 {yuan(floor).zh}，不予支持",
                    f"The computed amount of {yuan(value).en} is below the minimum of {yuan(floor).en}: not paid",
                )
            case NoBand(block=block, raw=raw):
                return no_band_text(block, raw)
            case WhenFailed(check=result):
                return check_text(result, self.pack)
            case ItemBringsNothing(item_id=item_id):
                title = self._title(item_id)
                return Text(f"“{title.zh}”没有可申请的金额", f"'{_en(title)}' brings no amount")
            case ReceivedAll(received=received, before=before):
                got = received_text(received)
                return Text(
                    f"测算金额 {yuan(before).zh} 减去{got.zh}后为 0 元，没有可支持的金额",
                    f"The computed amount of {yuan(before).en} less what was already received ({got.en}) is 0: "
                    "nothing to support",
                )
            case CappedToZero(cap=cap, line=line, value=value, within=within):
                # the cap, a figure of its own (the premium less what other levels paid), came to nothing: said
                # with why, and the figure it held is the one computed, not the cap's base
                name = line_cap_name(cap.name, line)
                why = EMPTY
                if isinstance(within, ReceivedAll):
                    got = received_text(within.received)
                    why = Text(
                        f"（{yuan(within.before).zh} 减去{got.zh}后为 0 元）",
                        f" ({yuan(within.before).en} less what was already received, {got.en}, is 0)",
                    )
                return Text(
                    f"测算金额 {yuan(value).zh}，受“{name.zh}”的限制为 0 元{why.zh}，没有可支持的金额",
                    f"The computed amount is {yuan(value).en}, but the bound '{_en(name)}' is 0 yuan{why.en}: "
                    "nothing to support",
                )
            case _:
                assert_never(cause)


def _band(step: BandStep) -> Text:
    question = step.block.by.question
    shown = display_value(question, step.raw)
    band = band_text(question, step.tier)
    head = Text(
        f"{question.noun.zh} {shown.zh}，适用“{band.zh}”一档",
        f"{_en(question.noun)} {shown.en}: the band '{band.en}'",
    )
    value = step.value
    if step.rate_of is None:
        return Text(f"{head.zh}：{yuan(value).zh}", f"{head.en} gives {yuan(value).en}")
    name = _named(step.rate_of.question, Text("上述金额", "the amount above"))
    base = step.rate_of.base
    assert step.tier.rate is not None
    rate = format_rate(step.tier.rate)
    return Text(
        f"{head.zh}，按 {rate} 计：{name.zh} {yuan(base).zh} × {rate} = {yuan(value).zh}",
        f"{head.en}, {rate}: {_en(name)} {yuan(base).en} × {rate} = {yuan(value).en}",
    )


def _each(step: EachStep, line: Line) -> Text | None:
    record = step.block.table.record_label
    rows, counted, total = step.rows, step.counted, step.total
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


def _excess_parts(step: ExcessStep) -> tuple[Text, Text]:
    """The amount and the reference it is measured above, said with their figures."""
    block = step.block
    of, over = block.of.question.noun, block.over.question.noun
    question = block.of.question  # both answers are of its type and unit: money, or a quantity (USD)
    over_value = display_value(question, step.over)
    reference = Text(f"{over.zh} {over_value.zh}", f"{lowered(_en(over))} of {over_value.en}")
    if block.growth is not None:
        grown = f" × (1 + {format_rate(block.growth)})"
        value = display_value(question, step.reference)
        reference = Text(f"{reference.zh}{grown} = {value.zh}", f"{reference.en}{grown} = {value.en}")
    amount = display_value(question, step.amount)
    return Text(f"{of.zh} {amount.zh}", f"{_en(of)} of {amount.en}"), reference


def _excess(step: ExcessStep) -> Text:
    """进口额 1,000,000.00 元，超过上年进口额 800,000.00 元 × (1 + 5.2%) = 841,600.00 元的部分：158,400.00 元."""
    amount, reference = _excess_parts(step)
    value = display_value(step.block.of.question, step.value)
    return Text(
        f"{amount.zh}，{spaced('超过', reference.zh)}的部分：{value.zh}",
        f"{amount.en} above the {reference.en}: {value.en}",
    )


def _group(step: GroupStep) -> Text:
    group_by = step.block.group_by
    assert group_by is not None
    key, size, counted, subtotal = step.key, step.size, step.counted, step.subtotal
    name = display_value(group_by, key) if key not in (None, "") else Text("（未填写）", "(not given)")
    noun = group_by.noun
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


def _empty(table: Question) -> Text:
    return Text(f"没有填写{table.label.zh}", f"No entries under: {_en(table.label)}")


def received_noun(noun: Text) -> Text:
    """ "已获得的车间奖励": an amount subtracted, named as received, unless its name says so already
    ("已获得的车间奖励" is never "已获得的已获得的…")."""
    zh = noun.zh if noun.zh.startswith("已") else f"已获得的{noun.zh}"
    return Text(zh, _en(noun))


def received_text(received: tuple[tuple[Operand, Decimal], ...]) -> Text:
    """ "已获得的省级支持 500,000.00 元、市级支持 400,000.00 元": the amounts subtracted (the first named as received;
    those after it read under the same words)."""
    nouns = [received_noun(op.question.noun) if n == 0 else op.question.noun for n, (op, _) in enumerate(received)]
    return Text(
        "、".join(f"{noun.zh} {yuan(value).zh}" for noun, (_, value) in zip(nouns, received, strict=True)),
        ", ".join(f"{_en(op.question.noun)} {yuan(value).en}" for op, value in received),
    )


def line_cap_name(own: Text | None, line: Line) -> Text:
    """The words for a cap said on a line: its own name, else by where it stands (a table row's, a group's,
    the item's)."""
    name = cap_name(own, rows=line.row.table if line.row is not None else None, group=isinstance(line.step, GroupStep))
    return Text(name.zh, _en(name))


def band_text(question: Question, tier: Tier) -> Text:
    low = display_value(question, _typed(question, tier.lower))
    if tier.upper is None:
        return Text(f"{low.zh}及以上", f"{low.en} or more")
    if tier.upper == tier.lower:
        return low
    high = display_value(question, _typed(question, tier.upper))
    return Text(f"{low.zh}至{high.zh}", f"{low.en} to {high.en}")


def no_band_text(block: Tiers, raw: Any) -> Text:
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
    field = row.label_field
    shown = None if field is None or row.row.get(field.id) in (None, "") else display_value(field, row.row[field.id])
    name = Text(f"（{shown.zh}）", f" ({shown.en})") if shown is not None else EMPTY
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
    zero: ZeroCause | None = None  # why the rule came to nothing
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
        reasons.append(not_answered(failed))
    if trace.nothing:
        reasons.append(explainer.zero_reason(trace.zero))
    reasons.extend(check_text(c, pack) for c in trace.pending or ())
    reasons.extend(trace.after or ())
    return tuple(steps), tuple(reasons)


# -- a rule in a few words (what an item would bring before its answers are known) ---------------------
def describe(block: Block, pack: Pack, *, top: bool = True, basis: Basis = "exact") -> Text:
    """ "按保费的 30% 计，上限 500,000.00 元": a rule said from its structure, without the enterprise's figures
    (a sum the text gives as a maximum, `basis` up_to, as "最高 30,000.00 元")."""

    def of_words(of: Operand | Block) -> Text:
        if isinstance(of, Operand):
            return of.question.noun
        inner = describe(of, pack, top=False)
        if isinstance(of, Excess):  # a noun already ("进口额超过上年的部分"): no brackets around it
            return Text(inner.zh, lowered(inner.en))
        return Text(f"（{inner.zh}）", f"({inner.en})")

    def parts(head: Text, blocks: tuple[Block, ...]) -> Text:
        said = [describe(p, pack, top=False) for p in blocks]
        return Text(f"{head.zh}：" + "；".join(p.zh for p in said), f"{head.en}: " + "; ".join(p.en for p in said))

    match block:
        case Fixed(amount=amount) if top and basis == "up_to":
            core = Text(f"最高 {yuan(amount).zh}", f"up to {yuan(amount).en}")
        case Fixed(amount=amount):
            core = Text(f"定额 {yuan(amount).zh}", f"a fixed {yuan(amount).en}")
        case Rate(rate=rate, of=of):
            noun = of_words(of)
            core = Text(f"按{noun.zh}的 {format_rate(rate)} 计", f"{format_rate(rate)} of {lowered(_en(noun))}")
        case Value(of=of):
            noun = of_words(of)
            core = Text(f"按{noun.zh}计", f"{lowered(_en(noun))}")
        case Per(per=per, of=of):
            unit = block.counted().unit
            each = f"每{unit.zh}" if unit.zh else "每单位"
            noun = of_words(of)
            core = Text(
                f"按{noun.zh}{each} {format_price(per)} 元计",
                f"{format_price(per)} yuan per {_en(unit) or 'unit'} of {lowered(_en(noun))}",
            )
        case Excess(of=of, over=over, growth=growth):
            grown = (
                Text(f"（按 {format_rate(growth)} 的增幅增长后）", f" grown by {format_rate(growth)}")
                if growth is not None
                else EMPTY
            )
            core = Text(
                f"{spaced(of.question.noun.zh + '超过', over.question.noun.zh)}{grown.zh}的部分",
                f"{_en(of.question.noun)} above {lowered(_en(over.question.noun))}{grown.en}",
            )
        case Sum(parts=blocks):
            core = parts(Text("相加", "added up"), blocks)
        case SmallerOf(parts=blocks):
            core = parts(Text("取较小者", "the smaller"), blocks)
        case LargerOf(parts=blocks):
            core = parts(Text("取较大者", "the larger"), blocks)
        case BestOf(parts=blocks):
            core = parts(Text("以下方式选其一，取较高者", "one of these routes, the better"), blocks)
        case Tiers(by=by, table=table):
            bands = [
                Text(
                    f"{band_text(by.question, t).zh} "
                    + (yuan(t.amount).zh if t.amount is not None else f"{format_rate(t.rate or Decimal(0))}"),
                    f"{band_text(by.question, t).en} "
                    + (yuan(t.amount).en if t.amount is not None else f"{format_rate(t.rate or Decimal(0))}"),
                )
                for t in table
            ]
            core = Text(
                f"按{by.question.noun.zh}分档：" + "；".join(b.zh for b in bands),
                f"by {lowered(_en(by.question.noun))}: " + "; ".join(b.en for b in bands),
            )
        case Each(table=table, per_row=per_row):
            record = table.record_label
            inner = describe(per_row, pack, top=False)
            core = Text(f"每{record.zh}{inner.zh}", f"per {lowered(_en(record))}: {inner.en}")
        case ItemAmount(item_id=item_id):
            found = pack.item(item_id)
            title = found[1].title if found else Text(item_id)
            core = Text(f"按“{title.zh}”的金额", f"the amount of '{_en(title)}'")
        case _:
            assert_never(block)
    mods = block.mods
    zh, en = core.zh, core.en
    for cap in mods.caps:
        if cap.fixed is not None:
            name = cap_name(cap.name)
            zh += f"，{name.zh} {yuan(cap.fixed).zh}"
            en += f", {_en(name)} {yuan(cap.fixed).en}"
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
    if mods.label is not None and block.labels_line:
        zh, en = f"{mods.label.zh}：{zh}", f"{_en(mods.label)}: {en}"
    if top and not mods.caps and block.says_uncapped:
        zh += "（原文无上限）"
        en += " (the text sets no cap)"
    return Text(zh, en)
