"""The applications of an assessment: documents, attached files, claims; amounts received (issues 20, 21).

- `application`: one row per support item of an assessment that has anything recorded: its claim (state,
  dates, reference, amount paid) with a version of its own.
- `application_document`: per document of an application, its state (have / missing / help), note and,
  for a document the clerk added, its title; a version of its own.
- `attachment`: the files attached to a document, in order, with name, type, size, pages, sha256.
- `attachment_content`: the files' bytes, once per content (a copied assessment shares them).
- `received_amount`: amounts an enterprise received that no claim here records.
- `imported_list`: a list the firm already had (invoice summary, equipment list) read in for an assessment.
- `list_mapping`: which column of a firm's own spreadsheet holds what, remembered per enterprise and list.
Every table keeps SQLite from reusing a deleted row's id (AUTOINCREMENT).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_AUTOINCREMENT = {"sqlite_autoincrement": True}


def upgrade() -> None:
    op.create_table(
        "application",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("assessment_id", sa.Integer, nullable=False),
        sa.Column("item_id", sa.String(100), nullable=False),
        sa.Column("claim_state", sa.String(20), nullable=True),
        sa.Column("submitted_on", sa.Date, nullable=True),
        sa.Column("channel", sa.Text, nullable=False, server_default=""),
        sa.Column("reference", sa.Text, nullable=False, server_default=""),
        sa.Column("accepted_on", sa.Date, nullable=True),
        sa.Column("publicized_from", sa.Date, nullable=True),
        sa.Column("publicized_to", sa.Date, nullable=True),
        sa.Column("paid_amount", sa.Numeric(16, 2), nullable=True),
        sa.Column("paid_on", sa.Date, nullable=True),
        sa.Column("reason", sa.Text, nullable=False, server_default=""),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_application"),
        sa.ForeignKeyConstraint(
            ["assessment_id"], ["assessment.id"], name="fk_application_assessment_id_assessment", ondelete="CASCADE"
        ),
        sa.UniqueConstraint("assessment_id", "item_id", name="uq_application_assessment_item"),
        sa.CheckConstraint(
            "claim_state IS NULL OR claim_state IN "
            "('preparing', 'submitted', 'accepted', 'publicized', 'paid', 'rejected', 'no_application')",
            name="ck_application_claim_state",
        ),
        **_AUTOINCREMENT,
    )
    op.create_table(
        "application_document",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("application_id", sa.Integer, nullable=False),
        sa.Column("document_id", sa.String(60), nullable=False),
        sa.Column("title", sa.Text, nullable=False, server_default=""),
        sa.Column("state", sa.String(10), nullable=False, server_default="missing"),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_application_document"),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["application.id"],
            name="fk_application_document_application_id_application",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("application_id", "document_id", name="uq_application_document_application_document"),
        sa.CheckConstraint("state IN ('have', 'missing', 'help')", name="ck_application_document_state"),
        **_AUTOINCREMENT,
    )
    op.create_table(
        "attachment_content",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.PrimaryKeyConstraint("sha256", name="pk_attachment_content"),
    )
    op.create_table(
        "attachment",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_row_id", sa.Integer, nullable=False),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("media_type", sa.String(40), nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("pages", sa.Integer, nullable=False, server_default="1"),
        sa.Column("width", sa.Integer, nullable=False, server_default="0"),
        sa.Column("height", sa.Integer, nullable=False, server_default="0"),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_attachment"),
        sa.ForeignKeyConstraint(
            ["document_row_id"],
            ["application_document.id"],
            name="fk_attachment_document_row_id_application_document",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["sha256"], ["attachment_content.sha256"], name="fk_attachment_sha256_attachment_content"
        ),
        **_AUTOINCREMENT,
    )
    op.create_index("ix_attachment_document_row_id", "attachment", ["document_row_id"])
    op.create_index("ix_attachment_sha256", "attachment", ["sha256"])
    op.create_table(
        "received_amount",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("enterprise_id", sa.Integer, nullable=False),
        sa.Column("policy", sa.String(100), nullable=False),
        sa.Column("item_id", sa.String(100), nullable=False),
        sa.Column("title", sa.Text, nullable=False, server_default=""),
        sa.Column("amount", sa.Numeric(16, 2), nullable=False),
        sa.Column("paid_on", sa.Date, nullable=False),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column("source", sa.Text, nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_received_amount"),
        sa.ForeignKeyConstraint(
            ["enterprise_id"], ["enterprise.id"], name="fk_received_amount_enterprise_id_enterprise", ondelete="CASCADE"
        ),
        **_AUTOINCREMENT,
    )
    op.create_index("ix_received_amount_enterprise_id", "received_amount", ["enterprise_id"])
    op.create_table(
        "imported_list",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("assessment_id", sa.Integer, nullable=False),
        sa.Column("list_id", sa.String(100), nullable=False),
        sa.Column("source_name", sa.Text, nullable=False, server_default=""),
        sa.Column("total", sa.Numeric(16, 2), nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_imported_list"),
        sa.ForeignKeyConstraint(
            ["assessment_id"], ["assessment.id"], name="fk_imported_list_assessment_id_assessment", ondelete="CASCADE"
        ),
        sa.UniqueConstraint("assessment_id", "list_id", name="uq_imported_list_assessment_list"),
        **_AUTOINCREMENT,
    )
    op.create_table(
        "list_mapping",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("enterprise_id", sa.Integer, nullable=False),
        sa.Column("list_id", sa.String(100), nullable=False),
        sa.Column("mapping", sa.JSON, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_list_mapping"),
        sa.ForeignKeyConstraint(
            ["enterprise_id"], ["enterprise.id"], name="fk_list_mapping_enterprise_id_enterprise", ondelete="CASCADE"
        ),
        sa.UniqueConstraint("enterprise_id", "list_id", name="uq_list_mapping_enterprise_list"),
        **_AUTOINCREMENT,
    )


def downgrade() -> None:
    op.drop_table("list_mapping")
    op.drop_table("imported_list")
    op.drop_index("ix_received_amount_enterprise_id", table_name="received_amount")
    op.drop_table("received_amount")
    op.drop_index("ix_attachment_sha256", table_name="attachment")
    op.drop_index("ix_attachment_document_row_id", table_name="attachment")
    op.drop_table("attachment")
    op.drop_table("attachment_content")
    op.drop_table("application_document")
    op.drop_table("application")
