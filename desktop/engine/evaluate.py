"""Evaluating a pack against answers: eligible? → amount by the rule's blocks → result, each step in words."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import cast

from desktop.engine.answers import Answers, AnswersFile, Enterprise
from desktop.engine.compute import ZERO, Context, Line, MissingAnswerError, evaluate
from desktop.engine.conditions import Check, check
from desktop.engine.explain import Explainer, check_text, zero_reason
from desktop.engine.result import Assessment, ItemInfo, ItemResult, Render, Status
from desktop.policy.model import Item, Measure, Pack, Text
from desktop.policy.rules import Block, Each, Fixed, referenced_items

NOTICE = Text("金额以当年申报通知为准", "Amount set by the annual notice")


class _Plan:
    """What the engine derives once per pack: the items in an order where a referenced amount comes first,
    and each item's fixed description."""

    def __init__(self, pack: Pack) -> None:
        pairs = pack.items()
        self.infos = {item.id: _info(measure, item) for measure, item in pairs}
        self.order = _dependency_order(pairs)
        self.nominal_caps = {item.id: _nominal_cap(item.rule) for _, item in pairs}


def _plan(pack: Pack) -> _Plan:
    # Kept on the pack itself: a pack is immutable, and its derived plan lives exactly as long as it does.
    plan = pack.__dict__.get("_engine_plan")
    if plan is None:
        plan = _Plan(pack)
        object.__setattr__(pack, "_engine_plan", plan)
    return cast(_Plan, plan)


def _info(measure: Measure, item: Item) -> ItemInfo:
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
        documents=tuple(d.text for d in item.documents),
        notes=item.notes,
        source=item.source,
        fixed=isinstance(item.rule, Fixed),
    )


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


def _nominal_cap(rule: Block | None) -> Decimal | None:
    """The cap to show where no figure was computed: the policy's own limit for the item."""
    if rule is None:
        return None
    if isinstance(rule, Fixed):
        return rule.amount
    own = [cap.fixed for cap in rule.mods.caps if cap.fixed is not None]
    if own:
        return min(own)
    if isinstance(rule, Each):
        row = [cap.fixed for cap in rule.per_row.mods.caps if cap.fixed is not None]
        return min(row) if row else None
    return None


def _shown_cap(rule: Block, answers: Answers, nominal: Decimal | None) -> Decimal | None:
    """The cap shown beside a computed figure (per-row caps × rows, then the total cap)."""
    if isinstance(rule, Each):
        row = [cap.fixed for cap in rule.per_row.mods.caps if cap.fixed is not None]
        total = [cap.fixed for cap in rule.mods.caps if cap.fixed is not None]
        cap = min(row) * len(answers.get(rule.table.id) or ()) if row else None
        if total:
            cap = min(total) if cap is None else min(cap, min(total))
        return cap
    return nominal


def _item_result(pack: Pack, plan: _Plan, item: Item, answers: Answers, amounts: dict[str, Decimal]) -> ItemResult:
    info = plan.infos[item.id]
    passed: list[Check] = []
    for cond in item.conditions:
        result = check(cond, answers, pack)
        if result.outcome != "pass":
            status: Status = "not_answered" if result.outcome == "missing" else "not_eligible"
            return ItemResult(info, status, None, plan.nominal_caps[item.id], False, _checks(pack, passed, result))
        passed.append(result)
    if item.kind == "service":
        return ItemResult(info, "service", None, None, False, _checks(pack, passed))
    rule = item.rule
    if item.kind == "unquantified" or rule is None:
        return ItemResult(info, "eligible", None, None, False, _checks(pack, passed, extra=NOTICE))
    ctx = Context(answers, pack, amounts)
    try:
        amount = evaluate(rule, ctx)
    except MissingAnswerError as exc:
        missing = Text(f"未回答：{exc.question.label.zh}", f"Not answered: {exc.question.label.get('en')}")
        return ItemResult(
            info, "not_answered", None, plan.nominal_caps[item.id], False, _checks(pack, passed, reason=missing)
        )
    if amount == 0:
        explainer = Explainer(pack, item.basis)
        cause = ctx.zero_cause

        def why() -> tuple[tuple[Text, ...], tuple[Text, ...]]:
            return tuple(check_text(c, pack) for c in passed), (zero_reason(cause, explainer),)

        return ItemResult(info, "not_eligible", None, plan.nominal_caps[item.id], False, why)
    amounts[item.id] = amount
    capped = any(c.hit for c in ctx.caps)
    lines = ctx.lines
    return ItemResult(
        info,
        "eligible",
        amount,
        _shown_cap(rule, answers, plan.nominal_caps[item.id]),
        capped,
        _explained(pack, item, passed, lines),
    )


def _checks(
    pack: Pack,
    passed: list[Check],
    failed: Check | None = None,
    *,
    extra: Text | None = None,
    reason: Text | None = None,
) -> Render:
    def render() -> tuple[tuple[Text, ...], tuple[Text, ...]]:
        steps = [check_text(c, pack) for c in passed]
        if extra is not None:
            steps.append(extra)
        reasons: tuple[Text, ...] = ()
        if failed is not None:
            reasons = (check_text(failed, pack),)
        elif reason is not None:
            reasons = (reason,)
        return tuple(steps), reasons

    return render


def _explained(pack: Pack, item: Item, passed: list[Check], lines: list[Line]) -> Render:
    def render() -> tuple[tuple[Text, ...], tuple[Text, ...]]:
        explainer = Explainer(pack, item.basis)
        return (*(check_text(c, pack) for c in passed), *explainer.lines(lines)), ()

    return render


def _warnings(pack: Pack, day: dt.date) -> tuple[Text, ...]:
    if day > pack.valid_to:
        return (
            Text(
                f"评估日期 {day} 晚于政策截止日 {pack.valid_to}：本政策已到期，结果仅供参考，请关注新一年度的政策。",
                f"The assessment date {day} is after the policy's end date {pack.valid_to}: the policy has expired; "
                "the figures are for reference only.",
            ),
        )
    if day < pack.valid_from:
        return (
            Text(
                f"评估日期 {day} 早于政策施行日 {pack.valid_from}。",
                f"The assessment date {day} is before the policy took effect on {pack.valid_from}.",
            ),
        )
    return ()


def assess(pack: Pack, answers: Answers, *, assessed_on: dt.date, enterprise: Enterprise | None = None) -> Assessment:
    """Every support item of the pack evaluated against the answers. Pure: no I/O, no clock."""
    plan = _plan(pack)
    pairs = pack.items()
    amounts: dict[str, Decimal] = {}
    results: list[ItemResult | None] = [None] * len(pairs)
    for n in plan.order:
        results[n] = _item_result(pack, plan, pairs[n][1], answers, amounts)
    items = tuple(r for r in results if r is not None)
    total = sum((i.amount for i in items if i.status == "eligible" and i.amount is not None), ZERO)
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
        warnings=_warnings(pack, assessed_on),
        disclaimer=pack.disclaimer,
        documents_note=pack.documents_note,
    )


def assess_file(pack: Pack, answers_file: AnswersFile, today: dt.date) -> Assessment:
    return assess(
        pack,
        answers_file.answers,
        assessed_on=answers_file.assessed_on or today,
        enterprise=answers_file.enterprise,
    )
