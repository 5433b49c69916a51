"""The pack language refuses a typo, names where it is, and says it in English too (issue 25)."""

from __future__ import annotations

import ast
import io
import json
import re
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.policy import PackError, load_pack_text
from desktop.policy.guides import GuideError, load_guide_text
from desktop.policy.registry import bundled_folder
from desktop.problems import Problem
from desktop.wording.catalogue import CATALOGUE
from desktop.wording.problems import word, words
from tests.conftest import EXAMPLES, REPO

PACK = bundled_folder() / "zhongshan-2025.toml"
GUIDE = REPO / "resources" / "guides" / "zhongshan-2025-known.toml"
CJK = re.compile("[\u4e00-\u9fff]")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _pack_problems(text: str) -> list[str]:
    with pytest.raises(PackError) as caught:
        load_pack_text(text.encode("utf-8"), "typo.toml")
    return words(caught.value.problems)


def _first_item_with_conditions(text: str) -> str:
    """The pack with its first item's `conditions =` misspelt as `condition =`."""
    assert "\nconditions = [\n" in text
    return text.replace("\nconditions = [\n", "\ncondition = [\n", 1)


def test_an_item_with_condition_for_conditions_is_refused_naming_file_entry_and_key() -> None:
    problems = _pack_problems(_first_item_with_conditions(PACK.read_text(encoding="utf-8")))
    assert problems == [
        "typo.toml: measures[0]（market）.items[0]（exhibitions）.condition: 未知的字段；是否应为 conditions？"
    ]


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (
            'short = "保费"',
            'shrot = "保费"',
            "questions[17]（credit_insurance_premium）.shrot: 未知的字段；是否应为 short？",
        ),
        (
            'period_label = "2025 年度"',
            'period_lable = "2025 年度"',
            "[pack].period_lable: 未知的字段；是否应为 period_label？",
        ),
        (
            'title_en = "Basic conditions"',
            'titel_en = "Basic conditions"',
            "sections[0].titel_en: 未知的字段；是否应为 title_en？",
        ),
        (
            'reading_en = "The tool counts a first certification obtained',
            'readin_en = "The tool counts a first certification obtained',
            "interpretations[0]（aeo_date）.readin_en: 未知的字段；是否应为 reading_en？",
        ),
        ('term = "AEO 认证"', 'trem = "AEO 认证"', "glossary.aeo.trem: 未知的字段；是否应为 term？"),
        (
            'units_en = ["Market Supervision Bureau"',
            'unit_en = ["Market Supervision Bureau"',
            "measures[13]（ip）.unit_en: 未知的字段",
        ),
        ('{ value = "general", label', '{ valeu = "general", label', "choices[0].valeu: 未知的字段；是否应为 value？"),
    ],
)
def test_an_unknown_key_anywhere_in_a_pack_is_refused(before: str, after: str, expected: str) -> None:
    text = PACK.read_text(encoding="utf-8")
    assert before in text
    problems = _pack_problems(text.replace(before, after, 1))
    assert any(expected in p for p in problems), problems


def test_a_guide_with_an_unknown_key_is_refused_naming_file_entry_and_key() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    typo = text.replace(
        'item = "credit_insurance"\ncontact = "commerce"', 'item = "credit_insurance"\ncontacts = "commerce"'
    )
    typo = typo.replace("published_on = ", "publishd_on = ")
    assert typo.count("contacts = ") == 1
    with pytest.raises(GuideError) as caught:
        load_guide_text(typo.encode("utf-8"), "typo-guide.toml", {"zhongshan-2025": _bundled()})
    problems = words(caught.value.problems)
    assert "typo-guide.toml: [guide].publishd_on: 未知的字段；是否应为 published_on？" in problems
    assert "typo-guide.toml: items[4]（credit_insurance）.contacts: 未知的字段；是否应为 contact？" in problems


def _bundled():  # type: ignore[no-untyped-def]
    from desktop.policy import bundled_registry

    return bundled_registry().get("zhongshan-2025")


def test_a_case_file_with_a_misspelt_expectation_suggests_the_right_one(tmp_path: Path) -> None:
    cases = tmp_path / "x.cases.toml"
    cases.write_text(
        '[[case]]\nname = "c"\nanswer = {}\n[case.expect.aeo]\nstatsu = "eligible"\n[case.expect]\ntotl = "0"\n',
        encoding="utf-8",
    )
    code, _, err = run("pack", "test", str(PACK), str(cases))
    assert code == 2
    assert "x.cases.toml: case[0]（c）.answer: 未知的字段；是否应为 answers？" in err
    assert "x.cases.toml: case[0]（c）.expect.aeo.statsu: 未知的期望；是否应为 status？" in err
    assert "x.cases.toml: case[0]（c）.expect.totl: 未知的期望；是否应为 total？" in err
    code, _, err = run("--lang", "en", "pack", "test", str(PACK), str(cases))
    assert "x.cases.toml: case[0] (c).expect.aeo.statsu: unknown expectation; did you mean status?" in err
    assert not CJK.search(err)


def test_pack_check_speaks_english_with_lang_en(tmp_path: Path) -> None:
    typo = tmp_path / "typo.toml"
    typo.write_text(_first_item_with_conditions(PACK.read_text(encoding="utf-8")), encoding="utf-8")
    code, _, err = run("--lang", "en", "pack", "check", str(typo))
    assert code == 2
    assert (
        err
        == "typo.toml: measures[0] (market).items[0] (exhibitions).condition: unknown field; did you mean conditions?\n"
    )


def test_pack_test_speaks_english_with_lang_en(tmp_path: Path) -> None:
    cases = tmp_path / "x.cases.toml"
    cases.write_text(
        '[[case]]\nname = "aeo"\n[case.answers]\naeo_first_certified = false\n'
        '[case.expect.aeo]\nstatus = "eligible"\nsteps_contain = ["定额"]\n',
        encoding="utf-8",
    )
    code, out, _ = run("--lang", "en", "pack", "test", str(PACK), str(cases))
    assert code == 1
    lines = out.splitlines()
    assert lines[-1] == "1 cases, 0 passed, 1 failed"
    assert lines[0].startswith("x.cases.toml: aeo: aeo.status: expected eligible, got not_eligible")
    assert "x.cases.toml: aeo: aeo.steps_contain: expected containing '定额', got" in out


def _codes(path: Path) -> set[str]:
    """The codes of the problems a reader raises: the first argument of each `Problem(...)`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", getattr(node.func, "attr", "")).endswith("Problem")
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    }


def _messages(path: Path) -> list[str]:
    """Every Chinese message a reader can write, its values replaced by a placeholder."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant)}
    inner: set[int] = set()
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            inner.update(id(v) for v in node.values)
    for node in ast.walk(tree):
        if id(node) in docstrings or id(node) in inner:
            continue
        if isinstance(node, ast.JoinedStr):
            text = "".join(v.value if isinstance(v, ast.Constant) else "x1" for v in node.values)  # type: ignore[misc]
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        else:
            continue
        if CJK.search(text):
            found.append(text)
    return found


# Texts of the readers that are not messages: the default names a pack may replace (shown as the pack's own
# words) and the characters a phone number may hold. The folder messages of `copy_into` and the size limits,
# made for either folder, are checked whole below.
NOT_MESSAGES = {
    "记录",
    "每个单位上限",
    " ()+-—–,、/转",
    "第x1条 x1",  # the label of an item in a list-of-items question: the pack's own words
}
COMPOSED = [
    Problem("install.pack_name_taken", name="a.toml", folder="/tmp/p", where=["a.toml"]),
    Problem("install.guide_name_taken", name="a.toml", folder="/tmp/g", where=["a.toml"]),
    Problem("install.pack_folder_unwritable", folder="/tmp/p", reason="Permission denied", where=["a.toml"]),
    Problem("install.guide_folder_unwritable", folder="/tmp/g", reason="No space left on device", where=["a.toml"]),
    Problem("toml.too_large_pack", size="2.0 MB", limit="1.0 MB", where=["a.toml"]),
    Problem("toml.too_large_guide", size="2.0 MB", limit="1.0 MB", where=["a.toml"]),
]
READERS = [
    "desktop/policy/loader.py",
    # every kind of block and every test of a condition reads its own fields: those that can refuse one
    *sorted(
        str(p.relative_to(REPO))
        for folder in ("rules", "conditions")
        for p in (REPO / "desktop" / "policy" / folder).glob("*.py")
        if ".fail(" in p.read_text(encoding="utf-8")
    ),
    "desktop/policy/guides.py",
    "desktop/policy/limits.py",
    "desktop/policy/registry.py",
    "desktop/policy/guide_registry.py",
    "desktop/engine/cases.py",
]


@pytest.mark.parametrize("reader", READERS)
def test_every_message_of_the_pack_guide_and_case_readers_exists_in_english(reader: str) -> None:
    """A reader makes no sentence of its own: each of its messages is a code of the catalogue, said in English
    without a Chinese character."""
    untranslated = [m for m in _messages(REPO / reader) if m not in NOT_MESSAGES and m.strip() not in NOT_MESSAGES]
    assert untranslated == []
    codes = _codes(REPO / reader)
    assert codes, reader
    assert sorted(code for code in codes if code not in CATALOGUE) == []
    assert [code for code in codes if CJK.search(CATALOGUE[code][1])] == []


@pytest.mark.parametrize("message", COMPOSED)
def test_the_folder_messages_exist_in_english(message: Problem) -> None:
    assert CJK.search(word(message, "zh"))
    assert not CJK.search(word(message, "en"))


def test_assess_with_a_pack_file_that_is_not_installed(tmp_path: Path) -> None:
    text = PACK.read_text(encoding="utf-8").replace('id = "zhongshan-2025"', 'id = "zhongshan-draft"', 1)
    draft = tmp_path / "draft.toml"
    draft.write_text(text, encoding="utf-8")
    answers = json.loads((EXAMPLES / "lighting-exporter.json").read_text(encoding="utf-8"))
    answers["policy"] = "zhongshan-draft"
    path = tmp_path / "a.json"
    path.write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")
    code, _, err = run("assess", str(path))
    assert code == 2
    assert "未知的政策包 “zhongshan-draft”" in err
    assert "--pack" in err
    code, out, err = run("assess", str(path), "--pack", str(draft), "--json")
    assert code == 0, err
    assert json.loads(out)["policy"]["id"] == "zhongshan-draft"
    code, _, err = run("--lang", "en", "assess", str(path))
    assert "Hint: to assess with a pack file that was not added, give --pack FILE" in err


def test_batch_with_a_pack_file(tmp_path: Path) -> None:
    text = PACK.read_text(encoding="utf-8").replace('id = "zhongshan-2025"', 'id = "zhongshan-draft"', 1)
    draft = tmp_path / "draft.toml"
    draft.write_text(text, encoding="utf-8")
    out_dir = tmp_path / "out"
    code, _, err = run(
        "batch", str(EXAMPLES / "lighting-exporter.json"), "--out", str(out_dir), "--pack", str(draft), "--jobs", "1"
    )
    assert code == 0, err
    assert any(p.suffix == ".pdf" for p in out_dir.iterdir())
    broken = tmp_path / "broken.toml"
    broken.write_text(_first_item_with_conditions(text), encoding="utf-8")
    code, _, err = run(
        "batch", str(EXAMPLES / "lighting-exporter.json"), "--out", str(tmp_path / "o2"), "--pack", str(broken)
    )
    assert code == 2
    assert (
        "broken.toml: measures[0]（market）.items[0]（exhibitions）.condition: 未知的字段；是否应为 conditions？" in err
    )
