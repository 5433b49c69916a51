"""What a pack file may hold, checked before any of it is used: size, nesting, text lengths, numbers.

The bundled 2025 pack is 40 KB, nests 8 levels deep, its longest text is 220 characters, its largest
array 21 entries and its largest sum 2,000,000 yuan. The limits below are many times that, so a real
policy never meets them, and tight enough that a hostile or broken file is refused at once: a 5 MB
disclaimer, a 100,000-deep array, a 5,000-digit number or `cap = "1e400"` never reach the checker,
the engine or the checklist. docs/policy-packs.md (§2) lists them for pack authors.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
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
MONEY_PLACES = 2
RATE_PLACES = 4
# numbers finer than a cent: rates, a sum per unit (0.005 元 per USD), a quantity's bound (800000.5 USD)
RATE_KEYS = frozenset({"rate", "per", "quantity"})

# Plain decimals only: no exponent (1e30), no underscores (1_000), no other scripts' digits (１２), no sign
# but a minus (which the checker then refuses in words).
_PLAIN_NUMBER = re.compile(r"-?[0-9]{1,40}(?:\.[0-9]{1,40})?", re.ASCII)


def read_pack_toml(content: bytes, source: str) -> tuple[dict[str, Any], list[str]]:
    """The parsed pack file, or the problems that keep it from being read at all (size, encoding, syntax,
    nesting, text lengths, array sizes). Problems name the file and, where there is one, the entry."""
    if len(content) > MAX_PACK_BYTES:
        return {}, [f"{source}: 文件过大（{size_text(len(content))}），政策包文件最多 {size_text(MAX_PACK_BYTES)}"]
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as exc:
        return {}, [f"{source}: 文件不是 UTF-8 编码（第 {exc.start} 字节）"]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return {}, [f"{source}: TOML 语法错误：{exc}"]
    except RecursionError:
        # tomllib recurses once per nesting level: a deeply nested file fails here, quickly.
        return {}, [f"{source}: 嵌套过深（数组或表的层数超过 {MAX_PACK_DEPTH}）"]
    except ValueError as exc:
        # Python refuses to convert integers of more than 4,300 digits (CVE-2020-10735).
        return {}, [f"{source}: 含有位数过多的数字，无法读取（{quoted(str(exc), 60)}）"]
    return data, [f"{source}: {problem}" for problem in _structure_problems(data)]


def _walk(data: dict[str, Any]) -> Iterator[tuple[str, int, object]]:
    """(where, depth, value) for every value, iteratively: nesting cannot exhaust the stack."""
    stack: list[tuple[str, int, object]] = [("", 1, data)]
    while stack:
        where, depth, value = stack.pop()
        yield where, depth, value
        if isinstance(value, dict):
            stack.extend((f"{where}.{key}" if where else str(key), depth + 1, v) for key, v in value.items())
        elif isinstance(value, list):
            stack.extend((f"{where}[{i}]", depth + 1, v) for i, v in enumerate(value))


def _structure_problems(data: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    for where, depth, value in _walk(data):
        shown = visible(clip(where, 120)) or "（文件）"
        if depth > MAX_PACK_DEPTH:
            return [f"{shown}: 嵌套过深（超过 {MAX_PACK_DEPTH} 层）"]
        if isinstance(value, str) and len(value) > MAX_PACK_TEXT:
            problems.append(f"{shown}: 文字过长（{len(value):,} 字，最多 {MAX_PACK_TEXT:,} 字）")
        elif isinstance(value, list) and len(value) > MAX_PACK_ARRAY:
            problems.append(f"{shown}: 条目过多（{len(value):,} 项，最多 {MAX_PACK_ARRAY} 项）")
        elif isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_PACK_INTEGER:
            problems.append(f"{shown}: 数字过大（{quoted(value)}）")
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
