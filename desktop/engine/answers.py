"""The answers file (`zs-trade-assessment/1`): reading, checking against a pack, writing.

Answers are kept typed in memory: bool, str (choice, text), datetime.date, Decimal (money),
int, and lists of dicts (tables). A missing answer means "not answered".
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from desktop.engine.money import MoneyError, check_money, parse_money
from desktop.policy.model import Pack, Question

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


def _suggest(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.5)
    return f"；是否应为 {close[0]}？" if close else ""


def _money(value: object) -> Decimal:
    if isinstance(value, bool):
        raise MoneyError("应为金额（数字），不是 true/false")
    if isinstance(value, int):
        return check_money(Decimal(value))
    if isinstance(value, Decimal):
        return check_money(value)
    if isinstance(value, float):
        return check_money(Decimal(repr(value)))
    if isinstance(value, str):
        try:
            return check_money(Decimal(value.strip()))
        except InvalidOperation:
            return parse_money(value)
    raise MoneyError(f"应为金额（数字或数字字符串），实际为 {json.dumps(value, ensure_ascii=False, default=str)}")


_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _date(value: object) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
        # Say what is wrong with the date itself; "应写作 2025-06-18" read as if the program knew the date.
        parts = _ISO_DATE.fullmatch(text)
        if parts is None:
            raise ValueError(f"“{value}”不是日期：应按“年-月-日”写，例如 2025-06-18")
        year, month, day = (int(p) for p in parts.groups())
        if not 1 <= month <= 12:
            raise ValueError(f"“{value}”不是存在的日期（{year} 年没有 {month} 月）")
        raise ValueError(f"“{value}”不是存在的日期（{year} 年 {month} 月没有 {day} 日）")
    raise ValueError(f"应为日期字符串（如 2025-06-18），实际为 {value!r}")


def coerce_answer(question: Question, value: object) -> AnswerValue:
    """One answer in its typed form; raises ValueError with the reason in words."""
    if question.type == "bool":
        if not isinstance(value, bool):
            raise ValueError(f"应为 true 或 false，实际为 {value!r}")
        return value
    if question.type == "choice":
        if not isinstance(value, str) or question.choice(value) is None:
            allowed = "、".join(c.value for c in question.choices)
            raise ValueError(f"未知的选项 {value!r}，应为 {allowed} 之一")
        return value
    if question.type == "text":
        if not isinstance(value, str):
            raise ValueError(f"应为文字，实际为 {value!r}")
        return value
    if question.type == "money":
        return _money(value)
    if question.type == "date":
        return _date(value)
    if question.type == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"应为整数，实际为 {value!r}")
        if question.min is not None and value < question.min:
            raise ValueError(f"不能小于 {question.min}（实际为 {value}）")
        if question.max is not None and value > question.max:
            raise ValueError(f"不能大于 {question.max}（实际为 {value}）")
        return value
    if question.type == "table":
        return _table(question, value)
    raise ValueError(f"未知的题型 {question.type}")


def _table(question: Question, value: object) -> list[dict[str, AnswerValue]]:
    if not isinstance(value, list):
        raise ValueError("应为记录的数组（[...]）")
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
                problems.append(f"{where}：未知的字段 {key!r}{_suggest(str(key), known)}")
                continue
            if raw is None:
                continue
            try:
                row[sub.id] = coerce_answer(sub, raw)
            except ValueError as exc:
                problems.append(f"{where}.{sub.id}（{sub.label.zh}）：{exc}")
        for sub in question.fields:
            if sub.type == "money" and sub.id not in row and isinstance(record, Mapping) and sub.id not in record:
                problems.append(f"{where}：缺少 {sub.id}（{sub.label.zh}）")
        rows.append(row)
    if problems:
        raise ValueError("；".join(problems))
    return rows


def validate_answers(pack: Pack, raw: Mapping[str, object], prefix: str = "answers") -> tuple[Answers, list[str]]:
    """Typed answers and the problems found; unknown ids get the nearest known id suggested."""
    answers: Answers = {}
    problems: list[str] = []
    known = [q.id for q in pack.questions]
    for key, value in raw.items():
        question = pack.question(str(key))
        if question is None:
            problems.append(f"{prefix}.{key}: 未知的问题编号{_suggest(str(key), known)}")
            continue
        if value is None:
            continue
        try:
            answers[question.id] = coerce_answer(question, value)
        except ValueError as exc:
            problems.append(f"{prefix}.{key}（{question.label.zh}）: {exc}")
    return answers, problems


def _enterprise(raw: object, problems: list[str]) -> Enterprise:
    if raw is None:
        return Enterprise()
    if not isinstance(raw, Mapping):
        problems.append("enterprise: 应为对象（{...}）")
        return Enterprise()
    values: dict[str, str] = {}
    for key, value in raw.items():
        if key not in ENTERPRISE_FIELDS:
            problems.append(f"enterprise.{key}: 未知的字段{_suggest(str(key), list(ENTERPRISE_FIELDS))}")
        elif value is not None and not isinstance(value, str):
            problems.append(f"enterprise.{key}: 应为文字，实际为 {value!r}")
        elif value is not None:
            values[key] = value.strip()
    code = values.get("credit_code", "")
    if code:
        problem = credit_code_problem(code)
        if problem:
            problems.append(f"enterprise.credit_code: {problem}（{code}）")
        else:
            from stdnum.cn import uscc

            values["credit_code"] = uscc.compact(code)
    return Enterprise(**values)


def parse_answers_data(data: object, resolve_pack: PackResolver) -> tuple[AnswersFile, Pack]:
    """Check a decoded answers document. `resolve_pack(policy_id | None, date)` picks the pack.

    Raises AnswersError listing every problem; never returns a partly checked result.
    """
    problems: list[str] = []
    if not isinstance(data, Mapping):
        raise AnswersError(["文件内容应为 JSON 对象（{...}）"])
    fmt = data.get("format", FORMAT)
    if fmt != FORMAT:
        problems.append(f"format: 不支持的格式 {fmt!r}，应为 {FORMAT!r}")
    for key in data:
        if key not in ("format", "policy", "assessed_on", "enterprise", "answers"):
            problems.append(
                f"{key}: 未知的字段{_suggest(str(key), ['format', 'policy', 'assessed_on', 'enterprise', 'answers'])}"
            )
    assessed_on: dt.date | None = None
    if data.get("assessed_on") is not None:
        try:
            assessed_on = _date(data["assessed_on"])
        except ValueError as exc:
            problems.append(f"assessed_on: {exc}")
    policy = data.get("policy")
    if policy is not None and not isinstance(policy, str):
        problems.append(f"policy: 应为政策包编号（文字），实际为 {policy!r}")
        policy = None
    enterprise = _enterprise(data.get("enterprise"), problems)
    raw_answers = data.get("answers", {})
    if not isinstance(raw_answers, Mapping):
        problems.append("answers: 应为对象（{...}）")
        raw_answers = {}
    try:
        pack = resolve_pack(policy, assessed_on or dt.date.today())
    except LookupError as exc:
        raise AnswersError([*problems, f"policy: {exc.args[0] if exc.args else exc}"]) from None
    answers, answer_problems = validate_answers(pack, raw_answers)
    problems.extend(answer_problems)
    if problems:
        raise AnswersError(problems)
    return AnswersFile(enterprise, answers, policy or pack.id, assessed_on), pack


def read_answers_file(path: Path, resolve_pack: PackResolver) -> tuple[AnswersFile, Pack]:
    """Read and check one answers file; problems are prefixed with the file's name."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise AnswersError([f"{path.name}: 文件不是 UTF-8 编码的文本"]) from None
    except OSError as exc:
        raise AnswersError([f"{path.name}: 无法读取文件：{exc.strerror or exc}"]) from None
    try:
        data = json.loads(text, parse_float=Decimal, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        where = f"第 {exc.lineno} 行第 {exc.colno} 列附近"
        raise AnswersError([f"{path.name}: JSON 格式错误，{where}：{_json_reason(exc.msg)}"]) from None
    except ValueError as exc:
        raise AnswersError([f"{path.name}: {exc}"]) from None
    try:
        return parse_answers_data(data, resolve_pack)
    except AnswersError as exc:
        raise AnswersError([f"{path.name}: {p}" for p in exc.problems]) from None


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


def _refuse_constant(name: str) -> object:
    raise ValueError(f"不支持 {name}：金额必须是有限的数")


def answer_to_json(value: AnswerValue) -> object:
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [{k: answer_to_json(v) for k, v in row.items()} for row in value]
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
    data["enterprise"] = enterprise
    data["answers"] = {k: answer_to_json(v) for k, v in answers_file.answers.items()}
    return data


def write_answers_file(path: Path, answers_file: AnswersFile) -> None:
    text = json.dumps(answers_file_to_data(answers_file), ensure_ascii=False, indent=2) + "\n"
    path.write_text(text, encoding="utf-8")
