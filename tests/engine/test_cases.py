"""Every pack's cases, as data: the bundled 2025 pack's in tests/cases/, each test pack's beside it.

They run through the same code as `python -m desktop pack test`, so a case that passes here passes
for a pack author too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop.engine.cases import Case, cases_beside, load_cases, run_case
from desktop.policy import Pack, load_pack
from desktop.policy.registry import bundled_folder

ROOT = Path(__file__).resolve().parent.parent
CASES_DIR = ROOT / "cases"
TEST_PACKS = ROOT / "packs"


def _suites() -> list[tuple[Path, list[Path]]]:
    suites = [(bundled_folder() / "zhongshan-2025.toml", sorted(CASES_DIR.glob("*.toml")))]
    for pack_path in sorted(TEST_PACKS.glob("*.toml")):
        if not pack_path.name.endswith(".cases.toml"):
            suites.append((pack_path, cases_beside(pack_path)))
    return suites


_PACKS: dict[Path, Pack] = {}


def _params() -> list[Any]:
    params = []
    for pack_path, case_files in _suites():
        for case_file in case_files:
            for case in load_cases(case_file):
                params.append(pytest.param(pack_path, case, id=f"{pack_path.stem}/{case_file.stem}: {case.name}"))
    return params


@pytest.mark.parametrize(("pack_path", "case"), _params())
def test_case(pack_path: Path, case: Case) -> None:
    pack = _PACKS.get(pack_path) or _PACKS.setdefault(pack_path, load_pack(pack_path))
    failures = run_case(pack, case)
    assert not failures, "\n".join(str(f) for f in failures)


def test_every_pack_ships_with_cases() -> None:
    for pack_path, case_files in _suites():
        assert case_files, pack_path.name


def test_every_amount_item_of_every_pack_is_exercised() -> None:
    """Each amount item has at least one case that expects something of it."""
    for pack_path, case_files in _suites():
        pack = load_pack(pack_path)
        checked = {item for path in case_files for case in load_cases(path) for item in case.expect}
        for _, item in pack.items():
            if item.kind == "amount":
                assert item.id in checked, (pack_path.name, item.id)
