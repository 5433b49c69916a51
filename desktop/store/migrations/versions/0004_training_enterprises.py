"""Training examples kept apart from real firms: `enterprise.training`.

An example opened from 文件 → 培训示例 becomes an enterprise of its own, marked as training: it is never
merged into a real firm that has the same credit code (a user may well type a code the examples use), and
its invented windows stay out of the start page's calendar and the exported `.ics` unless asked for. The
credit code is unique among real firms and among training ones, not across both.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("enterprise") as batch:
        batch.add_column(sa.Column("training", sa.Boolean, nullable=False, server_default=sa.false()))
        batch.drop_constraint("uq_enterprise_credit_code", type_="unique")
        batch.create_unique_constraint("uq_enterprise_credit_code", ["credit_code", "training"])


def downgrade() -> None:
    with op.batch_alter_table("enterprise") as batch:
        batch.drop_constraint("uq_enterprise_credit_code", type_="unique")
        batch.create_unique_constraint("uq_enterprise_credit_code", ["credit_code"])
        batch.drop_column("training")
