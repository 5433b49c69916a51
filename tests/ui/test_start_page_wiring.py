"""The start page, the questionnaire's session and the autosaver wired together as the window does it:
new → type → saved within a second → listed → closed → reopened where it was."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.store import Store, open_store
from desktop.ui.autosave import Autosaver
from desktop.ui.session import AssessmentSession
from desktop.ui.start_page import StartPage

TODAY = dt.date(2025, 11, 30)


def edit(store: Store, assessment_id: int) -> tuple[AssessmentSession, Autosaver]:
    """What the window does on `open_requested`: load the stored answers, then save every change."""
    opened = store.open(assessment_id)
    session = AssessmentSession(opened.pack, assessed_on=TODAY)
    session.load(opened.answers_file, opened.pack)
    return session, Autosaver(session, store, assessment_id)


def test_a_new_assessment_is_typed_saved_listed_and_reopened(qtbot: QtBot, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'assessments.db'}"
    store = open_store(url)
    page = StartPage(store, today=lambda: TODAY)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.open_requested) as requested:
        page.new_assessment()
    assessment_id = int(str(requested.args[0] if requested.args else 0))

    session, saver = edit(store, assessment_id)
    session.set_enterprise("name", "中山市新会员电器有限公司")
    session.set_answer("export_class", "class1")
    session.set_answer("credit_insurance_product", "small_micro")
    with qtbot.waitSignal(saver.saved, timeout=1000):
        pass
    session.set_answer("credit_insurance_premium", Decimal("8600.00"))
    saver.stop()  # the window closes: no question asked, nothing lost
    store.close()

    reopened = open_store(url)  # the next start of the program
    assert reopened.most_recent_draft() == assessment_id
    page = StartPage(reopened, today=lambda: TODAY)
    qtbot.addWidget(page)
    assert [e.name for e in page.model.enterprises] == ["中山市新会员电器有限公司"]
    session_again, _ = edit(reopened, assessment_id)
    assert session_again.answers == session.answers
    assert session_again.enterprise == session.enterprise
    reopened.close()
