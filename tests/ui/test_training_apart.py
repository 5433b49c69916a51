"""Training examples live apart from real firms (issue 23, group 2).

A clerk's real firm may well have a credit code one of the bundled examples uses. Opening 文件 → 培训示例
once merged the example into that firm ("答卷已归入该企业" before asking), gave it the real firm's name,
contact and phone, and put its invented windows under the real firm on the start page and in the `.ics`.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.policy.guide_registry import known_guides
from desktop.store import Store, open_store
from desktop.store.calendar import StoredCalendar
from desktop.ui.dialogs import RecordingSink
from desktop.ui.main_window import MainWindow
from desktop.ui.training_examples import training_examples
from tests.conftest import EXAMPLES

TODAY = dt.date(2026, 12, 1)
"""A day when the training guide has windows open and to come."""
TRAINING_GUIDE = "zhongshan-2025-training"


def _real_firm_file(example: Path, folder: Path, number: int) -> Path:
    """A real member firm that happens to have the example's credit code (and, to have windows listed, the
    training guide picked: its windows must stay exactly its own)."""
    data = json.loads(example.read_text(encoding="utf-8"))
    data["enterprise"].update(
        name=f"中山市真实会员{number}有限公司", contact=f"王会计{number}", phone=f"0760-8800000{number}"
    )
    data["guide"] = TRAINING_GUIDE
    path = folder / f"real-{number}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'assessments.db'}"


def _started(qtbot: QtBot, url: str) -> MainWindow:
    window = MainWindow(database=url, lang="zh")
    qtbot.addWidget(window)
    window.show()
    window.start()
    return window


def _real_view(store: Store) -> tuple[object, ...]:
    """What the clerk sees of the real firms: their records, their rows on the start page, their windows."""
    listing = [e for e in store.listing() if e.name.startswith("中山市真实会员")]
    records = [store.get_enterprise(e.id) for e in listing]
    windows = StoredCalendar(store).windows(known_guides(store.registry), TODAY)
    return listing, records, windows.entries


def test_opening_every_training_example_leaves_the_real_firms_as_they_were(
    qtbot: QtBot, url: str, tmp_path: Path, message_log: RecordingSink
) -> None:
    examples = training_examples()
    assert len(examples) == 3
    store = open_store(url)
    outcomes = store.import_files([_real_firm_file(e.path, tmp_path, n) for n, e in enumerate(examples)], today=TODAY)
    assert all(o.ok for o in outcomes)
    before = _real_view(store)
    assert before[2], "the real firms have windows to keep"
    store.close()

    window = _started(qtbot, url)
    for action in window.examples_menu.actions():  # 文件 → 培训示例 → each, as the clerk does
        action.trigger()
        assert window.document.session is not None
        assert window.document.session.enterprise.name.endswith("（示例）")  # the example's own firm, not the real one
    assert window.document.lasting
    page = window.work.start_page
    window.show_start()
    assert message_log.of_kind("choice") == []  # nothing to ask: nothing is merged
    listed = page.model.enterprises
    training = [e for e in listed if e.training]
    assert len(training) == 3 and all(e.name.endswith("（示例）") for e in training)
    shown = [page.model.index(row, 0).data() for row in range(len(listed))]
    assert sum(1 for text in shown if str(text).startswith("【培训示例】")) == 3
    assert all(not e.training for e in listed if not str(e.name).endswith("（示例）"))
    window.close()

    again = open_store(url)
    assert _real_view(again) == before
    with_training = StoredCalendar(again).windows(known_guides(again.registry), TODAY, with_training=True)
    assert with_training.training == 3
    again.close()


def test_the_calendar_lists_training_windows_only_when_asked(
    qtbot: QtBot, url: str, message_log: RecordingSink
) -> None:
    window = _started(qtbot, url)
    assert window.document.lasting
    window.work.import_and_open(EXAMPLES / "lighting-exporter.json", training=True)
    assert window.document.session is not None
    window.document.session.set_guide(TRAINING_GUIDE)  # a trainer demonstrates the windows
    window.show_start()
    calendar = window.work.start_page.calendar
    calendar._today = lambda: TODAY
    calendar.refresh()
    assert calendar.entries() == []
    assert calendar.with_training.isVisibleTo(window)
    assert "培训示例" in calendar.summary.text()
    calendar.with_training.setChecked(True)
    assert calendar.entries() and all(e.example for e in calendar.entries())
    window.close()


def test_a_file_named_otherwise_asks_before_it_is_merged(
    qtbot: QtBot, url: str, tmp_path: Path, message_log: RecordingSink
) -> None:
    window = _started(qtbot, url)
    assert window.document.lasting
    page = window.work.start_page
    page.import_files([_real_firm_file(EXAMPLES / "small-trader.json", tmp_path, 1)])
    other = _real_firm_file(EXAMPLES / "small-trader.json", tmp_path, 2)
    message_log.choices.append(2)  # 不导入此文件
    [outcome] = page.import_files([other])
    [asked] = message_log.of_kind("choice")
    assert "中山市真实会员2有限公司" in asked.text and "中山市真实会员1有限公司" in asked.text
    assert "已归入" not in asked.text  # asked before, not after
    assert outcome.skipped and not outcome.ok
    assert page.model.assessment_count() == 1
    assert message_log.of_kind("warning") == []  # the clerk's choice is no problem of the file
    window.close()
