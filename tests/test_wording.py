"""Words at the edge: every problem the program raises is a code of one bilingual catalogue, and in English no
message of the answers-file, pack and guide readers holds a Chinese character beyond the user's own data and
the pack's Chinese-only texts (issue 24)."""

from __future__ import annotations

import ast
import re

import pytest

from desktop.engine import AnswersError
from desktop.engine.answers import parse_answers_data
from desktop.policy import Pack, PackError, load_pack_text
from desktop.policy.guides import GuideError, load_guide_text
from desktop.policy.registry import bundled_folder
from desktop.problems import Problem
from desktop.wording.catalogue import CATALOGUE
from desktop.wording.problems import placeholders, word, words
from tests.conftest import REPO

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff01-\uff5e]")
PACK_FILE = bundled_folder() / "zhongshan-2025.toml"
GUIDE_FILE = REPO / "resources" / "guides" / "zhongshan-2025-training.toml"


# The Excel template's values are typed in Chinese whatever the language (是/否, item names joined by 、, 无):
# its English messages name them.
NAMES_CHINESE_INPUT = {"sheet.item_name", "sheet.yes_no"}


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_every_message_is_said_in_both_languages_with_the_same_values(code: str) -> None:
    zh, en = CATALOGUE[code]
    assert placeholders(zh) == placeholders(en), code
    if code not in NAMES_CHINESE_INPUT:
        assert not CJK.search(re.sub(r"\{[a-z_0-9]+\}", "", en)), en
    if zh.strip():
        assert zh != en or not CJK.search(zh), code


def _raised_codes() -> dict[str, str]:
    """Every code written as the first value of a `Problem(...)` or `Message(...)` in the program."""
    found: dict[str, str] = {}
    for path in sorted((REPO / "desktop").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if "from desktop.problems import" not in text:
            continue
        tree = ast.parse(text)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name in ("Problem", "Message") and isinstance(node.args[0].value, str):
                found[node.args[0].value] = f"{path.relative_to(REPO)}:{node.lineno}"
    return found


def test_every_problem_the_program_raises_has_its_words() -> None:
    codes = _raised_codes()
    assert len(codes) > 100
    assert {code: where for code, where in codes.items() if code not in CATALOGUE} == {}


def _without(text: str, own: list[str]) -> str:
    for word_ in sorted(own, key=len, reverse=True):
        text = text.replace(word_, "")
    return text


def _pack_texts(pack: Pack) -> list[str]:
    """The pack's Chinese texts a message may quote (labels of questions and fields, names of items)."""
    texts = [q.label.zh for q in pack.questions] + [f.label.zh for q in pack.questions for f in q.fields]
    return texts + [c.label.zh for q in pack.questions for c in q.choices]


BROKEN_PACK = [
    ('rule = { fixed = "150000" }', 'rule = { lump_sum = "150000" }'),
    ('rate = "0.30"', 'rate = "-0.30"'),
    ('of = "equipment_purchase_total"', 'of = "equipment_total"'),
    ("valid_to = 2025-12-31", 'valid_to = "2025-13-45"'),
    ("\nconditions = [\n", "\ncondition = [\n"),
]


def test_a_broken_pack_is_refused_in_english_without_a_chinese_word(pack: Pack) -> None:
    text = PACK_FILE.read_text(encoding="utf-8")
    for old, new in BROKEN_PACK:
        assert old in text, old
        text = text.replace(old, new, 1)
    with pytest.raises(PackError) as caught:
        load_pack_text(text.encode("utf-8"), "broken.toml")
    english = words(caught.value.problems, "en")
    assert len(english) >= len(BROKEN_PACK)
    assert [line for line in english if CJK.search(_without(line, _pack_texts(pack)))] == []
    assert [line for line in words(caught.value.problems, "zh") if not CJK.search(line)] == []


BROKEN_GUIDE = [
    ("window = { opens = 2026-11-16, closes = 2026-12-11 }", "window = { opens = 2026-12-11, closes = 2026-11-16 }"),
    ("window = { opens = 2026-09-01, closes = 2026-09-30 }", 'window = { opens = "2026-09-31", closes = 2026-09-30 }'),
    ('item = "equipment"', 'item = "equipment_award"'),
    ('channel = "town_office"', 'channel = "fax"'),
]


def test_a_broken_guide_is_refused_in_english_without_a_chinese_word(pack: Pack) -> None:
    text = GUIDE_FILE.read_text(encoding="utf-8")
    for old, new in BROKEN_GUIDE:
        assert old in text, old
        text = text.replace(old, new, 1)
    with pytest.raises(GuideError) as caught:
        load_guide_text(text.encode("utf-8"), "g.toml", {pack.id: pack})
    english = words(caught.value.problems, "en")
    assert len(english) >= len(BROKEN_GUIDE)
    assert [line for line in english if CJK.search(line)] == []


BROKEN_ANSWERS: list[dict[str, object]] = [
    {"enterprise": {"name": "甲", "credit_code": "123", "phone": 5, "fax": "x"}},
    {"assessed_on": "2025-02-30"},
    {"answers": {"aeo_certified": "maybe", "export_total": "1,200,000", "digital_level": 99}},
    {"answers": {"ip_cases": [{"kind": [], "name": None, "country": None}] * 5}},
    {"answers": {"export_totl": "1"}},
    {"lists": {"machines": {}, "premium_invoices": {"total": "-5", "counted": -1}}},
    {"policy": "foshan-2026"},
]


@pytest.mark.parametrize("change", BROKEN_ANSWERS, ids=[str(sorted(c)) for c in BROKEN_ANSWERS])
def test_a_broken_answers_file_is_refused_in_english_without_a_chinese_word(
    pack: Pack, change: dict[str, object]
) -> None:
    data: dict[str, object] = {
        "format": 1,
        "policy": pack.id,
        "assessed_on": "2025-12-15",
        "enterprise": {"name": "甲公司"},
        "answers": {},
    }
    data.update(change)
    with pytest.raises(AnswersError) as caught:
        parse_answers_data(data, lambda _p, _d: pack)
    problems: list[Problem] = list(caught.value.problems)
    english = words(problems, "en") + words(problems, "en", clerk=True)
    own = ["甲公司", "甲", *_pack_texts(pack)]
    assert english and [line for line in english if CJK.search(_without(line, own))] == []
    assert all(len(word(p, "en")) < 400 for p in problems)
