"""The results page as a plan: what the period means today, what is to confirm, when and where to apply,
and what the enterprise could still unlock (issues 11, 13 and 16), read as the clerk sees it."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QWidget

from desktop.ui.main_window import MainWindow
from desktop.ui.pages.result_rows import READING_COLOUR
from desktop.ui.pages.results_page import ResultsPage
from tests.conftest import EXAMPLES
from tests.ui.helpers import questionnaire

TODAY = dt.date(2026, 12, 1)


def results(window: MainWindow, example: str = "lighting-exporter", **answers: object) -> ResultsPage:
    assert window.open_answers(EXAMPLES / f"{example}.json")
    session = window.document.session
    assert session is not None
    session.today = lambda: TODAY
    for question_id, value in answers.items():
        session.set_answer(question_id, value)
    q = questionnaire(window)
    q.go_to(len(q.pages) - 1)
    page = q.results_page
    page.refresh()
    return page


def visible_texts(widget: QWidget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget) and label.text()]


def rows(tree: QTreeWidget) -> dict[str, QTreeWidgetItem]:
    found = {}
    for index in range(tree.topLevelItemCount()):
        row = tree.topLevelItem(index)
        assert row is not None
        found[str(row.data(0, 256))] = row
    return found


def children(row: QTreeWidgetItem, heading: str) -> list[QTreeWidgetItem]:
    for index in range(row.childCount()):
        head = row.child(index)
        if head is not None and head.text(0) == heading:
            return [c for c in (head.child(i) for i in range(head.childCount())) if c is not None]
    return []


def tab_titles(page: ResultsPage) -> list[str]:
    tabs = page.tabs
    return [tabs.tabText(i) for i in range(tabs.count()) if tabs.isTabVisible(i)]


def test_an_assessment_for_2025_opened_on_2026_12_01_says_once_what_that_means(window: MainWindow) -> None:
    page = results(window)
    texts = visible_texts(page)
    sentences = [t for t in texts if "本评估针对" in t]
    assert len(sentences) == 1
    assert "2025 年度（2025-04-15 至 2025-12-31）" in sentences[0]
    assert "一般在之后的申报窗口申请" in sentences[0] and "以主管部门发布的申报通知为准" in sentences[0]
    assert not any("仅供参考" in t or "到期" in t for t in texts)  # no hedge beside the confident total
    assert page.total_label.text().startswith("最多可申请合计")
    assert not any("2025-12-31" in t and "到期" in t for t in visible_texts(window))  # no banner above the pages


def test_while_the_period_runs_nothing_is_said_about_it(window: MainWindow) -> None:
    page = results(window)
    assert window.document.session is not None
    window.document.session.today = lambda: dt.date(2025, 12, 15)
    page.refresh()
    assert not page.period_label.isVisibleTo(page)


def test_with_the_training_guide_each_item_says_its_window_and_days_left(window: MainWindow) -> None:
    page = results(window)
    assert window.document.session is not None
    training = page.guide_box.findData("zhongshan-2025-training")
    assert training > 0 and "【培训示例】" in page.guide_box.itemText(training)
    page.guide_box.setCurrentIndex(training)
    page.guide_box.activated.emit(training)
    assert window.document.session.guide_id == "zhongshan-2025-training"
    assert window.document.session.to_answers_file().guide == "zhongshan-2025-training"
    plan = rows(page.plan)
    assert plan["credit_insurance"].text(3) == "【培训示例】还有 10 天（2026-12-11 截止）"
    assert plan["aeo"].text(3) == "【培训示例】已于 2026-09-30 截止"
    assert plan["equipment"].text(3) == "【培训示例】2027-01-05 开始，2027-02-19 截止"
    assert "承保机构" in plan["credit_insurance"].text(5)
    # and in the amount row's details, in full
    lines = children(rows(page.amounts)["credit_insurance"], "申报安排")
    assert any(line.text(0).startswith("申报窗口：【培训示例】2026-11-16 至 2026-12-11，还有 10 天") for line in lines)
    assert any(line.text(0).startswith("咨询：") for line in lines)


def test_with_the_known_guide_no_window_was_found_on_its_date(window: MainWindow) -> None:
    page = results(window)
    assert page.guide_box.currentIndex() == 0 and page.guide_box.currentText().startswith("最新：")
    plan = rows(page.plan)
    assert plan and all(row.text(3) == "截至 2026-11-30 未见通知" for row in plan.values())
    assert "申报安排（" in " ".join(tab_titles(page))


def test_a_date_before_the_measures_began_is_to_confirm_with_its_amount_apart(window: MainWindow) -> None:
    page = results(window, aeo_certified_on=dt.date(2025, 3, 1))
    assert window.document.session is not None
    result = window.document.session.result
    assert result.item("aeo").status == "to_confirm"
    assert "aeo" not in rows(page.amounts)
    confirm = rows(page.confirm)
    assert confirm["aeo"].text(2) == "150,000.00"
    assert children(confirm["aeo"], "待确认的原因")
    assert page.pending_label.isVisibleTo(page)
    assert page.pending_label.text().startswith("另有待确认 150,000.00 元")
    assert "待确认（1 项）" in tab_titles(page)


def test_an_enterprise_on_the_dishonest_list_has_every_money_item_barred_for_now(window: MainWindow) -> None:
    """Issue 25: not 待确认 with "另有待确认 …": 暂不可申请, with what to do first and what is at stake."""
    page = results(window, on_dishonest_list=True)
    assert window.document.session is not None
    result = window.document.session.result
    assert result.total == 0 and result.pending_total == 0 and not rows(page.amounts) and not rows(page.confirm)
    money = [i.id for i in result.items if i.kind == "amount" and i.amount is not None]
    barred = rows(page.unavailable)
    assert money and set(money) <= set(barred)
    row = barred[money[0]]
    assert row.text(2) == "暂不可申请" and "失信" in row.text(3) and "须先申请信用修复" in row.text(3)
    assert "届时可申请" in row.text(3) and "不计入任何合计" in row.text(3)
    assert "已被列入“信用中国”严重失信主体名单：各项资金支持暂不可申请" in page.warning_label.text()
    assert not page.pending_label.isVisibleTo(page)


def test_the_tools_readings_are_shown_apart_in_their_own_colour(window: MainWindow) -> None:
    page = results(window, "appliance-maker")
    readings = children(rows(page.amounts)["ip_enforcement"], "本工具的理解（非原文规定）")
    assert readings and all(r.foreground(0).color() == READING_COLOUR and r.font(0).italic() for r in readings)
    assert any("一个案件" in r.text(0) for r in readings)


def test_what_could_still_be_unlocked_is_ranked_by_what_it_brings(window: MainWindow) -> None:
    page = results(window, "appliance-maker")
    unlock = page.unlock
    texts = [unlock.topLevelItem(i).text(2) for i in range(unlock.topLevelItemCount())]  # type: ignore[union-attr]
    # after the period (TODAY): what acting then would have brought, for planning
    assert any(t.startswith("若当时首次获得海关 AEO 认证") and "本可得 150,000.00 元" in t for t in texts)
    gains = [unlock.topLevelItem(i).text(3) for i in range(unlock.topLevelItemCount())]  # type: ignore[union-attr]
    figures = [float(re.findall(r"[\d,]+\.\d\d", g)[0].replace(",", "")) for g in gains if g != "—"]
    assert figures == sorted(figures, reverse=True)
    assert "150,000.00 / 每 1,000,000.00 元" in gains  # a rate with no cap: per step, never a maximum
    assert page.unlock.headerItem().text(3) == "可多得（元）"  # type: ignore[union-attr]
    assert any(t.startswith("若当时做到（") for t in tab_titles(page))


def test_an_item_the_enterprise_cannot_change_is_listed_apart_with_why(window: MainWindow) -> None:
    page = results(window, aeo_certified_on=dt.date(2026, 1, 15))
    unlock = page.unlock
    heads = [unlock.topLevelItem(i) for i in range(unlock.topLevelItemCount())]
    apart = next(h for h in heads if h is not None and h.text(0).startswith("企业自身难以改变的"))
    texts = [apart.child(i).text(2) for i in range(apart.childCount())]  # type: ignore[union-attr]
    # a date after the end is the tool's reading (issue 25): to confirm, with what it would bring once confirmed
    assert any("晚于措施截止日" in t and "取决于主管部门对原文的理解" in t and "确认后可得" in t for t in texts)


@pytest.mark.parametrize("example", ["lighting-exporter", "appliance-maker", "small-trader", None])
def test_no_tab_with_nothing_in_it_is_shown_or_opened(window: MainWindow, example: str | None) -> None:
    """Issue 23: "金额待定的支持（0 项）" was shown, and "Computed amounts (0)" opened first."""
    if example is None:  # nothing answered: no amount at all
        q = questionnaire(window)
        q.go_to(len(q.pages) - 1)
        page = q.results_page
    else:
        page = results(window, example)
    titles = tab_titles(page)
    assert titles and not any("（0 项）" in title for title in titles)
    assert page.tabs.isTabVisible(page.tabs.currentIndex())
    shown = page.tabs.currentWidget()
    assert isinstance(shown, QTreeWidget) and shown.topLevelItemCount() > 0
