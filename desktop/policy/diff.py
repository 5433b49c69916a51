"""What changed between two packs, in sentences a trainer can read aloud (`python -m desktop pack diff OLD NEW`).

Items, questions and measures are matched by id; the numbers of a rule by where they stand in it
(`numbers()`), so "每境外项目上限 300,000.00 元 → 400,000.00 元" names the cap that moved, with its article.
The sentences are the catalogue's (`diff.*` in `desktop.wording.terms`), in either language.
"""

from __future__ import annotations

from desktop.policy.model import Item, Lang, Measure, Pack, Question, Text
from desktop.policy.rules import Block
from desktop.policy.rules.base import Number, numbers
from desktop.wording.terms import term


def _t(text: Text, lang: Lang) -> str:
    return text.get(lang)


def _number_text(number: Number, lang: Lang) -> str:
    if number.kind in ("rate", "tier_rate"):
        return f"{(number.value * 100).normalize():f}%"
    if number.kind == "highest":
        return str(int(number.value))
    if number.kind in ("tier_from", "tier_to"):
        return f"{number.value.normalize():f}"
    if number.kind == "per":
        return f"{number.value.normalize():f} {term('yuan', lang)}"
    return f"{number.value:,.2f} {term('yuan', lang)}"


def _number_name(number: Number, rule: Block, lang: Lang) -> str:
    word = term(f"diff.{number.kind}", lang)
    if number.name is not None and number.kind == "cap":
        return _t(number.name, lang)
    table = rule.row_table()
    if number.kind == "cap" and number.in_row and table is not None:
        record = table.record_label
        return term("diff.cap_per_row", lang, record=record.zh if lang == "zh" else _t(record, lang).lower())
    if number.name is not None:
        return term("diff.number_of", lang, name=_t(number.name, lang), word=word)
    if "table[" in number.path:
        band = number.path.split("table[")[1].split("]")[0]
        return term("diff.band", lang, band=int(band) + 1, word=word)
    return word


def _article(measure: Measure, lang: Lang) -> str:
    return f"第{measure.article_label}条" if lang == "zh" else f"Art. {measure.article}"


def _item_name(measure: Measure, item: Item, lang: Lang) -> str:
    return term("diff.item_name", lang, article=_article(measure, lang), title=_t(item.title, lang))


def _question_name(question: Question, lang: Lang) -> str:
    return term("diff.question_name", lang, question=question.id, label=_t(question.label, lang))


def diff_packs(old: Pack, new: Pack, lang: Lang = "zh") -> list[str]:
    """One sentence per change; a single sentence saying so when nothing that matters changed."""
    lines: list[str] = []

    def say(key: str, **values: object) -> None:
        lines.append(term(key, lang, **values))

    say(
        "diff.title",
        old=_t(old.title, lang),
        old_version=old.version,
        new=_t(new.title, lang),
        new_version=new.version,
    )
    if old.id != new.id:
        say("diff.pack_id", old=old.id, new=new.id)
    if (old.valid_from, old.valid_to) != (new.valid_from, new.valid_to):
        say("diff.validity", old_from=old.valid_from, old_to=old.valid_to, new_from=new.valid_from, new_to=new.valid_to)
    if old.period != new.period:
        say("diff.period", old_from=old.period[0], old_to=old.period[1], new_from=new.period[0], new_to=new.period[1])
    before = len(lines)
    _measures(old, new, lang, lines)
    _items(old, new, lang, lines)
    _questions(old, new, lang, lines)
    if len(lines) == before:
        say("diff.nothing")
    return lines


def _measures(old: Pack, new: Pack, lang: Lang, lines: list[str]) -> None:
    before = {m.id: m for m in old.measures}
    after = {m.id: m for m in new.measures}
    for mid, m in after.items():
        if mid not in before:
            lines.append(term("diff.measure_added", lang, measure=f"{_article(m, lang)} {_t(m.title, lang)}"))
    for mid, m in before.items():
        if mid not in after:
            lines.append(term("diff.measure_removed", lang, measure=f"{_article(m, lang)} {_t(m.title, lang)}"))
            continue
        n = after[mid]
        was = [_t(u, lang) for u in m.units]
        now = [_t(u, lang) for u in n.units]
        if was != now:
            added = [u for u in now if u not in was]
            gone = [u for u in was if u not in now]
            units = "、" if lang == "zh" else "; "  # one unit's own English name has a comma
            parts = []
            if added:
                parts.append(term("diff.units_added", lang, units=units.join(added)))
            if gone:
                parts.append(term("diff.units_removed", lang, units=units.join(gone)))
            if not parts:
                parts.append(term("diff.units_reordered", lang))
            joined = ("；" if lang == "zh" else "; ").join(parts)
            lines.append(term("diff.units", lang, article=_article(n, lang), parts=joined))


def _items(old: Pack, new: Pack, lang: Lang, lines: list[str]) -> None:
    before = {item.id: (m, item) for m, item in old.items()}
    after = {item.id: (m, item) for m, item in new.items()}
    for iid, (m, item) in after.items():
        if iid not in before:
            lines.append(term("diff.item_added", lang, item=_item_name(m, item, lang)))
    for iid, (m, item) in before.items():
        if iid not in after:
            lines.append(term("diff.item_removed", lang, item=_item_name(m, item, lang)))
            continue
        nm, new_item = after[iid]
        name = _item_name(nm, new_item, lang)
        if item.kind != new_item.kind:
            lines.append(term("diff.kind", lang, item=name, old=item.kind, new=new_item.kind))
        if item.basis != new_item.basis:
            old_basis, new_basis = (term(f"diff.basis_{b}", lang) for b in (item.basis, new_item.basis))
            lines.append(term("diff.basis", lang, item=name, old=old_basis, new=new_basis))
        _rule_changes(item, new_item, name, lang, lines)
        if item.conditions != new_item.conditions:
            lines.append(term("diff.conditions", lang, item=name))
        _document_changes(item, new_item, name, lang, lines)


def _document_changes(item: Item, new_item: Item, name: str, lang: Lang, lines: list[str]) -> None:
    """Documents by id: one added, removed or reworded is named (what an enterprise recorded of a document
    follows its id, so a rewording is not a removal)."""
    was = {d.id: d for d in item.documents}
    now = {d.id: d for d in new_item.documents}
    for ident, doc in now.items():
        if ident not in was:
            lines.append(term("diff.document_added", lang, item=name, text=_t(doc.text, lang)))
    for ident, doc in was.items():
        if ident not in now:
            lines.append(term("diff.document_removed", lang, item=name, text=_t(doc.text, lang)))
        elif doc.text != now[ident].text:
            new_text = now[ident].text
            lines.append(
                term(
                    "diff.document_reworded",
                    lang,
                    item=name,
                    document=ident,
                    new=_t(new_text, lang),
                    old=_t(doc.text, lang),
                )
            )
    kept_was = [i for i in was if i in now]
    kept_now = [i for i in now if i in was]
    if kept_was != kept_now:
        lines.append(term("diff.documents_reordered", lang, item=name))


def _rule_changes(item: Item, new_item: Item, name: str, lang: Lang, lines: list[str]) -> None:
    if item.rule is None or new_item.rule is None:
        if (item.rule is None) != (new_item.rule is None):
            lines.append(term("diff.rule_added" if item.rule is None else "diff.rule_removed", lang, item=name))
        return
    was = {n.path: n for n in numbers(item.rule)}
    now = {n.path: n for n in numbers(new_item.rule)}
    if [(p, n.kind) for p, n in was.items()] != [(p, n.kind) for p, n in now.items()] or type(item.rule) is not type(
        new_item.rule
    ):
        lines.append(term("diff.rule_changed", lang, item=name))
    for path, number in now.items():
        old_number = was.get(path)
        label = _number_name(number, new_item.rule, lang)
        if old_number is None:
            lines.append(term("diff.number_added", lang, item=name, name=label, value=_number_text(number, lang)))
        elif old_number.value != number.value:
            old_value, new_value = _number_text(old_number, lang), _number_text(number, lang)
            lines.append(term("diff.number_changed", lang, item=name, name=label, old=old_value, new=new_value))
    for path, number in was.items():
        if path not in now:
            label = _number_name(number, item.rule, lang)
            lines.append(term("diff.number_removed", lang, item=name, name=label, value=_number_text(number, lang)))


def _questions(old: Pack, new: Pack, lang: Lang, lines: list[str]) -> None:
    before = {q.id: q for q in old.questions}
    after = {q.id: q for q in new.questions}
    for qid, q in after.items():
        if qid not in before:
            lines.append(term("diff.question_added", lang, question=_question_name(q, lang)))
        elif before[qid].type != q.type:
            lines.append(term("diff.question_type", lang, question=qid, old=before[qid].type, new=q.type))
        elif before[qid].label != q.label:
            old_label, new_label = _t(before[qid].label, lang), _t(q.label, lang)
            lines.append(term("diff.question_reworded", lang, question=qid, old=old_label, new=new_label))
    for qid, q in before.items():
        if qid not in after:
            lines.append(term("diff.question_removed", lang, question=_question_name(q, lang)))
