"""The 镇街 list, read from resources/towns.toml (data, because divisions get merged and renamed)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from desktop.resources import resource_path


@dataclass(frozen=True)
class TownGroup:
    title: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class Towns:
    groups: tuple[TownGroup, ...]
    other: str

    def names(self) -> tuple[str, ...]:
        return tuple(name for group in self.groups for name in group.names)


def load_towns(path: Path) -> Towns:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    groups = tuple(TownGroup(str(g["title"]), tuple(str(n) for n in g["names"])) for g in data["groups"])
    return Towns(groups, str(data.get("other", "其他（请填写）")))  # i18n: default of a data file


@lru_cache(maxsize=1)
def bundled_towns() -> Towns:
    return load_towns(resource_path("towns.toml"))
