"""The plain-text summary of an assessment, as the command line prints it."""

from __future__ import annotations

from desktop.engine.money import format_wan, format_yuan
from desktop.engine.result import Assessment, ItemResult
from desktop.policy.model import Lang, Text

_LABELS = {
    "policy": Text("政策", "Policy"),
    "validity": Text("有效期", "Valid"),
    "date": Text("评估日期", "Assessed on"),
    "enterprise": Text("企业", "Enterprise"),
    "total": Text("最多可申请合计", "Total that may be claimed at most"),
    "amounts": Text("可申请金额", "Amounts that may be claimed"),
    "unquantified": Text("可申请（金额以申报通知为准）", "Eligible (amount set by the annual notice)"),
    "services": Text("可使用的服务", "Services available"),
    "unavailable": Text("不可申请或未回答", "Not available or not answered"),
    "cap": Text("上限", "cap"),
    "no_cap": Text("无上限", "no cap"),
    "capped": Text("已按上限", "capped"),
    "up_to": Text("最高", "up to"),
    "units": Text("责任单位", "Responsible units"),
    "yuan": Text("元", "yuan"),
}


def _l(key: str, lang: Lang) -> str:
    return _LABELS[key].get(lang)


def _amount_line(item: ItemResult, lang: Lang) -> str:
    assert item.amount is not None
    cap = f"{_l('cap', lang)} {format_yuan(item.cap)}" if item.cap is not None else _l("no_cap", lang)
    flags = [cap]
    if item.capped:
        flags.append(_l("capped", lang))
    prefix = f"{_l('up_to', lang)} " if item.basis == "up_to" else ""
    head = f"  [{item.article_label}] {item.title.get(lang)}: {prefix}{format_yuan(item.amount)} {_l('yuan', lang)}"
    return f"{head}  ({', '.join(flags)})"


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
    lines.append(
        f"{_l('total', lang)}: {format_yuan(result.total)} {_l('yuan', lang)}"
        + (f"（{format_wan(result.total)}）" if lang == "zh" else "")
    )
    for key, group in (("unquantified", result.unquantified()), ("services", result.services())):
        if group:
            lines.append("")
            lines.append(f"{_l(key, lang)}:")
            lines.extend(f"  [{i.article_label}] {i.title.get(lang)} — {i.units_text(lang)}" for i in group)
    unavailable = result.unavailable()
    if unavailable:
        lines.append("")
        lines.append(f"{_l('unavailable', lang)}:")
        for item in unavailable:
            reason = "; ".join(r.get(lang) for r in item.reasons)
            lines.append(f"  [{item.article_label}] {item.title.get(lang)}: {reason}")
    lines.append("")
    lines.append(result.disclaimer.get(lang))
    return "\n".join(lines) + "\n"
