"""One vocabulary for the window, the checklist, the command line, the exports and the batch summary.

A clerk reads the same things on screen, on paper and in Excel, so every column name and every value
word that more than one of them shows is defined here once, in Chinese and English. No Qt: the engine
and the report use it directly; the window uses it too (its Qt catalogue holds only texts of its own).

The figures are written here as well (`1,200,000.00 元`, `171.00 万元`): in English a 万元 figure reads
as millions (`1.71 million yuan`), which is what an English-reading finance clerk expects, and never as
"× 10,000 yuan".
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from desktop.engine.money import WAN, format_yuan, round_money

if TYPE_CHECKING:  # the window imports this before its first paint: no policy package at run time
    from desktop.engine.result import ItemResult
    from desktop.policy.model import Lang

MILLION: Final = Decimal(1_000_000)

TERMS: Final[dict[str, tuple[str, str]]] = {
    # columns of the amounts table (window, checklist, CLI, exports)
    "article": ("条款", "Article"),
    "item": ("支持项目", "Support item"),
    "amount": ("金额", "Amount"),
    "cap": ("上限", "Cap"),
    "basis": ("口径", "Basis"),
    "capped": ("封顶", "Capped"),
    "units": ("责任单位", "Responsible units"),
    "reason": ("原因", "Reason"),
    "status": ("状态", "Status"),
    # values of 口径: how the figure was arrived at
    "basis_fixed": ("定额", "Fixed sum"),
    "basis_rate": ("按比例测算", "By rate"),
    "basis_up_to": ("最高", "Up to"),
    # values of 封顶
    "yes": ("是", "Yes"),
    "no": ("否", "No"),
    # an item's status
    "status_eligible": ("可申请", "Eligible"),
    "status_not_eligible": ("不可申请", "Not eligible"),
    "status_not_answered": ("未回答", "Not answered"),
    "status_service": ("服务", "Service"),
    "status_to_confirm": ("待确认", "To confirm"),
    # the one wording of the total: every figure is an upper bound (caps, "up to" items; the bureaus
    # decide), and 可申请 is the status word of the items it adds up
    "total": ("最多可申请合计", "Maximum claimable total"),
    # the enterprise, as columns of tables and exports
    "enterprise": ("企业名称", "Enterprise"),
    "credit_code": ("统一社会信用代码", "Unified social credit code"),
    "town": ("所在镇街", "Town"),
    # what the items to confirm would bring besides the total (in the window, the checklist, the exports)
    "pending": ("另有待确认", "Also to confirm"),
    "firms_to_confirm": ("待确认企业数", "Firms to confirm"),
    # when and how to apply, from the application guide, as columns of tables (workspace, batch summary)
    "deadline": ("申报截止", "Applications close"),
    "days_left": ("剩余天数", "Days left"),
    "channel": ("申报方式", "How to apply"),
    "enquiries": ("咨询", "Enquiries"),
    "applying_firms": ("申报企业数", "Firms applying"),
    "window_not_published": ("尚未公布", "Not yet published"),
    "window_closed": ("已截止", "closed"),
    "window_opens": ("{day} 开始", "opens {day}"),
    # the channel, short (the checklist and the results page say it in a sentence)
    "channel_online": ("网上申报", "Online"),
    "channel_town_office": ("镇街提交纸质材料", "Paper, via the town office"),
    "channel_insurer": ("承保机构代为申报", "Filed by the insurer"),
    "channel_automatic": ("免申即享", "Paid without application"),
    "channel_not_published": ("以申报通知为准", "Set by the notice"),
    # the day the answers were given: it records when, it changes no amount (the pack's period does)
    "assessed_on": ("填写日期", "Answers given on"),
    # the applications (issues 20, 21): a document's state, a claim's state, and the columns they fill
    "document_have": ("已备", "ready"),
    "document_missing": ("缺", "missing"),
    "document_help": ("需协助", "needs help"),
    "claim_preparing": ("准备中", "Preparing"),
    "claim_submitted": ("已提交", "Submitted"),
    "claim_accepted": ("已受理", "Accepted"),
    "claim_publicized": ("公示中", "Publicly listed"),
    "claim_paid": ("已拨付", "Paid"),
    "claim_rejected": ("未获支持", "Not granted"),
    "claim_no_application": ("免申即享", "Paid without application"),
    "claim": ("申报进度", "Application status"),
    "documents": ("申报材料", "Documents"),
    "paid": ("已拨付", "Paid"),
    # actions named on more than one screen
    "new_assessment": ("新建评估", "New assessment"),
    # units of money
    "yuan": ("元", "yuan"),
    "large_unit": ("万元", "million yuan"),
}

STATUS_KEYS: Final[dict[str, str]] = {
    "eligible": "status_eligible",
    "not_eligible": "status_not_eligible",
    "not_answered": "status_not_answered",
    "service": "status_service",
    "to_confirm": "status_to_confirm",
}


def term(key: str, lang: Lang = "zh") -> str:
    zh, en = TERMS[key]
    return en if lang == "en" else zh


def with_unit(key: str, unit: str, lang: Lang = "zh") -> str:
    """A column name with its unit: `金额（元）` / `Amount (yuan)`."""
    if lang == "en":
        return f"{term(key, lang)} ({term(unit, lang)})"
    return f"{term(key, lang)}（{term(unit, lang)}）"


def basis_key(basis: str, fixed: bool) -> str:
    """口径: 最高 where the text bounds the figure, 定额 where it states the sum, else 按比例测算."""
    if basis == "up_to":
        return "basis_up_to"
    if fixed:
        return "basis_fixed"
    return "basis_rate"


def basis_term(item: ItemResult, lang: Lang = "zh") -> str:
    return term(basis_key(item.basis, item.fixed), lang)


def status_term(status: str, lang: Lang = "zh") -> str:
    return term(STATUS_KEYS[status], lang)


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


def yuan(value: Decimal, lang: Lang = "zh") -> str:
    """`1,200,000.00 元` / `1,200,000.00 yuan`, as the bureaus' forms write amounts."""
    return f"{format_yuan(value)} {term('yuan', lang)}"


def large_figure(value: Decimal, lang: Lang = "zh") -> str:
    """`171.00` (万元) / `1.71` (million yuan), two places, for a column that names the unit."""
    return f"{round_money(value / (MILLION if lang == 'en' else WAN)):,.2f}"


def large(value: Decimal, lang: Lang = "zh") -> str:
    """`171.00 万元` / `1.71 million yuan`: the same amount in the unit a reader of that language uses."""
    return f"{large_figure(value, lang)} {term('large_unit', lang)}"


def large_number(value: Decimal, lang: Lang = "zh") -> Decimal:
    """The figure of `large` without its unit, for a spreadsheet column: 万元 to the cent of a 万
    (two places), millions to the same 100 yuan (four places)."""
    if lang == "en":
        return (value / MILLION).quantize(Decimal("0.0001"))
    return round_money(value / WAN)


def yuan_and_large(value: Decimal, lang: Lang = "zh") -> str:
    """`1,710,000.00 元（171.00 万元）` / `1,710,000.00 yuan (1.71 million yuan)`; nothing adds "（0.00 万元）"."""
    if not value:
        return yuan(value, lang)
    if lang == "en":
        return f"{yuan(value, lang)} ({large(value, lang)})"
    return f"{yuan(value, lang)}（{large(value, lang)}）"


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
