"""What an answers file may hold, and reading its JSON strictly: checked before anything is assessed.

A real answers file is 1–40 KB (the appliance example with its IP cases is 1.4 KB; 200 IP cases come
to about 40 KB), nests 4 levels deep, and its longest text is an enterprise name of some 60
characters. The limits are many times that, and small enough that a refused file costs little time
and memory: a 50 MB contact or 900,000 table rows are refused before they are parsed or checked.
The README ("The answers file") lists them.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

from desktop.problems import Field, Place, Problem, ProblemError, Quoted, Term, ValueProblemError, bare, quote
from desktop.safe_read import MIB

MAX_ANSWERS_BYTES = 2 * MIB
MAX_DEPTH = 12
"""Objects and arrays inside each other; the document itself counts as 1."""
MAX_TABLE_ROWS = 1_000
"""Rows of one table answer (200 IP cases is a large real case)."""
MAX_TEXT = 500
"""Characters of a text answer (also a text field of a table row)."""
ENTERPRISE_LIMITS = {"name": 200, "credit_code": 40, "town": 50, "contact": 100, "phone": 40}
"""Characters of each enterprise field. 200 covers the longest registered names (with an English name
added); the checklist prints the name in full on its first page and in every page header."""
# The enterprise's fields as a clerk reads them (the terms of the same columns in lists and exports).
ENTERPRISE_TERMS = {
    "name": "enterprise",
    "credit_code": "credit_code",
    "town": "town",
    "contact": "report.contact",
    "phone": "report.phone",
}
MAX_PROBLEMS = 20
"""Problems listed per file; the rest are counted (`more_problems`)."""
MAX_NUMBER_DIGITS = 40
"""Digits of a JSON number; anything longer is no amount, and Python refuses integers past 4,300."""

# A money string as an answers file holds it: ASCII digits, an optional point with decimals. Other forms
# (1,200,000, 120万, １２００, 1_200, 1e5) are the window's typing conveniences, not the file format.
MONEY_TEXT = re.compile(r"[0-9]+(?:\.[0-9]+)?", re.ASCII)
DATE_TEXT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
_JSON_DECIMAL = re.compile(r"-?[0-9]+(?:\.[0-9]+)?", re.ASCII)
# Control characters (C0 but tab and line breaks; DEL; C1, which some terminals obey like ESC) and lone
# surrogates (no UTF-8 writer takes them: the PDF, the database and the CSV all failed on "\ud800").
_BAD_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_BAD_IN_LINE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


class UnusableNumber:
    """A JSON number or constant that is no amount or integer (NaN, Infinity, 1e400, 4,301 digits).

    Kept as a value instead of failing the whole file, so the message names the field it stands in."""

    def __init__(self, text: str, why: Problem) -> None:
        self.text = text
        self.why = why

    def as_quoted(self) -> Quoted:
        return quote(self.text, 24)

    def __repr__(self) -> str:
        return f"UnusableNumber({self.text[:24]!r})"


def _number(text: str) -> object:
    if len(text.lstrip("-").replace(".", "")) > MAX_NUMBER_DIGITS:
        return UnusableNumber(text, Problem("answers.too_many_digits", count=f"{len(text):,}"))
    if not _JSON_DECIMAL.fullmatch(text):
        return UnusableNumber(text, Problem("answers.exponent"))
    return Decimal(text)


def _integer(text: str) -> object:
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        return UnusableNumber(text, Problem("answers.too_many_digits", count=f"{len(text):,}"))
    return int(text)


def _constant(name: str) -> object:
    return UnusableNumber(name, Problem("answers.not_finite", name=name))


class DuplicateKeyError(ProblemError, ValueError):
    """A key twice in one object of an answers file."""


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise DuplicateKeyError(Problem("answers.duplicate_key", key=quote(key)))
        result[key] = value
    return result


def load_answers_json(text: str) -> object:
    """The decoded document; raises JSONDecodeError for syntax, ProblemError for the rest.

    Strict where Python's json is lenient: a key twice in one object is an error naming the key, and
    numbers that cannot be amounts (NaN, 1e400, 4,301 digits) come back as UnusableNumber."""
    try:
        data = json.loads(
            text,
            parse_float=_number,
            parse_int=_integer,
            parse_constant=_constant,
            object_pairs_hook=_no_duplicates,
        )
    except RecursionError:
        raise ValueProblemError(Problem("answers.too_deep", limit=MAX_DEPTH)) from None
    problem = structure_problem(data)
    if problem is not None:
        raise ValueProblemError(problem)
    return data


def structure_problem(data: object) -> Problem | None:
    """Nesting too deep, or a text (or key) holding a character no text may hold; None when sound.

    Checked iteratively, before anything recurses into the document."""
    stack: list[tuple[str, int, object]] = [("", 1, data)]
    while stack:
        where, depth, value = stack.pop()
        if depth > MAX_DEPTH:
            return Problem("answers.too_deep", limit=MAX_DEPTH)
        if isinstance(value, dict):
            for key, item in value.items():
                path = f"{where}.{key}" if where else key
                if _BAD_IN_LINE.search(key):
                    return Problem("answers.key_character", where=(quote(path),))
                stack.append((path, depth + 1, item))
        elif isinstance(value, list):
            stack.extend((f"{where}[{i}]", depth + 1, item) for i, item in enumerate(value))
        elif isinstance(value, str) and _BAD_CHARACTER.search(value):
            char = _BAD_CHARACTER.search(value)
            assert char is not None
            shown = _place(where) if where else Term("the_file")
            return Problem("answers.bad_character", code=f"U+{ord(char.group()):04X}", where=(shown,))
    return None


def enterprise_field(key: str) -> Field:
    """An enterprise field as a message names it: its id for a technician, its label for a clerk."""
    return Field(f"enterprise.{key}", Term(ENTERPRISE_TERMS[key]), with_label=False)


def _place(path: str) -> Place:
    """Where in an answers file, as a message names it: the enterprise's fields and the date by their labels
    for a clerk; any other path as it is, short."""
    head, _, key = path.partition(".")
    if head == "enterprise" and key in ENTERPRISE_TERMS:
        return enterprise_field(key)
    if path == "assessed_on":
        return Field(path, Term("assessed_on"), with_label=False)
    return bare(path, 120)


def text_problem(value: str, limit: int, *, single_line: bool) -> Problem | None:
    """Why a text is refused (too long, or a line break where one line is meant), or None."""
    if len(value) > limit:
        return Problem("text.too_long", count=f"{len(value):,}", limit=limit)
    if single_line and _BAD_IN_LINE.search(value):
        return Problem("text.line_break")
    return None


def capped(problems: list[Problem], limit: int = MAX_PROBLEMS) -> list[Problem]:
    """At most `limit` problems, the last saying how many more there were."""
    if len(problems) <= limit:
        return problems
    return [*problems[: limit - 1], Problem("more_problems", count=len(problems) - limit + 1)]
