"""Reminders from the application records (issue 21): a 公示 ending, a window closing with documents
still missing, a claim filed long ago with no news; and the amounts paid by year."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from desktop.engine import assess, read_answers_file
from desktop.engine.filing import Claim, DocumentRecord
from desktop.engine.reminders import NO_NEWS_AFTER, WINDOW_SOON, paid_by_year, reminders
from desktop.policy import Pack
from desktop.policy.guide_registry import known_guides
from tests.conftest import EXAMPLES

TODAY = dt.date(2026, 12, 1)


def lighting(pack: Pack, guide: str = "zhongshan-2025-training"):  # type: ignore[no-untyped-def]
    answers_file, _ = read_answers_file(EXAMPLES / "lighting-exporter.json", lambda _p, _d: pack)
    return assess(pack, answers_file.answers, assessed_on=TODAY, guide=known_guides().get(guide))


@pytest.mark.parametrize(
    ("claim", "kind", "day", "said"),
    [
        (
            Claim(
                "publicized",
                submitted_on=dt.date(2026, 6, 1),
                publicized_from=dt.date(2026, 11, 27),
                publicized_to=dt.date(2026, 12, 3),
            ),
            "publicity_ends",
            dt.date(2026, 12, 3),
            "公示至 2026-12-03（还有 2 天）",
        ),
        (
            Claim("publicized", publicized_from=dt.date(2026, 11, 1), publicized_to=dt.date(2026, 11, 7)),
            "publicity_over",
            dt.date(2026, 11, 7),
            "公示已于 2026-11-07 结束，尚未记录拨付",
        ),
        (
            Claim("submitted", submitted_on=TODAY - dt.timedelta(days=NO_NEWS_AFTER), reference="YC-1"),
            "no_news",
            TODAY,
            "提交已 60 天，尚无进展，可向受理部门查询（申报编号 YC-1）",
        ),
        (
            Claim("accepted", submitted_on=dt.date(2026, 6, 1), accepted_on=dt.date(2026, 9, 1)),
            "no_news",
            dt.date(2026, 10, 31),
            "受理已 91 天",
        ),
    ],
)
def test_a_claim_that_needs_the_firm_says_so_on_its_day(
    pack: Pack, claim: Claim, kind: str, day: dt.date, said: str
) -> None:
    [found] = reminders(lighting(pack), {}, {"credit_insurance": claim}, TODAY)
    assert (found.kind, found.day, found.item_id) == (kind, day, "credit_insurance")
    assert said in found.text.zh and found.text.en


@pytest.mark.parametrize(
    "claim",
    [
        Claim("submitted", submitted_on=TODAY - dt.timedelta(days=NO_NEWS_AFTER - 1)),
        Claim("paid", paid_amount=Decimal(1), paid_on=dt.date(2026, 5, 1)),
        Claim("rejected", reason="资料不全"),
        Claim("preparing"),
    ],
)
def test_a_claim_that_needs_nothing_yet_gives_no_reminder(pack: Pack, claim: Claim) -> None:
    assert reminders(lighting(pack), {}, {"credit_insurance": claim}, TODAY) == []


def test_a_window_closing_soon_with_documents_missing(pack: Pack) -> None:
    documents = {
        "credit_insurance": {"application_form": DocumentRecord("have"), "credit_report": DocumentRecord("help")}
    }
    [found] = reminders(lighting(pack), documents, {}, TODAY)
    assert found.kind == "window_closing" and found.day == dt.date(2026, 12, 11)
    assert "申报窗口 2026-12-11 截止（还有 10 天），材料仍缺 4 项、需协助 1 项" in found.text.zh
    assert "still 4 missing, 1 needing help" in found.text.en


def test_no_window_reminder_once_filed_nor_far_from_the_close_nor_without_a_guide(pack: Pack) -> None:
    documents = {"credit_insurance": {"application_form": DocumentRecord("missing")}}
    filed = {"credit_insurance": Claim("submitted", submitted_on=TODAY)}
    assert reminders(lighting(pack), documents, filed, TODAY) == []
    early = TODAY - dt.timedelta(days=WINDOW_SOON + 20)
    assert [r for r in reminders(lighting(pack), documents, {}, early) if r.kind == "window_closing"] == []
    assert reminders(lighting(pack, "zhongshan-2025-known"), documents, {}, TODAY) == []


def test_paid_by_year() -> None:
    claims = [
        Claim("paid", paid_amount=Decimal("360000.00"), paid_on=dt.date(2026, 5, 20)),
        Claim("paid", paid_amount=Decimal("150000.00"), paid_on=dt.date(2026, 8, 1)),
        Claim("paid", paid_amount=Decimal("20000.00"), paid_on=dt.date(2025, 12, 30)),
        Claim("submitted"),
    ]
    assert paid_by_year(claims) == {2025: Decimal("20000.00"), 2026: Decimal("510000.00")}
