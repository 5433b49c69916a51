"""The engine's refusals in English, and in a clerk's words.

The engine words its refusals in Chinese (`MoneyError`, `credit_code_problem`, `AnswersError.problems`),
naming fields by their ids so that a technician can find them in the file. Two readers need more:
- `--lang en` on the command line and the English window: `to_english` matches a message against the
  templates below (the engine's wording, `{name}` where it puts a value) and fills the English one,
  translating the values in turn (a message can embed another, e.g. a suggestion). A message that
  matches no template is returned as it is.
- a clerk importing files in the window: `for_clerk` also puts the question's label where the engine
  wrote `answers.aeo_certified_on（…）`, in the window's language.

No Qt here: the command line uses it as well as the window.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Final

from desktop.engine import vocabulary
from desktop.policy.messages import FRAGMENTS as POLICY_FRAGMENTS
from desktop.policy.messages import WHOLE as POLICY_WHOLE

if TYPE_CHECKING:
    from desktop.policy.model import Lang, Pack

TEMPLATES: Final[tuple[tuple[str, str], ...]] = (
    # desktop/engine/money.py
    ("请填写金额", "Please enter an amount"),
    ("金额不能为负数", "The amount cannot be negative"),
    (
        "“{text}”不是金额：请只填数字，例如 1200000、1,200,000 或 120万",
        "'{text}' is not an amount: enter digits only, e.g. 1200000 or 1,200,000",
    ),
    (
        "“{text}”的千位分隔符位置不对，例如应写作 1,200,000",
        "The thousands separators in '{text}' are misplaced; write e.g. 1,200,000",
    ),
    ("“{text}”不是金额", "'{text}' is not an amount"),
    ("金额必须是有限的数", "The amount must be a finite number"),
    ("金额过大，请检查单位（元 / 万元）", "The amount is too large: please check the unit (yuan / 10,000 yuan)"),
    ("金额最多保留两位小数（精确到分）", "Amounts have at most two decimal places (to the fen)"),
    # desktop/engine/answers.py: the credit code
    (
        "统一社会信用代码应为 18 位，实际为 {count} 位",
        "A Unified Social Credit Code has 18 characters; this one has {count}",
    ),
    (
        "统一社会信用代码的校验位不正确，请逐位核对营业执照",
        "The check character of the Unified Social Credit Code is wrong: please compare it character by "
        "character with the business licence",
    ),
    (
        "统一社会信用代码含有不允许的字符（只能是数字和大写字母，不含 I、O、Z、S、V）",
        "The Unified Social Credit Code contains characters that are not allowed (digits and capital letters "
        "only, without I, O, Z, S, V)",
    ),
    ("统一社会信用代码无效", "The Unified Social Credit Code is not valid"),
    ("enterprise.credit_code: {problem}（{code}）", "enterprise.credit_code: {problem} ({code})"),
    # desktop/policy/registry.py
    (
        "未知的政策包 {found} 版本 {version}（已知：{known}）",
        "unknown policy pack {found}, version {version} (known: {known})",
    ),
    ("未知的政策包 {found}（已知：{known}）", "unknown policy pack {found} (known: {known})"),
    ("没有可用的政策包", "no policy pack is available"),
    ("无", "none"),
    # desktop/engine/answers.py: reading an answers file
    ("{file}: 文件不是 UTF-8 编码的文本", "{file}: the file is not UTF-8 text"),
    ("{file}: 无法读取文件：{reason}", "{file}: cannot read the file: {reason}"),
    (
        "{file}: JSON 格式错误，第 {line} 行第 {column} 列附近：{reason}",
        "{file}: not a valid JSON file, near line {line}, column {column}: {reason}",
    ),
    ("此处缺少一个值（文件是否为空或被截断？）", "a value is missing here (is the file empty or cut off?)"),
    ("字段名应写在英文双引号中", "field names must be in double quotes"),
    ("缺少逗号", "a comma is missing"),
    ("缺少冒号", "a colon is missing"),
    ("文字缺少结束的引号", "a text is missing its closing quote"),
    ("文件结尾后还有多余的内容", "there is more content after the end of the document"),
    ("含有不允许的控制字符", "it contains a control character that is not allowed"),
    ("文件内容应为 JSON 对象（{...}）", "The file should hold a JSON object ({...})"),
    ("{where}: 不支持的格式 {found}，应为 {wanted}", "{where}: unsupported format {found}; expected {wanted}"),
    ("{where}: 未知的字段{suggestion}", "{where}: unknown field{suggestion}"),
    ("{where}: 未知的问题编号{suggestion}", "{where}: unknown question ID{suggestion}"),
    ("{where}: 应为政策包编号（文字），实际为 {found}", "{where}: expected a policy pack ID (text), found {found}"),
    ("{where}: 应为对象（{...}）", "{where}: expected an object ({...})"),
    ("{where}: 应为文字，实际为 {found}", "{where}: expected text, found {found}"),
    ("；是否应为 {guess}？", "; did you mean {guess}?"),
    ("应为金额（数字），不是 true/false", "expected an amount (a number), not true/false"),
    (
        "应为金额（数字或数字字符串），实际为 {found}",
        "expected an amount (a number or a string of digits), found {found}",
    ),
    ("“{text}”不是存在的日期（{year} 年没有 {month} 月）", "'{text}' is not a real date ({year} has no month {month})"),
    (
        "“{text}”不是存在的日期（{year} 年 {month} 月没有 {day} 日）",
        "'{text}' is not a real date (month {month} of {year} has no day {day})",
    ),
    (
        "“{text}”不是日期：应按“年-月-日”写，例如 2025-06-18",
        "'{text}' is not a date: write year-month-day, e.g. 2025-06-18",
    ),
    ("应为日期字符串（如 2025-06-18），实际为 {found}", "expected a date string (such as 2025-06-18), found {found}"),
    ("应为 true 或 false，实际为 {found}", "expected true or false, found {found}"),
    ("未知的选项 {found}，应为 {allowed} 之一", "unknown option {found}; expected one of {allowed}"),
    ("应为文字，实际为 {found}", "expected text, found {found}"),
    ("应为整数，实际为 {found}", "expected a whole number, found {found}"),
    ("不能小于 {low}（实际为 {found}）", "cannot be less than {low} (found {found})"),
    ("不能大于 {high}（实际为 {found}）", "cannot be more than {high} (found {found})"),
    ("应为记录的数组（[...]）", "expected an array of records ([...])"),
    ("……另有 {n} 处问题未列出", "… {n} more problems not listed"),
    ("第 {n} 条应为对象（{...}）", "record {n} should be an object ({...})"),
    ("第 {n} 条：未知的字段 {found}{suggestion}", "record {n}: unknown field {found}{suggestion}"),
    ("第 {n} 条：缺少 {field}（{label}）", "record {n}: {field} ({label}) is missing"),
    ("第 {n} 条：缺少{field}", "record {n}: {field} is missing"),
    ("第 {n} 条.{field}：{problem}", "record {n}, {field}: {problem}"),
    ("第 {n} 条{field}：{problem}", "record {n}, {field}: {problem}"),
    ("不支持 {found}：金额必须是有限的数", "{found} is not supported: an amount must be a finite number"),
    # desktop/engine/limits.py and desktop/safe_read.py: what an answers file may hold
    ("文件过大（{size}，最多 {limit}），未读取", "File too large ({size}, at most {limit}); not read"),
    ("不是普通文件（可能是管道、设备或文件夹），未读取", "Not a regular file (a pipe, a device or a folder); not read"),
    ("嵌套过深（对象或数组的层数超过 {limit}）", "Nested too deep (more than {limit} levels of objects or arrays)"),
    ("文字过长（{count} 字，最多 {limit} 字）", "Text too long ({count} characters, at most {limit})"),
    ("记录过多（{count} 条，最多 {limit} 条）", "Too many records ({count}, at most {limit})"),
    ("键 {key} 在同一个对象中出现了两次（只能写一次）", "The key {key} appears twice in one object (write it once)"),
    (
        "含有不允许的字符 {code}（控制字符或无效的 Unicode）",
        "Holds a character that is not allowed, {code} (a control character or invalid Unicode)",
    ),
    ("数字位数过多（{count} 位）", "Too many digits ({count})"),
    ("不能用科学计数法，请写成普通数字（如 100000）", "No exponent notation: write a plain number (such as 100000)"),
    ("不能含有换行或制表符", "No line breaks or tabs"),
    (
        "{value}不是答卷文件的金额写法：只能有数字和小数点（如 1200000 或 1200000.50），"
        "不能用千位分隔符、“万”、全角数字、下划线或科学计数法",
        "{value} is not how an answers file writes money: digits and a decimal point only (1200000 or "
        "1200000.50), no thousands separators, no wan units, no full-width digits, underscores or exponents",
    ),
    (
        "{value}不是答卷文件的数的写法：只能有数字和小数点（如 800000 或 800000.5）",
        "{value} is not how an answers file writes a number: digits and a decimal point only (800000 or 800000.5)",
    ),
    ("应为数（数字或数字字符串），实际为 {found}", "expected a number (digits, or digits in a string), found {found}"),
    ("最多保留四位小数", "at most four decimal places"),
    ("数值过大，请检查单位", "the number is too large: check the unit"),
    ("应为申报指南编号（文字），实际为 {found}", "expected an application guide id (text), found {found}"),
    # desktop/engine/filing_file.py: documents, claims and amounts received in an answers file
    ("文件路径为空", "the file path is empty"),
    ("文件路径过长（{count} 个字符，最多 {limit}）", "the file path is too long ({count} characters, at most {limit})"),
    (
        "文件路径 {path} 应相对于答卷文件所在的文件夹，不能是绝对路径",
        "the file path {path} must be relative to the answers file's folder, not absolute",
    ),
    (
        "文件路径 {path} 不能用“..”指向答卷文件所在文件夹以外",
        "the file path {path} cannot point outside the answers file's folder with '..'",
    ),
    ("文件路径 {path} 含有文件名中不允许的字符", "the file path {path} holds characters not allowed in file names"),
    ("{where}: 未知的支持项目编号{suggestion}", "{where}: unknown item ID{suggestion}"),
    ("材料过多（{count} 项，最多 {limit} 项）", "too many documents ({count}, at most {limit})"),
    (
        "材料编号应由小写英文字母、数字和下划线组成，以字母开头{suggestion}",
        "a document ID is lower-case letters, digits and underscores, starting with a letter{suggestion}",
    ),
    (
        "该支持项目的材料清单中没有这一项（清单：{known}）{suggestion}；自行添加的材料请写明 title（材料名称）",
        "this item's list of documents has no such document (the list: {known}){suggestion}; a document you add "
        "needs a title",
    ),
    (
        "未知的状态 {found}，应为 have（已备）、missing（缺）或 help（需协助）之一",
        "unknown state {found}; expected have, missing or help",
    ),
    ("应为文件路径的数组（[...]）", "expected an array of file paths ([...])"),
    ("文件过多（{count} 个，最多 {limit} 个）", "too many files ({count}, at most {limit})"),
    ("应为文件路径（文字），实际为 {found}", "expected a file path (text), found {found}"),
    ("文件 {path} 在同一项材料中列了两次", "the file {path} is listed twice for one document"),
    (
        "这是一项服务，无需申报，不能记录申报进度",
        "this is a service: there is nothing to apply for, so no claim can be recorded",
    ),
    ("未知的申报状态 {found}，应为 {allowed} 之一", "unknown claim state {found}; expected one of {allowed}"),
    ("应为已获拨付记录的数组（[...]）", "expected an array of amounts received ([...])"),
    ("缺少此字段", "this field is missing"),
    ("已拨付的申报须填写拨付金额", "a paid claim needs the amount paid"),
    ("已拨付的申报须填写拨付日期", "a paid claim needs the date of payment"),
    ("只有已拨付（paid）的申报才有拨付金额和日期", "only a paid claim has an amount and a date of payment"),
    ("拨付金额应大于 0", "the amount paid must be more than 0"),
    ("提交日期", "the submission date"),
    ("受理日期", "the acceptance date"),
    ("公示开始日", "the first day of the public listing"),
    ("公示结束日", "the last day of the public listing"),
    ("拨付日期", "the payment date"),
    (
        "{where}: 原答卷对全部项目的一个回答（是，{old}）已沿用到每一项（{count} 项）；"
        "请逐项核对，只保留确实如此的项目",
        "{where}: the one answer an earlier version asked for every project (yes, {old}) was carried over to each "
        "item ({count} items); check them one by one and keep only those it is true of",
    ),
    (
        '应为支持项目编号的数组（如 ["equipment"]），实际为 {found}',
        'expected an array of item ids (such as ["equipment"]), found {found}',
    ),
    ("未知的支持项目 {found}{suggestion}", "unknown item {found}{suggestion}"),
    # the pack, guide and case readers (desktop/policy/messages.py)
    *POLICY_WHOLE,
    # the most general last: a more particular template wins where both fit
    ("{where}: {problem}", "{where}: {problem}"),
    ("{where}：{problem}", "{where}: {problem}"),
    *POLICY_FRAGMENTS,
    ("{first}；{rest}", "{first}; {rest}"),
    # two dates of a claim named by the field (提交日期…), below: after the splits above, so "where: …" is cut first
    ("{name} {day} 晚于今天（{today}）", "{name} {day} is after today ({today})"),
    ("{later} {second} 早于{earlier} {first}", "{later} {second} is before {earlier} {first}"),
)

_FIELD = re.compile(r"\{([a-z_]+)\}")


@cache
def _pattern(template: str) -> re.Pattern[str]:
    """The template as a regular expression: literal text, and a lazy group for each `{name}`."""
    parts: list[str] = []
    position = 0
    for field in _FIELD.finditer(template):
        parts.append(re.escape(template[position : field.start()]))
        parts.append(f"(?P<{field.group(1)}>.*?)")
        position = field.end()
    parts.append(re.escape(template[position:]))
    return re.compile("".join(parts), re.DOTALL)


_ASCII_BRACKETS = re.compile("（([\x20-\x7e]*)）")


def to_english(message: str) -> str:
    """The message in English where a template fits; otherwise unchanged. An entry's id in Chinese brackets
    (`items[0]（aeo）`) reads with English ones."""
    return _ASCII_BRACKETS.sub(r" (\1)", _translate(message, depth=0))


# The problems of a table's rows, joined on one line (desktop/engine/answers.py): each row's part is worded on
# its own, so a template for one row never swallows the next.
_ROW_PARTS = re.compile(r"；(?=第 \d+ 条|……另有 )")


def _translate(message: str, depth: int) -> str:
    if message.startswith("第 ") and _ROW_PARTS.search(message):
        return "; ".join(_translate(part, depth + 1) for part in _ROW_PARTS.split(message))
    for chinese, english in TEMPLATES:
        match = _pattern(chinese).fullmatch(message)
        if match is not None:
            values = {
                name: _translate(value, depth + 1) if depth < 8 else value for name, value in match.groupdict().items()
            }
            if "allowed" in values:  # a list the engine joined the Chinese way
                values["allowed"] = values["allowed"].replace("、", ", ")
            return _fill(english, values)
    return message


def _fill(template: str, values: dict[str, str]) -> str:
    return _FIELD.sub(lambda field: values.get(field.group(1), field.group(0)), template)


def in_language(message: str, lang: Lang) -> str:
    return to_english(message) if lang == "en" else message


_ENTERPRISE_FIELDS: Final[dict[str, tuple[str, str]]] = {
    "name": ("企业名称", "Enterprise name"),
    "credit_code": ("统一社会信用代码", "Unified social credit code"),
    "town": ("所在镇街", "Town"),
    "contact": ("联系人", "Contact"),
    "phone": ("联系电话", "Phone"),
}
_ANSWER = re.compile(r"answers\.([A-Za-z0-9_]+)")


def _quoted(label: str, lang: Lang) -> str:
    return f"'{label}'" if lang == "en" else f"「{label}」"


def for_clerk(problem: str, pack: Pack | None, lang: Lang = "zh") -> str:
    """A refusal as a clerk reads it: question labels instead of ids (`answers.x（…）`, `enterprise.phone`),
    in the window's language; ids the pack does not know stay, they are what the file says."""
    text = _replace_answers(problem, pack, lang, keep_ids=False) if pack is not None else problem
    text = in_language(text, lang)
    for key, (zh, en) in _ENTERPRISE_FIELDS.items():
        text = text.replace(f"enterprise.{key}", _quoted(en if lang == "en" else zh, lang))
    return text.replace("assessed_on", _quoted(vocabulary.term("assessed_on", lang), lang))


def for_technician(problem: str, pack: Pack | None, lang: Lang = "zh") -> str:
    """A refusal for the command line: the field ids stay (they are what to look for in the file), the
    label after each in the output's language."""
    text = _replace_answers(problem, pack, lang, keep_ids=True) if pack is not None and lang == "en" else problem
    return in_language(text, lang)


def _replace_answers(text: str, pack: Pack, lang: Lang, *, keep_ids: bool) -> str:
    def shown(key: str, label: str) -> str:
        if not keep_ids:
            return _quoted(label, lang)
        return f"{key} ({label})" if lang == "en" else f"{key}（{label}）"

    out: list[str] = []
    position = 0
    for match in _ANSWER.finditer(text):
        if match.start() < position:
            continue
        question = pack.question(match.group(1))
        out.append(text[position : match.start()])
        position = match.end()
        if question is None:
            out.append(match.group(0) if keep_ids else match.group(1))
            continue
        # the engine follows the id with its Chinese label in brackets; the label itself may hold brackets
        own = f"（{question.label.zh}）"
        if text.startswith(own, position):
            position += len(own)
        out.append(shown(f"answers.{question.id}", question.label.get(lang)))
        if question.type == "table":
            end = text.find("answers.", position)
            end = len(text) if end < 0 else end
            segment = text[position:end]
            for field in question.fields:
                named = f"{field.id}（{field.label.zh}）"
                label = field.label.get(lang)
                segment = segment.replace(
                    f"条.{named}", "条" + (f".{shown(field.id, label)}" if keep_ids else shown("", label))
                )
                segment = segment.replace(
                    f"缺少 {named}", "缺少" + (f" {shown(field.id, label)}" if keep_ids else shown("", label))
                )
            out.append(segment)
            position = end
    out.append(text[position:])
    return "".join(out)
