"""The start page: the stored enterprises and assessments, searched, created, opened, copied, deleted,
exported and imported, with every question and file dialog answered through the message seam."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.engine import Enterprise
from desktop.policy import Pack
from desktop.store import Store, open_store
from desktop.ui.dialogs import RecordingSink
from desktop.ui.start_page import StartPage
from tests.conftest import EXAMPLES
from tests.payloads import with_lone_surrogate, with_premium_null, write_json
from tests.store.damage import damaged_database

TODAY = dt.date(2025, 11, 30)
LIGHTING_CODE = "91442000MA4W8N3K2K"


@pytest.fixture
def filled(store: Store) -> Store:
    outcomes = store.import_files(sorted(EXAMPLES.glob("*.json")), today=TODAY)
    assert all(o.ok for o in outcomes)
    return store


def make_page(qtbot: QtBot, store: Store, files: list[Path] | None = None) -> StartPage:
    page = StartPage(store, choose_files=lambda _parent: list(files or []), today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    return page


def rows(page: StartPage) -> list[str]:
    """What the first column shows, children indented by two spaces."""
    model = page.model
    shown: list[str] = []
    for row in range(model.rowCount()):
        parent = model.index(row, 0)
        shown.append(str(model.data(parent)))
        shown.extend("  " + str(model.data(model.index(child, 0, parent))) for child in range(model.rowCount(parent)))
    return shown


def cell(page: StartPage, enterprise_row: int, child: int, column: int) -> str:
    parent = page.model.index(enterprise_row, 0)
    return str(page.model.data(page.model.index(child, column, parent)))


def test_it_lists_each_enterprise_with_its_assessments(qtbot: QtBot, filled: Store) -> None:
    page = make_page(qtbot, filled)
    assert page.count.text() == "3 家企业，3 份评估"
    assert "中山市古镇明辉灯饰有限公司（示例）" in rows(page)
    lighting = next(r for r, e in enumerate(page.model.enterprises) if e.credit_code == LIGHTING_CODE)
    assert page.model.data(page.model.index(lighting, 1)) == LIGHTING_CODE
    assert cell(page, lighting, 0, 2) == "2025-11-30"
    assert cell(page, lighting, 0, 3) == "草稿"
    assert cell(page, lighting, 0, 4) == "1,710,000.00"
    assert page.empty.isHidden()


def test_an_empty_database_says_how_to_begin(qtbot: QtBot, store: Store) -> None:
    page = make_page(qtbot, store)
    assert page.empty.isVisible()
    assert "新建评估" in page.empty.text()
    assert not page.open_button.isEnabled() and not page.delete_button.isEnabled()


def test_search_by_name_or_code(qtbot: QtBot, filled: Store) -> None:
    page = make_page(qtbot, filled)
    page.search.setText("灯饰")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=1000)
    assert page.model.enterprises[0].credit_code == LIGHTING_CODE
    page.search.setText("ma52tr8")
    page.refresh()
    assert [e.name for e in page.model.enterprises] == ["中山市石岐小帆贸易商行（示例）"]
    page.search.setText("没有这家企业")
    page.refresh()
    assert page.model.rowCount() == 0
    assert page.tree.isVisible() and page.empty.isHidden()  # "no match" is not "no data"


def test_new_for_a_new_enterprise_creates_a_draft_and_asks_to_open_it(qtbot: QtBot, store: Store) -> None:
    page = make_page(qtbot, store)
    with qtbot.waitSignal(page.open_requested) as opened:
        page.new_assessment()
    assessment_id = opened.args[0] if opened.args else None
    stored = store.get(int(str(assessment_id)))
    assert stored.status == "draft" and stored.assessed_on == TODAY
    assert stored.pack_id == "zhongshan-2025"
    assert rows(page) == ["（未填写企业名称）", f"  评估 #{assessment_id}"]


def test_new_for_the_selected_enterprise_adds_to_it(qtbot: QtBot, filled: Store) -> None:
    page = make_page(qtbot, filled)
    enterprise_id = filled.find_enterprise(LIGHTING_CODE)
    assert enterprise_id is not None and page.select_enterprise(enterprise_id)
    with qtbot.waitSignal(page.open_requested) as opened:
        page.new_for_selected_enterprise()
    assert filled.get(int(str(opened.args[0] if opened.args else 0))).enterprise_id == enterprise_id
    assert filled.counts() == (3, 4)


def test_open_and_double_click_ask_to_open_the_selected_assessment(qtbot: QtBot, filled: Store) -> None:
    page = make_page(qtbot, filled)
    target = page.model.enterprises[1].assessments[0].id
    assert page.select_assessment(target)
    with qtbot.waitSignal(page.open_requested) as opened:
        qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert opened.args == [target]
    index = page.tree.currentIndex()
    with qtbot.waitSignal(page.open_requested) as double:
        page.tree.doubleClicked.emit(index)
    assert double.args == [target]


def test_duplicate_makes_a_new_draft_beside_the_original(qtbot: QtBot, filled: Store) -> None:
    page = make_page(qtbot, filled)
    original = page.model.enterprises[0].assessments[0].id
    page.select_assessment(original)
    page.duplicate_selected()
    _, selected = page.selected_ids()
    assert selected is not None and selected != original
    assert filled.get(selected).answers == filled.get(original).answers
    assert len(page.model.enterprises[0].assessments) == 2


def test_delete_asks_first_and_keeps_everything_when_the_answer_is_no(
    qtbot: QtBot, filled: Store, message_log: RecordingSink
) -> None:
    page = make_page(qtbot, filled)
    target = page.model.enterprises[0].assessments[0].id
    page.select_assessment(target)
    message_log.answers.append(False)
    page.delete_selected()
    assert filled.counts() == (3, 3)
    [asked] = message_log.of_kind("question")
    assert "无法恢复" in asked.text
    message_log.answers.append(True)
    with qtbot.waitSignal(page.deleted) as deleted:
        page.delete_selected()
    assert deleted.args == [[target]]
    assert filled.counts() == (3, 2)


def test_deleting_an_enterprise_names_how_many_assessments_go_with_it(
    qtbot: QtBot, filled: Store, message_log: RecordingSink
) -> None:
    page = make_page(qtbot, filled)
    enterprise = page.model.enterprises[0]
    filled.duplicate(enterprise.assessments[0].id)
    page.refresh()
    page.select_enterprise(enterprise.id)
    message_log.answers.append(True)
    page.delete_selected()
    assert "全部 2 份评估" in message_log.of_kind("question")[0].text
    assert filled.counts() == (2, 2)


def test_export_writes_the_answers_file_where_the_user_chose(
    qtbot: QtBot, filled: Store, message_log: RecordingSink, tmp_path: Path
) -> None:
    page = make_page(qtbot, filled)
    page.select_enterprise(filled.find_enterprise(LIGHTING_CODE) or 0)  # an enterprise row exports its newest
    message_log.files.append(tmp_path / "明辉灯饰")
    page.export_selected()
    written = tmp_path / "明辉灯饰.json"
    data = json.loads(written.read_text(encoding="utf-8"))
    assert data["format"] == "zs-trade-assessment/1"
    assert data["enterprise"]["credit_code"] == LIGHTING_CODE
    assert "明辉灯饰.json" in page.status.text()
    assert message_log.of_kind("save_file")[0].text.endswith(".json")


def test_a_file_that_broke_the_import_no_longer_drops_the_files_after_it(
    qtbot: QtBot, store: Store, message_log: RecordingSink, tmp_path: Path
) -> None:
    """导入答卷 of [good, bad, good] once committed the first, dropped the third and showed nothing."""
    bad = write_json(tmp_path, "代理项.json", with_lone_surrogate())
    null = write_json(tmp_path, "空保费.json", with_premium_null())
    files = [EXAMPLES / "lighting-exporter.json", bad, null, EXAMPLES / "small-trader.json"]
    page = make_page(qtbot, store, files)
    outcomes = page.import_files()
    assert [o.ok for o in outcomes] == [True, False, False, True]
    [warning] = message_log.of_kind("warning")
    assert "代理项.json: 「企业名称」" in warning.text
    assert "空保费.json: 「已购买海外投资保险的境外项目」" in warning.text
    assert store.counts() == (2, 2)


def test_importing_several_files_reports_each_bad_one_by_name(
    qtbot: QtBot, store: Store, message_log: RecordingSink, tmp_path: Path
) -> None:
    broken = tmp_path / "会员甲.json"
    broken.write_text(json.dumps({"enterprise": {"credit_code": "123"}}), encoding="utf-8")
    files = [EXAMPLES / "lighting-exporter.json", broken, EXAMPLES / "lighting-exporter.json"]
    page = make_page(qtbot, store, files)
    outcomes = page.import_files()
    assert [o.ok for o in outcomes] == [True, False, True]
    [warning] = message_log.of_kind("warning")
    assert "已导入 2 个文件" in warning.text
    assert "会员甲.json: 「统一社会信用代码」" in warning.text  # the field by its name, not its id
    assert "enterprise.credit_code" not in warning.text
    assert "已归入该企业" in warning.text
    assert store.counts() == (1, 2)
    assert page.count.text() == "1 家企业，2 份评估"


def test_import_problems_name_the_questions_and_say_what_is_wrong_in_words(
    qtbot: QtBot, store: Store, message_log: RecordingSink, tmp_path: Path
) -> None:
    dated = tmp_path / "会员乙.json"
    dated.write_text(json.dumps({"answers": {"aeo_certified_on": "2025-02-30"}}), encoding="utf-8")
    empty = tmp_path / "会员丙.json"
    empty.write_text("", encoding="utf-8")
    page = make_page(qtbot, store, [dated, empty])
    page.import_files()
    [warning] = message_log.of_kind("warning")
    assert "「AEO 认证日期（《认证企业证书》所载日期）」" in warning.text
    assert "2025 年 2 月没有 30 日" in warning.text
    assert "answers." not in warning.text
    assert "会员丙.json: JSON 格式错误" in warning.text and "此处缺少一个值" in warning.text
    assert "Expecting" not in warning.text


def test_a_file_with_another_name_for_a_stored_credit_code_asks_which_name_is_right(
    qtbot: QtBot, store: Store, message_log: RecordingSink, tmp_path: Path
) -> None:
    page = make_page(qtbot, store, [EXAMPLES / "lighting-exporter.json"])
    page.import_files()
    renamed = tmp_path / "改名.json"
    data = json.loads((EXAMPLES / "lighting-exporter.json").read_text(encoding="utf-8"))
    data["enterprise"]["name"] = "中山市古镇明辉照明科技有限公司"
    renamed.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    enterprise_id = store.find_enterprise(LIGHTING_CODE) or 0
    old = store.get_enterprise(enterprise_id).enterprise.name

    message_log.choices.append(1)  # keep the stored name
    page.import_files([renamed])
    choice = message_log.of_kind("choice")[-1]
    assert "中山市古镇明辉照明科技有限公司" in choice.text and old in choice.text
    assert store.get_enterprise(enterprise_id).enterprise.name == old

    message_log.choices.append(0)  # the firm was renamed: use the file's name
    page.import_files([renamed])
    assert store.get_enterprise(enterprise_id).enterprise.name == "中山市古镇明辉照明科技有限公司"
    assert store.counts() == (1, 3)


def test_a_set_aside_database_is_said_on_the_page_until_acknowledged(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "assessments.db"
    damaged_database(path)
    store = open_store(f"sqlite:///{path}")
    page = make_page(qtbot, store)
    assert page.notice.isVisible()
    assert "已改名为 assessments.db.damaged-" in page.notice.text()
    store.close()

    # Not read yet (the program was closed, or something else went wrong): said again at the next start.
    again = open_store(f"sqlite:///{path}")
    page = make_page(qtbot, again)
    assert page.notice.isVisible() and "已改名为 assessments.db.damaged-" in page.notice.text()
    qtbot.mouseClick(page.notice.button, Qt.MouseButton.LeftButton)
    assert not page.notice.isVisible()
    again.close()

    read = open_store(f"sqlite:///{path}")
    assert read.notices == []
    assert not make_page(qtbot, read).notice.isVisible()
    read.close()


def test_names_with_any_characters_are_shown_unchanged(qtbot: QtBot, store: Store) -> None:
    name = "<b>粗体</b> & 'O\"Brien' 🏭 𠀀" + "长" * 180
    store.create_enterprise(Enterprise(name))
    page = make_page(qtbot, store)
    assert rows(page) == [name]


def test_the_delete_key_asks_before_deleting(qtbot: QtBot, filled: Store, message_log: RecordingSink) -> None:
    page = make_page(qtbot, filled)
    page.select_assessment(page.model.enterprises[0].assessments[0].id)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=1000)
    page.tree.setFocus()
    message_log.answers.append(True)
    qtbot.keyClick(page.tree, Qt.Key.Key_Delete)
    assert len(message_log.of_kind("question")) == 1
    assert filled.counts() == (3, 2)


def test_the_file_name_offered_for_an_export_is_one_windows_accepts(
    qtbot: QtBot, store: Store, pack: Pack, message_log: RecordingSink
) -> None:
    """The start page's 导出 once had a file-name function of its own (issue 24): the one of the checklists
    now serves, which keeps characters Windows refuses out."""
    enterprise_id = store.create_enterprise(Enterprise('甲/乙:丙*"公司"'))
    store.new_assessment(enterprise_id, pack, label="草稿")
    page = make_page(qtbot, store)
    page.select_enterprise(enterprise_id)
    page.export_selected()  # no file chosen: only what is offered matters here
    assert message_log.of_kind("save_file")[0].text == "甲_乙_丙__公司_-草稿.json"
