"""The checklist's own wording, in Chinese and English; policy texts come from the pack itself.

Column names and value words shared with the window, the command line and the exports come from
`desktop.engine.vocabulary`; only the checklist's own texts are written here.
"""

from __future__ import annotations

from decimal import Decimal

from desktop.engine import vocabulary
from desktop.policy.model import Lang

_LABELS: dict[str, tuple[str, str]] = {
    "title": ("企业外贸扶持政策自评清单", "Foreign-trade support self-assessment checklist"),
    "contact": ("联系人", "Contact"),
    "phone": ("联系电话", "Phone"),
    "assessed_on": ("填写日期", "Answers given on"),
    "period": ("评估所针对的期间", "Activity assessed"),
    "guide": ("申报指南", "Application guide"),
    "guide_dated": ("指南日期 {day}", "guide dated {day}"),
    "policy": ("政策依据", "Policy"),
    "validity": ("政策有效期", "Valid"),
    "pack_version": ("政策包版本", "Policy pack version"),
    "not_given": ("（未填写）", "(not given)"),
    "summary": ("可申请金额汇总", "Amounts you may claim"),
    "none": ("—", "—"),
    "no_amounts": (
        "按目前的回答，没有可测算金额的扶持项目。",
        "With the current answers, no support item with a computed amount applies.",
    ),
    "details": ("逐项申报说明", "Item by item"),
    "claim": ("申请内容", "What to claim"),
    "explanation": ("测算过程", "How it was computed"),
    "documents": ("需准备的材料（备齐后打勾）", "Documents to prepare (tick when ready)"),
    "documents_continued": ("需准备的材料（续）", "Documents to prepare (continued)"),
    "documents_source": ("材料清单的来源", "Where the list comes from"),
    "notes": ("注意事项", "Notes"),
    "reading": ("本工具的理解（非原文规定）", "The tool's reading (not the text's words)"),
    "capped_note": ("封顶", "Capped"),
    "window": ("申报窗口", "Application window"),
    "guide_note": ("申报指南说明", "The guide adds"),
    "to_confirm": ("待确认的项目（金额不计入合计）", "Items to confirm (not counted in the total)"),
    "to_confirm_reason": ("待确认的原因", "What is to confirm"),
    "ask": ("请咨询", "Ask"),
    "would_be": ("确认后可得", "Once confirmed"),
    "closed_total": ("其中申报窗口已截止", "Of which the window has closed"),
    "cannot_change": ("企业自身难以改变的", "What the enterprise cannot change"),
    "seal": ("企业（盖章）：", "Enterprise (seal):"),
    "other": ("可享受的其他支持和服务（金额以当年申报通知为准）", "Other supports and services you may use"),
    "no_other": ("无。", "None."),
    "unavailable": ("目前不可申请的项目", "Items not available at present"),
    "no_unavailable": ("无。", "None."),
    "disclaimer": ("声明", "Disclaimer"),
    "preparer": ("填表人：", "Prepared by:"),
    "date": ("日期：", "Date:"),
    "signature": ("签名：", "Signature:"),
    "page": ("第 {page} 页 共 {pages} 页", "Page {page} of {pages}"),
    "footer_pack": ("政策包 {pack} {version} · {hash}", "Pack {pack} {version} · {hash}"),
    "footer_program": ("自评工具 {version}", "Self-assessment tool {version}"),
    "expired": ("政策已到期", "Policy expired"),
    "service": ("服务", "Service"),
    "unquantified": ("金额以当年申报通知为准", "Amount set by the annual notice"),
    # the scenario comparison (desktop.report.comparison)
    "comparison": ("方案对比", "Scenario comparison"),
    "comparison_base": ("基础评估", "Base assessment"),
    "comparison_final": ("已定稿 {day}", "finalised {day}"),
    "comparison_draft": ("草稿", "draft"),
    "comparison_legend": (
        "差额 = 方案 − 基础评估：“+”为增加，“−”为减少，有差额的格子加底色。金额为按各自回答最多可申请的数额；"
        "不可申请、未回答和待确认的项目计为 0。",
        "Difference = scenario − base: '+' more, '−' less; cells with a difference are shaded. Amounts are "
        "the most each set of answers may claim; items not eligible, not answered or to confirm count as 0.",
    ),
    "comparison_what_if": (
        "方案是假设的情形，仅供规划参考，不是申报依据。基础评估及其定稿结果不因方案而改变。",
        "Scenarios are what-if cases for planning, not a basis for applying. The base assessment and its "
        "finalised result are not changed by them.",
    ),
    # batch outputs
    "batch_title": ("批量自评汇总", "Batch self-assessment summary"),
    "windows_heading": ("申报窗口", "Application windows"),
    "batch_enterprises": ("共 {count} 家企业，合计 {total}", "{count} enterprises, total {total}"),
    "col_no": ("序号", "No."),
    "col_items": ("可申请项目", "Items"),
    "col_file": ("清单文件", "Checklist file"),
    "col_source": ("答卷文件", "Answers file"),
    "bad_files": ("未能处理的文件", "Files that could not be processed"),
    "summary_pdf": ("汇总.pdf", "summary.pdf"),
    "summary_csv": ("汇总.csv", "summary.csv"),
}


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
}


def label(key: str, lang: Lang = "zh", **values: object) -> str:
    if key in _TERMS:
        return vocabulary.term(_TERMS[key], lang)
    if key in _UNIT_TERMS:
        return vocabulary.with_unit(*_UNIT_TERMS[key], lang)
    zh, en = _LABELS[key]
    text = en if lang == "en" else zh
    return text.format(**values) if values else text


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
