"""What an assessment produces, and its JSON forms (the command line's, and the stored snapshot)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal, cast

from desktop.engine.answers import Enterprise
from desktop.engine.vocabulary import join_units
from desktop.policy.model import Basis, ItemKind, Lang, Text

Status = Literal["eligible", "not_eligible", "not_answered", "service"]
STATUSES: tuple[Status, ...] = ("eligible", "not_eligible", "not_answered", "service")


@dataclass(frozen=True)
class ItemResult:
    id: str
    measure_id: str
    article: int
    article_label: str
    measure_title: Text
    title: Text
    claim: Text
    kind: ItemKind
    status: Status
    amount: Decimal | None
    cap: Decimal | None
    capped: bool
    basis: Basis
    units: tuple[Text, ...]
    documents: tuple[Text, ...]
    notes: tuple[Text, ...]
    source: str
    steps: tuple[Text, ...]
    reasons: tuple[Text, ...]
    fixed: bool = False
    """The figure is a sum the text states (定额 / 最高 N), not computed from the enterprise's answers."""

    @property
    def has_amount(self) -> bool:
        return self.status == "eligible" and self.amount is not None

    def units_text(self, lang: Lang = "zh") -> str:
        # "; " in English: one unit's own name has a comma
        return join_units((u.get(lang) for u in self.units), lang)


@dataclass(frozen=True)
class Assessment:
    pack_id: str
    pack_version: str
    pack_hash: str
    pack_title: Text
    valid_from: dt.date
    valid_to: dt.date
    assessed_on: dt.date
    enterprise: Enterprise
    items: tuple[ItemResult, ...]
    total: Decimal
    warnings: tuple[Text, ...]
    disclaimer: Text
    documents_note: Text

    @property
    def expired(self) -> bool:
        return self.assessed_on > self.valid_to

    def with_amounts(self) -> tuple[ItemResult, ...]:
        """Items the enterprise may claim with a computed figure."""
        return tuple(i for i in self.items if i.has_amount)

    def unquantified(self) -> tuple[ItemResult, ...]:
        """Eligible supports whose amount the annual notice sets."""
        return tuple(i for i in self.items if i.status == "eligible" and i.amount is None)

    def services(self) -> tuple[ItemResult, ...]:
        return tuple(i for i in self.items if i.status == "service")

    def unavailable(self) -> tuple[ItemResult, ...]:
        return tuple(i for i in self.items if i.status in ("not_eligible", "not_answered"))

    def item(self, item_id: str) -> ItemResult:
        return next(i for i in self.items if i.id == item_id)


def _money(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def _text(value: Text, lang: Lang | None) -> object:
    return {"zh": value.zh, "en": value.en} if lang is None else value.get(lang)


def _texts(values: tuple[Text, ...], lang: Lang | None) -> list[object]:
    return [_text(v, lang) for v in values]


def assessment_to_data(result: Assessment, lang: Lang | None = "zh") -> dict[str, Any]:
    """JSON-ready form. With a language, texts are plain strings (the command line's `--json`);
    with `lang=None`, both languages are kept (the snapshot a finalised assessment stores)."""
    return {
        "policy": {
            "id": result.pack_id,
            "version": result.pack_version,
            "hash": result.pack_hash,
            "title": _text(result.pack_title, lang),
            "valid_from": result.valid_from.isoformat(),
            "valid_to": result.valid_to.isoformat(),
        },
        "assessed_on": result.assessed_on.isoformat(),
        "enterprise": {k: getattr(result.enterprise, k) for k in ("name", "credit_code", "town", "contact", "phone")},
        "total": f"{result.total:.2f}",
        "warnings": _texts(result.warnings, lang),
        "disclaimer": _text(result.disclaimer, lang),
        "documents_note": _text(result.documents_note, lang),
        "items": [
            {
                "id": i.id,
                "measure": i.measure_id,
                "article": i.article,
                "article_label": i.article_label,
                "measure_title": _text(i.measure_title, lang),
                "title": _text(i.title, lang),
                "claim": _text(i.claim, lang),
                "kind": i.kind,
                "status": i.status,
                "amount": _money(i.amount),
                "cap": _money(i.cap),
                "capped": i.capped,
                "basis": i.basis,
                "units": _texts(i.units, lang),
                "documents": _texts(i.documents, lang),
                "notes": _texts(i.notes, lang),
                "source": i.source,
                "steps": _texts(i.steps, lang),
                "reasons": _texts(i.reasons, lang),
                "fixed": i.fixed,
            }
            for i in result.items
        ],
    }


def _read_text(value: object) -> Text:
    if isinstance(value, Mapping):
        return Text(str(value.get("zh", "")), str(value.get("en", "")))
    return Text(str(value))


def _read_texts(values: object) -> tuple[Text, ...]:
    return tuple(_read_text(v) for v in cast(list[object], values or []))


def _read_money(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def assessment_from_data(data: Mapping[str, Any]) -> Assessment:
    """Rebuild a stored snapshot (either form of `assessment_to_data`)."""
    policy = data["policy"]
    return Assessment(
        pack_id=policy["id"],
        pack_version=policy["version"],
        pack_hash=policy["hash"],
        pack_title=_read_text(policy["title"]),
        valid_from=dt.date.fromisoformat(policy["valid_from"]),
        valid_to=dt.date.fromisoformat(policy["valid_to"]),
        assessed_on=dt.date.fromisoformat(data["assessed_on"]),
        enterprise=Enterprise(**{k: v or "" for k, v in data.get("enterprise", {}).items()}),
        total=Decimal(data["total"]),
        warnings=_read_texts(data.get("warnings")),
        disclaimer=_read_text(data.get("disclaimer", "")),
        documents_note=_read_text(data.get("documents_note", "")),
        items=tuple(
            ItemResult(
                id=i["id"],
                measure_id=i["measure"],
                article=int(i["article"]),
                article_label=i["article_label"],
                measure_title=_read_text(i["measure_title"]),
                title=_read_text(i["title"]),
                claim=_read_text(i.get("claim", "")),
                kind=i["kind"],
                status=i["status"],
                amount=_read_money(i["amount"]),
                cap=_read_money(i["cap"]),
                capped=bool(i["capped"]),
                basis=i["basis"],
                units=_read_texts(i["units"]),
                documents=_read_texts(i["documents"]),
                notes=_read_texts(i.get("notes")),
                source=i.get("source", ""),
                steps=_read_texts(i["steps"]),
                reasons=_read_texts(i["reasons"]),
                fixed=bool(i.get("fixed", False)),
            )
            for i in data["items"]
        ),
    )
