"""Pack versions are ordered as people number them: 2025.9, then 2025.10."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.policy.registry import install_pack, known_registry
from desktop.policy.versions import version_key
from tests.policy.test_install_pack import modified_pack

# each row in ascending order
ORDERED = [
    ["2025.1", "2025.2", "2025.9", "2025.10", "2025.11", "2026.1"],
    ["2025.01", "2025.1", "2025.02"],  # leading zeros count as the number; the text breaks the tie
    ["2025.1", "2025.1b", "2025.2"],  # a letter after a number comes after the plain number
    ["1", "1.0", "1.0.1", "1.1"],  # more parts come after fewer when the rest is equal
    ["2025-1", "2025-2", "2025-10"],  # dashes separate parts as dots do
]


@pytest.mark.parametrize("ordered", ORDERED, ids=[" < ".join(row) for row in ORDERED])
def test_versions_sort_as_numbered(ordered: list[str]) -> None:
    assert sorted(reversed(ordered), key=version_key) == ordered


@given(st.lists(st.from_regex(r"[0-9]{1,4}([.\-][0-9a-z]{1,3}){0,3}", fullmatch=True), min_size=2, max_size=6))
def test_the_order_is_total_and_does_not_depend_on_the_order_given(versions: list[str]) -> None:
    once = sorted(versions, key=version_key)
    assert sorted(reversed(versions), key=version_key) == once
    keys = [version_key(v) for v in once]
    assert all(a <= b for a, b in pairwise(keys))
    assert len(set(keys)) == len(set(versions))  # equal keys only for equal texts


def test_the_newest_pack_is_2025_10_not_2025_9(tmp_path: Path) -> None:
    install_pack(modified_pack(tmp_path, version="2025.9", cap="450000"))
    install_pack(modified_pack(tmp_path, version="2025.10", cap="420000"))
    registry = known_registry()
    assert registry.get("zhongshan-2025").version == "2025.10"
    assert [p.version for p in registry.all()] == ["2025.3", "2025.9", "2025.10"]
