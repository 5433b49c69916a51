"""The applications in the window (issues 20, 21), as a clerk uses them: the results page's 申报材料与进度
tab, an item's documents (state, note, attached files) and its claim followed to payment; everything is
there again after a restart."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from desktop.engine.filing import Claim
from desktop.policy import Pack
from desktop.ui.application_dialog import ApplicationDialog
from desktop.ui.dialogs import RecordingSink
from desktop.ui.main_window import MainWindow
from desktop.ui.progress_dialog import ProgressDialog
from tests.conftest import EXAMPLES
from tests.filing.files import text_pdf
from tests.ui.test_stored_work import start

TODAY = dt.date(2026, 12, 6)


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'assessments.db'}"


def open_lighting(qtbot: QtBot, url: str) -> MainWindow:
    window = start(qtbot, url)
    assert window.document.session is not None or window.ensure_ready()
    assert window.open_training_example(EXAMPLES / "lighting-exporter.json")
    assert window.document.session is not None
    window.document.session.today = lambda: TODAY
    questionnaire = window.ensure_ready()
    questionnaire.go_to(len(questionnaire.pages) - 1)
    return window


def applications_tab(window: MainWindow):  # type: ignore[no-untyped-def]
    results = window.ensure_ready().results_page
    results.tabs.setCurrentWidget(results.applications)
    return results.applications


def open_item(window: MainWindow, item_id: str) -> ApplicationDialog:
    tab = applications_tab(window)
    for index in range(tab.tree.topLevelItemCount()):
        row = tab.tree.topLevelItem(index)
        if row is not None and row.data(0, 256) == item_id:
            tab.tree.setCurrentItem(row)
    assert tab.selected_item() == item_id
    tab.open_selected()
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, ApplicationDialog) and w.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def row_of(dialog: ApplicationDialog, document_id: str) -> int:
    for row in range(dialog.table.rowCount()):
        cell = dialog.table.item(row, 0)
        if cell is not None and cell.data(256) == document_id:
            return row
    raise AssertionError(document_id)


def set_state(dialog: ApplicationDialog, document_id: str, state: str) -> None:
    combo = dialog.table.cellWidget(row_of(dialog, document_id), 1)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(state))
    combo.activated.emit(combo.currentIndex())


def test_the_tab_lists_the_items_applied_for_with_their_documents_and_claims(qtbot: QtBot, url: str) -> None:
    window = open_lighting(qtbot, url)
    tab = applications_tab(window)
    rows = {}
    for index in range(tab.tree.topLevelItemCount()):
        row = tab.tree.topLevelItem(index)
        assert row is not None
        rows[row.data(0, 256)] = [row.text(c) for c in range(5)]
    assert rows["credit_insurance"][2:] == ["360,000.00", "6 项材料：已备 0，缺 6", ""]
    assert "aeo" in rows and "domestic_campaigns" not in rows  # services are not applied for
    window.close()


def test_a_claim_submitted_then_paid_and_files_attached_are_there_after_a_restart(
    qtbot: QtBot, url: str, tmp_path: Path, message_log: RecordingSink
) -> None:
    window = open_lighting(qtbot, url)
    dialog = open_item(window, "credit_insurance")
    set_state(dialog, "bank_account_form", "help")
    note = dialog.table.item(row_of(dialog, "bank_account_form"), 2)
    assert note is not None
    note.setText("等银行盖章")
    summary = tmp_path / "保费发票汇总.pdf"
    summary.write_bytes(text_pdf(2))
    dialog.table.selectRow(row_of(dialog, "premium_invoice_summary"))
    message_log.file_lists.append([summary])
    dialog.attach_button.click()
    assert message_log.of_kind("warning") == []
    assert dialog.files.count() == 1 and dialog.files.item(0).text().startswith("保费发票汇总.pdf（2 页")
    # the claim: submitted, then paid
    dialog.claim_state.setCurrentIndex(dialog.claim_state.findData("submitted"))
    dialog.fields["submitted_on"].setText("2026-03-10")
    dialog.fields["reference"].setText("YCFZ-2026-000123")
    dialog.claim_state.activated.emit(dialog.claim_state.currentIndex())
    assert dialog.claim_message.text() == ""
    dialog.claim_state.setCurrentIndex(dialog.claim_state.findData("paid"))
    dialog.claim_state.activated.emit(dialog.claim_state.currentIndex())
    assert "已拨付的申报须填写拨付金额" in dialog.claim_message.text()  # kept in the form, not saved yet
    dialog.fields["paid_amount"].setText("36万")
    dialog.fields["paid_on"].setText("2026-05-20")
    dialog.fields["paid_on"].editingFinished.emit()
    assert dialog.claim_message.text() == ""
    tab = applications_tab(window)
    assert tab.tree.currentItem() is not None
    dialog.close()
    window.close()

    again = start(qtbot, url)
    assert again.document.lasting and again.document.filing is not None
    filing = again.document.filing.filing
    claim = filing.claims["credit_insurance"]
    assert (claim.state, claim.paid_amount, claim.paid_on, claim.reference) == (
        "paid",
        Decimal("360000.00"),
        dt.date(2026, 5, 20),
        "YCFZ-2026-000123",
    )
    assert filing.record("credit_insurance", "bank_account_form").note == "等银行盖章"
    assert filing.record("credit_insurance", "premium_invoice_summary").state == "have"  # its file made it ready
    again.ensure_ready()
    rows = applications_tab(again)
    texts = {}
    for index in range(rows.tree.topLevelItemCount()):
        row = rows.tree.topLevelItem(index)
        assert row is not None
        texts[row.data(0, 256)] = [row.text(c) for c in range(5)]
    assert texts["credit_insurance"][3:] == ["6 项材料：已备 1，缺 4，需协助 1", "已拨付 360,000.00 元（2026-05-20）"]
    # the start page's 申报进度 totals it under 2026
    again.show_start()
    page = again.work.start_page
    # the start page says per assessment how far its applications are
    model = page.model
    firm = model.index(0, 0)
    assert model.headerData(6, Qt.Orientation.Horizontal) == "申报进度"
    assert model.index(0, 6, firm).data() == "已备材料 1 份，需协助 1 份；已拨付 1 项"
    dialog = ProgressDialog(page.store, page.calendar.guides, "zh", TODAY, page)
    qtbot.addWidget(dialog)
    assert dialog.totals.text() == "已拨付：2026 年 360,000.00 元（36.00 万元）"
    assert dialog.table.topLevelItemCount() == 1
    row = dialog.table.topLevelItem(0)
    assert row is not None and row.text(5) == "已拨付 360,000.00 元（2026-05-20）"
    with qtbot.waitSignal(dialog.open_requested) as opened:
        dialog.table.itemDoubleClicked.emit(row, 0)
    assert opened.args == [again.document.assessment_id or _assessment(again), "credit_insurance"]
    again.close()


def _assessment(window: MainWindow) -> int:
    assert window.document.lasting
    listing = window.document.store.listing()
    return listing[0].assessments[0].id


def test_a_claim_typed_but_not_saved_is_not_dropped_on_closing_without_a_question(
    qtbot: QtBot, url: str, message_log: RecordingSink
) -> None:
    """Found by a walkthrough: 已拨付 with the amount "abc" and a day next year, then 关闭 — the claim was gone."""
    window = open_lighting(qtbot, url)
    dialog = open_item(window, "credit_insurance")
    dialog.claim_state.setCurrentIndex(dialog.claim_state.findData("paid"))
    dialog.fields["submitted_on"].setText("2026-03-10")
    dialog.fields["paid_amount"].setText("abc")
    dialog.fields["paid_on"].setText("2026-05-20")
    dialog.claim_state.activated.emit(dialog.claim_state.currentIndex())
    assert dialog.claim_message.text() != ""
    message_log.choices.append(0)  # 返回修改
    dialog.close()
    assert dialog.isVisible()
    question = message_log.of_kind("choice")[-1].text
    assert "未保存" in question and "返回修改 | 放弃并关闭" in question
    dialog.fields["paid_amount"].setText("36万")
    dialog.fields["paid_amount"].editingFinished.emit()
    dialog.close()  # nothing unsaved now: no question
    assert not dialog.isVisible() and len(message_log.of_kind("choice")) == 1
    assert window.document.lasting and window.document.filing is not None
    assert window.document.filing.filing.claims["credit_insurance"].paid_amount == Decimal("360000.00")

    dialog = open_item(window, "aeo")
    dialog.claim_state.setCurrentIndex(dialog.claim_state.findData("submitted"))
    dialog.fields["submitted_on"].setText("2099-01-01")
    dialog.claim_state.activated.emit(dialog.claim_state.currentIndex())
    message_log.choices.append(1)  # 放弃并关闭
    dialog.reject()  # Esc
    assert not dialog.isVisible() and "aeo" not in window.document.filing.filing.claims

    # the same before the window lets go of the assessment (← 企业列表, another assessment, quitting)
    dialog = open_item(window, "aeo")
    dialog.claim_state.setCurrentIndex(dialog.claim_state.findData("submitted"))
    dialog.fields["submitted_on"].setText("2099-01-01")
    dialog.claim_state.activated.emit(dialog.claim_state.currentIndex())
    message_log.choices.append(0)  # 返回修改
    window.show_start()
    assert window.document.assessment_id is not None and dialog.isVisible()
    assert len(message_log.of_kind("choice")) == 3
    message_log.choices.append(1)  # 放弃并关闭
    window.show_start()
    assert window.document.assessment_id is None and not dialog.isVisible()
    window.close()


def test_a_file_that_is_not_what_its_name_says_is_refused_naming_it(
    qtbot: QtBot, url: str, tmp_path: Path, message_log: RecordingSink
) -> None:
    window = open_lighting(qtbot, url)
    dialog = open_item(window, "aeo")
    fake = tmp_path / "证书.pdf"
    fake.write_bytes(b"PK\x03\x04 a word file")
    dialog.table.selectRow(row_of(dialog, "aeo_certificate"))
    message_log.file_lists.append([fake])
    dialog.attach_button.click()
    [warning] = message_log.of_kind("warning")
    assert warning.text == "证书.pdf：不是 PDF、JPEG 或 PNG 文件（只能附加这三种文件）"
    assert dialog.files.count() == 0
    dialog.close()
    window.close()


def test_a_question_the_amounts_received_answer_shows_where_its_figure_came_from(qtbot: QtBot) -> None:
    from desktop.engine.filing import Received
    from desktop.policy import load_pack
    from desktop.ui.session import AssessmentSession
    from tests.conftest import REPO
    from tests.ui.helpers import page

    pack = load_pack(REPO / "tests" / "packs" / "real-rules.toml")
    session = AssessmentSession(pack, assessed_on=dt.date(2025, 11, 30))
    window = MainWindow(session)
    window.confirm_unsaved_close = False
    qtbot.addWidget(window)
    window.show_questionnaire()
    section = page(window, "digital")
    row = section.row("workshop_award_received")
    assert not row.history_note.isVisibleTo(window) and row.field.isEnabled()
    paid = Received("zhongshan-2022-digital", "digital_workshop", Decimal("200000"), dt.date(2023, 6, 1), "车间奖励")
    session.set_received((paid,))
    assert row.history_note.text() == "取自已获拨付记录：2023-06-01 车间奖励 200,000.00 元（合计 200,000.00 元）"
    assert not row.field.isEnabled()
    assert session.result.item("difference").amount == Decimal("300000.00")
    session.set_received(())
    assert row.field.isEnabled() and session.result.item("difference").status == "not_answered"


@pytest.mark.parametrize("in_background", [False, True])
def test_the_start_page_says_the_most_pressing_reminders_without_opening_the_progress_view(
    qtbot: QtBot, url: str, in_background: bool
) -> None:
    """A 公示 ending in four days is said on the start page (computed off the window's thread for many
    assessments); when the claim is paid, the line goes. (The start page reckons from the real day.)"""
    day = dt.date.today()
    window = open_lighting(qtbot, url)
    assert window.document.lasting and window.document.filing is not None
    assessment_id = window.document.assessment_id
    assert assessment_id is not None
    window.document.filing.set_claim(
        "credit_insurance",
        Claim("publicized", submitted_on=dt.date(2026, 9, 1), publicized_from=day, publicized_to=day + FOUR_DAYS),
    )
    line = window.work.start_page.reminder_line
    if in_background:
        line.background_from = 0
    window.show_start()
    qtbot.waitUntil(lambda: line.job is None and line.isVisibleTo(window), timeout=20_000)
    text = line.text()
    assert text.startswith("提醒（1 项）") and "公示" in text and str(day + FOUR_DAYS) in text
    assert window.document.open(assessment_id) and window.document.filing is not None
    window.document.filing.set_claim(
        "credit_insurance",
        Claim("paid", submitted_on=dt.date(2026, 9, 1), paid_amount=Decimal("360000.00"), paid_on=dt.date(2026, 12, 1)),
    )
    window.show_start()
    qtbot.waitUntil(lambda: line.job is None and not line.isVisibleTo(window), timeout=20_000)
    window.close()


FOUR_DAYS = dt.timedelta(days=4)


def test_the_reminders_go_to_a_calendar_file_from_the_progress_view(
    qtbot: QtBot, url: str, tmp_path: Path, message_log: RecordingSink
) -> None:
    """A 公示 ending in four days and a claim filed long ago with no news: both in the .ics, each on its day."""
    window = open_lighting(qtbot, url)
    assert window.document.lasting and window.document.filing is not None
    state = window.document.filing
    state.set_claim(
        "credit_insurance",
        Claim(
            "publicized",
            submitted_on=dt.date(2026, 9, 1),
            publicized_from=TODAY,
            publicized_to=TODAY + dt.timedelta(days=4),
        ),
    )
    state.set_claim("exhibitions", Claim("submitted", submitted_on=dt.date(2026, 8, 1), reference="ZS-88"))
    window.show_start()
    page = window.work.start_page
    dialog = ProgressDialog(page.store, page.calendar.guides, "zh", TODAY, page)
    qtbot.addWidget(dialog)
    assert dialog.reminders.topLevelItemCount() == 2 and dialog.export_button.isEnabled()
    target = tmp_path / "提醒"
    message_log.files.append(target)
    written = dialog.export_reminders()
    assert written == target.with_name("提醒.ics") and message_log.of_kind("saved")
    events = sorted(Calendar.from_ical(written.read_bytes()).walk("VEVENT"), key=lambda e: e.decoded("dtstart"))
    assert [(e.decoded("dtstart"), str(e["summary"])[:6]) for e in events] == [
        (TODAY, "申报尚无进展"),  # due since 2026-09-30: put on today, where it rings
        (TODAY + dt.timedelta(days=4), "公示即将结束"),
    ]
    assert "ZS-88" in str(events[0]["description"])
    window.close()


def test_an_item_paid_already_is_ticked_in_the_double_funding_question_and_cannot_be_unticked(
    qtbot: QtBot, pack: Pack
) -> None:
    """The clerk's own ticks stay the clerk's: the record adds its item, and takes it back when it goes."""
    from desktop.engine.filing import Received
    from desktop.ui.fields.items import ItemsField
    from desktop.ui.session import AssessmentSession
    from tests.ui.helpers import page

    session = AssessmentSession(pack, assessed_on=dt.date(2026, 6, 1))
    session.set_answer("credit_insurance_product", "general")
    session.set_answer("credit_insurance_premium", Decimal("100000"))
    window = MainWindow(session)
    window.confirm_unsaved_close = False
    qtbot.addWidget(window)
    window.show_questionnaire()
    row = page(window, "basic").row("other_funds_items")
    field = row.field
    assert isinstance(field, ItemsField)
    field.select("equipment")
    assert session.answers["other_funds_items"] == ["equipment"]
    # a paid claim of another assessment carries no title of its own: the note names the item, not its id
    paid = Received("zhongshan-2025", "credit_insurance", Decimal("30000"), dt.date(2026, 5, 20))
    session.set_received((paid,))
    boxes = dict(field.boxes)
    assert boxes["credit_insurance"].isChecked() and not boxes["credit_insurance"].isEnabled()
    assert row.history_note.text() == (
        "已按已获拨付记录勾选（同一项目已获支持）：2026-05-20 短期出口信用保险保费支持 30,000.00 元"
    )
    assert session.result.item("credit_insurance").status == "to_confirm"  # type: ignore[union-attr]
    field.select("aeo")  # the clerk ticks another: the record's tick is not written into the answer
    assert session.answers["other_funds_items"] == ["aeo", "equipment"]
    session.set_received(())
    assert not boxes["credit_insurance"].isChecked() and boxes["credit_insurance"].isEnabled()
    assert boxes["equipment"].isChecked() and boxes["aeo"].isChecked()
    assert not row.history_note.isVisibleTo(window)
    assert session.result.item("credit_insurance").status == "eligible"  # type: ignore[union-attr]


def test_an_amount_received_before_the_program_is_recorded_by_hand_read_by_the_rules_and_kept(
    qtbot: QtBot, url: str, message_log: RecordingSink
) -> None:
    """已获拨付记录: recorded by hand, the credit insurance paid in May is read at once as a project funded
    already; it is there after a restart, and removed it frees the item again."""
    from desktop.ui.received_dialog import ReceivedDialog

    window = open_lighting(qtbot, url)
    assert window.document.lasting and window.document.filing is not None and window.document.session is not None
    session, state = window.document.session, window.document.filing
    assert session.result.item("credit_insurance").status == "eligible"  # type: ignore[union-attr]
    dialog = ReceivedDialog(state, state.store.registry.all(), session.pack, "zh", window)
    qtbot.addWidget(dialog)
    assert dialog.total.text() == "尚无已获拨付记录。" and not dialog.delete_button.isEnabled()
    dialog.item.setCurrentIndex(dialog.item.findData("credit_insurance"))
    dialog.amount.setText("36万")
    dialog.paid_on.setText("2027-01-05")
    assert not dialog.add() and dialog.message.text() == "拨付日期 2027-01-05 晚于今天。"
    dialog.paid_on.setText("2026-05-20")
    dialog.note.setText("<b>粤财扶助</b>")
    assert dialog.add() and dialog.message.text() == ""
    assert dialog.table.topLevelItemCount() == 1
    row = dialog.table.topLevelItem(0)
    assert row is not None
    assert [row.text(c) for c in range(6)] == [
        "2026-05-20",
        "中山市稳外贸促增长若干措施",
        "短期出口信用保险保费支持",
        "360,000.00",
        "手工记录",
        "<b>粤财扶助</b>",
    ]
    assert session.result.item("credit_insurance").status == "to_confirm"  # type: ignore[union-attr]
    # the same amount again is not recorded twice
    dialog.item.setCurrentIndex(dialog.item.findData("credit_insurance"))
    dialog.amount.setText("360000")
    dialog.paid_on.setText("2026-05-20")
    assert not dialog.add() and "未重复记录" in dialog.message.text()
    dialog.close()
    window.close()
    # the start page lists the total the results now give (the answers did not change; the amounts did)
    assert listed_totals(url) == [Decimal("1350000.00")]

    again = start(qtbot, url)
    assert again.document.lasting and again.document.filing is not None and again.document.session is not None
    assert again.document.session.result.item("credit_insurance").status == "to_confirm"  # type: ignore[union-attr]
    dialog = ReceivedDialog(again.document.filing, [], again.document.session.pack, "zh", again)
    qtbot.addWidget(dialog)
    assert dialog.total.text() == "共 1 笔，合计 360,000.00 元（36.00 万元）"
    row = dialog.table.topLevelItem(0)
    assert row is not None
    dialog.table.setCurrentItem(row)
    assert dialog.delete_button.isEnabled()
    message_log.answers.append(True)
    dialog.delete_selected()
    assert dialog.table.topLevelItemCount() == 0
    assert again.document.session.result.item("credit_insurance").status == "eligible"  # type: ignore[union-attr]
    again.close()
    assert listed_totals(url) == [Decimal("1710000.00")]


def listed_totals(url: str) -> list[Decimal | None]:
    from desktop.store import open_store

    store = open_store(url)
    try:
        return [a.total for e in store.listing() for a in e.assessments]
    finally:
        store.close()


def test_the_amounts_received_are_reached_from_the_menu_for_a_firm_with_nothing_to_claim(
    qtbot: QtBot, url: str
) -> None:
    """The small trader's results have no 申报材料与进度 tab (nothing to apply for); 评估 → 已获拨付记录… opens
    the record all the same (a grant from before still counts against next year's claims)."""
    from PySide6.QtCore import QTimer

    from desktop.ui.received_dialog import ReceivedDialog

    window = start(qtbot, url)
    assert window.open_training_example(EXAMPLES / "small-trader.json")
    results = window.ensure_ready().results_page
    assert results.tabs.indexOf(results.applications) == -1 or not results.tabs.isTabVisible(
        results.tabs.indexOf(results.applications)
    )
    assert window.received_action.isEnabled()
    seen: list[str] = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ReceivedDialog)
        seen.append(dialog.total.text())
        dialog.reject()

    QTimer.singleShot(0, close_it)
    window.received_action.trigger()
    assert seen == ["尚无已获拨付记录。"]
    window.show_start()
    assert not window.received_action.isEnabled()
    window.close()


def test_a_document_the_clerk_adds_is_selected_and_in_view(qtbot: QtBot, url: str, message_log: RecordingSink) -> None:
    window = open_lighting(qtbot, url)
    dialog = open_item(window, "equipment")
    dialog.table.selectRow(0)
    message_log.texts.append("申报表（当期通知附件）")
    dialog.add_button.click()
    row = dialog.table.currentRow()
    cell = dialog.table.item(row, 0)
    assert cell is not None and cell.text() == "申报表（当期通知附件）（自行添加）"
    assert row == dialog.table.rowCount() - 1 and dialog.files_label.text().startswith("“申报表（当期通知附件）”")
    dialog.close()
    window.close()
