"""Checklists are rendered once per test session and shared: each takes about 0.1 s."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import cache

import pytest
from pypdf import PdfReader

from desktop.engine import Assessment
from desktop.report import checklist_bytes
from tests.report.cases import all_cases


@dataclass(frozen=True)
class Rendered:
    assessment: Assessment
    pdf: bytes
    pages: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.pages)

    @property
    def flat(self) -> str:
        """All text without any white space: a table cell's wrapped lines read as one string again."""
        return flat(self.text)


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@cache
def rendered(name: str, lang: str = "zh") -> Rendered:
    assessment = all_cases()[name]()
    pdf = checklist_bytes(assessment, "en" if lang == "en" else "zh")
    reader = PdfReader(io.BytesIO(pdf))
    return Rendered(assessment, pdf, tuple(page.extract_text() for page in reader.pages))


@pytest.fixture(params=list(all_cases()))
def any_case(request: pytest.FixtureRequest) -> Rendered:
    return rendered(request.param)
