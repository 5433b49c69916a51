"""The answers file (`zs-trade-assessment/1`): reading, checking against a pack, writing.

Answers are kept typed in memory: bool, str (choice, text), datetime.date, Decimal (money),
int, and lists of dicts (tables). A missing answer means "not answered".
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.engine.file_values import file_date, file_money, file_quantity
from desktop.engine.filing import NO_FILING, Filing
from desktop.engine.filing_file import filing_to_data, parse_filing
from desktop.engine.limits import (
    ENTERPRISE_LIMITS,
    MAX_ANSWERS_BYTES,
    MAX_TABLE_ROWS,
    MAX_TEXT,
    UnusableNumber,
    capped,
    enterprise_field,
    load_answers_json,
    text_problem,
)
from desktop.engine.list_totals import ListTotal, list_totals_to_data, parse_list_totals
from desktop.later import later
from desktop.policy.model import Pack, Question
from desktop.problems import (
    At,
    Field,
    Listed,
    Message,
    Problem,
    ProblemError,
    Quoted,
    Term,
    ValueProblemError,
    bare,
    problem_of,
    quote,
    suggestion,
)
from desktop.quoting import visible
from desktop.safe_read import FileRefusedError, read_regular_file
from desktop.safe_write import write_text

if TYPE_CHECKING:
    from stdnum import exceptions as stdnum_errors
    from stdnum.cn import uscc
else:
    # python-stdnum's package loads ~80 ms of country modules: only when a credit code is checked
    uscc = later("stdnum.cn.uscc")
    stdnum_errors = later("stdnum.exceptions")

FORMAT = "zs-trade-assessment/1"
ENTERPRISE_FIELDS = ("name", "credit_code", "town", "contact", "phone")

AnswerValue = Any
Answers = dict[str, AnswerValue]
PackResolver = Callable[[str | None, dt.date], Pack]


class AnswersError(ProblemError, ValueError):
    """Input that cannot be assessed; `problems` has one problem per fault, each naming the field."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        super().__init__(*problems)


@dataclass(frozen=True)
class Enterprise:
    name: str = ""
    credit_code: str = ""
    town: str = ""
    contact: str = ""
    phone: str = ""


@dataclass(frozen=True)
class AnswersFile:
    enterprise: Enterprise = field(default_factory=Enterprise)
    answers: Answers = field(default_factory=dict)
    policy: str | None = None
    assessed_on: dt.date | None = None
    guide: str | None = None
    """The application guide picked for the windows and contacts (None: the newest real guide of the pack)."""
    filing: Filing = NO_FILING
    """What was recorded of the applications: documents, claims, and the amounts received elsewhere."""
    lists: Mapping[str, ListTotal] = field(default_factory=dict)
    """The lists imported for the answers (`desktop.engine.list_totals`): their totals and sources."""
    notes: tuple[Message, ...] = ()
    """What reading the file changed and the user should be told once (an answer carried over to a question
    that replaced it); not problems: the file is read."""

    def with_answers(self, answers: Answers) -> AnswersFile:
        return replace(self, answers=answers)


def credit_code_problem(code: str) -> Problem | None:
    """Why a 统一社会信用代码 is not valid, or None when it is (check digit included)."""
    compact = uscc.compact(code)
    try:
        uscc.validate(compact)
    except stdnum_errors.InvalidLength:
        return Problem("credit_code.length", count=len(compact))
    except stdnum_errors.InvalidChecksum:
        return Problem("credit_code.check")
    except stdnum_errors.InvalidFormat:
        return Problem("credit_code.characters")
    except stdnum_errors.ValidationError:
        return Problem("credit_code.invalid")
    return None


def _key(name: object) -> Quoted:
    """A key as a message names it: short, and nothing in it that could steer a terminal."""
    return bare(str(name), 60)


def coerce_answer(question: Question, value: object) -> AnswerValue:
    """One answer in its typed form; raises ProblemError with the reason."""
    if question.type == "bool":
        if not isinstance(value, bool):
            raise ValueProblemError(Problem("answers.bool_type", found=quote(value)))
        return value
    if question.type == "choice":
        if not isinstance(value, str) or question.choice(value) is None:
            allowed = Listed(tuple(c.value for c in question.choices))
            raise ValueProblemError(Problem("answers.choice_unknown", found=quote(value), allowed=allowed))
        return value
    if question.type == "text":
        if not isinstance(value, str):
            raise ValueProblemError(Problem("answers.text_type", found=quote(value)))
        problem = text_problem(value, MAX_TEXT, single_line=False)
        if problem is not None:
            raise ValueProblemError(problem)
        return value
    if question.type == "money":
        return file_money(value)
    if question.type == "date":
        return file_date(value)
    if question.type == "integer":
        if isinstance(value, UnusableNumber):
            raise ValueProblemError(value.why)
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueProblemError(Problem("answers.integer_type", found=quote(value)))
        if question.min is not None and value < question.min:
            raise ValueProblemError(Problem("answers.below_min", low=question.min, found=value))
        if question.max is not None and value > question.max:
            raise ValueProblemError(Problem("answers.above_max", high=question.max, found=value))
        return value
    if question.type == "number":
        return file_quantity(value)
    if question.type == "table":
        return _table(question, value)
    if question.type == "items":
        return _items(question, value)
    raise ValueProblemError(Problem("answers.unknown_type", type=question.type))


def _items(question: Question, value: object) -> list[str]:
    """A list of the pack's item ids (which items something holds for), in the pack's order, each once."""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueProblemError(Problem("answers.items_type", found=quote(value)))
    known = [c.value for c in question.choices]
    unknown = [v for v in value if v not in known]
    if unknown:
        first = unknown[0]
        raise ValueProblemError(
            Problem("answers.item_unknown", found=quote(first), suggestion=suggestion(first, known))
        )
    return [v for v in known if v in value]


def _table(question: Question, value: object) -> list[dict[str, AnswerValue]]:
    if not isinstance(value, list):
        raise ValueProblemError(Problem("answers.table_type"))
    if len(value) > MAX_TABLE_ROWS:
        raise ValueProblemError(Problem("answers.too_many_rows", count=f"{len(value):,}", limit=f"{MAX_TABLE_ROWS:,}"))
    problems: list[Problem] = []
    rows: list[dict[str, AnswerValue]] = []
    known = [f.id for f in question.fields]
    for index, record in enumerate(value):
        n = index + 1
        if not isinstance(record, Mapping):
            problems.append(Problem("answers.row_object", n=n))
            continue
        row: dict[str, AnswerValue] = {}
        for key, raw in record.items():
            sub = question.field(str(key))
            if sub is None:
                found, near = quote(str(key)), suggestion(str(key), known)
                problems.append(Problem("answers.row_unknown_field", n=n, found=found, suggestion=near))
                continue
            if raw is None:  # null: not filled in (a money field then counts as missing, below)
                continue
            try:
                row[sub.id] = coerce_answer(sub, raw)
            except ProblemError as exc:
                field = Field(sub.id, sub.label, lead=".")
                problems.extend(Problem("answers.row_field", n=n, field=field, problem=p) for p in exc.problems)
        for sub in question.fields:
            # The rules compute with every row's money field: a row without it (or with null) cannot count.
            if sub.type == "money" and sub.id not in row and record.get(sub.id) is None:
                problems.append(Problem("answers.row_missing", n=n, field=Field(sub.id, sub.label, lead=" ")))
        rows.append(row)
    if problems:
        listed = Listed(tuple(capped(problems, 10)), "clauses", within=ROW_PROBLEMS_CHARS, total=len(problems))
        raise ValueProblemError(Problem("answers.rows", problems=listed))
    return rows


# The rows' problems share the question's one line of the message: a file with many broken rows names
# the first few within this many characters and counts the rest, so the line stays readable (the wording
# measures them in the language it says them in: `desktop.problems.Listed.within`).
ROW_PROBLEMS_CHARS = 160


def validate_answers(
    pack: Pack, raw: Mapping[str, object], prefix: str = "answers", notes: list[Message] | None = None
) -> tuple[Answers, list[Problem]]:
    """Typed answers and the problems found; unknown ids get the nearest known id suggested. An answer to a
    question the pack replaced (`replaces`) is carried over, and `notes` gets one line saying so."""
    answers: Answers = {}
    problems: list[Problem] = []
    known = [q.id for q in pack.questions]
    replaced = {q.replaces: q for q in pack.questions if q.replaces}
    for key, value in raw.items():
        question = pack.question(str(key))
        if question is None and str(key) in replaced:
            newer = replaced[str(key)]
            if raw.get(newer.id) is None:  # the newer answer, when given, is the one that counts
                carried = _carried_over(newer, str(key), value, prefix, problems, notes)
                if carried is not None:
                    answers[newer.id] = carried
            continue
        if question is None:
            where = Field(At((f"{prefix}.", _key(key))))
            problems.append(Problem("answers.unknown_question", suggestion=suggestion(str(key), known), where=(where,)))
            continue
        if value is None:
            continue
        try:
            answers[question.id] = coerce_answer(question, value)
        except ProblemError as exc:
            problems.extend(p.at(Field(f"{prefix}.{key}", question.label)) for p in exc.problems)
    return answers, problems


def _carried_over(
    question: Question, old: str, value: object, prefix: str, problems: list[Problem], notes: list[Message] | None
) -> list[str] | None:
    """A yes/no once asked for the whole enterprise, as the list question that replaced it: yes holds for every
    item it concerned (every item listed), no for none. Only a yes changes what the user sees: said once."""
    if value is None:
        return None
    if not isinstance(value, bool):
        where = Field(At((f"{prefix}.", _key(old))))
        problems.append(Problem("answers.bool_type", found=quote(value), where=(where,)))
        return None
    if not value:
        return []
    items = [c.value for c in question.choices]
    if notes is not None:
        where = Field(f"{prefix}.{question.id}", question.label)
        notes.append(Message("answers.carried_over", old=old, count=len(items), where=(where,)))
    return items


def _enterprise(raw: object, problems: list[Problem]) -> Enterprise:
    if raw is None:
        return Enterprise()
    if not isinstance(raw, Mapping):
        problems.append(Problem("field.object", where=("enterprise",)))
        return Enterprise()
    values: dict[str, str] = {}
    for key, value in raw.items():
        if key not in ENTERPRISE_FIELDS:
            near = suggestion(str(key), ENTERPRISE_FIELDS)
            problems.append(Problem("field.unknown", suggestion=near, where=(At(("enterprise.", _key(key))),)))
        elif value is not None and not isinstance(value, str):
            problems.append(Problem("answers.text_type", found=quote(value), where=(enterprise_field(key),)))
        elif value is not None:
            problem = text_problem(value.strip(), ENTERPRISE_LIMITS[key], single_line=True)
            if problem is not None:
                problems.append(problem.at(enterprise_field(key)))
            else:
                values[key] = value.strip()
    code = values.get("credit_code", "")
    if code:
        problem = credit_code_problem(code)
        if problem:
            where = enterprise_field("credit_code")
            problems.append(Problem("answers.credit_code", problem=problem, code=visible(code), where=(where,)))
        else:
            values["credit_code"] = uscc.compact(code)
    return Enterprise(**values)


def parse_answers_data(
    data: object, resolve_pack: PackResolver, *, today: dt.date | None = None
) -> tuple[AnswersFile, Pack]:
    """Check a decoded answers document. `resolve_pack(policy_id | None, date)` picks the pack; `today`
    (default: the clock) is what no claim's step may come after.

    Raises AnswersError listing every problem; never returns a partly checked result.
    """
    problems: list[Problem] = []
    if not isinstance(data, Mapping):
        raise AnswersError([Problem("answers.not_object")])
    fmt = data.get("format", FORMAT)
    if fmt != FORMAT:
        problems.append(Problem("answers.format", found=quote(fmt), wanted=repr(FORMAT), where=("format",)))
    top_keys = [
        "format",
        "policy",
        "assessed_on",
        "guide",
        "enterprise",
        "answers",
        "documents",
        "claims",
        "received",
        "lists",
    ]
    for key in data:
        if key not in top_keys:
            problems.append(Problem("field.unknown", suggestion=suggestion(str(key), top_keys), where=(_key(key),)))
    guide = data.get("guide")
    if guide is not None and not isinstance(guide, str):
        problems.append(Problem("answers.guide_type", found=quote(guide), where=("guide",)))
        guide = None
    assessed_on: dt.date | None = None
    if data.get("assessed_on") is not None:
        try:
            assessed_on = file_date(data["assessed_on"])
        except ProblemError as exc:
            problems.extend(p.at(Field("assessed_on", Term("assessed_on"), with_label=False)) for p in exc.problems)
    policy = data.get("policy")
    if policy is not None and (not isinstance(policy, str) or len(policy) > 100):
        problems.append(Problem("answers.policy_type", found=quote(policy), where=("policy",)))
        policy = None
    enterprise = _enterprise(data.get("enterprise"), problems)
    raw_answers = data.get("answers", {})
    if not isinstance(raw_answers, Mapping):
        problems.append(Problem("field.object", where=("answers",)))
        raw_answers = {}
    try:
        pack = resolve_pack(policy, assessed_on or dt.date.today())
    except LookupError as exc:
        unknown = exc.problems if isinstance(exc, ProblemError) else (problem_of(exc),)
        raise AnswersError(capped([*problems, *(p.at("policy") for p in unknown)])) from None
    notes: list[Message] = []
    answers, answer_problems = validate_answers(pack, raw_answers, notes=notes)
    problems.extend(answer_problems)
    filing = parse_filing(data, pack, today or dt.date.today(), problems)
    lists = parse_list_totals(data.get("lists"), pack, problems)
    if problems:
        raise AnswersError(capped(problems))
    return AnswersFile(enterprise, answers, policy or pack.id, assessed_on, guide, filing, lists, tuple(notes)), pack


def read_answers_file(
    path: Path, resolve_pack: PackResolver, *, today: dt.date | None = None
) -> tuple[AnswersFile, Pack]:
    """Read and check one answers file; problems are prefixed with the file's name.

    Only a regular file of at most MAX_ANSWERS_BYTES is read (a FIFO, a device or a huge file is refused
    before anything is parsed); its JSON is read strictly (`desktop.engine.limits.load_answers_json`)."""
    name = _key(path.name)
    try:
        content = read_regular_file(path, MAX_ANSWERS_BYTES)
    except FileRefusedError as exc:
        raise AnswersError([exc.problem.at(name)]) from None
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise AnswersError([Problem("answers.not_utf8", where=(name,))]) from None
    try:
        data = load_answers_json(text)
    except json.JSONDecodeError as exc:
        reason = _json_reason(exc.msg)
        json_problem = Problem("answers.json", line=exc.lineno, column=exc.colno, reason=reason, where=(name,))
        raise AnswersError([json_problem]) from None
    except ProblemError as exc:
        raise AnswersError([p.at(name) for p in exc.problems]) from None
    try:
        answers_file, pack = parse_answers_data(data, resolve_pack, today=today)
    except AnswersError as exc:
        raise AnswersError([p.at(name) for p in exc.problems]) from None
    return replace(answers_file, notes=tuple(note.at(name) for note in answers_file.notes)), pack


# Python's own words for a broken JSON document ("Expecting value") mean nothing to a clerk.
_JSON_REASONS = {
    "Expecting value": "json.value_missing",
    "Expecting property name enclosed in double quotes": "json.key_quotes",
    "Expecting ',' delimiter": "json.comma",
    "Expecting ':' delimiter": "json.colon",
    "Unterminated string starting at": "json.quote",
    "Extra data": "json.extra",
    "Invalid control character at": "json.control",
}


def _json_reason(message: str) -> Problem | str:
    code = _JSON_REASONS.get(message)
    return message if code is None else Problem(code)


def answer_to_json(value: AnswerValue) -> object:
    if isinstance(value, Decimal):
        # money to the cent as the bureaus write it; a quantity may be finer
        return f"{value:.2f}" if value == value.quantize(Decimal("0.01")) else f"{value:f}"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):  # table rows, or the item ids of an `items` answer
        return [row if isinstance(row, str) else {k: answer_to_json(v) for k, v in row.items()} for row in value]
    return value


def answers_file_to_data(answers_file: AnswersFile) -> dict[str, object]:
    """The JSON document of an answers file, ready for `json.dumps`."""
    enterprise = {
        k: getattr(answers_file.enterprise, k) for k in ENTERPRISE_FIELDS if getattr(answers_file.enterprise, k)
    }
    data: dict[str, object] = {"format": FORMAT}
    if answers_file.policy:
        data["policy"] = answers_file.policy
    if answers_file.assessed_on:
        data["assessed_on"] = answers_file.assessed_on.isoformat()
    if answers_file.guide:
        data["guide"] = answers_file.guide
    data["enterprise"] = enterprise
    data["answers"] = {k: answer_to_json(v) for k, v in answers_file.answers.items()}
    data.update(filing_to_data(answers_file.filing))
    if answers_file.lists:
        data["lists"] = list_totals_to_data(answers_file.lists)
    return data


def write_answers_file(path: Path, answers_file: AnswersFile) -> None:
    """Write the answers file beside its final name and rename it: a failure leaves an older file whole."""
    text = json.dumps(answers_file_to_data(answers_file), ensure_ascii=False, indent=2) + "\n"
    write_text(path, text)
