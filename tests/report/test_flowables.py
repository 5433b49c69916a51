"""The checklist's own flowables: paragraphs broken between words (their lines shared across documents),
texts that flow on with their names."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from desktop.report.flowables import LabelledText, plain_paragraph
from desktop.report.layout import PageDecor, content_width, render, styles
from tests.report.cases import pack

# the pack's own sentences, the text most of a checklist is made of, plus digits and Latin letters
PACK_TEXTS = [
    text
    for measure in pack().measures
    for item in measure.items
    for text in (item.title.zh, item.title.en, item.claim.zh, item.claim.en, item.source)
    if text
]
CHARACTERS = st.sampled_from(sorted(set("".join(PACK_TEXTS)) | set("0123456789,.元 ×=%")))


def _lines(paragraph: Paragraph, width: float) -> tuple[float, list[str]]:
    _, height = paragraph.wrap(width, 10_000)
    lines = paragraph.blPara.lines
    return height, ["".join(words) for _, words in lines]


WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9_'’,.-]*[A-Za-z0-9]|[A-Za-z0-9]")


@settings(max_examples=60, deadline=None)
@given(
    text=st.one_of(st.sampled_from(PACK_TEXTS), st.text(CHARACTERS, min_size=1, max_size=300)),
    width=st.floats(min_value=30 * mm, max_value=180 * mm),
    style=st.sampled_from(["body", "cell", "field", "bullet"]),
    bullet=st.sampled_from([None, "•"]),
)
def test_shared_line_breaking_keeps_words_whole_and_loses_nothing(
    text: str, width: float, style: str, bullet: str | None
) -> None:
    """Lines break between words, never inside one (ReportLab's own CJK splitting filled English lines
    character by character: "certificatio / n"), and between Chinese characters; nothing is lost, every line
    fits unless one word is wider than the line; the shared cache gives the same lines again."""
    text = " ".join(text.split()) or "x"
    fast = plain_paragraph(text, styles()[style], bullet=bullet)
    height, lines = _lines(fast, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    words = set(WORD.findall(text))
    for line in lines:
        for word in WORD.findall(line):
            # a word of the line is a word of the text, or one piece of a word wider than a whole line
            assert word in words or stringWidth(word, styles()[style].fontName, styles()[style].fontSize) > width / 2
    assert height == len(lines) * styles()[style].leading
    again = plain_paragraph(text, styles()[style], bullet=bullet)  # from the cache this time
    assert _lines(again, width) == (height, lines)


def test_an_english_title_in_a_narrow_cell_breaks_between_words() -> None:
    cell = plain_paragraph("Not answered", styles()["cell"])
    assert _lines(cell, 20 * mm - 6)[1] == ["Not", "answered"]  # not "Not answere" / "d"
    title = plain_paragraph("One-off subsidy for first customs AEO certification", styles()["cell"])
    assert all(line.split()[-1] != "certificatio" for line in _lines(title, 30 * mm)[1])


def _decor() -> PageDecor:
    return PageDecor("页眉", "页脚", "程序", lambda page, pages: f"{page}/{pages}", dt.date(2025, 6, 1))


def _labelled(text: str) -> LabelledText:
    return LabelledText("申请内容", styles()["label"], plain_paragraph(text, styles()["field"]))


def _pages(pdf: bytes) -> list[str]:
    return [re.sub(r"\s+", "", page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages]


def test_a_labelled_text_longer_than_a_page_flows_on_with_its_name_once() -> None:
    words = [f"第{n}句申请内容很长很长。" for n in range(400)]
    pdf = render([_labelled("".join(words))], _decor(), title="t", subject="s")
    pages = _pages(pdf)
    assert len(pages) >= 2
    text = "".join(pages)
    assert text.count("申请内容很长") == 400
    assert pages[0].count("申请内容") == 1 + pages[0].count("申请内容很长")  # the name only on the first page
    # nothing lost: the text without the pages' header and footer, which a sentence may straddle
    body = "".join(re.sub(r"页眉页脚\d+/\d+程序$", "", page) for page in pages)
    assert all(word.rstrip("。") in body for word in words)


@pytest.mark.parametrize("lines_above", range(40, 50))
def test_a_labelled_texts_name_never_stays_alone_at_the_foot_of_a_page(lines_above: int) -> None:
    # from plenty of room below the filler to none: the name always stands on the page of the text's start
    filler = [plain_paragraph(f"填充第{n}行", styles()["body"]) for n in range(lines_above)]
    pdf = render([*filler, _labelled("最后一段文字，" * 30)], _decor(), title="t", subject="s")
    pages = _pages(pdf)
    with_name = [n for n, page in enumerate(pages) if "申请内容" in page]
    with_text = [n for n, page in enumerate(pages) if "最后一段文字" in page]
    assert len(with_name) == 1
    assert with_name[0] == with_text[0]


def test_a_labelled_text_is_as_tall_as_its_name_line_and_its_paragraph() -> None:
    item = _labelled("达到数字化二级以上水平的企业，最高按项目投入 50% 给予奖补，最高 100 万元。" * 3)
    width = content_width()
    _, height = item.wrap(width, 10_000)
    _, text_height = plain_paragraph(item.text.text, styles()["field"]).wrap(width, 10_000)
    assert height == styles()["label"].leading + text_height
