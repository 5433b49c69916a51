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
from typing import Any, Literal

from desktop.problems import At, Problem, Term, bare, quote
from desktop.quoting import clip, visible
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
(desktop.money.MAX_MONEY) every product, sum and rounding stays exact in the decimal context."""
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
    """The limits of one kind of file; `kind` names it in messages (a pack file, a guide file)."""

    kind: Literal["pack", "guide"]
    max_bytes: int = MAX_PACK_BYTES
    max_depth: int = MAX_PACK_DEPTH
    max_text: int = MAX_PACK_TEXT
    max_array: int = MAX_PACK_ARRAY
    max_integer: int = MAX_PACK_INTEGER
    first_year: int = FIRST_YEAR
    last_year: int = LAST_YEAR


PACK_LIMITS = FileLimits("pack")


def read_pack_toml(content: bytes, source: str) -> tuple[dict[str, Any], list[Problem]]:
    """The parsed pack file, or the problems that keep it from being read at all (size, encoding, syntax,
    nesting, text lengths and characters, array sizes, dates). Problems name the file and the entry."""
    return read_limited_toml(content, source, PACK_LIMITS)


def read_limited_toml(content: bytes, source: str, limits: FileLimits) -> tuple[dict[str, Any], list[Problem]]:
    """The parsed file, or the problems that keep it from being used at all, found before any entry is
    read: the size before decoding, the nesting and the digits of integers while parsing (tomllib fails
    fast on both), then every value and key of the parsed tree, walked without recursion."""
    if len(content) > limits.max_bytes:
        size, most = size_text(len(content)), size_text(limits.max_bytes)
        return {}, [Problem(f"toml.too_large_{limits.kind}", size=size, limit=most, where=(source,))]
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as exc:
        return {}, [Problem("toml.not_utf8", byte=exc.start, where=(source,))]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return {}, [Problem("toml.syntax", reason=bare(str(exc), 200), where=(source,))]
    except RecursionError:
        # tomllib recurses once per nesting level: a deeply nested file fails here, quickly.
        return {}, [Problem("toml.too_deep", limit=limits.max_depth, where=(source,))]
    except ValueError as exc:
        # Python refuses to convert integers of more than 4,300 digits (CVE-2020-10735).
        return {}, [Problem("toml.digits", reason=quote(str(exc), 60), where=(source,))]
    return data, [problem.at(source) for problem in _structure_problems(data, limits)]


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


def _text_problem(text: str, limits: FileLimits) -> Problem | None:
    if len(text) > limits.max_text:
        return Problem("toml.text_long", count=f"{len(text):,}", limit=f"{limits.max_text:,}")
    bad = _FORBIDDEN.search(text)
    if bad is not None:
        code = ord(bad.group())
        return Problem("toml.character", code=f"U+{code:04X}", n=bad.start() + 1)
    return None


def _value_problem(value: object, limits: FileLimits) -> Problem | None:
    if isinstance(value, str):
        return _text_problem(value, limits)
    if isinstance(value, list) and len(value) > limits.max_array:
        return Problem("toml.entries", count=f"{len(value):,}", limit=limits.max_array)
    if isinstance(value, dict) and len(value) > limits.max_array:
        return Problem("toml.keys", count=f"{len(value):,}", limit=limits.max_array)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > limits.max_integer:
        return Problem("toml.number", value=quote(value))
    if isinstance(value, dt.date) and not limits.first_year <= value.year <= limits.last_year:
        return Problem("toml.year", value=value.isoformat(), first=limits.first_year, last=limits.last_year)
    return None


def _structure_problems(data: dict[str, Any], limits: FileLimits) -> list[Problem]:
    problems: list[tuple[str, Problem]] = []
    for where, depth, name, value in _walk(data):
        shown = At((bare(where, 120),)) if where else At((Term("the_file"),))
        if depth > limits.max_depth:
            return [Problem("toml.nested", limit=limits.max_depth, where=(shown,))]
        problem = _value_problem(value, limits)
        if problem is None and name is not None and (key_problem := _text_problem(name, limits)):
            problem = Problem("toml.key_name", problem=key_problem)
        if problem is not None:
            # in the order of their places as printed: a file-level problem after the entries
            problems.append((f"{visible(clip(where, 120)) or chr(0xFF08)}: ", problem.at(shown)))
        if len(problems) >= 20:
            problems.append(("\u2026", Problem("toml.more")))
            break
    return [problem for _key, problem in sorted(problems, key=lambda pair: pair[0])]


def pack_number_problem(key: str, value: int | str) -> Problem | None:
    """Why a pack's money or rate (`amount = "150000"`, `rate = "0.30"`) is unusable, or None.

    Called for every number a pack holds, before it becomes a Decimal. A minus sign passes here: the
    checker says "不能为负数" itself."""
    text = str(value)
    if isinstance(value, str) and not _PLAIN_NUMBER.fullmatch(text):
        if text.strip().lower() in ("nan", "inf", "infinity", "-inf", "-infinity", "+inf"):
            return Problem("pack.not_finite", value=quote(value))
        return Problem("pack.plain_decimal", value=quote(value))
    number = Decimal(text)
    places = max(0, -int(number.as_tuple().exponent))
    if key in RATE_KEYS:
        if places > RATE_PLACES:
            return Problem("pack.rate_places", places=RATE_PLACES, value=quote(value))
        return None
    if abs(number) > MAX_PACK_AMOUNT:
        return Problem("pack.amount_too_large", limit=f"{MAX_PACK_AMOUNT:,}", value=quote(value))
    if places > MONEY_PLACES:
        return Problem("pack.money_places", places=MONEY_PLACES, value=quote(value))
    return None
