"""The 镇街 list, read from resources/towns.toml (data, because divisions get merged and renamed)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from desktop.resources import resource_path

_SUFFIXES = ("镇", "街道", "区", "开发区", "新区")  # i18n: parts of the towns' own names, matched
"""What a clerk may leave off a town's name ("南头" for 南头镇)."""


@dataclass(frozen=True)
class TownGroup:
    title: str
    names: tuple[str, ...]
    title_en: str = ""


@dataclass(frozen=True)
class Towns:
    groups: tuple[TownGroup, ...]
    other: str
    other_en: str = ""
    english: tuple[tuple[str, str], ...] = ()
    """(Chinese name, English name): the English window shows both; the answer is the Chinese name."""

    def names(self) -> tuple[str, ...]:
        return tuple(name for group in self.groups for name in group.names)

    @cached_property
    def _english_names(self) -> dict[str, str]:
        return dict(self.english)  # looked up per table row and per filter keystroke: built once

    def shown_name(self, name: str, lang: str) -> str:
        english = self._english_names.get(name) if lang == "en" else None
        return f"{english} ({name})" if english else name

    def shown_title(self, group: TownGroup, lang: str) -> str:
        return group.title_en if lang == "en" and group.title_en else group.title

    def canonical(self, typed: str) -> str | None:
        """The listed name a clerk meant: "南头镇" for "南头镇", "南头" or "Nantou Town"; None for a name that is not
        on the list (a merged or renamed division, a slip) or that could mean two."""
        text = "".join(typed.split())
        if not text:
            return None
        names = self.names()
        if text in names:
            return text
        folded = " ".join(typed.split()).casefold()
        for chinese, english in self.english:
            if folded in (
                english.casefold(),
                english.casefold().rsplit(" ", 1)[0],
                f"{english} ({chinese})".casefold(),
            ):
                return chinese
        short = [name for name in names if name.startswith(text) and name[len(text) :] in _SUFFIXES]
        return short[0] if len(short) == 1 else None

    def shown_other(self, lang: str) -> str:
        return self.other_en if lang == "en" and self.other_en else self.other


def load_towns(path: Path) -> Towns:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    groups = tuple(
        TownGroup(str(g["title"]), tuple(str(n) for n in g["names"]), str(g.get("title_en", "")))
        for g in data["groups"]
    )
    english = tuple((str(zh), str(en)) for zh, en in data.get("english", {}).items())
    other = str(data.get("other", "其他（请填写）"))  # i18n: default of a data file
    return Towns(groups, other, str(data.get("other_en", "")), english)


@lru_cache(maxsize=1)
def bundled_towns() -> Towns:
    return load_towns(resource_path("towns.toml"))


def shown_town(name: str, lang: str) -> str:
    """A stored 镇街 as the window and the papers show it: "Guzhen Town (古镇镇)" in English, else as stored."""
    return bundled_towns().shown_name(name, lang) if name else name
