"""What an assessment produces, and its JSON forms (the command line's, and the stored snapshot)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal, cast

from desktop.engine.answers import Enterprise
from desktop.engine.filing import Filing, FromHistory, Received, progress, tracked_documents
from desktop.engine.filing_file import claim_to_data, received_to_data
from desktop.policy.guides import NOT_FOUND, Channel, Contact, ItemGuide, Window, window_state
from desktop.policy.model import SUGGESTED_DOCUMENTS, Basis, Document, ItemKind, Lang, Text
from desktop.wording.money import yuan
from desktop.wording.vocabulary import join_units

Status = Literal["eligible", "not_eligible", "not_answered", "service", "to_confirm", "barred"]
STATUSES: tuple[Status, ...] = ("eligible", "not_eligible", "not_answered", "service", "to_confirm", "barred")
LimitScope = Literal["item", "row", "group", "part"]
NO_TEXT = Text("")


@dataclass(frozen=True)
class Reading:
    """Where the pack reads more into the text than it says, as shown with an item ("本工具的理解：…").

    `decided`: this reading alone keeps the item from being claimable as computed (status to_confirm)."""

    quote: str
    reading: Text
    why: Text = NO_TEXT
    ask: Text = NO_TEXT
    kind: str = "reading"  # "reading": the tool's reading of the text; "other_guides": from other guides
    decided: bool = False


@dataclass(frozen=True)
class Limit:
    """A cap the text states and the figure was held against: its name and sum, where it applies
    (the item, each table row, each group of rows, one part of the rule), and how often it bit."""

    name: Text
    amount: Decimal | None  # None: a cap that is itself computed (the premium less other levels' support)
    scope: LimitScope
    hits: int
    of: int


@dataclass(frozen=True)
class ItemInfo:
    """What the pack says of an item, the same for every enterprise (built once per pack)."""

    id: str
    measure_id: str
    article: int
    article_label: str
    measure_title: Text
    title: Text
    claim: Text
    kind: ItemKind
    basis: Basis
    units: tuple[Text, ...]
    documents: tuple[Document, ...]
    notes: tuple[Text, ...]
    source: str
    fixed: bool = False
    """The figure is a sum the text states (定额 / 最高 N), not computed from the enterprise's answers."""
    readings: tuple[Reading, ...] = ()
    """The pack's readings of the text this item rests on (shown with it whatever the answers)."""
    caps: tuple[tuple[Text, Decimal], ...] = ()
    """The caps the text states for the item, each with its name ("每境外项目上限"), as the rule writes them."""
    documents_source: Text = NO_TEXT
    """Where the pack's list of documents comes from, or that it is the program's suggestion."""
    method: str = "rate"
    """How the figure is arrived at, for 口径: "fixed" (a sum the text states), "rate" (a share of a base),
    "per" (a sum per unit), "tiers" (by band), "computed" (another combination)."""

    def caps_text(self) -> Text | None:
        """The text's caps in words: "500,000.00 元", or "每案件上限 300,000.00 元；每个单位上限 1,000,000.00 元"."""
        if not self.caps:
            return None
        if len(self.caps) == 1 and self.caps[0][0].zh == "上限":
            amount = self.caps[0][1]
            return Text(yuan(amount, "zh"), yuan(amount, "en"))
        zh = "；".join(f"{name.zh} {yuan(amount, 'zh')}" for name, amount in self.caps)
        en = "; ".join(f"{name.get('en')} {yuan(amount, 'en')}" for name, amount in self.caps)
        return Text(zh, en)


Render = Callable[[], tuple[tuple[Text, ...], tuple[Text, ...]]]


@dataclass(slots=True, eq=False)
class ItemResult:
    """One item's outcome. Treat as immutable. (Not a frozen dataclass: an assessment builds some twenty of
    these, and a frozen dataclass's set-up cost the engine a third of its time.)

    The explanation (`steps`) and the reasons are worded on first reading, from the trace the engine
    recorded: most assessments are computed for their figures (autosave, totals, batch) and never read.
    """

    info: ItemInfo
    status: Status
    amount: Decimal | None
    """The figure: for `eligible`, what may be claimed; for `to_confirm`, what it would be (not in the total);
    for `barred`, what would be at stake once the bar is lifted (in no total)."""
    cap: Decimal | None
    """The item's own cap as the text states it (None where it states none; per-row caps are in `limits`)."""
    capped: bool
    """The item's own cap bit (a per-row cap that bit is in `limits`, not here)."""
    _render: Render | None = None
    _texts: tuple[tuple[Text, ...], tuple[Text, ...]] | None = None
    limits: tuple[Limit, ...] = ()
    decided_by: tuple[Reading, ...] = ()
    """Readings that make the status `to_confirm` (an AEO date before the measures took effect, …)."""
    item_guide: ItemGuide | None = None
    """When, where and with whom to apply, from the application guide that applies (None: no guide)."""

    @classmethod
    def stored(
        cls,
        info: ItemInfo,
        status: Status,
        amount: Decimal | None,
        cap: Decimal | None,
        capped: bool,
        steps: tuple[Text, ...],
        reasons: tuple[Text, ...],
        limits: tuple[Limit, ...] = (),
        decided_by: tuple[Reading, ...] = (),
        item_guide: ItemGuide | None = None,
    ) -> ItemResult:
        """An outcome whose texts are already worded (a snapshot read back)."""
        return cls(info, status, amount, cap, capped, None, (steps, reasons), limits, decided_by, item_guide)

    def _key(self) -> tuple[object, ...]:
        return (
            self.info,
            self.status,
            self.amount,
            self.cap,
            self.capped,
            self.steps,
            self.reasons,
            self.limits,
            self.decided_by,
            self.item_guide,
        )

    def __eq__(self, other: object) -> bool:
        """Equal when everything a reader sees is equal (the texts compared as worded)."""
        return isinstance(other, ItemResult) and self._key() == other._key()

    __hash__ = None  # type: ignore[assignment]  # equal results are not one object

    def _worded(self) -> tuple[tuple[Text, ...], tuple[Text, ...]]:
        if self._texts is None:
            assert self._render is not None
            self._texts = self._render()
            self._render = None
        return self._texts

    @property
    def steps(self) -> tuple[Text, ...]:
        """How the figure came about, line by line, in both languages."""
        return self._worded()[0]

    @property
    def reasons(self) -> tuple[Text, ...]:
        """Why the item is not available (or not assessed)."""
        return self._worded()[1]

    # The pack's words for the item, read through (the window and the checklist read them off the result).
    @property
    def id(self) -> str:
        return self.info.id

    @property
    def measure_id(self) -> str:
        return self.info.measure_id

    @property
    def article(self) -> int:
        return self.info.article

    @property
    def article_label(self) -> str:
        return self.info.article_label

    @property
    def measure_title(self) -> Text:
        return self.info.measure_title

    @property
    def title(self) -> Text:
        return self.info.title

    @property
    def claim(self) -> Text:
        return self.info.claim

    @property
    def kind(self) -> ItemKind:
        return self.info.kind

    @property
    def basis(self) -> Basis:
        return self.info.basis

    @property
    def units(self) -> tuple[Text, ...]:
        return self.info.units

    @property
    def documents(self) -> tuple[Document, ...]:
        """The typical documents of the pack, as the application guide rewords, drops or adds to them."""
        app = self.item_guide
        return self.info.documents if app is None else app.documents_for(self.info.documents)

    @property
    def notes(self) -> tuple[Text, ...]:
        return self.info.notes

    @property
    def documents_source(self) -> Text:
        """Where the list of documents comes from: the pack's word (or that it is the program's suggestion),
        and, when an application guide changed the list, that guide too."""
        own = self.info.documents_source if self.info.documents_source.zh else SUGGESTED_DOCUMENTS
        if self.item_guide is None or not self.item_guide.changes_documents:
            return own
        return Text(f"{own.zh}；部分材料依据所用的申报指南", f"{own.get('en')}; some from the application guide in use")

    @property
    def source(self) -> str:
        return self.info.source

    @property
    def fixed(self) -> bool:
        return self.info.fixed

    @property
    def readings(self) -> tuple[Reading, ...]:
        """Every reading shown with the item: the item's own, then those that decided its status."""
        return (*self.info.readings, *self.decided_by)

    @property
    def has_amount(self) -> bool:
        return self.status == "eligible" and self.amount is not None

    @property
    def ask(self) -> Text:
        """Whom to ask about an item to confirm."""
        return next((r.ask for r in self.decided_by if r.ask.zh), Text(""))

    def cap_note(self) -> Text | None:
        """Which cap bit, in words: "按上限" for the item's own, "2 项中 1 项按每境外项目上限" for rows."""
        for limit in self.limits:
            if limit.scope == "item" and limit.hits:
                return Text(f"按{limit.name.zh}", f"at the {limit.name.get('en')}")
        notes = []
        for limit in self.limits:
            if limit.hits and limit.scope in ("row", "group"):
                notes.append(
                    Text(
                        f"{limit.of} 项中 {limit.hits} 项按{limit.name.zh}",
                        f"{limit.hits} of {limit.of} at the {limit.name.get('en')}",
                    )
                )
            elif limit.hits and limit.scope == "part":
                notes.append(Text(f"按{limit.name.zh}", f"at the {limit.name.get('en')}"))
        if not notes:
            return None
        return Text("；".join(n.zh for n in notes), "; ".join(n.en for n in notes))

    def units_text(self, lang: Lang = "zh") -> str:
        # "; " in English: one unit's own name has a comma
        return join_units((u.get(lang) for u in self.units), lang)


@dataclass(frozen=True)
class GuideInfo:
    """Which application guide an assessment's windows and contacts come from."""

    id: str
    round: Text
    published_on: dt.date
    example: bool
    source: Text
    note: Text = NO_TEXT


@dataclass(frozen=True)
class Assessment:
    pack_id: str
    pack_version: str
    pack_hash: str
    pack_title: Text
    valid_from: dt.date
    valid_to: dt.date
    assessed_on: dt.date
    enterprise: Enterprise
    items: tuple[ItemResult, ...]
    total: Decimal
    warnings: tuple[Text, ...]
    disclaimer: Text
    documents_note: Text
    pending_total: Decimal = Decimal(0)
    """What the items to confirm would bring; never part of `total`."""
    period_from: dt.date | None = None
    period_to: dt.date | None = None
    period_label: Text = NO_TEXT
    notices: tuple[Text, ...] = ()
    """Things to settle before applying that concern every item (basic conditions not yet answered)."""
    guide: GuideInfo | None = None
    """The application guide the windows, channels and contacts come from (None: no guide known)."""
    from_history: tuple[FromHistory, ...] = ()
    """Answers taken from the amounts the enterprise received elsewhere, instead of what was typed."""

    @property
    def expired(self) -> bool:
        return self.assessed_on > self.valid_to

    @property
    def period(self) -> tuple[dt.date, dt.date]:
        """The activity the assessment is for (the pack's period; its validity where it states none)."""
        return (self.period_from or self.valid_from, self.period_to or self.valid_to)

    def to_confirm(self) -> tuple[ItemResult, ...]:
        """Items ruled out only by a reading of the text, or a basic condition to be confirmed."""
        return tuple(i for i in self.items if i.status == "to_confirm")

    def with_amounts(self) -> tuple[ItemResult, ...]:
        """Items the enterprise may claim with a computed figure."""
        return tuple(i for i in self.items if i.has_amount)

    def unquantified(self) -> tuple[ItemResult, ...]:
        """Eligible supports whose amount the annual notice sets."""
        return tuple(i for i in self.items if i.status == "eligible" and i.amount is None)

    def services(self) -> tuple[ItemResult, ...]:
        return tuple(i for i in self.items if i.status == "service")

    def unavailable(self) -> tuple[ItemResult, ...]:
        """Items not available: not eligible, not answered, and barred for now by a basic condition."""
        return tuple(i for i in self.items if i.status in ("not_eligible", "not_answered", "barred"))

    def barred(self) -> tuple[ItemResult, ...]:
        """Items a basic condition bars for now (on the dishonest list…): what they would be, outside every total."""
        return tuple(i for i in self.items if i.status == "barred")

    def item(self, item_id: str) -> ItemResult:
        return next(i for i in self.items if i.id == item_id)


def _money(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def _text(value: Text, lang: Lang | None) -> object:
    return {"zh": value.zh, "en": value.en} if lang is None else value.get(lang)


def _texts(values: tuple[Text, ...], lang: Lang | None) -> list[object]:
    return [_text(v, lang) for v in values]


def _reading(value: Reading, lang: Lang | None) -> dict[str, object]:
    return {
        "quote": value.quote,
        "reading": _text(value.reading, lang),
        "why": _text(value.why, lang),
        "ask": _text(value.ask, lang),
        "kind": value.kind,
        "decided": value.decided,
    }


def _limit(value: Limit, lang: Lang | None) -> dict[str, object]:
    return {
        "name": _text(value.name, lang),
        "amount": _money(value.amount),
        "scope": value.scope,
        "hits": value.hits,
        "of": value.of,
    }


def _item_guide_data(app: ItemGuide, lang: Lang | None, today: dt.date | None) -> dict[str, object]:
    window: dict[str, object] = {
        "opens": app.window.opens.isoformat() if app.window.opens else None,
        "closes": app.window.closes.isoformat() if app.window.closes else None,
    }
    if today is not None:
        state = window_state(app.window, today)
        window["status"] = state.status
        window["days_left"] = state.days_left
    contact = app.contact
    return {
        "window": window,
        "channel": app.channel,
        "platform": _text(app.platform, lang),
        "channel_note": _text(app.channel_note, lang),
        "note": _text(app.note, lang),
        "contact": None
        if contact is None
        else {
            "office": _text(contact.office, lang),
            "address": _text(contact.address, lang),
            "phone": contact.phone,
            "seen": _text(contact.seen, lang),
            "source": _text(contact.source, lang),
        },
        "documents_replaced": app.documents is not None,
        "documents_changed": app.changes_documents,
    }


def _guide(guide: GuideInfo, lang: Lang | None, today: dt.date | None) -> dict[str, object]:
    data: dict[str, object] = {
        "id": guide.id,
        "round": _text(guide.round, lang),
        "published_on": guide.published_on.isoformat(),
        "example": guide.example,
        "source": _text(guide.source, lang),
        "note": _text(guide.note, lang),
    }
    if today is not None:
        data["age_days"] = (today - guide.published_on).days
    return data


def _documents(item: ItemResult, lang: Lang | None, filing: Filing | None) -> list[dict[str, object]]:
    """The item's documents; with the filing, each with what was recorded of it (state, note, files by
    path), and after them the documents the clerk added or that left the list (`listed`: false)."""
    if filing is None:
        return [{"id": d.id, "text": _text(d.text, lang)} for d in item.documents]
    tracked = tracked_documents(item.documents, filing.documents.get(item.id, {}))
    return [
        {
            "id": d.id,
            "text": _text(d.text, lang),
            "state": d.record.state,
            "note": d.record.note,
            "files": [f.path or f.name for f in d.record.files],
            "listed": d.listed,
        }
        for d in tracked
    ]


def _filing_of_item(item: ItemResult, filing: Filing | None) -> dict[str, object]:
    if filing is None:
        return {}
    found = progress(tracked_documents(item.documents, filing.documents.get(item.id, {})))
    claim = filing.claim(item.id)
    return {
        "document_progress": {"total": found.total, "have": found.have, "missing": found.missing, "help": found.help},
        "claim": None if claim is None else claim_to_data(claim),
    }


def _from_history(found: FromHistory) -> dict[str, object]:
    return {
        "question": found.question,
        "amount": f"{found.amount:.2f}",
        "entries": [received_to_data(r) for r in found.entries],
        **({"items": list(found.items), "answer": list(found.ticked)} if found.items else {}),
    }


def assessment_to_data(
    result: Assessment, lang: Lang | None = "zh", today: dt.date | None = None, filing: Filing | None = None
) -> dict[str, Any]:
    """JSON-ready form. With a language, texts are plain strings (the command line's `--json`);
    with `lang=None`, both languages are kept (the snapshot a finalised assessment stores). With `today`,
    each window says whether it is open and how many days are left. With `filing`, each item carries its
    documents' states and files, their progress and its claim (the snapshot keeps none of these: they
    change after an assessment is finalised)."""
    start, end = result.period
    data = {
        "policy": {
            "id": result.pack_id,
            "version": result.pack_version,
            "hash": result.pack_hash,
            "title": _text(result.pack_title, lang),
            "valid_from": result.valid_from.isoformat(),
            "valid_to": result.valid_to.isoformat(),
            "period_from": start.isoformat(),
            "period_to": end.isoformat(),
            "period_label": _text(result.period_label, lang),
        },
        "assessed_on": result.assessed_on.isoformat(),
        "enterprise": {k: getattr(result.enterprise, k) for k in ("name", "credit_code", "town", "contact", "phone")},
        "total": f"{result.total:.2f}",
        "pending_total": f"{result.pending_total:.2f}",
        "warnings": _texts(result.warnings, lang),
        "notices": _texts(result.notices, lang),
        "disclaimer": _text(result.disclaimer, lang),
        "documents_note": _text(result.documents_note, lang),
        "guide": None if result.guide is None else _guide(result.guide, lang, today),
        "items": [
            {
                "id": i.id,
                "measure": i.measure_id,
                "article": i.article,
                "article_label": i.article_label,
                "measure_title": _text(i.measure_title, lang),
                "title": _text(i.title, lang),
                "claim_text": _text(i.claim, lang),
                "kind": i.kind,
                "status": i.status,
                "amount": _money(i.amount),
                "cap": _money(i.cap),
                "capped": i.capped,
                "basis": i.basis,
                "units": _texts(i.units, lang),
                "documents": _documents(i, lang, filing),
                "documents_source": _text(i.documents_source, lang) if i.documents else None,
                "documents_source_pack": _text(i.info.documents_source, lang),
                "method": i.info.method,
                "notes": _texts(i.notes, lang),
                "source": i.source,
                "steps": _texts(i.steps, lang),
                "reasons": _texts(i.reasons, lang),
                "fixed": i.fixed,
                "limits": [_limit(limit, lang) for limit in i.limits],
                "cap_note": None if (note := i.cap_note()) is None else _text(note, lang),
                "caps": [{"name": _text(name, lang), "amount": _money(amount)} for name, amount in i.info.caps],
                "readings": [_reading(r, lang) for r in i.info.readings],
                "decided_by": [_reading(r, lang) for r in i.decided_by],
                "ask": _text(i.ask, lang) if i.ask.zh else None,
                "application": None if i.item_guide is None else _item_guide_data(i.item_guide, lang, today),
                **_filing_of_item(i, filing),
            }
            for i in result.items
        ],
    }
    if result.from_history:
        data["from_history"] = [_from_history(f) for f in result.from_history]
    return data


def _read_text(value: object) -> Text:
    if isinstance(value, Mapping):
        return Text(str(value.get("zh", "")), str(value.get("en", "")))
    return Text(str(value))


def _read_texts(values: object) -> tuple[Text, ...]:
    return tuple(_read_text(v) for v in cast(list[object], values or []))


def _read_documents(values: object) -> tuple[Document, ...]:
    """A snapshot's documents: `{id, text}` each; a snapshot written before documents had ids holds their
    texts alone, which get ids by position (`document_1`…) so they can still be shown."""
    documents = []
    for position, value in enumerate(cast(list[object], values or []), start=1):
        if isinstance(value, Mapping) and "id" in value:
            documents.append(Document(str(value["id"]), _read_text(value.get("text", ""))))
        else:
            documents.append(Document(f"document_{position}", _read_text(value)))
    return tuple(documents)


def _read_money(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _read_reading(r: Mapping[str, Any]) -> Reading:
    return Reading(
        str(r.get("quote", "")),
        _read_text(r.get("reading", "")),
        _read_text(r.get("why", "")),
        _read_text(r.get("ask", "")),
        str(r.get("kind", "reading")),
        bool(r.get("decided", False)),
    )


def _read_limit(r: Mapping[str, Any]) -> Limit:
    return Limit(_read_text(r["name"]), _read_money(r.get("amount")), r["scope"], int(r["hits"]), int(r["of"]))


def _read_date_or_none(value: object) -> dt.date | None:
    return dt.date.fromisoformat(str(value)) if value else None


def _read_item_guide(a: Mapping[str, Any] | None, documents: tuple[Document, ...]) -> ItemGuide | None:
    """A snapshot's application back; the documents come worded (the effective list), so they replace."""
    if not a:
        return None
    window = a.get("window") or {}
    opens, closes = _read_date_or_none(window.get("opens")), _read_date_or_none(window.get("closes"))
    c = a.get("contact")
    contact = (
        None
        if not c
        else Contact(
            "",
            _read_text(c.get("office", "")),
            _read_text(c.get("address", "")),
            str(c.get("phone", "")),
            _read_text(c.get("seen", "")),
            _read_text(c.get("source", "")),
        )
    )
    # the list comes worded (the effective one): it replaces the pack's where the guide had changed it
    changed = bool(a.get("documents_changed", a.get("documents_replaced", False)))
    return ItemGuide(
        item="",
        window=Window(opens, closes) if closes else NOT_FOUND,
        channel=cast(Channel, a.get("channel", "not_published")),
        platform=_read_text(a.get("platform", "")),
        channel_note=_read_text(a.get("channel_note", "")),
        contact=contact,
        documents=documents if changed else None,
        note=_read_text(a.get("note", "")),
    )


def _read_item(i: Mapping[str, Any]) -> ItemResult:
    info = ItemInfo(
        id=i["id"],
        measure_id=i["measure"],
        article=int(i["article"]),
        article_label=i["article_label"],
        measure_title=_read_text(i["measure_title"]),
        title=_read_text(i["title"]),
        # "claim" held this sentence before items carried their claim record under that name
        claim=_read_text(i.get("claim_text", i.get("claim", ""))),
        kind=i["kind"],
        basis=i["basis"],
        units=_read_texts(i["units"]),
        documents=_read_documents(i["documents"]),
        notes=_read_texts(i.get("notes")),
        source=i.get("source", ""),
        fixed=bool(i.get("fixed", False)),
        readings=tuple(_read_reading(r) for r in i.get("readings", [])),
        caps=tuple((_read_text(c["name"]), Decimal(str(c["amount"]))) for c in i.get("caps", [])),
        documents_source=_read_text(i.get("documents_source_pack") or ""),
        # before issue 25 a snapshot said only whether the sum was fixed; every other figure was called a rate
        method=str(i.get("method") or ("fixed" if i.get("fixed") else "rate")),
    )
    return ItemResult.stored(
        info,
        i["status"],
        _read_money(i["amount"]),
        _read_money(i["cap"]),
        bool(i["capped"]),
        _read_texts(i["steps"]),
        _read_texts(i["reasons"]),
        tuple(_read_limit(r) for r in i.get("limits", [])),
        tuple(_read_reading(r) for r in i.get("decided_by", [])),
        _read_item_guide(i.get("application"), info.documents),
    )


def assessment_from_data(data: Mapping[str, Any]) -> Assessment:
    """Rebuild a stored snapshot (either form of `assessment_to_data`)."""
    policy = data["policy"]
    return Assessment(
        pack_id=policy["id"],
        pack_version=policy["version"],
        pack_hash=policy["hash"],
        pack_title=_read_text(policy["title"]),
        valid_from=dt.date.fromisoformat(policy["valid_from"]),
        valid_to=dt.date.fromisoformat(policy["valid_to"]),
        assessed_on=dt.date.fromisoformat(data["assessed_on"]),
        enterprise=Enterprise(**{k: v or "" for k, v in data.get("enterprise", {}).items()}),
        total=Decimal(data["total"]),
        warnings=_read_texts(data.get("warnings")),
        disclaimer=_read_text(data.get("disclaimer", "")),
        documents_note=_read_text(data.get("documents_note", "")),
        items=tuple(_read_item(i) for i in data["items"]),
        pending_total=Decimal(data.get("pending_total", "0")),
        period_from=_read_date(policy.get("period_from")),
        period_to=_read_date(policy.get("period_to")),
        period_label=_read_text(policy.get("period_label", "")),
        notices=_read_texts(data.get("notices")),
        guide=_read_guide(data.get("guide")),
        from_history=tuple(_read_from_history(f) for f in data.get("from_history", [])),
    )


def _read_from_history(f: Mapping[str, Any]) -> FromHistory:
    entries = tuple(
        Received(
            str(r["policy"]),
            str(r["item"]),
            Decimal(str(r["amount"])),
            dt.date.fromisoformat(str(r["paid_on"])),
            str(r.get("title", "")),
            str(r.get("note", "")),
        )
        for r in f.get("entries", [])
    )
    items = tuple(str(i) for i in f.get("items", []))
    ticked = tuple(str(i) for i in f.get("answer", []))
    return FromHistory(str(f["question"]), Decimal(str(f["amount"])), entries, items, ticked)


def _read_guide(g: Mapping[str, Any] | None) -> GuideInfo | None:
    if not g:
        return None
    return GuideInfo(
        str(g["id"]),
        _read_text(g.get("round", "")),
        dt.date.fromisoformat(str(g["published_on"])),
        bool(g.get("example", False)),
        _read_text(g.get("source", "")),
        _read_text(g.get("note", "")),
    )


def _read_date(value: object) -> dt.date | None:
    return dt.date.fromisoformat(str(value)) if value else None
