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
import difflib
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
from desktop.engine.money import MoneyError
from desktop.policy.model import DOCUMENT_ID, Pack
from desktop.quoting import clip, quoted, visible

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


def path_problem(text: str) -> str | None:
    """Why an attached file's path cannot be used, or None. Relative, within the answers file's folder."""
    if not text.strip():
        return "文件路径为空"
    if len(text) > MAX_PATH:
        return f"文件路径过长（{len(text):,} 个字符，最多 {MAX_PATH}）"
    posix = text.replace("\\", "/")
    if posix.startswith("/") or _DRIVE.match(posix):
        return f"文件路径 {quoted(text)} 应相对于答卷文件所在的文件夹，不能是绝对路径"
    if any(part == ".." for part in PurePosixPath(posix).parts):
        return f"文件路径 {quoted(text)} 不能用“..”指向答卷文件所在文件夹以外"
    if any(ch in posix for ch in ':*?"<>|'):
        return f"文件路径 {quoted(text)} 含有文件名中不允许的字符"
    return None


def normal_path(text: str) -> str:
    """A path as the file records it: forward slashes, no `./`."""
    return str(PurePosixPath(text.replace("\\", "/")))


def _suggest(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.5) if len(name) <= 100 else []
    return f"；是否应为 {close[0]}？" if close else ""


def _key(name: object) -> str:
    return visible(clip(str(name), 60))


class _Reader:
    def __init__(self, pack: Pack, today: dt.date, problems: list[str]) -> None:
        self.pack = pack
        self.today = today
        self.problems = problems

    def fail(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    def mapping(self, value: object, where: str) -> Mapping[str, Any] | None:
        if isinstance(value, Mapping):
            return cast(Mapping[str, Any], value)
        self.fail(where, "应为对象（{...}）")
        return None

    def text(self, data: Mapping[str, Any], key: str, where: str, limit: int) -> str:
        value = data.get(key)
        if value is None:
            return ""
        if not isinstance(value, str):
            self.fail(f"{where}.{key}", f"应为文字，实际为 {quoted(value)}")
            return ""
        problem = text_problem(value, limit, single_line=key not in ("note", "reason"))
        if problem is not None:
            self.fail(f"{where}.{key}", problem)
            return ""
        return value.strip()

    def date(self, data: Mapping[str, Any], key: str, where: str) -> dt.date | None:
        value = data.get(key)
        if value is None:
            return None
        try:
            return file_date(value)
        except ValueError as exc:
            self.fail(f"{where}.{key}", str(exc))
            return None

    def money(self, data: Mapping[str, Any], key: str, where: str) -> Decimal | None:
        value = data.get(key)
        if value is None:
            return None
        try:
            return file_money(value)
        except MoneyError as exc:
            self.fail(f"{where}.{key}", str(exc))
            return None

    def unknown_keys(self, data: Mapping[str, Any], known: tuple[str, ...], where: str) -> None:
        for key in data:
            if key not in known:
                self.fail(f"{where}.{_key(key)}", "未知的字段" + _suggest(str(key), list(known)))

    def item(self, item_id: object, where: str) -> bool:
        if isinstance(item_id, str) and self.pack.item(item_id) is not None:
            return True
        known = [i.id for _m, i in self.pack.items()]
        self.fail(f"{where}.{_key(item_id)}", "未知的支持项目编号" + _suggest(str(item_id), known))
        return False

    # -- documents ------------------------------------------------------------------------------------
    def documents(self, raw: object) -> dict[str, dict[str, DocumentRecord]]:
        data = self.mapping(raw, "documents")
        result: dict[str, dict[str, DocumentRecord]] = {}
        for item_id, records in (data or {}).items():
            where = f"documents.{_key(item_id)}"
            if not self.item(item_id, "documents"):
                continue
            by_id = self.mapping(records, where)
            if by_id is None:
                continue
            if len(by_id) > MAX_DOCUMENTS_PER_ITEM:
                self.fail(where, f"材料过多（{len(by_id):,} 项，最多 {MAX_DOCUMENTS_PER_ITEM} 项）")
                continue
            found = self.pack.item(item_id)
            assert found is not None
            listed = [d.id for d in found[1].documents]
            kept: dict[str, DocumentRecord] = {}
            for doc_id, raw_record in by_id.items():
                record = self.document(str(doc_id), raw_record, f"{where}.{_key(doc_id)}", listed)
                if record is not None:
                    kept[str(doc_id)] = record
            if kept:
                result[item_id] = kept
        return result

    def document(self, doc_id: str, raw: object, where: str, listed: list[str]) -> DocumentRecord | None:
        if not re.fullmatch(DOCUMENT_ID, doc_id):
            self.fail(where, "材料编号应由小写英文字母、数字和下划线组成，以字母开头" + _suggest(doc_id, listed))
            return None
        data = self.mapping(raw, where)
        if data is None:
            return None
        self.unknown_keys(data, ("state", "note", "files", "title"), where)
        title = self.text(data, "title", where, MAX_TITLE)
        if doc_id not in listed and not title:
            known = "、".join(listed) or "无"
            self.fail(
                where,
                f"该支持项目的材料清单中没有这一项（清单：{known}）{_suggest(doc_id, listed)}；"
                "自行添加的材料请写明 title（材料名称）",
            )
            return None
        state = data.get("state", "missing")
        if state not in DOCUMENT_STATES:
            allowed = "have（已备）、missing（缺）或 help（需协助）"
            self.fail(f"{where}.state", f"未知的状态 {quoted(state)}，应为 {allowed}之一")
            return None
        files = self.files(data.get("files", []), f"{where}.files")
        return DocumentRecord(cast(DocumentState, state), self.text(data, "note", where, MAX_NOTE), files, title)

    def files(self, raw: object, where: str) -> tuple[FileRef, ...]:
        if not isinstance(raw, list):
            self.fail(where, "应为文件路径的数组（[...]）")
            return ()
        if len(raw) > MAX_FILES_PER_DOCUMENT:
            self.fail(where, f"文件过多（{len(raw):,} 个，最多 {MAX_FILES_PER_DOCUMENT} 个）")
            return ()
        found: list[FileRef] = []
        for index, value in enumerate(raw):
            at = f"{where}[{index}]"
            if not isinstance(value, str):
                self.fail(at, f"应为文件路径（文字），实际为 {quoted(value)}")
                continue
            problem = path_problem(value)
            if problem is not None:
                self.fail(at, problem)
                continue
            path = normal_path(value)
            if any(f.path == path for f in found):
                self.fail(at, f"文件 {quoted(value)} 在同一项材料中列了两次")
                continue
            found.append(FileRef(name=PurePosixPath(path).name, path=path))
        return tuple(found)

    # -- claims ---------------------------------------------------------------------------------------
    def claims(self, raw: object) -> dict[str, Claim]:
        data = self.mapping(raw, "claims")
        result: dict[str, Claim] = {}
        for item_id, raw_claim in (data or {}).items():
            if not self.item(item_id, "claims"):
                continue
            found = self.pack.item(item_id)
            assert found is not None
            where = f"claims.{item_id}"
            if found[1].kind == "service":
                self.fail(where, "这是一项服务，无需申报，不能记录申报进度")
                continue
            claim = self.claim(raw_claim, where)
            if claim is not None:
                result[item_id] = claim
        return result

    def claim(self, raw: object, where: str) -> Claim | None:
        data = self.mapping(raw, where)
        if data is None:
            return None
        known = ("state", *CLAIM_DATES, *CLAIM_TEXTS, "paid_amount")
        self.unknown_keys(data, known, where)
        before = len(self.problems)
        state = data.get("state")
        if state not in CLAIM_STATES:
            allowed = "、".join(CLAIM_STATES)
            self.fail(f"{where}.state", f"未知的申报状态 {quoted(state)}，应为 {allowed} 之一")
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
        for problem in claim_problems(claim, self.today):
            self.fail(f"{where}.{problem[0]}", problem[1])
        return None if len(self.problems) > before else claim

    # -- amounts received -----------------------------------------------------------------------------
    def received(self, raw: object) -> tuple[Received, ...]:
        if not isinstance(raw, list):
            self.fail("received", "应为已获拨付记录的数组（[...]）")
            return ()
        if len(raw) > MAX_RECEIVED:
            self.fail("received", f"记录过多（{len(raw):,} 条，最多 {MAX_RECEIVED:,} 条）")
            return ()
        found: list[Received] = []
        for index, value in enumerate(raw):
            where = f"received[{index}]"
            data = self.mapping(value, where)
            if data is None:
                continue
            self.unknown_keys(data, ("policy", "item", "amount", "paid_on", "title", "note"), where)
            before = len(self.problems)
            policy = self.text(data, "policy", where, 100)
            item = self.text(data, "item", where, 100)
            for key, value_ in (("policy", policy), ("item", item)):
                if not value_ and data.get(key) is None:
                    self.fail(f"{where}.{key}", "缺少此字段")
            amount = self.money(data, "amount", where)
            paid_on = self.date(data, "paid_on", where)
            if amount is None and "amount" not in data:
                self.fail(f"{where}.amount", "缺少此字段")
            if paid_on is None and "paid_on" not in data:
                self.fail(f"{where}.paid_on", "缺少此字段")
            if paid_on is not None and paid_on > self.today:
                self.fail(f"{where}.paid_on", f"拨付日期 {paid_on} 晚于今天（{self.today}）")
            title = self.text(data, "title", where, MAX_TITLE)
            note = self.text(data, "note", where, MAX_NOTE)
            if len(self.problems) == before and amount is not None and paid_on is not None:
                found.append(Received(policy, item, amount, paid_on, title, note))
        return tuple(found)


def claim_problems(claim: Claim, today: dt.date) -> list[tuple[str, str]]:
    """What is inconsistent in a claim, each with the field it concerns: steps in their order, no step
    dated after today, and a payment only for a paid claim (the window refuses the same)."""
    problems: list[tuple[str, str]] = []
    if claim.state == "paid":
        if claim.paid_amount is None:
            problems.append(("paid_amount", "已拨付的申报须填写拨付金额"))
        if claim.paid_on is None:
            problems.append(("paid_on", "已拨付的申报须填写拨付日期"))
    elif claim.paid_amount is not None or claim.paid_on is not None:
        field = "paid_amount" if claim.paid_amount is not None else "paid_on"
        problems.append((field, "只有已拨付（paid）的申报才有拨付金额和日期"))
    if claim.paid_amount is not None and claim.paid_amount <= 0:
        problems.append(("paid_amount", "拨付金额应大于 0"))
    for key in ("submitted_on", "accepted_on", "paid_on"):
        day = getattr(claim, key)
        if day is not None and day > today:
            problems.append((key, f"{CLAIM_DATE_NAMES[key]} {day} 晚于今天（{today}）"))
    order = [(k, getattr(claim, k)) for k in ("submitted_on", "accepted_on", "publicized_from", "paid_on")]
    dated = [(k, d) for k, d in order if d is not None]
    for (earlier, first), (later, second) in itertools.pairwise(dated):
        if second < first:
            problems.append((later, f"{CLAIM_DATE_NAMES[later]} {second} 早于{CLAIM_DATE_NAMES[earlier]} {first}"))
    if claim.publicized_from and claim.publicized_to and claim.publicized_to < claim.publicized_from:
        problems.append(("publicized_to", f"公示结束日 {claim.publicized_to} 早于公示开始日 {claim.publicized_from}"))
    return problems


CLAIM_DATE_NAMES = {
    "submitted_on": "提交日期",
    "accepted_on": "受理日期",
    "publicized_from": "公示开始日",
    "publicized_to": "公示结束日",
    "paid_on": "拨付日期",
}


def parse_filing(data: Mapping[str, Any], pack: Pack, today: dt.date, problems: list[str]) -> Filing:
    """The `documents`, `claims` and `received` parts of a decoded answers file (each may be absent)."""
    if not any(key in data for key in ("documents", "claims", "received")):
        return NO_FILING
    reader = _Reader(pack, today, problems)
    return Filing(
        documents=reader.documents(data["documents"]) if "documents" in data else {},
        claims=reader.claims(data["claims"]) if "claims" in data else {},
        received=reader.received(data["received"]) if "received" in data else (),
    )


def parse_received(raw: object, today: dt.date, problems: list[str], prefix: str = "") -> tuple[Received, ...]:
    """A `received` list on its own (a pack's test case carries one, as an answers file does)."""
    found: list[str] = []
    result = _Reader(cast(Pack, None), today, found).received(raw)  # the amounts received read no pack
    problems.extend(f"{prefix}{p}" for p in found)
    return result


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
