"""Firm details versioned like assessments; ids never reused.

- `enterprise.version` counts the changes of a firm's details. A save of an assessment writes only the
  details its window changed, and only over the values it read: a colleague who renamed the firm in
  the meantime is neither reverted nor overwritten (both changed the same detail: the save is refused
  as a conflict).
- On SQLite every table whose key is an integer the database generates is rebuilt with AUTOINCREMENT:
  SQLite otherwise hands out the largest id again once its row is deleted, so a window that still had
  assessment #3 open saved onto the other firm's assessment that had become #3. PostgreSQL's sequences
  never go back; nothing changes there. A table added later needs `sqlite_autoincrement=True` in its
  `op.create_table` (tests/store/test_migrations.py checks every table of the newest schema).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# The tables made before 0005, parents before children (0005's own tables are AUTOINCREMENT already);
# `assessment_result` is keyed by its assessment, whose id is never reused.
GENERATED_KEYS = ("enterprise", "assessment", "scenario", "workspace", "workspace_member")


def _rebuild(autoincrement: bool) -> None:
    # Batch mode copies each table into a new one declared as asked, with its rows, indexes and
    # constraints; desktop.store.migrate turns foreign keys off meanwhile and checks them after.
    for table in GENERATED_KEYS:
        with op.batch_alter_table(table, recreate="always", table_kwargs={"sqlite_autoincrement": autoincrement}):
            pass


def upgrade() -> None:
    with op.batch_alter_table("enterprise") as batch:
        batch.add_column(sa.Column("version", sa.Integer, nullable=False, server_default="1"))
    if op.get_bind().dialect.name == "sqlite":
        _rebuild(autoincrement=True)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild(autoincrement=False)
    with op.batch_alter_table("enterprise") as batch:
        batch.drop_column("version")
