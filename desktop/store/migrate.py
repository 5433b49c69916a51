"""Bring a database to the newest schema, from code: no alembic.ini, no dependence on the working folder.

The scripts sit beside this file (`migrations/`), so they are found from a checkout and from a
PyInstaller bundle alike (the bundle must carry `desktop/store/migrations/**` as data files,
`.py` sources included, because Alembic loads them by path).
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

from desktop.problems import Problem
from desktop.store.errors import StoreError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
MIGRATION_LOCK = 20250415  # PostgreSQL advisory lock key: the policy's first day, any fixed number would do


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "no migration scripts found"
    return head


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply what is missing. A database from a newer program is refused in words, not damaged."""
    script = ScriptDirectory.from_config(alembic_config())
    target = script.get_current_head() if revision == "head" else revision
    with engine.connect() as connection:
        current = current_revision(connection)
    if current == target:
        return
    _refuse_unknown(script, current)
    with engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            _upgrade_postgresql(connection, script, revision, target)
        elif connection.dialect.name == "sqlite":
            _upgrade_sqlite(connection, script, revision, target)
        else:
            _run(connection, revision)


def _refuse_unknown(script: ScriptDirectory, current: str | None) -> None:
    if current is not None and current not in {rev.revision for rev in script.walk_revisions()}:
        raise StoreError(Problem("store.newer", version=current))


def _run(connection: Connection, revision: str) -> None:
    command.upgrade(alembic_config(connection), revision)
    connection.commit()


def _upgrade_postgresql(connection: Connection, script: ScriptDirectory, revision: str, target: str | None) -> None:
    """Several clerks may start a new version at once against one server: one migrates, the others wait."""
    connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})
    try:
        current = current_revision(connection)
        if current != target:
            _refuse_unknown(script, current)
            _run(connection, revision)
    finally:
        connection.rollback()
        connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK})
        connection.commit()


def _upgrade_sqlite(connection: Connection, script: ScriptDirectory, revision: str, target: str | None) -> None:
    """One transaction holding the write lock: a second copy of the program waits, then finds it done;
    a crash half-way leaves the old schema intact."""
    # SQLite rebuilds a table to alter it; dropping the old copy would fire ON DELETE CASCADE on the
    # rows that refer to it. Foreign keys are off while migrating (the pragma only works outside a
    # transaction), and checked before committing.
    connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
    connection.commit()
    try:
        connection.exec_driver_sql("BEGIN IMMEDIATE")
        current = current_revision(connection)
        if current != target:
            _refuse_unknown(script, current)
            command.upgrade(alembic_config(connection), revision)
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
            if broken:
                raise StoreError(Problem("store.migration_broken", count=len(broken)))
        connection.commit()
    except BaseException:
        connection.rollback()
        raise
    finally:
        connection.exec_driver_sql("PRAGMA foreign_keys = ON")
        connection.commit()
