"""Other funds for the same project, asked per item (issue 25), as a clerk meets it: a box per item on the
basic conditions' page, the item ticked to confirm and no other, and a draft an earlier version stored
told once that its firm-wide answer was carried over."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.engine import read_answers_file
from desktop.policy import bundled_registry
from desktop.store import open_store
from desktop.store.models import AssessmentRecord
from desktop.ui.dialogs import RecordingSink
from desktop.ui.fields.items import ItemsField
from desktop.ui.main_window import MainWindow
from tests.conftest import EXAMPLES
from tests.ui.helpers import field, questionnaire


def test_ticking_an_item_leaves_that_item_to_confirm_and_no_other(qtbot: QtBot, window: MainWindow) -> None:
    assert window.open_answers(EXAMPLES / "lighting-exporter.json")
    session = window.document.session
    assert session is not None
    questionnaire(window).go_to(1)
    boxes = field(window, "basic", "other_funds_items")
    assert isinstance(boxes, ItemsField)
    titles = [box.text() for _, box in boxes.boxes]
    assert "第八条 新购置设备和系统奖励" in titles and not any("“商学堂”" in t for t in titles)  # no services
    equipment = dict(boxes.boxes)["equipment"]
    equipment.click()  # as the clerk's click does (the page scrolls; offscreen, mouse events miss it)
    assert equipment.isChecked()
    assert session.answers["other_funds_items"] == ["equipment"]
    result = session.result
    assert [i.id for i in result.to_confirm()] == ["equipment"]
    assert result.item("credit_insurance").status == "eligible"
    boxes.set_read_only(True)
    assert boxes.display_text() == "第八条 新购置设备和系统奖励"


def test_a_draft_stored_with_the_firm_wide_answer_opens_with_one_word_of_it(
    qtbot: QtBot, tmp_path: Path, message_log: RecordingSink
) -> None:
    url = f"sqlite:///{tmp_path / 'assessments.db'}"
    pack = bundled_registry().get("zhongshan-2025")
    store = open_store(url)
    answers_file, _ = read_answers_file(EXAMPLES / "lighting-exporter.json", lambda _p, _d: pack)
    enterprise_id = store.create_enterprise(answers_file.enterprise)
    assessment_id = store.new_assessment(enterprise_id, pack, answers_file=answers_file)
    with store.transaction() as session:  # as an earlier version stored it: one yes/no for every project
        record = session.get(AssessmentRecord, assessment_id)
        assert record is not None
        answers = {k: v for k, v in record.answers.items() if k != "other_funds_items"}
        record.answers = {**answers, "other_funds_same_project": True}
    store.close()
    for times in (1, 2):
        window = MainWindow(database=url, lang="zh")
        qtbot.addWidget(window)
        window.show()
        window.start()
        assert window.document.lasting and window.document.open(assessment_id)
        said = message_log.of_kind("information")
        assert len(said) == 1, times  # told at the first opening, never again
        assert said[0].title == "已沿用原来的回答"
        assert said[0].text.startswith(
            "「以下哪些项目（同一项目）已获得中央、省或市其他财政资金支持？」: 原答卷对全部项目"
        )
        assert window.document.session is not None and len(window.document.session.answers["other_funds_items"]) == 15
        window.close()
