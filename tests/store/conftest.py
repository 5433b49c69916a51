"""Every repository test runs against SQLite in a temporary folder, and against PostgreSQL when
`TEST_DATABASE_URL` is set (`.ci/run` starts one). PostgreSQL is wiped before each test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.store import Store, open_store

POSTGRES_URL = os.environ.get("TEST_DATABASE_URL", "")


def wipe_postgres(url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param(
            "postgresql",
            marks=[
                pytest.mark.postgres,
                pytest.mark.skipif(not POSTGRES_URL, reason="TEST_DATABASE_URL is not set"),
            ],
        ),
    ]
)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'assessments.db'}"
    else:
        wipe_postgres(POSTGRES_URL)
        yield POSTGRES_URL
        wipe_postgres(POSTGRES_URL)


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    opened = open_store(database_url)
    yield opened
    opened.close()
