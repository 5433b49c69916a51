"""What the enterprise could still unlock: for each money item not available or not at its cap, what it would
take and what it would bring, derived from the pack's own rules by the engine (never written per item).

Two lists:
- `can`: a condition the enterprise can meet by acting (certify, insure under another product, buy
  more), a base that can grow until a cap, a tier above, a floor within reach, a question not answered;
- `cannot`: what acting cannot change: a date in the past, a status a bureau designates (the pack's
  `set_by`), a reading of the text a bureau has to confirm.
Each says it in words, with the figure it would bring, and the lists are ranked by that figure. An item a
basic condition bars (on the dishonest list) is in neither: the assessment says the bar once.

Every figure an opportunity states is what the item comes to when its `change` is made to the answers and
the item decided again as the assessment decides it (with the items whose amounts it reads: `assess_item`),
less what it comes to now (`gain`): every cap that applies (per row, per item, per enterprise, combined)
and every rounding is the engine's own. Where that cannot be computed yet (an answer is missing) the
opportunity says so and gives the most the rule allows (`up_to`) instead. A gain under THRESHOLD (100 元)
is not worth a line. After the policy's period the texts speak of what acting then would have brought
("若当时…"), for planning a year under similar rules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from decimal import ROUND_CEILING, Decimal
from typing import Any, Literal, cast

from desktop.engine.answers import Answers
from desktop.engine.compute import CapMet, Context, MissingAnswerError, evaluate
from desktop.engine.evaluate import assess_item, reads_of
from desktop.engine.result import Assessment, ItemResult
from desktop.money import CENT, MAX_MONEY, format_rate
from desktop.policy.conditions import TESTS
from desktop.policy.conditions.check import check
from desktop.policy.model import Condition, Item, Lang, Pack, Question, Text
from desktop.policy.rules import Block, plus
from desktop.policy.rules.base import NO_MODS, ZERO, Operand, Rows, Thresholds, operands, walk
from desktop.policy.rules.names import cap_name, lowered
from desktop.wording.answers import display_value
from desktop.wording.conditions import action, check_text, date_action
from desktop.wording.explanation import describe, spaced, yuan

Kind = Literal["condition", "answer", "headroom", "per_step", "tier", "floor", "new_row"]
MONEY_STEP = Decimal(1_000_000)
QUANTITY_STEP = Decimal(100_000)
SEARCH_STEPS = 60
THRESHOLD = Decimal(100)
"""A gain under this (yuan) is noise: "最高可再得 0.02 元" helps nobody, and is not listed."""


@dataclass(frozen=True)
class Opportunity:
    item_id: str
    title: Text
    kind: Kind
    text: Text  # what it would take and what it would bring
    gain: Decimal | None  # what the item's figure would grow by, computed (None: not known without more answers)
    amount_if: Decimal | None  # what the item would come to
    conditions_away: int = 0  # conditions the enterprise would have to meet (for associations: "one away")
    condition: str = ""  # the question of the (first) condition to meet, for grouping members by it
    why_not: Text | None = None  # for the `cannot` list: why acting cannot change it
    action: Text | None = None  # the condition(s) to meet, in words ("首次获得海关 AEO 认证"): members grouped by it
    change: Mapping[str, Any] | None = None
    """The answers that, changed so, bring `gain` (typed as the engine keeps answers; a table whole)."""
    up_to: Decimal | None = None
    """Where `gain` cannot be computed yet: the most the rule can come to (its cap), for ranking and counting."""
    per: Text | None = None
    """For a figure per step of a base the text caps at no sum: the step ("1,000,000.00 元")."""

    @property
    def rank(self) -> Decimal:
        """What the lists are ranked by: the gain, else the most it could be."""
        return self.gain if self.gain is not None else self.up_to or ZERO


@dataclass(frozen=True)
class Opportunities:
    can: tuple[Opportunity, ...]
    cannot: tuple[Opportunity, ...]
    covered: frozenset[str]  # every money item not at its cap is in one of the lists, or in `negligible`
    ended: dt.date | None = None  # the end of the pack's period, when "today" is after it
    negligible: frozenset[str] = frozenset()
    """Items whose only opportunities would bring less than THRESHOLD: at their cap for any practical purpose."""
    barred: bool = False
    """A basic condition bars the enterprise (the dishonest list): every figure below waits for it to be lifted."""

    @property
    def heading(self) -> Text:
        """The list's title: what could still be unlocked, or, after the period, what acting then would have
        brought (the same words as `note`)."""
        if self.ended is not None:
            return Text(
                "若当时做到：本可多得的支持（供规划参考）",
                "Had more been done then: what it would have brought (for planning)",
            )
        return Text("还可以争取的支持", "What could still be unlocked")

    @property
    def note(self) -> Text:
        """What the list is, said before it: after the period, what it would have taken (for planning a year
        under similar rules), never as if the enterprise could still act for that period; with a bar, that
        the bar comes first."""
        said = self._note
        if self.barred:
            return Text(
                f"{said.zh}上文所说的限制解除之前，以下各项同样不可申请。",
                f"{said.en} Until the bar said above is lifted, none of these can be applied for either.",
            )
        return said

    @property
    def _note(self) -> Text:
        if self.ended is not None:
            return Text(
                f"本政策的期间已于 {self.ended} 结束，以下是按其规则推算的“若当时做到”本可多得多少，"
                "可供规划下一年度参考；新政策的条件和金额以其原文为准。",
                f"This policy's period ended on {self.ended}. Below, derived from its rules, is what meeting a "
                "condition or a larger base then would have brought: for planning the next year; a new policy's "
                "conditions and amounts are those of its own text.",
            )
        return Text(
            "以下由本政策的规则推算：满足哪项条件、金额增加多少，可多得多少（按可多得的金额排序）。",
            "Derived from this policy's rules: what meeting a condition or a larger base would bring (largest first).",
        )

    def for_item(self, item_id: str) -> tuple[Opportunity, ...]:
        return tuple(o for o in (*self.can, *self.cannot) if o.item_id == item_id)


def _value_of(pack: Pack, rule: Block, answers: Answers, amounts: dict[str, Decimal]) -> Decimal | None:
    """The rule's figure on these answers (conditions aside), rounded as the engine pays it; None when an
    answer it needs is missing."""
    try:
        return evaluate(rule, Context(answers, pack, amounts))
    except MissingAnswerError:
        return None


def _ceiling_cap(rule: Block) -> Decimal | None:
    """The highest figure the rule can come to, where the text fixes one (the smallest of its top caps)."""
    if rule.caps_per_group():
        return None  # its caps hold per group, not for the item
    fixed = [cap.fixed for cap in rule.mods.caps if cap.fixed is not None]
    if fixed:
        return min(fixed)
    return rule.stated_sum()


# -- conditions ---------------------------------------------------------------------------------------------
def _date_within(conds: list[Condition]) -> dt.date:
    """A date every one of these conditions accepts (the earliest the range allows)."""
    ranges = [found for c in conds if c.op in TESTS and (found := TESTS[c.op].date_range(c)) is not None]
    low = [start for start, _ in ranges if start is not None]
    high = [end for _, end in ranges if end is not None]
    return max(low) if low else min(high) if high else dt.date.min


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
    mostly straight (a rate), so a guess along the slope is tried first (aimed half a cent low: the figure is
    rounded to the cent, half up) and the search closes in from there."""
    here = value(start)
    if here >= target:
        return start
    probe = start + max(quantum * 100, target - here)  # a short step: still on the straight part of a rate
    there = value(probe)
    low, high = start, probe
    if there > here:
        aim = target - CENT / 2 - here
        guess = (start + aim * (probe - start) / (there - here)).quantize(quantum, rounding=ROUND_CEILING)
        guess = min(max(guess, start + quantum), MAX_MONEY)
        if value(guess) >= target:
            low, high = max(start, guess - quantum), guess
            step = quantum
            while low > start and value(low) >= target:  # the guess overshot: step back until below the target
                high, step = low, step * 4
                low = max(start, high - step)
        else:
            low, high = guess, guess + quantum
            step = quantum
            while value(high) < target:  # the guess fell short: step on until the target is reached
                if high >= MAX_MONEY:
                    return None
                low, step = high, step * 4
                high = min(MAX_MONEY, high + step)
    else:
        while value(high) < target:
            low, high = high, high * 4
            if high > MAX_MONEY:
                return None
    for _ in range(SEARCH_STEPS):
        if high - low <= quantum:
            break
        middle = ((low + high) / 2).quantize(quantum)
        if value(middle) >= target:
            high = middle
        else:
            low = middle
    return high


def _quantum(question: Question) -> Decimal:
    return Decimal(1) if question.type == "integer" else CENT


def _growth_operands(rule: Block) -> list[Operand]:
    """The answers the figure grows with: every operand but the amounts received (those only take away)."""
    received = {op.id for b in walk(rule) for op in (*b.mods.minus, *b.reducing())}
    seen: dict[str, Operand] = {}
    for op in operands(rule):
        if op.id not in received and not op.in_row and op.question.type in ("money", "number", "integer"):
            seen.setdefault(op.id, op)
    return list(seen.values())


class _Words:
    """The same opportunity said for the present ("保费再增加…，可多得…") or, after the period, for what acting
    then would have brought ("若当时保费多…，本可多得…")."""

    def __init__(self, past: bool) -> None:
        self.past = past

    def if_(self, what: Text, *, having: bool = False) -> Text:
        """ "若首次获得…，" / "If …: "; `having` a thing rather than meeting a condition ("With one more case: ")."""
        if self.past:
            return Text(f"若当时{what.zh}，", f"Had there been {what.en}: " if having else f"If, then, {what.en}: ")
        return Text(f"若{what.zh}，", f"With {what.en}: " if having else f"If {what.en}: ")

    def brings(self, gain: Decimal, first: bool, up_to: bool = False) -> Text:
        """ "可得 150,000.00 元" (nothing before) / "可多得 140,000.00 元"; past: "本可…"."""
        word = Text("可得", "gives") if first else Text("可多得", "gives")
        if up_to:
            word = Text(f"最高{word.zh}", f"{word.en} up to")
        more = "" if first else " more"
        if self.past:
            word = Text(f"本{word.zh}", "would have given" + (" up to" if up_to else ""))
        return Text(f"{word.zh} {yuan(gain).zh}", f"{word.en} {yuan(gain).en}{more}")

    def more(self, noun: Text, amount: Text, whose: Text | None = None) -> Text:
        """ "保费再增加 466,666.65 元" / "466,666.65 yuan more premium"; past "若当时保费多 …"; `whose` names the row
        ("案件 2（商标）的" / "Case 2 (Trademark): ")."""
        of = whose or Text("", "")
        en_noun = lowered(noun.get("en"))
        if self.past:
            return Text(
                f"{spaced('若当时', of.zh + noun.zh)}多 {amount.zh}",
                f"{of.en}had the {en_noun} been {amount.en} higher",
            )
        return Text(f"{of.zh}{noun.zh}再增加 {amount.zh}", f"{of.en}{amount.en} more {en_noun}")

    def each(self, noun: Text, step: Text) -> Text:
        if self.past:
            return Text(
                f"{spaced('若当时', noun.zh)}每多 {step.zh}", f"Each {step.en} more {lowered(noun.get('en'))} then"
            )
        return Text(f"{noun.zh}每增加 {step.zh}", f"Each {step.en} more {lowered(noun.get('en'))}")


# -- one item ----------------------------------------------------------------------------------------------
class _Finder:
    def __init__(self, pack: Pack, answers: Answers, result: Assessment, today: dt.date) -> None:
        self.pack, self.answers, self.result, self.today = pack, answers, result, today
        self.amounts = {i.id: i.amount for i in result.items if i.status == "eligible" and i.amount is not None}
        self.words = _Words(today > pack.period[1])
        self.can: list[Opportunity] = []
        self.cannot: list[Opportunity] = []
        self.negligible: set[str] = set()
        self.figures: dict[tuple[object, ...], Decimal | None] = {}
        self.bare: dict[int, Block] = {}  # a table rule without the item's caps, by the rule's identity

    def row_figure(self, rule: Rows, row: dict[str, Any]) -> Decimal | None:
        """One row's figure in a table rule (its own caps, none of the item's), computed once per finder."""
        key = (id(rule.block), _frozen_rows([row]))
        if key not in self.figures:
            bare = self.bare.get(id(rule.block))
            if bare is None:
                bare = self.bare[id(rule.block)] = rule.block.with_mods(NO_MODS)
            self.figures[key] = _value_of(self.pack, bare, {**self.answers, rule.table.id: [row]}, self.amounts)
        return self.figures[key]

    # what a change of the answers brings: the item decided again as the assessment would (caps, rounding)
    def now(self, item_id: str) -> Decimal:
        return self.amounts.get(item_id, ZERO)

    def after(self, item_id: str, change: Mapping[str, Any]) -> Decimal | None:
        """The item's claimable figure once the answers are changed so (None: then not claimable)."""
        found = assess_item(self.pack, {**self.answers, **change}, item_id)
        return found.amount if found.status == "eligible" else None

    def item(self, item: Item, found: ItemResult) -> None:
        rule = item.rule
        if rule is None or found.status == "barred":
            return  # a bar (on the dishonest list) is said once for the assessment, not per item
        before = len(self.can) + len(self.cannot)
        dropped = item.id in self.negligible
        self._item(item, found, rule)
        listed = len(self.can) + len(self.cannot) > before
        if listed or _at_cap(found, rule) or (item.id in self.negligible and not dropped):
            return
        missing = _missing_question(self.pack, rule, self.answers, self.amounts)
        d = describe(rule, self.pack, basis=item.basis)
        if missing is not None:
            text = Text(
                f"回答“{missing.label.zh}”后可以测算：{d.zh}",
                f"Answer '{missing.label.get('en')}' to compute it: {d.en}",
            )
            opportunity = Opportunity(item.id, item.title, "answer", text, None, None, 0, missing.id)
            self._add(replace(opportunity, up_to=_ceiling_cap(rule)), True)
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
        gain = opportunity.gain
        if gain is not None and gain < THRESHOLD:
            self.negligible.add(opportunity.item_id)
            return
        en = opportunity.text.en
        if en[:1].islower():  # a sentence that opens on a noun ("had the premium been…")
            opportunity = replace(opportunity, text=Text(opportunity.text.zh, en[0].upper() + en[1:]))
        (self.can if changeable else self.cannot).append(opportunity)

    def _conditions(self, item: Item, found: ItemResult, rule: Block) -> bool:
        """Meet the conditions that fail or are unanswered, where acting can; list the item, and return False,
        when a condition stands in the way; True when none does (the rule's own answers are what is left)."""
        pack, answers = self.pack, dict(self.answers)
        common = pack.common_conditions if item.kind != "service" else ()
        conds = [*common, *item.conditions]
        phrases: list[Text] = []
        dated: dict[str, list[Condition]] = {}
        change: dict[str, Any] = {}
        first = ""
        blocked: Text | None = None
        blocked_by: Text | None = None  # what the condition that stands in the way says
        away = 0
        for cond in conds:
            if cond.bars:
                continue  # a bar (on the dishonest list) is said once for the assessment, not with every item
            result = check(cond, answers, pack, item=item.id)
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
                answers[question.id] = change[question.id] = _date_within(same)
                continue
            reason = _unchangeable(cond, question, pack) if result.outcome == "fail" else None
            value = TESTS[cond.op].satisfying(cond, question, answers, item.id)
            if value is not None:
                answers[question.id] = change[question.id] = value  # what settles it, for the figure it gives
            if reason is not None or value is None:
                if blocked is None:
                    blocked = reason or Text("条件无法由企业自身满足", "not a condition the enterprise can meet")
                    blocked_by = check_text(result, pack)
                first = first or question.id
                continue
            phrases.append(action(cond, question))
            first = first or question.id
            away += 1
        phrases.extend(date_action(pack.question(qid), conds) for qid, conds in dated.items())  # type: ignore[arg-type]
        if blocked is None and not away:
            return True
        title = found.title
        if blocked is not None:
            said = blocked_by or Text("条件不符", "a condition is not met")
            text = Text(f"{said.zh}：{blocked.zh}", f"{said.en}: {blocked.en}")
            gain: Decimal | None = None
            if found.status == "to_confirm" and found.amount is not None:
                # settled the way the tool reads it (the date within the period, the project not funded twice)
                gain = found.amount
                text = Text(
                    f"{text.zh}；确认后可得 {yuan(found.amount).zh}",
                    f"{text.en}; once confirmed, {yuan(found.amount).en}",
                )
            opportunity = Opportunity(
                item.id, title, "condition", text, gain, found.amount, away + 1, first, blocked, change=change
            )
            self._add(opportunity, False)
            return False
        amount = self.after(item.id, change)
        joined = Text("，".join(p.zh for p in phrases), "; ".join(p.en for p in phrases))
        lead = self.words.if_(joined)
        before = self.now(item.id)
        if amount is not None and amount > before:
            gain = amount - before
            brings = self.words.brings(gain, first=before == 0, up_to=item.basis == "up_to")
            text = Text(f"{lead.zh}{brings.zh}", f"{lead.en}{brings.en}")
            opportunity = Opportunity(
                item.id, title, "condition", text, gain, amount, away, first, action=joined, change=change
            )
        else:
            d = describe(rule, self.pack, basis=item.basis)
            text = Text(f"{lead.zh}{d.zh}", f"{lead.en}{d.en}")
            opportunity = Opportunity(
                item.id, title, "condition", text, None, None, away, first, action=joined, up_to=_ceiling_cap(rule)
            )
        self._add(opportunity, True)
        return False

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
            change = {op.id: _typed(op.question, needed)}
            amount = self.after(item.id, change)
            if amount is None:
                continue
            raw = _unfloored(self.pack, rule, self.answers, self.amounts)
            more = display_value(op.question, _typed(op.question, needed - now))
            grown = self.words.more(op.question.noun, more)
            brings = self.words.brings(amount - current, first=current == 0)
            text = Text(
                f"测算金额 {yuan(raw).zh}，距起付标准 {yuan(floor).zh}还差 {yuan(floor - raw).zh}；"
                f"{grown.zh}，{brings.zh}",
                f"The amount of {yuan(raw).en} is {yuan(floor - raw).en} below the minimum of {yuan(floor).en}; "
                f"{grown.en}: {brings.en}",
            )
            self._add(
                Opportunity(item.id, item.title, "floor", text, amount - current, amount, 0, op.id, change=change), True
            )
            return True
        return False

    def _growth(self, item: Item, found: ItemResult, rule: Block, current: Decimal) -> None:
        top = _ceiling_cap(rule)
        if top is not None and current >= top:
            return  # at its cap
        rows = rule.rows()
        if rows is not None:
            if rows.plain:  # rows add up plainly: each row can be said
                self._rows(item, found, rows, current)
            return
        thresholds = rule.thresholds()
        if thresholds is not None and self._tier(item, thresholds, current):
            return
        for op in _growth_operands(rule):
            if op.id not in self.answers:
                text = Text(
                    f"回答“{op.question.label.zh}”后可以测算；{describe(rule, self.pack).zh}",
                    f"Answer '{op.question.label.get('en')}' to compute it; {describe(rule, self.pack).en}",
                )
                self._add(Opportunity(item.id, item.title, "answer", text, None, None, 0, op.id, up_to=top), True)
                return
        for op in _growth_operands(rule):
            if self._headroom(item, rule, op, current):
                return

    def _reached(self, rule: Block, answers: Answers, row: int | None = None) -> Text:
        """ "（达上限 500,000.00 元）": the cap that holds the figure once the change is made (the item's own
        first, else the changed row's), in the words the explanation uses."""
        ctx = Context(answers, self.pack, self.amounts)
        try:
            evaluate(rule, ctx)
        except MissingAnswerError:
            return Text("", "")
        hits = [m for m in ctx.caps if m.hit]
        chosen: CapMet | None = next((m for m in hits if m.top), None)
        if chosen is None and row is not None:
            chosen = next((m for m in hits if m.row is not None and m.row.index == row), None)
        chosen = chosen or (hits[0] if hits else None)
        if chosen is None:
            return Text("", "")
        name = cap_name(chosen.cap.name, rows=chosen.row.table if chosen.row is not None else None)
        bound = yuan(chosen.bound)
        return Text(f"（达{name.zh} {bound.zh}）", f" (reaching the {name.get('en')} of {bound.en})")

    def _row_reached(self, rule: Rows, rows: list[dict[str, Any]], index: int) -> Text:
        """The cap that holds the figure once the row at `index` is as large as can be (on that row alone, the
        others folded in, where they can be)."""
        folded, alone, at = _folded(self, rule, rows, index)
        return self._reached(folded.block, {**self.answers, rule.table.id: alone}, row=at + 1)

    def _headroom(self, item: Item, rule: Block, op: Operand, current: Decimal) -> bool:
        now = Decimal(self.answers[op.id])
        by = _by_answer(self, rule, op.question)
        noun = op.question.noun
        top = by(MAX_MONEY)
        if top == by(MAX_MONEY / 2):  # the figure stops growing: a cap holds it, whichever
            needed = _smallest_reaching(by, now, top, _quantum(op.question))
            if needed is None or needed <= now:
                return False
            change = {op.id: _typed(op.question, needed)}
            amount = self.after(item.id, change)
            if amount is None or amount <= current:
                return False
            more = display_value(op.question, _typed(op.question, needed - now))
            grown = self.words.more(noun, more)
            brings = self.words.brings(amount - current, first=current == 0)
            reached = self._reached(rule, {**self.answers, op.id: _typed(op.question, MAX_MONEY)})
            text = Text(f"{grown.zh}，{brings.zh}{reached.zh}", f"{grown.en}: {brings.en}{reached.en}")
            self._add(
                Opportunity(item.id, item.title, "headroom", text, amount - current, amount, 0, op.id, change=change),
                True,
            )
            return True
        # No cap: a figure per step of the base (a rate is no maximum: the text sets no sum)
        step = (
            MONEY_STEP if op.question.type == "money" else QUANTITY_STEP if op.question.type == "number" else Decimal(1)
        )
        change = {op.id: _typed(op.question, now + step)}
        amount = self.after(item.id, change)
        if amount is None or amount <= current:
            return False
        gain = amount - current
        shown = display_value(op.question, _typed(op.question, step))
        rate = rule.growth_rate()
        how = Text(f"按 {format_rate(rate)} 计，", f"at {format_rate(rate)}, ") if rate is not None else Text("", "")
        lead = self.words.each(noun, shown)
        brings = self.words.brings(gain, first=False)
        text = Text(
            f"{lead.zh}，{how.zh}{brings.zh}（原文未规定金额上限）",
            f"{lead.en}: {how.en}{brings.en} (the text sets no cap on the sum)",
        )
        opportunity = Opportunity(
            item.id, item.title, "per_step", text, gain, amount, 0, op.id, change=change, per=shown
        )
        self._add(opportunity, True)
        return True

    def _tier(self, item: Item, rule: Thresholds, current: Decimal) -> bool:
        by = rule.by.question
        now = Decimal(self.answers.get(by.id, 0))
        for lower in rule.values:
            if lower <= now:
                continue
            change = {by.id: _typed(by, lower)}
            amount = self.after(item.id, change)
            if amount is None or amount <= current:
                continue
            shown = display_value(by, _typed(by, lower))
            was = (
                Text(
                    f"（达 {yuan(amount).zh}，现为 {yuan(current).zh}）",
                    f" ({yuan(amount).en}, now {yuan(current).en})",
                )
                if current
                else Text("", "")
            )
            action = Text(f"{by.noun.zh}达到 {shown.zh}", f"the {lowered(by.noun.get('en'))} reaches {shown.en}")
            lead = self.words.if_(action)
            brings = self.words.brings(amount - current, first=current == 0)
            text = Text(f"{lead.zh}{brings.zh}{was.zh}", f"{lead.en}{brings.en}{was.en}")
            opportunity = Opportunity(
                item.id, item.title, "tier", text, amount - current, amount, 1, by.id, action=action, change=change
            )
            self._add(opportunity, True)
            return True
        return False

    def _rows(self, item: Item, found: ItemResult, rule: Rows, current: Decimal) -> None:
        """Each row that can grow, and one more row: the whole rule is evaluated with the row changed, so the
        per-row cap and the item's own cap (每个单位上限) both hold, and the figure said is what it brings."""
        rows: list[dict[str, Any]] = list(self.answers.get(rule.table.id) or [])
        table = rule.table
        record = table.record_label
        money = [f for f in table.fields if f.type == "money" and any(o.id == f.id for o in operands(rule.per_row))]
        added = False
        figure = _value_of(self.pack, rule.block, self.answers, self.amounts) if rows else None
        for index, row in enumerate(rows):
            for field in money:
                if field.id not in row:
                    continue
                now = Decimal(row[field.id])
                needed = _row_reaching(self, item.id, rule, rows, index, field.id, now, current, figure)
                if needed is None or needed <= now:
                    continue  # no cap stops the row (a per-step figure is said for a new row) or nothing to gain
                change = {table.id: _with_row(rows, index, {**row, field.id: needed})}
                amount = self.after(item.id, change)
                if amount is None or amount <= current:
                    continue
                more = display_value(field, needed - now)
                name = _row_name(rule, row)
                whose = Text(f"{record.zh} {index + 1}{name.zh}的", f"{record.get('en')} {index + 1}{name.en}: ")
                grown = self.words.more(field.noun, more, whose)
                brings = self.words.brings(amount - current, first=False)
                reached = self._row_reached(rule, _with_row(rows, index, {**row, field.id: MAX_MONEY}), index)
                text = Text(f"{grown.zh}，{brings.zh}{reached.zh}", f"{grown.en}: {brings.en}{reached.en}")
                self._add(
                    Opportunity(
                        item.id, item.title, "headroom", text, amount - current, amount, 0, table.id, change=change
                    ),
                    True,
                )
                added = True
        if money and self._new_row(item, rule, rows, money[0], current):
            added = True
        if not added and found.status == "not_eligible" and not rows:
            d = describe(rule.block, self.pack, basis=item.basis)
            text = Text(
                f"填写{table.label.zh}后可以测算：{d.zh}", f"Fill in '{table.label.get('en')}' to compute it: {d.en}"
            )
            self._add(
                Opportunity(
                    item.id, item.title, "answer", text, None, None, 0, table.id, up_to=_ceiling_cap(rule.block)
                ),
                True,
            )

    def _new_row(self, item: Item, rule: Rows, rows: list[dict[str, Any]], field: Question, current: Decimal) -> bool:
        """One more row (a case, an overseas project) as large as it needs to be to bring the most it can."""
        table = rule.table
        record = table.record_label
        blank = _blank_row(table, rows)
        extended = [*rows, {**blank, field.id: ZERO}]
        needed = _row_reaching(self, item.id, rule, extended, len(rows), field.id, CENT, current)
        if needed is None:
            return False  # uncapped rows grow without end (the figure per step is not one row's), or no gain
        change = {table.id: [*rows, {**blank, field.id: needed}]}
        amount = self.after(item.id, change)
        if amount is None or amount <= current:
            return False
        shown = display_value(field, needed)
        one = Text(
            f"再有一个{record.zh}（{field.noun.zh} {shown.zh}及以上）",
            f"one more {lowered(record.get('en'))} ({lowered(field.noun.get('en'))} of {shown.en} or more)",
        )
        if not rows:
            one = Text(
                f"有一个{record.zh}（{field.noun.zh} {shown.zh}及以上）",
                f"one {lowered(record.get('en'))} ({lowered(field.noun.get('en'))} of {shown.en} or more)",
            )
        lead = self.words.if_(one, having=True)
        brings = self.words.brings(amount - current, first=current == 0)
        reached = self._row_reached(rule, [*rows, {**blank, field.id: MAX_MONEY}], len(rows))
        text = Text(f"{lead.zh}{brings.zh}{reached.zh}", f"{lead.en}{brings.en}{reached.en}")
        self._add(
            Opportunity(item.id, item.title, "new_row", text, amount - current, amount, 0, table.id, change=change),
            True,
        )
        return True


def _by_answer(finder: _Finder, rule: Block, question: Question) -> Callable[[Decimal], Decimal]:
    """The rule's figure as the one answer varies, the others as given."""
    integer = question.type == "integer"

    def value(x: Decimal) -> Decimal:
        answers = {**finder.answers, question.id: int(x) if integer else x}
        return _value_of(finder.pack, rule, answers, finder.amounts) or ZERO

    return value


def _by_row(
    finder: _Finder, rule: Rows, rows: list[dict[str, Any]], index: int, field: str
) -> Callable[[Decimal], Decimal]:
    """The whole rule's figure as one field of one row varies: the other rows, and every cap, as they are
    (each value computed once: a search asks for some twice)."""
    seen: dict[Decimal, Decimal] = {}

    def value(x: Decimal) -> Decimal:
        found = seen.get(x)
        if found is None:
            changed = _with_row(rows, index, {**rows[index], field: x})
            answers = {**finder.answers, rule.table.id: changed}
            found = seen[x] = _value_of(finder.pack, rule.block, answers, finder.amounts) or ZERO
        return found

    return value


_SEARCHES: dict[tuple[object, ...], Decimal | None] = {}
"""Row searches already made, by all they depend on: a new row of an empty table is searched alike for every
firm whose item reads the same answers (a workspace, a batch)."""
SEARCHES_LIMIT = 2_000


def _row_reaching(
    finder: _Finder,
    item_id: str,
    rule: Rows,
    rows: list[dict[str, Any]],
    index: int,
    field: str,
    start: Decimal,
    above: Decimal,
    now: Decimal | None = None,
) -> Decimal | None:
    """The smallest value ≥ start of one row's field at which the whole rule comes to the most it can (every
    cap its own: the row's, the item's); None when a cap does not stop it (it grows per step) or the most is
    not above `above`. `now`: the whole rule's figure at `start`, when the caller has it.

    The whole rule is evaluated over every row, so the search is led by the row alone (its own caps, none of
    the item's: cheap): the row's figure the whole needs is guessed (what is missing to the most, or the row's
    own cap), its smallest value found on the row alone, and then checked on the whole rule (it reaches the
    most, a cent less does not); only where that check fails is the whole rule searched."""
    pack, answers = finder.pack, finder.answers
    key = (
        pack.hash,
        item_id,
        index,
        field,
        start,
        above,
        now,
        _frozen_rows(rows),
        reads_of(pack, item_id, answers, finder.amounts),
    )
    if key not in _SEARCHES:
        if len(_SEARCHES) > SEARCHES_LIMIT:
            _SEARCHES.clear()
        _SEARCHES[key] = _search_row(finder, rule, rows, index, field, (start, above, now))
    return _SEARCHES[key]


def _search_row(
    finder: _Finder,
    rule: Rows,
    rows: list[dict[str, Any]],
    index: int,
    field: str,
    bounds: tuple[Decimal, Decimal, Decimal | None],
) -> Decimal | None:
    start, above, now = bounds
    row = rows[index]

    def alone(x: Decimal) -> Decimal:  # rows alike (a kind, a region) share their figures
        return finder.row_figure(rule, {**row, field: x}) or ZERO

    highest = alone(MAX_MONEY)
    here = alone(start)
    if here >= highest:
        return None  # the row is at its own cap: the whole depends on the row only through its figure
    whole = _by_row(finder, *_folded(finder, rule, rows, index), field)
    top = whole(MAX_MONEY)
    if top <= above or (highest != alone(MAX_MONEY / 2) and top != whole(MAX_MONEY / 2)):
        return None
    if now is None:
        now = whole(start)
    needed = _smallest_reaching(alone, start, min(highest, top - now + here), CENT)
    if needed is not None and whole(needed) >= top and (needed <= start or whole(needed - CENT) < top):
        return needed
    return _smallest_reaching(whole, start, top, CENT)


def _folded(
    finder: _Finder, rule: Rows, rows: list[dict[str, Any]], index: int
) -> tuple[Rows, list[dict[str, Any]], int]:
    """The whole rule as one row varies, computed on that row alone: the other rows' figures (a plain sum,
    no group, no `highest`) added to it as a fixed sum, the item's caps, amounts received and floor as they
    are. The same figure, at the cost of one row, where the item's own bounds read nothing of the table;
    else the rule over every row."""
    mods = rule.block.mods
    if len(rows) == 1 or mods.when is not None or any(_reads_table(cap.bound, rule) for cap in mods.caps):
        return rule, rows, index
    figures = [finder.row_figure(rule, row) for n, row in enumerate(rows) if n != index]
    if None in figures:
        return rule, rows, index
    rest = sum(cast(list[Decimal], figures), ZERO)
    per_row = plus(rule.per_row, rest)
    return replace(rule, block=rule.fold(per_row), per_row=per_row), [rows[index]], 0


def _reads_table(block: Block, rule: Rows) -> bool:
    return any((table := b.row_table()) is not None and table.id == rule.table.id for b in walk(block))


def _frozen_rows(rows: list[dict[str, Any]]) -> tuple[object, ...]:
    return tuple(tuple(sorted(row.items())) for row in rows)


def _with_row(rows: list[dict[str, Any]], index: int, row: dict[str, Any]) -> list[dict[str, Any]]:
    return [row if n == index else r for n, r in enumerate(rows)]


def _blank_row(table: Question, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """A new row like the last one (its kind, its country), or with each choice field's first value."""
    if rows:
        return {k: v for k, v in rows[-1].items() if (f := table.field(k)) is not None and f.type != "money"}
    return {f.id: f.choices[0].value for f in table.fields if f.type == "choice" and f.choices}


def _at_cap(found: ItemResult, rule: Block) -> bool:
    top = _ceiling_cap(rule)
    return found.status == "eligible" and found.amount is not None and top is not None and found.amount >= top


def _missing_question(pack: Pack, rule: Block, answers: Answers, amounts: dict[str, Decimal]) -> Question | None:
    try:
        evaluate(rule, Context(answers, pack, amounts))
    except MissingAnswerError as exc:
        return exc.question
    return None


def _row_name(rule: Rows, row: dict[str, Any]) -> Text:
    field = rule.label_field
    if field is None or row.get(field.id) in (None, ""):
        return Text("", "")
    shown = display_value(field, row[field.id])
    return Text(f"（{shown.zh}）", f" ({shown.en})")


def _typed(question: Question, value: Decimal) -> Any:
    return int(value) if question.type == "integer" else value


def _unfloored(pack: Pack, rule: Block, answers: Answers, amounts: dict[str, Decimal]) -> Decimal:
    """The figure before the floor takes it away (what "still below the floor by" is measured from)."""
    bare = rule.with_mods(replace(rule.mods, floor=None))
    return _value_of(pack, bare, answers, amounts) or ZERO


def find_opportunities(pack: Pack, answers: Answers, result: Assessment, today: dt.date) -> Opportunities:
    finder = _Finder(pack, answers, result, today)
    covered: set[str] = set()
    results = {found.id: found for found in result.items}
    for _, item in pack.items():
        if item.kind != "amount" or item.rule is None:
            continue
        found = results[item.id]
        if found.item_guide is not None and found.item_guide.amount is not None:
            continue  # the guide's own amount, not the pack's rule: nothing the rule could say of it
        before = len(finder.can) + len(finder.cannot)
        finder.item(item, found)
        if len(finder.can) + len(finder.cannot) > before:
            covered.add(item.id)
    return Opportunities(
        tuple(sorted(finder.can, key=lambda o: (-o.rank, o.item_id))),
        tuple(sorted(finder.cannot, key=lambda o: (-o.rank, o.item_id))),
        frozenset(covered),
        pack.period[1] if today > pack.period[1] else None,
        frozenset(finder.negligible - covered),
        any(i.status == "barred" for i in result.items),
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
            "up_to": None if o.up_to is None else f"{o.up_to:.2f}",
            "per": None if o.per is None else text(o.per),
            "amount_if": None if o.amount_if is None else f"{o.amount_if:.2f}",
            "conditions_away": o.conditions_away,
            "why_not": None if o.why_not is None else text(o.why_not),
        }

    return {
        "heading": text(found.heading),
        "note": text(found.note),
        "period_ended": None if found.ended is None else found.ended.isoformat(),
        "can": [one(o) for o in found.can],
        "cannot": [one(o) for o in found.cannot],
    }
