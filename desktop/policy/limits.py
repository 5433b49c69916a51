"""What a pack or guide file may hold, checked before any of it is used: size, nesting, numbers, texts
(their length and characters), dates.

The bundled 2025 pack is 40 KB, nests 8 levels deep, its longest text is 220 characters, its largest
array 21 entries and its largest sum 2,000,000 yuan; the bundled guides are smaller. The limits below
are many times that, so a real policy or notice never meets them, and tight enough that a hostile or
broken file is refused at once: a 5 MB disclaimer, a 100,000-deep array, a 5,000-digit number,
`cap = "1e400"`, a round name with a line feed or a right-to-left override, a window from 0001-01-01
to 9999-12-31 never reach the checker, the engine, the calendar or the checklist. Application guides
(desktop/policy/guide_limits.py) get the same limits. docs/policy-packs.md (§2) lists them for authors.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from desktop.quoting import clip, quoted, visible
from desktop.safe_read import MIB, size_text

MAX_PACK_BYTES = MIB // 2
MAX_PACK_DEPTH = 16
"""Tables and arrays inside each other; the top-level table counts as 1."""
MAX_PACK_TEXT = 2_000
"""Characters of any one text (a title, a claim, a quoted sentence, the disclaimer)."""
MAX_PACK_ARRAY = 500
"""Entries of any one array (questions, measures, items, documents, choices...)."""
MAX_PACK_INTEGER = 10**15
"""Any integer (article numbers, bounds of integer answers, sums written without quotes)."""
MAX_PACK_AMOUNT = Decimal(10**12)
"""Yuan; a fixed sum or a cap above 1 万亿元 is a typing mistake. With the answers' own bound
(desktop.engine.money.MAX_MONEY) every product, sum and rounding stays exact in the decimal context."""
FIRST_YEAR = 2000
LAST_YEAR = 2100
"""Years a date of a pack or a guide may have: a policy of this century; 0001 or 9999 is a typing mistake
(and 9999-12-31 has no next day, which a calendar event needs)."""
MONEY_PLACES = 2
RATE_PLACES = 4
# numbers finer than a cent: rates, a sum per unit (0.005 元 per USD), a quantity's bound (800000.5 USD)
RATE_KEYS = frozenset({"rate", "per", "quantity"})

# Plain decimals only: no exponent (1e30), no underscores (1_000), no other scripts' digits (１２), no sign
# but a minus (which the checker then refuses in words).
_PLAIN_NUMBER = re.compile(r"-?[0-9]{1,40}(?:\.[0-9]{1,40})?", re.ASCII)


# Characters no text of a pack or a guide may hold: C0 and C1 controls (line feeds and tabs too: every
# text is one line on screen, on paper and in a calendar), DEL, lone surrogates, the Unicode line and
# paragraph separators, and the bidirectional overrides and isolates that make a line read otherwise.
_FORBIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class FileLimits:
    """The limits of one kind of file; `kind` names it in messages ("政策包文件")."""

    kind: str
    max_bytes: int = MAX_PACK_BYTES
    max_depth: int = MAX_PACK_DEPTH
    max_text: int = MAX_PACK_TEXT
    max_array: int = MAX_PACK_ARRAY
    max_integer: int = MAX_PACK_INTEGER
    first_year: int = FIRST_YEAR
    last_year: int = LAST_YEAR


PACK_LIMITS = FileLimits("政策包文件")


def read_pack_toml(content: bytes, source: str) -> tuple[dict[str, Any], list[str]]:
    """The parsed pack file, or the problems that keep it from being read at all (size, encoding, syntax,
    nesting, text lengths and characters, array sizes, dates). Problems name the file and the entry."""
    return read_limited_toml(content, source, PACK_LIMITS)


def read_limited_toml(content: bytes, source: str, limits: FileLimits) -> tuple[dict[str, Any], list[str]]:
    """The parsed file, or the problems that keep it from being used at all, found before any entry is
    read: the size before decoding, the nesting and the digits of integers while parsing (tomllib fails
    fast on both), then every value and key of the parsed tree, walked without recursion."""
    if len(content) > limits.max_bytes:
        size, most = size_text(len(content)), size_text(limits.max_bytes)
        return {}, [f"{source}: 文件过大（{size}），{limits.kind}最多 {most}"]
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as exc:
        return {}, [f"{source}: 文件不是 UTF-8 编码（第 {exc.start} 字节）"]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return {}, [f"{source}: TOML 语法错误：{clip(str(exc), 200)}"]
    except RecursionError:
        # tomllib recurses once per nesting level: a deeply nested file fails here, quickly.
        return {}, [f"{source}: 嵌套过深（数组或表的层数超过 {limits.max_depth}）"]
    except ValueError as exc:
        # Python refuses to convert integers of more than 4,300 digits (CVE-2020-10735).
        return {}, [f"{source}: 含有位数过多的数字，无法读取（{quoted(str(exc), 60)}）"]
    return data, [f"{source}: {problem}" for problem in _structure_problems(data, limits)]


def _walk(data: dict[str, Any]) -> Iterator[tuple[str, int, str | None, object]]:
    """(where, depth, its key in a table or None, value) for every value, iteratively: nesting cannot
    exhaust the stack."""
    stack: list[tuple[str, int, str | None, object]] = [("", 1, None, data)]
    while stack:
        where, depth, name, value = stack.pop()
        yield where, depth, name, value
        if isinstance(value, dict):
            stack.extend((f"{where}.{key}" if where else str(key), depth + 1, key, v) for key, v in value.items())
        elif isinstance(value, list):
            stack.extend((f"{where}[{i}]", depth + 1, None, v) for i, v in enumerate(value))


def _text_problem(text: str, limits: FileLimits) -> str | None:
    if len(text) > limits.max_text:
        return f"文字过长（{len(text):,} 字，最多 {limits.max_text:,} 字）"
    bad = _FORBIDDEN.search(text)
    if bad is not None:
        code = ord(bad.group())
        return f"含有不允许的字符 U+{code:04X}（控制字符、换行或改变文字方向的字符），位于第 {bad.start() + 1} 个字"
    return None


def _value_problem(value: object, limits: FileLimits) -> str | None:
    if isinstance(value, str):
        return _text_problem(value, limits)
    if isinstance(value, list) and len(value) > limits.max_array:
        return f"条目过多（{len(value):,} 项，最多 {limits.max_array} 项）"
    if isinstance(value, dict) and len(value) > limits.max_array:
        return f"字段过多（{len(value):,} 个，最多 {limits.max_array} 个）"
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > limits.max_integer:
        return f"数字过大（{quoted(value)}）"
    if isinstance(value, dt.date) and not limits.first_year <= value.year <= limits.last_year:
        return f"日期 {value.isoformat()} 不在 {limits.first_year} 至 {limits.last_year} 年之间，应是笔误"
    return None


def _structure_problems(data: dict[str, Any], limits: FileLimits) -> list[str]:
    problems: list[str] = []
    for where, depth, name, value in _walk(data):
        shown = visible(clip(where, 120)) or "（文件）"
        if depth > limits.max_depth:
            return [f"{shown}: 嵌套过深（超过 {limits.max_depth} 层）"]
        problem = _value_problem(value, limits)
        if problem is None and name is not None and (key_problem := _text_problem(name, limits)):
            problem = f"字段名{key_problem}"
        if problem is not None:
            problems.append(f"{shown}: {problem}")
        if len(problems) >= 20:
            problems.append("……其余问题未列出")
            break
    return sorted(problems)


def pack_number_problem(key: str, value: int | str) -> str | None:
    """Why a pack's money or rate (`amount = "150000"`, `rate = "0.30"`) is unusable, or None.

    Called for every number a pack holds, before it becomes a Decimal. A minus sign passes here: the
    checker says "不能为负数" itself."""
    text = str(value)
    if isinstance(value, str) and not _PLAIN_NUMBER.fullmatch(text):
        if text.strip().lower() in ("nan", "inf", "infinity", "-inf", "-infinity", "+inf"):
            return f"必须是有限的数：{quoted(value)}"
        return f'应写成普通的小数（如 "0.30"、"150000"），不能用科学计数法或其他写法：{quoted(value)}'
    number = Decimal(text)
    places = max(0, -int(number.as_tuple().exponent))
    if key in RATE_KEYS:
        if places > RATE_PLACES:
            return f"比例最多 {RATE_PLACES} 位小数：{quoted(value)}"
        return None
    if abs(number) > MAX_PACK_AMOUNT:
        return f"金额过大（最多 {MAX_PACK_AMOUNT:,} 元）：{quoted(value)}"
    if places > MONEY_PLACES:
        return f"金额最多 {MONEY_PLACES} 位小数（精确到分）：{quoted(value)}"
    return None


def clip_problem(message: str, limit: int = 300) -> str:
    """A problem line of reasonable length, whatever value it repeats."""
    return message if len(message) <= limit else message[:limit] + "…"
