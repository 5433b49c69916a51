"""What an enterprise should not miss once it has started on its applications. No Qt, no clock.

- a 公示 period ending: the list is published with a short objection period; the firm checks its line;
- a window closing with documents still missing (or someone else still to produce them);
- a claim filed long ago with no news: ask the office where it stands (with the reference).
Each reminder names its day, so the start page lists them soonest first and the calendar export puts
each on its day. The thresholds are the program's, said in the README, not any notice's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from desktop.engine.filing import Claim, DocumentRecord, Progress, progress, tracked_documents
from desktop.engine.result import Assessment, ItemResult
from desktop.policy.guides import window_state
from desktop.policy.model import Text
from desktop.wording.applying import days_phrase

ReminderKind = Literal["publicity_ends", "publicity_over", "window_closing", "no_news"]

WINDOW_SOON = 30
"""Days before a window closes from which missing documents are a reminder."""
NO_NEWS_AFTER = 60
"""Days after filing (or acceptance) with no further step before the program suggests asking."""


@dataclass(frozen=True)
class Reminder:
    kind: ReminderKind
    day: dt.date
    """The day it concerns: the 公示's last day, the window's closing day, the day news was due."""
    item_id: str
    text: Text


def _days(count: int) -> Text:
    return Text(days_phrase(count, "zh"), days_phrase(count, "en"))


def _until(day: dt.date, today: dt.date) -> Text:
    left = (day - today).days
    if left == 0:
        return Text("今天", "today")
    return Text(f"还有 {days_phrase(left, 'zh')}", f"{days_phrase(left, 'en')} left")


def claim_reminders(item_id: str, title: Text, claim: Claim, today: dt.date) -> list[Reminder]:
    """What one claim asks of the firm on `today`."""
    found: list[Reminder] = []
    if claim.state == "publicized" and claim.publicized_to is not None:
        end = claim.publicized_to
        if end >= today:
            when = _until(end, today)
            found.append(
                Reminder(
                    "publicity_ends",
                    end,
                    item_id,
                    Text(
                        f"{title.zh}：公示至 {end}（{when.zh}）。"
                        "请核对公示名单中本企业的信息和金额，如有异议在公示期内提出。",
                        f"{title.get('en')}: publicly listed until {end} ({when.en}). Check your firm's line and "
                        "amount on the list; raise any objection before the period ends.",
                    ),
                )
            )
        else:
            found.append(
                Reminder(
                    "publicity_over",
                    end,
                    item_id,
                    Text(
                        f"{title.zh}：公示已于 {end} 结束，尚未记录拨付。到账后请记录拨付金额和日期。",
                        f"{title.get('en')}: the public listing ended on {end}; no payment is recorded yet. "
                        "Record the amount and date once the money arrives.",
                    ),
                )
            )
    if claim.state in ("submitted", "accepted"):
        since = claim.accepted_on or claim.submitted_on
        if since is not None and (today - since).days >= NO_NEWS_AFTER:
            waited = _days((today - since).days)
            step = Text("受理", "accepted") if claim.accepted_on else Text("提交", "submitted")
            reference = (
                Text(f"（申报编号 {claim.reference}）", f" (reference {claim.reference})")
                if claim.reference
                else Text("")
            )
            found.append(
                Reminder(
                    "no_news",
                    since + dt.timedelta(days=NO_NEWS_AFTER),
                    item_id,
                    Text(
                        f"{title.zh}：{step.zh}已 {waited.zh}，尚无进展，可向受理部门查询{reference.zh}。",
                        f"{title.get('en')}: {step.en} {waited.en} ago with no news since; ask the office where "
                        f"it stands{reference.en}.",
                    ),
                )
            )
    return found


def window_reminder(item: ItemResult, found: Progress, claim: Claim | None, today: dt.date) -> Reminder | None:
    """A window closing within WINDOW_SOON days while documents are missing or need help, and the claim is
    not filed yet."""
    if item.item_guide is None or found.missing + found.help == 0:
        return None
    if claim is not None and claim.state != "preparing":
        return None
    state = window_state(item.item_guide.window, today)
    closes = item.item_guide.window.closes
    if state.status not in ("open", "upcoming") or closes is None or (closes - today).days > WINDOW_SOON:
        return None
    when = _until(closes, today)
    parts_zh = [f"缺 {found.missing} 项"] if found.missing else []
    parts_en = [f"{found.missing} missing"] if found.missing else []
    if found.help:
        parts_zh.append(f"需协助 {found.help} 项")
        parts_en.append(f"{found.help} needing help")
    return Reminder(
        "window_closing",
        closes,
        item.id,
        Text(
            f"{item.title.zh}：申报窗口 {closes} 截止（{when.zh}），材料仍{'、'.join(parts_zh)}。",
            f"{item.title.get('en')}: the window closes on {closes} ({when.en}) and documents are still "
            f"{', '.join(parts_en)}.",
        ),
    )


def reminders(
    result: Assessment,
    documents: Mapping[str, Mapping[str, DocumentRecord]],
    claims: Mapping[str, Claim],
    today: dt.date,
) -> list[Reminder]:
    """Every reminder of one assessment, soonest first."""
    found: list[Reminder] = []
    for item in result.items:
        claim = claims.get(item.id)
        if claim is not None:
            found += claim_reminders(item.id, item.title, claim, today)
        if item.status in ("eligible", "to_confirm") and item.kind != "service" and item.id in documents:
            said = window_reminder(item, progress(tracked_documents(item.documents, documents[item.id])), claim, today)
            if said is not None:
                found.append(said)
    return sorted(found, key=lambda r: (r.day, r.item_id))


def paid_by_year(claims: Iterable[Claim]) -> dict[int, Decimal]:
    """The amounts paid, by the year they were paid in."""
    years: dict[int, Decimal] = {}
    for claim in claims:
        if claim.state == "paid" and claim.paid_amount is not None and claim.paid_on is not None:
            years[claim.paid_on.year] = years.get(claim.paid_on.year, Decimal(0)) + claim.paid_amount
    return dict(sorted(years.items()))
