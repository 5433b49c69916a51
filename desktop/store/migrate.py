"""Bring a database to the newest schema, from code: no alembic.ini, no dependence on the working folder.

The scripts sit beside this file (`migrations/`), so they are found from a checkout and from a
PyInstaller bundle alike (the bundle must carry `desktop/store/migrations/**` as data files,
`.py` sources included, because Alembic loads them by path).
"""

from __future__ import annotations

from pathlib import Path

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from desktop.store.errors import StoreError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


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
    from alembic import command

    script = ScriptDirectory.from_config(alembic_config())
    target = script.get_current_head() if revision == "head" else revision
    with engine.connect() as connection:
        current = current_revision(connection)
    if current == target:
        return
    if current is not None and current not in {rev.revision for rev in script.walk_revisions()}:
        raise StoreError(
            f"这个数据库由更新版本的程序建立（结构版本 {current}），本程序无法打开。请安装最新版本后再打开。"
        )
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # SQLite rebuilds a table to alter it; dropping the old copy would fire ON DELETE CASCADE
            # on the rows that refer to it. Foreign keys are off while migrating, checked afterwards.
            connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
            connection.commit()
        try:
            command.upgrade(alembic_config(connection), revision)
            if sqlite:
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                if broken:
                    connection.rollback()
                    raise StoreError(f"数据库结构升级后有 {len(broken)} 条记录失去了对应的企业或评估，升级未完成。")
            connection.commit()
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys = ON")
                connection.commit()
