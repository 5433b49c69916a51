"""The application windows as an .ics file (issues 13 and 23): per window one event on the day it opens and
one on the day it closes, each one day long, with a reminder at 09:00 in Zhongshan written as RFC 5545
asks; it parses back (icalendar) and imports into real clients (khal, calcurse) as exactly those events."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from icalendar import Calendar

from desktop.engine import assess, read_answers_file
from desktop.engine.reminders import Reminder, ReminderKind
from desktop.engine.windows import WindowEntry, upcoming_windows
from desktop.policy import Pack
from desktop.policy.guide_registry import known_guides
from desktop.policy.model import Text
from desktop.report.calendar_file import (
    REMINDERS_NAME,
    ZHONGSHAN,
    ReminderEntry,
    calendar_bytes,
    reminder_events,
    window_events,
    write_calendar,
)

TODAY = dt.date(2026, 12, 1)
EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


def _results(pack: Pack, guide_id: str) -> list:  # type: ignore[type-arg]
    guide = known_guides().get(guide_id)
    results = []
    for name in ("lighting-exporter", "appliance-maker"):
        answers_file, _ = read_answers_file(EXAMPLES / f"{name}.json", lambda _p, _d: pack)
        results.append(
            assess(pack, answers_file.answers, assessed_on=TODAY, enterprise=answers_file.enterprise, guide=guide)
        )
    return results


@pytest.fixture
def entries(pack: Pack) -> list[WindowEntry]:
    found = upcoming_windows(_results(pack, "zhongshan-2025-training"), TODAY)
    assert found and all(e.opens is not None for e in found)
    return found


def _expected_days(entries: list[WindowEntry]) -> list[tuple[str, dt.date]]:
    """(kind, day) of the events a window gives: its opening day and its closing day."""
    days = []
    for entry in entries:
        assert entry.opens is not None
        days += [("申报开始", entry.opens), ("申报截止", entry.closes)]
    return sorted(days, key=lambda pair: (pair[1], pair[0]))


def test_the_open_and_coming_windows_are_listed_soonest_closing_first(pack: Pack) -> None:
    entries = upcoming_windows(_results(pack, "zhongshan-2025-training"), TODAY)
    assert [e.closes for e in entries] == sorted(e.closes for e in entries)
    by_item = {(e.enterprise[:6], e.item_id) for e in entries}
    assert ("中山市古镇明", "credit_insurance") in by_item  # open, 10 days left
    assert ("中山市南头华", "equipment") in by_item  # opens in January
    assert not any(e.item_id == "aeo" for e in entries)  # closed in September
    assert all(e.example for e in entries)
    assert upcoming_windows(_results(pack, "zhongshan-2025-known"), TODAY) == []  # nothing published yet


def test_each_window_gives_its_opening_and_its_closing_day_with_a_morning_reminder(
    entries: list[WindowEntry], tmp_path: Path
) -> None:
    path = tmp_path / "windows.ics"
    write_calendar(window_events(entries), path)
    events = list(Calendar.from_ical(path.read_bytes()).walk("VEVENT"))
    found = sorted(((str(e["summary"])[:4], e.decoded("dtstart")) for e in events), key=lambda p: (p[1], p[0]))
    assert found == _expected_days(entries)
    for event in events:
        assert event.decoded("dtend") - event.decoded("dtstart") == dt.timedelta(days=1)  # one day, not weeks
        assert str(event["summary"]).startswith(("申报开始：【培训示例】", "申报截止：【培训示例】"))
        description = str(event["description"])
        assert "申报窗口" in description and "联系" in description
        [alarm] = event.walk("VALARM")
        trigger = alarm["trigger"]
        assert trigger.params["VALUE"] == "DATE-TIME"  # RFC 5545: an absolute trigger says so
        local = trigger.dt.astimezone(ZHONGSHAN)
        assert local.time() == dt.time(9, 0)  # a morning hour in Zhongshan, not 17:00
        day = event.decoded("dtstart")
        if str(event["summary"]).startswith("申报开始"):
            assert local.date() == day
        else:  # a week before it closes, never before the window opens
            entry = next(e for e in entries if e.closes == day and e.title.zh in str(event["summary"]))
            assert entry.opens is not None
            assert local.date() == max(day - dt.timedelta(days=7), entry.opens)
    raw = path.read_bytes()
    assert raw.count(b"TRIGGER;VALUE=DATE-TIME:") == len(events) and b"T010000Z" in raw
    assert len({str(e["uid"]) for e in events}) == len(events)


def test_the_same_windows_give_the_same_bytes(entries: list[WindowEntry]) -> None:
    stamp = dt.datetime(2026, 12, 1, 8, 0, tzinfo=dt.UTC)
    assert calendar_bytes(window_events(entries), stamp=stamp) == calendar_bytes(window_events(entries), stamp=stamp)
    english = Calendar.from_ical(calendar_bytes(window_events(entries, "en"), "en", stamp=stamp))
    summaries = [str(e["summary"]) for e in english.walk("VEVENT")]
    assert all(
        s.startswith(("Window opens: [Training example] ", "Application deadline: [Training example] "))
        for s in summaries
    )


def _reminder(kind: ReminderKind, day: dt.date, item: str = "credit_insurance") -> Reminder:
    return Reminder(kind, day, item, Text(f"出口信用保险：{kind} {day}", f"Export credit insurance: {kind} {day}"))


def test_a_reminder_is_an_event_on_its_day_rung_ahead_as_its_kind_needs() -> None:
    """A 公示 ending rings two days before its last day, a window closing a week before; never before today."""
    entries = [
        ReminderEntry("7", "灯饰公司", _reminder("publicity_ends", dt.date(2026, 12, 10))),
        ReminderEntry("7", "灯饰公司", _reminder("window_closing", dt.date(2026, 12, 20), "exhibitions")),
        ReminderEntry("8", "家电公司", _reminder("publicity_ends", dt.date(2026, 12, 2)), example=True),
    ]
    events = reminder_events(entries, TODAY, "zh")
    assert [(e.day, e.remind_on, e.summary) for e in events] == [
        (dt.date(2026, 12, 2), TODAY, "公示即将结束：【培训示例】家电公司"),
        (dt.date(2026, 12, 10), dt.date(2026, 12, 8), "公示即将结束：灯饰公司"),
        (dt.date(2026, 12, 20), dt.date(2026, 12, 13), "申报截止，材料未齐：灯饰公司"),
    ]
    # "还有 3 天" in a reminder counts from the export's day: the description says which day that was
    assert events[1].description == "出口信用保险：publicity_ends 2026-12-10\n（以上据 2026-12-01 的记录。）"


def test_a_reminder_already_due_is_put_on_today_not_in_the_past() -> None:
    """A 公示 over with no payment, news due since October: an event in the past would never ring."""
    entries = [
        ReminderEntry("7", "灯饰公司", _reminder("publicity_over", dt.date(2026, 11, 20))),
        ReminderEntry("7", "灯饰公司", _reminder("no_news", dt.date(2026, 10, 31), "exhibitions")),
    ]
    events = reminder_events(entries, TODAY, "en")
    assert [(e.day, e.remind_on) for e in events] == [(TODAY, TODAY), (TODAY, TODAY)]
    assert sorted(e.summary for e in events) == [
        "Listing over: record the payment: 灯饰公司",
        "No news of a claim: ask: 灯饰公司",
    ]


def test_a_reminder_keeps_its_uid_from_one_export_to_the_next() -> None:
    """Imported again a day later, the same reminder replaces its event instead of doubling it."""
    entry = ReminderEntry("7", "灯饰公司", _reminder("no_news", dt.date(2026, 10, 31)))
    [first] = reminder_events([entry], TODAY)
    [later] = reminder_events([entry], TODAY + dt.timedelta(days=1))
    assert first.uid == later.uid and first.day != later.day
    other = ReminderEntry("8", "灯饰公司", _reminder("no_news", dt.date(2026, 10, 31)))
    assert reminder_events([other], TODAY)[0].uid != first.uid  # another assessment: another event


def test_the_reminders_calendar_is_named_for_them() -> None:
    entry = ReminderEntry("7", "灯饰公司", _reminder("publicity_ends", dt.date(2026, 12, 10)))
    data = calendar_bytes(reminder_events([entry], TODAY), "en", name=REMINDERS_NAME)
    calendar = Calendar.from_ical(data)
    assert str(calendar["x-wr-calname"]) == "Foreign-trade support reminders"
    [event] = calendar.walk("VEVENT")
    assert event.decoded("dtstart") == dt.date(2026, 12, 10)
    [alarm] = event.walk("VALARM")
    assert alarm.decoded("trigger") == dt.datetime(2026, 12, 8, 1, 0, tzinfo=dt.UTC)  # 09:00 in Zhongshan


def _khal_list(folder: Path, ics: Path) -> list[tuple[str, str]]:
    """(day, title) of every event khal shows after importing the file into an empty calendar."""
    (folder / "calendar").mkdir()
    config = folder / "khal.conf"
    config.write_text(
        "[calendars]\n[[windows]]\n"
        f"path = {folder / 'calendar'}/\n"
        f"[sqlite]\npath = {folder / 'khal.db'}\n"
        "[locale]\ntimeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
        "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n"
        "default_timezone = Asia/Shanghai\nlocal_timezone = Asia/Shanghai\n",
        encoding="utf-8",
    )
    khal = ["khal", "-c", str(config)]
    subprocess.run([*khal, "import", "--batch", "-a", "windows", str(ics)], check=True, capture_output=True)
    listed = subprocess.run(
        [*khal, "list", "--format", "{start-date}|{title}", "--day-format", "", "2026-11-01", "2027-03-31"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    return [(day, title) for day, title in (line.split("|", 1) for line in listed if line)]


@pytest.mark.skipif(shutil.which("khal") is None, reason="khal is not installed (CI installs it)")
def test_khal_imports_one_event_for_each_opening_and_each_closing(entries: list[WindowEntry], tmp_path: Path) -> None:
    ics = tmp_path / "windows.ics"
    write_calendar(window_events(entries), ics)
    shown = sorted(
        ((title[:4], dt.date.fromisoformat(day)) for day, title in _khal_list(tmp_path, ics)),
        key=lambda pair: (pair[1], pair[0]),
    )
    assert shown == _expected_days(entries)  # each once, on its day (a weeks-long event showed every day)
    stored = [path.read_text(encoding="utf-8") for path in (tmp_path / "calendar").glob("*.ics")]
    assert len(stored) == len(shown) and all("TRIGGER;VALUE=DATE-TIME:" in text for text in stored)


@pytest.mark.skipif(shutil.which("calcurse") is None, reason="calcurse is not installed")
def test_calcurse_imports_one_day_events_not_daily_repeats(entries: list[WindowEntry], tmp_path: Path) -> None:
    ics = tmp_path / "windows.ics"
    write_calendar(window_events(entries), ics)
    data = tmp_path / "calcurse"
    data.mkdir()
    report = subprocess.run(
        ["calcurse", "-D", str(data), "-i", str(ics)], check=True, capture_output=True, text=True
    ).stdout
    expected = _expected_days(entries)
    assert f"{len(expected)} events" in report and "0 skipped" in report
    lines = (data / "apts").read_text(encoding="utf-8").splitlines()
    assert not any("{" in line for line in lines)  # calcurse writes a repeat as "{1D}": none
    days = sorted(dt.datetime.strptime(line[:10], "%m/%d/%Y").date() for line in lines)  # "11/16/2026 [1] >note …"
    assert days == [day for _, day in expected]
    assert sum("申报开始" in line for line in lines) == sum("申报截止" in line for line in lines) == len(entries)


@pytest.mark.skipif(shutil.which("khal") is None, reason="khal is not installed (CI installs it)")
def test_khal_imports_the_reminders_each_on_its_day(tmp_path: Path) -> None:
    entries = [
        ReminderEntry("7", "灯饰公司", _reminder("publicity_ends", dt.date(2026, 12, 10))),
        ReminderEntry("7", "灯饰公司", _reminder("no_news", dt.date(2026, 10, 31), "exhibitions")),
    ]
    ics = tmp_path / "reminders.ics"
    write_calendar(reminder_events(entries, TODAY), ics, "zh", REMINDERS_NAME)
    assert _khal_list(tmp_path, ics) == [
        ("2026-12-01", "申报尚无进展，可查询：灯饰公司"),
        ("2026-12-10", "公示即将结束：灯饰公司"),
    ]
