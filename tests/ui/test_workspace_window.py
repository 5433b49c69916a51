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
from desktop.ui.messages import RecordingSink
from desktop.ui.workspace_window import FIXED_COLUMNS, BarChart, WorkspaceWindow
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
    assert workspace.model.columnCount() == FIXED_COLUMNS + 8
    warning = message_log.of_kind("warning")[-1]
    assert "已导入 24 家企业" in warning.text and "1 个文件或行有问题" in warning.text
    assert "member-0099.json" in workspace.problems_view.toPlainText()
    assert "金额不能为负数" in workspace.problems_view.toPlainText()
    assert workspace.tabs.tabText(2) == "导入问题（1）"
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
    workspace.table.sortByColumn(FIXED_COLUMNS - 1, Qt.SortOrder.DescendingOrder)
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
        switcher.switch("zh")
        assert "第六条 加大出口信用保险惠企额度" in [
            workspace.tree.topLevelItem(i).text(0) for i in range(workspace.tree.topLevelItemCount())
        ]
    finally:
        switcher.uninstall()
