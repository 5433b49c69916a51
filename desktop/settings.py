"""The user's remembered choices, every one declared here once: its key, type, default and meaning.

Kept as a small JSON object in the data folder (`settings.json`). The file is read once, the first time
a setting is asked for, and kept; a change re-reads the file, changes only its own keys and writes the
whole file atomically (`desktop.safe_write`), so a key another copy of the program wrote meanwhile, or
one a newer version knows and this one does not, is kept.

Settings are a convenience, never a reason to refuse to start: a missing, unreadable or damaged file
reads as "no settings"; a value of the wrong type or out of range reads as the option's default; a
write that fails leaves the old file whole, is logged, and the new value is still used until the
program ends.

Upgrades: the file says which version of this layout wrote it (`"format": "zs-trade-settings/2"`); a
file of an older layout is brought up to date when it is read, one step at a time (`_UPGRADES`), and
written in the new layout at the next change. Files written before the layout had a version are
version 1.

How a module uses a setting::

    from desktop.settings import LANGUAGE, settings

    lang = settings().get(LANGUAGE)            # typed: "zh" or "en"
    settings().set(LANGUAGE.to("en"))          # False when the file could not be written
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Generic, TypeVar

from desktop.paths import settings_file
from desktop.safe_write import write_text

if TYPE_CHECKING:  # importing desktop.policy costs ~80 ms, and the settings are read before the first window
    from desktop.policy.model import Lang

log = logging.getLogger(__name__)

T = TypeVar("T")

FORMAT_KEY: Final = "format"
FORMAT_NAME: Final = "zs-trade-settings"
FORMAT_VERSION: Final = 2


class _UnusableError(ValueError):
    """A stored value that is not of the option's type: the default is used instead."""


@dataclass(frozen=True)
class Change:
    """One option's new value, made by `Option.to` (which checks its type)."""

    key: str
    value: object


@dataclass(frozen=True)
class Option(Generic[T]):
    """One remembered choice. `read` turns the stored JSON value into the option's type, or raises
    `_UnusableError` (then `default` applies)."""

    key: str
    default: T
    read: Callable[[object], T]
    meaning: str

    def value_in(self, stored: Mapping[str, object]) -> T:
        if self.key not in stored:
            return self.default
        try:
            return self.read(stored[self.key])
        except _UnusableError:
            log.info("setting %s: unusable value %r, default used", self.key, stored[self.key])
            return self.default

    def to(self, value: T) -> Change:
        return Change(self.key, value)


# -- readers: a JSON value to the option's type ----------------------------------------------------------
def _language(raw: object) -> Lang:
    if raw == "en":
        return "en"
    if raw == "zh":
        return "zh"
    raise _UnusableError(raw)


def _optional_text(raw: object) -> str | None:
    if raw is None or isinstance(raw, str):
        return raw
    raise _UnusableError(raw)


def _optional_id(raw: object) -> int | None:
    # JSON true/false are Python bools, which are ints: not an id.
    if raw is None or (isinstance(raw, int) and not isinstance(raw, bool) and raw >= 0):
        return raw
    raise _UnusableError(raw)


# -- every option ---------------------------------------------------------------------------------------
LANGUAGE: Final[Option[Lang]] = Option("language", "zh", _language, "the window's language (desktop.ui.i18n)")
LAST_FOLDER: Final[Option[str | None]] = Option(
    "last_folder", None, _optional_text, "where the last file dialog was left: the next one opens there"
)
OPEN_ASSESSMENT: Final[Option[int | None]] = Option(
    "open_assessment", None, _optional_id, "the stored assessment open when the program ended: reopened at start"
)
OPEN_PAGE: Final[Option[int | None]] = Option(
    "open_page", None, _optional_id, "the questionnaire page it was open on (with OPEN_ASSESSMENT)"
)
WORKSPACE: Final[Option[int | None]] = Option(
    "workspace", None, _optional_id, "the association workspace last shown (desktop.ui.workspace_window)"
)

OPTIONS: Final[tuple[Option[Any], ...]] = (LANGUAGE, LAST_FOLDER, OPEN_ASSESSMENT, OPEN_PAGE, WORKSPACE)


# -- upgrades from older layouts ------------------------------------------------------------------------
def _to_version_2(values: dict[str, object], path: Path) -> dict[str, object]:
    """Version 1 kept the damaged database files the user had been told about (`acknowledged_set_aside`,
    written by the store). The store now marks such a file beside it, where it is found with the file;
    the marks are made here, once, and the key goes."""
    listed = values.pop("acknowledged_set_aside", None)
    if isinstance(listed, list):
        from desktop.store.set_aside import mark_read  # only while upgrading a version 1 file

        mark_read([Path(p) for p in listed if isinstance(p, str) and Path(p).is_file()])
    return values


_UPGRADES: Final[dict[int, Callable[[dict[str, object], Path], dict[str, object]]]] = {2: _to_version_2}
"""Version → the step that makes a file of the version before it into one of this version."""


def _version(values: Mapping[str, object]) -> int:
    marker = values.get(FORMAT_KEY)
    if isinstance(marker, str) and marker.startswith(FORMAT_NAME + "/"):
        number = marker.removeprefix(FORMAT_NAME + "/")
        if number.isdigit():
            return int(number)
    return 1  # written before the layout had a version


def _upgraded(values: dict[str, object], path: Path) -> dict[str, object]:
    version = _version(values)
    for step in range(version + 1, FORMAT_VERSION + 1):
        values = _UPGRADES[step](values, path)
    # a file from a newer version keeps its marker: its keys are kept, the ones known here are read
    if version < FORMAT_VERSION:
        values[FORMAT_KEY] = f"{FORMAT_NAME}/{FORMAT_VERSION}"
    return values


# -- the file -------------------------------------------------------------------------------------------
def _read_file(path: Path) -> dict[str, object]:
    """The file's object as stored; empty when the file is missing or is not a JSON object."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def read_settings(path: Path | None = None) -> dict[str, Any]:
    """What the file holds, as stored (without the layout's version marker): for tests and support."""
    values = _read_file(path or settings_file())
    values.pop(FORMAT_KEY, None)
    return values


def write_settings(values: Mapping[str, object], path: Path | None = None) -> None:
    """Replace the settings file atomically. Raises OSError when the folder cannot be written."""
    target = path or settings_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    write_text(target, json.dumps(dict(values), ensure_ascii=False, indent=2, sort_keys=True) + "\n")


class Settings:
    """The settings of one file, read once."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._values: dict[str, object] | None = None

    def _loaded(self) -> dict[str, object]:
        if self._values is None:
            self._values = _upgraded(_read_file(self.path), self.path)
        return self._values

    def get(self, option: Option[T]) -> T:
        return option.value_in(self._loaded())

    def set(self, *changes: Change) -> bool:
        """Remember the changes; False (and a log line) when the file could not be written: the values
        are still used until the program ends."""
        values = self._loaded()
        for change in changes:
            values[change.key] = change.value
        # the file as it is now (another copy may have written it), with these keys changed
        on_disk = _upgraded(_read_file(self.path), self.path)
        on_disk.update({change.key: change.value for change in changes})
        try:
            write_settings(on_disk, self.path)
        except OSError as exc:
            log.warning("could not write the settings to %s: %s", self.path, exc)
            return False
        self._values = {**on_disk, **{change.key: change.value for change in changes}}
        return True


_opened: dict[Path, Settings] = {}


def settings(path: Path | None = None) -> Settings:
    """The settings of `path` (default: the data folder's file), read once per program."""
    target = path or settings_file()
    found = _opened.get(target)
    if found is None:
        found = _opened[target] = Settings(target)
    return found
