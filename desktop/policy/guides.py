"""Application guides as data: when, where and with whom an enterprise applies for what a pack computed.

A policy says what can be claimed; a bureau's annual notice (申报指南) says when the window opens and
closes, where to file (the online platform, paper copies through the town office, the insurer on the
enterprise's behalf, or paid without application), whom to call, which documents it wants, and, for the
supports the text leaves unquantified, how much. A guide file holds that for one pack and one round;
several may exist for one pack (rounds, batches), and the newest applies unless the user picks another.

The format (TOML), checked like a pack, every problem named by file, entry and field:

    [guide]
    id = "zhongshan-2025-round-2026"
    pack = "zhongshan-2025"
    round = "2026 年申报（2025 年度）"
    published_on = 2026-03-01
    example = false                    # true: invented (trainings); said wherever it shows
    source = "市商务局关于申报……的通知"

    [[contacts]]
    id = "commerce"
    office = "中山市商务局"
    address = "中山市中山二路57号"
    phone = "(0760) 89892378"
    seen = "2026-03-01 通知"            # when and where the contact was seen: offices move
    source = "zs.gov.cn"

    [[items]]
    item = "credit_insurance"
    window = { opens = 2026-03-02, closes = 2026-04-10 }     # or "not_found": no window in the notices at hand
    channel = "insurer"                 # online | town_office | insurer | automatic | not_published
    platform = "广东财政惠企利民服务平台"  # for online
    contact = "commerce"
    documents_add = [{ id = "insurer_list", text = "…" }]   # a document the pack's list lacks
    documents_replace = [{ id = "application_form", text = "…" }]  # the pack's document, reworded
    documents_drop = ["bank_account_form"]                      # a pack document this round does not ask for
    # or documents = [...] to replace the pack's whole list (each with its id)
    amount = { fixed = "50000" }        # for a support the text leaves unquantified

    [[lists]]                           # what the round adds to a list of the pack (docs/policy-packs.md §16)
    list = "equipment_list"
    minimum = "10000"                   # e.g. only invoices from 10,000 yuan count
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal, cast

from desktop.policy.guide_limits import read_guide_toml
from desktop.policy.lists import GuideList, read_guide_lists
from desktop.policy.loader import PackError, Where, _Checker, _entry, read_documents
from desktop.policy.model import Basis, Document, Pack, Text
from desktop.policy.rules import Block
from desktop.policy.rules.reader import RuleReader
from desktop.problems import At, Listed, Problem, Term, suggestion

Channel = Literal["online", "town_office", "insurer", "automatic", "not_published"]
CHANNELS: tuple[Channel, ...] = ("online", "town_office", "insurer", "automatic", "not_published")
GUIDE_KEYS = ("id", "pack", "round", "round_en", "published_on", "example", "source", "source_en", "note", "note_en")
ITEM_KEYS = (
    "item",
    "window",
    "channel",
    "platform",
    "platform_en",
    "channel_note",
    "channel_note_en",
    "contact",
    "documents",
    "documents_add",
    "documents_replace",
    "documents_drop",
    "amount",
    "basis",
    "note",
    "note_en",
)
CONTACT_KEYS = ("id", "phone", *(k for base in ("office", "address", "seen", "source") for k in (base, f"{base}_en")))
GUIDE_PARTS = ("guide", "contacts", "defaults", "items", "lists")
EMPTY = Text("")


@dataclass(frozen=True)
class Contact:
    id: str
    office: Text
    address: Text = EMPTY
    phone: str = ""
    seen: Text = EMPTY
    source: Text = EMPTY


@dataclass(frozen=True)
class Window:
    """The application window, both days inclusive; None for both: none was found in the notices the guide's
    author had (on the guide's date). Never read as "not published": a notice may have come out since."""

    opens: dt.date | None
    closes: dt.date | None

    @property
    def published(self) -> bool:
        return self.closes is not None


NOT_FOUND = Window(None, None)
WINDOW_NOT_FOUND = ("not_found", "not_published")
"""How a guide says it found no window; older guides wrote "not_published" for the same thing."""


@dataclass(frozen=True)
class ItemGuide:
    """What the guide says of one item."""

    item: str
    window: Window = NOT_FOUND
    channel: Channel = "not_published"
    platform: Text = EMPTY
    channel_note: Text = EMPTY
    contact: Contact | None = None
    documents: tuple[Document, ...] | None = None  # replaces the pack's list when given
    documents_add: tuple[Document, ...] = ()
    documents_replace: tuple[Document, ...] = ()
    """The pack's documents of these ids, reworded (each keeps its place in the list)."""
    documents_drop: tuple[str, ...] = ()
    """Ids of the pack's documents this round does not ask for."""
    amount: Block | None = None
    basis: Basis = "up_to"
    note: Text = EMPTY

    @property
    def changes_documents(self) -> bool:
        """The guide changes the pack's list of documents (replaces, rewords, drops or adds to it)."""
        return bool(self.documents is not None or self.documents_add or self.documents_replace or self.documents_drop)

    def documents_for(self, pack_documents: tuple[Document, ...]) -> tuple[Document, ...]:
        """The documents to prepare: the pack's (or the guide's whole list), reworded, dropped and added to."""
        reworded = {d.id: d for d in self.documents_replace}
        base = self.documents if self.documents is not None else pack_documents
        kept = tuple(reworded.get(d.id, d) for d in base if d.id not in self.documents_drop)
        return (*kept, *self.documents_add)


@dataclass(frozen=True)
class Guide:
    id: str
    pack: str
    round: Text
    published_on: dt.date
    example: bool
    source: Text
    note: Text
    contacts: dict[str, Contact]
    items: dict[str, ItemGuide]
    default: ItemGuide
    hash: str
    path: str = ""
    lists: dict[str, GuideList] = field(default_factory=dict)
    """What the guide adds to the pack's lists (a minimum per invoice), by list id."""
    _defaults: dict[str, ItemGuide] = field(default_factory=dict, compare=False, repr=False)
    """The defaults as each item without an entry takes them, made once (assess asks for every item)."""

    def for_item(self, item_id: str) -> ItemGuide:
        """The item's entry, else the guide's defaults (its general contact, its window if one applies to all)."""
        found = self.items.get(item_id)
        if found is not None:
            return found
        made = self._defaults.get(item_id)
        if made is None:
            made = self._defaults[item_id] = replace(self.default, item=item_id)
        return made


class GuideError(PackError):
    """A guide that cannot be used; `problems` has one problem each, each naming file, entry and field."""


def _window(c: _Checker, data: Mapping[str, Any], where: Where) -> Window:
    raw = data.get("window", "not_found")
    if raw in WINDOW_NOT_FOUND:
        return NOT_FOUND
    if not isinstance(raw, Mapping):
        c.fail(where + ".window", Problem("guide.window"))
        return NOT_FOUND
    c.keys(raw, where + ".window", ("opens", "closes"))
    opens = c.date(raw, "opens", where + ".window")
    closes = c.date(raw, "closes", where + ".window")
    if dt.date.min not in (opens, closes) and closes < opens:
        c.fail(where + ".window.closes", Problem("guide.window_order", closes=str(closes), opens=str(opens)))
    return Window(opens, closes)


def _document_changes(
    c: _Checker, data: Mapping[str, Any], where: Where, pack_documents: tuple[Document, ...] | None, base: ItemGuide
) -> dict[str, Any]:
    """The entry's documents (`documents`, `documents_add`, `documents_replace`, `documents_drop`), checked
    against the item's documents in the pack (`None`: the defaults, which concern no one item)."""
    whole = read_documents(c, data, "documents", where) if "documents" in data else None
    added = read_documents(c, data, "documents_add", where) if "documents_add" in data else base.documents_add
    reworded = read_documents(c, data, "documents_replace", where)
    dropped_raw = data.get("documents_drop", [])
    if not (isinstance(dropped_raw, list) and all(isinstance(d, str) for d in dropped_raw)):
        c.fail(where + ".documents_drop", Problem("guide.document_ids"))
        dropped_raw = []
    dropped = tuple(dropped_raw)
    if whole is not None and (reworded or dropped):
        c.fail(where + ".documents", Problem("guide.documents_whole"))
    if pack_documents is not None:
        known = {d.id for d in (whole if whole is not None else pack_documents)}
        for kind, ids in (("documents_replace", [d.id for d in reworded]), ("documents_drop", list(dropped))):
            for ident in ids:
                if ident not in known:
                    listed = Listed(tuple(sorted(known))) if known else Term("nothing")
                    c.fail(where + f".{kind}", Problem("guide.document_unknown", value=repr(ident[:60]), known=listed))
        for doc in added:
            if doc.id in known:
                c.fail(where + ".documents_add", Problem("guide.document_listed", value=doc.id))
    return {"documents": whole, "documents_add": added, "documents_replace": reworded, "documents_drop": dropped}


def _contact(c: _Checker, data: Mapping[str, Any], where: Where) -> Contact:
    c.keys(data, where, CONTACT_KEYS)
    phone = c.string(data, "phone", where, required=False)
    if phone and not all(ch.isdigit() or ch in " ()+-—–,、/转" for ch in phone):
        c.fail(where + ".phone", Problem("guide.phone", value=repr(phone[:40])))
    return Contact(
        id=c.string(data, "id", where),
        office=c.text(data, "office", where),
        address=c.text(data, "address", where, required=False),
        phone=phone,
        seen=c.text(data, "seen", where),
        source=c.text(data, "source", where),
    )


def _item(
    c: _Checker,
    data: Mapping[str, Any],
    where: Where,
    pack: Pack,
    contacts: Mapping[str, Contact],
    *,
    default: bool = False,
    base: ItemGuide | None = None,
) -> ItemGuide:
    """One `[[items]]` entry, or (`default`) the `[defaults]`: what an item's entry leaves out (its window,
    channel, contact, notes) is taken from `base`, the defaults."""
    per_item = ("item", "amount", "documents", "documents_replace", "documents_drop")
    allowed = ITEM_KEYS if not default else tuple(k for k in ITEM_KEYS if k not in per_item)
    for key in data:
        if key not in allowed:
            if default and key in ITEM_KEYS:
                c.fail(where + f".{key}", Problem("guide.item_only"))
            else:
                c.fail(where + f".{key}", Problem("field.unknown", suggestion=suggestion(str(key), allowed)))
    item_id = "" if default else c.string(data, "item", where)
    found = pack.item(item_id) if item_id else None
    if item_id and found is None:
        c.fail(where + ".item", Problem("guide.item_unknown", pack=pack.id, value=repr(item_id)))
    base = base or ItemGuide("")
    channel = cast(Channel, c.choice_of(data, "channel", where, CHANNELS, base.channel))
    platform = c.text(data, "platform", where, required=False) if "platform" in data else base.platform
    if channel == "online" and not platform.zh:
        c.fail(where + ".platform", Problem("guide.platform"))
    contact = base.contact
    if "contact" in data:
        name = data["contact"]
        contact = contacts.get(name) if isinstance(name, str) else None
        if contact is None:
            c.fail(where + ".contact", Problem("guide.contact_unknown", value=repr(name)))
    amount: Block | None = None
    if "amount" in data:
        if found is not None and found[1].kind != "unquantified":
            c.fail(where + ".amount", Problem("guide.amount", item=item_id, kind=found[1].kind))
        else:
            reader = RuleReader(c, {q.id: q for q in pack.questions}, set(pack.interpretations))
            amount = reader.rule(data["amount"], where + ".amount")
    documents = _document_changes(c, data, where, None if found is None else found[1].documents, base)
    text = {
        key: c.text(data, key, where, required=False) if key in data else getattr(base, key)
        for key in ("channel_note", "note")
    }
    return ItemGuide(
        item=item_id,
        window=_window(c, data, where) if "window" in data else base.window,
        channel=channel,
        platform=platform,
        channel_note=text["channel_note"],
        contact=contact,
        **documents,
        amount=amount,
        basis=cast(Basis, c.choice_of(data, "basis", where, ("exact", "up_to"), "up_to")),
        note=text["note"],
    )


def load_guide_text(content: bytes, source: str, packs: Mapping[str, Pack], path: str = "") -> Guide:
    """Build a guide from a file's bytes; `packs` are the packs by id (the newest version of each)."""
    data, problems = read_guide_toml(content, source)  # size, nesting, numbers, texts, dates first
    if problems:
        raise GuideError(source, problems)
    c = _Checker(source)
    head = c.table(data, "guide", "")
    c.keys(head, "[guide]", GUIDE_KEYS)
    for key in data:
        if key not in GUIDE_PARTS:
            c.fail(key, Problem("guide.part", suggestion=suggestion(str(key), GUIDE_PARTS)))
    pack_id = c.string(head, "pack", "[guide]")
    pack = packs.get(pack_id)
    if pack_id and pack is None:
        known = Listed(tuple(sorted(packs))) if packs else Term("nothing")
        c.fail("[guide].pack", Problem("guide.pack_unknown", value=repr(pack_id), known=known))
    example = head.get("example", False)
    if not isinstance(example, bool):
        c.fail("[guide].example", Problem("pack.bool_type"))
        example = False
    contacts: dict[str, Contact] = {}
    for i, raw in enumerate(c.tables(data, "contacts", "")):
        contact = _contact(c, raw, _entry("contacts", i, raw))
        if contact.id in contacts:
            c.fail(_entry("contacts", i, raw) + ".id", Problem("guide.contact_twice", value=contact.id))
        contacts[contact.id] = contact
    items: dict[str, ItemGuide] = {}
    default = ItemGuide("")
    lists: dict[str, GuideList] = {}
    if pack is not None:
        lists = read_guide_lists(c, data, pack)
        defaults = c.table(data, "defaults", "")
        if defaults:
            default = _item(c, defaults, "[defaults]", pack, contacts, default=True)
        for doc in default.documents_add:  # the defaults add to every item's list: no id may be there already
            for _measure, pack_item in pack.items():
                if doc.id in {d.id for d in pack_item.documents}:
                    listed_twice = Problem("guide.default_document", value=doc.id, item=pack_item.id)
                    c.fail("[defaults].documents_add", listed_twice)
        for i, raw in enumerate(c.tables(data, "items", "")):
            where = At.entry(f"items[{i}]", raw.get("item"))
            entry = _item(c, raw, where, pack, contacts, base=default)
            if entry.item in items:
                c.fail(where + ".item", Problem("guide.item_twice", value=entry.item))
            items[entry.item] = entry
    guide = Guide(
        id=c.string(head, "id", "[guide]"),
        pack=pack_id,
        round=c.text(head, "round", "[guide]"),
        published_on=c.date(head, "published_on", "[guide]"),
        example=example,
        source=c.text(head, "source", "[guide]"),
        note=c.text(head, "note", "[guide]", required=False),
        contacts=contacts,
        items=items,
        default=default,
        hash=hashlib.sha256(content).hexdigest(),
        path=path,
        lists=lists,
    )
    if c.problems:
        raise GuideError(source, c.problems)
    return guide


# -- the state of a window on a given day --------------------------------------------------------------
WindowStatus = Literal["open", "upcoming", "closed", "not_found"]


@dataclass(frozen=True)
class WindowState:
    status: WindowStatus
    days_left: int | None  # open: days until it closes (0: closes today); upcoming: days until it opens
    window: Window


def window_state(window: Window, today: dt.date) -> WindowState:
    if window.closes is None:
        return WindowState("not_found", None, window)
    if today > window.closes:
        return WindowState("closed", None, window)
    if window.opens is not None and today < window.opens:
        return WindowState("upcoming", (window.opens - today).days, window)
    return WindowState("open", (window.closes - today).days, window)
