"""The words of the program in Chinese and English, side by side: one entry per word, one lookup (`term`).

A clerk reads the same things on screen, on paper and in Excel, so every column name and value word that
more than one of them shows is here once: the amounts table's columns, statuses, the channel, a claim's
states (used by the window, the checklist, the command line, the exports and the batch summary), the
checklist's, the dossier's and the batch summary's own texts (`report.*`), and the words of `pack diff`
(`diff.*`). Sentences naming what went wrong are in `desktop.wording.problems`; the command line's help in
`desktop.wording.help`. Two kinds of words live elsewhere by design: the window's own widget labels in Qt's
translation files (`tr`, translated with Qt Linguist), and a pack's texts (`Text(zh, en)`), which are the
pack's own bilingual data.

A value in braces (`{day}`) is filled by `term(key, lang, day=...)`. No imports from the program: every
layer may look a word up.
"""

from __future__ import annotations

from typing import Final, Literal

Lang = Literal["zh", "en"]

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
    "basis_rate": ("按比例测算", "Rate"),
    "basis_per": ("按单价测算", "Per unit"),
    "basis_tiers": ("按档位", "By band"),
    "basis_actual": ("按实际金额", "Actual cost"),
    "basis_computed": ("按规则测算", "Computed"),
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
    "status_barred": ("暂不可申请", "Barred for now"),
    "status_not_applicable": ("不适用", "Does not apply"),
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
    "window_not_found": ("未见通知", "No notice found"),
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
    "documents_ready": ("材料已备", "Documents ready"),
    "documents_all": ("材料共计", "Documents in all"),
    "paid": ("已拨付", "Paid"),
    # actions named on more than one screen
    "new_assessment": ("新建评估", "New assessment"),
    # units of money
    "yuan": ("元", "yuan"),
    "large_unit": ("万元", "million yuan"),
    # -- the checklist, the dossier, the comparison and the batch summary (desktop.report)
    "report.title": ("企业外贸扶持政策自评清单", "Foreign-trade support self-assessment checklist"),
    "report.contact": ("联系人", "Contact"),
    "report.phone": ("联系电话", "Phone"),
    "report.assessed_on": ("填写日期", "Answers given on"),
    "report.period": ("评估所针对的期间", "Activity assessed"),
    "report.guide": ("申报指南", "Application guide"),
    "report.guide_dated": ("指南日期 {day}", "guide dated {day}"),
    "report.policy": ("政策依据", "Policy"),
    "report.validity": ("政策有效期", "Valid"),
    "report.pack_version": ("政策包版本", "Policy pack version"),
    "report.not_given": ("（未填写）", "(not given)"),
    "report.summary": ("可申请金额汇总", "Amounts you may claim"),
    "report.none": ("—", "—"),
    "report.no_amounts": (
        "按目前的回答，没有可测算金额的扶持项目。",
        "With the current answers, no support item with a computed amount applies.",
    ),
    "report.details": ("逐项申报说明", "Item by item"),
    "report.claim": ("申请内容", "What to claim"),
    "report.explanation": ("测算过程", "How it was computed"),
    "report.documents": ("需准备的材料（备齐后打勾）", "Documents to prepare (tick when ready)"),
    "report.documents_continued": ("需准备的材料（续）", "Documents to prepare (continued)"),
    "report.documents_source": ("材料清单的来源", "Where the list comes from"),
    "report.notes": ("注意事项", "Notes"),
    "report.reading": ("本工具的理解（非原文规定）", "The tool's reading (not the text's words)"),
    "report.capped_note": ("封顶", "Capped"),
    "report.window": ("申报窗口", "Application window"),
    "report.guide_note": ("申报指南说明", "The guide adds"),
    "report.to_confirm": ("待确认的项目（金额不计入合计）", "Items to confirm (not counted in the total)"),
    "report.to_confirm_reason": ("待确认的原因", "What is to confirm"),
    "report.ask": ("请咨询", "Ask"),
    "report.would_be": ("确认后可得", "Once confirmed"),
    "report.closed_total": ("其中申报窗口已截止", "Of which the window has closed"),
    "report.cannot_change": ("企业自身难以改变的", "What the enterprise cannot change"),
    "report.seal": ("企业（盖章）：", "Enterprise (seal):"),
    "report.other": ("可享受的其他支持和服务（金额以当年申报通知为准）", "Other supports and services you may use"),
    "report.no_other": ("无。", "None."),
    "report.unavailable": ("目前不可申请的项目", "Items not available at present"),
    "report.no_unavailable": ("无。", "None."),
    "report.disclaimer": ("声明", "Disclaimer"),
    "report.preparer": ("填表人：", "Prepared by:"),
    "report.date": ("日期：", "Date:"),
    "report.signature": ("签名：", "Signature:"),
    "report.page": ("第 {page} 页 共 {pages} 页", "Page {page} of {pages}"),
    "report.footer_pack": ("政策包 {pack} {version} · {hash}", "Pack {pack} {version} · {hash}"),
    "report.footer_program": ("自评工具 {version}", "Self-assessment tool {version}"),
    "report.expired": ("政策已到期", "Policy expired"),
    "report.service": ("服务", "Service"),
    "report.unquantified": ("金额以当年申报通知为准", "Amount set by the annual notice"),
    # the scenario comparison (desktop.report.comparison)
    "report.comparison": ("方案对比", "Scenario comparison"),
    "report.comparison_base": ("基础评估", "Base assessment"),
    "report.comparison_final": ("已定稿 {day}", "finalised {day}"),
    "report.comparison_draft": ("草稿", "draft"),
    "report.comparison_legend": (
        "差额 = 方案 − 基础评估：“+”为增加，“−”为减少，有差额的格子加底色。金额为按各自回答最多可申请的数额；"
        "不可申请、未回答和待确认的项目计为 0。",
        "Difference = scenario − base: '+' more, '−' less; cells with a difference are shaded. Amounts are "
        "the most each set of answers may claim; items not eligible, not answered or to confirm count as 0.",
    ),
    "report.comparison_what_if": (
        "方案是假设的情形，仅供规划参考，不是申报依据。基础评估及其定稿结果不因方案而改变。",
        "Scenarios are what-if cases for planning, not a basis for applying. The base assessment and its "
        "finalised result are not changed by them.",
    ),
    # the bound dossier of one application (desktop.report.dossier)
    "report.dossier_title": ("申报材料", "Application dossier"),
    "report.dossier_round": ("申报轮次", "Application round"),
    "report.dossier_made_on": ("装订日期", "Bound on"),
    "report.dossier_pages": ("页数", "Pages"),
    "report.dossier_page_count": ("共 {pages} 页", "{pages} pages"),
    "report.dossier_reference": ("申报编号", "Reference"),
    "report.dossier_cover_note": (
        "本材料由企业使用“中山市稳外贸政策扶持自评工具”整理、装订，页码由本程序加印；所附文件为企业提供的原件扫描件或电子件。",
        "Compiled and bound by the enterprise with the Zhongshan foreign-trade support self-assessment tool, "
        "which printed the page numbers; the attached files are scans or electronic copies the enterprise provided.",
    ),
    "report.dossier_example_note": (
        "本材料使用培训示例申报指南：申报窗口、金额等为虚构，不能据此申报。",
        "This dossier uses a training guide: its windows and amounts are invented; do not apply on it.",
    ),
    "report.dossier_on_paper": ("已备（纸质，未附电子件）", "Ready (on paper, no file attached)"),
    "report.dossier_document": ("材料", "Document"),
    "report.dossier_page": ("页码", "Page"),
    "report.dossier_summary": ("申报信息表", "Application summary sheet"),
    "report.dossier_added": ("（自行添加）", " (added)"),
    "report.dossier_file_pages": ("{pages} 页", "{pages} p."),
    "report.dossier_refused": ("未能装订：{name}（{reason}）", "not bound: {name} ({reason})"),
    "report.dossier_note": ("备注：", "Note: "),
    "report.dossier_contents": ("目录", "Contents"),
    "report.dossier_missing_note": (
        "有 {count} 项材料未附电子文件（见“状态”栏），请另行准备纸质材料或补充文件。",
        "{count} documents have no file attached (see Status): bring them on paper or attach them.",
    ),
    "report.dossier_summary_note": (
        "本表是本程序根据已填写内容生成的摘要，供填写主管部门正式申报表（当期申报通知所附的申报表）时对照使用，"
        "不是正式申报表本身。",
        "This sheet is the program's summary of what was entered, to fill in the bureau's official application "
        "form (the one attached to the current notice) from; it is not that form.",
    ),
    "report.dossier_part_enterprise": ("一、申报单位", "1. Applicant"),
    "report.dossier_part_item": ("二、申报项目", "2. Support applied for"),
    "report.dossier_part_amount": ("三、申请金额", "3. Amount"),
    "report.dossier_amount": ("测算金额", "Computed amount"),
    "report.dossier_source": ("政策原文", "Policy text"),
    "report.dossier_to_confirm": ("（待确认，见测算过程）", " (to confirm: see how it was computed)"),
    "report.dossier_up_to": ("最高 {amount}", "up to {amount}"),
    "report.dossier_part_application": ("四、申报安排", "4. How to apply"),
    "report.dossier_part_documents": ("五、所附材料", "5. Documents attached"),
    "report.dossier_from_page": ("第 {page} 页起", "from page {page}"),
    "report.dossier_part_commitment": ("六、承诺", "6. Commitment"),
    "report.dossier_commitment": (
        "本单位承诺：所填写的信息和提交的材料真实、准确、完整；同一项目未重复申请同级财政资金支持；"
        "如有不实，愿承担相应责任。",
        "We declare that the information given and the documents submitted are true, accurate and complete, "
        "and that the same project has not been funded twice by the same level of government; we bear the "
        "consequences of any untruth.",
    ),
    "report.dossier_commitment_source": (
        "（常见承诺书内容，以当期申报通知所附格式为准。）",
        "(Typical commitment wording; the form attached to the current notice prevails.)",
    ),
    "report.dossier_legal_rep": ("法定代表人（签字）：", "Legal representative (signature):"),
    "report.dossier_handler": ("经办人：", "Prepared by:"),
    # batch outputs
    "report.batch_title": ("批量自评汇总", "Batch self-assessment summary"),
    "report.windows_heading": ("申报窗口", "Application windows"),
    "report.batch_enterprises": ("共 {count} 家企业，合计 {total}", "{count} enterprises, total {total}"),
    "report.col_no": ("序号", "No."),
    "report.col_items": ("可申请项目", "Items"),
    "report.col_file": ("清单文件", "Checklist file"),
    "report.col_source": ("答卷文件", "Answers file"),
    "report.bad_files": ("未能处理的文件", "Files that could not be processed"),
    "report.summary_pdf": ("汇总.pdf", "summary.pdf"),
    "report.summary_csv": ("汇总.csv", "summary.csv"),
    # -- the command line's summary of an assessment (desktop.wording.summary)
    "summary.policy": ("政策", "Policy"),
    "summary.validity": ("有效期", "Valid"),
    "summary.period": ("评估所针对的期间", "Activity assessed"),
    "summary.date": ("填写日期", "Answers given on"),
    "summary.guide": ("申报指南", "Application guide"),
    "summary.channel": ("申报方式", "How to apply"),
    "summary.guide_dated": ("指南日期 {day}", "guide dated {day}"),
    "summary.enterprise": ("企业", "Enterprise"),
    "summary.amounts": ("可申请的金额", "Amounts that may be claimed"),
    "summary.unquantified": ("可申请（金额以申报通知为准）", "Eligible (amount set by the annual notice)"),
    "summary.services": ("可使用的服务", "Services available"),
    "summary.unavailable": ("目前不可申请的项目", "Items not available at present"),
    "summary.to_confirm": ("待确认（金额不计入合计）", "To confirm (not counted in the total)"),
    "summary.pending": ("另有待确认", "Also to confirm"),
    "summary.reading": ("本工具的理解", "The tool's reading"),
    "summary.ask": ("请咨询", "Ask"),
    "summary.contact": ("联系", "Contact"),
    # -- what changed between two packs (desktop.policy.diff, `pack diff`)
    "diff.title": ("《{old}》{old_version} → 《{new}》{new_version}", "'{old}' {old_version} → '{new}' {new_version}"),
    "diff.pack_id": ("政策包编号：{old} → {new}", "Pack id: {old} → {new}"),
    "diff.validity": (
        "有效期：{old_from} 至 {old_to} → {new_from} 至 {new_to}",
        "Validity: {old_from} to {old_to} → {new_from} to {new_to}",
    ),
    "diff.period": (
        "所覆盖的经营期间：{old_from} 至 {old_to} → {new_from} 至 {new_to}",
        "Period covered: {old_from} to {old_to} → {new_from} to {new_to}",
    ),
    "diff.nothing": ("措施、支持项目、金额和问题均无变化。", "No change to measures, items, amounts or questions."),
    "diff.measure_added": ("新增措施：{measure}", "New measure: {measure}"),
    "diff.measure_removed": ("删去措施：{measure}", "Measure removed: {measure}"),
    "diff.units": ("{article} 责任单位：{parts}", "{article} responsible units: {parts}"),
    "diff.units_added": ("新增 {units}", "added {units}"),
    "diff.units_removed": ("删去 {units}", "removed {units}"),
    "diff.units_reordered": ("顺序调整", "reordered"),
    "diff.item_added": ("新增支持项目：{item}", "New item: {item}"),
    "diff.item_removed": ("删去支持项目：{item}", "Item removed: {item}"),
    "diff.kind": ("{item}：类别 {old} → {new}", "{item}: kind {old} → {new}"),
    "diff.basis": ("{item}：口径 {old} → {new}", "{item}: basis {old} → {new}"),
    "diff.basis_exact": ("按标准", "exact"),
    "diff.basis_up_to": ("最高", "up to"),
    "diff.conditions": ("{item}：申请条件有变化", "{item}: the conditions changed"),
    "diff.document_added": ("{item}：新增申报材料“{text}”", "{item}: document added: {text}"),
    "diff.document_removed": ("{item}：删去申报材料“{text}”", "{item}: document removed: {text}"),
    "diff.document_reworded": (
        "{item}：申报材料 {document} 改为“{new}”（原为“{old}”）",
        "{item}: document {document} reworded: {new} (was: {old})",
    ),
    "diff.documents_reordered": ("{item}：申报材料顺序调整", "{item}: documents reordered"),
    "diff.rule_added": ("{item}：计算规则新增", "{item}: rule added"),
    "diff.rule_removed": ("{item}：计算规则删去", "{item}: rule removed"),
    "diff.rule_changed": ("{item}：计算方式改变", "{item}: the way the amount is computed changed"),
    "diff.number_added": ("{item}：新增{name} {value}", "{item}: new {name} {value}"),
    "diff.number_changed": ("{item}：{name} {old} → {new}", "{item}: {name} {old} → {new}"),
    "diff.number_removed": ("{item}：删去{name} {value}", "{item}: {name} {value} removed"),
    "diff.question_added": ("新增问题：{question}", "New question: {question}"),
    "diff.question_removed": ("删去问题：{question}", "Question removed: {question}"),
    "diff.question_type": ("问题 {question} 的题型：{old} → {new}", "Question {question}: type {old} → {new}"),
    "diff.question_reworded": (
        "问题 {question} 的措辞：“{old}” → “{new}”",
        "Question {question} reworded: '{old}' → '{new}'",
    ),
    "diff.question_name": ("{question}（{label}）", "{question} ({label})"),
    "diff.item_name": ("{article} {title}", "{article} {title}"),
    "diff.cap_per_row": ("每{record}上限", "cap per {record}"),
    "diff.number_of": ("{name}的{word}", "{word} of {name}"),
    "diff.band": ("第 {band} 档{word}", "band {band}: {word}"),
    "diff.cap": ("上限", "cap"),
    "diff.rate": ("比例", "rate"),
    "diff.amount": ("定额", "fixed sum"),
    "diff.floor": ("起付标准", "minimum paid"),
    "diff.per": ("每单位金额", "sum per unit"),
    "diff.tier_from": ("档位起点", "band starts at"),
    "diff.tier_to": ("档位终点", "band ends at"),
    "diff.tier_amount": ("档位金额", "band amount"),
    "diff.tier_rate": ("档位比例", "band rate"),
    "diff.highest": ("最多计入的项数", "rows counted at most"),
}


# Names said inside the sentences of `desktop.wording.problems` (a record's kind, a question's type, a date of
# a claim): lower-case English to sit mid-sentence, so apart from the words a column or a label shows.
NAMES: Final[dict[str, tuple[str, str]]] = {
    "the_file": ("（文件）", "(the file)"),
    "nothing": ("无", "none"),
    "claim_unrecorded": ("未记录", "not recorded"),
    "firm.name": ("企业名称", "name"),
    "firm.credit_code": ("统一社会信用代码", "credit code"),
    "firm.town": ("镇街", "town"),
    "firm.contact": ("联系人", "contact"),
    "firm.phone": ("电话", "phone"),
    "firm.no_name": ("（未填写名称）", "(no name given)"),
    "record.assessment": ("评估", "Assessment"),
    "record.attachment": ("附件", "Attachment"),
    "record.enterprise": ("企业", "Enterprise"),
    "record.scenario": ("方案", "Scenario"),
    "record.workspace": ("工作区", "Workspace"),
    "file_kind.pdf": ("PDF", "PDF"),
    "file_kind.jpeg": ("JPEG 图片", "JPEG image"),
    "file_kind.png": ("PNG 图片", "PNG image"),
    "question_type.bool": ("是非题", "a yes/no question"),
    "question_type.choice": ("选择题", "a choice question"),
    "question_type.date": ("日期题", "a date question"),
    "question_type.money": ("金额题", "a money question"),
    "question_type.integer": ("整数题", "a whole-number question"),
    "question_type.number": ("数量题", "a quantity question"),
    "question_type.text": ("文字题", "a text question"),
    "question_type.table": ("表格题", "a table question"),
    "question_type.items": ("项目清单题", "a list-of-items question"),
    "claim_date_submitted_on": ("提交日期", "the submission date"),
    "claim_date_accepted_on": ("受理日期", "the acceptance date"),
    "claim_date_publicized_from": ("公示开始日", "the first day of the public listing"),
    "claim_date_publicized_to": ("公示结束日", "the last day of the public listing"),
    "claim_date_paid_on": ("拨付日期", "the payment date"),
}


def term(key: str, lang: Lang = "zh", **values: object) -> str:
    """The word or phrase `key` in `lang`, its `{values}` filled."""
    zh, en = TERMS[key] if key in TERMS else NAMES[key]
    text = en if lang == "en" else zh
    return text.format(**values) if values else text
