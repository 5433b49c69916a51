"""The engine's messages (money input, credit codes, answers files) in the window's language.

The engine imports no Qt and words its refusals in Chinese only. Their English lives beside them in
`desktop.engine.refusals`, shared with the command line's `--lang en`, so the two never disagree;
this module only picks the window's language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.engine.refusals import for_clerk, in_language
from desktop.ui.i18n import current_language

if TYPE_CHECKING:
    from desktop.policy.model import Pack


def translate_engine_message(message: str) -> str:
    """The message in the window's language; unchanged in Chinese or when no template fits."""
    return in_language(message, current_language())


def translate_engine_messages(messages: list[str]) -> list[str]:
    return [translate_engine_message(message) for message in messages]


def clerk_messages(messages: list[str], pack: Pack | None) -> list[str]:
    """Refusals of a file as the window shows them: labels instead of field ids, in the window's language."""
    lang = current_language()
    return [for_clerk(message, pack, lang) for message in messages]
