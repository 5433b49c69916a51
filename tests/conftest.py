"""Shared fixtures: every test runs with its user data folder and database in a temporary folder."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.paths import DATA_DIR_ENV, DATABASE_URL_ENV
from desktop.policy import Pack, bundled_registry
from desktop.problems import ProblemError
from desktop.wording.problems import Lang, worded

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "resources" / "examples"


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv(DATA_DIR_ENV, str(folder))
    monkeypatch.delenv(DATABASE_URL_ENV, raising=False)
    yield folder


@pytest.fixture(scope="session")
def pack() -> Pack:
    return bundled_registry().get("zhongshan-2025")


def words_of(error: BaseException, lang: Lang = "zh") -> str:
    """What an error says to the user: its problems worded from the catalogue (a library's error: its text)."""
    return worded(error, lang) if isinstance(error, ProblemError) else str(error)


@contextmanager
def raises_saying(
    kind: type[BaseException], match: str, lang: Lang = "zh"
) -> Iterator[pytest.ExceptionInfo[BaseException]]:
    """`pytest.raises(kind, match=...)` for an error that carries problems: the pattern is searched in the
    words the user reads, not in the codes."""
    with pytest.raises(kind) as caught:
        yield caught
    assert re.search(match, words_of(caught.value, lang)), words_of(caught.value, lang)
