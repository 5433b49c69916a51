"""The user's few remembered choices (the language, ...), kept as a small JSON object in the data folder.

Settings are a convenience, never a reason to refuse to start: a missing, unreadable or damaged file
reads as "no settings", and a write that fails leaves the old file whole (the new content goes to a
temporary file in the same folder first and then replaces the old one in one step).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from desktop.paths import settings_file
from desktop.safe_write import write_text

LANGUAGE_KEY = "language"


def read_settings(path: Path | None = None) -> dict[str, Any]:
    """All settings; an empty dict when the file is missing or is not a JSON object."""
    target = path or settings_file()
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_settings(values: dict[str, Any], path: Path | None = None) -> None:
    """Replace the settings file atomically. Raises OSError when the folder cannot be written."""
    target = path or settings_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    write_text(target, json.dumps(values, ensure_ascii=False, indent=2, sort_keys=True) + "\n")


def get_setting(key: str, default: Any = None, path: Path | None = None) -> Any:
    return read_settings(path).get(key, default)


def update_settings(path: Path | None = None, **changes: Any) -> dict[str, Any]:
    """Merge `changes` into the stored settings (other keys are kept) and return the result."""
    values = read_settings(path)
    values.update(changes)
    write_settings(values, path)
    return values
