"""The application records in an answers file: `documents`, `claims` and `received`, read and written.

    "documents": {"credit_insurance": {"premium_invoice_summary": {"state": "have", "note": "…",
                  "files": ["files/sinosure-2025.pdf"]}}},
    "claims": {"credit_insurance": {"state": "paid", "submitted_on": "2026-03-10", "reference": "…",
               "paid_amount": "360000.00", "paid_on": "2026-05-20", "note": ""}},
    "received": [{"policy": "zhongshan-2024", "item": "workshop", "amount": "200000.00",
                  "paid_on": "2024-06-01", "title": "…", "note": ""}]

Checked as strictly as the answers: every problem is one line naming the field. A file's path is relative
to the answers file, inside its folder (no absolute path, no `..`): an answers file from someone else must
not make the program read, store or print a file from elsewhere on the computer. Whether the file exists
and is what its name says is checked where it is read (`desktop.attachments`).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Mapping
from decimal import Decimal
from pathlib import PurePosixPath
from typing import Any, cast

from desktop.engine.file_values import file_date, file_money
from desktop.engine.filing import (
    CLAIM_DATES,
    CLAIM_STATES,
    CLAIM_TEXTS,
    DOCUMENT_STATES,
    NO_FILING,
    Claim,
    ClaimState,
    DocumentRecord,
    DocumentState,
    FileRef,
    Filing,
    Received,
)
from desktop.engine.limits import text_problem
from desktop.money import MoneyError
from desktop.policy.model import DOCUMENT_ID, Pack
from desktop.problems import At, Listed, Problem, ProblemError, Quoted, Term, bare, quote, suggestion

MAX_FILES_PER_DOCUMENT = 50
MAX_DOCUMENTS_PER_ITEM = 100
"""The item's listed documents (at most 15 in the bundled pack) and those the clerk added."""
MAX_PATH = 260
"""Characters of an attached file's path (Windows' classic limit)."""
MAX_NOTE = 500
MAX_TITLE = 200
MAX_RECEIVED = 1_000
"""Amounts received listed in one file: some twenty a year for a busy firm."""

_DRIVE = re.compile(r"^[A-Za-z]:")


def path_problem(text: str) -> Problem | None:
    """Why an attached file's path cannot be used, or None. Relative, within the answers file's folder."""
    if not text.strip():
        return Problem("filing.path_empty")
    if len(text) > MAX_PATH:
        return Problem("filing.path_long", count=f"{len(text):,}", limit=MAX_PATH)
    posix = text.replace("\\", "/")
    if posix.startswith("/") or _DRIVE.match(posix):
        return Problem("filing.path_absolute", path=quote(text))
    if any(part == ".." for part in PurePosixPath(posix).parts):
        return Problem("filing.path_up", path=quote(text))
    if any(ch in posix for ch in ':*?"<>|'):
        return Problem("filing.path_characters", path=quote(text))
    return None


def normal_path(text: str) -> str:
    """A path as the file records it: forward slashes, no `./`."""
    return str(PurePosixPath(text.replace("\\", "/")))


def _key(name: object) -> Quoted:
    return bare(str(name), 60)


def _at(*parts: str | Quoted) -> At:
    return At(parts)


class _Reader:
    def __init__(self, pack: Pack, today: dt.date, problems: list[Problem]) -> None:
        self.pack = pack
        self.today = today
        self.problems = problems

    def fail(self, where: At, problem: Problem) -> None:
        self.problems.append(problem.at(where))

    def mapping(self, value: object, where: At) -> Mapping[str, Any] | None:
        if isinstance(value, Mapping):
            return cast(Mapping[str, Any], value)
        self.fail(where, Problem("field.object"))
        return None

    def text(self, data: Mapping[str, Any], key: str, where: At, limit: int) -> str:
        value = data.get(key)
        if value is None:
            return ""
        if not isinstance(value, str):
            self.fail(where + f".{key}", Problem("answers.text_type", found=quote(value)))
            return ""
        problem = text_problem(value, limit, single_line=key not in ("note", "reason"))
        if problem is not None:
            self.fail(where + f".{key}", problem)
            return ""
        return value.strip()

    def date(self, data: Mapping[str, Any], key: str, where: At) -> dt.date | None:
        value = data.get(key)
        if value is None:
            return None
        try:
            return file_date(value)
        except ProblemError as exc:
            for problem in exc.problems:
                self.fail(where + f".{key}", problem)
            return None

    def money(self, data: Mapping[str, Any], key: str, where: At) -> Decimal | None:
        value = data.get(key)
        if value is None:
            return None
        try:
            return file_money(value)
        except MoneyError as exc:
            for problem in exc.problems:
                self.fail(where + f".{key}", problem)
            return None

    def unknown_keys(self, data: Mapping[str, Any], known: tuple[str, ...], where: At) -> None:
        for key in data:
            if key not in known:
                near = suggestion(str(key), known)
                self.fail(where + _at(".", _key(key)), Problem("field.unknown", suggestion=near))

    def item(self, item_id: object, where: str) -> bool:
        if isinstance(item_id, str) and self.pack.item(item_id) is not None:
            return True
        known = [i.id for _m, i in self.pack.items()]
        near = suggestion(str(item_id), known)
        self.fail(_at(where, ".", _key(item_id)), Problem("filing.unknown_item", suggestion=near))
        return False

    # -- documents ------------------------------------------------------------------------------------
    def documents(self, raw: object) -> dict[str, dict[str, DocumentRecord]]:
        data = self.mapping(raw, _at("documents"))
        result: dict[str, dict[str, DocumentRecord]] = {}
        for item_id, records in (data or {}).items():
            where = _at("documents.", _key(item_id))
            if not self.item(item_id, "documents"):
                continue
            by_id = self.mapping(records, where)
            if by_id is None:
                continue
            if len(by_id) > MAX_DOCUMENTS_PER_ITEM:
                too_many = Problem("filing.too_many_documents", count=f"{len(by_id):,}", limit=MAX_DOCUMENTS_PER_ITEM)
                self.fail(where, too_many)
                continue
            found = self.pack.item(item_id)
            assert found is not None
            listed = [d.id for d in found[1].documents]
            kept: dict[str, DocumentRecord] = {}
            for doc_id, raw_record in by_id.items():
                record = self.document(str(doc_id), raw_record, where + _at(".", _key(doc_id)), listed)
                if record is not None:
                    kept[str(doc_id)] = record
            if kept:
                result[item_id] = kept
        return result

    def document(self, doc_id: str, raw: object, where: At, listed: list[str]) -> DocumentRecord | None:
        if not re.fullmatch(DOCUMENT_ID, doc_id):
            self.fail(where, Problem("filing.document_id", suggestion=suggestion(doc_id, listed)))
            return None
        data = self.mapping(raw, where)
        if data is None:
            return None
        self.unknown_keys(data, ("state", "note", "files", "title"), where)
        title = self.text(data, "title", where, MAX_TITLE)
        if doc_id not in listed and not title:
            known = Listed(tuple(listed)) if listed else Term("nothing")
            near = suggestion(doc_id, listed)
            self.fail(where, Problem("filing.document_unlisted", known=known, suggestion=near))
            return None
        state = data.get("state", "missing")
        if state not in DOCUMENT_STATES:
            self.fail(where + ".state", Problem("filing.document_state", found=quote(state)))
            return None
        files = self.files(data.get("files", []), where + ".files")
        return DocumentRecord(cast(DocumentState, state), self.text(data, "note", where, MAX_NOTE), files, title)

    def files(self, raw: object, where: At) -> tuple[FileRef, ...]:
        if not isinstance(raw, list):
            self.fail(where, Problem("filing.files_type"))
            return ()
        if len(raw) > MAX_FILES_PER_DOCUMENT:
            self.fail(where, Problem("filing.too_many_files", count=f"{len(raw):,}", limit=MAX_FILES_PER_DOCUMENT))
            return ()
        found: list[FileRef] = []
        for index, value in enumerate(raw):
            at = where + f"[{index}]"
            if not isinstance(value, str):
                self.fail(at, Problem("filing.file_type", found=quote(value)))
                continue
            problem = path_problem(value)
            if problem is not None:
                self.fail(at, problem)
                continue
            path = normal_path(value)
            if any(f.path == path for f in found):
                self.fail(at, Problem("filing.file_twice", path=quote(value)))
                continue
            found.append(FileRef(name=PurePosixPath(path).name, path=path))
        return tuple(found)

    # -- claims ---------------------------------------------------------------------------------------
    def claims(self, raw: object) -> dict[str, Claim]:
        data = self.mapping(raw, _at("claims"))
        result: dict[str, Claim] = {}
        for item_id, raw_claim in (data or {}).items():
            if not self.item(item_id, "claims"):
                continue
            found = self.pack.item(item_id)
            assert found is not None
            where = _at(f"claims.{item_id}")
            if found[1].kind == "service":
                self.fail(where, Problem("filing.service"))
                continue
            claim = self.claim(raw_claim, where)
            if claim is not None:
                result[item_id] = claim
        return result

    def claim(self, raw: object, where: At) -> Claim | None:
        data = self.mapping(raw, where)
        if data is None:
            return None
        known = ("state", *CLAIM_DATES, *CLAIM_TEXTS, "paid_amount")
        self.unknown_keys(data, known, where)
        before = len(self.problems)
        state = data.get("state")
        if state not in CLAIM_STATES:
            allowed = Listed(CLAIM_STATES)
            self.fail(where + ".state", Problem("filing.claim_state", found=quote(state), allowed=allowed))
        dates = {key: self.date(data, key, where) for key in CLAIM_DATES}
        texts = {key: self.text(data, key, where, limit) for key, limit in CLAIM_TEXTS.items()}
        paid_amount = self.money(data, "paid_amount", where)
        if len(self.problems) > before:
            return None
        claim = Claim(
            state=cast(ClaimState, state),
            submitted_on=dates["submitted_on"],
            channel=texts["channel"],
            reference=texts["reference"],
            accepted_on=dates["accepted_on"],
            publicized_from=dates["publicized_from"],
            publicized_to=dates["publicized_to"],
            paid_amount=paid_amount,
            paid_on=dates["paid_on"],
            reason=texts["reason"],
            note=texts["note"],
        )
        for key, problem in claim_problems(claim, self.today):
            self.fail(where + f".{key}", problem)
        return None if len(self.problems) > before else claim

    # -- amounts received -----------------------------------------------------------------------------
    def received(self, raw: object) -> tuple[Received, ...]:
        if not isinstance(raw, list):
            self.fail(_at("received"), Problem("filing.received_type"))
            return ()
        if len(raw) > MAX_RECEIVED:
            too_many = Problem("answers.too_many_rows", count=f"{len(raw):,}", limit=f"{MAX_RECEIVED:,}")
            self.fail(_at("received"), too_many)
            return ()
        found: list[Received] = []
        for index, value in enumerate(raw):
            where = _at(f"received[{index}]")
            data = self.mapping(value, where)
            if data is None:
                continue
            self.unknown_keys(data, ("policy", "item", "amount", "paid_on", "title", "note"), where)
            before = len(self.problems)
            policy = self.text(data, "policy", where, 100)
            item = self.text(data, "item", where, 100)
            for key, value_ in (("policy", policy), ("item", item)):
                if not value_ and data.get(key) is None:
                    self.fail(where + f".{key}", Problem("field.missing"))
            amount = self.money(data, "amount", where)
            paid_on = self.date(data, "paid_on", where)
            if amount is None and "amount" not in data:
                self.fail(where + ".amount", Problem("field.missing"))
            if paid_on is None and "paid_on" not in data:
                self.fail(where + ".paid_on", Problem("field.missing"))
            if paid_on is not None and paid_on > self.today:
                after = Problem(
                    "claim.after_today", name=Term("claim_date_paid_on"), day=str(paid_on), today=str(self.today)
                )
                self.fail(where + ".paid_on", after)
            title = self.text(data, "title", where, MAX_TITLE)
            note = self.text(data, "note", where, MAX_NOTE)
            if len(self.problems) == before and amount is not None and paid_on is not None:
                found.append(Received(policy, item, amount, paid_on, title, note))
        return tuple(found)


def claim_problems(claim: Claim, today: dt.date) -> list[tuple[str, Problem]]:
    """What is inconsistent in a claim, each with the field it concerns: steps in their order, no step
    dated after today, and a payment only for a paid claim (the window refuses the same)."""
    problems: list[tuple[str, Problem]] = []
    if claim.state == "paid":
        if claim.paid_amount is None:
            problems.append(("paid_amount", Problem("claim.paid_needs_amount")))
        if claim.paid_on is None:
            problems.append(("paid_on", Problem("claim.paid_needs_date")))
    elif claim.paid_amount is not None or claim.paid_on is not None:
        field = "paid_amount" if claim.paid_amount is not None else "paid_on"
        problems.append((field, Problem("claim.only_paid")))
    if claim.paid_amount is not None and claim.paid_amount <= 0:
        problems.append(("paid_amount", Problem("claim.amount_positive")))
    for key in ("submitted_on", "accepted_on", "paid_on"):
        day = getattr(claim, key)
        if day is not None and day > today:
            problems.append((key, Problem("claim.after_today", name=_date_name(key), day=str(day), today=str(today))))
    order = [(k, getattr(claim, k)) for k in ("submitted_on", "accepted_on", "publicized_from", "paid_on")]
    dated = [(k, d) for k, d in order if d is not None]
    for (earlier, first), (later, second) in itertools.pairwise(dated):
        if second < first:
            problems.append((later, _before(later, second, earlier, first)))
    if claim.publicized_from and claim.publicized_to and claim.publicized_to < claim.publicized_from:
        problems.append(
            ("publicized_to", _before("publicized_to", claim.publicized_to, "publicized_from", claim.publicized_from))
        )
    return problems


def _date_name(key: str) -> Term:
    """The name of a date of a claim (提交日期, 拨付日期…), a term of the catalogue."""
    return Term(f"claim_date_{key}")


def _before(later: str, second: dt.date, earlier: str, first: dt.date) -> Problem:
    return Problem(
        "claim.before", later=_date_name(later), second=str(second), earlier=_date_name(earlier), first=str(first)
    )


def parse_filing(data: Mapping[str, Any], pack: Pack, today: dt.date, problems: list[Problem]) -> Filing:
    """The `documents`, `claims` and `received` parts of a decoded answers file (each may be absent)."""
    if not any(key in data for key in ("documents", "claims", "received")):
        return NO_FILING
    reader = _Reader(pack, today, problems)
    return Filing(
        documents=reader.documents(data["documents"]) if "documents" in data else {},
        claims=reader.claims(data["claims"]) if "claims" in data else {},
        received=reader.received(data["received"]) if "received" in data else (),
    )


def parse_received(
    raw: object, today: dt.date, problems: list[Problem], prefix: At | None = None
) -> tuple[Received, ...]:
    """A `received` list on its own (a pack's test case carries one, as an answers file does); `prefix` goes
    before each problem's place (`case[0]（name）.`)."""
    found: list[Problem] = []
    result = _Reader(cast(Pack, None), today, found).received(raw)  # the amounts received read no pack
    problems.extend(_prefixed(problem, prefix) for problem in found)
    return result


def _prefixed(problem: Problem, prefix: At | None) -> Problem:
    if not prefix or not problem.where or not isinstance(problem.where[0], At):
        return problem.at(prefix) if prefix else problem
    return problem.placed(prefix + problem.where[0], *problem.where[1:])


def _money(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def claim_to_data(claim: Claim) -> dict[str, object]:
    data: dict[str, object] = {"state": claim.state}
    for key in CLAIM_DATES:
        day = getattr(claim, key)
        if day is not None:
            data[key] = day.isoformat()
    for key in CLAIM_TEXTS:
        if getattr(claim, key):
            data[key] = getattr(claim, key)
    if claim.paid_amount is not None:
        data["paid_amount"] = _money(claim.paid_amount)
    return data


def record_to_data(record: DocumentRecord) -> dict[str, object]:
    data: dict[str, object] = {"state": record.state}
    if record.title:
        data["title"] = record.title
    if record.note:
        data["note"] = record.note
    data["files"] = [f.path or f.name for f in record.files]
    return data


def received_to_data(received: Received) -> dict[str, object]:
    data: dict[str, object] = {
        "policy": received.policy,
        "item": received.item,
        "amount": _money(received.amount),
        "paid_on": received.paid_on.isoformat(),
    }
    if received.title:
        data["title"] = received.title
    if received.note:
        data["note"] = received.note
    return data


def filing_to_data(filing: Filing) -> dict[str, object]:
    """The answers-file keys for the filing (none where nothing is recorded). Files by their `path`."""
    data: dict[str, object] = {}
    if filing.documents:
        data["documents"] = {
            item: {doc: record_to_data(record) for doc, record in records.items()}
            for item, records in filing.documents.items()
        }
    if filing.claims:
        data["claims"] = {item: claim_to_data(claim) for item, claim in filing.claims.items()}
    if filing.received:
        data["received"] = [received_to_data(r) for r in filing.received]
    return data
