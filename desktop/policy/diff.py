"""What changed between two packs, in sentences a trainer can read aloud (`python -m desktop pack diff OLD NEW`).

Items, questions and measures are matched by id; the numbers of a rule by where they stand in it
(`numbers()`), so "每境外项目上限 300,000.00 元 → 400,000.00 元" names the cap that moved, with its article.
"""

from __future__ import annotations

from decimal import Decimal

from desktop.policy.model import Item, Lang, Measure, Pack, Question, Text
from desktop.policy.rules import Block, Each, Number, numbers

KIND_WORDS: dict[str, tuple[str, str]] = {
    "cap": ("上限", "cap"),
    "rate": ("比例", "rate"),
    "amount": ("定额", "fixed sum"),
    "floor": ("起付标准", "minimum paid"),
    "per": ("每单位金额", "sum per unit"),
    "tier_from": ("档位起点", "band starts at"),
    "tier_to": ("档位终点", "band ends at"),
    "tier_amount": ("档位金额", "band amount"),
    "tier_rate": ("档位比例", "band rate"),
    "highest": ("最多计入的项数", "rows counted at most"),
}


def _t(text: Text, lang: Lang) -> str:
    return text.get(lang)


def _money(value: Decimal, lang: Lang) -> str:
    return f"{value:,.2f} 元" if lang == "zh" else f"{value:,.2f} yuan"


def _number_text(number: Number, lang: Lang) -> str:
    if number.kind in ("rate", "tier_rate"):
        return f"{(number.value * 100).normalize():f}%"
    if number.kind == "highest":
        return str(int(number.value))
    if number.kind in ("tier_from", "tier_to"):
        return f"{number.value.normalize():f}"
    if number.kind == "per":
        return f"{number.value.normalize():f} 元" if lang == "zh" else f"{number.value.normalize():f} yuan"
    return _money(number.value, lang)


def _number_name(number: Number, rule: Block, lang: Lang) -> str:
    zh, en = KIND_WORDS[number.kind]
    word = zh if lang == "zh" else en
    if number.name is not None and number.kind == "cap":
        return _t(number.name, lang)
    if number.kind == "cap" and number.in_row and isinstance(rule, Each):
        record = rule.table.record_label
        return f"每{record.zh}上限" if lang == "zh" else f"cap per {_t(record, lang).lower()}"
    if number.name is not None:
        return f"{_t(number.name, lang)}的{word}" if lang == "zh" else f"{word} of {_t(number.name, lang)}"
    if "table[" in number.path:
        band = number.path.split("table[")[1].split("]")[0]
        return f"第 {int(band) + 1} 档{word}" if lang == "zh" else f"band {int(band) + 1}: {word}"
    return word


def _item_name(measure: Measure, item: Item, lang: Lang) -> str:
    if lang == "zh":
        return f"第{measure.article_label}条 {item.title.zh}"
    return f"Art. {measure.article} {_t(item.title, lang)}"


def _question_name(question: Question, lang: Lang) -> str:
    return f"{question.id}（{question.label.zh}）" if lang == "zh" else f"{question.id} ({_t(question.label, lang)})"


def diff_packs(old: Pack, new: Pack, lang: Lang = "zh") -> list[str]:
    """One sentence per change; a single sentence saying so when nothing that matters changed."""
    zh = lang == "zh"
    lines: list[str] = []

    def say(text_zh: str, text_en: str) -> None:
        lines.append(text_zh if zh else text_en)

    say(
        f"《{old.title.zh}》{old.version} → 《{new.title.zh}》{new.version}",
        f"'{_t(old.title, lang)}' {old.version} → '{_t(new.title, lang)}' {new.version}",
    )
    if old.id != new.id:
        say(f"政策包编号：{old.id} → {new.id}", f"Pack id: {old.id} → {new.id}")
    if (old.valid_from, old.valid_to) != (new.valid_from, new.valid_to):
        say(
            f"有效期：{old.valid_from} 至 {old.valid_to} → {new.valid_from} 至 {new.valid_to}",
            f"Validity: {old.valid_from} to {old.valid_to} → {new.valid_from} to {new.valid_to}",
        )
    if old.period != new.period:
        say(
            f"所覆盖的经营期间：{old.period[0]} 至 {old.period[1]} → {new.period[0]} 至 {new.period[1]}",
            f"Period covered: {old.period[0]} to {old.period[1]} → {new.period[0]} to {new.period[1]}",
        )
    before = len(lines)
    _measures(old, new, lang, lines)
    _items(old, new, lang, lines)
    _questions(old, new, lang, lines)
    if len(lines) == before:
        say("措施、支持项目、金额和问题均无变化。", "No change to measures, items, amounts or questions.")
    return lines


def _measures(old: Pack, new: Pack, lang: Lang, lines: list[str]) -> None:
    zh = lang == "zh"
    before = {m.id: m for m in old.measures}
    after = {m.id: m for m in new.measures}
    for mid, m in after.items():
        if mid not in before:
            lines.append(
                f"新增措施：第{m.article_label}条 {m.title.zh}"
                if zh
                else f"New measure: Art. {m.article} {_t(m.title, lang)}"
            )
    for mid, m in before.items():
        if mid not in after:
            lines.append(
                f"删去措施：第{m.article_label}条 {m.title.zh}"
                if zh
                else f"Measure removed: Art. {m.article} {_t(m.title, lang)}"
            )
            continue
        n = after[mid]
        was = [_t(u, lang) for u in m.units]
        now = [_t(u, lang) for u in n.units]
        if was != now:
            head = f"第{n.article_label}条 责任单位" if zh else f"Art. {n.article} responsible units"
            added = [u for u in now if u not in was]
            gone = [u for u in was if u not in now]
            parts = []
            if added:
                parts.append(("新增 " if zh else "added ") + ("、" if zh else "; ").join(added))
            if gone:
                parts.append(("删去 " if zh else "removed ") + ("、" if zh else "; ").join(gone))
            if not parts:
                parts.append("顺序调整" if zh else "reordered")
            lines.append(f"{head}：{'；'.join(parts)}" if zh else f"{head}: {'; '.join(parts)}")


def _items(old: Pack, new: Pack, lang: Lang, lines: list[str]) -> None:
    zh = lang == "zh"
    before = {item.id: (m, item) for m, item in old.items()}
    after = {item.id: (m, item) for m, item in new.items()}
    for iid, (m, item) in after.items():
        if iid not in before:
            lines.append(
                f"新增支持项目：{_item_name(m, item, lang)}" if zh else f"New item: {_item_name(m, item, lang)}"
            )
    for iid, (m, item) in before.items():
        if iid not in after:
            lines.append(
                f"删去支持项目：{_item_name(m, item, lang)}" if zh else f"Item removed: {_item_name(m, item, lang)}"
            )
            continue
        nm, new_item = after[iid]
        name = _item_name(nm, new_item, lang)
        if item.kind != new_item.kind:
            lines.append(
                f"{name}：类别 {item.kind} → {new_item.kind}" if zh else f"{name}: kind {item.kind} → {new_item.kind}"
            )
        if item.basis != new_item.basis:
            words = {"exact": ("按标准", "exact"), "up_to": ("最高", "up to")}
            a, b = words[item.basis], words[new_item.basis]
            lines.append(f"{name}：口径 {a[0]} → {b[0]}" if zh else f"{name}: basis {a[1]} → {b[1]}")
        _rule_changes(item, new_item, name, lang, lines)
        if item.conditions != new_item.conditions:
            lines.append(f"{name}：申请条件有变化" if zh else f"{name}: the conditions changed")
        _document_changes(item, new_item, name, lang, lines)


def _document_changes(item: Item, new_item: Item, name: str, lang: Lang, lines: list[str]) -> None:
    """Documents by id: one added, removed or reworded is named (what an enterprise recorded of a document
    follows its id, so a rewording is not a removal)."""
    zh = lang == "zh"
    was = {d.id: d for d in item.documents}
    now = {d.id: d for d in new_item.documents}
    for ident, doc in now.items():
        if ident not in was:
            lines.append(
                f"{name}：新增申报材料“{doc.text.zh}”" if zh else f"{name}: document added: {_t(doc.text, lang)}"
            )
    for ident, doc in was.items():
        if ident not in now:
            lines.append(
                f"{name}：删去申报材料“{doc.text.zh}”" if zh else f"{name}: document removed: {_t(doc.text, lang)}"
            )
        elif doc.text != now[ident].text:
            new_text = now[ident].text
            lines.append(
                f"{name}：申报材料 {ident} 改为“{new_text.zh}”（原为“{doc.text.zh}”）"
                if zh
                else f"{name}: document {ident} reworded: {_t(new_text, lang)} (was: {_t(doc.text, lang)})"
            )
    kept_was = [i for i in was if i in now]
    kept_now = [i for i in now if i in was]
    if kept_was != kept_now:
        lines.append(f"{name}：申报材料顺序调整" if zh else f"{name}: documents reordered")


def _rule_changes(item: Item, new_item: Item, name: str, lang: Lang, lines: list[str]) -> None:
    zh = lang == "zh"
    if item.rule is None or new_item.rule is None:
        if (item.rule is None) != (new_item.rule is None):
            lines.append(
                f"{name}：计算规则{'新增' if item.rule is None else '删去'}"
                if zh
                else f"{name}: rule {'added' if item.rule is None else 'removed'}"
            )
        return
    was = {n.path: n for n in numbers(item.rule)}
    now = {n.path: n for n in numbers(new_item.rule)}
    if [(p, n.kind) for p, n in was.items()] != [(p, n.kind) for p, n in now.items()] or type(item.rule) is not type(
        new_item.rule
    ):
        lines.append(f"{name}：计算方式改变" if zh else f"{name}: the way the amount is computed changed")
    for path, number in now.items():
        old_number = was.get(path)
        label = _number_name(number, new_item.rule, lang)
        if old_number is None:
            lines.append(
                f"{name}：新增{label} {_number_text(number, lang)}"
                if zh
                else f"{name}: new {label} {_number_text(number, lang)}"
            )
        elif old_number.value != number.value:
            lines.append(
                f"{name}：{label} {_number_text(old_number, lang)} → {_number_text(number, lang)}"
                if zh
                else f"{name}: {label} {_number_text(old_number, lang)} → {_number_text(number, lang)}"
            )
    for path, number in was.items():
        if path not in now:
            label = _number_name(number, item.rule, lang)
            lines.append(
                f"{name}：删去{label} {_number_text(number, lang)}"
                if zh
                else f"{name}: {label} {_number_text(number, lang)} removed"
            )


def _questions(old: Pack, new: Pack, lang: Lang, lines: list[str]) -> None:
    zh = lang == "zh"
    before = {q.id: q for q in old.questions}
    after = {q.id: q for q in new.questions}
    for qid, q in after.items():
        if qid not in before:
            lines.append(f"新增问题：{_question_name(q, lang)}" if zh else f"New question: {_question_name(q, lang)}")
        elif before[qid].type != q.type:
            lines.append(
                f"问题 {qid} 的题型：{before[qid].type} → {q.type}"
                if zh
                else f"Question {qid}: type {before[qid].type} → {q.type}"
            )
        elif before[qid].label != q.label:
            lines.append(
                f"问题 {qid} 的措辞：“{before[qid].label.zh}” → “{q.label.zh}”"
                if zh
                else f"Question {qid} reworded: '{_t(before[qid].label, lang)}' → '{_t(q.label, lang)}'"
            )
    for qid, q in before.items():
        if qid not in after:
            lines.append(
                f"删去问题：{_question_name(q, lang)}" if zh else f"Question removed: {_question_name(q, lang)}"
            )
