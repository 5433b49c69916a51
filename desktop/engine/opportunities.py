"""What the enterprise could still unlock: for each money item not available or not at its cap, what it would
take and what it would bring, derived from the pack's own rules by the engine (never written per item).

Two lists:
- `can`: a condition the enterprise can meet by acting (certify, insure under another product, buy
  more), a base that can grow until a cap, a tier above, a floor within reach, a question not answered;
- `cannot`: what acting cannot change: a date in the past, a status a bureau designates (the pack's
  `set_by`), a basic condition or a reading of the text a bureau has to confirm.
Each says it in words, with the figure it would bring, and the lists are ranked by that figure.

The figures come from evaluating the rule itself with changed answers, so every building block (rates,
tiers, floors, smaller-of, tables) answers "what would change the result" the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import ROUND_CEILING, Decimal
from typing import Any, Literal, cast

from desktop.engine.answers import Answers
from desktop.engine.compute import ZERO, Context, MissingAnswerError, evaluate
from desktop.engine.conditions import check, display_value
from desktop.engine.explain import check_text, describe, lowered
from desktop.engine.money import CENT, MAX_MONEY, format_yuan
from desktop.engine.result import Assessment, ItemResult
from desktop.policy.model import Condition, Item, Lang, Pack, Question, Text
from desktop.policy.rules import Block, Each, Fixed, Operand, Tiers, operands, walk

Kind = Literal["condition", "answer", "headroom", "per_step", "tier", "floor", "new_row"]
MONEY_STEP = Decimal(1_000_000)
QUANTITY_STEP = Decimal(100_000)
SEARCH_STEPS = 60


@dataclass(frozen=True)
class Opportunity:
    item_id: str
    title: Text
    kind: Kind
    text: Text  # what it would take and what it would bring
    gain: Decimal | None  # what it would add to the figure (None: not known without more answers)
    amount_if: Decimal | None  # what the item would come to
    conditions_away: int = 0  # conditions the enterprise would have to meet (for associations: "one away")
    condition: str = ""  # the question of the (first) condition to meet, for grouping members by it
    why_not: Text | None = None  # for the `cannot` list: why acting cannot change it
    action: Text | None = None  # the condition(s) to meet, in words ("首次获得海关 AEO 认证"): members grouped by it


@dataclass(frozen=True)
class Opportunities:
    can: tuple[Opportunity, ...]
    cannot: tuple[Opportunity, ...]
    covered: frozenset[str]  # every money item not at its cap is in one of the lists (a test checks it)
    ended: dt.date | None = None  # the end of the pack's period, when "today" is after it

    @property
    def note(self) -> Text:
        """What the list is, said before it: after the period, what it would have taken (for planning a year
        under similar rules), never as if the enterprise could still act for that period."""
        if self.ended is not None:
            return Text(
                f"本政策的期间已于 {self.ended} 结束，以下是按其规则推算的“若当时做到”可多得多少，"
                "可供规划下一年度参考；新政策的条件和金额以其原文为准。",
                f"This policy's period ended on {self.ended}. Below, derived from its rules, is what meeting a "
                "condition or a larger base would have brought: for planning the next year; a new policy's "
                "conditions and amounts are those of its own text.",
            )
        return Text(
            "以下由本政策的规则推算：满足哪项条件、金额增加多少，可多得多少（按可增加的金额排序）。",
            "Derived from this policy's rules: what meeting a condition or a larger base would bring (largest first).",
        )

    def for_item(self, item_id: str) -> tuple[Opportunity, ...]:
        return tuple(o for o in (*self.can, *self.cannot) if o.item_id == item_id)


def _yuan(value: Decimal) -> Text:
    return Text(f"{format_yuan(value)} 元", f"{format_yuan(value)} yuan")


def _value_of(
    pack: Pack, rule: Block, answers: Answers, amounts: dict[str, Decimal], *, exact: bool = False
) -> Decimal | None:
    """The rule's figure on these answers (conditions aside); None when an answer it needs is missing.
    `exact`: products not rounded to the cent (the searches for what a base must reach use it, so that
    "再增加 333,333.34 元即达上限" is what the exact product needs, not two cents less that round up to it)."""
    try:
        return evaluate(rule, Context(answers, pack, amounts, exact=exact))
    except MissingAnswerError:
        return None


def _ceiling_cap(rule: Block) -> Decimal | None:
    """The highest figure the rule can come to, where the text fixes one (the smallest of its top caps)."""
    if isinstance(rule, Each) and rule.group_by is not None:
        return None  # its caps hold per group, not for the item
    fixed = [cap.fixed for cap in rule.mods.caps if cap.fixed is not None]
    if fixed:
        return min(fixed)
    return rule.amount if isinstance(rule, Fixed) else None


# -- conditions ---------------------------------------------------------------------------------------------
def _phrase(cond: Condition, question: Question) -> Text:
    """What meeting the condition means, as an action: "首次获得海关 AEO 认证", "投保的…为“一般企业类”"."""
    label = question.label
    noun = question.noun
    core_zh = label.zh.removeprefix("是否").rstrip("？?")
    core_en = label.get("en").rstrip("?？")
    if cond.op == "equals" and isinstance(cond.value, bool):
        # the English label is a question ("Did the enterprise …?"): quoted with the answer it needs
        if cond.value:
            return Text(core_zh, f"the answer to '{core_en}' is yes")
        return Text(f"不再{core_zh.removeprefix('被')}", f"the answer to '{core_en}' is no")
    if cond.op in ("equals", "in"):
        values = cond.value if isinstance(cond.value, tuple) else (cond.value,)
        labels = [question.choice(v).label if question.choice(v) else Text(str(v)) for v in values]  # type: ignore[union-attr]
        return Text(
            f"{noun.zh.rstrip('？?')}为“{'”或“'.join(t.zh for t in labels)}”",
            f"{noun.get('en').rstrip('?？')} is '{' or '.join(t.get('en') for t in labels)}'",
        )
    if cond.op in ("at_least", "above"):
        shown = display_value(question, cond.value)
        return Text(f"{noun.zh}达到 {shown.zh}", f"{noun.get('en')} reaches {shown.en}")
    if cond.op in ("on_or_after", "on_or_before", "between", "in_validity", "in_period"):
        return Text(f"{noun.zh}符合规定的期间", f"{noun.get('en')} within the period required")
    return Text(f"{noun.zh}符合条件", f"{noun.get('en')} qualifies")


def _date_phrase(question: Question, conds: list[Condition]) -> Text:
    """ "AEO 认证日期在 2025-04-15 至 2025-12-31 之间": the range the date conditions of one question ask for."""
    low: dt.date | None = None
    high: dt.date | None = None
    for cond in conds:
        if cond.op == "on_or_after":
            low = cast(dt.date, cond.value)
        elif cond.op == "on_or_before":
            high = cast(dt.date, cond.value)
        elif cond.op == "between":
            low, high = cast(tuple[dt.date, dt.date], cond.value)
    noun = question.noun
    if low and high:
        return Text(f"{noun.zh}在 {low} 至 {high} 之间", f"{noun.get('en')} between {low} and {high}")
    if low or high:
        zh, en = ("不早于", "not before") if low else ("不晚于", "not after")
        return Text(f"{noun.zh}{zh} {low or high}", f"{noun.get('en')} {en} {low or high}")
    return Text(f"{noun.zh}在规定期间内", f"{noun.get('en')} within the period required")


def _date_within(conds: list[Condition]) -> dt.date:
    """A date every one of these conditions accepts (the earliest the range allows)."""
    low = [cast(dt.date, c.value) for c in conds if c.op == "on_or_after"]
    low += [cast(tuple[dt.date, dt.date], c.value)[0] for c in conds if c.op == "between"]
    high = [cast(dt.date, c.value) for c in conds if c.op == "on_or_before"]
    return max(low) if low else min(high) if high else dt.date.min


def _satisfying(cond: Condition, question: Question) -> Any:
    """An answer that meets the condition (for a choice, the first allowed value)."""
    if cond.op == "equals":
        return cond.value
    if cond.op == "in":
        return cond.value[0]  # type: ignore[index]
    if cond.op == "at_least":
        return cond.value
    if cond.op == "above":
        value = cond.value
        return value + 1 if isinstance(value, int) else value + CENT  # type: ignore[operator]
    if cond.op in ("at_most", "below", "on_or_before"):
        return cond.value
    if cond.op == "on_or_after":
        return cond.value
    if cond.op == "between":
        return cond.value[0]  # type: ignore[index]
    return None


def _unchangeable(cond: Condition, question: Question, pack: Pack) -> Text | None:
    """Why acting cannot meet a condition that failed, or None when it can."""
    if cond.interpretation is not None:
        interp = pack.interpretations.get(cond.interpretation)
        if interp is not None and interp.kind == "other_guides":
            return Text(
                "基本条件，须先符合或向主管部门确认", "a basic condition: to be met or confirmed with the bureau"
            )
        return Text("取决于主管部门对原文的理解，请先确认", "depends on how the bureau reads the text: confirm first")
    if question.type == "date":
        return Text("日期已定，无法改变", "a date that is what it is and cannot change")
    if question.set_by.zh:
        return Text(
            f"{question.set_by.zh}，企业自身无法改变", f"{question.set_by.get('en')}, not the enterprise's choice"
        )
    return None


# -- the search for what a base must reach -------------------------------------------------------------
def _smallest_reaching(
    value: Callable[[Decimal], Decimal], start: Decimal, target: Decimal, quantum: Decimal
) -> Decimal | None:
    """The smallest value ≥ start (in steps of `quantum`) at which the rule comes to at least `target`;
    None if no value up to the largest amount the program takes reaches it. The rule is monotone in it, and
    mostly straight (a rate), so a guess along the slope is tried first and the search closes in from there."""
    here = value(start)
    if here >= target:
        return start
    probe = start + max(quantum * 100, target - here)  # a short step: still on the straight part of a rate
    there = value(probe)
    high: Decimal | None = None
    if there > here:
        guess = (start + (target - here) * (probe - start) / (there - here)).quantize(quantum, rounding=ROUND_CEILING)
        if guess > start and value(guess) >= target:
            high = guess
    if high is None:
        low, high = start, probe
        while value(high) < target:
            low, high = high, high * 4
            if high > MAX_MONEY:
                return None
    else:
        step = quantum
        low = max(start, high - step)
        while low > start and value(low) >= target:  # the guess overshot: step back until below the target
            high, step = low, step * 4
            low = max(start, high - step)
    for _ in range(SEARCH_STEPS):
        if high - low <= quantum:
            break
        middle = ((low + high) / 2).quantize(quantum)
        if value(middle) >= target:
            high = middle
        else:
            low = middle
    return high


def _by_answer(finder: _Finder, rule: Block, question: Question) -> Callable[[Decimal], Decimal]:
    """The rule's figure as the one answer varies, the others as given."""
    integer = question.type == "integer"

    def value(x: Decimal) -> Decimal:
        answers = {**finder.answers, question.id: int(x) if integer else x}
        return _value_of(finder.pack, rule, answers, finder.amounts, exact=True) or ZERO

    return value


def _by_row_field(finder: _Finder, rule: Each, row: dict[str, Any], field: str) -> Callable[[Decimal], Decimal]:
    """One row's own figure as one of its fields varies (the other rows do not move)."""

    def value(x: Decimal) -> Decimal:
        return _row_value(finder.pack, rule, {**row, field: x}, finder.answers, finder.amounts, exact=True)

    return value


def _quantum(question: Question) -> Decimal:
    return Decimal(1) if question.type == "integer" else CENT


def _growth_operands(rule: Block) -> list[Operand]:
    """The answers the figure grows with: every operand but the amounts received (those only take away)."""
    received = {op.id for b in walk(rule) for op in b.mods.minus}
    seen: dict[str, Operand] = {}
    for op in operands(rule):
        if op.id not in received and not op.in_row and op.question.type in ("money", "number", "integer"):
            seen.setdefault(op.id, op)
    return list(seen.values())


# -- one item ----------------------------------------------------------------------------------------------
class _Finder:
    def __init__(self, pack: Pack, answers: Answers, result: Assessment, today: dt.date) -> None:
        self.pack, self.answers, self.result, self.today = pack, answers, result, today
        self.amounts = {i.id: i.amount for i in result.items if i.status == "eligible" and i.amount is not None}
        self.can: list[Opportunity] = []
        self.cannot: list[Opportunity] = []

    def item(self, item: Item, found: ItemResult) -> None:
        rule = item.rule
        if rule is None:
            return
        before = len(self.can) + len(self.cannot)
        self._item(item, found, rule)
        if len(self.can) + len(self.cannot) > before or _at_cap(found, rule):
            return
        missing = _missing_question(self.pack, rule, self.answers, self.amounts)
        d = describe(rule, self.pack)
        if missing is not None:
            text = Text(
                f"回答“{missing.label.zh}”后可以测算：{d.zh}",
                f"Answer '{missing.label.get('en')}' to compute it: {d.en}",
            )
            self._add(Opportunity(item.id, item.title, "answer", text, _ceiling_cap(rule), None, 0, missing.id), True)
            return
        # What limits the figure is nothing the enterprise does more of (an amount already received, a bound
        # computed from other answers): said as such, so that no item goes unexplained.
        why = Text("按规则已是目前可得的最高额", "the most the rule gives on these answers")
        text = Text(f"{why.zh}（{d.zh}）", f"{why.en} ({d.en})")
        self._add(Opportunity(item.id, item.title, "headroom", text, None, found.amount, 0, "", why), False)

    def _item(self, item: Item, found: ItemResult, rule: Block) -> None:
        if found.status in ("not_eligible", "not_answered", "to_confirm") and not self._conditions(item, found, rule):
            return  # a condition stands in the way (listed), or nothing can be said
        if found.status == "to_confirm":
            return
        current = found.amount or ZERO
        if found.status == "not_eligible" and self._floor(item, rule, current):
            return
        self._growth(item, found, rule, current)

    def _add(self, opportunity: Opportunity, changeable: bool) -> None:
        (self.can if changeable else self.cannot).append(opportunity)

    def _conditions(self, item: Item, found: ItemResult, rule: Block) -> bool:
        """Meet the conditions that fail or are unanswered, where acting can; list the item, and return False,
        when a condition stands in the way; True when none does (the rule's own answers are what is left)."""
        pack, answers = self.pack, dict(self.answers)
        common = pack.common_conditions if item.kind != "service" else ()
        conds = [*common, *item.conditions]
        phrases: list[Text] = []
        dated: dict[str, list[Condition]] = {}
        first = ""
        blocked: Text | None = None
        blocked_by: Text | None = None  # what the condition that stands in the way says
        away = 0
        for cond in conds:
            result = check(cond, answers, pack)
            if result.outcome == "pass" or (result.outcome == "missing" and cond in common):
                continue  # a basic condition not yet answered does not stand in the way (one notice says so)
            if result.question is None:  # all / any: several answers decide together
                blocked = blocked or Text("须同时符合多项条件，请逐项核对", "several conditions decide together")
                blocked_by = blocked_by or check_text(result, pack)
                continue
            question = result.question
            if result.outcome == "missing" and question.type == "date":
                # a date not given yet (its yes/no question said no): taken as falling within the period required
                same = [c for c in conds if c.question == question.id]
                dated[question.id] = same
                answers[question.id] = _date_within(same)
                continue
            reason = _unchangeable(cond, question, pack) if result.outcome == "fail" else None
            value = _satisfying(cond, question)
            if reason is not None or value is None:
                if blocked is None:
                    blocked = reason or Text("条件无法由企业自身满足", "not a condition the enterprise can meet")
                    blocked_by = check_text(result, pack)
                first = first or question.id
                continue
            phrases.append(_phrase(cond, question))
            answers[question.id] = value
            first = first or question.id
            away += 1
        phrases.extend(_date_phrase(pack.question(qid), conds) for qid, conds in dated.items())  # type: ignore[arg-type]
        if blocked is None and not away:
            return True
        title = found.title
        if blocked is not None:
            said = blocked_by or Text("条件不符", "a condition is not met")
            text = Text(f"{said.zh}：{blocked.zh}", f"{said.en}: {blocked.en}")
            if found.status == "to_confirm" and found.amount is not None:
                text = Text(
                    f"{text.zh}；确认后可得 {_yuan(found.amount).zh}",
                    f"{text.en}; once confirmed, {_yuan(found.amount).en}",
                )
            self._add(
                Opportunity(item.id, title, "condition", text, found.amount, found.amount, away + 1, first, blocked),
                False,
            )
            return False
        amount = _value_of(pack, rule, answers, self.amounts)
        joined = Text("，".join(p.zh for p in phrases), "; ".join(p.en for p in phrases))
        brings = self._brings(item, rule, amount)
        text = Text(f"若{joined.zh}，{brings.zh}", f"If {joined.en}: {brings.en}")
        gain = amount if amount else _ceiling_cap(rule)
        opportunity = Opportunity(item.id, title, "condition", text, gain, amount or None, away, first, action=joined)
        self._add(opportunity, True)
        return False

    def _brings(self, item: Item, rule: Block, amount: Decimal | None) -> Text:
        if amount is not None and amount > 0:
            word = Text("最高可得", "up to") if item.basis == "up_to" else Text("可得", "")
            return Text(f"{word.zh} {_yuan(amount).zh}", f"{(word.en + ' ') if word.en else ''}{_yuan(amount).en}")
        d = describe(rule, self.pack)
        return Text(f"{d.zh}", d.en)

    def _floor(self, item: Item, rule: Block, current: Decimal) -> bool:
        floors = [b for b in walk(rule) if b.mods.floor is not None]
        if not floors or rule.mods.floor is None:
            return False
        floor = rule.mods.floor
        for op in _growth_operands(rule):
            now = Decimal(self.answers.get(op.id, 0))
            needed = _smallest_reaching(_by_answer(self, rule, op.question), now, floor, _quantum(op.question))
            if needed is None:
                continue
            raw = _unfloored(self.pack, rule, self.answers, self.amounts)
            more = display_value(op.question, _typed(op.question, needed - now))
            text = Text(
                f"测算金额 {_yuan(raw).zh}，距起付标准 {_yuan(floor).zh}还差 {_yuan(floor - raw).zh}；"
                f"{op.question.noun.zh}再增加 {more.zh}即可获支持 {_yuan(floor).zh}",
                f"The amount of {_yuan(raw).en} is {_yuan(floor - raw).en} below the minimum of {_yuan(floor).en}; "
                f"{more.en} more {lowered(op.question.noun.get('en'))} would bring {_yuan(floor).en}",
            )
            self._add(Opportunity(item.id, item.title, "floor", text, floor, floor, 0, op.id), True)
            return True
        return False

    def _growth(self, item: Item, found: ItemResult, rule: Block, current: Decimal) -> None:
        top = _ceiling_cap(rule)
        if top is not None and current >= top:
            return  # at its cap
        if isinstance(rule, Each):
            if rule.group_by is None and rule.highest is None:  # rows add up plainly: each row can be said
                self._rows(item, found, rule, current)
            return
        if isinstance(rule, Tiers) and self._tier(item, rule, current):
            return
        for op in _growth_operands(rule):
            if op.id not in self.answers:
                text = Text(
                    f"回答“{op.question.label.zh}”后可以测算；{describe(rule, self.pack).zh}",
                    f"Answer '{op.question.label.get('en')}' to compute it; {describe(rule, self.pack).en}",
                )
                self._add(Opportunity(item.id, item.title, "answer", text, top, None, 0, op.id), True)
                return
        for op in _growth_operands(rule):
            if self._headroom(item, rule, op, current, top):
                return

    def _headroom(self, item: Item, rule: Block, op: Operand, current: Decimal, top: Decimal | None) -> bool:
        now = Decimal(self.answers[op.id])
        by = _by_answer(self, rule, op.question)
        noun = op.question.noun
        if top is not None:
            needed = _smallest_reaching(by, now, top, _quantum(op.question))
            if needed is None or needed <= now:
                return False
            more = display_value(op.question, _typed(op.question, needed - now))
            text = Text(
                f"{noun.zh}再增加 {more.zh}即达上限 {_yuan(top).zh}",
                f"{more.en} more {lowered(noun.get('en'))} reaches the cap of {_yuan(top).en}",
            )
            self._add(Opportunity(item.id, item.title, "headroom", text, top - current, top, 0, op.id), True)
            return True
        step = (
            MONEY_STEP if op.question.type == "money" else QUANTITY_STEP if op.question.type == "number" else Decimal(1)
        )
        after = by(now + step)
        if after <= current:
            return False
        gain = after - current
        shown = display_value(op.question, _typed(op.question, step))
        word = Text("最高", "up to ") if item.basis == "up_to" else Text("", "")
        text = Text(
            f"{noun.zh}每增加 {shown.zh}，金额{word.zh}增加 {_yuan(gain).zh}（原文无上限）",
            f"Each {shown.en} more {lowered(noun.get('en'))} adds {word.en}{_yuan(gain).en} (the text sets no cap)",
        )
        self._add(Opportunity(item.id, item.title, "per_step", text, gain, None, 0, op.id), True)
        return True

    def _tier(self, item: Item, rule: Tiers, current: Decimal) -> bool:
        by = rule.by.question
        now = Decimal(self.answers.get(by.id, 0))
        for tier in rule.table:
            if tier.lower <= now:
                continue
            answers = {**self.answers, by.id: _typed(by, tier.lower)}
            amount = _value_of(self.pack, rule, answers, self.amounts)
            if amount is None or amount <= current:
                continue
            shown = display_value(by, _typed(by, tier.lower))
            was = Text(f"（现为 {_yuan(current).zh}）", f" (now {_yuan(current).en})") if current else Text("", "")
            action = Text(f"{by.noun.zh}达到 {shown.zh}", f"{lowered(by.noun.get('en'))} reaches {shown.en}")
            text = Text(
                f"若{action.zh}，可得 {_yuan(amount).zh}{was.zh}", f"If {action.en}: {_yuan(amount).en}{was.en}"
            )
            gain = amount - current
            self._add(Opportunity(item.id, item.title, "tier", text, gain, amount, 1, by.id, action=action), True)
            return True
        return False

    def _rows(self, item: Item, found: ItemResult, rule: Each, current: Decimal) -> None:
        rows = self.answers.get(rule.table.id)
        table = rule.table
        record = table.record_label
        row_caps = [cap.fixed for cap in rule.per_row.mods.caps if cap.fixed is not None]
        row_cap = min(row_caps) if row_caps else None
        top = _ceiling_cap(rule)
        added = False
        if rows:
            money = [f for f in table.fields if f.type == "money" and any(o.id == f.id for o in operands(rule.per_row))]
            for index, row in enumerate(rows):
                for field in money:
                    if row_cap is None or field.id not in row:
                        continue
                    now = Decimal(row[field.id])
                    single = _row_value(self.pack, rule, row, self.answers, self.amounts)
                    if single >= row_cap:
                        continue
                    # the row's own block alone is searched: the other rows do not move
                    needed = _smallest_reaching(_by_row_field(self, rule, row, field.id), now, row_cap, CENT)
                    if needed is None or needed <= now:
                        continue
                    target = min(current - single + row_cap, top) if top is not None else current - single + row_cap
                    name = _row_name(rule, row)
                    more = display_value(field, needed - now)
                    text = Text(
                        f"{record.zh} {index + 1}{name.zh}的{field.noun.zh}再增加 {more.zh}即达每{record.zh}上限 "
                        f"{_yuan(row_cap).zh}",
                        f"{record.get('en')} {index + 1}{name.en}: {more.en} more {lowered(field.noun.get('en'))} "
                        f"reaches the cap per {lowered(record.get('en'))} of {_yuan(row_cap).en}",
                    )
                    gain = target - current
                    self._add(Opportunity(item.id, item.title, "headroom", text, gain, target, 0, table.id), True)
                    added = True
        if row_cap is not None and (top is None or current < top):
            gain = row_cap if top is None else min(row_cap, top - current)
            d = describe(rule.per_row, self.pack, top=False)
            if rows:
                text = Text(
                    f"每增加一个{record.zh}，最高可再得 {_yuan(gain).zh}（{d.zh}）",
                    f"Each further {lowered(record.get('en'))} can add up to {_yuan(gain).en} ({d.en})",
                )
            else:
                text = Text(
                    f"若有{table.label.zh}：每{record.zh}{d.zh}",
                    f"With {lowered(table.label.get('en'))}: per {lowered(record.get('en'))}, {d.en}",
                )
            self._add(Opportunity(item.id, item.title, "new_row", text, gain, current + gain, 0, table.id), True)
            added = True
        if not added and found.status == "not_eligible":
            d = describe(rule, self.pack)
            text = Text(
                f"填写{table.label.zh}后可以测算：{d.zh}", f"Fill in '{table.label.get('en')}' to compute it: {d.en}"
            )
            self._add(Opportunity(item.id, item.title, "answer", text, top or row_cap, None, 0, table.id), True)


def _at_cap(found: ItemResult, rule: Block) -> bool:
    top = _ceiling_cap(rule)
    return found.status == "eligible" and found.amount is not None and top is not None and found.amount >= top


def _missing_question(pack: Pack, rule: Block, answers: Answers, amounts: dict[str, Decimal]) -> Question | None:
    try:
        evaluate(rule, Context(answers, pack, amounts))
    except MissingAnswerError as exc:
        return exc.question
    return None


def _row_value(
    pack: Pack, rule: Each, row: dict[str, Any], answers: Answers, amounts: dict[str, Decimal], *, exact: bool = False
) -> Decimal:
    """What one row comes to on its own (its per-row block)."""
    ctx = Context(answers, pack, amounts, exact=exact)
    ctx.row, ctx.table = row, rule.table
    try:
        return evaluate(rule.per_row, ctx)
    except MissingAnswerError:
        return ZERO


def _row_name(rule: Each, row: dict[str, Any]) -> Text:
    field = rule.label_field
    if field is None or row.get(field.id) in (None, ""):
        return Text("", "")
    shown = display_value(field, row[field.id])
    return Text(f"（{shown.zh}）", f" ({shown.en})")


def _typed(question: Question, value: Decimal) -> Any:
    return int(value) if question.type == "integer" else value


def _unfloored(pack: Pack, rule: Block, answers: Answers, amounts: dict[str, Decimal]) -> Decimal:
    """The figure before the floor takes it away (what "still below the floor by" is measured from)."""
    bare = replace(rule, mods=replace(rule.mods, floor=None))
    return _value_of(pack, bare, answers, amounts) or ZERO


def find_opportunities(pack: Pack, answers: Answers, result: Assessment, today: dt.date) -> Opportunities:
    finder = _Finder(pack, answers, result, today)
    covered: set[str] = set()
    for _, item in pack.items():
        if item.kind != "amount" or item.rule is None:
            continue
        found = result.item(item.id)
        before = len(finder.can) + len(finder.cannot)
        finder.item(item, found)
        if len(finder.can) + len(finder.cannot) > before:
            covered.add(item.id)
    rank = sorted(finder.can, key=lambda o: (-(o.gain or ZERO), o.item_id))
    return Opportunities(
        tuple(rank),
        tuple(sorted(finder.cannot, key=lambda o: (-(o.gain or ZERO), o.item_id))),
        frozenset(covered),
        pack.period[1] if today > pack.period[1] else None,
    )


def at_cap(item: ItemResult) -> bool:
    """The figure stands at the highest the rule allows (a fixed sum, or the item's own cap)."""
    if item.status != "eligible" or item.amount is None:
        return False
    top = item.cap
    return top is not None and item.amount >= top


def opportunities_to_data(found: Opportunities, lang: Lang | None = "zh") -> dict[str, object]:
    """The JSON of `assess --json` (field `opportunities`): both lists, ranked, with their figures."""

    def text(value: Text) -> object:
        return {"zh": value.zh, "en": value.en} if lang is None else value.get(lang)

    def one(o: Opportunity) -> dict[str, object]:
        return {
            "item": o.item_id,
            "title": text(o.title),
            "kind": o.kind,
            "text": text(o.text),
            "gain": None if o.gain is None else f"{o.gain:.2f}",
            "amount_if": None if o.amount_if is None else f"{o.amount_if:.2f}",
            "conditions_away": o.conditions_away,
            "why_not": None if o.why_not is None else text(o.why_not),
        }

    return {
        "note": text(found.note),
        "period_ended": None if found.ended is None else found.ended.isoformat(),
        "can": [one(o) for o in found.can],
        "cannot": [one(o) for o in found.cannot],
    }
