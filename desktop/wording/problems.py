"""Problems worded: every code of `desktop.problems.Problem` in Chinese and English, side by side.

`word(problem, lang)` says a problem as the command line and the logs say it: the file, the entry and the
field first (`answers.json: answers.aeo_certified_on（海关 AEO 认证的日期）: …`), field ids kept, since they
are what to look for in the file. `word(problem, lang, clerk=True)` says it as the window shows it to a clerk:
the question's label in place of its id (`「海关 AEO 认证的日期」`). A value is worded by its kind (a quoted
input, a nested problem, a term, a list); Chinese and English differ only in the templates below and in
punctuation, never in what is said.

To add a message: add its code here with both languages (`{name}` where a value goes, the same names in
both), and raise `Problem("its.code", name=...)` where it is found (docs/developers.md, "Words at the edge").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final, Literal

from desktop.problems import Aside, At, Field, Listed, Message, Param, Place, ProblemError, Quoted, Term
from desktop.wording.catalogue import CATALOGUE
from desktop.wording.terms import term

Lang = Literal["zh", "en"]

PLACEHOLDER: Final = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


def word(message: Message, lang: Lang = "zh", *, clerk: bool = False) -> str:
    """The message in `lang`: its places (file, entry, field), each followed by ": ", then its sentence."""
    zh, en = CATALOGUE[message.code]
    template = en if lang == "en" else zh
    params = message.params

    def value(match: re.Match[str]) -> str:
        return _value(params[match.group(1)], lang, clerk)

    line = "".join(f"{_place(place, lang, clerk)}: " for place in message.where) + PLACEHOLDER.sub(value, template)
    if message.limit is not None and len(line) > message.limit:
        return line[: message.limit] + "…"
    return line


def in_both(message: Message) -> tuple[str, str]:
    """The message in Chinese and in English, for what keeps its words in both (a list's reading, stored with
    the reasons of its rows as they were read)."""
    return word(message, "zh"), word(message, "en")


def words(messages: Iterable[Message], lang: Lang = "zh", *, clerk: bool = False) -> list[str]:
    return [word(message, lang, clerk=clerk) for message in messages]


def worded(error: ProblemError, lang: Lang = "zh") -> str:
    """Every problem of an error, worded, a blank line between two (a message box's text, a log line)."""
    return "\n\n".join(words(error.problems, lang))


def _place(place: Place, lang: Lang, clerk: bool) -> str:
    return place if isinstance(place, str) else _value(place, lang, clerk)


def _value(value: Param, lang: Lang, clerk: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Message):
        return word(value, lang, clerk=clerk)
    if isinstance(value, Quoted):
        return _quoted(value, lang)
    if isinstance(value, Term):
        return term(value.key, lang)
    if isinstance(value, Listed):
        separator = {
            "words": ("、", ", "),
            "clauses": ("；", "; "),
            "comma": (", ", ", "),
            "paragraphs": ("\n\n",) * 2,
        }[value.kind]
        return separator[lang == "en"].join(_listed(value, lang, clerk))
    if isinstance(value, Field):
        return _field(value, lang, clerk)
    if isinstance(value, Aside):
        return f" ({value.text})" if lang == "en" else f"（{value.text}）"
    if isinstance(value, At):
        return "".join(_value(part, lang, clerk) for part in value.parts)
    return (value.en or value.zh) if lang == "en" else value.zh  # a pack's text


def _listed(listed: Listed, lang: Lang, clerk: bool) -> list[str]:
    """The values of a list, worded; with `within`, the first that fit and a count of the rest."""
    texts = [_value(item, lang, clerk) for item in listed.items]
    if not listed.within:
        return texts
    shown: list[str] = []
    used = 0
    for text in texts:
        if shown and used + len(text) > listed.within:
            more = (listed.total or len(texts)) - len(shown)
            return [*shown, word(Message("more_problems", count=more), lang, clerk=clerk)]
        shown.append(text)
        used += len(text)
    return shown


def _label(label: object, lang: Lang) -> str:
    if isinstance(label, Term):
        return term(label.key, lang)
    zh, en = getattr(label, "zh", ""), getattr(label, "en", "")
    return (en or zh) if lang == "en" else zh


def _field(field: Field, lang: Lang, clerk: bool) -> str:
    path = _value(field.path, lang, clerk)
    if field.label is None:
        if clerk:
            return path.removeprefix("answers.")
        return field.lead + path if lang == "zh" else path
    label = _label(field.label, lang)
    if clerk:
        return f"'{label}'" if lang == "en" else f"「{label}」"
    if lang == "en":  # the lead is Chinese punctuation: `第 1 条.amount（金额）` / `record 1, amount (Amount)`
        return f"{path} ({label})" if field.with_label else path
    return f"{field.lead}{path}（{label}）" if field.with_label else field.lead + path


def _quoted(value: Quoted, lang: Lang) -> str:
    """A value of the input as `desktop.problems.quote` kept it: “…” in Chinese, "…" in English (the window's
    font draws curly quotes full width, which gape in English)."""
    en = lang == "en"
    if value.kind == "object":
        return f"{{…}} (an object of {value.count} entries)" if en else f"{{…}}（{value.count} 项的对象）"
    if value.kind == "array":
        return f"[…] (an array of {value.count} entries)" if en else f"[…]（{value.count} 项的数组）"
    if value.kind == "literal":
        return value.text
    text = value.text
    if value.count:
        text += f"… ({value.count:,} characters)" if en else f"…（共 {value.count:,} 字）"
    if value.kind == "bare":
        return text
    return f'"{text}"' if en else f"“{text}”"


def placeholders(template: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(template))
