"""File names for checklists written in bulk: readable, legal on Windows, and never the same twice."""

from __future__ import annotations

import re
import unicodedata

# characters Windows refuses in file names, and ASCII control characters
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
MAX_STEM = 80  # well inside Windows' 260-character path limit, even in a deep folder


def safe_stem(text: str, fallback: str = "checklist") -> str:
    """`text` made usable as a file name on Windows and elsewhere (without the extension)."""
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"\s+", " ", text)  # tabs and line breaks first, before they count as control characters
    text = _FORBIDDEN.sub("_", text).strip().strip(".")
    text = text[:MAX_STEM].rstrip(" .")
    if not text or text.split(".")[0].upper() in _RESERVED:
        text = f"{fallback}_{text}" if text else fallback
    return text


def checklist_stem(name: str, credit_code: str, fallback: str) -> str:
    """`<credit code>-<enterprise name>`, or whichever of the two is known, or the answers file's stem."""
    parts = [part.strip() for part in (credit_code, name) if part.strip()]
    return safe_stem("-".join(parts), fallback=safe_stem(fallback)) if parts else safe_stem(fallback)


class UniqueNames:
    """Hands out file names that differ from all earlier ones, ignoring case (Windows folders do)."""

    def __init__(self, reserved: tuple[str, ...] = ()) -> None:
        self._taken = {name.casefold() for name in reserved}

    def claim(self, stem: str, suffix: str) -> str:
        candidate = f"{stem}{suffix}"
        number = 2
        while candidate.casefold() in self._taken:
            candidate = f"{stem} ({number}){suffix}"
            number += 1
        self._taken.add(candidate.casefold())
        return candidate
