"""What an application guide file may hold, checked at the entrance, before any entry is read.

A guide comes from outside like a pack (工具 → 政策包 → 添加申报指南…, or a file someone put into the
data folder's `guides/`), and gets the same limits (desktop.policy.limits): at most 512 KB, 16 levels of
nesting, integers up to 10¹⁵, 500 entries per array (contacts, items, documents), 2,000 characters per
text and no control characters, line feeds or direction overrides in any text, dates from 2000 to 2100.
A file 900 levels deep or with a 5,000-digit integer, a 600,000-character round name, 20,000 contacts,
a round name with a line feed or a window from 0001-01-01 to 9999-12-31 is refused here with one line
per problem naming the file and the entry; it never reaches the guide's checker, the engine, the
calendar or the checklist.
"""

from __future__ import annotations

from typing import Any

from desktop.policy.limits import FileLimits, read_limited_toml
from desktop.problems import Problem

GUIDE_LIMITS = FileLimits("guide")
MAX_GUIDE_BYTES = GUIDE_LIMITS.max_bytes


def read_guide_toml(content: bytes, source: str) -> tuple[dict[str, Any], list[Problem]]:
    """The parsed guide file, or the problems that keep it from being read at all."""
    return read_limited_toml(content, source, GUIDE_LIMITS)
