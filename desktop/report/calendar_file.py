"""The application windows as an iCalendar file (`.ics`) that Outlook, WPS and phone calendars import.

One all-day event per window, from its opening day to its closing day (the end date of an all-day event
is exclusive in iCalendar, so it is the day after closing), named after the firm and the item, with the
amount and the contact in its description and a reminder a week before it closes. A window from a
training guide says so in its title. UIDs are stable, so importing the file again updates the events
instead of doubling them.

A window whose dates lie outside the years a guide may hold (desktop.policy.limits: 2000 to 2100) is not
written: 9999-12-31 has no next day to end an event on. `write_calendar` returns those it left out, and
the window says which; every other window is exported.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from pathlib import Path

from desktop.engine.money import format_yuan
from desktop.engine.windows import WindowEntry
from desktop.policy.limits import FIRST_YEAR, LAST_YEAR
from desktop.policy.model import Lang
from desktop.safe_write import write_bytes

PRODUCT = "-//zs-trade-support//application windows//ZH"
REMIND_DAYS = 7


def _uid(entry: WindowEntry) -> str:
    key = f"{entry.credit_code or entry.enterprise}|{entry.item_id}|{entry.opens}|{entry.closes}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + "@zs-trade-support"


def _summary(entry: WindowEntry, lang: Lang) -> str:
    mark = ("[Training example] " if lang == "en" else "【培训示例】") if entry.example else ""
    name = entry.enterprise or ("(enterprise)" if lang == "en" else "（企业）")
    return f"{mark}{name}: {entry.title.get(lang)}" if lang == "en" else f"{mark}{name}：{entry.title.get(lang)}"


def _description(entry: WindowEntry, lang: Lang) -> str:
    zh = lang == "zh"
    lines = []
    if entry.amount is not None:
        amount = f"{format_yuan(entry.amount)} {'元' if zh else 'yuan'}"
        prefix = "待确认金额" if entry.status == "to_confirm" else "可申请"
        lines.append(
            f"{prefix}：{amount}" if zh else f"{'To confirm' if entry.status == 'to_confirm' else 'Amount'}: {amount}"
        )
    else:
        lines.append("金额以申报通知为准" if zh else "Amount set by the notice")
    window = f"{entry.opens} 至 {entry.closes}" if zh else f"{entry.opens} to {entry.closes}"
    lines.append(f"申报窗口：{window}" if zh else f"Window: {window}")
    if entry.channel is not None:
        lines.append(("申报方式：" if zh else "How to apply: ") + entry.channel.get(lang))
    if entry.contact is not None:
        lines.append(("联系：" if zh else "Contact: ") + entry.contact.get(lang))
    return "\n".join(lines)


def exportable(entry: WindowEntry) -> bool:
    """Whether the window's dates can be written as an event (with its end day and its reminder)."""
    days = [entry.closes] if entry.opens is None else [entry.opens, entry.closes]
    return all(FIRST_YEAR <= day.year <= LAST_YEAR for day in days)


def calendar_bytes(entries: Iterable[WindowEntry], lang: Lang = "zh", *, stamp: dt.datetime | None = None) -> bytes:
    """The `.ics` file's bytes. `stamp` (UTC) is the events' DTSTAMP; fixed in tests for stable bytes.
    Windows that are not `exportable` are left out."""
    from icalendar import Alarm, Calendar, Event  # imported here: the window never pays for it at start

    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "外贸扶持申报窗口" if lang == "zh" else "Foreign-trade support application windows")
    when = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    for entry in entries:
        if not exportable(entry):
            continue
        event = Event()
        event.add("uid", _uid(entry))
        event.add("dtstamp", when)
        event.add("summary", _summary(entry, lang))
        event.add("dtstart", entry.opens or entry.closes)
        event.add("dtend", entry.closes + dt.timedelta(days=1))
        event.add("description", _description(entry, lang))
        event.add("transp", "TRANSPARENT")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", _summary(entry, lang))
        remind = entry.closes - dt.timedelta(days=REMIND_DAYS)
        alarm.add("trigger", dt.datetime.combine(max(remind, entry.opens or remind), dt.time(9, 0), dt.UTC))
        event.add_component(alarm)
        calendar.add_component(event)
    return bytes(calendar.to_ical())


def write_calendar(entries: Iterable[WindowEntry], path: Path, lang: Lang = "zh") -> list[WindowEntry]:
    """Write the file beside its final name and rename: a half-written calendar is never left under it.
    Returns the windows left out (dates that cannot be exported)."""
    listed = list(entries)
    write_bytes(path, calendar_bytes(listed, lang))
    return [entry for entry in listed if not exportable(entry)]
