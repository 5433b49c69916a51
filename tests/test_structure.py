"""The shape of the code the developers' guide asks for, checked on the source itself (docs/developers.md).

- The window's parts are given the open assessment; none reads the main window (only the start-up makes it).
- A module a feature needs late is declared at the top with `desktop.later.later` and what it costs; an
  import hidden in a function body says beside it why it must be there (a cycle, one platform, a child
  process).
- A kind of rule block is known by name only in its own module, the table of kinds and the words that say
  its steps (docs/rule-kinds.md): the engine, the opportunities and the window reach it through `Kind`.
- The engine, the policy packs and the words import nothing from Qt; the words need nothing of the engine
  when the program runs (the engine words its results with them: they may name its types only).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from desktop.policy.rules import BLOCKS, FROM_OF

DESKTOP = Path(__file__).resolve().parents[1] / "desktop"
SOURCES = sorted(DESKTOP.rglob("*.py"))


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), str(path))


def _imported_modules(tree: ast.Module) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _name(path: Path) -> str:
    return str(path.relative_to(DESKTOP.parent))


def test_no_window_part_imports_the_main_window_but_the_start_up() -> None:
    readers = [
        _name(path)
        for path in SOURCES
        if path.parent.name == "ui" or "ui" in path.relative_to(DESKTOP).parts
        if "desktop.ui.main_window" in _imported_modules(_tree(path))
    ]
    assert readers == ["desktop/ui/app.py"]


def test_an_import_in_a_function_body_says_why_beside_it() -> None:
    unexplained = []
    for path in SOURCES:
        lines = path.read_text(encoding="utf-8").split("\n")
        for function in ast.walk(_tree(path)):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in ast.walk(function):
                if isinstance(node, (ast.Import, ast.ImportFrom)):
                    line, above = lines[node.lineno - 1], lines[node.lineno - 2].strip()
                    if "#" not in line and not above.startswith("#"):
                        unexplained.append(f"{_name(path)}:{node.lineno}: {line.strip()}")
    assert unexplained == []


def _kinds_named(tree: ast.Module) -> set[str]:
    """The classes of desktop.policy.rules a module imports, and those it defines."""
    named: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("desktop.policy.rules"):
            named.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ClassDef):
            named.add(node.name)
    return named


KINDS = sorted({kind.__name__ for kind in (*BLOCKS.values(), FROM_OF)})


@pytest.mark.parametrize("kind", KINDS)
def test_a_kind_of_block_is_named_in_its_module_the_table_and_its_words_only(kind: str) -> None:
    naming = sorted(_name(path) for path in SOURCES if kind in _kinds_named(_tree(path)))
    assert len(naming) <= 3, naming
    assert "desktop/policy/rules/__init__.py" in naming


@pytest.mark.parametrize("folder", ["engine", "policy", "wording"])
def test_the_engine_the_packs_and_the_words_import_nothing_from_qt(folder: str) -> None:
    qt = [
        _name(path)
        for path in sorted((DESKTOP / folder).rglob("*.py"))
        if any(module.startswith(("PySide6", "desktop.ui")) for module in _imported_modules(_tree(path)))
    ]
    assert qt == []


def _run_time_imports(tree: ast.Module) -> set[str]:
    """The modules a file imports when it is loaded: at its top level, not under `if TYPE_CHECKING`."""
    found: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_the_words_need_nothing_of_the_engine_the_store_or_the_window_when_the_program_runs() -> None:
    reaching = {
        _name(path): sorted(m for m in _run_time_imports(_tree(path)) if m.startswith(UPPER_LAYERS))
        for path in sorted((DESKTOP / "wording").rglob("*.py"))
    }
    assert {name: found for name, found in reaching.items() if found} == {}


UPPER_LAYERS = ("desktop.engine", "desktop.store", "desktop.report", "desktop.workspace", "desktop.ui", "PySide6")
