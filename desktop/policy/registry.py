"""The packs the program knows: the bundled ones and any a user added to the data folder."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Literal

from desktop.paths import user_packs_dir
from desktop.policy.limits import MAX_PACK_BYTES
from desktop.policy.loader import PackError, load_pack_text
from desktop.policy.model import Pack
from desktop.policy.versions import version_key
from desktop.problems import Listed, Problem, ProblemError, Term, quote
from desktop.resources import resource_path
from desktop.safe_read import FileRefusedError, read_regular_file
from desktop.safe_write import write_bytes


class UnknownPackError(ProblemError, LookupError):
    """No pack with that id (or version), or none at all."""


def load_pack_file(path: Path, *, within: Path | None = None) -> Pack:
    """Read and check one pack file: only a regular file of at most MAX_PACK_BYTES is read (a FIFO or a
    link to /dev/zero named `*.toml` is refused, not waited on); with `within`, a link leading out of
    that folder is refused too. Raises PackError naming the file."""
    try:
        content = read_regular_file(path, MAX_PACK_BYTES, within=within)
    except FileRefusedError as exc:
        raise PackError(path.name, [exc.problem.at(path.name)]) from None
    return load_pack_text(content, path.name, str(path))


class PackRegistry:
    """Packs by id and version. Read from folders, the first folder's pack wins: a pack placed by hand
    in the user's folder with the id and version of a bundled one is skipped and listed, never used."""

    def __init__(self, packs: Iterable[Pack] = ()) -> None:
        self._packs: dict[tuple[str, str], Pack] = {}
        self.errors: list[PackError] = []
        """Pack files that were skipped (broken, not a regular file, or a duplicate), each with its reasons."""
        for pack in packs:
            self.add(pack)

    @classmethod
    def from_folders(cls, folders: Iterable[Path]) -> PackRegistry:
        registry = cls()
        for folder in folders:
            for path in sorted(folder.glob("*.toml")):
                try:
                    pack = load_pack_file(path, within=folder)
                except PackError as exc:
                    registry.errors.append(exc)
                    continue
                known = registry._packs.get((pack.id, pack.version))
                if known is None:
                    registry.add(pack)
                elif known.hash != pack.hash or Path(known.path).resolve() != path.resolve():
                    registry.errors.append(PackError(path.name, [_duplicate(path, pack, known)]))
        return registry

    def add(self, pack: Pack) -> None:
        self._packs[(pack.id, pack.version)] = pack

    def all(self) -> list[Pack]:
        return sorted(self._packs.values(), key=lambda p: (p.valid_from, p.id, version_key(p.version)))

    def get(self, pack_id: str, version: str | None = None) -> Pack:
        """The pack with this id: the given version, or the newest (latest valid_from, then version)."""
        candidates = [
            p for (pid, ver), p in self._packs.items() if pid == pack_id and (version is None or ver == version)
        ]
        if not candidates:
            ids = tuple(sorted({p.id for p in self._packs.values()}))
            known = Listed(ids) if ids else Term("nothing")
            if version:
                raise UnknownPackError(
                    Problem("registry.unknown_version", found=quote(pack_id), version=quote(version), known=known)
                )
            raise UnknownPackError(Problem("registry.unknown_pack", found=quote(pack_id), known=known))
        return max(candidates, key=lambda p: (p.valid_from, version_key(p.version)))

    def for_date(self, day: dt.date) -> Pack:
        """The pack in force on `day`, or else the newest pack."""
        packs = self.all()
        if not packs:
            raise UnknownPackError(Problem("registry.no_pack"))
        in_force = [p for p in packs if p.in_force_on(day)]
        return (in_force or packs)[-1]


def _duplicate(path: Path, pack: Pack, known: Pack) -> Problem:
    same = (
        Problem("registry.same_content")
        if known.hash == pack.hash
        else Problem("registry.other_content", this=pack.short_hash, known=known.short_hash)
    )
    code = "registry.duplicate_bundled" if pack_source(known) == "bundled" else "registry.duplicate_added"
    name = Path(known.path).name
    return Problem(code, pack=pack.id, version=pack.version, known=name, same=same, used=name, where=(path.name,))


def bundled_folder() -> Path:
    return resource_path("policies")


@lru_cache(maxsize=1)
def bundled_registry() -> PackRegistry:
    """The packs shipped with the program, loaded once per process."""
    return PackRegistry.from_folders([bundled_folder()])


# ---------------------------------------------------------------- packs the user adds (additive)

PackSource = Literal["bundled", "user"]


class PackInstallError(ProblemError):
    """A pack or guide file that was not added; `problems` holds one problem per reason."""


def known_registry() -> PackRegistry:
    """The bundled packs plus those in the user's packs folder, read afresh (not cached: packs can be added)."""
    folders = [bundled_folder()]
    user = user_packs_dir()
    if user.is_dir():
        folders.append(user)
    return PackRegistry.from_folders(folders)


def pack_source(pack: Pack) -> PackSource:
    """Whether a pack came with the program or was added by the user."""
    if not pack.path:
        return "bundled"
    try:
        Path(pack.path).resolve().relative_to(bundled_folder().resolve())
    except ValueError:
        return "user"
    return "bundled"


def safe_file_name(stem: str) -> str:
    """`<stem>.toml` with only letters, digits and `-_.` in the stem: an id never makes a path."""
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in stem) + ".toml"


def copy_into(folder: Path, name: str, content: bytes, source: str, what: Literal["pack", "guide"]) -> Path:
    """Put checked bytes into the user's folder under `name`, never over a different file of that name,
    written beside it and renamed so that a half-written file is never read at the next start."""
    target = folder / name
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if target.exists() and target.read_bytes() != content:
            raise PackInstallError(
                Problem(f"install.{what}_name_taken", name=target.name, folder=str(folder), where=(source,))
            )
        write_bytes(target, content)
    except OSError as exc:
        reason = str(exc.strerror or exc)
        raise PackInstallError(
            Problem(f"install.{what}_folder_unwritable", folder=str(folder), reason=reason, where=(source,))
        ) from None
    return target


def install_pack(path: Path, registry: PackRegistry | None = None) -> Pack:
    """Validate a pack file and copy it into the user's packs folder; return the installed pack.

    Nothing is written unless the pack loads without a single problem (the loader's PackError, with all
    its problems, passes through). A pack whose id and version are already known with different content
    is refused: a changed policy needs a new version, so assessments made with the old one stay traceable
    by (id, version, hash). Adding the very same file twice is harmless and returns the known pack.
    """
    try:
        content = read_regular_file(path, MAX_PACK_BYTES)
    except FileRefusedError as exc:
        raise PackError(path.name, [exc.problem.at(str(path))]) from None
    pack = load_pack_text(content, path.name, str(path))  # the bytes checked are the bytes copied
    # Checked against the packs on disk too, whatever registry the caller holds: a user pack with a bundled
    # pack's id and version would otherwise shadow it at the next start.
    known = [*(registry.all() if registry is not None else []), *known_registry().all()]
    existing = next((p for p in known if (p.id, p.version) == (pack.id, pack.version)), None)
    if existing is not None:
        if existing.hash == pack.hash:
            return existing
        old, new = existing.short_hash, pack.short_hash
        code = "install.bundled_differs" if pack_source(existing) == "bundled" else "install.added_differs"
        raise PackInstallError(
            Problem(code, pack=pack.id, version=pack.version, known=old, this=new, where=(path.name,))
        )
    target = copy_into(user_packs_dir(), safe_file_name(f"{pack.id}-{pack.version}"), content, path.name, "pack")
    return load_pack_file(target)
