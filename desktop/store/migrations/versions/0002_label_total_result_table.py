"""A label per assessment (年度 or scenario), its total in a column, and result snapshots in their own table.

The start page lists thousands of assessments. With the snapshots (some 40 KB of JSON each) inline,
listing 5,000 assessments read 200 MB; now a covering index answers the listing, and a snapshot is
read only when its assessment is opened.

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
assessment_result = sa.table(
    "assessment_result",
    sa.column("assessment_id", sa.Integer),
    sa.column("data", sa.JSON),
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
    op.create_table(
        "assessment_result",
        sa.Column("assessment_id", sa.Integer, nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
        sa.PrimaryKeyConstraint("assessment_id", name="pk_assessment_result"),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessment.id"],
            name="fk_assessment_result_assessment_id_assessment",
            ondelete="CASCADE",
        ),
    )
    connection = op.get_bind()
    rows = connection.execute(sa.select(assessment.c.id, assessment.c.result).where(assessment.c.result.is_not(None)))
    for row_id, snapshot in rows.all():
        connection.execute(sa.insert(assessment_result).values(assessment_id=row_id, data=snapshot))
        total = _total(snapshot)
        if total is not None:
            connection.execute(sa.update(assessment).where(assessment.c.id == row_id).values(total=total))
    with op.batch_alter_table("assessment") as batch:
        batch.drop_column("result")
    op.create_index(
        "ix_assessment_listing",
        "assessment",
        ["enterprise_id", "updated_at", "id", "label", "assessed_on", "status", "total"],
    )


def downgrade() -> None:
    op.drop_index("ix_assessment_listing", table_name="assessment")
    with op.batch_alter_table("assessment") as batch:
        batch.add_column(sa.Column("result", sa.JSON, nullable=True))
    connection = op.get_bind()
    rows = connection.execute(sa.select(assessment_result.c.assessment_id, assessment_result.c.data))
    for row_id, snapshot in rows.all():
        connection.execute(sa.update(assessment).where(assessment.c.id == row_id).values(result=snapshot))
    op.drop_table("assessment_result")
    with op.batch_alter_table("assessment") as batch:
        batch.drop_column("total")
        batch.drop_column("label")
