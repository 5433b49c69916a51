"""File names for checklists written in bulk: readable, legal on Windows, and never the same twice."""

from __future__ import annotations

import re
import unicodedata

# characters Windows refuses in file names, ASCII and C1 control characters, lone surrogates (no file
# system takes them) and the direction overrides that make a name read as another (…fdp.exe)
_FORBIDDEN = re.compile('[<>:"/\\\\|?*\x00-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
# A file name may hold 255 bytes on Linux and macOS (ext4, APFS: UTF-8) and 255 UTF-16 units on Windows;
# a Chinese character takes 3 bytes, an emoji or a rare character of the supplementary planes 4. The stem
# is cut to a byte budget that leaves room for " (12).pdf", and to a length that keeps the whole path
# inside Windows' 260 characters even in a deep folder.
MAX_STEM_BYTES = 200
MAX_STEM = 100
"""UTF-16 code units (what Windows counts): a character beyond the Basic Multilingual Plane counts 2."""


def cut_to_budget(text: str, max_bytes: int = MAX_STEM_BYTES, max_units: int = MAX_STEM) -> str:
    """The longest start of `text` within both budgets, cut between characters, never inside one; a
    combining mark or joiner left dangling at the end is dropped too."""
    size = units = 0
    for index, char in enumerate(text):
        size += len(char.encode("utf-8", "surrogatepass"))
        units += 2 if ord(char) > 0xFFFF else 1
        if size > max_bytes or units > max_units:
            text = text[:index]
            while text and unicodedata.category(text[-1]) in ("Mn", "Me", "Cf"):
                text = text[:-1]
            return text
    return text


def safe_stem(text: str, fallback: str = "checklist") -> str:
    """`text` made usable as a file name on Windows and elsewhere (without the extension)."""
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"\s+", " ", text)  # tabs and line breaks first, before they count as control characters
    text = _FORBIDDEN.sub("_", text).strip().strip(".")
    text = cut_to_budget(text).rstrip(" .")
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
