"""Test cases for a pack, as data: answers in, expected results out (`python -m desktop pack test`).

A case file is TOML with `[[case]]` tables:

    [[case]]
    name = "credit insurance: 1,200,000 premium gives 360,000"
    assessed_on = 2025-11-30            # optional
    [case.answers]
    credit_insurance_product = "general"
    credit_insurance_premium = "1200000"
    [case.expect.credit_insurance]      # one table per item checked
    status = "eligible"
    amount = "360000.00"                # "none" for no figure
    steps_contain = ["× 30% = 360,000.00 元"]
    [case.expect]
    total = "360000.00"

The pack's author runs them before handing a pack out; the project's own cases (tests/cases/) run
through this same code.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from desktop.engine.answers import validate_answers
from desktop.engine.evaluate import assess
from desktop.engine.filing import Received
from desktop.engine.filing_file import parse_received
from desktop.engine.result import Assessment, ItemResult
from desktop.policy.model import Pack

DEFAULT_DAY = dt.date(2025, 11, 30)
CASE_KEYS = {"name", "answers", "expect", "assessed_on", "received"}
ITEM_KEYS = {
    "status",
    "amount",
    "cap",
    "capped",
    "cap_note",
    "basis",
    "steps_contain",
    "steps_exclude",
    "reasons_contain",
    "readings_contain",
    "ask_contains",
}
TOTAL_KEYS = {"total", "pending_total", "warnings", "warnings_contain", "notices_contain"}


class CaseFileError(Exception):
    """A case file that cannot be run; `problems` name the file, the case and the field."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class Case:
    source: str
    name: str
    answers: Mapping[str, Any]
    expect: Mapping[str, Any]
    assessed_on: dt.date
    received: tuple[Received, ...] = ()
    """Amounts the enterprise received elsewhere (`[[case.received]]`), read by `from_history` questions."""


@dataclass(frozen=True)
class Failure:
    """One expectation not met: where, what was expected, what came out."""

    source: str
    case: str
    where: str
    expected: str
    actual: str

    def __str__(self) -> str:
        return f"{self.source}: {self.case}: {self.where}: 应为 {self.expected}，实际为 {self.actual}"


def load_cases(path: Path) -> list[Case]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CaseFileError([f"{path.name}: 无法读取文件：{exc.strerror or exc}"]) from None
    except UnicodeDecodeError:
        raise CaseFileError([f"{path.name}: 文件不是 UTF-8 编码"]) from None
    except tomllib.TOMLDecodeError as exc:
        raise CaseFileError([f"{path.name}: TOML 语法错误：{exc}"]) from None
    raw = data.get("case")
    if not isinstance(raw, list) or not all(isinstance(c, Mapping) for c in raw):
        raise CaseFileError([f"{path.name}: 应有 [[case]] 表"])
    problems: list[str] = []
    cases: list[Case] = []
    for index, entry in enumerate(raw):
        where = f"{path.name}: case[{index}]"
        name = entry.get("name")
        if not isinstance(name, str) or not name:
            problems.append(f"{where}.name: 缺少用例名称")
            name = f"case[{index}]"
        for key in set(entry) - CASE_KEYS:
            problems.append(f"{where}（{name}）.{key}: 未知的字段")
        expect = entry.get("expect", {})
        if not isinstance(expect, Mapping):
            problems.append(f"{where}（{name}）.expect: 应为表")
            expect = {}
        for key, wanted in expect.items():
            if isinstance(wanted, Mapping):
                for unknown in set(wanted) - ITEM_KEYS:
                    problems.append(
                        f"{where}（{name}）.expect.{key}.{unknown}: 未知的期望（可用：{', '.join(sorted(ITEM_KEYS))}）"
                    )
            elif key not in TOTAL_KEYS:
                problems.append(f"{where}（{name}）.expect.{key}: 未知的期望")
        day = entry.get("assessed_on", DEFAULT_DAY)
        if not isinstance(day, dt.date):
            problems.append(f"{where}（{name}）.assessed_on: 应为日期")
            day = DEFAULT_DAY
        received = parse_received(entry.get("received", []), day, problems, f"{where}（{name}）.")
        cases.append(Case(path.name, name, entry.get("answers", {}), expect, day, received))
    if problems:
        raise CaseFileError(problems)
    return cases


def _money(text: object) -> Decimal | None:
    if text == "none":
        return None
    try:
        return Decimal(str(text))
    except InvalidOperation:
        return Decimal("NaN")


def _shown(value: object) -> str:
    if value is None:
        return "none"
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return str(value)


def run_case(pack: Pack, case: Case) -> list[Failure]:
    """Every expectation of the case that the pack does not meet (empty: the case passes)."""
    answers, problems = validate_answers(pack, case.answers)
    if problems:
        return [Failure(case.source, case.name, "answers", "有效的回答", problem) for problem in problems]
    result = assess(pack, answers, assessed_on=case.assessed_on, received=case.received)
    failures: list[Failure] = []

    def fail(where: str, expected: object, actual: object) -> None:
        failures.append(Failure(case.source, case.name, where, _shown(expected), _shown(actual)))

    for item_id, wanted in case.expect.items():
        if not isinstance(wanted, Mapping):
            continue
        try:
            item = result.item(item_id)
        except StopIteration:
            fail(item_id, "政策包中的支持项", "没有此支持项")
            continue
        failures.extend(_item_failures(case, item, wanted))
    _total_failures(result, case.expect, fail)
    return failures


def _item_failures(case: Case, item: ItemResult, wanted: Mapping[str, Any]) -> list[Failure]:
    found: list[Failure] = []

    def fail(key: str, expected: object, actual: object) -> None:
        found.append(Failure(case.source, case.name, f"{item.id}.{key}", _shown(expected), _shown(actual)))

    if "status" in wanted and item.status != wanted["status"]:
        reasons = "；".join(r.zh for r in item.reasons)
        fail("status", wanted["status"], f"{item.status}（{reasons}）" if reasons else item.status)
    for key in ("amount", "cap"):
        if key in wanted and getattr(item, key) != _money(wanted[key]):
            fail(key, _money(wanted[key]), getattr(item, key))
    if "capped" in wanted and item.capped is not wanted["capped"]:
        fail("capped", wanted["capped"], item.capped)
    if "basis" in wanted and item.basis != wanted["basis"]:
        fail("basis", wanted["basis"], item.basis)
    if "cap_note" in wanted:
        note = item.cap_note()
        if wanted["cap_note"] == "none":
            if note is not None:
                fail("cap_note", "none", note.zh)
        elif note is None or wanted["cap_note"] not in f"{note.zh} || {note.en}":
            fail("cap_note", f"含有“{wanted['cap_note']}”", note.zh if note else None)
    readings = " | ".join(f"{r.reading.zh} {r.why.zh} {r.reading.en}" for r in item.readings)
    for fragment in wanted.get("readings_contain", []):
        if fragment not in readings:
            fail("readings_contain", f"含有“{fragment}”", readings)
    if "ask_contains" in wanted and wanted["ask_contains"] not in f"{item.ask.zh} {item.ask.en}":
        fail("ask_contains", wanted["ask_contains"], item.ask.zh)
    for key, texts in (("steps", item.steps), ("reasons", item.reasons)):
        joined = " | ".join(t.zh for t in texts) + " || " + " | ".join(t.en for t in texts)
        for fragment in wanted.get(f"{key}_contain", []):
            if fragment not in joined:
                fail(f"{key}_contain", f"含有“{fragment}”", joined)
        for fragment in wanted.get(f"{key}_exclude", []):
            if fragment in joined:
                fail(f"{key}_exclude", f"不含“{fragment}”", joined)
    return found


def _total_failures(result: Assessment, expect: Mapping[str, Any], fail: Any) -> None:
    if "total" in expect and result.total != _money(expect["total"]):
        fail("total", _money(expect["total"]), result.total)
    if "pending_total" in expect and result.pending_total != _money(expect["pending_total"]):
        fail("pending_total", _money(expect["pending_total"]), result.pending_total)
    for fragment in expect.get("notices_contain", []):
        if not any(fragment in n.zh for n in result.notices):
            fail("notices_contain", fragment, " | ".join(n.zh for n in result.notices))
    if "warnings" in expect and len(result.warnings) != expect["warnings"]:
        fail("warnings", expect["warnings"], len(result.warnings))
    for fragment in expect.get("warnings_contain", []):
        if not any(fragment in w.zh for w in result.warnings):
            fail("warnings_contain", fragment, " | ".join(w.zh for w in result.warnings))


def cases_beside(pack_path: Path) -> list[Path]:
    """The case files that ship with a pack: `<pack>.cases.toml`, or every `*.toml` in `<pack>.cases/`."""
    single = pack_path.with_name(pack_path.stem + ".cases.toml")
    folder = pack_path.with_name(pack_path.stem + ".cases")
    found = [single] if single.is_file() else []
    if folder.is_dir():
        found.extend(sorted(folder.glob("*.toml")))
    return found


def run_files(pack: Pack, paths: Iterable[Path]) -> tuple[int, list[Failure]]:
    """(cases run, failures); a case file that cannot be read raises CaseFileError naming every problem."""
    count = 0
    failures: list[Failure] = []
    problems: list[str] = []
    loaded: list[Case] = []
    for path in paths:
        try:
            loaded.extend(load_cases(path))
        except CaseFileError as exc:
            problems.extend(exc.problems)
    if problems:
        raise CaseFileError(problems)
    for case in loaded:
        count += 1
        failures.extend(run_case(pack, case))
    return count, failures
