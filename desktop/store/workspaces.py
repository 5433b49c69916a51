"""An association's named workspaces of member firms, kept in the database between sessions.

A member is kept as its answers-file document (`answers_file_to_data`, with the day it was assessed on
filled in) and where it came from; its result is recomputed when the workspace is opened, so a member
always shows what its answers give under the pack they name. Every statement is built by SQLAlchemy with
bound parameters; each public method is one transaction. Not thread-safe: use it from one thread.

A firm put again into the same workspace replaces its earlier member (matched by credit code, else by
name, else by where it came from) where the caller says so; the workspace's version counts the changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from desktop.problems import Problem
from desktop.store.errors import StoreError, existing
from desktop.store.models import WorkspaceMemberRecord, WorkspaceRecord, utc_now
from desktop.workspace.members import member_key

if TYPE_CHECKING:
    from desktop.store.repository import Store


class DuplicateWorkspaceNameError(StoreError):
    """Another workspace already has this name."""


@dataclass(frozen=True)
class WorkspaceSummary:
    id: int
    name: str
    members: int
    version: int
    updated_at: dt.datetime


@dataclass(frozen=True)
class StoredMember:
    id: int
    position: int
    source: str
    data: dict[str, Any]
    added_at: dt.datetime


@dataclass(frozen=True)
class NewMember:
    """A firm to keep: where it came from, its answers document, and the key it is matched by."""

    source: str
    data: dict[str, Any]


def data_key(data: Mapping[str, Any], source: str) -> str:
    """The key of a stored member, the same as the workspace table's (`member_key`)."""
    enterprise = data.get("enterprise") or {}
    return member_key(str(enterprise.get("credit_code") or ""), str(enterprise.get("name") or ""), source)


def _clean(text: str) -> str:
    return text.replace("\x00", "")  # PostgreSQL refuses NUL; no name or file name needs it


class Workspaces:
    """The workspaces of one store's database; writes go through the store's transactions, so a locked,
    read-only or full database is reported in the same words as every other save."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.engine = store.engine

    def _transaction(self) -> AbstractContextManager[Session]:
        return self.store._transaction()  # the store layer's one way to a transaction (same package)

    @staticmethod
    def _workspace(session: Session, workspace_id: int) -> WorkspaceRecord:
        return existing(session, WorkspaceRecord, workspace_id, "workspace")

    @staticmethod
    def _touch(record: WorkspaceRecord) -> None:
        record.version += 1
        record.updated_at = utc_now()

    # -- the workspaces ---------------------------------------------------------------------------------
    def all(self) -> list[WorkspaceSummary]:
        """Every workspace with its number of members, most recently changed first."""
        w, m = WorkspaceRecord.__table__.c, WorkspaceMemberRecord.__table__.c
        stmt = (
            select(w.id, w.name, func.count(m.id), w.version, w.updated_at)
            .select_from(WorkspaceRecord.__table__.outerjoin(WorkspaceMemberRecord.__table__, m.workspace_id == w.id))
            .group_by(w.id, w.name, w.version, w.updated_at)
            .order_by(w.updated_at.desc(), w.id.desc())
        )
        with self._transaction() as session:
            rows = session.execute(stmt).all()
        return [WorkspaceSummary(row[0], row[1], int(row[2]), row[3], row[4]) for row in rows]

    def create(self, name: str) -> int:
        cleaned = _clean(name).strip()
        if not cleaned:
            raise StoreError(Problem("store.workspace_name"))
        with self._transaction() as session:
            if session.scalar(select(WorkspaceRecord.id).where(WorkspaceRecord.name == cleaned)) is not None:
                raise DuplicateWorkspaceNameError(Problem("store.workspace_taken", name=cleaned))
            record = WorkspaceRecord(name=cleaned)
            session.add(record)
            session.flush()
            return record.id

    def rename(self, workspace_id: int, name: str) -> None:
        cleaned = _clean(name).strip()
        if not cleaned:
            raise StoreError(Problem("store.workspace_name"))
        with self._transaction() as session:
            record = self._workspace(session, workspace_id)
            other = session.scalar(select(WorkspaceRecord.id).where(WorkspaceRecord.name == cleaned))
            if other is not None and other != workspace_id:
                raise DuplicateWorkspaceNameError(Problem("store.workspace_taken", name=cleaned))
            record.name = cleaned
            self._touch(record)

    def delete(self, workspace_id: int) -> None:
        """The workspace and its members (the answers files they came from are not touched)."""
        with self._transaction() as session:
            session.delete(self._workspace(session, workspace_id))

    # -- its members --------------------------------------------------------------------------------------
    def members(self, workspace_id: int) -> list[StoredMember]:
        with self._transaction() as session:
            self._workspace(session, workspace_id)
            records = session.scalars(
                select(WorkspaceMemberRecord)
                .where(WorkspaceMemberRecord.workspace_id == workspace_id)
                .order_by(WorkspaceMemberRecord.position, WorkspaceMemberRecord.id)
            ).all()
            return [StoredMember(r.id, r.position, r.source, dict(r.data), r.added_at) for r in records]

    def keys(self, workspace_id: int) -> set[str]:
        """The keys of the firms already in the workspace (to ask before one is replaced)."""
        return {data_key(m.data, m.source) for m in self.members(workspace_id)}

    def put(self, workspace_id: int, members: Sequence[NewMember], *, replace: bool = True) -> tuple[int, int]:
        """Add firms; a firm already there is replaced (`replace`) or left as it was. Returns (added, replaced)."""
        now = utc_now()
        with self._transaction() as session:
            workspace = self._workspace(session, workspace_id)
            existing = session.scalars(
                select(WorkspaceMemberRecord).where(WorkspaceMemberRecord.workspace_id == workspace_id)
            ).all()
            by_key = {data_key(r.data, r.source): r for r in existing}
            position = max((r.position for r in existing), default=-1) + 1
            added = replaced = 0
            for member in members:
                key = data_key(member.data, member.source)
                old = by_key.get(key)
                if old is not None:
                    if replace:
                        old.source, old.data, old.added_at = _clean(member.source), member.data, now
                        replaced += 1
                    continue
                record = WorkspaceMemberRecord(
                    workspace_id=workspace_id, position=position, source=_clean(member.source), data=member.data
                )
                record.added_at = now
                session.add(record)
                by_key[key] = record
                position += 1
                added += 1
            if added or replaced:
                self._touch(workspace)
            return added, replaced

    def clear(self, workspace_id: int) -> None:
        """Remove every member; the workspace itself stays."""
        with self._transaction() as session:
            workspace = self._workspace(session, workspace_id)
            session.execute(delete(WorkspaceMemberRecord).where(WorkspaceMemberRecord.workspace_id == workspace_id))
            self._touch(workspace)
