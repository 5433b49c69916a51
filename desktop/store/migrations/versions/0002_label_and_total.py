"""A label per assessment (年度 or scenario) and the total kept beside the snapshot.

The start page lists thousands of assessments; reading each total out of its JSON snapshot was the
slow part, so the total gets its own column, filled here from the snapshots already stored.

Revision ID: 0002
Revises: 0001
Create Date: 2025-11-26
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

assessment = sa.table(
    "assessment",
    sa.column("id", sa.Integer),
    sa.column("result", sa.JSON),
    sa.column("total", sa.Numeric(16, 2)),
)


def _total(snapshot: object) -> Decimal | None:
    if not isinstance(snapshot, dict) or snapshot.get("total") is None:
        return None
    try:
        return Decimal(str(snapshot["total"]))
    except InvalidOperation:
        return None


def upgrade() -> None:
    with op.batch_alter_table("assessment") as batch:
        batch.add_column(sa.Column("label", sa.Text, nullable=False, server_default=""))
        batch.add_column(sa.Column("total", sa.Numeric(16, 2), nullable=True))
    connection = op.get_bind()
    rows = connection.execute(sa.select(assessment.c.id, assessment.c.result).where(assessment.c.result.is_not(None)))
    for row_id, snapshot in rows.all():
        total = _total(snapshot)
        if total is not None:
            connection.execute(sa.update(assessment).where(assessment.c.id == row_id).values(total=total))


def downgrade() -> None:
    with op.batch_alter_table("assessment") as batch:
        batch.drop_column("total")
        batch.drop_column("label")
