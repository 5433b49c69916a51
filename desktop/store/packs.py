"""Which pack a stored or imported assessment is filled in with."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from desktop.engine.answers import PackResolver, coerce_answer
from desktop.policy import Pack, PackRegistry
from desktop.policy.registry import UnknownPackError, known_registry
from desktop.problems import Problem


def installed_registry() -> PackRegistry:
    """The bundled packs plus those the user added (read afresh: packs can be added while the program runs)."""
    return known_registry()


def resolver(registry: PackRegistry) -> PackResolver:
    def resolve(policy: str | None, day: dt.date) -> Pack:
        return registry.get(policy) if policy else registry.for_date(day)

    return resolve


def stored_pack(
    registry: PackRegistry, pack_id: str, version: str, assessed_on: dt.date | None
) -> tuple[Pack, list[Problem]]:
    """The exact pack the assessment was made with if still installed, else the nearest, saying so."""
    try:
        return registry.get(pack_id, version), []
    except UnknownPackError:
        pass
    try:
        pack = registry.get(pack_id)
    except UnknownPackError:
        pack = registry.for_date(assessed_on or dt.date.today())
        return pack, [
            Problem("store.pack_gone", pack=pack_id, version=version, used=pack.id, used_version=pack.version)
        ]
    return pack, [Problem("store.version_gone", pack=pack_id, version=version, used_version=pack.version)]


def unloadable_answers(pack: Pack, stored: Mapping[str, Any]) -> dict[str, Any]:
    """The stored answers (JSON form) that `pack` cannot hand to the questionnaire: a question it no longer
    has, or a value it no longer accepts (a changed choice). A save must keep them: the user never saw them."""
    kept: dict[str, Any] = {}
    replaced = {q.replaces for q in pack.questions if q.replaces}
    for key, value in stored.items():
        question = pack.question(key)
        if question is None and key in replaced:
            continue  # carried over to the question that replaced it (`validate_answers`): saved in its form
        if question is None:
            kept[key] = value
            continue
        try:
            coerce_answer(question, value)
        except ValueError:
            kept[key] = value
    return kept
