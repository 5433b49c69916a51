"""The plain-text summary of an assessment, as the command line prints it."""

from __future__ import annotations

import datetime as dt

from desktop.engine.application import EXAMPLE, applies, channel_text, contact_text, window_text
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
    "to_confirm": Text("待确认（金额不计入合计）", "To confirm (not counted in the total)"),
    "pending": Text("另有待确认", "To confirm besides"),
    "reading": Text("本工具的理解", "The tool's reading"),
    "ask": Text("请咨询", "Ask"),
    "guide": Text("申报指南", "Application guide"),
    "period": Text("评估所针对的期间", "Activity assessed"),
    "contact": Text("联系", "Contact"),
}


def _l(key: str, lang: Lang) -> str:
    return _LABELS[key].get(lang)


def _amount_line(item: ItemResult, lang: Lang) -> str:
    assert item.amount is not None
    caps = item.info.caps_text()
    named = len(item.info.caps) > 1 or (bool(item.info.caps) and item.info.caps[0][0].zh != "上限")
    flags = [_l("no_cap", lang) if caps is None else caps.get(lang) if named else f"{_l('cap', lang)} {caps.get(lang)}"]
    note = item.cap_note()
    if note is not None:
        flags.append(note.get(lang))
    prefix = f"{_l('up_to', lang)} " if item.basis == "up_to" else ""
    head = f"  [{item.article_label}] {item.title.get(lang)}: {prefix}{format_yuan(item.amount)} {_l('yuan', lang)}"
    return f"{head}  ({', '.join(flags)})"


def _application_lines(item: ItemResult, result: Assessment, lang: Lang, today: dt.date | None) -> list[str]:
    if today is None or item.application is None or not applies(item):
        return []
    lines = []
    for text in (window_text(item, result, today), channel_text(item, result)):
        if text is not None:
            lines.append(f"      > {text.get(lang)}")
    contact = contact_text(item.application.contact)
    if contact is not None:
        lines.append(f"      > {_l('contact', lang)}: {contact.get(lang)}")
    return lines


def _reading_lines(item: ItemResult, lang: Lang) -> list[str]:
    return [f"      ~ {_l('reading', lang)}: {r.reading.get(lang)} {r.why.get(lang)}".rstrip() for r in item.readings]


def summary_text(result: Assessment, lang: Lang = "zh", today: dt.date | None = None) -> str:
    start, end = result.period
    lines = [
        f"{_l('policy', lang)}: {result.pack_title.get(lang)} ({result.pack_id} {result.pack_version}, "
        f"sha256 {result.pack_hash[:12]})",
        f"{_l('validity', lang)}: {result.valid_from} – {result.valid_to}",
        f"{_l('period', lang)}: {start} – {end}",
        f"{_l('date', lang)}: {result.assessed_on}",
    ]
    if result.guide is not None:
        mark = EXAMPLE.get(lang) if result.guide.example else ""
        lines.append(f"{_l('guide', lang)}: {mark}{result.guide.round.get(lang)} ({result.guide.published_on})")
    if result.enterprise.name:
        lines.append(f"{_l('enterprise', lang)}: {result.enterprise.name} {result.enterprise.credit_code}".rstrip())
    lines.extend(f"!! {w.get(lang)}" for w in (*result.warnings, *result.notices))
    lines.append("")
    lines.append(f"{_l('amounts', lang)}:")
    for item in result.with_amounts():
        lines.append(_amount_line(item, lang))
        lines.extend(f"      · {s.get(lang)}" for s in item.steps)
        lines.extend(_reading_lines(item, lang))
        lines.extend(_application_lines(item, result, lang, today))
    lines.append(
        f"{_l('total', lang)}: {format_yuan(result.total)} {_l('yuan', lang)}"
        + (f"（{format_wan(result.total)}）" if lang == "zh" else "")
    )
    if result.pending_total:
        lines.append(f"{_l('pending', lang)}: {format_yuan(result.pending_total)} {_l('yuan', lang)}")
    pending = result.to_confirm()
    if pending:
        lines.append("")
        lines.append(f"{_l('to_confirm', lang)}:")
        for item in pending:
            amount = f": {format_yuan(item.amount)} {_l('yuan', lang)}" if item.amount is not None else ""
            lines.append(f"  [{item.article_label}] {item.title.get(lang)}{amount}")
            lines.extend(f"      ? {r.get(lang)}" for r in item.reasons)
            lines.extend(_reading_lines(item, lang))
            if item.ask.zh:
                lines.append(f"      {_l('ask', lang)}: {item.ask.get(lang)}")
            lines.extend(_application_lines(item, result, lang, today))
    for key, group in (("unquantified", result.unquantified()), ("services", result.services())):
        if group:
            lines.append("")
            lines.append(f"{_l(key, lang)}:")
            for i in group:
                lines.append(f"  [{i.article_label}] {i.title.get(lang)} — {i.units_text(lang)}")
                lines.extend(_application_lines(i, result, lang, today))
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
