"""The English catalogue covers every text of the window.

A text added to the code without an English translation fails here: lupdate is run over the code into
a copy of the catalogue, and every message of that copy must carry a finished, non-empty translation.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parent.parent
WINDOW_CODE = REPO / "desktop" / "ui"
CATALOGUE = REPO / "resources" / "translations" / "desktop_en.ts"
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
PLACEHOLDER = re.compile(r"\{[a-z_][a-z0-9_]*(?:[:!][^}]*)?\}|%n|%L?[1-9]")


def _load_script() -> ModuleType:
    path = REPO / "scripts" / "update_translations.py"
    spec = importlib.util.spec_from_file_location("update_translations", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


script = _load_script()


def _messages() -> Iterator[tuple[str, str, list[str]]]:
    """(context, source, translations) for every message; numerus messages give one text per form."""
    for context in ET.parse(CATALOGUE).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [form.text or "" for form in translation.iter("numerusform")]
            texts = forms if message.get("numerus") == "yes" else [translation.text or ""]
            yield name, message.findtext("source", ""), texts


def test_the_catalogue_is_english_with_chinese_sources() -> None:
    root = ET.parse(CATALOGUE).getroot()
    assert root.get("language") == "en"
    assert root.get("sourcelanguage") == "zh_CN"
    assert len(list(_messages())) > 100


def test_every_message_in_the_catalogue_is_translated() -> None:
    assert [str(problem) for problem in script.untranslated(CATALOGUE)] == []


def test_no_text_in_the_code_is_missing_from_the_catalogue() -> None:
    """lupdate over desktop/ui into a copy: a new or changed text shows up as unfinished there."""
    problems = script.check("en")
    assert [str(problem) for problem in problems] == [], "run `make update-translations` and translate these"


def test_the_check_notices_a_text_that_is_not_in_the_catalogue(tmp_path: Path) -> None:
    """The check above can fail: an empty catalogue has every text of the code to translate."""
    empty = tmp_path / "desktop_en.ts"
    empty.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        '<TS version="2.1" language="en" sourcelanguage="zh_CN"></TS>\n',
        encoding="utf-8",
    )
    script.lupdate(empty, "en", quiet=True)
    problems = script.untranslated(empty)
    assert len(problems) == len(list(_messages()))
    assert all(problem.why == "marked unfinished" for problem in problems)


@pytest.mark.parametrize(("context", "source", "texts"), list(_messages()), ids=lambda v: str(v)[:30])
def test_translations_are_english_and_keep_the_placeholders(context: str, source: str, texts: list[str]) -> None:
    for text in texts:
        assert not CJK.search(text), f"[{context}] {source!r}: Chinese left in the English text {text!r}"
        # The window's font (Noto Sans SC) draws curly quotes full width: in English they gape.
        assert not re.search("[“”]", text), f"[{context}] {source!r}: use ' or \" in English, not “ ”"
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)) or (
            # English singular forms may spell the number out ("one firm") and drop %n.
            len(texts) > 1 and text == texts[0]
        ), f"[{context}] {source!r}: placeholders differ in {text!r}"


TRANSLATING_CALLS = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}
EXEMPT_MARK = "# i18n:"  # at the end of a line: "# i18n: data, not shown" says why a Chinese literal stays


def _docstrings(tree: ast.AST) -> set[ast.AST]:
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
    }


def _called_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        owner = func.value.id if isinstance(func.value, ast.Name) else ""
        return "re." + func.attr if owner == "re" else func.attr
    return func.id if isinstance(func, ast.Name) else ""


def untranslated_literals(path: Path, root: Path = REPO) -> list[str]:
    """Chinese string literals of a window module that do not go through Qt's translation."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    docstrings = _docstrings(tree)
    found: list[str] = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str) and CJK.search(node.value)):
            continue
        if node in docstrings or EXEMPT_MARK in lines[node.lineno - 1]:
            continue
        ancestor = parents.get(node)
        while ancestor is not None and not (
            isinstance(ancestor, ast.Call)
            and (_called_name(ancestor) in TRANSLATING_CALLS or _called_name(ancestor).startswith("re."))
        ):
            ancestor = parents.get(ancestor)
        if ancestor is None:
            found.append(f"{path.relative_to(root)}:{node.lineno}: {lines[node.lineno - 1].strip()}")
    return sorted(set(found))


def test_every_chinese_text_in_the_window_code_goes_through_translation() -> None:
    """A Chinese literal outside tr()/translate() would stay Chinese in English: wrap it, or mark a line
    that is data rather than a text shown (a unit the parser accepts) with "# i18n: <why>"."""
    found = [line for path in sorted(WINDOW_CODE.rglob("*.py")) for line in untranslated_literals(path)]
    assert found == []


def test_the_literal_check_finds_an_unwrapped_text(tmp_path: Path) -> None:
    module = tmp_path / "sample.py"
    module.write_text(
        "def f(self):\n"
        "    self.setText(self.tr('已翻译'))\n"
        "    self.setText('未翻译')\n"
        "    UNITS = ('万元',)  # i18n: accepted input, not shown\n",
        encoding="utf-8",
    )
    assert untranslated_literals(module, tmp_path) == ["sample.py:3: self.setText('未翻译')"]


def _catalogue_sources() -> set[str]:
    return {source for _context, source, _texts in _messages()}


def translated_literals(path: Path) -> set[str]:
    """The Chinese literals handed to tr()/translate() in a module (also `QObject.tr(widget, "...")`)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and _called_name(node) in TRANSLATING_CALLS:
            texts = [arg.value for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)]
            found.update(text for text in texts if CJK.search(text))
    return found


def test_every_text_handed_to_tr_is_in_the_catalogue() -> None:
    """lupdate sees only calls it understands (a literal context, `self.tr` in a class): a text passed to
    tr() in any other way would never be translated."""
    sources = _catalogue_sources()
    missing = sorted(
        f"{path.relative_to(REPO)}: {text!r}"
        for path in sorted(WINDOW_CODE.rglob("*.py"))
        for text in translated_literals(path)
        if text not in sources
    )
    assert missing == []


def test_every_context_is_a_class_or_a_named_context() -> None:
    """`window.tr("…")` outside the window's class is filed by lupdate under the context "window", but
    looked up under "MainWindow" at run time: such a text is never translated. Use
    `QCoreApplication.translate("MainWindow", "…")` (or the class's own `self.tr`) instead."""
    contexts = {context for context, _source, _texts in _messages()}
    assert sorted(c for c in contexts if not re.fullmatch(r"[A-Z][A-Za-z0-9]*", c)) == []
