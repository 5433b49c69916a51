"""English for the engine's messages (money input, credit codes, answers files), shown in the window.

The engine imports no Qt and words its refusals in Chinese only (`MoneyError`, `credit_code_problem`,
`AnswersError.problems`). The window shows them in the user's language through this table: each entry
is the engine's Chinese wording as a template (`{name}` where the engine puts a value), marked for
lupdate with QT_TRANSLATE_NOOP, so the English lives in the same `.ts` catalogue as every other text.
A message is matched against the templates; the values found in it are put into the translated
template, each one translated in turn (an engine message can embed another, e.g. a suggestion).
A message that matches no template is shown as it is.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QCoreApplication

from desktop.ui.i18n import current_language

CONTEXT = "EngineMessages"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Marks `text` for the catalogue and returns it untranslated (Qt's own is typed as returning object)."""
    return text


TEMPLATES: tuple[str, ...] = (
    # desktop/engine/money.py
    QT_TRANSLATE_NOOP("EngineMessages", "请填写金额"),
    QT_TRANSLATE_NOOP("EngineMessages", "金额不能为负数"),
    QT_TRANSLATE_NOOP("EngineMessages", "“{text}”不是金额：请只填数字，例如 1200000、1,200,000 或 120万"),
    QT_TRANSLATE_NOOP("EngineMessages", "“{text}”的千位分隔符位置不对，例如应写作 1,200,000"),
    QT_TRANSLATE_NOOP("EngineMessages", "“{text}”不是金额"),
    QT_TRANSLATE_NOOP("EngineMessages", "金额必须是有限的数"),
    QT_TRANSLATE_NOOP("EngineMessages", "金额过大，请检查单位（元 / 万元）"),
    QT_TRANSLATE_NOOP("EngineMessages", "金额最多保留两位小数（精确到分）"),
    # desktop/engine/answers.py: the credit code
    QT_TRANSLATE_NOOP("EngineMessages", "统一社会信用代码应为 18 位，实际为 {count} 位"),
    QT_TRANSLATE_NOOP("EngineMessages", "统一社会信用代码的校验位不正确，请逐位核对营业执照"),
    QT_TRANSLATE_NOOP("EngineMessages", "统一社会信用代码含有不允许的字符（只能是数字和大写字母，不含 I、O、Z、S、V）"),
    QT_TRANSLATE_NOOP("EngineMessages", "统一社会信用代码无效"),
    # desktop/engine/answers.py: reading an answers file
    QT_TRANSLATE_NOOP("EngineMessages", "{file}: 文件不是 UTF-8 编码的文本"),
    QT_TRANSLATE_NOOP("EngineMessages", "{file}: 无法读取文件：{reason}"),
    QT_TRANSLATE_NOOP("EngineMessages", "{file}: JSON 格式错误，第 {line} 行第 {column} 列：{reason}"),
    QT_TRANSLATE_NOOP("EngineMessages", "文件内容应为 JSON 对象（{...}）"),
    QT_TRANSLATE_NOOP("EngineMessages", "{where}: 不支持的格式 {found}，应为 {wanted}"),
    QT_TRANSLATE_NOOP("EngineMessages", "{where}: 未知的字段{suggestion}"),
    QT_TRANSLATE_NOOP("EngineMessages", "{where}: 未知的问题编号{suggestion}"),
    QT_TRANSLATE_NOOP("EngineMessages", "{where}: 应为政策包编号（文字），实际为 {found}"),
    QT_TRANSLATE_NOOP("EngineMessages", "{where}: 应为对象（{...}）"),
    QT_TRANSLATE_NOOP("EngineMessages", "{where}: 应为文字，实际为 {found}"),
    QT_TRANSLATE_NOOP("EngineMessages", "{where}: {problem}"),
    QT_TRANSLATE_NOOP("EngineMessages", "；是否应为 {guess}？"),
    QT_TRANSLATE_NOOP("EngineMessages", "应为金额（数字），不是 true/false"),
    QT_TRANSLATE_NOOP("EngineMessages", "应为金额（数字或数字字符串），实际为 {found}"),
    QT_TRANSLATE_NOOP("EngineMessages", "“{text}”不是有效日期，应写作 2025-06-18"),
    QT_TRANSLATE_NOOP("EngineMessages", "应为日期字符串（如 2025-06-18），实际为 {found}"),
    QT_TRANSLATE_NOOP("EngineMessages", "应为 true 或 false，实际为 {found}"),
    QT_TRANSLATE_NOOP("EngineMessages", "未知的选项 {found}，应为 {allowed} 之一"),
    QT_TRANSLATE_NOOP("EngineMessages", "应为文字，实际为 {found}"),
    QT_TRANSLATE_NOOP("EngineMessages", "应为整数，实际为 {found}"),
    QT_TRANSLATE_NOOP("EngineMessages", "不能小于 {low}（实际为 {found}）"),
    QT_TRANSLATE_NOOP("EngineMessages", "不能大于 {high}（实际为 {found}）"),
    QT_TRANSLATE_NOOP("EngineMessages", "应为记录的数组（[...]）"),
    QT_TRANSLATE_NOOP("EngineMessages", "第 {n} 条应为对象（{...}）"),
    QT_TRANSLATE_NOOP("EngineMessages", "第 {n} 条：未知的字段 {found}{suggestion}"),
    QT_TRANSLATE_NOOP("EngineMessages", "第 {n} 条：缺少 {field}（{label}）"),
    QT_TRANSLATE_NOOP("EngineMessages", "不支持 {found}：金额必须是有限的数"),
    # desktop/engine/limits.py and desktop/safe_read.py: what an answers file may hold
    QT_TRANSLATE_NOOP("EngineMessages", "文件过大（{size}，最多 {limit}），未读取"),
    QT_TRANSLATE_NOOP("EngineMessages", "不是普通文件（可能是管道、设备或文件夹），未读取"),
    QT_TRANSLATE_NOOP("EngineMessages", "嵌套过深（对象或数组的层数超过 {limit}）"),
    QT_TRANSLATE_NOOP("EngineMessages", "文字过长（{count} 字，最多 {limit} 字）"),
    QT_TRANSLATE_NOOP("EngineMessages", "记录过多（{count} 条，最多 {limit} 条）"),
    QT_TRANSLATE_NOOP("EngineMessages", "键 {key} 在同一个对象中出现了两次（只能写一次）"),
    QT_TRANSLATE_NOOP("EngineMessages", "含有不允许的字符 {code}（控制字符或无效的 Unicode）"),
    QT_TRANSLATE_NOOP("EngineMessages", "数字位数过多（{count} 位）"),
    QT_TRANSLATE_NOOP("EngineMessages", "不能用科学计数法，请写成普通数字（如 100000）"),
    QT_TRANSLATE_NOOP("EngineMessages", "不能含有换行或制表符"),
    QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{value}不是答卷文件的金额写法：只能有数字和小数点（如 1200000 或 1200000.50），"
        "不能用千位分隔符、“万”、全角数字、下划线或科学计数法",
    ),
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


def translate_engine_message(message: str) -> str:
    """The message in the window's language; unchanged in Chinese or when no template fits."""
    if current_language() == "zh":
        return message
    return _translate(message, depth=0)


def _translate(message: str, depth: int) -> str:
    for template in TEMPLATES:
        match = _pattern(template).fullmatch(message)
        if match is not None:
            values = {
                name: _translate(value, depth + 1) if depth < 3 else value for name, value in match.groupdict().items()
            }
            return _fill(QCoreApplication.translate(CONTEXT, template), values)
    return message


def _fill(template: str, values: dict[str, str]) -> str:
    return _FIELD.sub(lambda field: values.get(field.group(1), field.group(0)), template)


def translate_engine_messages(messages: list[str]) -> list[str]:
    return [translate_engine_message(message) for message in messages]
