"""How the window, the checklist, the command line, the exports and the batch summary say amounts, statuses
and articles, from the one catalogue of words (`desktop.wording.terms`, whose `term` is re-exported here for
the modules that word results with the figures below).

The figures are written by desktop/wording/money.py (`1,200,000.00 元`, `171.00 万元`), imported here for
the callers of this vocabulary.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from desktop.money import format_yuan
from desktop.wording.money import compact as compact
from desktop.wording.money import large as large
from desktop.wording.money import large_figure as large_figure
from desktop.wording.money import large_helps as large_helps
from desktop.wording.money import large_number as large_number
from desktop.wording.money import millions as millions
from desktop.wording.money import yuan as yuan
from desktop.wording.money import yuan_and_large as yuan_and_large
from desktop.wording.terms import TERMS as ALL_TERMS
from desktop.wording.terms import term as term

# The words shared by the window, the checklist, the command line and the exports; a dotted key is one
# output's own word (`report.*`, `summary.*`, `diff.*`), which may differ from the window's label.
TERMS: dict[str, tuple[str, str]] = {key: words for key, words in ALL_TERMS.items() if "." not in key}

if TYPE_CHECKING:  # the window imports this before its first paint: no policy package at run time
    from desktop.engine.result import ItemResult
    from desktop.policy.model import Lang


STATUS_KEYS: Final[dict[str, str]] = {
    "eligible": "status_eligible",
    "not_eligible": "status_not_eligible",
    "not_answered": "status_not_answered",
    "service": "status_service",
    "to_confirm": "status_to_confirm",
    "barred": "status_barred",
}


def with_unit(key: str, unit: str, lang: Lang = "zh") -> str:
    """A column name with its unit: `金额（元）` / `Amount (yuan)`."""
    if lang == "en":
        return f"{term(key, lang)} ({term(unit, lang)})"
    return f"{term(key, lang)}（{term(unit, lang)}）"


def basis_key(basis: str, method: str) -> str:
    """口径: 最高 where the text bounds the figure, 定额 where it states the sum, else how it is computed (按比例,
    按单价, 按档位, 按实际金额, 按规则): never "by rate" for a figure no rate made."""
    if basis == "up_to":
        return "basis_up_to"
    key = f"basis_{method}"
    return key if key in TERMS else "basis_computed"


def basis_term(item: ItemResult, lang: Lang = "zh") -> str:
    return term(basis_key(item.basis, item.info.method), lang)


def status_term(status: str, lang: Lang = "zh") -> str:
    return term(STATUS_KEYS[status], lang)


def item_status_term(item: ItemResult, lang: Lang = "zh") -> str:
    """An item's status as a reader takes it: a service one may not use "does not apply" (nobody applies
    for a service, so "not eligible" would read as refused)."""
    if item.kind == "service" and item.status == "not_eligible":
        return term("status_not_applicable", lang)
    return status_term(item.status, lang)


def yes_no(value: bool, lang: Lang = "zh") -> str:
    return term("yes" if value else "no", lang)


_NUMERALS = "〇一二三四五六七八九"


def article_number_zh(number: int) -> str:
    """`6` → `六`, `14` → `十四`, `20` → `二十`: the article numbers as the policy text writes them."""
    if number < 10:
        return _NUMERALS[number]
    tens, ones = divmod(number, 10)
    head = "十" if tens == 1 else _NUMERALS[tens] + "十"
    return head + (_NUMERALS[ones] if ones else "")


def article_term(number: int, label_zh: str = "", lang: Lang = "zh") -> str:
    """`第六条` / `Art. 6`. The pack's own label is used in Chinese where it has one."""
    if lang == "en":
        return f"Art. {number}"
    return f"第{label_zh or article_number_zh(number)}条"


def join_reasons(reasons: Iterable[str], lang: Lang = "zh") -> str:
    """Several reasons in one cell or line: "…；…" in Chinese; in English sentences, each ended by its full
    stop ("On the 'Credit China' list…. Apply for credit repair… first."), never "…; Apply…"."""
    said = [r for r in reasons if r]
    if lang != "en":
        return "；".join(said)
    return " ".join(r if r.endswith((".", "?", "!")) else f"{r}." for r in said)


def join_units(units: Iterable[str], lang: Lang = "zh") -> str:
    """Several responsible units in one line. English separates them with "; ": one unit's own name
    has a comma ("Sinosure Guangdong Branch, Zhongshan office")."""
    return ("、" if lang == "zh" else "; ").join(units)


def total_line(value: Decimal, lang: Lang = "zh") -> str:
    """`最多可申请合计：1,710,000.00 元（171.00 万元）`."""
    separator = ": " if lang == "en" else "："
    return f"{term('total', lang)}{separator}{yuan_and_large(value, lang)}"


def caps_figures(item: ItemResult, lang: Lang = "zh") -> str:
    """The caps the text states, under a column that names the unit: `500,000.00`, or one per line with its
    name where there are several or they hold per row (`每案件 300,000.00` / `每个单位 1,000,000.00`)."""
    caps = item.info.caps
    if not caps:
        return "—"
    if len(caps) == 1 and caps[0][0].zh == "上限":
        return format_yuan(caps[0][1])
    lines = []
    for name, amount in caps:
        word = name.zh.removesuffix("上限") if lang != "en" else name.get("en").removeprefix("cap ")
        lines.append(f"{word} {format_yuan(amount)}")
    return "\n".join(lines)


def capped_value(item: ItemResult, lang: Lang = "zh") -> str:
    """封顶, short: 是 when the item's own cap bit, `1/2 项` when caps per row bit on some rows, else 否.
    (The sentence saying which cap, "2 项中 1 项按每境外项目上限", is `ItemResult.cap_note`.)"""
    for limit in item.limits:
        if limit.scope in ("item", "part") and limit.hits:
            return term("yes", lang)
    for limit in item.limits:
        if limit.scope in ("row", "group") and limit.hits:
            return f"{limit.hits}/{limit.of} 项" if lang != "en" else f"{limit.hits} of {limit.of}"
    return term("no", lang)
