"""What a pack covers and what that means on a given day, in one sentence.

A pack's rules are for activity in a period (for the 2025 measures: things done, paid or certified from
2025-04-15 to 2025-12-31); support for it is applied for afterwards, in windows the bureaus' notices set.
So the day the answers were given, or the day someone looks at them, never changes an amount; it only
changes what the enterprise should be told: that the period is over and applications come later, or
that it has not begun. The engine records the sentence for the day the answers were given; the window
and the checklist say it for the day they are looked at.
"""

from __future__ import annotations

import datetime as dt

from desktop.policy.model import Text


def period_span(label: Text, start: dt.date, end: dt.date) -> Text:
    """ "2025 年度（2025-04-15 至 2025-12-31）" / "2025 (2025-04-15 to 2025-12-31)"."""
    if label.zh:
        return Text(f"{label.zh}（{start} 至 {end}）", f"{label.get('en')} ({start} to {end})")
    return Text(f"{start} 至 {end}", f"{start} to {end}")


def period_sentence(
    title: Text, valid_to: dt.date, period: tuple[dt.date, dt.date], label: Text, day: dt.date
) -> Text | None:
    """The one sentence for `day`, or None while the period is running (then nothing needs saying)."""
    start, end = period
    span = period_span(label, start, end)
    about = f"本评估针对{' ' if span.zh[:1].isdigit() else ''}{span.zh}的经营活动"  # a space before a figure
    if day > end:
        return Text(
            f"{about}。《{title.zh}》已于 {valid_to} 结束，这一期间的支持"
            "一般在之后的申报窗口申请，申报时间和要求以主管部门发布的申报通知为准。",
            f"This assessment is for activity in {span.en}. '{title.get('en')}' ended on {valid_to}; "
            "support for that activity is normally applied for in a later application window, and the "
            "bureau's notice sets the dates and requirements.",
        )
    if day < start:
        return Text(
            f"{about}，{day} 时这一期间尚未开始。",
            f"This assessment is for activity in {span.en}, which had not begun on {day}.",
        )
    return None
