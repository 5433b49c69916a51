"""The first schema: enterprises and their assessments.

Revision ID: 0001
Revises:
Create Date: 2025-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "enterprise",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("credit_code", sa.String(64), nullable=True),
        sa.Column("town", sa.Text, nullable=False),
        sa.Column("contact", sa.Text, nullable=False),
        sa.Column("phone", sa.Text, nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_enterprise"),
        sa.UniqueConstraint("credit_code", name="uq_enterprise_credit_code"),
    )
    op.create_table(
        "assessment",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("enterprise_id", sa.Integer, nullable=False),
        sa.Column("pack_id", sa.String(100), nullable=False),
        sa.Column("pack_version", sa.String(50), nullable=False),
        sa.Column("pack_hash", sa.String(128), nullable=False),
        sa.Column("assessed_on", sa.Date, nullable=True),
        sa.Column("answers", sa.JSON, nullable=False),
        sa.Column("result", sa.JSON, nullable=True),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finalised_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_assessment"),
        sa.ForeignKeyConstraint(
            ["enterprise_id"],
            ["enterprise.id"],
            name="fk_assessment_enterprise_id_enterprise",
            ondelete="CASCADE",
        ),
        sa.CheckConstraint("status IN ('draft', 'final')", name="ck_assessment_status"),
    )
    op.create_index("ix_assessment_enterprise_id", "assessment", ["enterprise_id"])


def downgrade() -> None:
    op.drop_index("ix_assessment_enterprise_id", table_name="assessment")
    op.drop_table("assessment")
    op.drop_table("enterprise")
