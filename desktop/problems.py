"""What went wrong, as data: a code, its values, and where. Worded at the edge, never here.

The readers of packs, guides, cases and answers files, the money and credit-code checks, the store, the
attachments and the list import say what is wrong with a `Problem`: a code (`"pack.field.unknown"`), the
values the sentence names (`value="'x'"`, a nested problem, a question's label) and the place (the file, the
entry, the field). The window, the command line, the PDF and the exports word it in the user's language from
one bilingual catalogue (`desktop.wording.problems.word`). Nothing below that layer makes a sentence, so
English is never recovered from Chinese and a new message is one line of the catalogue.

No Qt and no other module of the program here: every layer imports this one.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal, Protocol, Self, TypeAlias, runtime_checkable

from desktop.quoting import QUOTE_LIMIT, visible


class Bilingual(Protocol):
    """A text of the user's data in both languages: a pack's `Text` (its labels and names)."""

    @property
    def zh(self) -> str: ...

    @property
    def en(self) -> str: ...


@dataclass(frozen=True)
class Quoted:
    """A value from the input as a message repeats it: short (`length` says how long the whole was), control
    characters made visible, and a container described, not dumped (see `quote`)."""

    kind: Literal["text", "bare", "object", "array", "literal"]
    text: str = ""
    count: int = 0
    """Characters of the whole when `text` is cut short (0: it is whole); entries of a container."""


@dataclass(frozen=True)
class Term:
    """A word of the catalogue's terms, by its key (`desktop.wording.terms`): an enterprise field's name, the
    kind of a question, the name of a date of a claim."""

    key: str


@dataclass(frozen=True)
class Listed:
    """Values said one after the other: words joined the language's way (、 / ", "), clauses (；/ "; "), with a
    comma in both, or paragraphs."""

    items: tuple[Param, ...]
    kind: Literal["words", "clauses", "comma", "paragraphs"] = "words"
    within: int = 0
    """Characters the worded items may take (0: no bound): the first items that fit are said, the others
    counted ("……另有 3 处问题未列出"), so many broken rows of a table still make one short line."""
    total: int = 0
    """How many values there were when `items` holds only the first of them (0: `items` is all)."""


@dataclass(frozen=True)
class Field:
    """A field of a file a message names: its id as the file writes it, with the label of the question when
    the pack knows it. For a technician the id stays (it is what to look for in the file), the label follows
    it (unless `with_label` is False: an enterprise field's id says enough); a clerk reads only the label.
    `lead` goes before the id only (`.amount`, ` amount`)."""

    path: str | At
    label: Bilingual | Term | None = None
    lead: str = ""
    with_label: bool = True


@dataclass(frozen=True)
class Aside:
    """An id said in brackets after the entry it names: `items[0]（aeo）` / `items[0] (aeo)`."""

    text: str


Part: TypeAlias = "str | Aside | Quoted | Term"


@dataclass(frozen=True)
class At:
    """Where in a file: `measures[2]（credit）.items[0]（credit_insurance）.rule.cap`, built as it is read."""

    parts: tuple[Part, ...] = ()

    def __add__(self, more: str | At) -> At:
        return At((*self.parts, *(more.parts if isinstance(more, At) else (more,))))

    @staticmethod
    def entry(path: str | At, ident: object) -> At:
        """An entry of an array followed by its id when it has one: `items[3]（aeo）`."""
        start = path if isinstance(path, At) else At((path,))
        return start + At((Aside(ident),)) if isinstance(ident, str) else start

    def __bool__(self) -> bool:
        return bool(self.parts)


Param: TypeAlias = "str | int | Message | Quoted | Term | Listed | Field | Aside | At | Bilingual | None"
Place: TypeAlias = Param
"""Where a message stands: a file's name, an entry (`At`), a field, or any other value said before it."""


@dataclass(frozen=True, init=False)
class Message:
    """A sentence as data: its code in the catalogue, the values it names and where it stands (the file, the
    entry, the field), each place said before the sentence and followed by ": "."""

    code: str
    params: Mapping[str, Param] = field(hash=False)
    where: tuple[Place, ...] = ()
    limit: int | None = None
    """Characters of the worded line at most (a pack checker's line, see `cut`), or None."""

    def __init__(self, code: str, /, *, where: Iterable[Place] = (), **params: Param) -> None:
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "params", dict(params))
        object.__setattr__(self, "where", tuple(where))
        object.__setattr__(self, "limit", None)

    def at(self, *places: Place) -> Self:
        """The same message, said at `places` first (a file's name before an entry's)."""
        made = object.__new__(type(self))
        object.__setattr__(made, "code", self.code)
        object.__setattr__(made, "params", self.params)
        object.__setattr__(made, "where", (*places, *self.where))
        object.__setattr__(made, "limit", self.limit)
        return made

    def placed(self, *places: Place) -> Self:
        """The same message, said at `places` instead of its own (none: only its sentence)."""
        made = self.at()
        object.__setattr__(made, "where", places)
        return made

    def cut(self, limit: int) -> Self:
        """The same message, its worded line cut at `limit` characters (whatever value it repeats)."""
        made = self.at()
        object.__setattr__(made, "limit", limit)
        return made

    def __repr__(self) -> str:
        values = ", ".join(f"{key}={value!r}" for key, value in self.params.items())
        return f"{type(self).__name__}({self.code!r}{', ' if values else ''}{values}, where={self.where!r})"


class Problem(Message):
    """A message that says what is wrong."""


class ProblemError(Exception):
    """Input or an operation refused for the problems it holds; `str()` is technical (the codes), the user
    reads the problems worded by the catalogue."""

    def __init__(self, *problems: Problem) -> None:
        self.problems: tuple[Problem, ...] = problems
        super().__init__(*problems)

    @property
    def problem(self) -> Problem:
        """The first (often the only) problem."""
        return self.problems[0]

    def __str__(self) -> str:
        return "; ".join(problem.code for problem in self.problems)


class ValueProblemError(ProblemError, ValueError):
    """A value that is not what it should be (an answer, a number, a date of a file): a ValueError, as the
    readers that check values one by one catch it, carrying its problem."""


def problem_of(error: BaseException) -> Problem:
    """What an exception says as a problem: its first problem if it carries some, else an internal error
    naming its kind (a fault of the program, never a sentence of a library in front of a clerk)."""
    if isinstance(error, ProblemError) and error.problems:
        return error.problem
    return Problem("internal", kind=type(error).__name__)


@runtime_checkable
class Quotable(Protocol):
    """A value that says how a message repeats it (a JSON number that is no number: `desktop.engine.limits`)."""

    def as_quoted(self) -> Quoted: ...


def quote(value: object, limit: int = QUOTE_LIMIT) -> Quoted:
    """A value as a message repeats it: strings quoted, other JSON values as JSON, always short and safe.

    Containers are described, not dumped: their text can be as long as the file."""
    if isinstance(value, Quotable):
        return value.as_quoted()
    if isinstance(value, str):
        return _cut("text", value, limit)
    if isinstance(value, dict):
        return Quoted("object", count=len(value))
    if isinstance(value, list):
        return Quoted("array", count=len(value))
    if value is None or isinstance(value, bool):
        return Quoted("literal", json.dumps(value))
    return _cut("bare", str(value), limit)


def bare(text: str, limit: int = QUOTE_LIMIT) -> Quoted:
    """Input repeated as it is (a key, a name), short and safe, without quotes."""
    return _cut("bare", text, limit)


def _cut(kind: Literal["text", "bare"], text: str, limit: int) -> Quoted:
    if len(text) <= limit:
        return Quoted(kind, visible(text))
    return Quoted(kind, visible(text[:limit]), len(text))


def suggestion(name: str, known: Iterable[str]) -> Problem | None:
    """The nearest known name to a misspelt one, said after the problem ("；是否应为 conditions？"), or None
    when none is near. One helper for the answers files, the packs, the guides and the case files."""
    if len(name) > 100:
        return None
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.5)
    return Problem("did_you_mean", guess=close[0]) if close else None
