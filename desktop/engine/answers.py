"""The answers file (`zs-trade-assessment/1`): reading, checking against a pack, writing.

Answers are kept typed in memory: bool, str (choice, text), datetime.date, Decimal (money),
int, and lists of dicts (tables). A missing answer means "not answered".
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

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
    load_answers_json,
    text_problem,
)
from desktop.engine.list_totals import ListTotal, list_totals_to_data, parse_list_totals
from desktop.policy.model import Pack, Question
from desktop.quoting import clip, did_you_mean, quoted, visible
from desktop.safe_read import FileRefusedError, read_regular_file
from desktop.safe_write import write_text

FORMAT = "zs-trade-assessment/1"
ENTERPRISE_FIELDS = ("name", "credit_code", "town", "contact", "phone")

AnswerValue = Any
Answers = dict[str, AnswerValue]
PackResolver = Callable[[str | None, dt.date], Pack]


class AnswersError(ValueError):
    """Input that cannot be assessed; `problems` has one line per problem, each naming the field."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


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
    notes: tuple[str, ...] = ()
    """What reading the file changed and the user should be told once (an answer carried over to a question
    that replaced it); not problems: the file is read."""

    def with_answers(self, answers: Answers) -> AnswersFile:
        return replace(self, answers=answers)


def credit_code_problem(code: str) -> str | None:
    """Why a 统一社会信用代码 is not valid, or None when it is (check digit included)."""
    from stdnum.cn import uscc
    from stdnum.exceptions import InvalidChecksum, InvalidFormat, InvalidLength, ValidationError

    compact = uscc.compact(code)
    try:
        uscc.validate(compact)
    except InvalidLength:
        return f"统一社会信用代码应为 18 位，实际为 {len(compact)} 位"
    except InvalidChecksum:
        return "统一社会信用代码的校验位不正确，请逐位核对营业执照"
    except InvalidFormat:
        return "统一社会信用代码含有不允许的字符（只能是数字和大写字母，不含 I、O、Z、S、V）"
    except ValidationError:
        return "统一社会信用代码无效"
    return None


def _key(name: object) -> str:
    """A key as a message names it: short, and nothing in it that could steer a terminal."""
    return visible(clip(str(name), 60))


def coerce_answer(question: Question, value: object) -> AnswerValue:
    """One answer in its typed form; raises ValueError with the reason in words."""
    if question.type == "bool":
        if not isinstance(value, bool):
            raise ValueError(f"应为 true 或 false，实际为 {quoted(value)}")
        return value
    if question.type == "choice":
        if not isinstance(value, str) or question.choice(value) is None:
            allowed = "、".join(c.value for c in question.choices)
            raise ValueError(f"未知的选项 {quoted(value)}，应为 {allowed} 之一")
        return value
    if question.type == "text":
        if not isinstance(value, str):
            raise ValueError(f"应为文字，实际为 {quoted(value)}")
        problem = text_problem(value, MAX_TEXT, single_line=False)
        if problem is not None:
            raise ValueError(problem)
        return value
    if question.type == "money":
        return file_money(value)
    if question.type == "date":
        return file_date(value)
    if question.type == "integer":
        if isinstance(value, UnusableNumber):
            raise ValueError(value.why)
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"应为整数，实际为 {quoted(value)}")
        if question.min is not None and value < question.min:
            raise ValueError(f"不能小于 {question.min}（实际为 {value}）")
        if question.max is not None and value > question.max:
            raise ValueError(f"不能大于 {question.max}（实际为 {value}）")
        return value
    if question.type == "number":
        return file_quantity(value)
    if question.type == "table":
        return _table(question, value)
    if question.type == "items":
        return _items(question, value)
    raise ValueError(f"未知的题型 {question.type}")


def _items(question: Question, value: object) -> list[str]:
    """A list of the pack's item ids (which items something holds for), in the pack's order, each once."""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f'应为支持项目编号的数组（如 ["equipment"]），实际为 {quoted(value)}')
    known = [c.value for c in question.choices]
    unknown = [v for v in value if v not in known]
    if unknown:
        first = unknown[0]
        raise ValueError(f"未知的支持项目 {quoted(first)}{did_you_mean(first, known)}")
    return [v for v in known if v in value]


def _table(question: Question, value: object) -> list[dict[str, AnswerValue]]:
    if not isinstance(value, list):
        raise ValueError("应为记录的数组（[...]）")
    if len(value) > MAX_TABLE_ROWS:
        raise ValueError(f"记录过多（{len(value):,} 条，最多 {MAX_TABLE_ROWS:,} 条）")
    problems: list[str] = []
    rows: list[dict[str, AnswerValue]] = []
    known = [f.id for f in question.fields]
    for index, record in enumerate(value):
        where = f"第 {index + 1} 条"
        if not isinstance(record, Mapping):
            problems.append(f"{where}应为对象（{{...}}）")
            continue
        row: dict[str, AnswerValue] = {}
        for key, raw in record.items():
            sub = question.field(str(key))
            if sub is None:
                problems.append(f"{where}：未知的字段 {quoted(str(key))}{did_you_mean(str(key), known)}")
                continue
            if raw is None:  # null: not filled in (a money field then counts as missing, below)
                continue
            try:
                row[sub.id] = coerce_answer(sub, raw)
            except ValueError as exc:
                problems.append(f"{where}.{sub.id}（{sub.label.zh}）：{exc}")
        for sub in question.fields:
            # The rules compute with every row's money field: a row without it (or with null) cannot count.
            if sub.type == "money" and sub.id not in row and record.get(sub.id) is None:
                problems.append(f"{where}：缺少 {sub.id}（{sub.label.zh}）")
        rows.append(row)
    if problems:
        raise ValueError("；".join(_first_problems(problems)))
    return rows


# The rows' problems share the question's one line of the message: a file with many broken rows names
# the first few within this many characters and counts the rest, so the line stays readable.
ROW_PROBLEMS_CHARS = 160


def _first_problems(problems: list[str]) -> list[str]:
    shown: list[str] = []
    used = 0
    for problem in capped(problems, 10):
        if shown and used + len(problem) > ROW_PROBLEMS_CHARS:
            return [*shown, f"……另有 {len(problems) - len(shown)} 处问题未列出"]
        shown.append(problem)
        used += len(problem)
    return shown


def validate_answers(
    pack: Pack, raw: Mapping[str, object], prefix: str = "answers", notes: list[str] | None = None
) -> tuple[Answers, list[str]]:
    """Typed answers and the problems found; unknown ids get the nearest known id suggested. An answer to a
    question the pack replaced (`replaces`) is carried over, and `notes` gets one line saying so."""
    answers: Answers = {}
    problems: list[str] = []
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
            problems.append(f"{prefix}.{_key(key)}: 未知的问题编号{did_you_mean(str(key), known)}")
            continue
        if value is None:
            continue
        try:
            answers[question.id] = coerce_answer(question, value)
        except ValueError as exc:
            problems.append(f"{prefix}.{key}（{question.label.zh}）: {exc}")
    return answers, problems


def _carried_over(
    question: Question, old: str, value: object, prefix: str, problems: list[str], notes: list[str] | None
) -> list[str] | None:
    """A yes/no once asked for the whole enterprise, as the list question that replaced it: yes holds for every
    item it concerned (every item listed), no for none. Only a yes changes what the user sees: said once."""
    if value is None:
        return None
    if not isinstance(value, bool):
        problems.append(f"{prefix}.{_key(old)}: 应为 true 或 false，实际为 {quoted(value)}")
        return None
    if not value:
        return []
    items = [c.value for c in question.choices]
    if notes is not None:
        notes.append(
            f"{prefix}.{question.id}（{question.label.zh}）: 原答卷对全部项目的一个回答（是，{old}）已沿用到每一项"
            f"（{len(items)} 项）；请逐项核对，只保留确实如此的项目"
        )
    return items


def _enterprise(raw: object, problems: list[str]) -> Enterprise:
    if raw is None:
        return Enterprise()
    if not isinstance(raw, Mapping):
        problems.append("enterprise: 应为对象（{...}）")
        return Enterprise()
    values: dict[str, str] = {}
    for key, value in raw.items():
        if key not in ENTERPRISE_FIELDS:
            problems.append(f"enterprise.{_key(key)}: 未知的字段{did_you_mean(str(key), list(ENTERPRISE_FIELDS))}")
        elif value is not None and not isinstance(value, str):
            problems.append(f"enterprise.{key}: 应为文字，实际为 {quoted(value)}")
        elif value is not None:
            problem = text_problem(value.strip(), ENTERPRISE_LIMITS[key], single_line=True)
            if problem is not None:
                problems.append(f"enterprise.{key}: {problem}")
            else:
                values[key] = value.strip()
    code = values.get("credit_code", "")
    if code:
        problem = credit_code_problem(code)
        if problem:
            problems.append(f"enterprise.credit_code: {problem}（{visible(code)}）")
        else:
            from stdnum.cn import uscc

            values["credit_code"] = uscc.compact(code)
    return Enterprise(**values)


def parse_answers_data(
    data: object, resolve_pack: PackResolver, *, today: dt.date | None = None
) -> tuple[AnswersFile, Pack]:
    """Check a decoded answers document. `resolve_pack(policy_id | None, date)` picks the pack; `today`
    (default: the clock) is what no claim's step may come after.

    Raises AnswersError listing every problem; never returns a partly checked result.
    """
    problems: list[str] = []
    if not isinstance(data, Mapping):
        raise AnswersError(["文件内容应为 JSON 对象（{...}）"])
    fmt = data.get("format", FORMAT)
    if fmt != FORMAT:
        problems.append(f"format: 不支持的格式 {quoted(fmt)}，应为 {FORMAT!r}")
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
            problems.append(f"{_key(key)}: 未知的字段" + did_you_mean(str(key), top_keys))
    guide = data.get("guide")
    if guide is not None and not isinstance(guide, str):
        problems.append(f"guide: 应为申报指南编号（文字），实际为 {quoted(guide)}")
        guide = None
    assessed_on: dt.date | None = None
    if data.get("assessed_on") is not None:
        try:
            assessed_on = file_date(data["assessed_on"])
        except ValueError as exc:
            problems.append(f"assessed_on: {exc}")
    policy = data.get("policy")
    if policy is not None and (not isinstance(policy, str) or len(policy) > 100):
        problems.append(f"policy: 应为政策包编号（文字），实际为 {quoted(policy)}")
        policy = None
    enterprise = _enterprise(data.get("enterprise"), problems)
    raw_answers = data.get("answers", {})
    if not isinstance(raw_answers, Mapping):
        problems.append("answers: 应为对象（{...}）")
        raw_answers = {}
    try:
        pack = resolve_pack(policy, assessed_on or dt.date.today())
    except LookupError as exc:
        raise AnswersError(capped([*problems, f"policy: {exc.args[0] if exc.args else exc}"])) from None
    notes: list[str] = []
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
        raise AnswersError([f"{name}: {exc.reason}"]) from None
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise AnswersError([f"{name}: 文件不是 UTF-8 编码的文本"]) from None
    try:
        data = load_answers_json(text)
    except json.JSONDecodeError as exc:
        where = f"第 {exc.lineno} 行第 {exc.colno} 列附近"
        raise AnswersError([f"{name}: JSON 格式错误，{where}：{_json_reason(exc.msg)}"]) from None
    except ValueError as exc:
        raise AnswersError([f"{name}: {exc}"]) from None
    try:
        answers_file, pack = parse_answers_data(data, resolve_pack, today=today)
    except AnswersError as exc:
        raise AnswersError([f"{name}: {p}" for p in exc.problems]) from None
    return replace(answers_file, notes=tuple(f"{name}: {note}" for note in answers_file.notes)), pack


# Python's own words for a broken JSON document ("Expecting value") mean nothing to a clerk.
_JSON_REASONS = {
    "Expecting value": "此处缺少一个值（文件是否为空或被截断？）",
    "Expecting property name enclosed in double quotes": "字段名应写在英文双引号中",
    "Expecting ',' delimiter": "缺少逗号",
    "Expecting ':' delimiter": "缺少冒号",
    "Unterminated string starting at": "文字缺少结束的引号",
    "Extra data": "文件结尾后还有多余的内容",
    "Invalid control character at": "含有不允许的控制字符",
}


def _json_reason(message: str) -> str:
    return _JSON_REASONS.get(message, message)


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
