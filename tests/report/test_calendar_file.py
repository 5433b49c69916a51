"""The application windows as an .ics file: it parses back (icalendar) into exactly those events (issue 13)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from icalendar import Calendar

from desktop.engine import assess, read_answers_file
from desktop.engine.windows import upcoming_windows
from desktop.policy import Pack
from desktop.policy.guide_registry import known_guides
from desktop.report.calendar_file import calendar_bytes, write_calendar

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


def test_the_open_and_coming_windows_are_listed_soonest_closing_first(pack: Pack) -> None:
    entries = upcoming_windows(_results(pack, "zhongshan-2025-training"), TODAY)
    assert [e.closes for e in entries] == sorted(e.closes for e in entries)
    by_item = {(e.enterprise[:6], e.item_id) for e in entries}
    assert ("中山市古镇明", "credit_insurance") in by_item  # open, 10 days left
    assert ("中山市南头华", "equipment") in by_item  # opens in January
    assert not any(e.item_id == "aeo" for e in entries)  # closed in September
    assert all(e.example for e in entries)
    assert upcoming_windows(_results(pack, "zhongshan-2025-known"), TODAY) == []  # nothing published yet


def test_the_ics_file_parses_back_into_exactly_those_events(pack: Pack, tmp_path: Path) -> None:
    entries = upcoming_windows(_results(pack, "zhongshan-2025-training"), TODAY)
    path = tmp_path / "windows.ics"
    write_calendar(entries, path)
    calendar = Calendar.from_ical(path.read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(entries)
    for event, entry in zip(events, entries, strict=True):
        assert event.decoded("dtstart") == entry.opens
        assert event.decoded("dtend") == entry.closes + dt.timedelta(days=1)  # all-day: the end is exclusive
        assert str(event["summary"]).startswith("【培训示例】")
        assert entry.enterprise in str(event["summary"]) and entry.title.zh in str(event["summary"])
        description = str(event["description"])
        assert "申报窗口" in description and "联系" in description
        if entry.amount is not None:
            assert f"{entry.amount:,.2f} 元" in description
        assert len(list(event.walk("VALARM"))) == 1
    assert len({str(e["uid"]) for e in events}) == len(events)


def test_the_same_windows_give_the_same_bytes(pack: Pack) -> None:
    entries = upcoming_windows(_results(pack, "zhongshan-2025-training"), TODAY)
    stamp = dt.datetime(2026, 12, 1, 8, 0, tzinfo=dt.UTC)
    assert calendar_bytes(entries, stamp=stamp) == calendar_bytes(entries, stamp=stamp)
    english = Calendar.from_ical(calendar_bytes(entries, "en", stamp=stamp))
    assert all(str(e["summary"]).startswith("[Training example] ") for e in english.walk("VEVENT"))
