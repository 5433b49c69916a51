"""What an enterprise can still do, in words: the window and how many days are left, the channel, the contact.

One wording for the window, the checklist, the command line, the batch summary and the workspace.
A window from a training guide is marked as an example wherever it is said.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from desktop.policy.guides import Channel, Contact, ItemGuide, WindowState, WindowStatus, window_state
from desktop.policy.model import Lang, Text
from desktop.wording import vocabulary
from desktop.wording.explanation import plural
from desktop.wording.period import period_sentence

if TYPE_CHECKING:  # the engine words its results with these: types only, or a cycle
    from desktop.engine.result import Assessment, ItemResult, Reading

EXAMPLE = Text("【培训示例】", "[Training example] ")

CHANNELS: dict[str, Text] = {
    "online": Text("网上申报", "Online"),
    "town_office": Text("经所在镇街提交纸质材料", "Paper copies through the town office"),
    "insurer": Text(
        "由承保机构代企业申报（请先向承保机构确认）", "Filed by the insurer for the enterprise (ask the insurer)"
    ),
    "automatic": Text("免申即享（无需申请，名单公示后拨付）", "Paid without application (after the list is published)"),
    "not_published": Text("以申报通知为准", "As the notice says"),
}


def state(item: ItemResult, today: dt.date) -> WindowState | None:
    return None if item.item_guide is None else window_state(item.item_guide.window, today)


def window_detail(item: ItemResult, result: Assessment, today: dt.date) -> Text | None:
    """The window under a label that names it: "2026-11-16 至 2026-12-11，还有 10 天", "在 2026-11-30 所掌握的申报
    通知中未见：请留意…", "已于 2026-09-30 截止"; None without a guide."""
    detail = _detail(item, result, today)
    return None if detail is None else _marked(detail, result)


def _as_of(result: Assessment) -> dt.date | None:
    """The day of the notices the guide was written from (its date): what "not found" is said against."""
    return None if result.guide is None else result.guide.published_on


def _detail(item: ItemResult, result: Assessment, today: dt.date) -> Text | None:
    app = item.item_guide
    if app is None:
        return None
    st = window_state(app.window, today)
    w = app.window
    if st.status == "not_found":
        # Only what is known: the guide's author found no window in the notices at hand on that day. A notice
        # may have come out since; nothing here says it has not been published.
        office = _watch(app, item)
        seen = not_found_text(_as_of(result))
        text = Text(
            f"{seen.zh}：请留意{office.zh}发布的申报通知",
            f"{seen.en}: watch for the notice from {office.get('en')}",
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
    detail = _detail(item, result, today)
    if detail is None:
        return None
    zh = detail.zh
    en = detail.get("en")
    sentence = Text(f"申报窗口{' ' if zh[:1].isdigit() else ''}{zh}", f"Window {en[:1].lower()}{en[1:]}")
    return _marked(sentence, result)


def window_short(item: ItemResult, result: Assessment, today: dt.date) -> Text | None:
    """The window in a table cell: "还有 10 天（2026-12-11 截止）", "截至 2026-11-30 未见通知",
    "已于 2026-12-11 截止"."""
    app = item.item_guide
    if app is None:
        return None
    st = window_state(app.window, today)
    w = app.window
    if st.status == "not_found":
        text = not_found_cell(_as_of(result))
    elif st.status == "closed":
        text = Text(f"已于 {w.closes} 截止", f"Closed on {w.closes}")
    elif st.status == "upcoming":
        text = Text(f"{w.opens} 开始，{w.closes} 截止", f"Opens {w.opens}, closes {w.closes}")
    elif st.days_left == 0:
        text = Text(f"今天截止（{w.closes}）", f"Closes today ({w.closes})")
    else:
        text = Text(f"还有 {st.days_left} 天（{w.closes} 截止）", f"{_days(st.days_left)} left (closes {w.closes})")
    return _marked(text, result)


def closed_total(result: Assessment, today: dt.date) -> tuple[Decimal, int]:
    """Of the claimable total, what lies in items whose window has closed by `today`, and how many: the total
    is what the text allows; this says how much of it can no longer be applied for in this round."""
    closed = [
        item
        for item in result.with_amounts()
        if item.item_guide is not None and window_state(item.item_guide.window, today).status == "closed"
    ]
    return sum((item.amount or Decimal(0) for item in closed), Decimal(0)), len(closed)


def today_sentence(result: Assessment, today: dt.date) -> Text | None:
    """What the assessment's period means on `today` (None while the period runs): the sentence every output
    shows (the window, the checklist, `assess` and its JSON), in place of the one recorded for the day the
    answers were given, so that one run never tells two stories. A day before the answers' own counts as
    theirs (a clock set wrong does not move an assessment back into its period)."""
    day = max(today, result.assessed_on)
    return period_sentence(result.pack_title, result.valid_to, result.period, result.period_label, day)


def notices_on(result: Assessment, today: dt.date) -> tuple[Text, ...]:
    """Everything to say before the figures on `today`, in this order: what the period means, that the guide
    is old, and the assessment's own notices (basic conditions not answered, answers carried over)."""
    said = (today_sentence(result, today), guide_warning(result, today))
    return (*(text for text in said if text is not None), *result.notices)


def not_found_text(as_of: dt.date | None) -> Text:
    """ "在 2026-11-30 所掌握的申报通知中未见" / "Not found in the notices we had on 2026-11-30"."""
    if as_of is None:
        return Text("在所掌握的申报通知中未见", "Not found in the notices we had")
    return Text(f"在 {as_of} 所掌握的申报通知中未见", f"Not found in the notices we had on {as_of}")


def not_found_cell(as_of: dt.date | None) -> Text:
    """The same in a table cell: "截至 2026-11-30 未见通知" / "No notice as of 2026-11-30"."""
    if as_of is None:
        return Text(vocabulary.term("window_not_found", "zh"), vocabulary.term("window_not_found", "en"))
    return Text(f"截至 {as_of} 未见通知", f"No notice as of {as_of}")


GUIDE_OLD_DAYS = 90
"""A guide older than this (about three months) says so: windows, channels and offices change."""


def guide_age(result: Assessment, today: dt.date) -> Text | None:
    """ "指南日期 2026-11-30（6 天前）": the guide's date and how old it is on `today`; None without a guide."""
    guide = result.guide
    if guide is None:
        return None
    days = (today - guide.published_on).days
    if days < 0:
        return Text(f"指南日期 {guide.published_on}", f"guide dated {guide.published_on}")
    ago = Text("今天", "today") if days == 0 else Text(f"{days} 天前", f"{days_phrase(days, 'en')} ago")
    return Text(f"指南日期 {guide.published_on}，{ago.zh}", f"guide dated {guide.published_on}, {ago.en}")


def guide_warning(result: Assessment, today: dt.date) -> Text | None:
    """What an old real guide must say on `today`, and how to bring in the bureau's notice: None for a guide
    younger than GUIDE_OLD_DAYS (or a training guide, whose dates are invented anyway)."""
    guide = result.guide
    if guide is None or guide.example:
        return None
    days = (today - guide.published_on).days
    if days <= GUIDE_OLD_DAYS:
        return None
    months = days // 30
    return Text(
        f"所用申报指南是 {guide.published_on} 的，已有约 {months} 个月：此后发布的申报通知不在其中，申报窗口、渠道和"
        "联系方式可能已变化。请以主管部门最新的申报通知为准；拿到通知后，可在“工具 → 政策包 → 添加申报指南…”中加入。",
        f"The application guide in use is dated {guide.published_on}, about {months} months ago: notices published "
        "since are not in it, and windows, channels and contacts may have changed. The bureau's latest notice "
        "prevails; once you have it, add it under Tools → Policy packs → Add application guide….",
    )


def days_phrase(n: int, lang: Lang) -> str:
    """A count of days as a sentence or a table cell says it: "10 天", "1 day", "10 days"."""
    return f"{n} 天" if lang == "zh" else f"{n} {plural('day', n)}"


def _days(n: int | None) -> str:
    return days_phrase(n or 0, "en")


def _watch(app: ItemGuide, item: ItemResult) -> Text:
    """The office whose notice to watch: the guide's contact for the item, unless that is only the general
    hotline (no address, 12345), then the first responsible unit the text names."""
    contact = app.contact
    if contact is not None and (contact.address.zh or contact.phone != "12345"):
        office = contact.office
    else:
        office = item.units[0] if item.units else Text("主管部门", "the responsible bureau")
    english = office.get("en")
    if english.startswith(("Bureau", "Market", "Municipal")):  # "the notice from the Bureau of …"
        office = Text(office.zh, "the " + english)
    return office


def channel_text(item: ItemResult, result: Assessment) -> Text | None:
    app = item.item_guide
    if app is None:
        return None
    base = CHANNELS[app.channel]
    if app.channel == "online" and app.platform.zh:
        base = Text(f"网上申报：{app.platform.zh}", f"Online: {app.platform.get('en')}")
    if app.channel_note.zh:
        base = Text(f"{base.zh}。{app.channel_note.zh}", f"{base.en}. {app.channel_note.get('en')}")
    return _marked(base, result)


def guide_note(item: ItemResult, result: Assessment) -> Text | None:
    """What the guide says of the item besides window, channel and contact (marked in a training guide)."""
    app = item.item_guide
    if app is None or not app.note.zh:
        return None
    return _marked(app.note, result)


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


def invented(item: ItemResult, result: Assessment) -> bool:
    """The item's amount is one a training guide made up (the text leaves it to the annual notice)."""
    guide = result.guide
    app = item.item_guide
    return guide is not None and guide.example and app is not None and app.amount is not None and item.has_amount


def invented_total(result: Assessment) -> Decimal:
    """What of the total a training guide made up (0 without one)."""
    return sum((item.amount or Decimal(0) for item in result.with_amounts() if invented(item, result)), Decimal(0))


def invented_note(amount: Decimal, lang: Lang) -> str:
    """ "（含【培训示例】虚构金额 20,000.00 元）": said right after a total that holds invented amounts ("" if none)."""
    if not amount:
        return ""
    if lang == "en":
        return f" (including {vocabulary.yuan(amount, lang)} invented for training: {EXAMPLE.en.strip()})"
    return f"（含{EXAMPLE.zh}虚构金额 {vocabulary.yuan(amount, lang)}）"


def total_text(result: Assessment, lang: Lang) -> str:
    """The total as every output says it: `1,730,000.00 元（173.00 万元）（含【培训示例】虚构金额 20,000.00 元）`.
    An amount a training guide invents stays in the total (the training shows the whole flow) and the line
    says how much of it is invented, wherever the total shows."""
    return vocabulary.yuan_and_large(result.total, lang) + invented_note(invented_total(result), lang)


def total_sentence(result: Assessment, lang: Lang) -> str:
    """`最多可申请合计：…` with what of it is invented, as the window says it (the status bar, the results)."""
    return vocabulary.total_line(result.total, lang) + invented_note(invented_total(result), lang)


def titled(item: ItemResult, result: Assessment) -> Text:
    """The item's title, marked 【培训示例】 where its amount is a training guide's invention."""
    if invented(item, result):
        return Text(EXAMPLE.zh + item.title.zh, EXAMPLE.en + item.title.get("en"))
    return item.title


def reading_text(reading: Reading, lang: Lang) -> str:
    """A reading with the reason for it: "本工具把…相加。原文未说明…" / "The tool adds them up. The text…"."""
    said, why = reading.reading.get(lang), reading.why.get(lang)
    if not why:
        return said
    return f"{said} {why}" if lang == "en" and not said.endswith(" ") else f"{said}{why}"


def applies(item: ItemResult) -> bool:
    """Items an enterprise applies for (or that are paid to it): what a window concerns."""
    return item.status in ("eligible", "to_confirm") and item.kind != "service"


# -- the same, as cells of a table (workspace views and exports, the batch summary) ---------------------------
@dataclass(frozen=True)
class Deadline:
    """An item's window as a table states it: when applications close and how many days are left, and how
    to apply. `days_left` counts to the closing day (0: closes today) while the window is open or yet to
    open; None once it has closed or while it is not published."""

    status: WindowStatus
    opens: dt.date | None
    closes: dt.date | None
    days_left: int | None
    channel: Channel
    example: bool = False  # from a training guide: every cell says so
    as_of: dt.date | None = None  # the guide's date: a window not found was not in the notices of that day

    def cell(self, lang: Lang = "zh", *, marked: bool = True) -> str:
        """ "2026-12-11", "2027-02-19（2027-01-05 开始）", "2026-09-30（已截止）", "截至 2026-11-30 未见通知" (with
        `marked`, and from a training guide: "【培训示例】2026-12-11"); in English "2026-09-30, closed"."""
        if self.status == "not_found" or self.closes is None:
            text = not_found_cell(self.as_of).get(lang)
        elif self.status == "closed":
            text = _bracketed(self.closes.isoformat(), vocabulary.term("window_closed", lang), lang)
        elif self.status == "upcoming" and self.opens is not None:
            opens = vocabulary.term("window_opens", lang).format(day=self.opens.isoformat())
            text = _bracketed(self.closes.isoformat(), opens, lang)
        else:
            text = self.closes.isoformat()
        return _example_mark(text, self.example and marked, lang)

    def channel_cell(self, lang: Lang = "zh", *, marked: bool = True) -> str:
        """The channel in a word or two: 网上申报, 承保机构代为申报, 免申即享 ... (the sentence is `channel_text`)."""
        return _example_mark(vocabulary.term(f"channel_{self.channel}", lang), self.example and marked, lang)

    def days_cell(self) -> str:
        return "" if self.days_left is None else str(self.days_left)

    @property
    def order(self) -> tuple[int, int]:
        """Soonest first: open and upcoming windows by their closing day, then not published, then the closed
        ones, the latest first."""
        if self.closes is None:
            return (1, 0)
        if self.status == "closed":
            return (2, -self.closes.toordinal())
        return (0, self.closes.toordinal())


def _bracketed(text: str, note: str, lang: Lang) -> str:
    """ "2027-02-19（2027-01-05 开始）" / "2027-02-19, opens 2027-01-05" (a narrow cell breaks it between words)."""
    return f"{text}, {note}" if lang == "en" else f"{text}（{note}）"


def _example_mark(text: str, example: bool, lang: Lang) -> str:
    return EXAMPLE.get(lang) + text if example else text


def deadline(item: ItemResult, result: Assessment, today: dt.date) -> Deadline | None:
    """The item's window and channel as cells; None without a guide, or for what nobody applies for."""
    app = item.item_guide
    if app is None or not applies(item):
        return None
    st = window_state(app.window, today)
    closes = app.window.closes
    left = (closes - today).days if closes is not None and st.status in ("open", "upcoming") else None
    example = result.guide is not None and result.guide.example
    return Deadline(st.status, app.window.opens, closes, left, app.channel, example, _as_of(result))


def next_deadline(result: Assessment, today: dt.date) -> Deadline | None:
    """For the enterprise as a whole: the soonest window still to come among the items it applies for (else
    "not published" when one is, else the last that closed); None when no guide says anything."""
    found = [d for i in result.items if (d := deadline(i, result, today)) is not None]
    return min(found, key=lambda d: d.order, default=None)
