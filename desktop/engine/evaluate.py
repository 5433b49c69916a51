"""Evaluating a pack against answers: eligible? → amount before the cap → cap → result, each step in words."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from desktop.engine.answers import Answers, AnswersFile, Enterprise
from desktop.engine.conditions import check, display_value
from desktop.engine.money import format_rate, format_yuan, round_money
from desktop.engine.result import Assessment, ItemResult, Status
from desktop.policy.model import Item, Measure, Pack, Rule, Text


@dataclass
class _Outcome:
    status: Status
    amount: Decimal | None = None
    cap: Decimal | None = None
    capped: bool = False
    steps: list[Text] = field(default_factory=list)
    reasons: list[Text] = field(default_factory=list)


def _yuan(value: Decimal) -> Text:
    return Text(f"{format_yuan(value)} 元", f"{format_yuan(value)} yuan")


def _apply_cap(raw: Decimal, cap: Decimal | None, cap_name: Text) -> tuple[Decimal, bool, Text]:
    """The capped amount, whether the cap bit, and the clause that says so."""
    if cap is None:
        return raw, False, Text("，原文未规定金额上限", "; the text sets no absolute cap")
    if raw > cap:
        return (
            cap,
            True,
            Text(
                f"，超过{cap_name.zh} {_yuan(cap).zh}，按上限计 {_yuan(cap).zh}",
                f", above the {cap_name.en} of {_yuan(cap).en}: capped at {_yuan(cap).en}",
            ),
        )
    return raw, False, Text(f"，未超过{cap_name.zh} {_yuan(cap).zh}", f", within the {cap_name.en} of {_yuan(cap).en}")


_CAP = Text("上限", "cap")


def _fixed(rule: Rule, item: Item) -> _Outcome:
    assert rule.amount is not None
    word = Text("最高", "up to") if item.basis == "up_to" else Text("定额", "fixed amount")
    step = Text(f"{word.zh} {_yuan(rule.amount).zh}", f"{word.en.capitalize()} {_yuan(rule.amount).en}")
    return _Outcome("eligible", rule.amount, rule.amount, False, [step])


def _rate(rule: Rule, pack: Pack, answers: Answers) -> _Outcome:
    assert rule.base is not None and rule.rate is not None
    question = pack.question(rule.base)
    assert question is not None
    if rule.base not in answers:
        return _Outcome(
            "not_answered", reasons=[Text(f"未回答：{question.label.zh}", f"Not answered: {question.label.get('en')}")]
        )
    base: Decimal = answers[rule.base]
    noun = question.noun
    if base == 0:
        return _Outcome(
            "not_eligible",
            cap=rule.cap,
            reasons=[Text(f"{noun.zh}为 0 元，没有可支持的金额", f"{noun.get('en')} is 0 yuan: nothing to support")],
        )
    raw = round_money(base * rule.rate)
    amount, capped, clause = _apply_cap(raw, rule.cap, _CAP)
    step = Text(
        f"{noun.zh} {_yuan(base).zh} × {format_rate(rule.rate)} = {_yuan(raw).zh}{clause.zh}",
        f"{noun.get('en')} {_yuan(base).en} × {format_rate(rule.rate)} = {_yuan(raw).en}{clause.en}",
    )
    return _Outcome("eligible", amount, rule.cap, capped, [step])


def _per_record(rule: Rule, pack: Pack, answers: Answers) -> _Outcome:
    assert rule.records is not None and rule.base_field is not None and rule.rate is not None
    table = pack.question(rule.records)
    assert table is not None
    base_field = table.field(rule.base_field)
    assert base_field is not None
    if rule.records not in answers:
        return _Outcome(
            "not_answered", reasons=[Text(f"未回答：{table.label.zh}", f"Not answered: {table.label.get('en')}")]
        )
    records: list[dict[str, object]] = answers[rule.records]
    if not records:
        return _Outcome(
            "not_eligible", reasons=[Text(f"没有填写{table.label.zh}", f"No entries under: {table.label.get('en')}")]
        )
    label_field = table.field(rule.label_field) if rule.label_field else None
    steps: list[Text] = []
    subtotal = Decimal(0)
    any_capped = False
    noun = base_field.noun
    record_cap_name = Text(f"每{table.record_label.zh}上限", f"cap per {table.record_label.get('en').lower()}")
    for index, record in enumerate(records, start=1):
        base = record.get(rule.base_field)
        assert isinstance(base, Decimal)
        raw = round_money(base * rule.rate)
        amount, capped, clause = _apply_cap(raw, rule.record_cap, record_cap_name)
        any_capped = any_capped or capped
        subtotal += amount
        name = Text("", "")
        if label_field is not None and record.get(label_field.id) not in (None, ""):
            shown = display_value(label_field, record[label_field.id])
            name = Text(f"（{shown.zh}）", f" ({shown.en})")
        steps.append(
            Text(
                f"{table.record_label.zh} {index}{name.zh}：{noun.zh} {_yuan(base).zh} × "
                f"{format_rate(rule.rate)} = {_yuan(raw).zh}{clause.zh}",
                f"{table.record_label.get('en')} {index}{name.en}: {noun.get('en')} {_yuan(base).en} × "
                f"{format_rate(rule.rate)} = {_yuan(raw).en}{clause.en}",
            )
        )
    cap = rule.record_cap * len(records) if rule.record_cap is not None else None
    if rule.total_cap is not None:
        cap = rule.total_cap if cap is None else min(cap, rule.total_cap)
    total = subtotal
    if len(records) > 1 or rule.total_cap is not None:
        line = Text(f"{len(records)} 项{table.record_label.zh}合计 {_yuan(subtotal).zh}", "")
        line_en = f"Sum of {len(records)} {table.record_label.get('en').lower()}(s): {_yuan(subtotal).en}"
        clause = Text("", "")
        if rule.total_cap is not None:
            total, capped_total, clause = _apply_cap(
                subtotal, rule.total_cap, Text("每个单位上限", "cap per enterprise")
            )
            any_capped = any_capped or capped_total
        steps.append(Text(line.zh + clause.zh, line_en + clause.en))
    return _Outcome("eligible", total, cap, any_capped, steps)


def _evaluate_item(pack: Pack, item: Item, answers: Answers) -> _Outcome:
    steps: list[Text] = []
    for cond in item.conditions:
        result = check(cond, answers, pack)
        if result.outcome == "missing":
            return _Outcome("not_answered", steps=steps, reasons=[result.text])
        if result.outcome == "fail":
            return _Outcome("not_eligible", steps=steps, reasons=[result.text])
        steps.append(result.text)
    if item.kind == "service":
        return _Outcome("service", steps=steps)
    if item.kind == "unquantified" or item.rule is None:
        return _Outcome("eligible", steps=[*steps, Text("金额以当年申报通知为准", "Amount set by the annual notice")])
    rule = item.rule
    if rule.type == "fixed":
        outcome = _fixed(rule, item)
    elif rule.type == "rate":
        outcome = _rate(rule, pack, answers)
    else:
        outcome = _per_record(rule, pack, answers)
    outcome.steps[:0] = steps
    return outcome


def _nominal_cap(rule: Rule | None) -> Decimal | None:
    """The cap to show where no figure was computed: the policy's own limit for the item."""
    if rule is None:
        return None
    if rule.type == "fixed":
        return rule.amount
    return rule.cap or rule.total_cap or rule.record_cap


def _item_result(measure: Measure, item: Item, outcome: _Outcome) -> ItemResult:
    return ItemResult(
        id=item.id,
        measure_id=measure.id,
        article=measure.article,
        article_label=measure.article_label,
        measure_title=measure.title,
        title=item.title,
        claim=item.claim,
        kind=item.kind,
        status=outcome.status,
        amount=outcome.amount if outcome.status == "eligible" else None,
        cap=outcome.cap if outcome.cap is not None else _nominal_cap(item.rule),
        capped=outcome.capped,
        basis=item.basis,
        units=measure.units,
        documents=tuple(d.text for d in item.documents),
        notes=item.notes,
        source=item.source,
        steps=tuple(outcome.steps),
        reasons=tuple(outcome.reasons),
        fixed=item.rule is not None and item.rule.type == "fixed",
    )


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
    items = tuple(_item_result(m, i, _evaluate_item(pack, i, answers)) for m, i in pack.items())
    total = sum((i.amount for i in items if i.has_amount and i.amount is not None), Decimal(0))
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
