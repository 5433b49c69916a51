"""The checklist's words by their short keys: its own (`report.*` in `desktop.wording.terms`) and those shared
with the window, the command line and the exports (the same catalogue's terms); policy texts come from the
pack itself.
"""

from __future__ import annotations

from decimal import Decimal

from desktop.policy.model import Lang
from desktop.wording import vocabulary
from desktop.wording.terms import term

# Keys of this module that are terms of the shared vocabulary (the same word on screen and on paper).
_TERMS: dict[str, str] = {
    "enterprise": "enterprise",
    "credit_code": "credit_code",
    "town": "town",
    "col_article": "article",
    "col_item": "item",
    "col_basis": "basis",
    "col_capped": "capped",
    "col_units": "units",
    "col_status": "status",
    "units": "units",
    "reason": "reason",
    "yes": "yes",
    "no": "no",
    "total": "total",
    "col_enterprise": "enterprise",
    "col_credit_code": "credit_code",
    "col_town": "town",
    "contact_office": "enquiries",
    "channel": "channel",
    "pending_total": "pending",
    "col_deadline": "deadline",
    "col_days_left": "days_left",
    "col_channel": "channel",
    "col_applying_firms": "applying_firms",
    "col_firms_to_confirm": "firms_to_confirm",
}
# Columns named with their unit: the cells then hold bare figures, which fit their columns in English too.
_UNIT_TERMS: dict[str, tuple[str, str]] = {
    "col_amount": ("amount", "yuan"),
    "col_cap": ("cap", "yuan"),
    "col_total": ("total", "yuan"),
    "col_total_wan": ("total", "large_unit"),
    "col_pending": ("pending", "yuan"),
    "col_paid": ("paid", "yuan"),
}


def label(key: str, lang: Lang = "zh", **values: object) -> str:
    if key in _TERMS:
        return vocabulary.term(_TERMS[key], lang)
    if key in _UNIT_TERMS:
        return vocabulary.with_unit(*_UNIT_TERMS[key], lang)
    return term(f"report.{key}", lang, **values)


def yuan(value: Decimal, lang: Lang = "zh") -> str:
    """`1,200,000.00 元`, as the bureaus' forms write amounts."""
    return vocabulary.yuan(value, lang)


def wan(value: Decimal, lang: Lang = "zh") -> str:
    """`171.00 万元` (in English: `1.71 million yuan`)."""
    return vocabulary.large(value, lang)


_NUMERALS = "一二三四五六七八九十"


def section_title(number: int, key: str, lang: Lang = "zh") -> str:
    """`三、…` / `3. …`: sections are numbered as printed, so a checklist without item details has no gap."""
    return numbered(number, label(key, lang), lang)


def numbered(number: int, title: str, lang: Lang = "zh") -> str:
    """A section's title as printed, for a title that is not one of the checklist's own words."""
    if lang == "en":
        return f"{number}. {title}"
    return f"{_NUMERALS[number - 1]}、{title}"


def article_label(article: int, article_label_zh: str, lang: Lang = "zh") -> str:
    return vocabulary.article_term(article, article_label_zh, lang)
