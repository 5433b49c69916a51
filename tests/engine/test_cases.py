"""The rules of the 2025 pack, case by case, from the data files in tests/cases/."""

from __future__ import annotations

import datetime as dt
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from desktop.engine import assess, validate_answers
from desktop.policy import Pack

CASES_DIR = Path(__file__).resolve().parent.parent / "cases"
DEFAULT_DAY = dt.date(2025, 11, 30)
ITEM_KEYS = {"status", "amount", "cap", "capped", "basis", "steps_contain", "reasons_contain"}


def _load_cases() -> list[Any]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.toml")):
        with path.open("rb") as f:
            for case in tomllib.load(f)["case"]:
                cases.append(pytest.param(case, id=f"{path.stem}: {case['name']}"))
    return cases


def _money(text: str) -> Decimal | None:
    return None if text == "none" else Decimal(text)


@pytest.mark.parametrize("case", _load_cases())
def test_case(case: dict[str, Any], pack: Pack) -> None:
    answers, problems = validate_answers(pack, case.get("answers", {}))
    assert problems == []
    result = assess(pack, answers, assessed_on=case.get("assessed_on", DEFAULT_DAY))
    expect = case["expect"]
    for item_id, wanted in expect.items():
        if not isinstance(wanted, dict):
            continue
        assert set(wanted) <= ITEM_KEYS, f"unknown expectation in {item_id}: {set(wanted) - ITEM_KEYS}"
        item = result.item(item_id)
        if "status" in wanted:
            assert item.status == wanted["status"], item.reasons
        if "amount" in wanted:
            assert item.amount == _money(wanted["amount"])
        if "cap" in wanted:
            assert item.cap == _money(wanted["cap"])
        if "capped" in wanted:
            assert item.capped is wanted["capped"]
        if "basis" in wanted:
            assert item.basis == wanted["basis"]
        steps = " | ".join(s.zh for s in item.steps)
        for fragment in wanted.get("steps_contain", []):
            assert fragment in steps
        reasons = " | ".join(r.zh for r in item.reasons)
        for fragment in wanted.get("reasons_contain", []):
            assert fragment in reasons
    if "total" in expect:
        assert result.total == Decimal(expect["total"])
    if "warnings" in expect:
        assert len(result.warnings) == expect["warnings"]
    for fragment in expect.get("warnings_contain", []):
        assert any(fragment in w.zh for w in result.warnings)


def test_every_amount_rule_has_cases() -> None:
    """Each amount item of the pack is exercised by at least one case file."""
    text = "".join(p.read_text(encoding="utf-8") for p in CASES_DIR.glob("*.toml"))
    for item_id in (
        "aeo",
        "credit_insurance",
        "digital_key_enterprise",
        "digital_project",
        "equipment",
        "overseas_investment_insurance",
        "ip_enforcement",
        "iso56005",
    ):
        assert f"case.expect.{item_id}]" in text
