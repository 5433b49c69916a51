"""The checklist as a clerk reads it on paper (issue 15, point 8; issue 11's vocabulary on paper)."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from desktop.engine import assess
from desktop.policy import Pack, bundled_registry
from desktop.report.checklist import checklist_story
from desktop.report.flowables import TickItem, TickList, WriteLine, plain_paragraph
from desktop.report.layout import PageDecor, content_width, frame_height, render, styles
from tests.report.cases import EXAMPLE_NAMES
from tests.report.conftest import flat, rendered


def _decor() -> PageDecor:
    return PageDecor("header", "left", "right", lambda page, pages: f"{page}/{pages}", dt.date(2025, 11, 30))


def _pages(story: list[Flowable]) -> list[str]:
    pdf = render(story, _decor(), title="t", subject="")
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def _tick_list(count: int) -> TickList:
    body, label = styles()["body"], styles()["label"]
    items = [TickItem(plain_paragraph(f"材料{n:02d}号", body)) for n in range(1, count + 1)]
    return TickList(plain_paragraph("需准备的材料", label), plain_paragraph("需准备的材料（续）", label), items)


def _filler(height: float) -> Flowable:
    return Spacer(1, height)


def test_a_tick_list_split_over_pages_is_headed_continued_on_the_next() -> None:
    pages = _pages([_tick_list(80)])
    assert len(pages) >= 2
    assert "需准备的材料（续）" not in pages[0]
    for page in pages[1:]:
        assert "需准备的材料（续）" in page
    assert sum(len(re.findall(r"材料\d\d号", page)) for page in pages) == 80


@pytest.mark.parametrize("room_for", [1, 2, 3])
def test_no_document_stands_alone_at_the_foot_or_the_top_of_a_page(room_for: int) -> None:
    """Fill the page so that only `room_for` documents fit under the heading: a part of one is never
    printed; a list of three is not split 2 + 1."""
    one = _tick_list(1)
    _, item_height = one.items[0].wrap(content_width(), 1000)
    _, heading_height = one.heading.wrap(content_width(), 1000)
    per_item = item_height + one.items[0].getSpaceAfter()
    fill = frame_height() - heading_height - one.heading.getSpaceAfter() - room_for * per_item - 2
    for count in (3, 6):
        pages = _pages([_filler(fill), _tick_list(count)])
        counts = [len(re.findall(r"材料\d\d号", page)) for page in pages]
        assert all(c == 0 or c >= 2 for c in counts), (room_for, count, counts)
        assert sum(counts) == count


def _disclaimer_page(text_pages: tuple[str, ...], heading: str) -> str:
    return next(page for page in text_pages if heading in flat(page))


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_the_disclaimer_and_signature_never_have_a_page_to_themselves(name: str, lang: str) -> None:
    doc = rendered(name, lang)
    heading = "Disclaimer" if lang == "en" else "声明"
    page = _disclaimer_page(doc.pages, heading)
    header_line = flat(page.splitlines()[0])
    before = flat(page)[: flat(page).index(heading)].replace(header_line, "", 1)
    # something of the checklist itself (a table row at least) precedes the disclaimer on its page
    assert len(re.sub(r"^\d+\.", "", before)) > 10, (name, lang, before)


def _sign_table(lang: str) -> Table:
    story = checklist_story(rendered("small-trader", lang).assessment, "en" if lang == "en" else "zh")
    closing = story[-1]
    assert isinstance(closing, KeepTogether)
    return next(
        f for f in closing._content if isinstance(f, Table) and any(isinstance(c, WriteLine) for c in f._cellvalues[0])
    )  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_signature_line_stays_in_its_column_before_the_next_label(lang: str) -> None:
    table = _sign_table(lang)
    widths = table._argW  # type: ignore[attr-defined]
    cells = [c[0] if isinstance(c, tuple) else c for c in table._cellvalues[0]]  # type: ignore[attr-defined]
    for column, (cell, width) in enumerate(zip(cells, widths, strict=True)):
        if isinstance(cell, WriteLine):
            cell.wrap(width, 100)
            last = column == len(cells) - 1
            assert cell.drawn <= width if last else cell.drawn < width - 5, "the line would touch the next label"
        else:
            text = cell.getPlainText()
            style = styles()["body"]
            assert stringWidth(text, style.fontName, style.fontSize) <= width, text
    assert sum(widths) <= content_width() + 0.01


def test_the_english_checklist_writes_large_sums_in_millions() -> None:
    doc = rendered("lighting-exporter", "en")
    assert flat("1,710,000.00 yuan (1.71 million yuan)") in doc.flat
    assert "×10,000yuan" not in doc.flat


def test_english_units_are_separated_by_semicolons_because_a_name_has_a_comma() -> None:
    doc = rendered("lighting-exporter", "en")
    assert flat("Sinosure Guangdong Branch, Zhongshan office; Bureau of Commerce") in doc.flat


def test_the_chinese_checklist_uses_the_vocabulary() -> None:
    doc = rendered("lighting-exporter")
    for word in ("条款", "支持项目", "金额（元）", "上限（元）", "口径", "封顶", "责任单位", "最多可申请合计"):
        assert word in doc.flat, word
    assert "受理部门" not in doc.flat
    assert "按实测算" not in doc.flat
    # the AEO subsidy is a sum the text states: 定额; the insurance premium is computed at a rate
    assert flat("150,000.00150,000.00定额") in doc.flat
    assert flat("360,000.00500,000.00按比例测算") in doc.flat


def test_the_rows_kept_with_the_disclaimer_line_up_with_the_table_above() -> None:
    from desktop.report.flowables import TableTail

    story = checklist_story(rendered("lighting-exporter").assessment, "zh")
    closing = story[-1]
    assert isinstance(closing, KeepTogether)
    tail = next(f for f in closing._content if isinstance(f, TableTail))  # type: ignore[attr-defined]
    table = next(f for f in reversed(story[:-1]) if isinstance(f, Table))
    assert tail.hAlign == table.hAlign
    assert tail.with_header._argW == table._argW  # type: ignore[attr-defined]


@pytest.mark.parametrize("number", [4, 6, 8])
def test_no_english_word_is_broken_in_the_summary(number: int, pack: Pack) -> None:
    """Issue 23: "customs AEO certificatio / n" in a member firm's summary table (a cell of several lines went
    through ReportLab's CJK line breaking, which breaks anywhere)."""
    import subprocess
    import tempfile

    from desktop.engine import parse_answers_data
    from desktop.report import checklist_bytes
    from desktop.workspace import pack_resolver
    from tests.workspace.member_files import member_answers

    answers_file, used = parse_answers_data(member_answers(number), pack_resolver(bundled_registry()))
    result = assess(used, answers_file.answers, assessed_on=dt.date(2025, 11, 30), enterprise=answers_file.enterprise)
    assert "aeo" in {item.id for item in result.with_amounts()}  # a firm whose table wraps that title
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(checklist_bytes(result, "en"))
        handle.flush()
        text = subprocess.run(
            ["pdftotext", "-raw", handle.name, "-"], check=True, capture_output=True, text=True
        ).stdout
    words = set(re.findall(r"[A-Za-z]+", " ".join(text.split())))
    lines = text.splitlines()
    broken = [
        (a, b)
        for a, b in itertools.pairwise(lines)
        if re.search(r"[a-z]{3,}$", a)
        and re.match(r"^[a-z]{1,3}\b", b)
        and (a.split()[-1] + b.split()[0]) in words | {"certification"}
    ]
    assert "certificatio" not in text.split()
    assert broken == []
