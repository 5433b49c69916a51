"""Save versions, the chosen application guide, scenarios of an assessment, and stored workspaces.

- `assessment.version` counts saves: every save names the version it was based on, and a save over a
  newer one (another window, another user of the shared server) is refused instead of silently
  reverting it.
- `assessment.guide_id`: the application guide the user picked for this assessment (NULL: the newest
  guide of the assessment's pack applies).
- `scenario`: named what-if sets of answers kept with an assessment ("若 2026 年购置新生产线"); the
  assessment itself and its finalised snapshot are never touched by them.
- `workspace` / `workspace_member`: an association's member firms, kept between sessions; a member is
  the answers-file document it was imported from (the result is recomputed from it when opened).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("assessment") as batch:
        batch.add_column(sa.Column("version", sa.Integer, nullable=False, server_default="1"))
        batch.add_column(sa.Column("guide_id", sa.String(200), nullable=True))
    op.create_table(
        "scenario",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("assessment_id", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
        sa.Column("answers", sa.JSON, nullable=False),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_scenario"),
        sa.ForeignKeyConstraint(
            ["assessment_id"], ["assessment.id"], name="fk_scenario_assessment_id_assessment", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_scenario_assessment_id", "scenario", ["assessment_id"])
    op.create_table(
        "workspace",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_workspace"),
        sa.UniqueConstraint("name", name="uq_workspace_name"),
    )
    op.create_table(
        "workspace_member",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("workspace_id", sa.Integer, nullable=False),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
        sa.Column("source", sa.Text, nullable=False, server_default=""),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_workspace_member"),
        sa.ForeignKeyConstraint(
            ["workspace_id"], ["workspace.id"], name="fk_workspace_member_workspace_id_workspace", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_workspace_member_workspace_id", "workspace_member", ["workspace_id"])


def downgrade() -> None:
    op.drop_index("ix_workspace_member_workspace_id", table_name="workspace_member")
    op.drop_table("workspace_member")
    op.drop_table("workspace")
    op.drop_index("ix_scenario_assessment_id", table_name="scenario")
    op.drop_table("scenario")
    with op.batch_alter_table("assessment") as batch:
        batch.drop_column("guide_id")
        batch.drop_column("version")
