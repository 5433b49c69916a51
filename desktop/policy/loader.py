"""Reading a pack file: parse the TOML, check every entry, report every problem at once."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, cast

from desktop.policy.limits import pack_number_problem, read_pack_toml
from desktop.policy.lists import read_lists
from desktop.policy.model import (
    BASES,
    DOCUMENT_ID,
    ITEM_KINDS,
    QUESTION_TYPES,
    Basis,
    Choice,
    Document,
    GlossaryTerm,
    HistoryQuery,
    Interpretation,
    InterpretationKind,
    Item,
    ItemKind,
    Measure,
    Pack,
    Question,
    QuestionType,
    Section,
    Text,
)
from desktop.policy.rules import Block
from desktop.policy.rules.base import referenced_items
from desktop.policy.rules.reader import RuleReader, item_cycles
from desktop.problems import At, Listed, Problem, ProblemError, suggestion


class PackError(ProblemError):
    """A pack that cannot be used; `problems` holds one problem each, each naming file, entry and field."""

    def __init__(self, source: str, problems: Iterable[Problem]) -> None:
        self.source = source
        super().__init__(*problems)


Where = str | At
"""Where in a pack or a guide: `[pack].valid_to`, or an entry with its id (`measures[2]（credit）.items`)."""

PROBLEM_LINE = 300
"""Characters of a problem's line at most, whatever value it repeats."""


class _Checker:
    """Collects problems while reading; every getter returns a usable default after recording one."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def fail(self, where: Where, problem: Problem) -> None:
        self.problems.append(problem.at(self.source, where).cut(PROBLEM_LINE))

    def keys(self, data: Mapping[str, Any], where: Where, allowed: Iterable[str]) -> None:
        """Every key of an entry must be one it may hold: a misspelt key (`condition` for `conditions`) would
        otherwise be skipped and silently take what it says with it."""
        known = tuple(allowed)
        for key in data:
            if key not in known:
                at = where + f".{key}" if where else str(key)
                self.fail(at, Problem("field.unknown", suggestion=suggestion(str(key), known)))

    def table(self, data: Mapping[str, Any], key: str, where: Where) -> Mapping[str, Any]:
        value = data.get(key, {})
        if not isinstance(value, Mapping):
            self.fail(where + f".{key}", Problem("pack.table"))
            return {}
        return value

    def tables(self, data: Mapping[str, Any], key: str, where: Where) -> list[Mapping[str, Any]]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
            self.fail(where + f".{key}", Problem("pack.tables"))
            return []
        return cast(list[Mapping[str, Any]], value)

    def string(self, data: Mapping[str, Any], key: str, where: Where, *, required: bool = True) -> str:
        value = data.get(key)
        if value is None:
            if required:
                self.fail(where + f".{key}", Problem("field.missing"))
            return ""
        if not isinstance(value, str):
            self.fail(where + f".{key}", Problem("pack.string_type", value=repr(value)))
            return ""
        if required and not value.strip():
            self.fail(where + f".{key}", Problem("pack.empty"))
        return value

    def text(self, data: Mapping[str, Any], key: str, where: Where, *, required: bool = True) -> Text:
        return Text(
            self.string(data, key, where, required=required), self.string(data, f"{key}_en", where, required=False)
        )

    def date(self, data: Mapping[str, Any], key: str, where: Where) -> dt.date:
        value = data.get(key)
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        missing = Problem("field.missing")
        self.fail(where + f".{key}", Problem("pack.date_type", value=repr(value)) if value is not None else missing)
        return dt.date.min

    def decimal(
        self, data: Mapping[str, Any], key: str, where: Where, *, required: bool = True, kind: str | None = None
    ) -> Decimal | None:
        """The number under `key`, read as `kind` says (`number`'s key; by default the field's own name)."""
        value = data.get(key)
        if value is None:
            if required:
                self.fail(where + f".{key}", Problem("field.missing"))
            return None
        return self.number(value, where + f".{key}", kind or key)

    def number(self, value: object, where: Where, key: str = "amount") -> Decimal | None:
        """Every number of a pack (money, rates, thresholds) is read here: exact, finite, not negative.
        `key` says what it is (`rate`, `per`, `quantity` may be finer than a cent; others are money)."""
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            self.fail(where, Problem("pack.number_type", value=repr(value)))
            return None
        if (problem := pack_number_problem(key, value)) is not None:
            self.fail(where, problem)
            return None
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            self.fail(where, Problem("pack.not_number", value=repr(value)))
            return None
        if not number.is_finite():
            self.fail(where, Problem("pack.not_finite", value=repr(value)))
            return None
        if number < 0:
            self.fail(where, Problem("pack.negative", value=str(value)))
            return None
        return number

    def integer(self, data: Mapping[str, Any], key: str, where: Where) -> int | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(where + f".{key}", Problem("pack.integer_type", value=repr(value)))
            return None
        return value

    def choice_of(self, data: Mapping[str, Any], key: str, where: Where, allowed: Iterable[str], default: str) -> str:
        value = data.get(key, default)
        allowed = tuple(allowed)
        if value not in allowed:
            self.fail(
                where + f".{key}", Problem("pack.choice_unknown", value=repr(value), allowed=Listed(allowed, "comma"))
            )
            return default
        return cast(str, value)


def _bilingual(*names: str) -> tuple[str, ...]:
    """Each text field with its English twin (`title`, `title_en`)."""
    return tuple(name for base in names for name in (base, f"{base}_en"))


TOP_KEYS = (
    "pack",
    "interpretations",
    "common_conditions",
    "sections",
    "glossary",
    "questions",
    "measures",
    "lists",
)
PACK_KEYS = (
    "id",
    "version",
    "issued_on",
    "valid_from",
    "valid_to",
    "period_from",
    "period_to",
    "source_file",
    *_bilingual("title", "issuer", "period_label", "enquiries", "documents_note", "disclaimer"),
)
SECTION_KEYS = ("id", *_bilingual("title"))
GLOSSARY_KEYS = _bilingual("term", "text")
FIELD_KEYS = ("id", "type", "choices", "min", "max", "glossary", *_bilingual("label", "help", "short", "unit"))
QUESTION_KEYS = (
    *FIELD_KEYS,
    "section",
    "show_if",
    "fields",
    "replaces",
    "from_history",
    *_bilingual("record_label", "set_by"),
)
CHOICE_KEYS = ("value", *_bilingual("label"))
MEASURE_KEYS = ("article", "article_label", "id", "units", "units_en", "items", *_bilingual("title"))
ITEM_KEYS = (
    "id",
    "kind",
    "source",
    "basis",
    "conditions",
    "rule",
    "documents",
    "notes",
    "interpretations",
    *_bilingual("title", "claim", "documents_source"),
)
NOTE_KEYS = _bilingual("text")
INTERPRETATION_KEYS = ("id", "quote", "kind", *_bilingual("reading", "why", "ask"))


def read_documents(c: _Checker, data: Mapping[str, Any], key: str, where: Where) -> tuple[Document, ...]:
    """A list of documents (`[{ id = "…", text = "…", text_en = "…" }]`): every id present, well formed and
    unique in the list, since what an enterprise records of a document is kept under its id."""
    documents: list[Document] = []
    for i, d in enumerate(c.tables(data, key, where)):
        at = where + f".{key}[{i}]"
        c.keys(d, at, ("id", "text", "text_en"))
        ident = c.string(d, "id", at)
        if ident and not re.fullmatch(DOCUMENT_ID, ident):
            c.fail(at + ".id", Problem("pack.document_id", value=repr(ident[:60])))
        elif ident in (doc.id for doc in documents):
            c.fail(at + ".id", Problem("pack.document_twice", value=ident))
        documents.append(Document(ident, c.text(d, "text", at)))
    return tuple(documents)


def _entry(kind: Where, index: int, data: Mapping[str, Any]) -> At:
    return At.entry(kind + f"[{index}]", data.get("id"))


def _choices(c: _Checker, data: Mapping[str, Any], where: Where) -> tuple[Choice, ...]:
    choices = []
    for i, ch in enumerate(c.tables(data, "choices", where)):
        cw = where + f".choices[{i}]"
        c.keys(ch, cw, CHOICE_KEYS)
        choices.append(Choice(c.string(ch, "value", cw), c.text(ch, "label", cw)))
    values = [ch.value for ch in choices]
    if len(set(values)) != len(values):
        c.fail(where + ".choices", Problem("pack.choice_values_twice"))
    return tuple(choices)


def _question(c: _Checker, data: Mapping[str, Any], where: Where, *, nested: bool = False) -> Question:
    c.keys(data, where, FIELD_KEYS if nested else QUESTION_KEYS)
    qtype = cast(QuestionType, c.choice_of(data, "type", where, QUESTION_TYPES, "text"))
    if nested and qtype == "table":
        c.fail(where + ".type", Problem("pack.table_in_table"))
    choices = _choices(c, data, where)
    if qtype == "choice" and not choices:
        c.fail(where + ".choices", Problem("pack.choice_needs_choices"))
    if qtype == "items" and choices:
        c.fail(where + ".choices", Problem("pack.items_no_choices"))
    replaces = c.string(data, "replaces", where, required=False)
    if replaces and qtype != "items":
        c.fail(where + ".replaces", Problem("pack.replaces_items"))
    fields: list[Question] = []
    if qtype == "table":
        for i, f in enumerate(c.tables(data, "fields", where)):
            fields.append(_question(c, f, where + f".fields[{i}]", nested=True))
        if not fields:
            c.fail(where + ".fields", Problem("pack.table_needs_fields"))
    short = c.text(data, "short", where, required=False)
    record_label = c.text(data, "record_label", where, required=False)
    unit = c.text(data, "unit", where, required=False)
    set_by = c.text(data, "set_by", where, required=False)
    if unit.zh and qtype not in ("integer", "number"):
        c.fail(where + ".unit", Problem("pack.unit"))
    glossary = data.get("glossary", [])
    if not (isinstance(glossary, list) and all(isinstance(g, str) for g in glossary)):
        c.fail(where + ".glossary", Problem("pack.glossary_keys"))
        glossary = []
    from_history = _history_query(c, data, where, qtype)
    return Question(
        id=c.string(data, "id", where),
        type=qtype,
        label=c.text(data, "label", where),
        section="" if nested else c.string(data, "section", where),
        help=c.text(data, "help", where, required=False),
        short=short if short.zh else None,
        choices=choices,
        min=c.integer(data, "min", where),
        max=c.integer(data, "max", where),
        fields=tuple(fields),
        record_label=record_label if record_label.zh else Text("记录", "Record"),
        glossary=tuple(glossary),
        unit=unit,
        set_by=set_by,
        from_history=from_history,
        replaces=replaces,
    )


def _strings(c: _Checker, data: Mapping[str, Any], key: str, where: Where) -> tuple[str, ...]:
    value = data.get(key, [])
    if not (isinstance(value, list) and all(isinstance(v, str) and v for v in value)):
        c.fail(where + f".{key}", Problem("pack.strings_nonempty"))
        return ()
    return tuple(value)


def _history_query(c: _Checker, data: Mapping[str, Any], where: Where, qtype: str) -> HistoryQuery | None:
    """`from_history = { items = [...], policies = [...] }`: the amounts received for those items fill the
    answer of a money question (an amount is what the history holds), or tick the items paid already in
    an `items` question (there `items` may be left out: any of the pack's items)."""
    raw = data.get("from_history")
    if raw is None:
        return None
    at = where + ".from_history"
    if not isinstance(raw, Mapping):
        c.fail(at, Problem("pack.history_type"))
        return None
    if qtype not in ("money", "items"):
        c.fail(at, Problem("pack.history_money"))
    c.keys(raw, at, ("items", "policies"))
    items = _strings(c, raw, "items", at)
    if not items and qtype == "money":
        c.fail(at + ".items", Problem("pack.history_items"))
    return HistoryQuery(items, _strings(c, raw, "policies", at))


def _item(c: _Checker, data: Mapping[str, Any], where: Where, reader: RuleReader) -> Item:
    c.keys(data, where, ITEM_KEYS)
    kind = cast(ItemKind, c.choice_of(data, "kind", where, ITEM_KINDS, "service"))
    rule_data = data.get("rule")
    rule: Block | None = None
    if kind == "amount":
        if rule_data is not None:
            rule = reader.rule(rule_data, where + ".rule")
        else:
            c.fail(where + ".rule", Problem("pack.amount_needs_rule"))
    elif rule_data is not None:
        c.fail(where + ".rule", Problem("pack.kind_no_rule", kind=kind))
    conditions = tuple(
        cond
        for i, cd in enumerate(c.tables(data, "conditions", where))
        if (cond := reader.condition(cd, where + f".conditions[{i}]", per_item=True)) is not None
    )
    interpretations = data.get("interpretations", [])
    if not (isinstance(interpretations, list) and all(isinstance(v, str) for v in interpretations)):
        c.fail(where + ".interpretations", Problem("pack.interpretation_keys"))
        interpretations = []
    for name in interpretations:
        if name not in reader.interpretations:
            c.fail(
                where + ".interpretations", Problem("pack.interpretation_unknown", value=repr(name), suggestion=None)
            )
    documents = read_documents(c, data, "documents", where)
    notes = []
    for i, n in enumerate(c.tables(data, "notes", where)):
        c.keys(n, where + f".notes[{i}]", NOTE_KEYS)
        notes.append(c.text(n, "text", where + f".notes[{i}]"))
    return Item(
        id=c.string(data, "id", where),
        kind=kind,
        title=c.text(data, "title", where),
        claim=c.text(data, "claim", where),
        source=c.string(data, "source", where),
        basis=cast(Basis, c.choice_of(data, "basis", where, BASES, "exact")),
        conditions=conditions,
        rule=rule,
        documents=documents,
        notes=tuple(notes),
        interpretations=tuple(interpretations),
        documents_source=c.text(data, "documents_source", where, required=False),
    )


def _measure(c: _Checker, data: Mapping[str, Any], where: Where, reader: RuleReader) -> Measure:
    c.keys(data, where, MEASURE_KEYS)
    article = c.integer(data, "article", where)
    if article is None or article < 1:
        c.fail(where + ".article", Problem("pack.article"))
    units = data.get("units", [])
    units_en = data.get("units_en", [])
    if not (isinstance(units, list) and units and all(isinstance(u, str) and u for u in units)):
        c.fail(where + ".units", Problem("pack.units"))
        units = []
    if not (isinstance(units_en, list) and all(isinstance(u, str) for u in units_en)):
        c.fail(where + ".units_en", Problem("pack.strings"))
        units_en = []
    if units_en and len(units_en) != len(units):
        c.fail(where + ".units_en", Problem("pack.units_en"))
        units_en = []
    items = tuple(
        _item(c, it, _entry(where + ".items", i, it), reader) for i, it in enumerate(c.tables(data, "items", where))
    )
    if not items:
        c.fail(where + ".items", Problem("pack.measure_items"))
    return Measure(
        id=c.string(data, "id", where),
        article=article or 0,
        article_label=c.string(data, "article_label", where),
        title=c.text(data, "title", where),
        units=tuple(Text(zh, units_en[i] if units_en else "") for i, zh in enumerate(units)),
        items=items,
    )


def _check_references(c: _Checker, pack: Pack) -> None:
    """Cross-entry consistency: ids unique, sections, glossary links, item references and their cycles."""
    sections = {s.id for s in pack.sections}
    for i, s in enumerate(pack.sections):
        if s.id in (t.id for t in pack.sections[:i]):
            c.fail(At.entry(f"sections[{i}]", s.id) + ".id", Problem("pack.section_twice", value=s.id))
    seen: set[str] = set()
    for i, q in enumerate(pack.questions):
        where = At.entry(f"questions[{i}]", q.id)
        if q.id in seen:
            c.fail(where + ".id", Problem("pack.question_twice", value=q.id))
        seen.add(q.id)
        if q.section not in sections:
            c.fail(where + ".section", Problem("pack.section_unknown", value=repr(q.section)))
        for g in q.glossary:
            if g not in pack.glossary:
                c.fail(where + ".glossary", Problem("pack.glossary_unknown", value=repr(g)))
        if q.min is not None and q.max is not None and q.min > q.max:
            c.fail(where + ".min", Problem("pack.min_max"))
        if q.replaces and q.replaces in {other.id for other in pack.questions}:
            c.fail(where + ".replaces", Problem("pack.replaces_known", value=q.replaces))
    item_ids: set[str] = set()
    rules: dict[str, Block] = {}
    places: dict[str, At] = {}
    for mi, measure in enumerate(pack.measures):
        for ii, item in enumerate(measure.items):
            where = At.entry(At.entry(f"measures[{mi}]", measure.id) + f".items[{ii}]", item.id)
            if item.id in item_ids:
                c.fail(where + ".id", Problem("pack.item_twice", value=item.id))
            item_ids.add(item.id)
            places[item.id] = where
            if item.rule is not None:
                rules[item.id] = item.rule
    for item_id, rule in rules.items():
        for name in sorted(referenced_items(rule) - set(rules)):
            if name in item_ids:
                c.fail(places[item_id] + ".rule.item", Problem("pack.item_no_amount", value=repr(name)))
            else:
                c.fail(places[item_id] + ".rule.item", Problem("pack.item_unknown", value=repr(name)))
    for cycle in item_cycles(rules):
        c.fail(places[cycle[0]] + ".rule", Problem("pack.item_cycle", cycle=" → ".join(cycle)))


def _interpretations(c: _Checker, data: Mapping[str, Any]) -> dict[str, Interpretation]:
    found: dict[str, Interpretation] = {}
    for i, raw in enumerate(c.tables(data, "interpretations", "")):
        where = _entry("interpretations", i, raw)
        c.keys(raw, where, INTERPRETATION_KEYS)
        ident = c.string(raw, "id", where)
        if ident in found:
            c.fail(where + ".id", Problem("pack.interpretation_twice", value=ident))
        kind = cast(InterpretationKind, c.choice_of(raw, "kind", where, ("reading", "other_guides"), "reading"))
        found[ident] = Interpretation(
            id=ident,
            # a reading quotes the words it reads; a requirement from other guides has no words in this text
            quote=c.string(raw, "quote", where, required=kind == "reading"),
            reading=c.text(raw, "reading", where),
            why=c.text(raw, "why", where, required=False),
            ask=c.text(raw, "ask", where, required=False),
            kind=kind,
        )
    return found


def load_pack_text(content: bytes, source: str, path: str = "") -> Pack:
    """Build a pack from the bytes of a pack file; `source` names the file in messages."""
    data, problems = read_pack_toml(content, source)  # size, encoding, syntax, nesting and lengths first
    if problems:
        raise PackError(source, problems)
    c = _Checker(source)
    c.keys(data, "", TOP_KEYS)
    head = c.table(data, "pack", "")
    where = "[pack]"
    c.keys(head, where, PACK_KEYS)
    glossary = {}
    for key, g in c.table(data, "glossary", "").items():
        if not isinstance(g, Mapping):
            c.fail(f"glossary.{key}", Problem("pack.glossary_entry"))
            continue
        c.keys(g, f"glossary.{key}", GLOSSARY_KEYS)
        glossary[key] = GlossaryTerm(key, c.text(g, "term", f"glossary.{key}"), c.text(g, "text", f"glossary.{key}"))
    interpretations = _interpretations(c, data)
    questions = tuple(_question(c, q, _entry("questions", i, q)) for i, q in enumerate(c.tables(data, "questions", "")))
    by_id = {q.id: q for q in questions}
    reader = RuleReader(c, by_id, set(interpretations))
    questions = _with_show_if(c, data, questions, reader)
    common = tuple(
        cond
        for i, cd in enumerate(c.tables(data, "common_conditions", ""))
        if (cond := reader.condition(cd, f"common_conditions[{i}]", per_item=True, basic=True)) is not None
    )
    period_label = c.text(head, "period_label", where, required=False)
    pack = Pack(
        id=c.string(head, "id", where),
        version=c.string(head, "version", where),
        title=c.text(head, "title", where),
        issuer=c.text(head, "issuer", where),
        issued_on=c.date(head, "issued_on", where),
        valid_from=c.date(head, "valid_from", where),
        valid_to=c.date(head, "valid_to", where),
        hash=hashlib.sha256(content).hexdigest(),
        sections=_sections(c, data),
        questions=questions,
        measures=tuple(
            _measure(c, m, _entry("measures", i, m), reader) for i, m in enumerate(c.tables(data, "measures", ""))
        ),
        glossary=glossary,
        enquiries=c.text(head, "enquiries", where, required=False),
        documents_note=c.text(head, "documents_note", where, required=False),
        disclaimer=c.text(head, "disclaimer", where),
        source_file=c.string(head, "source_file", where, required=False),
        path=path,
        period_from=c.date(head, "period_from", where) if "period_from" in head else None,
        period_to=c.date(head, "period_to", where) if "period_to" in head else None,
        period_label=period_label,
        interpretations=interpretations,
        common_conditions=common,
    )
    if dt.date.min not in (pack.valid_from, pack.valid_to) and pack.valid_from > pack.valid_to:
        c.fail(where + ".valid_to", Problem("pack.valid_to", end=str(pack.valid_to), start=str(pack.valid_from)))
    if ("period_from" in head) != ("period_to" in head):
        c.fail(where + ".period_from", Problem("pack.period_pair"))
    elif dt.date.min not in pack.period and pack.period[0] > pack.period[1]:
        c.fail(where + ".period_to", Problem("pack.period_order", end=str(pack.period[1]), start=str(pack.period[0])))
    if not pack.measures:
        c.fail("measures", Problem("pack.no_measures"))
    pack = _with_item_choices(pack)
    _check_references(c, pack)
    pack = replace(pack, lists=read_lists(c, data, pack))
    if c.problems:
        raise PackError(source, c.problems)
    return pack


def _with_item_choices(pack: Pack) -> Pack:
    """An `items` question offers the pack's items an enterprise applies for (amounts and supports the notice
    quantifies; services are not applied for), each by its title: made here, so that they follow the pack."""
    if not any(q.type == "items" for q in pack.questions):
        return pack
    choices = tuple(
        Choice(item.id, Text(f"第{m.article_label}条 {item.title.zh}", f"Art. {m.article} {item.title.get('en')}"))
        for m, item in pack.items()
        if item.kind != "service"
    )
    questions = tuple(replace(q, choices=choices) if q.type == "items" else q for q in pack.questions)
    return replace(pack, questions=questions)


def _sections(c: _Checker, data: Mapping[str, Any]) -> tuple[Section, ...]:
    sections = []
    for i, s in enumerate(c.tables(data, "sections", "")):
        c.keys(s, f"sections[{i}]", SECTION_KEYS)
        sections.append(Section(c.string(s, "id", f"sections[{i}]"), c.text(s, "title", f"sections[{i}]")))
    return tuple(sections)


def _with_show_if(
    c: _Checker, data: Mapping[str, Any], questions: tuple[Question, ...], reader: RuleReader
) -> tuple[Question, ...]:
    """Show-if conditions are read once every question is known: a follow-up may name a later question."""
    raw = c.tables(data, "questions", "")
    result = []
    for i, question in enumerate(questions):
        show_if = raw[i].get("show_if")
        if show_if is None:
            result.append(question)
            continue
        cond = reader.condition(show_if, _entry("questions", i, raw[i]) + ".show_if")
        result.append(replace(question, show_if=cond))
    return tuple(result)


def load_pack(path: Path) -> Pack:
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise PackError(
            path.name, [Problem("file.unreadable", reason=str(exc.strerror or exc), where=(str(path),))]
        ) from None
    return load_pack_text(content, path.name, str(path))
