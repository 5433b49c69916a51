"""One vocabulary (issue 11): the window and the checklist name the same column and the same value alike,
in both languages, and the window's English catalogue never says otherwise."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from reportlab.platypus import Table

from desktop.engine import Assessment
from desktop.policy.model import Lang
from desktop.report.checklist import checklist_story
from desktop.ui.pages.results_page import ResultsPage
from desktop.ui.session import AssessmentSession
from desktop.wording import vocabulary
from tests.report.cases import example

REPO = Path(__file__).resolve().parents[2]
CATALOGUE = REPO / "resources" / "translations" / "desktop_en.ts"


def _cell_text(cell: Any) -> str:
    if isinstance(cell, tuple):
        cell = cell[0]
    if hasattr(cell, "getPlainText"):
        return str(cell.getPlainText())
    return str(cell)


def _checklist_tables(result: Assessment, lang: Lang) -> list[list[list[str]]]:
    tables = [f for f in checklist_story(result, lang) if isinstance(f, Table)]
    return [[[_cell_text(c) for c in row] for row in t._cellvalues] for t in tables]  # type: ignore[attr-defined]


def _checklist_amounts(result: Assessment, lang: Lang) -> list[list[str]]:
    """The checklist's summary table: the one whose header starts with the 条款 column."""
    article = vocabulary.term("article", lang)
    return next(t for t in _checklist_tables(result, lang) if t[0][0] == article)


def _results_page(result: Assessment, lang: Lang, qtbot: Any) -> ResultsPage:
    from desktop.policy import bundled_registry

    session = AssessmentSession(bundled_registry().get(result.pack_id), lang=lang)
    session.frozen = result  # the page shows exactly this assessment
    page = ResultsPage(session)
    qtbot.addWidget(page)
    page.refresh()
    return page


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", ["lighting-exporter", "appliance-maker"])
def test_the_window_and_the_checklist_name_the_amount_columns_alike(name: str, lang: Lang, qtbot: Any) -> None:
    result = example(name)
    page = _results_page(result, lang, qtbot)
    header = page.amounts.headerItem()
    window_columns = [header.text(c) for c in range(page.amounts.columnCount())]
    paper = _checklist_amounts(result, lang)
    assert window_columns == paper[0]
    # and the value words of 口径 and 封顶, row by row
    rows = page.amount_rows()
    for item, printed in zip(result.with_amounts(), paper[1:], strict=False):
        shown = rows[item.id]
        assert shown[4:6] == printed[4:6], item.id
        assert shown[2] == printed[2]  # the figure, written the same way


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_unavailable_items_are_headed_alike(lang: Lang, qtbot: Any) -> None:
    result = example("lighting-exporter")
    page = _results_page(result, lang, qtbot)
    header = page.unavailable.headerItem()
    window_columns = [header.text(c) for c in range(page.unavailable.columnCount())]
    reason = vocabulary.term("reason", lang)
    paper = next(t for t in _checklist_tables(result, lang) if t[0][-1] == reason)
    assert window_columns == paper[0]


def test_the_comparison_fails_when_a_column_is_renamed(monkeypatch: pytest.MonkeyPatch, qtbot: Any) -> None:
    """The test above can fail: the checklist's own old word for the units column shows up as a difference."""
    from desktop.report import labels
    from desktop.wording import terms

    monkeypatch.setitem(terms.TERMS, "report.col_units", ("受理部门", "Accepting office"))
    monkeypatch.delitem(labels._TERMS, "col_units")
    result = example("lighting-exporter")
    page = _results_page(result, "zh", qtbot)
    header = page.amounts.headerItem()
    assert [header.text(c) for c in range(page.amounts.columnCount())] != _checklist_amounts(result, "zh")[0]


def test_the_english_catalogue_never_contradicts_the_vocabulary() -> None:
    # The money units are the one exception: the amount field's 万元 switch means "figures typed in ten
    # thousands" (10,000 yuan), while a 万元 figure shown to an English reader is given in millions.
    english = {zh: en for key, (zh, en) in vocabulary.TERMS.items() if key not in ("yuan", "large_unit")}
    for context in ET.parse(CATALOGUE).getroot().iter("context"):
        for message in context.iter("message"):
            source = message.findtext("source", "")
            if source in english:
                translation = message.findtext("translation", "")
                assert translation == english[source], (context.findtext("name"), source, translation)


def test_every_status_has_its_word_including_to_confirm() -> None:
    for status in ("eligible", "not_eligible", "not_answered", "service", "to_confirm"):
        assert vocabulary.status_term(status, "zh") and vocabulary.status_term(status, "en")
    assert vocabulary.status_term("to_confirm", "zh") == "待确认"
    assert vocabulary.status_term("to_confirm", "en") == "To confirm"
