"""The association workspace window: import, filter, sort, per-measure totals and the bar chart."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from desktop.policy import bundled_registry
from desktop.policy.guides import Contact
from desktop.policy.model import Text
from desktop.ui.dialogs import RecordingSink
from desktop.ui.workspace_views import FILING_COLUMNS
from desktop.ui.workspace_window import FIXED_COLUMNS, TOTAL_COLUMN, BarChart, WorkspaceWindow
from tests.workspace.member_files import TOWNS, write_member_file, write_members

TODAY = dt.date(2025, 12, 1)


@pytest.fixture
def workspace(qtbot: QtBot) -> WorkspaceWindow:
    window = WorkspaceWindow(registry=bundled_registry(), today=lambda: TODAY)
    qtbot.addWidget(window)
    window.resize(1200, 700)
    window.show()
    return window


def imported(window: WorkspaceWindow, paths: list[Path]) -> None:
    """Import as the buttons do (off the window's thread) and wait for the result to arrive."""
    window.import_paths(paths)
    assert window.wait()


@pytest.fixture
def members(tmp_path: Path) -> Path:
    folder = tmp_path / "members"
    write_members(folder, 24)
    write_member_file(folder, 99, "negative_money")
    return folder


def test_importing_a_folder_fills_the_table_and_lists_the_broken_file(
    workspace: WorkspaceWindow, members: Path, message_log: RecordingSink
) -> None:
    imported(workspace, [members])

    assert workspace.proxy.rowCount() == 24
    assert workspace.model.columnCount() == FIXED_COLUMNS + 8 + FILING_COLUMNS  # then documents, claims, paid
    warning = message_log.of_kind("warning")[-1]
    assert "已导入 24 家企业" in warning.text and "1 个文件或行有问题" in warning.text
    assert "member-0099.json" in workspace.problems_view.toPlainText()
    assert "金额不能为负数" in workspace.problems_view.toPlainText()
    assert workspace.tabs.tabText(workspace.tabs.indexOf(workspace.problems_view)) == "导入问题（1）"
    assert workspace.buttons["export_csv"].isEnabled()


def test_filtering_by_town_name_or_code(workspace: WorkspaceWindow, members: Path) -> None:
    imported(workspace, [members])
    workspace.filter_edit.setText(TOWNS[0])
    assert workspace.proxy.rowCount() == 4  # numbers 0, 6, 12, 18
    assert {r.town for r in workspace.proxy.visible_rows()} == {TOWNS[0]}
    assert "显示 4 / 24 家企业" in workspace.status.text()

    workspace.filter_edit.setText("会员企业0007")
    assert [r.name for r in workspace.proxy.visible_rows()] == ["会员企业0007有限公司"]
    code = workspace.proxy.visible_rows()[0].credit_code
    workspace.filter_edit.setText(code.lower())
    assert workspace.proxy.rowCount() == 1
    workspace.filter_edit.setText("")
    assert workspace.proxy.rowCount() == 24


def test_sorting_by_an_amount_column_orders_by_value_not_by_text(workspace: WorkspaceWindow, members: Path) -> None:
    imported(workspace, [members])
    workspace.table.sortByColumn(TOTAL_COLUMN, Qt.SortOrder.DescendingOrder)
    totals = [r.total for r in workspace.proxy.visible_rows()]
    assert totals == sorted(totals, reverse=True)
    assert totals[0] > totals[-1]

    credit = next(
        c for c in range(workspace.model.columnCount()) if "短期出口信用保险" in workspace.model.header_text(c)
    )
    workspace.table.sortByColumn(credit, Qt.SortOrder.AscendingOrder)
    amounts = [r.amount("credit_insurance") for r in workspace.proxy.visible_rows()]
    present = [a for a in amounts if a is not None]
    assert amounts[: amounts.count(None)] == [None] * amounts.count(None)  # firms without a figure first
    assert present == sorted(present)
    shown = workspace.proxy.index(len(amounts) - 1, credit).data()
    assert shown == f"{present[-1]:,.2f}"


def test_the_aggregate_view_shows_the_sums_of_the_rows(workspace: WorkspaceWindow, members: Path) -> None:
    imported(workspace, [members])
    rows = workspace.workspace.rows
    top = {
        workspace.tree.topLevelItem(i).text(0): workspace.tree.topLevelItem(i)
        for i in range(workspace.tree.topLevelItemCount())
    }
    credit = top["第六条 加大出口信用保险惠企额度"]
    expected = sum((r.amount("credit_insurance") or Decimal(0) for r in rows), Decimal(0))
    assert credit.text(3) == f"{expected:,.2f}"
    eligible = sum(1 for r in rows if r.assessment.item("credit_insurance").status == "eligible")
    assert credit.text(1) == str(eligible)
    bars = {b.label: b for b in workspace.chart.bars}
    assert bars["第六条 加大出口信用保险惠企额度"].amount == expected
    assert sum((b.amount for b in bars.values()), Decimal(0)) == sum((r.total for r in rows), Decimal(0))


def test_the_bar_chart_draws_bars(workspace: WorkspaceWindow, members: Path, qtbot: QtBot) -> None:
    imported(workspace, [members])
    workspace.tabs.setCurrentIndex(1)
    chart = workspace.chart
    qtbot.waitExposed(chart)
    image = chart.grab().toImage()
    assert image.width() > 0
    bar_pixels = sum(
        1
        for x in range(0, image.width(), 4)
        for y in range(0, image.height(), 4)
        if QColor(image.pixel(x, y)) == BarChart.COLOUR
    )
    assert bar_pixels > 50


def test_an_empty_chart_says_what_it_will_show(qtbot: QtBot) -> None:
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(500, 200)
    image = chart.grab().toImage()
    assert image.width() == 500


def test_export_writes_the_visible_rows(
    workspace: WorkspaceWindow, members: Path, tmp_path: Path, message_log: RecordingSink
) -> None:
    imported(workspace, [members])
    workspace.filter_edit.setText(TOWNS[1])
    out = tmp_path / "导出.csv"
    message_log.files.append(out)
    workspace.buttons["export_csv"].click()
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 1 + 4
    assert message_log.of_kind("saved")[-1].text.startswith("已导出 4 家企业")


def test_export_to_an_unwritable_place_says_so(
    workspace: WorkspaceWindow, members: Path, tmp_path: Path, message_log: RecordingSink
) -> None:
    imported(workspace, [members])
    assert not workspace.export_to(tmp_path / "no-such-folder" / "x.xlsx", "xlsx")
    assert message_log.of_kind("error")[-1].title == "无法保存"


def test_template_button_writes_a_template_for_the_pack_in_use(
    workspace: WorkspaceWindow, tmp_path: Path, message_log: RecordingSink
) -> None:
    out = tmp_path / "模板.xlsx"
    message_log.files.append(out)
    workspace.buttons["template"].click()
    assert out.exists()
    assert "zhongshan-2025" in message_log.of_kind("saved")[-1].text


def test_clearing_asks_first(workspace: WorkspaceWindow, members: Path, message_log: RecordingSink) -> None:
    imported(workspace, [members])
    message_log.answers.append(False)
    workspace.buttons["clear"].click()
    assert workspace.proxy.rowCount() == 24
    message_log.answers.append(True)
    workspace.buttons["clear"].click()
    assert workspace.proxy.rowCount() == 0
    assert not workspace.buttons["export_xlsx"].isEnabled()


def test_summary_pdf_lists_the_visible_firms_and_the_broken_file(
    workspace: WorkspaceWindow, members: Path, tmp_path: Path, message_log: RecordingSink
) -> None:
    from pypdf import PdfReader

    imported(workspace, [members])
    workspace.filter_edit.setText(TOWNS[2])
    out = tmp_path / "汇总.pdf"
    message_log.files.append(out)
    workspace.buttons["summary_pdf"].click()
    assert workspace.busy  # drawn beside the window (5,000 firms take a minute), with the bar and 取消
    assert workspace.wait()
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    shown = workspace.proxy.visible_rows()
    assert len(shown) == 4
    for row in shown:
        assert row.name in text
    assert "会员企业0000有限公司" not in text  # filtered out
    assert "member-0099.json" in text
    assert "汇总 PDF（4 家企业）" in message_log.of_kind("saved")[-1].text


def test_switching_language_shows_the_packs_english_titles(
    workspace: WorkspaceWindow, members: Path, qapp: Any, tmp_path: Path
) -> None:
    from desktop.ui.i18n import LanguageSwitcher

    imported(workspace, [members])
    switcher = LanguageSwitcher(qapp, settings_path=tmp_path / "settings.json")
    try:
        switcher.switch("en")
        titles = [workspace.tree.topLevelItem(i).text(0) for i in range(workspace.tree.topLevelItemCount())]
        assert "Art. 6 Export credit insurance" in titles
        header = workspace.model.header_text(FIXED_COLUMNS)
        assert header == "Art. 2 One-off subsidy for first customs AEO certification"
        assert any(b.label == "Art. 6 Export credit insurance" for b in workspace.chart.bars)
        towns = {workspace.model.data(workspace.model.index(row, 2)) for row in range(workspace.model.rowCount())}
        assert {"Guzhen Town (古镇镇)", "Torch Development Zone (火炬开发区)"} <= towns
        workspace.filter_edit.setText("guzhen")
        assert {r.town for r in workspace.proxy.visible_rows()} == {"古镇镇"}
        workspace.filter_edit.setText("")
        switcher.switch("zh")
        assert "第六条 加大出口信用保险惠企额度" in [
            workspace.tree.topLevelItem(i).text(0) for i in range(workspace.tree.topLevelItemCount())
        ]
    finally:
        switcher.uninstall()


PLANNING_DAY = dt.date(2026, 12, 1)
GENERAL = "投保的短期出口信用保险产品为“一般企业类”"


@pytest.fixture
def planning(qtbot: QtBot, tmp_path: Path) -> WorkspaceWindow:
    """Six firms under the training guide: three insured as small and micro enterprises (premiums 80,000,
    1,000,000 and 2,000,000), two insured as general enterprises, one of them with other funds for that
    project (to confirm)."""
    import json

    from tests.workspace.member_files import credit_code

    folder = tmp_path / "planning"
    folder.mkdir()
    answers: list[dict[str, object]] = [
        {"credit_insurance_product": "small_micro", "credit_insurance_premium": p}
        for p in ("80000", "1000000", "2000000")
    ]
    answers.append({"credit_insurance_product": "general", "credit_insurance_premium": "1000000"})
    answers.append(
        {
            "credit_insurance_product": "general",
            "credit_insurance_premium": "500000",
            "other_funds_items": ["credit_insurance"],
        }
    )
    answers.append({"credit_insurance_product": "none"})
    for number, given in enumerate(answers):
        data = {
            "format": "zs-trade-assessment/1",
            "policy": "zhongshan-2025",
            "guide": "zhongshan-2025-training",
            "enterprise": {"name": f"规划企业{number}", "credit_code": credit_code(number), "town": TOWNS[number]},
            "answers": {"equipment_purchase_total": "0", **given},
        }
        (folder / f"{number}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    window = WorkspaceWindow(registry=bundled_registry(), today=lambda: PLANNING_DAY)
    qtbot.addWidget(window)
    window.resize(1300, 720)
    window.show()
    imported(window, [folder])
    assert window.proxy.rowCount() == 6
    return window


def _column(tree: Any, title: str) -> int:
    return [tree.headerItem().toolTip(c) for c in range(tree.columnCount())].index(title)


def test_the_per_measure_tab_reads_how_many_firms_are_one_condition_away_and_what_it_would_bring(
    planning: WorkspaceWindow,
) -> None:
    tree = planning.tree
    firms, amount = _column(tree, "差一项条件的企业数"), _column(tree, "最多可增加（元）")
    measure = next(
        tree.topLevelItem(i) for i in range(tree.topLevelItemCount()) if "出口信用保险" in tree.topLevelItem(i).text(0)
    )
    item = measure.child(0)
    assert item.text(0) == "短期出口信用保险保费支持"
    # 30 % of each premium, at most 500,000: 24,000 + 300,000 + 500,000; the firm without a premium at the cap
    assert (item.text(firms), item.text(amount)) == ("4", "1,324,000.00")
    assert (measure.text(firms), measure.text(amount)) == ("4", "1,324,000.00")
    condition = item.child(0)
    assert condition.text(0) == f"若{GENERAL}"
    assert (condition.text(firms), condition.text(amount)) == ("4", "1,324,000.00")
    assert condition.toolTip(0) == (
        f"4 家会员企业若{GENERAL}，最多可增加 1,324,000.00 元（其中 1 家按上限计：测算金额所需的回答尚未填写）"
    )
    # the firm with other funds for the project: to confirm, with what it would bring
    assert item.text(_column(tree, "待确认企业数")) == "1"
    assert item.text(_column(tree, "另有待确认（元）")) == "150,000.00"
    assert item.text(_column(tree, "符合条件企业数")) == "1"


def test_the_windows_tab_lists_per_item_the_firms_applying_by_when_and_how(planning: WorkspaceWindow) -> None:
    tree = planning.windows_tree
    assert planning.tabs.tabText(planning.tabs.indexOf(tree)) == "申报窗口"
    first = tree.topLevelItem(0)  # the soonest closing first
    cells = {tree.headerItem().toolTip(c): first.text(c) for c in range(tree.columnCount())}
    assert cells == {
        "条款 / 支持项目": "第六条 短期出口信用保险保费支持",
        "申报企业数": "2",
        "待确认企业数": "1",
        "金额（元）": "300,000.00",
        "申报截止": "【培训示例】2026-12-11",
        "剩余天数": "10",
        "申报方式": "【培训示例】承保机构代为申报",
        "咨询": "中山市商务局 (0760) 89892378",
    }


def test_the_member_table_shows_what_is_to_confirm_and_sorts_by_the_days_left(planning: WorkspaceWindow) -> None:
    from desktop.ui.workspace_views import DAYS_COLUMN, DEADLINE_COLUMN, PENDING_COLUMN

    model = planning.model
    assert [model.header_text(c) for c in (PENDING_COLUMN, DEADLINE_COLUMN, DAYS_COLUMN)] == [
        "另有待确认（元）",
        "申报截止",
        "剩余天数",
    ]
    planning.table.sortByColumn(DAYS_COLUMN, Qt.SortOrder.AscendingOrder)
    proxy = planning.proxy
    shown = [
        (proxy.index(r, 0).data(), proxy.index(r, PENDING_COLUMN).data(), proxy.index(r, DAYS_COLUMN).data())
        for r in range(proxy.rowCount())
    ]
    assert shown[:2] == [("规划企业3", "", "10"), ("规划企业4", "150,000.00", "10")]
    assert {days for _, _, days in shown[2:]} == {""}  # nothing to apply for with a window: at the end
    assert proxy.index(0, DEADLINE_COLUMN).data() == "【培训示例】2026-12-11"


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        ("金额（元）", "金额（元）"),  # fits: one line
        ("另有待确认（元）", "另有待确认\n（元）"),  # before its unit
        ("最多可增加（元）", "最多可增加\n（元）"),
        ("差一项条件的企业数", "差一项条件\n的企业数"),  # about half and half, never inside the unit
        ("Firms one condition away", "Firms one\ncondition away"),
    ],
)
def test_long_column_titles_go_over_two_lines_at_a_natural_place(title: str, shown: str, qtbot: QtBot) -> None:
    from PySide6.QtGui import QFont, QFontMetrics

    from desktop.ui.workspace_views import two_lines

    metrics = QFontMetrics(QFont())
    width = max(metrics.horizontalAdvance(line) for line in shown.splitlines()) + 2
    assert two_lines(title, metrics, width) == shown


def test_a_large_workspace_is_worked_out_beside_the_window_and_shows_the_same(
    workspace: WorkspaceWindow, members: Path, qtbot: QtBot
) -> None:
    """5,000 members froze the window for seconds after an import, on reopening and when the filter was
    cleared (issue 22, point 11): from `background_from` members the table, the totals and the windows are
    worked out off the window's thread; what is shown is the same."""
    imported(workspace, [members])
    small = [[workspace.proxy.index(r, c).data() for c in range(workspace.proxy.columnCount())] for r in range(24)]
    widths = [workspace.table.columnWidth(c) for c in range(workspace.proxy.columnCount())]
    tree = workspace.tree.topLevelItem(0).text(3)
    workspace.background_from = 1
    workspace.refresh()
    assert workspace.busy
    assert workspace.wait()
    large = [[workspace.proxy.index(r, c).data() for c in range(workspace.proxy.columnCount())] for r in range(24)]
    assert large == small
    assert [workspace.table.columnWidth(c) for c in range(workspace.proxy.columnCount())] == widths
    assert workspace.tree.topLevelItem(0).text(3) == tree


def test_columns_are_as_wide_as_their_widest_text_and_sort_by_figure(workspace: WorkspaceWindow, members: Path) -> None:
    imported(workspace, [members])
    metrics = workspace.table.fontMetrics()
    model = workspace.model
    for column in range(model.columnCount()):
        widest = max(metrics.horizontalAdvance(model.text_at(r, column)) for r in range(model.rowCount()))
        assert workspace.table.columnWidth(column) > widest, column
    workspace.table.sortByColumn(TOTAL_COLUMN, Qt.SortOrder.AscendingOrder)
    totals = [r.total for r in workspace.proxy.visible_rows()]
    assert totals == sorted(totals)
    workspace.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    names = [workspace.proxy.index(r, 0).data() for r in range(workspace.proxy.rowCount())]
    assert names == sorted(names, reverse=True)


def test_the_summary_pdf_can_be_stopped_and_then_writes_nothing(
    workspace: WorkspaceWindow, members: Path, tmp_path: Path, message_log: RecordingSink
) -> None:
    imported(workspace, [members])
    out = tmp_path / "汇总.pdf"
    out.write_bytes(b"the clerk's earlier summary")
    workspace.export_summary_pdf(out)
    workspace.cancel_job()
    assert workspace.wait()
    assert out.read_bytes() == b"the clerk's earlier summary"
    assert "已取消" in workspace.status.text()
    assert not message_log.of_kind("saved")


def test_a_summary_pdf_that_cannot_be_written_says_why(
    workspace: WorkspaceWindow, members: Path, tmp_path: Path, message_log: RecordingSink
) -> None:
    imported(workspace, [members])
    workspace.export_summary_pdf(tmp_path / "no such folder" / "汇总.pdf")
    assert workspace.wait()
    [said] = message_log.of_kind("error")
    assert said.title == "无法保存" and "no such folder" in said.text and "FileNotFoundError" in said.text
    assert not message_log.of_kind("saved")


def test_the_chart_keeps_every_bar_within_reach_at_1280_by_720(
    qtbot: QtBot, members: Path, message_log: RecordingSink
) -> None:
    """Issue 23: the scroll area squeezed the chart to its own height, so the last bars were cut off."""
    window = WorkspaceWindow(registry=bundled_registry(), today=lambda: TODAY)
    qtbot.addWidget(window)
    window.resize(1280, 660)  # 720 less the title bar and the taskbar
    window.show()
    imported(window, [members])
    window.tabs.setCurrentIndex(1)
    qtbot.waitExposed(window.chart)
    chart = window.chart
    assert len(chart.bars) >= 5
    assert chart.height() >= chart.sizeHint().height()  # all of it drawn; the scroll area scrolls to the rest


def test_a_second_import_names_the_firms_it_would_replace(
    workspace: WorkspaceWindow, members: Path, message_log: RecordingSink
) -> None:
    imported(workspace, [members])
    message_log.choices.append(1)  # keep the earlier data
    imported(workspace, [members / "member-0003.json", members / "member-0007.json"])
    asked = message_log.of_kind("choice")[-1]
    assert "2 家企业此前已导入" in asked.text
    assert "会员企业0003有限公司" in asked.text and "会员企业0007有限公司" in asked.text


def test_a_bureau_reached_only_through_the_hotline_says_so(
    workspace: WorkspaceWindow, members: Path, message_log: RecordingSink
) -> None:
    """Issue 23: "中山市工业和信息化局 12345" read as the bureau's own line; the checklist says where it was seen.
    The bundled guide no longer gives the bureau the hotline's number (issue 25: its source says 12345 reaches
    it); a guide that does is still said so."""
    imported(workspace, [members])
    tree = workspace.windows_tree
    column = tree.columnCount() - 1
    cells = [tree.topLevelItem(i).text(column) for i in range(tree.topLevelItemCount())]
    industry = [cell for cell in cells if cell.startswith("中山市工业和信息化局")]
    assert industry
    assert all("12345" not in cell or "政务服务热线" in cell for cell in industry)
    assert not any(cell == "中山市工业和信息化局 12345" for cell in cells)
    office = Text("中山市工业和信息化局", "Zhongshan Municipal Bureau of Industry and IT")
    through = Contact("industry", office, Text("中山市东区松苑路1号", "1 Songyuan Road"), "12345")
    assert workspace._contact_cell(through) == "中山市工业和信息化局（经 12345 政务服务热线转接，未见专线）"
    hotline = Contact("hotline", Text("中山市政府服务热线", "Zhongshan government service hotline"), phone="12345")
    assert workspace._contact_cell(hotline) == "中山市政府服务热线 12345"
