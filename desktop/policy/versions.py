"""Ordering of pack versions as people write them: 2025.9 comes before 2025.10."""

from __future__ import annotations

import re

_PARTS = re.compile(r"\d+|[^\d.\-_ ]+")

VersionKey = tuple[tuple[tuple[int, int, str], ...], str]


def version_key(version: str) -> VersionKey:
    """A sort key comparing runs of digits as numbers and other runs as text, part by part.

    `2025.2` < `2025.10` < `2026.1`; a letter part sorts after a number in the same place
    (`2025.1` < `2025.1b`). The text itself breaks remaining ties (`2025.01` and `2025.1`), so the
    order is total and the same on every machine.
    """
    parts = tuple((0, int(run), "") if run.isdigit() else (1, 0, run.casefold()) for run in _PARTS.findall(version))
    return parts, version
