"""The application windows as an iCalendar file (`.ics`) that Outlook, WPS, phone calendars, khal and calcurse
import.

Every date the clerk must act on is one `CalendarEvent`: a one-day, all-day event with a reminder at a
morning hour in Zhongshan's time. A window gives two: the day it opens and the day it closes (one event
weeks long showed on every day of it in khal, and calcurse turned it into a daily repeat without its
reminder). `calendar_bytes` is the one place events become iCalendar text; the reminders of the recorded
applications (a 公示 ending, a window closing with documents missing, a claim with no news) are made into
`CalendarEvent`s by `reminder_events`.

An absolute reminder is written as RFC 5545 asks: `TRIGGER;VALUE=DATE-TIME:` in UTC, so 09:00 in Zhongshan
is `…T010000Z`. UIDs are stable, so importing the file again updates the events instead of doubling them.
A window from a training guide says so in its title.

A window whose dates lie outside the years a guide may hold (desktop.policy.limits: 2000 to 2100) gives no
event: 9999-12-31 has no next day to end an event on. `exportable` tells them apart, and the window names
those it left out; every other window is exported.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from desktop.engine.reminders import Reminder, ReminderKind
from desktop.engine.windows import WindowEntry
from desktop.money import format_yuan
from desktop.policy.limits import FIRST_YEAR, LAST_YEAR
from desktop.policy.model import Lang, Text
from desktop.safe_write import write_bytes

PRODUCT = "-//zs-trade-support//application windows//ZH"
REMIND_DAYS = 7
"""The closing day's reminder comes this many days before (not before the window opens)."""
REMIND_AT = dt.time(9, 0)
"""The reminders' hour, in Zhongshan's time."""
ZHONGSHAN = dt.timezone(dt.timedelta(hours=8), "CST")
"""China Standard Time: UTC+8 all year (no summer time), so a fixed offset needs no time zone database."""


@dataclass(frozen=True)
class CalendarEvent:
    """One date to act on: a one-day, all-day event, reminded at REMIND_AT (Zhongshan time) on `remind_on`."""

    key: str
    """What the event is about, stable across exports (its UID is made from it)."""
    day: dt.date
    summary: str
    description: str
    remind_on: dt.date | None = None

    @property
    def uid(self) -> str:
        return hashlib.sha256(self.key.encode("utf-8")).hexdigest()[:32] + "@zs-trade-support"

    def reminder(self) -> dt.datetime | None:
        """The reminder's moment in UTC (RFC 5545 wants an absolute trigger in UTC)."""
        if self.remind_on is None:
            return None
        return dt.datetime.combine(self.remind_on, REMIND_AT, ZHONGSHAN).astimezone(dt.UTC)


def _firm(entry: WindowEntry, lang: Lang) -> str:
    mark = ("[Training example] " if lang == "en" else "【培训示例】") if entry.example else ""
    return mark + (entry.enterprise or ("(enterprise)" if lang == "en" else "（企业）"))


def _summary(head: str, entry: WindowEntry, lang: Lang) -> str:
    if lang == "en":
        return f"{head}: {_firm(entry, lang)}: {entry.title.get(lang)}"
    return f"{head}：{_firm(entry, lang)}：{entry.title.get(lang)}"


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
    if entry.opens is not None:
        window = f"{entry.opens} 至 {entry.closes}" if zh else f"{entry.opens} to {entry.closes}"
    else:
        window = f"至 {entry.closes}" if zh else f"until {entry.closes}"
    lines.append(f"申报窗口：{window}" if zh else f"Window: {window}")
    if entry.channel is not None:
        lines.append(("申报方式：" if zh else "How to apply: ") + entry.channel.get(lang))
    if entry.contact is not None:
        lines.append(("联系：" if zh else "Contact: ") + entry.contact.get(lang))
    return "\n".join(lines)


def exportable(entry: WindowEntry) -> bool:
    """Whether the window's dates can be written as events (with their end day and their reminder)."""
    days = [entry.closes] if entry.opens is None else [entry.opens, entry.closes]
    return all(FIRST_YEAR <= day.year <= LAST_YEAR for day in days)


def window_events(entries: Iterable[WindowEntry], lang: Lang = "zh") -> list[CalendarEvent]:
    """Per window: the day it opens (reminded that morning) and the day it closes (reminded a week before,
    or on the opening day when the window is shorter), soonest first. A window that is not `exportable`
    gives none."""
    events: list[CalendarEvent] = []
    for entry in entries:
        if not exportable(entry):
            continue
        key = f"{entry.credit_code or entry.enterprise}|{entry.item_id}|{entry.opens}|{entry.closes}"
        description = _description(entry, lang)
        if entry.opens is not None:
            head = "Window opens" if lang == "en" else "申报开始"
            events.append(
                CalendarEvent(f"{key}|opens", entry.opens, _summary(head, entry, lang), description, entry.opens)
            )
        remind = entry.closes - dt.timedelta(days=REMIND_DAYS)
        if entry.opens is not None:
            remind = max(remind, entry.opens)
        head = "Application deadline" if lang == "en" else "申报截止"
        events.append(CalendarEvent(f"{key}|closes", entry.closes, _summary(head, entry, lang), description, remind))
    return sorted(events, key=lambda event: (event.day, event.summary))


@dataclass(frozen=True)
class ReminderEntry:
    """A reminder of one recorded application, with whose it is."""

    assessment: str
    """What identifies the assessment across exports (its id in the database)."""
    enterprise: str
    reminder: Reminder
    example: bool = False


REMIND_AHEAD: dict[ReminderKind, int] = {"publicity_ends": 2, "window_closing": REMIND_DAYS}
"""Days before its day that a reminder rings: a 公示 lasts about a week, so two days leave time to object;
a window closing, a week as for the windows. The others are already due."""


REMINDER_HEADS: dict[ReminderKind, Text] = {
    "publicity_ends": Text("公示即将结束", "Public listing ends"),
    "publicity_over": Text("公示已结束，请记录拨付", "Listing over: record the payment"),
    "window_closing": Text("申报截止，材料未齐", "Window closes, documents missing"),
    "no_news": Text("申报尚无进展，可查询", "No news of a claim: ask"),
}


def reminder_events(entries: Iterable[ReminderEntry], today: dt.date, lang: Lang = "zh") -> list[CalendarEvent]:
    """Each reminder on its day, or on `today` when its day has passed (a 公示 over with no payment recorded,
    news due since a date gone by): an event in the past would never ring. Its UID comes from the
    assessment, the item, the kind and the day it concerns, so a new export replaces the event."""
    events: list[CalendarEvent] = []
    for entry in entries:
        reminder = entry.reminder
        day = max(reminder.day, today)
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            continue
        remind = max(today, day - dt.timedelta(days=REMIND_AHEAD.get(reminder.kind, 0)))
        mark = ("[Training example] " if lang == "en" else "【培训示例】") if entry.example else ""
        firm = mark + (entry.enterprise or ("(enterprise)" if lang == "en" else "（企业）"))
        head = REMINDER_HEADS[reminder.kind].get(lang)
        # begins with the item's title; "还有 3 天" is counted from the export's day, which is said with it
        text = reminder.text.get(lang) + (
            f"\n(As recorded on {today}.)" if lang == "en" else f"\n（以上据 {today} 的记录。）"
        )
        summary = f"{head}: {firm}" if lang == "en" else f"{head}：{firm}"
        key = f"reminder|{entry.assessment}|{reminder.item_id}|{reminder.kind}|{reminder.day}"
        events.append(CalendarEvent(key, day, summary, text, remind))
    return sorted(events, key=lambda event: (event.day, event.summary))


WINDOWS_NAME = Text("外贸扶持申报窗口", "Foreign-trade support application windows")
REMINDERS_NAME = Text("外贸扶持申报提醒", "Foreign-trade support reminders")


def calendar_bytes(
    events: Iterable[CalendarEvent],
    lang: Lang = "zh",
    *,
    stamp: dt.datetime | None = None,
    name: Text = WINDOWS_NAME,
) -> bytes:
    """The `.ics` file's bytes. `stamp` (UTC) is the events' DTSTAMP; fixed in tests for stable bytes."""
    from icalendar import Alarm, Calendar, Event  # imported here: the window never pays for it at start

    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name.get(lang))
    when = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    for item in events:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", when)
        event.add("summary", item.summary)
        event.add("dtstart", item.day)
        event.add("dtend", item.day + dt.timedelta(days=1))  # all-day: the end is exclusive
        event.add("description", item.description)
        event.add("transp", "TRANSPARENT")
        remind = item.reminder()
        if remind is not None:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", item.summary)
            alarm.add("trigger", remind, parameters={"VALUE": "DATE-TIME"})
            event.add_component(alarm)
        calendar.add_component(event)
    return bytes(calendar.to_ical())


def write_calendar(events: Iterable[CalendarEvent], path: Path, lang: Lang = "zh", name: Text = WINDOWS_NAME) -> None:
    """Written beside its final name and renamed into place: a failure leaves the old file whole."""
    write_bytes(path, calendar_bytes(events, lang, name=name))
