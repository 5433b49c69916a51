"""The plain-text summary of an assessment, as the command line prints it.

Column words and value words (上限, 口径, 封顶, 责任单位, the statuses, the total) come from the shared
vocabulary, so the terminal says what the window and the checklist say.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from desktop.policy.model import Lang
from desktop.policy.rules.names import lowered
from desktop.wording.applying import (
    EXAMPLE,
    applies,
    channel_text,
    contact_text,
    guide_age,
    guide_note,
    notices_on,
    total_text,
    window_text,
)
from desktop.wording.vocabulary import article_term, basis_term, item_status_term, join_reasons, term, yuan

if TYPE_CHECKING:  # the engine words its results with these: types only, or a cycle
    from desktop.engine.result import Assessment, ItemResult


def _l(key: str, lang: Lang) -> str:
    return term(f"summary.{key}", lang)


def _head(item: ItemResult, lang: Lang) -> str:
    return f"  [{article_term(item.article, item.article_label, lang)}] {item.title.get(lang)}"


def _amount_line(item: ItemResult, lang: Lang) -> str:
    assert item.amount is not None
    caps = item.info.caps_text()
    # inside brackets, after a colon: English words in lower case ("cap: …; basis: share of a base")
    said = [
        (term("cap", lang), caps.get(lang) if caps is not None else "—"),
        (term("basis", lang), basis_term(item, lang)),
    ]
    note = item.cap_note()
    if note is not None:
        said.append((term("capped", lang), note.get(lang)))
    if lang == "en":
        said = [(name.lower(), lowered(value)) for name, value in said]
    flags = [f"{name}: {value}" for name, value in said]
    return f"{_head(item, lang)}: {yuan(item.amount, lang)}  ({'; '.join(flags)})"


def _application_lines(item: ItemResult, result: Assessment, lang: Lang, today: dt.date | None) -> list[str]:
    if today is None or item.item_guide is None or not applies(item):
        return []
    lines = []
    window, channel, note = window_text(item, result, today), channel_text(item, result), guide_note(item, result)
    if window is not None:
        lines.append(f"      > {window.get(lang)}")
    if channel is not None:
        lines.append(f"      > {_l('channel', lang)}: {channel.get(lang)}")
    if note is not None:
        lines.append(f"      > {note.get(lang)}")
    contact = contact_text(item.item_guide.contact)
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
        age = guide_age(result, today) if today is not None else None
        dated = age.get(lang) if age is not None else _l("guide_dated", lang).format(day=result.guide.published_on)
        lines.append(f"{_l('guide', lang)}: {mark}{result.guide.round.get(lang)} ({dated})")
    if result.enterprise.name:
        lines.append(f"{_l('enterprise', lang)}: {result.enterprise.name} {result.enterprise.credit_code}".rstrip())
    # the same sentences, for the same day, as the checklist and the JSON of this run
    said = notices_on(result, today) if today is not None else (*result.warnings, *result.notices)
    lines.extend(f"!! {w.get(lang)}" for w in said)
    lines.append("")
    lines.append(f"{_l('amounts', lang)}:")
    for item in result.with_amounts():
        lines.append(_amount_line(item, lang))
        lines.extend(f"      · {s.get(lang)}" for s in item.steps)
        lines.extend(_reading_lines(item, lang))
        lines.extend(_application_lines(item, result, lang, today))
    lines.append(f"{term('total', lang)}: {total_text(result, lang)}")
    if result.pending_total:
        lines.append(f"{_l('pending', lang)}: {yuan(result.pending_total, lang)}")
    pending = result.to_confirm()
    if pending:
        lines.append("")
        lines.append(f"{_l('to_confirm', lang)}:")
        for item in pending:
            amount = f": {yuan(item.amount, lang)}" if item.amount is not None else ""
            lines.append(f"{_head(item, lang)}{amount}")
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
                lines.append(f"{_head(i, lang)} — {term('units', lang)}: {i.units_text(lang)}")
                lines.extend(_application_lines(i, result, lang, today))
    unavailable = result.unavailable()
    if unavailable:
        lines.append("")
        lines.append(f"{_l('unavailable', lang)}:")
        for item in unavailable:
            reason = join_reasons((r.get(lang) for r in item.reasons), lang)
            lines.append(f"{_head(item, lang)}: {item_status_term(item, lang)} — {reason}")
    lines.append("")
    lines.append(result.disclaimer.get(lang))
    return "\n".join(lines) + "\n"
