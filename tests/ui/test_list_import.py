"""从清单导入, as a clerk uses it: the button beside the premium field, the file from 信保 (a GBK CSV with a title
above its header), the rows counted and left out with why, 导入; the answer filled and said where it came
from, the list attached as a PDF, the columns remembered; a figure typed over it flagged before the
checklist is saved. The dialog fits a 1366×768 laptop, in Chinese and in English."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from desktop.engine import read_answers_file
from desktop.store.filing import Applications
from desktop.store.lists import ImportedLists
from desktop.ui.dialogs import RecordingSink
from desktop.ui.fields.money import MoneyField
from desktop.ui.i18n import LanguageSwitcher
from desktop.ui.list_import import ListImportDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.pages.question_row import QuestionRow
from desktop.ui.session import AssessmentSession
from tests.conftest import EXAMPLES
from tests.ui.helpers import type_text
from tests.ui.test_i18n_window import compiled, settings_path, switcher  # noqa: F401 (the English catalogue)

SINOSURE = (
    "中国出口信用保险公司 保费发票清单\r\n"
    "保单号,发票号码,开票日期,保费金额（元）\r\n"
    'SCH-2025-01,04400001,2025-05-06,"300,000.00"\r\n'
    'SCH-2025-01,04400002,2025-08-06,"300,000.00"\r\n'
    'SCH-2025-01,04400003,2025-11-06,"580,000.00"\r\n'
    'SCH-2024-09,04300007,2024-12-20,"90,000.00"\r\n'
    'SCH-2025-01,04400004,2025-12-01,"(20,000.00)"\r\n'
    'SCH-2025-01,04400003,2025-11-06,"580,000.00"\r\n'
    ',合计,,"1,830,000.00"\r\n'
)
COUNTED = Decimal("1160000.00")  # 300,000 + 300,000 + 580,000 − 20,000; 2024's invoice and the repeat left out


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'assessments.db'}"


@pytest.fixture
def sinosure(tmp_path: Path) -> Path:
    path = tmp_path / "保费发票清单.csv"
    path.write_bytes(SINOSURE.encode("gbk"))
    return path


def start(qtbot: QtBot, url: str) -> MainWindow:
    window = MainWindow(database=url, lang="zh")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.start()
    assert window.open_training_example(EXAMPLES / "lighting-exporter.json")  # premium typed: 1,200,000
    return window


def premium_row(window: MainWindow) -> QuestionRow:
    questionnaire = window.ensure_ready()
    page = questionnaire.section_pages["credit_insurance"]
    questionnaire.show_page(questionnaire.pages.index(page))
    return page.row("credit_insurance_premium")


def with_dialog(qtbot: QtBot, act: Callable[[ListImportDialog], None]) -> Callable[[], None]:
    """What the user does once the (modal) dialog is up; it is closed whatever happens, so a failing step
    fails the test instead of leaving the dialog open forever."""

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ListImportDialog)
        try:
            act(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()

    return run


def open_dialog(qtbot: QtBot, row: QuestionRow, act: Callable[[ListImportDialog], None]) -> None:
    button = row.findChild(QPushButton, "listImportButton")
    assert button is not None and button.isVisible()
    QTimer.singleShot(0, with_dialog(qtbot, act))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def import_file(qtbot: QtBot, row: QuestionRow, path: Path) -> None:
    """From the button: the file read, 导入."""

    def act(dialog: ListImportDialog) -> None:
        assert dialog.load_file(path)
        dialog.import_list()

    open_dialog(qtbot, row, act)


def rows_shown(dialog: ListImportDialog) -> list[tuple[str, str, str]]:
    model = dialog.model
    last = model.columnCount() - 1
    return [
        (model.index(r, 0).data(), model.index(r, 1).data(), model.index(r, last).data())
        for r in range(model.rowCount())
    ]


def test_a_clerk_imports_the_premium_invoices_and_the_answer_follows(
    qtbot: QtBot, url: str, sinosure: Path, message_log: RecordingSink
) -> None:
    window = start(qtbot, url)
    row = premium_row(window)
    field = row.field
    assert isinstance(field, MoneyField) and field.value() == Decimal("1200000")
    seen: dict[str, object] = {}

    def act(dialog: ListImportDialog) -> None:
        free = dialog.screen().availableGeometry()
        seen["fits"] = (
            dialog.frameGeometry().width() <= free.width() and dialog.frameGeometry().height() <= free.height()
        )
        assert not dialog.import_button.isEnabled()  # nothing read yet
        message_log.files.append(sinosure)
        qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
        assert dialog.file_label.text() == "保费发票清单.csv（按 GBK 编码、以逗号分隔读取）"
        assert dialog.header_spin.value() == 2
        assert dialog.column_boxes["invoice_no"].currentText() == "B 列：发票号码"
        assert dialog.column_boxes["premium"].currentText() == "D 列：保费金额（元）"
        seen["summary"] = dialog.summary.text()
        dialog.filter_box.setCurrentIndex(2)  # 未计入的行
        seen["left_out"] = rows_shown(dialog)
        dialog.table.selectRow(0)  # the reasons in full under the table
        seen["detail"] = dialog.detail.text() if dialog.detail.isVisible() else None
        seen["warnings"] = dialog.warnings.text()
        assert dialog.import_button.isEnabled()
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    open_dialog(qtbot, row, act)
    assert seen["fits"] is True
    assert (
        seen["summary"] == "计入 4 行，未计入 3 行，表头以上 1 行（标题等）未读取；合计 1,160,000.00 元（116.00 万元）"
    )
    assert seen["left_out"] == [
        ("6", "未计入", "「开票日期」2024-12-20 不在 2025 年度（2025-04-15 至 2025-12-31）内"),
        ("8", "未计入", "与第 5 行重复（发票号码相同）"),
        ("9", "未计入", "合计行：不计入（程序自行合计各行）"),
    ]
    assert seen["detail"] == "第 6 行：「开票日期」2024-12-20 不在 2025 年度（2025-04-15 至 2025-12-31）内"
    assert seen["warnings"] == ("文件第 9 行的合计 1,830,000.00 元包括未计入的行共 670,000.00 元")
    # the answer, the line under it, the import kept, the PDF attached
    session = window.document.session
    assert session is not None
    assert field.value() == COUNTED and session.answers["credit_insurance_premium"] == COUNTED
    line = row.findChild(QLabel, "listSource")
    assert line is not None and line.isVisible() and line.textFormat() == Qt.TextFormat.PlainText
    assert line.text().startswith("来自保费发票汇总（保费发票清单.csv，") and line.text().endswith(
        "：计入 4 行，未计入 3 行"
    )
    stored = window.document
    assert stored is not None and stored.assessment_id is not None
    kept = ImportedLists(stored.store).get(stored.assessment_id, "premium_invoices")
    assert kept is not None and kept.total == COUNTED
    record = (
        Applications(stored.store)
        .filing(stored.assessment_id)
        .filing.record("credit_insurance", "premium_invoice_summary")
    )
    assert [f.name for f in record.files] == ["保费发票汇总（保费发票清单）.pdf"]
    assert message_log.of_kind("error") == []


def test_a_figure_typed_over_the_list_is_flagged_before_the_checklist_is_saved(
    qtbot: QtBot, url: str, sinosure: Path, message_log: RecordingSink
) -> None:
    window = start(qtbot, url)
    row = premium_row(window)
    import_file(qtbot, row, sinosure)
    line = row.findChild(QLabel, "listSource")
    assert line is not None
    type_text(qtbot, row.field, "1200000")
    assert line.text() == (
        "「2025 年实际缴纳的年度保费（元）」填写为 1,200,000.00 元，与导入的保费发票汇总（保费发票清单.csv）"
        "合计 1,160,000.00 元 不一致（打印清单前会再提示）"
    )
    window.save_checklist_pdf()  # the clerk closes the question: nothing is saved
    (asked,) = message_log.of_kind("choice")
    assert asked.title == "金额与清单不一致"
    assert asked.text.startswith(
        "以下金额与导入的清单合计不一致：\n「2025 年实际缴纳的年度保费（元）」填写为 1,200,000.00 元"
    )
    assert asked.text.endswith("返回核对 | 照常继续")
    assert message_log.of_kind("save_file") == []
    message_log.choices.append(1)  # 照常继续
    window.save_checklist_pdf()
    assert len(message_log.of_kind("save_file")) == 1
    type_text(qtbot, row.field, "1160000")  # the figure agrees again: nothing to ask
    window.save_checklist_pdf()
    assert len(message_log.of_kind("choice")) == 2 and len(message_log.of_kind("save_file")) == 2


def test_the_firms_columns_are_chosen_once_and_the_second_import_replaces_the_first(
    qtbot: QtBot, url: str, tmp_path: Path, message_log: RecordingSink
) -> None:
    window = start(qtbot, url)
    row = premium_row(window)
    own = tmp_path / "财务导出.csv"
    own.write_text("票号,日子,钱数\n0001,2025-05-01,100000\n0002,2025-06-01,200000\n", encoding="utf-8")

    def first(dialog: ListImportDialog) -> None:
        assert dialog.load_file(own)
        assert not dialog.import_button.isEnabled()  # the date and the amount are not recognised
        assert "请为必填列选择对应的列：开票日期、保费金额（元）" in dialog.warnings.text()
        dialog.set_column("invoice_date", 1)
        dialog.set_column("premium", 2)
        assert dialog.summary.text().endswith("合计 300,000.00 元（30.00 万元）")
        dialog.set_column("premium", 1)  # one column of the file reads as one column of the list
        assert dialog.column_boxes["invoice_date"].currentText() == "（不读取）"
        dialog.set_column("invoice_date", 1)
        dialog.set_column("premium", 2)
        dialog.import_list()

    open_dialog(qtbot, row, first)
    assert row.field.value() == Decimal("300000")
    own.write_text("日子,钱数,票号\n2025-05-01,100000,0001\n2025-06-01,250000,0002\n", encoding="utf-8")

    def second(dialog: ListImportDialog) -> None:
        assert dialog.stored_label.text().startswith("上次导入：来自保费发票汇总（财务导出.csv，")
        assert dialog.load_file(own)
        assert dialog.column_boxes["premium"].currentText() == "B 列：钱数"  # remembered, though moved
        assert dialog.import_button.isEnabled()
        dialog.import_list()

    open_dialog(qtbot, row, second)
    assert row.field.value() == Decimal("350000")
    stored = window.document
    assert stored is not None and stored.assessment_id is not None
    record = (
        Applications(stored.store)
        .filing(stored.assessment_id)
        .filing.record("credit_insurance", "premium_invoice_summary")
    )
    assert len(record.files) == 1  # the first import's PDF replaced, not added to


def test_a_file_that_cannot_be_read_is_said_and_the_dialog_stays(
    qtbot: QtBot, url: str, tmp_path: Path, message_log: RecordingSink
) -> None:
    window = start(qtbot, url)
    old = tmp_path / "<b>旧版.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)

    def act(dialog: ListImportDialog) -> None:
        assert not dialog.load_file(old)
        assert dialog.isVisible() and not dialog.import_button.isEnabled()

    open_dialog(qtbot, premium_row(window), act)
    (said,) = message_log.of_kind("error")
    assert said.text.split("\n") == [
        "无法读取清单文件：",
        "<b>旧版.xls",
        "这是旧版 Excel 文件（.xls）或设有打开密码的工作簿，程序无法读取；请在 Excel 或 WPS 中另存为 .xlsx"
        "（不设打开密码）或 CSV 后再导入",
    ]
    assert window.document.session is not None and window.document.session.answers[
        "credit_insurance_premium"
    ] == Decimal("1200000")


def test_a_finalised_assessment_offers_no_import_but_says_where_its_figure_came_from(
    qtbot: QtBot, url: str, sinosure: Path, message_log: RecordingSink
) -> None:
    window = start(qtbot, url)
    row = premium_row(window)
    import_file(qtbot, row, sinosure)
    window.finalise()
    row = premium_row(window)
    button = row.findChild(QPushButton, "listImportButton")
    line = row.findChild(QLabel, "listSource")
    assert button is not None and not button.isVisible()
    assert line is not None and line.isVisible() and line.text().startswith("来自保费发票汇总")


def test_the_dialog_in_english_without_a_database(
    qtbot: QtBot,
    session: AssessmentSession,
    switcher: LanguageSwitcher,  # noqa: F811 (the fixture imported above)
    sinosure: Path,
    message_log: RecordingSink,
) -> None:
    window = MainWindow(session, switcher=switcher)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show_questionnaire()
    window.show()
    next(a for a in window.language_menu.actions() if a.text() == "English").trigger()
    answers_file, pack = read_answers_file(EXAMPLES / "lighting-exporter.json", lambda _p, _d: session.pack)
    session.load(answers_file, pack)
    row = premium_row(window)
    button = row.findChild(QPushButton, "listImportButton")
    assert button is not None and button.text() == "Import from a list…"
    seen: dict[str, object] = {}

    def act(dialog: ListImportDialog) -> None:
        assert dialog.windowTitle() == "Import from a list: Premium invoice summary"
        assert dialog.stored_label.text().startswith("This assessment is not kept in a database")
        assert dialog.load_file(sinosure)
        assert dialog.file_label.text() == "保费发票清单.csv (Read as GBK, separated by comma)"
        assert dialog.column_boxes["premium"].currentText() == "Column D: 保费金额（元）"
        seen["summary"] = dialog.summary.text()
        dialog.filter_box.setCurrentIndex(2)
        seen["left_out"] = rows_shown(dialog)
        seen["headers"] = [dialog.model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
        dialog.import_list()

    open_dialog(qtbot, row, act)
    assert seen["summary"] == (
        "Rows counted: 4, left out: 3, rows not read above the header (titles): 1; total 1,160,000.00 yuan "
        "(RMB 1.16 million)"
    )
    assert seen["left_out"] == [
        ("6", "Left out", "'Invoice date' 2024-12-20 is outside 2025 (2025-04-15 to 2025-12-31)"),
        ("8", "Left out", "Repeats row 5 (same Invoice no.)"),
        ("9", "Left out", "A totals row: not counted (the program adds up the rows itself)"),
    ]
    assert seen["headers"] == [
        "Row",
        "Result",
        "Policy no.",
        "Invoice no.",
        "Invoice date",
        "Premium (yuan)",
        "Why / notes",
    ]
    assert session.answers["credit_insurance_premium"] == COUNTED
    assert session.list_totals["premium_invoices"].total == COUNTED  # kept with the answers file when saved
    line = row.findChild(QLabel, "listSource")
    assert line is not None and line.text().startswith("From the Premium invoice summary (保费发票清单.csv, imported ")
