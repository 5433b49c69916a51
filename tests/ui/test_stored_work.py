"""The window with its database, as a user meets it: the start page, typing saved as you go, finalising,
reopening after a restart or a crash, and a database that cannot be used."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.store import open_store
from desktop.ui.dialogs import RecordingSink
from desktop.ui.main_window import MainWindow
from tests.conftest import EXAMPLES, REPO


def start(qtbot: QtBot, url: str) -> MainWindow:
    window = MainWindow(database=url, lang="zh")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.start()
    return window


def close(window: MainWindow) -> None:
    window.close()


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'assessments.db'}"


def test_the_program_opens_on_the_start_page_of_an_empty_database(qtbot: QtBot, url: str) -> None:
    window = start(qtbot, url)
    assert window.document.lasting
    assert window.pages.currentWidget() is window.work.start_page
    assert window.work.start_page.empty.isVisibleTo(window)
    assert not window.finalise_action.isEnabled()
    close(window)


def test_a_new_assessment_is_saved_as_typed_and_listed(qtbot: QtBot, url: str, message_log: RecordingSink) -> None:
    window = start(qtbot, url)
    assert window.document.lasting
    window.new_answers()
    assert window.pages.currentWidget() is window.questionnaire
    assert window.document.session is not None
    window.document.session.set_enterprise("name", "中山市新会员灯饰有限公司")
    window.document.session.set_answer("equipment_purchase_total", Decimal("2000000"))
    window.document.session.set_answer("equipment_upgrade_project", True)
    autosaver = window.document.autosaver
    assert autosaver is not None
    with qtbot.waitSignal(autosaver.saved, timeout=1000):
        pass
    assert window.save_state.text().startswith("已保存 ")
    window.show_start()
    listed = window.work.start_page.model.enterprises
    assert [e.name for e in listed] == ["中山市新会员灯饰有限公司"]
    assert listed[0].assessments[0].total == Decimal("300000.00")
    assert message_log.of_kind("question") == []
    close(window)


def test_closing_asks_nothing_and_the_next_start_reopens_the_draft_where_it_was(
    qtbot: QtBot, url: str, message_log: RecordingSink
) -> None:
    window = start(qtbot, url)
    window.open_training_example(EXAMPLES / "lighting-exporter.json")
    questionnaire = window.ensure_ready()
    questionnaire.go_to(4)
    assert window.document.session is not None
    window.document.session.set_answer("equipment_purchase_total", Decimal("9000000"))
    close(window)  # typed a second ago: the close writes it
    assert message_log.of_kind("question") == []

    again = start(qtbot, url)
    assert again.pages.currentWidget() is again.questionnaire
    assert again.ensure_ready().index == 4
    assert again.document.session is not None
    assert again.document.session.answers["equipment_purchase_total"] == Decimal("9000000")
    assert again.document.session.enterprise.name == "中山市古镇明辉灯饰有限公司（示例）"
    close(again)


def test_a_killed_program_reopens_the_draft_with_what_was_saved(qtbot: QtBot, url: str) -> None:
    window = start(qtbot, url)
    window.open_training_example(EXAMPLES / "small-trader.json")
    assert window.document.session is not None and window.document.lasting and window.document.autosaver is not None
    window.ensure_ready().go_to(3)
    window.document.session.set_answer("credit_insurance_premium", Decimal("12345.60"))
    with qtbot.waitSignal(window.document.autosaver.saved, timeout=1000):
        pass
    # No close: as if the process had been killed. A second program starts on the same database.
    again = start(qtbot, url)
    assert again.document.session is not None
    assert again.document.session.answers["credit_insurance_premium"] == Decimal("12345.60")
    assert again.ensure_ready().index == 3
    close(again)
    window.document.autosaver.stop()


def _assert_read_only_view(window: MainWindow) -> None:
    """A finalised assessment reads as answers under a banner saying so; nothing is greyed out."""
    questionnaire = window.ensure_ready()
    assert questionnaire.final_banner.isVisibleTo(questionnaire)
    assert "已定稿（" in questionnaire.final_banner.text()  # with the date and time it was finalised
    page = questionnaire.enterprise_page
    assert page.isEnabled()
    name = page.name
    assert not name.inputs.isVisibleTo(page)
    assert name.answer_label is not None and name.answer_label.isVisibleTo(page)
    assert name.answer_label.text() == window.document.session.enterprise.name  # type: ignore[union-attr]
    credit = questionnaire.section_pages["credit_insurance"]
    questionnaire.show_page(questionnaire.page_index(credit))
    premium = credit.field("credit_insurance_premium")
    assert premium.answer_label is not None and premium.answer_label.text() == "2,100,000.00 元"


def test_a_finalised_assessment_keeps_its_result_after_a_new_pack_and_offers_to_recompute(
    qtbot: QtBot, url: str, isolated_data_dir: Path, message_log: RecordingSink
) -> None:
    window = start(qtbot, url)
    window.open_training_example(EXAMPLES / "appliance-maker.json")
    assert window.document.session is not None and window.document.lasting
    assert window.document.session.result.item("credit_insurance").amount == Decimal("500000")
    window.finalise()
    assert window.document.final
    _assert_read_only_view(window)
    assert window.reopen_action.isEnabled()
    close(window)

    text = (REPO / "resources" / "policies" / "zhongshan-2025.toml").read_text(encoding="utf-8")
    text = text.replace('version = "2025.3"', 'version = "2025.4"').replace('cap = "500000"', 'cap = "400000"')
    (isolated_data_dir / "policies").mkdir()
    (isolated_data_dir / "policies" / "zhongshan-2025-v2.toml").write_text(text, encoding="utf-8")

    message_log.answers.append(False)  # "recompute with the new pack?" → no
    again = start(qtbot, url)
    assert again.document.session is not None
    assert again.document.session.result.item("credit_insurance").amount == Decimal("500000")
    assert "2025.3" in message_log.of_kind("question")[-1].text
    again.ensure_ready()
    assert again.questionnaire is not None
    # the page that was open when the program closed (the read-only check above left it on 出口信用保险)
    assert again.questionnaire.current_page is again.questionnaire.section_pages["credit_insurance"]
    close(again)

    message_log.answers.append(True)  # now yes
    third = start(qtbot, url)
    assert third.document.session is not None
    assert third.document.session.result.item("credit_insurance").amount == Decimal("400000")
    assert third.document.lasting and third.document.final
    close(third)


def test_reopening_a_finalised_assessment_makes_it_editable_and_saved_again(qtbot: QtBot, url: str) -> None:
    window = start(qtbot, url)
    window.open_training_example(EXAMPLES / "lighting-exporter.json")
    window.finalise()
    window.reopen()
    assert window.document.lasting and not window.document.final
    assert window.ensure_ready().enterprise_page.isEnabled()
    assert window.document.session is not None and window.document.autosaver is not None
    window.document.session.set_answer("equipment_purchase_total", Decimal("1000000"))
    with qtbot.waitSignal(window.document.autosaver.saved, timeout=1000):
        pass
    close(window)


def test_a_file_that_is_not_a_database_is_refused_and_left_as_it_is(
    qtbot: QtBot, tmp_path: Path, message_log: RecordingSink
) -> None:
    path = tmp_path / "assessments.db"
    path.write_text("这不是数据库", encoding="utf-8")
    window = start(qtbot, f"sqlite:///{path}")
    assert not window.document.lasting  # the window works from files, as with any database it cannot use
    [error] = message_log.of_kind("error")
    assert "不是本程序的数据库" in error.text and "没有改动它" in error.text
    assert [p.name for p in tmp_path.iterdir()] == ["assessments.db"]
    assert path.read_text(encoding="utf-8") == "这不是数据库"
    window.confirm_unsaved_close = False
    close(window)


def test_without_a_usable_database_the_window_still_works_from_files(
    qtbot: QtBot, tmp_path: Path, message_log: RecordingSink
) -> None:
    window = start(qtbot, "notadialect://nowhere")
    assert not window.document.lasting
    errors = message_log.of_kind("error")
    assert errors and errors[0].title == "无法打开数据库"
    assert window.pages.currentWidget() is window.questionnaire
    window.confirm_unsaved_close = False
    close(window)


def test_the_database_holds_what_the_window_showed(qtbot: QtBot, url: str) -> None:
    window = start(qtbot, url)
    window.open_training_example(EXAMPLES / "lighting-exporter.json")
    close(window)
    store = open_store(url)
    [enterprise] = store.listing()
    assert enterprise.credit_code == "91442000MA4W8N3K2K"
    assert enterprise.assessments[0].total == Decimal("1710000.00")
    store.close()
