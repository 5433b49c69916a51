"""Hostile inputs shared by the robustness tests (issue 14), and answers files built from the examples."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.conftest import EXAMPLES

# Texts that Excel or LibreOffice would run as formulas if a cell held them as they are.
FORMULA_PAYLOADS = (
    '=HYPERLINK("http://x","y")',
    "=cmd|' /C calc'!A0",
    '=DDE("cmd";"/C calc";"__DdeLink_60_870516294")',
    "=1+1",
    "+1+1.pdf",
    "@SUM(1+1).pdf",
    "-1+1",
    "\t=1+1",
    "\r=1+1",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def example(name: str = "lighting-exporter") -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    return data


def write_json(folder: Path, name: str, data: object) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def with_premium_null() -> dict[str, Any]:
    """A table record whose money field is null (once an AssertionError deep in the engine)."""
    data = example("appliance-maker")
    data["answers"]["overseas_projects"] = [{"name": "越南工厂", "country": "越南", "premium": None}]
    return data


def nested(depth: int) -> str:
    """An answers document with an array `depth` levels deep (once a RecursionError)."""
    return '{"answers": {"ip_cases": ' + "[" * depth + "]" * depth + "}}"


def with_lone_surrogate() -> str:
    """A name holding a lone surrogate (once a UnicodeEncodeError in the PDF, the database and the CSV)."""
    text = json.dumps(example(), ensure_ascii=True)
    return text.replace("\\u4e2d\\u5c71", "\\ud800\\u5c71", 1)


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)
