"""What an enterprise can still do, in words: the window and how many days are left, the channel, the contact.

One wording for the window, the checklist, the command line, the batch summary and the workspace.
A window from a training guide is marked as an example wherever it is said.
"""

from __future__ import annotations

import datetime as dt

from desktop.engine.period import period_sentence
from desktop.engine.result import Assessment, ItemResult
from desktop.policy.guides import Contact, ItemGuide, WindowState, window_state
from desktop.policy.model import Text

EXAMPLE = Text("【培训示例】", "[Training example] ")

CHANNELS: dict[str, Text] = {
    "online": Text("网上申报", "Online"),
    "town_office": Text("经所在镇街提交纸质材料", "Paper copies through the town (镇街) office"),
    "insurer": Text(
        "由承保机构代企业申报（请先向承保机构确认）", "Filed by the insurer for the enterprise (ask the insurer)"
    ),
    "automatic": Text("免申即享（无需申请，名单公示后拨付）", "Paid without application (after the list is published)"),
    "not_published": Text("申报方式以申报通知为准", "How to apply: as the notice says"),
}


def state(item: ItemResult, today: dt.date) -> WindowState | None:
    return None if item.application is None else window_state(item.application.window, today)


def window_detail(item: ItemResult, result: Assessment, today: dt.date) -> Text | None:
    """The window under a label that names it: "2026-11-16 至 2026-12-11，还有 10 天", "尚未公布：请留意…",
    "已于 2026-09-30 截止"; None without a guide."""
    detail = _detail(item, today)
    return None if detail is None else _marked(detail, result)


def _detail(item: ItemResult, today: dt.date) -> Text | None:
    app = item.application
    if app is None:
        return None
    st = window_state(app.window, today)
    w = app.window
    if st.status == "not_published":
        office = _watch(app, item)
        text = Text(
            f"尚未公布：请留意{office.zh}发布的申报通知",
            f"Not yet published: watch for the notice from {office.get('en')}",
        )
    elif st.status == "closed":
        text = Text(f"已于 {w.closes} 截止", f"Closed on {w.closes}")
    elif st.status == "upcoming":
        text = Text(
            f"{w.opens} 开始（还有 {st.days_left} 天），{w.closes} 截止",
            f"Opens on {w.opens} ({_days(st.days_left)} from now) and closes on {w.closes}",
        )
    else:
        left = (
            Text("今天截止", "closes today")
            if st.days_left == 0
            else Text(f"还有 {st.days_left} 天", f"{_days(st.days_left)} left")
        )
        opened = f"{w.opens} 至 " if w.opens else "至 "
        opened_en = f"{w.opens} to " if w.opens else "To "
        text = Text(f"{opened}{w.closes}，{left.zh}", f"{opened_en}{w.closes}: {left.en}")
    return text


def window_text(item: ItemResult, result: Assessment, today: dt.date) -> Text | None:
    """ "申报窗口 2026-11-16 至 2026-12-11，还有 10 天" / "申报窗口尚未公布：…" / "申报窗口已于 … 截止": the window
    in a sentence of its own (a line without a label); None without a guide."""
    detail = _detail(item, today)
    if detail is None:
        return None
    zh = detail.zh
    en = detail.get("en")
    sentence = Text(f"申报窗口{' ' if zh[:1].isdigit() else ''}{zh}", f"Window {en[:1].lower()}{en[1:]}")
    return _marked(sentence, result)


def window_short(item: ItemResult, result: Assessment, today: dt.date) -> Text | None:
    """The window in a table cell: "还有 10 天（2026-12-11 截止）", "尚未公布", "已于 2026-12-11 截止"."""
    app = item.application
    if app is None:
        return None
    st = window_state(app.window, today)
    w = app.window
    if st.status == "not_published":
        text = Text("尚未公布", "Not yet published")
    elif st.status == "closed":
        text = Text(f"已于 {w.closes} 截止", f"Closed on {w.closes}")
    elif st.status == "upcoming":
        text = Text(f"{w.opens} 开始，{w.closes} 截止", f"Opens {w.opens}, closes {w.closes}")
    elif st.days_left == 0:
        text = Text(f"今天截止（{w.closes}）", f"Closes today ({w.closes})")
    else:
        text = Text(f"还有 {st.days_left} 天（{w.closes} 截止）", f"{_days(st.days_left)} left (closes {w.closes})")
    return _marked(text, result)


def today_sentence(result: Assessment, today: dt.date) -> Text | None:
    """What the assessment's period means on `today` (None while the period runs): the sentence the window
    and a checklist printed today show, in place of the one recorded for the day the answers were given."""
    return period_sentence(result.pack_title, result.valid_to, result.period, result.period_label, today)


def _days(n: int | None) -> str:
    return "1 day" if n == 1 else f"{n} days"


def _watch(app: ItemGuide, item: ItemResult) -> Text:
    if app.contact is not None and app.contact.phone != "12345":
        return app.contact.office
    return item.units[0] if item.units else Text("主管部门", "the responsible bureau")


def channel_text(item: ItemResult, result: Assessment) -> Text | None:
    app = item.application
    if app is None:
        return None
    base = CHANNELS[app.channel]
    if app.channel == "online" and app.platform.zh:
        base = Text(f"网上申报：{app.platform.zh}", f"Online: {app.platform.get('en')}")
    if app.channel_note.zh:
        base = Text(f"{base.zh}。{app.channel_note.zh}", f"{base.en}. {app.channel_note.get('en')}")
    return _marked(base, result)


def contact_text(contact: Contact | None) -> Text | None:
    """ "中山市商务局，中山市中山二路57号，电话 (0760) 89892378（见于…；来源：…）"."""
    if contact is None:
        return None
    zh = [contact.office.zh]
    en = [contact.office.get("en")]
    if contact.address.zh:
        zh.append(contact.address.zh)
        en.append(contact.address.get("en"))
    if contact.phone:
        zh.append(f"电话 {contact.phone}")
        en.append(f"phone {contact.phone}")
    where_zh = "；".join(p for p in (contact.seen.zh, f"来源：{contact.source.zh}" if contact.source.zh else "") if p)
    where_en = "; ".join(
        p for p in (contact.seen.get("en"), f"source: {contact.source.get('en')}" if contact.source.zh else "") if p
    )
    return Text(
        "，".join(zh) + (f"（{where_zh}）" if where_zh else ""), ", ".join(en) + (f" ({where_en})" if where_en else "")
    )


def _marked(text: Text, result: Assessment) -> Text:
    if result.guide is not None and result.guide.example:
        return Text(EXAMPLE.zh + text.zh, EXAMPLE.en + text.en)
    return text


def applies(item: ItemResult) -> bool:
    """Items an enterprise applies for (or that are paid to it): what a window concerns."""
    return item.status in ("eligible", "to_confirm") and item.kind != "service"
