"""The plain-text summary of an assessment, as the command line prints it.

Column words and value words (上限, 口径, 封顶, 责任单位, the statuses, the total) come from the shared
vocabulary, so the terminal says what the window and the checklist say.
"""

from __future__ import annotations

from desktop.engine.result import Assessment, ItemResult
from desktop.engine.vocabulary import article_term, basis_term, status_term, term, yuan, yuan_and_large
from desktop.policy.model import Lang, Text

_LABELS = {
    "policy": Text("政策", "Policy"),
    "validity": Text("有效期", "Valid"),
    "date": Text("评估日期", "Assessed on"),
    "enterprise": Text("企业", "Enterprise"),
    "amounts": Text("可申请的金额", "Amounts that may be claimed"),
    "unquantified": Text("可申请（金额以申报通知为准）", "Eligible (amount set by the annual notice)"),
    "services": Text("可使用的服务", "Services available"),
    "unavailable": Text("目前不可申请的项目", "Items not available at present"),
}


def _l(key: str, lang: Lang) -> str:
    return _LABELS[key].get(lang)


def _head(item: ItemResult, lang: Lang) -> str:
    return f"  [{article_term(item.article, item.article_label, lang)}] {item.title.get(lang)}"


def _amount_line(item: ItemResult, lang: Lang) -> str:
    assert item.amount is not None
    cap = yuan(item.cap, lang) if item.cap is not None else "—"
    flags = [f"{term('cap', lang)}: {cap}", f"{term('basis', lang)}: {basis_term(item, lang)}"]
    if item.capped:
        flags.append(term("capped", lang))
    return f"{_head(item, lang)}: {yuan(item.amount, lang)}  ({'; '.join(flags)})"


def summary_text(result: Assessment, lang: Lang = "zh") -> str:
    lines = [
        f"{_l('policy', lang)}: {result.pack_title.get(lang)} ({result.pack_id} {result.pack_version}, "
        f"sha256 {result.pack_hash[:12]})",
        f"{_l('validity', lang)}: {result.valid_from} – {result.valid_to}",
        f"{_l('date', lang)}: {result.assessed_on}",
    ]
    if result.enterprise.name:
        lines.append(f"{_l('enterprise', lang)}: {result.enterprise.name} {result.enterprise.credit_code}".rstrip())
    lines.extend(f"!! {w.get(lang)}" for w in result.warnings)
    lines.append("")
    lines.append(f"{_l('amounts', lang)}:")
    for item in result.with_amounts():
        lines.append(_amount_line(item, lang))
        lines.extend(f"      · {s.get(lang)}" for s in item.steps)
    lines.append(f"{term('total', lang)}: {yuan_and_large(result.total, lang)}")
    for key, group in (("unquantified", result.unquantified()), ("services", result.services())):
        if group:
            lines.append("")
            lines.append(f"{_l(key, lang)}:")
            lines.extend(f"{_head(i, lang)} — {term('units', lang)}: {i.units_text(lang)}" for i in group)
    unavailable = result.unavailable()
    if unavailable:
        lines.append("")
        lines.append(f"{_l('unavailable', lang)}:")
        for item in unavailable:
            reason = "; ".join(r.get(lang) for r in item.reasons)
            lines.append(f"{_head(item, lang)}: {status_term(item.status, lang)} — {reason}")
    lines.append("")
    lines.append(result.disclaimer.get(lang))
    return "\n".join(lines) + "\n"
