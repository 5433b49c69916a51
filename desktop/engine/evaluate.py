"""Evaluating a pack against answers: eligible? → amount by the rule's blocks → result, each step in words.

An item's status, in order of precedence:
- a condition of the text fails → not eligible (its reason); an answer it needs is missing → not answered;
- a basic condition that bars (`bars = true`: on the dishonest list, not registered here) fails → barred
  for now (暂不可申请), with what to do first and the figure it would be afterwards, outside every total;
- a condition that is only the pack's reading of the text fails (an `interpretation`), or a basic
  condition every guide checks (the pack's `common_conditions`) → to confirm, with the figure it would
  be, whom to ask, and the reading said in its own words; the figure is not counted in the total;
- the rule comes to nothing → not eligible, saying why (a base of 0, a floor not reached, …);
- else eligible, with the figure and its explanation.
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import replace
from decimal import Decimal
from functools import partial
from typing import cast

from desktop.engine.answers import Answers, AnswersFile, Enterprise
from desktop.engine.compute import CapMet, Context, MissingAnswerError, evaluate
from desktop.engine.filing import Received, history_answers
from desktop.engine.result import (
    Assessment,
    GuideInfo,
    ItemInfo,
    ItemResult,
    Limit,
    LimitScope,
    Reading,
    Render,
    Status,
)
from desktop.policy.conditions import TESTS
from desktop.policy.conditions.check import Check, check
from desktop.policy.guides import Guide, ItemGuide
from desktop.policy.model import Condition, Interpretation, Item, Measure, Pack, Text
from desktop.policy.rules import Block
from desktop.policy.rules.base import ZERO, numbers, operands, referenced_items, walk
from desktop.policy.rules.names import CAP, cap_name
from desktop.wording.explanation import Trace, word, yuan
from desktop.wording.period import period_sentence

NOTICE = Text("金额以当年申报通知为准", "Amount set by the annual notice")


def reading(interpretation: Interpretation, pack: Pack, *, decided: bool = False) -> Reading:
    return Reading(
        interpretation.quote,
        interpretation.reading,
        interpretation.why,
        interpretation.ask if interpretation.ask.zh else pack.enquiries,
        interpretation.kind,
        decided,
    )


MEMO_LIMIT = 50_000


class _Plan:
    """What the engine derives once per pack: each item's fixed description and shown cap, in an order
    where an item comes after the items whose amounts its rule reads; and the results already computed.

    An item's result depends only on the answers its conditions and rule read (its `deps`), the amounts of
    the items it reads, the basic conditions that fail and the guide. Batches and a window recomputing on
    every keystroke meet the same values again and again, so results are kept by those values and shared
    (results are immutable)."""

    def __init__(self, pack: Pack) -> None:
        pairs = pack.items()
        self.count = len(pairs)
        self.steps = [
            (n, pairs[n][1], _info(pack, *pairs[n]), _item_cap(pairs[n][1].rule)) for n in _dependency_order(pairs)
        ]
        # Basic conditions hold for the items that bring money (or support the notice quantifies), not services.
        # Most are decided once for the enterprise; one that asks about the item itself (`item_not_in`: other
        # funds received for this project) is decided per item.
        self.common = tuple(c for c in pack.common_conditions if not _per_item(c))
        self.common_per_item = tuple(c for c in pack.common_conditions if _per_item(c))
        self.deps = {item.id: _deps(item) for _, item in pairs}
        # A condition on an answer the rule computes with ("购置额 above 0") passes without a step of its own:
        # the rule's first line states that answer with its figure.
        self.computed_from = {
            item.id: frozenset(op.id for op in operands(item.rule)) if item.rule is not None else frozenset()
            for _, item in pairs
        }
        # items whose answers include lists (table rows, the item ids of an `items` answer): keyed as tuples
        listed = {q.id for q in pack.questions if q.type in ("table", "items")}
        self.tabled = {
            item.id
            for _, item in pairs
            if (item.rule is not None and any(b.row_table() is not None for b in walk(item.rule)))
            or listed.intersection(self.deps[item.id][0])
        }
        self.memo: dict[tuple[object, ...], ItemResult] = {}
        self.needs: dict[str, frozenset[str]] = {}  # an item and the items whose amounts it reads, at any depth
        self.after_period = _warnings(pack, pack.period[1] + dt.timedelta(days=1))  # the same words every time

    def named(self, answers: Answers) -> frozenset[str] | None:
        """The items the per-item basic conditions could fail for: those their answers list (None: a condition
        of several parts, every item checked)."""
        found: set[str] = set()
        for cond in self.common_per_item:
            test = TESTS.get(cond.op)
            listed = None if test is None else test.fails_only_for(answers.get(cond.question))
            if listed is None:
                return None
            found |= listed
        return frozenset(found)

    def needed_by(self, item_id: str) -> frozenset[str]:
        """The item and every item whose amount its result reads, directly or through another."""
        found = self.needs.get(item_id)
        if found is None:
            found = frozenset({item_id}).union(*(self.needed_by(ref) for ref in self.deps[item_id][1]))
            self.needs[item_id] = found
        return found


def _per_item(cond: Condition) -> bool:
    test = TESTS.get(cond.op)
    return (test is not None and test.only_per_item is not None) or any(_per_item(part) for part in cond.parts)


def _questions_of(cond: Condition) -> list[str]:
    return [q for part in cond.parts for q in _questions_of(part)] if cond.parts else [cond.question]


def _deps(item: Item) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The answers an item's result reads (its conditions' and rule's), and the items whose amounts it reads."""
    names = [q for cond in item.conditions for q in _questions_of(cond)]
    if item.rule is not None:
        for block in walk(item.rule):
            names.extend(op.id for op in block.mods.minus)
            if block.mods.when is not None:
                names.extend(_questions_of(block.mods.when))
            table = block.row_table()
            if table is not None:
                names.append(table.id)
        names.extend(op.id for op in operands(item.rule))
    refs = tuple(sorted(referenced_items(item.rule))) if item.rule is not None else ()
    return tuple(sorted(set(names))), refs


def _frozen(value: object) -> object:
    """An answer as a key: table rows (lists of dicts) as tuples."""
    if isinstance(value, list):
        return tuple(row if isinstance(row, str) else tuple(sorted(row.items())) for row in value)
    return value


PLANS: dict[int, _Plan] = {}
"""The plan of each pack in use, by the pack's identity: a pack stays immutable, and its plan (with the
results it keeps) is dropped when the pack is (a finalizer removes it; the id is not reused before)."""


def _plan(pack: Pack) -> _Plan:
    plan = PLANS.get(id(pack))
    if plan is None:
        plan = PLANS[id(pack)] = _Plan(pack)
        weakref.finalize(pack, PLANS.pop, id(pack), None)
    return plan


def _info(pack: Pack, measure: Measure, item: Item) -> ItemInfo:
    return ItemInfo(
        id=item.id,
        measure_id=measure.id,
        article=measure.article,
        article_label=measure.article_label,
        measure_title=measure.title,
        title=item.title,
        claim=item.claim,
        kind=item.kind,
        basis=item.basis,
        units=measure.units,
        documents=item.documents,
        notes=item.notes,
        source=item.source,
        fixed=item.rule is not None and item.rule.stated_sum() is not None,
        method=item.rule.method() if item.rule is not None else "computed",
        readings=tuple(reading(pack.interpretations[name], pack) for name in item.interpretations),
        caps=_stated_caps(item.rule),
        documents_source=item.documents_source,
    )


def _stated_caps(rule: Block | None) -> tuple[tuple[Text, Decimal], ...]:
    """The fixed caps written in the rule, named as the explanation names them (a fixed sum is its own cap)."""
    if rule is None:
        return ()
    stated = rule.stated_sum()
    if stated is not None:
        return ((CAP, stated),)
    rows = rule.row_table()
    found = []
    for number in sorted(numbers(rule), key=lambda n: not n.in_row):  # per row first, as the texts say them
        if number.kind == "cap":
            found.append((cap_name(number.name, rows=rows if number.in_row else None), number.value))
    return tuple(found)


def _dependency_order(pairs: tuple[tuple[Measure, Item], ...]) -> list[int]:
    """Indexes of the items, each after the items whose amounts its rule reads (the loader refused cycles)."""
    index = {item.id: n for n, (_, item) in enumerate(pairs)}
    done: list[int] = []
    seen: set[int] = set()

    def visit(n: int) -> None:
        if n in seen:
            return
        seen.add(n)
        rule = pairs[n][1].rule
        for name in sorted(referenced_items(rule)) if rule is not None else ():
            visit(index[name])
        done.append(n)

    for n in range(len(pairs)):
        visit(n)
    return done


def _item_cap(rule: Block | None) -> Decimal | None:
    """The item's own cap as the text states it: the sum of a fixed rule, else the rule's own fixed cap.
    Per-row caps ("每个境外项目 30 万元") are not the item's cap: they are reported as limits."""
    if rule is None:
        return None
    stated = rule.stated_sum()
    if stated is not None:
        return stated
    if rule.caps_per_group():
        return None
    own = [cap.fixed for cap in rule.mods.caps if cap.fixed is not None]
    return min(own) if own else None


def _limits(caps: list[CapMet]) -> tuple[tuple[Limit, ...], bool]:
    """The caps the figure was held against, each once with how often it bit; and whether the item's own did."""
    found: dict[tuple[int, int], list[CapMet]] = {}
    for met in caps:
        found.setdefault((id(met.block), met.index), []).append(met)
    limits: list[Limit] = []
    item_hit = False
    for group in found.values():
        first = group[0]
        scope: LimitScope = (
            "row"
            if first.row is not None
            else "group"
            if first.in_table is not None
            else "item"
            if first.top
            else "part"
        )
        hits = sum(1 for met in group if met.hit)
        name = cap_name(
            first.cap.name,
            label=first.block.mods.label if scope == "part" else None,
            rows=first.row.table if first.row is not None else None,
            group=scope == "group",
        )
        limits.append(Limit(Text(name.zh, name.get("en")), first.cap.fixed, scope, hits, len(group)))
        item_hit = item_hit or (scope == "item" and hits > 0)
    return tuple(limits), item_hit


def _decide(
    pack: Pack,
    plan: _Plan,
    item: Item,
    info: ItemInfo,
    item_cap: Decimal | None,
    answers: Answers,
    amounts: dict[str, Decimal],
    item_guide: ItemGuide | None,
    round_name: Text | None,
    basic: list[tuple[Check, Condition]],
) -> ItemResult:
    passed: list[Check] = []
    # Basic conditions are said once for the assessment (notices), not as a step of every item; one that
    # fails makes every item but a service to confirm (or barred for now), with its reason.
    pending: list[tuple[Check, Condition]] = list(basic) if item.kind != "service" else []
    said_by_rule = plan.computed_from[item.id]
    for cond in item.conditions:
        result = check(cond, answers, pack, item=item.id)
        if result.outcome == "pass":
            if cond.question not in said_by_rule:
                passed.append(result)
        elif result.outcome == "fail" and cond.interpretation is not None:
            pending.append((result, cond))
        else:
            status: Status = "not_answered" if result.outcome == "missing" else "not_eligible"
            return ItemResult(
                info,
                status,
                None,
                item_cap,
                False,
                _later(Trace(pack, item.basis, passed, result)),
                item_guide=item_guide,
            )
    decided = tuple(_decided(pack, cond) for _, cond in pending)
    waiting = [c for c, _ in pending] or None
    bars = [cond for _, cond in pending if cond.bars]
    held: Status = "barred" if bars else "to_confirm"
    if item.kind == "service":
        return ItemResult(
            info, "service", None, None, False, _later(Trace(pack, item.basis, passed)), item_guide=item_guide
        )
    rule = item.rule
    basis = item.basis
    extra: Text | None = None
    if item.kind == "unquantified" and item_guide is not None and item_guide.amount is not None:
        # The guide quantifies what the text left to the annual notice: computed like any rule, said so.
        rule, basis = item_guide.amount, item_guide.basis
        info = replace(info, basis=basis)
        assert round_name is not None
        extra = Text(
            f"金额依据申报指南：{round_name.zh}", f"Amount set by the application guide: {round_name.get('en')}"
        )
    if (item.kind == "unquantified" and extra is None) or rule is None:
        trace = Trace(pack, item.basis, passed, extra=NOTICE, pending=waiting, after=_remedies(bars, None))
        status = held if pending else "eligible"
        return ItemResult(info, status, None, None, False, _later(trace), decided_by=decided, item_guide=item_guide)
    ctx = Context(answers, pack, amounts)
    try:
        amount = evaluate(rule, ctx)
    except MissingAnswerError as exc:
        trace = Trace(pack, basis, passed, exc.question)
        return ItemResult(info, "not_answered", None, item_cap, False, _later(trace), item_guide=item_guide)
    if amount == 0:
        trace = Trace(pack, basis, passed, zero=ctx.zero_cause, nothing=True)
        return ItemResult(info, "not_eligible", None, item_cap, False, _later(trace), item_guide=item_guide)
    limits, capped = _limits(ctx.caps)
    trace = Trace(pack, basis, passed, extra=extra, pending=waiting, lines=ctx.lines, after=_remedies(bars, amount))
    if pending:
        return ItemResult(
            info,
            held,
            amount,
            item_cap,
            capped,
            _later(trace),
            limits=limits,
            decided_by=decided,
            item_guide=item_guide,
        )
    amounts[item.id] = amount
    return ItemResult(info, "eligible", amount, item_cap, capped, _later(trace), limits=limits, item_guide=item_guide)


def _remedies(bars: list[Condition], amount: Decimal | None) -> list[Text] | None:
    """For an item barred for now: what to do first, and what would be at stake afterwards (in no total)."""
    if not bars:
        return None
    said = [cond.remedy for cond in bars if cond.remedy is not None]
    if amount is not None:
        shown = yuan(amount)
        said.append(
            Text(
                f"按目前的回答，届时可申请 {shown.zh}（不计入任何合计）",
                f"On the present answers, {shown.en} could be claimed then (not counted in any total)",
            )
        )
    return said


def _barred(checked: list[Check]) -> tuple[Text, ...]:
    """A basic condition that bars, failing: said once for the assessment, with what to do."""
    said = []
    for result in checked:
        cond = result.condition
        if result.outcome != "fail" or not cond.bars or cond.reason is None:
            continue
        remedy = cond.remedy or Text("")
        then_zh = f"{remedy.zh.rstrip('。')}。" if remedy.zh else ""
        then_en = f" {remedy.get('en').rstrip('.')}." if remedy.zh else ""
        said.append(
            Text(
                f"{cond.reason.zh}：各项资金支持暂不可申请（见“目前不可申请的项目”）。{then_zh}",
                f"{cond.reason.get('en')}: no funding can be applied for now (see the items not available).{then_en}",
            )
        )
    return tuple(said)


def _decided(pack: Pack, cond: Condition) -> Reading:
    name = cond.interpretation
    if name is not None and name in pack.interpretations:
        return reading(pack.interpretations[name], pack, decided=True)
    # A basic condition without a reading of its own: asked because application guides check it.
    return Reading(
        "",
        Text(
            "各类申报指南通常要求此项，本政策原文未作规定",
            "Application guides usually require this; the text does not say",
        ),
        Text(""),
        pack.enquiries,
        "other_guides",
        True,
    )


def _later(trace: Trace) -> Render:
    return partial(word, trace)


def _notices(checked: list[Check]) -> tuple[Text, ...]:
    """Basic conditions not yet answered: one notice for the assessment, not a reason on every item."""
    missing = [r.question.label for r in checked if r.outcome == "missing" and r.question is not None]
    if not missing:
        return ()
    return (
        Text(
            "基本条件尚未回答（申报前须确认）：" + "；".join(m.zh.rstrip("？?") for m in missing),
            "Basic conditions not yet answered (to confirm before applying): "
            + "; ".join(m.get("en").rstrip("？?") for m in missing),
        ),
    )


def _warnings(pack: Pack, day: dt.date) -> tuple[Text, ...]:
    """The period sentence for the day the answers were given (none while the period runs)."""
    sentence = period_sentence(pack.title, pack.valid_to, pack.period, pack.period_label, day)
    return () if sentence is None else (sentence,)


def _results(
    pack: Pack,
    plan: _Plan,
    answers: Answers,
    guide: Guide | None,
    checked: list[Check],
    only: frozenset[str] | None = None,
) -> Iterator[tuple[int, ItemResult]]:
    """Each item's result, in the plan's order (an item after the items whose amounts it reads); `only`:
    these items, the others not decided, and what is decided not kept (a what-if asked once)."""
    amounts: dict[str, Decimal] = {}
    basic = [(r, c) for r, c in zip(checked, plan.common, strict=True) if r.outcome == "fail"]
    round_name = guide.round if guide is not None else None
    if guide is not None and guide.example:  # an amount a training guide invents says so in its own step
        round_name = Text(f"【培训示例】{guide.round.zh}", f"[Training example] {guide.round.get('en')}")
    # the guide by its content: two guides (or two versions of one file) may share an id
    signature = (guide.hash if guide is not None else None, tuple((id(c), r.value) for r, c in basic))
    memo = plan.memo
    if len(memo) > MEMO_LIMIT:
        memo.clear()
    get = answers.get  # answers never hold None: None in a key means "not answered"
    # `item_not_in` fails only for the items its answer lists: the others need not be checked one by one
    named = plan.named(answers)
    for n, item, info, item_cap in plan.steps:
        if only is not None and item.id not in only:
            continue
        item_guide = guide.for_item(item.id) if guide is not None else None
        names, refs = plan.deps[item.id]
        values = tuple(_frozen(get(q)) for q in names) if item.id in plan.tabled else tuple(map(get, names))
        own = basic
        extra_key: tuple[int, ...] = ()
        if plan.common_per_item and item.kind != "service" and (named is None or item.id in named):
            failing = [
                (r, c) for c in plan.common_per_item if (r := check(c, answers, pack, item=item.id)).outcome == "fail"
            ]
            if failing:
                own = basic + failing
                extra_key = tuple(id(c) for _, c in failing)
        key = (n, signature, extra_key, values, tuple(map(amounts.get, refs)) if refs else ())
        found = memo.get(key)
        if found is None:
            found = _decide(pack, plan, item, info, item_cap, answers, amounts, item_guide, round_name, own)
            if only is None and (item_guide is None or item_guide.amount is None):
                memo[key] = found  # (a guide's own rule reads answers of its own: not kept)
        elif found.status == "eligible" and found.amount is not None:
            amounts[item.id] = found.amount
        yield n, found


def reads_of(pack: Pack, item_id: str, answers: Answers, amounts: dict[str, Decimal]) -> tuple[object, ...]:
    """What an item's result reads, as a key: the answers its conditions and rule read, and the amounts of the
    items it reads (the engine keeps results by it; a search over one item's rule may too)."""
    plan = _plan(pack)
    names, refs = plan.deps[item_id]
    return (*(_frozen(answers.get(q)) for q in names), *(amounts.get(r) for r in refs))


def assess_item(pack: Pack, answers: Answers, item_id: str) -> ItemResult:
    """One item's result as `assess` gives it (no guide): the items whose amounts it reads are decided first,
    the others not at all (what could this change bring, asked many times over)."""
    plan = _plan(pack)
    checked = [check(c, answers, pack) for c in plan.common]
    for _, found in _results(pack, plan, answers, None, checked, plan.needed_by(item_id)):
        if found.id == item_id:
            return found
    raise KeyError(item_id)


def assess(
    pack: Pack,
    answers: Answers,
    *,
    assessed_on: dt.date,
    enterprise: Enterprise | None = None,
    guide: Guide | None = None,
    received: Iterable[Received] = (),
) -> Assessment:
    """Every support item of the pack evaluated against the answers, with the application guide's window,
    channel and contact for each (when a guide is given). Pure: no I/O, no clock.

    `received`: the enterprise's amounts received elsewhere; a question that reads them (`from_history`)
    takes their sum instead of the answer typed, where there are any."""
    from_history = history_answers(pack, received, answers)
    if from_history:
        answers = {**answers, **{f.question: f.answer for f in from_history}}
    plan = _plan(pack)
    results: list[ItemResult | None] = [None] * plan.count
    if guide is not None and guide.pack != pack.id:
        guide = None  # a guide belongs to one pack; another pack's windows would be wrong
    checked = [check(c, answers, pack) for c in plan.common]
    unanswered = [r for c in plan.common_per_item if (r := check(c, answers, pack)).outcome == "missing"]
    for n, found in _results(pack, plan, answers, guide, checked):
        results[n] = found
    items = cast(tuple[ItemResult, ...], tuple(results))
    total = ZERO
    pending = ZERO
    for i in items:
        if i.amount is not None:
            if i.status == "eligible":
                total += i.amount
            elif i.status == "to_confirm":
                pending += i.amount
    start, end = pack.period
    return Assessment(
        pack_id=pack.id,
        pack_version=pack.version,
        pack_hash=pack.hash,
        pack_title=pack.title,
        valid_from=pack.valid_from,
        valid_to=pack.valid_to,
        assessed_on=assessed_on,
        enterprise=enterprise or Enterprise(),
        items=items,
        total=total,
        warnings=plan.after_period if assessed_on > pack.period[1] else _warnings(pack, assessed_on),
        disclaimer=pack.disclaimer,
        documents_note=pack.documents_note,
        pending_total=pending,
        period_from=start,
        period_to=end,
        period_label=pack.period_label,
        notices=(*_barred(checked), *_notices([*checked, *unanswered])),
        guide=None
        if guide is None
        else GuideInfo(guide.id, guide.round, guide.published_on, guide.example, guide.source, guide.note),
        from_history=from_history,
    )


def assess_file(pack: Pack, answers_file: AnswersFile, today: dt.date, guide: Guide | None = None) -> Assessment:
    return assess(
        pack,
        answers_file.answers,
        assessed_on=answers_file.assessed_on or today,
        enterprise=answers_file.enterprise,
        guide=guide,
        received=answers_file.filing.received,
    )
