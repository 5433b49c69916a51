"""Policy packs: the rules of a support policy as data, loaded and validated."""

from desktop.policy.loader import PackError, load_pack, load_pack_text
from desktop.policy.model import (
    Choice,
    Condition,
    Document,
    GlossaryTerm,
    Interpretation,
    Item,
    Measure,
    Pack,
    Question,
    Section,
    Text,
)
from desktop.policy.registry import PackRegistry, bundled_registry

__all__ = [
    "Choice",
    "Condition",
    "Document",
    "GlossaryTerm",
    "Interpretation",
    "Item",
    "Measure",
    "Pack",
    "PackError",
    "PackRegistry",
    "Question",
    "Section",
    "Text",
    "bundled_registry",
    "load_pack",
    "load_pack_text",
]
