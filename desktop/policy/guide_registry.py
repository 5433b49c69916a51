"""The application guides the program knows: bundled ones (resources/guides/) and those the user added.

Which guide applies to an assessment: the one the user picked, else the newest real (non-example) guide of
its pack. A training guide (`example = true`, invented windows) is never chosen by itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from desktop.paths import user_guides_dir
from desktop.policy.guide_limits import MAX_GUIDE_BYTES
from desktop.policy.guides import Guide, GuideError, load_guide_text
from desktop.policy.model import Pack
from desktop.policy.registry import PackInstallError, PackRegistry, copy_into, known_registry, safe_file_name
from desktop.problems import Problem
from desktop.resources import resource_path
from desktop.safe_read import FileRefusedError, read_regular_file


def bundled_guides_folder() -> Path:
    return resource_path("guides")


class GuideRegistry:
    def __init__(self, guides: Iterable[Guide] = ()) -> None:
        self._guides: dict[str, Guide] = {}
        self.errors: list[GuideError] = []
        for guide in guides:
            self._guides.setdefault(guide.id, guide)

    @classmethod
    def from_folders(cls, folders: Iterable[Path], packs: PackRegistry) -> GuideRegistry:
        """Guides read from the folders in order; a later file with a known id is listed as an error (the first,
        the bundled one, stays), so a hand-placed file never silently replaces a guide."""
        registry = cls()
        by_id = _packs_by_id(packs)
        for folder in folders:
            try:
                paths = sorted(folder.glob("*.toml")) if folder.is_dir() else []
            except OSError as exc:  # a folder that cannot be listed is said, like a file that cannot be read
                unreadable = Problem("guides.folder_unreadable", reason=str(exc.strerror or exc), where=(str(folder),))
                registry.errors.append(GuideError(folder.name, [unreadable]))
                continue
            for path in paths:
                try:
                    guide = _read_guide(path, by_id, within=folder)
                except GuideError as exc:
                    registry.errors.append(exc)
                    continue
                except Exception as exc:  # a fault of the checker must not stop the program or the other guides
                    why = Problem("guides.internal", kind=type(exc).__name__, where=(path.name,))
                    registry.errors.append(GuideError(path.name, [why]))
                    continue
                known = registry._guides.get(guide.id)
                if known is not None and known.hash != guide.hash:
                    twice = Problem("guides.duplicate", guide=guide.id, where=(path.name,))
                    registry.errors.append(GuideError(path.name, [twice]))
                    continue
                registry._guides.setdefault(guide.id, guide)
        return registry

    def all(self) -> list[Guide]:
        return sorted(self._guides.values(), key=lambda g: (g.pack, g.published_on, g.id))

    def for_pack(self, pack_id: str) -> list[Guide]:
        """The pack's guides, newest first (real guides before training examples of the same day)."""
        guides = [g for g in self._guides.values() if g.pack == pack_id]
        return sorted(guides, key=lambda g: (not g.example, g.published_on, g.id), reverse=True)

    def get(self, guide_id: str) -> Guide | None:
        return self._guides.get(guide_id)

    def applying(self, pack_id: str, chosen: str | None = None) -> Guide | None:
        """The guide the user chose (if still known and for this pack), else the newest real guide."""
        if chosen:
            guide = self._guides.get(chosen)
            if guide is not None and guide.pack == pack_id:
                return guide
        return next((g for g in self.for_pack(pack_id) if not g.example), None)


def skipped(errors: Iterable[GuideError]) -> list[Problem]:
    """One problem per guide file not loaded, with its first problem, as the command line lists them (a bad
    guide is listed and skipped like a bad pack, never fatal, never blamed on an answers file)."""
    return [Problem("guides.not_used", problem=e.problems[0] if e.problems else e.source) for e in errors]


def _guide_bytes(path: Path, within: Path | None) -> bytes:
    """Only a regular file of at most MAX_GUIDE_BYTES is read (no FIFO, device, or link out of `within`)."""
    try:
        return read_regular_file(path, MAX_GUIDE_BYTES, within=within)
    except FileRefusedError as exc:
        raise GuideError(path.name, [exc.problem.at(path.name)]) from None


def _read_guide(path: Path, packs: dict[str, Pack], within: Path | None) -> Guide:
    return load_guide_text(_guide_bytes(path, within), path.name, packs, str(path))


def _packs_by_id(packs: PackRegistry) -> dict[str, Pack]:
    return {pack.id: packs.get(pack.id) for pack in packs.all()}


def known_guides(packs: PackRegistry | None = None) -> GuideRegistry:
    """Bundled guides plus the user's, read afresh (guides can be added while the program runs)."""
    return GuideRegistry.from_folders([bundled_guides_folder(), user_guides_dir()], packs or known_registry())


def install_guide(path: Path, packs: PackRegistry | None = None) -> Guide:
    """Check a guide file against the known packs and copy it into the user's guides folder.

    Nothing is written unless it loads without a problem; a guide whose id is known with other content is
    refused (a revised guide needs a new id: assessments record which guide they used)."""
    packs = packs or known_registry()
    content = _guide_bytes(path, within=None)
    guide = load_guide_text(content, path.name, _packs_by_id(packs), str(path))
    existing = known_guides(packs).get(guide.id)
    if existing is not None:
        if existing.hash == guide.hash:
            return existing
        raise PackInstallError(Problem("guides.install_differs", guide=guide.id, where=(path.name,)))
    target = copy_into(user_guides_dir(), safe_file_name(guide.id), content, path.name, "guide")
    return _read_guide(target, _packs_by_id(packs), within=None)
