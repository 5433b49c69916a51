"""The packs the program knows: the bundled ones and any a user added to the data folder."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from desktop.policy.loader import PackError, load_pack
from desktop.policy.model import Pack
from desktop.resources import resource_path


class UnknownPackError(LookupError):
    pass


class PackRegistry:
    """Packs by id. A later folder's pack replaces an earlier one's with the same id and version."""

    def __init__(self, packs: Iterable[Pack] = ()) -> None:
        self._packs: dict[tuple[str, str], Pack] = {}
        self.errors: list[PackError] = []
        for pack in packs:
            self.add(pack)

    @classmethod
    def from_folders(cls, folders: Iterable[Path]) -> PackRegistry:
        registry = cls()
        for folder in folders:
            for path in sorted(folder.glob("*.toml")):
                try:
                    registry.add(load_pack(path))
                except PackError as exc:
                    registry.errors.append(exc)
        return registry

    def add(self, pack: Pack) -> None:
        self._packs[(pack.id, pack.version)] = pack

    def all(self) -> list[Pack]:
        return sorted(self._packs.values(), key=lambda p: (p.valid_from, p.id, p.version))

    def get(self, pack_id: str, version: str | None = None) -> Pack:
        """The pack with this id: the given version, or the newest (latest valid_from, then version)."""
        candidates = [
            p for (pid, ver), p in self._packs.items() if pid == pack_id and (version is None or ver == version)
        ]
        if not candidates:
            known = "、".join(sorted({p.id for p in self._packs.values()})) or "无"
            raise UnknownPackError(
                f"未知的政策包 {pack_id!r}" + (f" 版本 {version}" if version else "") + f"（已知：{known}）"
            )
        return max(candidates, key=lambda p: (p.valid_from, p.version))

    def for_date(self, day: dt.date) -> Pack:
        """The pack in force on `day`, or else the newest pack."""
        packs = self.all()
        if not packs:
            raise UnknownPackError("没有可用的政策包")
        in_force = [p for p in packs if p.in_force_on(day)]
        return (in_force or packs)[-1]


def bundled_folder() -> Path:
    return resource_path("policies")


@lru_cache(maxsize=1)
def bundled_registry() -> PackRegistry:
    """The packs shipped with the program, loaded once per process."""
    return PackRegistry.from_folders([bundled_folder()])
