"""Input shown back to people: quoted short, with nothing that could steer a terminal or break an encoder.

A message naming a bad value quotes it, but a value can be a megabyte long, hold an ESC sequence that
repaints the clerk's terminal, or a lone surrogate that no UTF-8 writer accepts. Every message that
repeats input goes through `quoted`; every line the command line prints goes through `terminal_safe`.
"""

from __future__ import annotations

import difflib
import json
import re

QUOTE_LIMIT = 80
"""Characters of a value a message repeats; the rest is replaced by "…（共 N 字）"."""

# C0 and C1 control characters (tab and line feed excepted where text may hold them), DEL, lone
# surrogates, the Unicode line and paragraph separators (a line break to `str.splitlines` and to some
# terminals, so a quoted name could forge a second message line), and the bidirectional overrides that
# make a line read differently from what it holds.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_UNSAFE_IN_LINE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\u202a-\u202e\u2066-\u2069]")


_SURROGATE = re.compile("[\ud800-\udfff]")


def encodable(text: str) -> str:
    """`text` with lone surrogates (a file name in no valid encoding, a JSON "\\ud800") replaced by U+FFFD,
    so that every UTF-8 writer (the database, a CSV, a PDF) accepts it."""
    return _SURROGATE.sub("\ufffd", text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, single_line: bool = True) -> str:
    """`text` with control characters, lone surrogates and direction overrides written as `\\x1b`, `\\ud800`."""
    return (_UNSAFE_IN_LINE if single_line else _UNSAFE).sub(_escape, text)


def clip(text: str, limit: int = QUOTE_LIMIT) -> str:
    """At most `limit` characters, saying how long the whole was."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}…（共 {len(text):,} 字）"


def quoted(value: object, limit: int = QUOTE_LIMIT) -> str:
    """A value as a message repeats it: strings in quotes, other JSON values as JSON, always short and safe.

    Containers are described, not dumped: their text can be as long as the file."""
    if isinstance(value, str):
        return f"“{visible(clip(value, limit))}”"
    if isinstance(value, dict):
        return f"{{…}}（{len(value)} 项的对象）"
    if isinstance(value, list):
        return f"[…]（{len(value)} 项的数组）"
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    return visible(clip(str(value), limit))


def terminal_safe(text: str) -> str:
    """Text for a terminal line: control characters made visible, line breaks and tabs kept."""
    return visible(text, single_line=False)


def did_you_mean(name: str, known: list[str] | tuple[str, ...]) -> str:
    """ "；是否应为 conditions？": the nearest known name to a misspelt one, said after the problem ("" when none
    is near). One helper for the answers files, the packs, the guides and the case files."""
    if len(name) > 100:
        return ""
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.5)
    return f"；是否应为 {close[0]}？" if close else ""
