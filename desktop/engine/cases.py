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
from desktop.problems import At, Listed, Param, Problem, ProblemError, suggestion

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
TOTAL_KEYS = {"total", "pending_total", "warnings", "warnings_contain", "notices", "notices_contain"}


class CaseFileError(ProblemError):
    """A case file that cannot be run; `problems` name the file, the case and the field."""


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
    expected: Param
    actual: Param

    def problem(self) -> Problem:
        return Problem(
            "case.failure", expected=self.expected, actual=self.actual, where=(self.source, self.case, self.where)
        )


def load_cases(path: Path) -> list[Case]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CaseFileError(Problem("file.unreadable", reason=str(exc.strerror or exc), where=(path.name,))) from None
    except UnicodeDecodeError:
        raise CaseFileError(Problem("case.not_utf8", where=(path.name,))) from None
    except tomllib.TOMLDecodeError as exc:
        raise CaseFileError(Problem("toml.syntax", reason=str(exc), where=(path.name,))) from None
    raw = data.get("case")
    if not isinstance(raw, list) or not all(isinstance(c, Mapping) for c in raw):
        raise CaseFileError(Problem("case.no_cases", where=(path.name,)))
    problems: list[Problem] = []
    cases: list[Case] = []
    for index, entry in enumerate(raw):
        where = f"case[{index}]"
        name = entry.get("name")
        if not isinstance(name, str) or not name:
            problems.append(Problem("case.no_name", where=(path.name, where + ".name")))
            name = f"case[{index}]"
        named = At.entry(where, name)  # `case[0]（name）`
        for key in sorted(set(entry) - CASE_KEYS):
            near = suggestion(key, sorted(CASE_KEYS))
            problems.append(Problem("field.unknown", suggestion=near, where=(path.name, named + f".{key}")))
        expect = entry.get("expect", {})
        if not isinstance(expect, Mapping):
            problems.append(Problem("case.expect_table", where=(path.name, named + ".expect")))
            expect = {}
        for key, wanted in expect.items():
            if isinstance(wanted, Mapping):
                for unknown in sorted(set(wanted) - ITEM_KEYS):
                    near = suggestion(unknown, sorted(ITEM_KEYS))
                    at = named + f".expect.{key}.{unknown}"
                    problems.append(Problem("case.unknown_expectation", suggestion=near, where=(path.name, at)))
            elif key not in TOTAL_KEYS:
                near = suggestion(key, sorted(TOTAL_KEYS))
                at = named + f".expect.{key}"
                problems.append(Problem("case.unknown_expectation", suggestion=near, where=(path.name, at)))
        day = entry.get("assessed_on", DEFAULT_DAY)
        if not isinstance(day, dt.date):
            problems.append(Problem("case.date", where=(path.name, named + ".assessed_on")))
            day = DEFAULT_DAY
        in_received: list[Problem] = []
        received = parse_received(entry.get("received", []), day, in_received, named + ".")
        problems.extend(problem.at(path.name) for problem in in_received)
        cases.append(Case(path.name, name, entry.get("answers", {}), expect, day, received))
    if problems:
        raise CaseFileError(*problems)
    return cases


def _money(text: object) -> Decimal | None:
    if text == "none":
        return None
    try:
        return Decimal(str(text))
    except InvalidOperation:
        return Decimal("NaN")


def _shown(value: object) -> Param:
    if value is None:
        return "none"
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, Problem):
        return value
    return str(value)


def run_case(pack: Pack, case: Case) -> list[Failure]:
    """Every expectation of the case that the pack does not meet (empty: the case passes)."""
    answers, problems = validate_answers(pack, case.answers)
    if problems:
        valid = Problem("case.valid_answers")
        return [Failure(case.source, case.name, "answers", valid, problem) for problem in problems]
    result = assess(pack, answers, assessed_on=case.assessed_on, received=case.received)
    failures: list[Failure] = []

    def fail(where: str, expected: object, actual: object) -> None:
        failures.append(Failure(case.source, case.name, where, _shown(expected), _shown(actual)))

    def missing(item_id: str) -> None:
        failures.append(Failure(case.source, case.name, item_id, Problem("case.an_item"), Problem("case.no_item")))

    for item_id, wanted in case.expect.items():
        if not isinstance(wanted, Mapping):
            continue
        try:
            item = result.item(item_id)
        except StopIteration:
            missing(item_id)
            continue
        failures.extend(_item_failures(case, item, wanted))
    _total_failures(result, case.expect, fail)
    return failures


def _item_failures(case: Case, item: ItemResult, wanted: Mapping[str, Any]) -> list[Failure]:
    found: list[Failure] = []

    def fail(key: str, expected: object, actual: object) -> None:
        found.append(Failure(case.source, case.name, f"{item.id}.{key}", _shown(expected), _shown(actual)))

    if "status" in wanted and item.status != wanted["status"]:
        reasons = Listed(item.reasons, "clauses")
        fail(
            "status",
            wanted["status"],
            Problem("case.status", status=item.status, reasons=reasons) if item.reasons else item.status,
        )
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
            fail("cap_note", Problem("case.containing", text=str(wanted["cap_note"])), note.zh if note else None)
    readings = " | ".join(f"{r.reading.zh} {r.why.zh} {r.reading.en}" for r in item.readings)
    for fragment in wanted.get("readings_contain", []):
        if fragment not in readings:
            fail("readings_contain", Problem("case.containing", text=str(fragment)), readings)
    if "ask_contains" in wanted and wanted["ask_contains"] not in f"{item.ask.zh} {item.ask.en}":
        fail("ask_contains", wanted["ask_contains"], item.ask.zh)
    for key, texts in (("steps", item.steps), ("reasons", item.reasons)):
        joined = " | ".join(t.zh for t in texts) + " || " + " | ".join(t.en for t in texts)
        for fragment in wanted.get(f"{key}_contain", []):
            if fragment not in joined:
                fail(f"{key}_contain", Problem("case.containing", text=str(fragment)), joined)
        for fragment in wanted.get(f"{key}_exclude", []):
            if fragment in joined:
                fail(f"{key}_exclude", Problem("case.not_containing", text=str(fragment)), joined)
    return found


def _total_failures(result: Assessment, expect: Mapping[str, Any], fail: Any) -> None:
    if "total" in expect and result.total != _money(expect["total"]):
        fail("total", _money(expect["total"]), result.total)
    if "pending_total" in expect and result.pending_total != _money(expect["pending_total"]):
        fail("pending_total", _money(expect["pending_total"]), result.pending_total)
    if "notices" in expect and len(result.notices) != expect["notices"]:
        fail("notices", expect["notices"], len(result.notices))
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
    problems: list[Problem] = []
    loaded: list[Case] = []
    for path in paths:
        try:
            loaded.extend(load_cases(path))
        except CaseFileError as exc:
            problems.extend(exc.problems)
    if problems:
        raise CaseFileError(*problems)
    for case in loaded:
        count += 1
        failures.extend(run_case(pack, case))
    return count, failures
