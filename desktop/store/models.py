"""The tables, as typed declarative models. The schema itself is created by the Alembic migrations."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

DRAFT = "draft"
FINAL = "final"


class UtcDateTime(TypeDecorator[dt.datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out, on SQLite (which keeps no zone) as on PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class EnterpriseRecord(Base):
    __tablename__ = "enterprise"
    # NULL codes when not given: several enterprises may lack a code; no two real firms (nor two training
    # examples) may share one, but a training example never takes a real firm's place (migration 0004).
    __table_args__ = (UniqueConstraint("credit_code", "training"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text, default="")
    credit_code: Mapped[str | None] = mapped_column(String(64))
    training: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    """A training example (文件 → 培训示例): kept apart from real firms, marked wherever it shows."""
    town: Mapped[str] = mapped_column(Text, default="")
    contact: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)
    # Counts changes of the details (migration 0006), as `AssessmentRecord.version` counts saves: every
    # UPDATE says `WHERE version = <the one read>`, so of two writers the second is refused, not applied.
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy's declarative API)

    assessments: Mapped[list[AssessmentRecord]] = relationship(
        back_populates="enterprise", cascade="all, delete-orphan", passive_deletes=True
    )


class AssessmentRecord(Base):
    __tablename__ = "assessment"
    __table_args__ = (
        CheckConstraint("status IN ('draft', 'final')", name="status"),
        Index("ix_assessment_enterprise_id", "enterprise_id"),
        # Covers the start page's listing, so it never reads the (large) answers of 5,000 assessments.
        Index(
            "ix_assessment_listing",
            "enterprise_id",
            "updated_at",
            "id",
            "label",
            "assessed_on",
            "status",
            "total",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    enterprise_id: Mapped[int] = mapped_column(ForeignKey("enterprise.id", ondelete="CASCADE"))
    label: Mapped[str] = mapped_column(Text, default="")
    pack_id: Mapped[str] = mapped_column(String(100))
    pack_version: Mapped[str] = mapped_column(String(50))
    pack_hash: Mapped[str] = mapped_column(String(128))
    assessed_on: Mapped[dt.date | None] = mapped_column(Date)
    # The answers in the answers file's JSON form (money as "1200.00", dates ISO): readable and portable.
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    total: Mapped[Decimal | None] = mapped_column(Numeric(16, 2))
    status: Mapped[str] = mapped_column(String(10), default=DRAFT)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)
    finalised_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    # Counts saves; a save names the version it was based on (optimistic concurrency, migration 0003).
    # The ORM counts it: every UPDATE says `WHERE version = <the one read>`, so of two writers that read
    # the same version, the second updates no row and is refused (StaleDataError), even between the
    # repository's own check and its write.
    version: Mapped[int] = mapped_column(default=1)
    # The application guide the user picked; None: the newest guide of the assessment's pack applies.
    guide_id: Mapped[str | None] = mapped_column(String(200))

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy's declarative API)

    enterprise: Mapped[EnterpriseRecord] = relationship(back_populates="assessments")
    snapshot: Mapped[ResultRecord | None] = relationship(
        back_populates="assessment", cascade="all, delete-orphan", passive_deletes=True
    )
    scenarios: Mapped[list[ScenarioRecord]] = relationship(
        back_populates="assessment",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="ScenarioRecord.position",
    )


class ResultRecord(Base):
    """The frozen result of a finalised assessment, in a table of its own: a snapshot is some 40 KB of
    JSON, and kept inline it made every listing read through all of them."""

    __tablename__ = "assessment_result"

    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"), primary_key=True)
    # `assessment_to_data(result, None)`: both languages, so a finalised result reads the same forever.
    data: Mapped[dict[str, Any]] = mapped_column(JSON)

    assessment: Mapped[AssessmentRecord] = relationship(back_populates="snapshot")


class ScenarioRecord(Base):
    """A named what-if set of answers kept with an assessment; never touches the assessment's own answers
    or its finalised snapshot."""

    __tablename__ = "scenario"
    __table_args__ = (Index("ix_scenario_assessment_id", "assessment_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(default=0)
    # Same JSON form as `AssessmentRecord.answers`.
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)

    assessment: Mapped[AssessmentRecord] = relationship(back_populates="scenarios")


class WorkspaceRecord(Base):
    """An association's named table of member firms, kept between sessions."""

    __tablename__ = "workspace"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)

    members: Mapped[list[WorkspaceMemberRecord]] = relationship(
        back_populates="workspace",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="WorkspaceMemberRecord.position",
    )


class WorkspaceMemberRecord(Base):
    """One member firm of a workspace: the answers-file document it came from (`answers_file_to_data`),
    and where it came from (a file name, or a spreadsheet and row). Its result is recomputed when opened."""

    __tablename__ = "workspace_member"
    __table_args__ = (Index("ix_workspace_member_workspace_id", "workspace_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspace.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(default=0)
    source: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    added_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)

    workspace: Mapped[WorkspaceRecord] = relationship(back_populates="members")


# -- the applications of an assessment (issues 20 and 21) ----------------------------------------------
# Every table below keeps SQLite from handing a deleted row's id to a new one (`sqlite_autoincrement`):
# a window still holding the old id must find nothing, never another firm's record.


class ApplicationRecord(Base):
    """One support item of an assessment as an application: its claim (NULL state: none recorded yet),
    with a version of its own, so that a claim saved in two places is never silently overwritten."""

    __tablename__ = "application"
    __table_args__ = (
        UniqueConstraint("assessment_id", "item_id", name="uq_application_assessment_item"),
        CheckConstraint(
            "claim_state IS NULL OR claim_state IN "
            "('preparing', 'submitted', 'accepted', 'publicized', 'paid', 'rejected', 'no_application')",
            name="claim_state",
        ),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"))
    item_id: Mapped[str] = mapped_column(String(100))
    claim_state: Mapped[str | None] = mapped_column(String(20))
    submitted_on: Mapped[dt.date | None] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(Text, default="")
    reference: Mapped[str] = mapped_column(Text, default="")
    accepted_on: Mapped[dt.date | None] = mapped_column(Date)
    publicized_from: Mapped[dt.date | None] = mapped_column(Date)
    publicized_to: Mapped[dt.date | None] = mapped_column(Date)
    paid_amount: Mapped[Decimal | None] = mapped_column(Numeric(16, 2))
    paid_on: Mapped[dt.date | None] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(default=1)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy's declarative API)

    documents: Mapped[list[ApplicationDocumentRecord]] = relationship(
        back_populates="application", cascade="all, delete-orphan", passive_deletes=True
    )


class ApplicationDocumentRecord(Base):
    """What the clerk recorded of one document of an application: its state and note (a version of its
    own), and, for a document the clerk added, its title."""

    __tablename__ = "application_document"
    __table_args__ = (
        UniqueConstraint("application_id", "document_id", name="uq_application_document_application_document"),
        CheckConstraint("state IN ('have', 'missing', 'help')", name="state"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id", ondelete="CASCADE"))
    document_id: Mapped[str] = mapped_column(String(60))
    title: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(10), default="missing")
    note: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(default=0)
    """Orders the documents the clerk added (listed ones follow the pack's order)."""
    version: Mapped[int] = mapped_column(default=1)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy's declarative API)

    application: Mapped[ApplicationRecord] = relationship(back_populates="documents")
    attachments: Mapped[list[AttachmentRecord]] = relationship(
        back_populates="document",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="AttachmentRecord.position",
    )


class AttachmentRecord(Base):
    """A file attached to a document: what it was called and what it is; its bytes are kept once per
    content (`attachment_content`, by sha256), so a copied assessment shares them."""

    __tablename__ = "attachment"
    __table_args__ = (
        Index("ix_attachment_document_row_id", "document_row_id"),
        Index("ix_attachment_sha256", "sha256"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_row_id: Mapped[int] = mapped_column(ForeignKey("application_document.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(Text)
    media_type: Mapped[str] = mapped_column(String(40))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(ForeignKey("attachment_content.sha256"))
    pages: Mapped[int] = mapped_column(default=1)
    width: Mapped[int] = mapped_column(default=0)
    height: Mapped[int] = mapped_column(default=0)
    added_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)

    document: Mapped[ApplicationDocumentRecord] = relationship(back_populates="attachments")


class AttachmentContentRecord(Base):
    """The bytes of an attached file, once per content; removed when no attachment refers to them."""

    __tablename__ = "attachment_content"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)


class ReceivedRecord(Base):
    """An amount the enterprise received that no claim in this database records (a grant from before the
    program was used, another programme, or one read from an answers file)."""

    __tablename__ = "received_amount"
    __table_args__ = (Index("ix_received_amount_enterprise_id", "enterprise_id"), {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(primary_key=True)
    enterprise_id: Mapped[int] = mapped_column(ForeignKey("enterprise.id", ondelete="CASCADE"))
    policy: Mapped[str] = mapped_column(String(100))
    item_id: Mapped[str] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(Text, default="")
    amount: Mapped[Decimal] = mapped_column(Numeric(16, 2))
    paid_on: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")
    """Where it was recorded from: typed in the window, or the answers file it came with."""
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)


class ImportedListRecord(Base):
    """A list the firm already had (an insurer's premium invoice summary, an equipment list), read in for
    one assessment: the rows that count and those left out with why, and the total that answered the
    pack's question (`desktop.lists`). Kept so that a typed figure that disagrees can be flagged."""

    __tablename__ = "imported_list"
    __table_args__ = (
        UniqueConstraint("assessment_id", "list_id", name="uq_imported_list_assessment_list"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"))
    list_id: Mapped[str] = mapped_column(String(100))
    source_name: Mapped[str] = mapped_column(Text, default="")
    total: Mapped[Decimal] = mapped_column(Numeric(16, 2))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    """The rows read (counted and left out, each with its reason) and the column mapping used."""
    version: Mapped[int] = mapped_column(default=1)
    imported_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy's declarative API)


class ListMappingRecord(Base):
    """Which column of a firm's own spreadsheet holds what (its 金蝶 or 用友 export has its own headers):
    remembered per enterprise and list, so the next year's import needs no choosing."""

    __tablename__ = "list_mapping"
    __table_args__ = (
        UniqueConstraint("enterprise_id", "list_id", name="uq_list_mapping_enterprise_list"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    enterprise_id: Mapped[int] = mapped_column(ForeignKey("enterprise.id", ondelete="CASCADE"))
    list_id: Mapped[str] = mapped_column(String(100))
    mapping: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)


def _ids_never_reused() -> None:
    """Every table keyed by one integer the database generates is declared AUTOINCREMENT on SQLite, which
    otherwise gives the largest id again once its row is deleted (a window holding assessment #3 then
    saved onto another firm's new #3). A table added later gets it here by itself; its migration passes
    `sqlite_autoincrement=True` to `op.create_table` (tests/store/test_migrations.py checks both)."""
    for table in Base.metadata.tables.values():
        keys = list(table.primary_key.columns)
        if len(keys) == 1 and keys[0].autoincrement in (True, "auto") and not keys[0].foreign_keys:
            table.dialect_options["sqlite"]["autoincrement"] = True


_ids_never_reused()
