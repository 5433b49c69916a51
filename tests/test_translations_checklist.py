"""The checklist PDF in English: the pack's English titles, the report's English labels, no Chinese
except what the enterprise itself wrote (its name, town, contact)."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.engine import Assessment, assess_file, read_answers_file
from desktop.policy import Pack, PackRegistry, bundled_registry
from desktop.report import checklist_bytes

EXAMPLES = Path(__file__).resolve().parent.parent / "resources" / "examples"
CHINESE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff01-\uff5e]")
ASSESSED_ON = dt.date(2025, 12, 1)


def _assessment(registry: PackRegistry, name: str) -> Assessment:
    def resolve(policy: str | None, day: dt.date) -> Pack:
        return registry.get(policy) if policy else registry.for_date(day)

    answers_file, pack = read_answers_file(EXAMPLES / f"{name}.json", resolve)
    return assess_file(pack, answers_file, ASSESSED_ON)


def _text(pdf: bytes) -> str:
    """The PDF's text with all white space removed: table cells wrap titles over several lines."""
    pages = PdfReader(io.BytesIO(pdf)).pages
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in pages))


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def registry() -> PackRegistry:
    return bundled_registry()


@pytest.mark.parametrize("example", ["lighting-exporter", "appliance-maker", "small-trader"])
def test_the_english_checklist_has_the_english_titles(registry: PackRegistry, example: str) -> None:
    result = _assessment(registry, example)
    text = _text(checklist_bytes(result, lang="en"))

    assert _squeezed("Foreign-trade support self-assessment checklist") in text
    assert _squeezed(result.pack_title.en) in text
    shown = [*result.with_amounts(), *result.unquantified(), *result.services(), *result.unavailable()]
    assert shown, "the example should list items"
    for item in shown:
        assert item.title.en, f"{item.id} has no English title in the pack"
        assert _squeezed(item.title.en) in text, f"{item.id}: {item.title.en!r} missing from the English checklist"
        assert _squeezed(item.title.zh) not in text


@pytest.mark.parametrize("example", ["lighting-exporter", "appliance-maker", "small-trader"])
def test_the_english_checklist_has_no_chinese_but_the_enterprise_data(registry: PackRegistry, example: str) -> None:
    result = _assessment(registry, example)
    text = _text(checklist_bytes(result, lang="en"))
    enterprise = result.enterprise
    own_words = [enterprise.name, enterprise.town, enterprise.contact, *_typed_texts(registry, example)]
    for own in sorted(own_words, key=len, reverse=True):
        text = text.replace(_squeezed(own), "")
    assert CHINESE.findall(text) == []


def _typed_texts(registry: PackRegistry, name: str) -> list[str]:
    """What the enterprise typed in its answers (a project's country, a patent's title...)."""
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for inner in value.values():
                walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)

    walk(json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))["answers"])
    return [text for text in found if text]


def test_the_chinese_checklist_stays_chinese(registry: PackRegistry) -> None:
    result = _assessment(registry, "lighting-exporter")
    text = _text(checklist_bytes(result, lang="zh"))
    assert _squeezed("企业外贸扶持政策自评清单") in text
    assert all(_squeezed(item.title.zh) in text for item in result.with_amounts())
    assert "Foreign-tradesupport" not in text
