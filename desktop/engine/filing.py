"""From an estimate to money received: what an enterprise records of each application.

Per support item of an assessment, one application record:
- the documents the clerk keeps for it, each by the id the pack (or the guide) gives it: a state (已备 have,
  缺 missing, 需协助 help: someone else must produce it — the insurer, the bank, the bureau), a note, and the
  files attached to it, in order; a document the clerk adds (not on the item's list) carries its own title;
- the claim, followed from 准备中 through 已提交, 已受理 and 公示 to 已拨付 or 未获支持, or 免申即享 (paid
  without an application), with its dates, reference, channel and note.
And per enterprise, across years, the amounts received (`Received`): what a rule reads back as "already
received for the same thing" (a question with `from_history`) instead of asking again.

Plain data, no I/O: the answers file, the database and the window all hold these same objects.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Literal, get_args

from desktop.policy.model import Document, Lang, Pack, Text
from desktop.wording import vocabulary

DocumentState = Literal["have", "missing", "help"]
DOCUMENT_STATES: tuple[DocumentState, ...] = get_args(DocumentState)
ClaimState = Literal["preparing", "submitted", "accepted", "publicized", "paid", "rejected", "no_application"]
CLAIM_STATES: tuple[ClaimState, ...] = get_args(ClaimState)
WAITING_STATES: frozenset[ClaimState] = frozenset({"submitted", "accepted", "publicized", "no_application"})
"""A claim out of the enterprise's hands: filed (or not needing a filing), the money not yet there."""
CLOSED_STATES: frozenset[ClaimState] = frozenset({"paid", "rejected"})


def _words(prefix: str, keys: tuple[str, ...]) -> Mapping[str, Text]:
    return MappingProxyType({k: Text(*vocabulary.TERMS[f"{prefix}_{k}"]) for k in keys})


# the words for the states, from the one vocabulary the window, the papers and the exports share
DOCUMENT_STATE_WORDS: Mapping[str, Text] = _words("document", DOCUMENT_STATES)
CLAIM_STATE_WORDS: Mapping[str, Text] = _words("claim", CLAIM_STATES)


@dataclass(frozen=True)
class FileRef:
    """A file attached to a document. In an answers file: `path`, relative to the answers file. In the
    database: `stored` (the attachment's id) with its name, type, size, sha256, pages and when it came."""

    name: str
    path: str = ""
    stored: int | None = None
    media_type: str = ""
    size: int = 0
    sha256: str = ""
    pages: int = 0
    added_at: dt.datetime | None = None
    width: int = 0
    height: int = 0


@dataclass(frozen=True)
class DocumentRecord:
    """What the clerk recorded of one document of one item."""

    state: DocumentState = "missing"
    note: str = ""
    files: tuple[FileRef, ...] = ()
    title: str = ""
    """A document the clerk added, or one no longer on the item's list: its name (empty for a listed one)."""


@dataclass(frozen=True)
class Claim:
    """Where one application stands. Dates in the order the steps come; `paid_*` only once it is paid."""

    state: ClaimState = "preparing"
    submitted_on: dt.date | None = None
    channel: str = ""
    reference: str = ""
    accepted_on: dt.date | None = None
    publicized_from: dt.date | None = None
    publicized_to: dt.date | None = None
    paid_amount: Decimal | None = None
    paid_on: dt.date | None = None
    reason: str = ""
    note: str = ""


CLAIM_DATES = ("submitted_on", "accepted_on", "publicized_from", "publicized_to", "paid_on")
CLAIM_TEXTS = {"channel": 100, "reference": 100, "reason": 500, "note": 500}
"""The claim's text fields and their limits in characters (a platform's reference numbers are ~30)."""


@dataclass(frozen=True)
class Received:
    """An amount the enterprise received: under which pack and item, how much, when.

    From a paid claim of another assessment of the enterprise, or recorded by hand (a grant from before
    the program was used, or from another programme)."""

    policy: str
    item: str
    amount: Decimal
    paid_on: dt.date
    title: str = ""
    note: str = ""


def received_name(received: Received, pack: Pack | None, lang: Lang = "zh") -> str:
    """What an amount received was for, as a clerk reads it: the item's title where the pack is at hand
    (an item id means nothing to the clerk), with the title typed by hand after it; else that title, else
    the item's id."""
    found = pack.item(received.item) if pack is not None and pack.id == received.policy else None
    if found is None:
        return received.title or received.item
    name = found[1].title.get(lang)
    if not received.title or received.title == name:
        return name
    return f"{name}（{received.title}）" if lang != "en" else f"{name} ({received.title})"


@dataclass(frozen=True)
class Filing:
    """Everything recorded of an assessment's applications, and the enterprise's history it reads."""

    documents: Mapping[str, Mapping[str, DocumentRecord]] = field(default_factory=dict)
    """Item id → document id → record. A document without a record is missing."""
    claims: Mapping[str, Claim] = field(default_factory=dict)
    received: tuple[Received, ...] = ()
    """The enterprise's amounts received elsewhere (other assessments, other years, by hand)."""

    def record(self, item_id: str, document_id: str) -> DocumentRecord:
        return self.documents.get(item_id, {}).get(document_id, MISSING)

    def claim(self, item_id: str) -> Claim | None:
        return self.claims.get(item_id)

    @property
    def empty(self) -> bool:
        return not (self.documents or self.claims or self.received)

    def with_record(self, item_id: str, document_id: str, record: DocumentRecord) -> Filing:
        documents = {k: dict(v) for k, v in self.documents.items()}
        documents.setdefault(item_id, {})[document_id] = record
        return replace(self, documents=documents)

    def with_claim(self, item_id: str, claim: Claim | None) -> Filing:
        claims = dict(self.claims)
        if claim is None:
            claims.pop(item_id, None)
        else:
            claims[item_id] = claim
        return replace(self, claims=claims)


MISSING = DocumentRecord()
NO_FILING = Filing()


# -- the documents of one item -----------------------------------------------------------------------
@dataclass(frozen=True)
class TrackedDocument:
    """One line of an item's document list: the document (as the pack and guide word it, or as the clerk
    named it) with what was recorded of it. `listed`: on the item's current list."""

    id: str
    text: Text
    record: DocumentRecord
    listed: bool = True


def tracked_documents(documents: Iterable[Document], records: Mapping[str, DocumentRecord]) -> list[TrackedDocument]:
    """The item's documents in the list's order, then those the clerk added or that left the list (a newer
    pack or guide dropped them): nothing recorded or attached is ever hidden."""
    listed = [TrackedDocument(d.id, d.text, records.get(d.id, MISSING)) for d in documents]
    known = {d.id for d in listed}
    extra = [
        TrackedDocument(ident, Text(record.title or ident), record, listed=False)
        for ident, record in records.items()
        if ident not in known
    ]
    return [*listed, *extra]


@dataclass(frozen=True)
class Progress:
    """How far an item's documents are: counts by state (a document with no record is missing)."""

    total: int = 0
    have: int = 0
    missing: int = 0
    help: int = 0

    def __add__(self, other: Progress) -> Progress:
        return Progress(
            self.total + other.total, self.have + other.have, self.missing + other.missing, self.help + other.help
        )

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.have == self.total

    def text(self) -> Text:
        """ "6 项材料：已备 4，缺 1，需协助 1" (states with none left out)."""
        zh = [f"已备 {self.have}"]
        en = [f"{self.have} ready"]
        if self.missing:
            zh.append(f"缺 {self.missing}")
            en.append(f"{self.missing} missing")
        if self.help:
            zh.append(f"需协助 {self.help}")
            en.append(f"{self.help} need help")
        noun = "document" if self.total == 1 else "documents"
        return Text(f"{self.total} 项材料：{'，'.join(zh)}", f"{self.total} {noun}: {', '.join(en)}")


def progress(tracked: Iterable[TrackedDocument]) -> Progress:
    counts = {"have": 0, "missing": 0, "help": 0}
    total = 0
    for document in tracked:
        total += 1
        counts[document.record.state] += 1
    return Progress(total, counts["have"], counts["missing"], counts["help"])


# -- what a rule reads from the history ----------------------------------------------------------------
@dataclass(frozen=True)
class FromHistory:
    """An answer filled from the amounts received: the question, the sum, and the entries it came from;
    for an `items` question, the items those entries paid (`items`) and the answer with them ticked."""

    question: str
    amount: Decimal
    entries: tuple[Received, ...]
    items: tuple[str, ...] = ()
    ticked: tuple[str, ...] = ()
    """An items question's answer: the items ticked by hand and those the history paid, in the pack's order."""

    @property
    def answer(self) -> Decimal | list[str]:
        """What the rules read for the question."""
        return list(self.ticked) if self.items else self.amount


def history_answers(
    pack: Pack, received: Iterable[Received], answers: Mapping[str, Any] | None = None
) -> tuple[FromHistory, ...]:
    """For every question of the pack that reads the history (`from_history`): a money question gets the
    sum of the matching amounts received; an `items` question gets the pack's items that have an amount
    received under the packs it names ticked, besides those ticked by hand (`answers`). A question without
    a matching entry is asked as usual."""
    entries = tuple(received)
    found: list[FromHistory] = []
    if not entries:
        return ()
    for question in pack.questions:
        wanted = question.from_history
        if wanted is None:
            continue
        by_policy = tuple(r for r in entries if not wanted.policies or r.policy in wanted.policies)
        if question.type == "items":
            allowed = [c.value for c in question.choices if not wanted.items or c.value in wanted.items]
            matching = tuple(r for r in by_policy if r.item in allowed)
            paid = {r.item for r in matching}
            if not paid:
                continue
            typed = (answers or {}).get(question.id)
            chosen = paid | (set(typed) if isinstance(typed, list) else set())
            ticked = tuple(c.value for c in question.choices if c.value in chosen)
            total = sum((r.amount for r in matching), Decimal(0))
            found.append(FromHistory(question.id, total, matching, tuple(i for i in allowed if i in paid), ticked))
            continue
        matching = tuple(r for r in by_policy if r.item in wanted.items)
        if matching:
            found.append(FromHistory(question.id, sum((r.amount for r in matching), Decimal(0)), matching))
    return tuple(found)


def paid_claims_as_received(
    policy: str, claims: Mapping[str, Claim], titles: Mapping[str, str] | None = None
) -> tuple[Received, ...]:
    """The paid claims of one assessment as amounts received (what other assessments read back)."""
    titles = titles or {}
    return tuple(
        Received(policy, item, claim.paid_amount, claim.paid_on, titles.get(item, ""), claim.reference)
        for item, claim in sorted(claims.items())
        if claim.state == "paid" and claim.paid_amount is not None and claim.paid_on is not None
    )


def ready_documents(filing: Filing) -> frozenset[tuple[str, str]]:
    """(item, document) of every document recorded as ready: the checklist prints their boxes ticked."""
    return frozenset(
        (item, document)
        for item, records in filing.documents.items()
        for document, record in records.items()
        if record.state == "have"
    )


def claim_text(claim: Claim, lang: Lang) -> str:
    """A claim in a table cell: "已提交（2026-03-10）", "公示中（至 2026-06-04）",
    "已拨付 360,000.00 元（2026-05-20）"."""
    word = CLAIM_STATE_WORDS[claim.state].get(lang)
    detail = ""
    if claim.state == "paid" and claim.paid_amount is not None:
        word = f"{word} {vocabulary.yuan(claim.paid_amount, lang)}"
        detail = str(claim.paid_on or "")
    elif claim.state == "publicized" and claim.publicized_to is not None:
        detail = f"至 {claim.publicized_to}" if lang == "zh" else f"until {claim.publicized_to}"
    elif claim.state == "accepted" and claim.accepted_on is not None:
        detail = str(claim.accepted_on)
    elif claim.state == "submitted" and claim.submitted_on is not None:
        detail = str(claim.submitted_on)
    if not detail:
        return word
    return f"{word} ({detail})" if lang == "en" else f"{word}（{detail}）"
