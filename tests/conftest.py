"""Shared fixtures: every test runs with its user data folder and database in a temporary folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.paths import DATA_DIR_ENV, DATABASE_URL_ENV
from desktop.policy import Pack, bundled_registry

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
