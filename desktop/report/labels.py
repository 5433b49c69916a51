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
    "opportunities": ("还可以争取的支持", "What could still be unlocked"),
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
    # the bound dossier of one application (desktop.report.dossier)
    "dossier_title": ("申报材料", "Application dossier"),
    "dossier_round": ("申报轮次", "Application round"),
    "dossier_made_on": ("装订日期", "Bound on"),
    "dossier_pages": ("页数", "Pages"),
    "dossier_page_count": ("共 {pages} 页", "{pages} pages"),
    "dossier_reference": ("申报编号", "Reference"),
    "dossier_cover_note": (
        "本材料由企业使用“中山市稳外贸政策扶持自评工具”整理、装订，页码由本程序加印；所附文件为企业提供的原件扫描件或电子件。",
        "Compiled and bound by the enterprise with the Zhongshan foreign-trade support self-assessment tool, "
        "which printed the page numbers; the attached files are scans or electronic copies the enterprise provided.",
    ),
    "dossier_example_note": (
        "本材料使用培训示例申报指南：申报窗口、金额等为虚构，不能据此申报。",
        "This dossier uses a training guide: its windows and amounts are invented; do not apply on it.",
    ),
    "dossier_on_paper": ("已备（纸质，未附电子件）", "Ready (on paper, no file attached)"),
    "dossier_document": ("材料", "Document"),
    "dossier_page": ("页码", "Page"),
    "dossier_summary": ("申报信息表", "Application summary sheet"),
    "dossier_added": ("（自行添加）", " (added)"),
    "dossier_file_pages": ("{pages} 页", "{pages} p."),
    "dossier_refused": ("未能装订：{name}（{reason}）", "not bound: {name} ({reason})"),
    "dossier_note": ("备注：", "Note: "),
    "dossier_contents": ("目录", "Contents"),
    "dossier_missing_note": (
        "有 {count} 项材料未附电子文件（见“状态”栏），请另行准备纸质材料或补充文件。",
        "{count} documents have no file attached (see Status): bring them on paper or attach them.",
    ),
    "dossier_summary_note": (
        "本表是本程序根据已填写内容生成的摘要，供填写主管部门正式申报表（当期申报通知所附的申报表）时对照使用，"
        "不是正式申报表本身。",
        "This sheet is the program's summary of what was entered, to fill in the bureau's official application "
        "form (the one attached to the current notice) from; it is not that form.",
    ),
    "dossier_part_enterprise": ("一、申报单位", "1. Applicant"),
    "dossier_part_item": ("二、申报项目", "2. Support applied for"),
    "dossier_part_amount": ("三、申请金额", "3. Amount"),
    "dossier_amount": ("测算金额", "Computed amount"),
    "dossier_source": ("政策原文", "Policy text"),
    "dossier_to_confirm": ("（待确认，见测算过程）", " (to confirm: see how it was computed)"),
    "dossier_up_to": ("最高 {amount}", "up to {amount}"),
    "dossier_part_application": ("四、申报安排", "4. How to apply"),
    "dossier_part_documents": ("五、所附材料", "5. Documents attached"),
    "dossier_from_page": ("第 {page} 页起", "from page {page}"),
    "dossier_part_commitment": ("六、承诺", "6. Commitment"),
    "dossier_commitment": (
        "本单位承诺：所填写的信息和提交的材料真实、准确、完整；同一项目未重复申请同级财政资金支持；"
        "如有不实，愿承担相应责任。",
        "We declare that the information given and the documents submitted are true, accurate and complete, "
        "and that the same project has not been funded twice by the same level of government; we bear the "
        "consequences of any untruth.",
    ),
    "dossier_commitment_source": (
        "（常见承诺书内容，以当期申报通知所附格式为准。）",
        "(Typical commitment wording; the form attached to the current notice prevails.)",
    ),
    "dossier_legal_rep": ("法定代表人（签字）：", "Legal representative (signature):"),
    "dossier_handler": ("经办人：", "Prepared by:"),
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
    "col_paid": ("paid", "yuan"),
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
    if lang == "en":
        return f"{number}. {label(key, lang)}"
    return f"{_NUMERALS[number - 1]}、{label(key, lang)}"


def article_label(article: int, article_label_zh: str, lang: Lang = "zh") -> str:
    return vocabulary.article_term(article, article_label_zh, lang)
