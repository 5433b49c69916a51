"""The checklist's own wording, in Chinese and English; policy texts come from the pack itself."""

from __future__ import annotations

from decimal import Decimal

from desktop.engine.money import WAN, format_wan, format_yuan, round_money
from desktop.policy.model import Basis, Lang

_LABELS: dict[str, tuple[str, str]] = {
    "title": ("企业外贸扶持政策自评清单", "Foreign-trade support self-assessment checklist"),
    "enterprise": ("企业名称", "Enterprise"),
    "credit_code": ("统一社会信用代码", "Unified social credit code"),
    "town": ("所在镇街", "Town"),
    "contact": ("联系人", "Contact"),
    "phone": ("联系电话", "Phone"),
    "assessed_on": ("评估日期", "Assessment date"),
    "policy": ("政策依据", "Policy"),
    "validity": ("政策有效期", "Valid"),
    "pack_version": ("政策包版本", "Policy pack version"),
    "not_given": ("（未填写）", "(not given)"),
    "summary": ("可申请金额汇总", "Amounts you may claim"),
    "col_article": ("条款", "Art."),
    "col_item": ("扶持项目", "Support item"),
    "col_amount": ("测算金额", "Estimate"),
    "col_cap": ("上限", "Cap"),
    "col_basis": ("口径", "Basis"),
    "col_capped": ("封顶", "Capped"),
    "col_units": ("受理部门", "Responsible units"),
    "basis_exact": ("按实测算", "exact"),
    "basis_up_to": ("最高", "up to"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "none": ("—", "—"),
    "total": ("合计", "Total"),
    "no_amounts": (
        "按目前的回答，没有可测算金额的扶持项目。",
        "With the current answers, no support item with a computed amount applies.",
    ),
    "details": ("逐项申报说明", "Item by item"),
    "article": ("第{label}条", "Article {number}"),
    "claim": ("申请内容", "What to claim"),
    "explanation": ("测算过程", "How it was computed"),
    "units": ("受理部门", "Responsible units"),
    "documents": ("需准备的材料（备齐后打勾）", "Documents to prepare (tick when ready)"),
    "notes": ("注意事项", "Notes"),
    "other": ("可享受的其他支持和服务（金额以当年申报通知为准）", "Other supports and services you may use"),
    "no_other": ("无。", "None."),
    "unavailable": ("目前不可申请的项目", "Items not available at present"),
    "no_unavailable": ("无。", "None."),
    "reason": ("原因", "Reason"),
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
    # batch outputs
    "batch_title": ("批量自评汇总", "Batch self-assessment summary"),
    "batch_enterprises": ("共 {count} 家企业，合计 {total}", "{count} enterprises, total {total}"),
    "col_no": ("序号", "No."),
    "col_enterprise": ("企业名称", "Enterprise"),
    "col_credit_code": ("统一社会信用代码", "Credit code"),
    "col_total": ("合计（元）", "Total (yuan)"),
    "col_total_wan": ("合计（万元）", "Total (10k yuan)"),
    "col_items": ("可申请项目", "Items"),
    "col_file": ("清单文件", "Checklist file"),
    "col_source": ("答卷文件", "Answers file"),
    "bad_files": ("未能处理的文件", "Files that could not be processed"),
    "summary_pdf": ("汇总.pdf", "summary.pdf"),
    "summary_csv": ("汇总.csv", "summary.csv"),
}


def label(key: str, lang: Lang = "zh", **values: object) -> str:
    zh, en = _LABELS[key]
    text = en if lang == "en" else zh
    return text.format(**values) if values else text


def yuan(value: Decimal, lang: Lang = "zh") -> str:
    """`1,200,000.00 元`, as the bureaus' forms write amounts."""
    return f"{format_yuan(value)} {'yuan' if lang == 'en' else '元'}"


def wan(value: Decimal, lang: Lang = "zh") -> str:
    """`171.00 万元` (in English: `171.00 x 10,000 yuan`)."""
    if lang == "en":
        return f"{round_money(value / WAN):,.2f} × 10,000 yuan"
    return format_wan(value)


_NUMERALS = "一二三四五六七八九十"


def section_title(number: int, key: str, lang: Lang = "zh") -> str:
    """`三、…` / `3. …`: sections are numbered as printed, so a checklist without item details has no gap."""
    if lang == "en":
        return f"{number}. {label(key, lang)}"
    return f"{_NUMERALS[number - 1]}、{label(key, lang)}"


def basis_label(basis: Basis, lang: Lang = "zh") -> str:
    return label("basis_up_to" if basis == "up_to" else "basis_exact", lang)


def article_label(article: int, article_label_zh: str, lang: Lang = "zh") -> str:
    return label("article", lang, label=article_label_zh, number=article)
