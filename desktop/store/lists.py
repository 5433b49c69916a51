"""Imported lists kept with their assessment, and the column choices remembered per enterprise.

An import (`desktop.lists`) is kept in `imported_list`, one per assessment and list, with a version of its
own: a second import based on an older version (another window, a colleague on the shared server) is
refused with what is stored now (`ListChangedError`), never silently replacing it.

The list also becomes a PDF in the list's columns (`desktop.report.list_pdf`), attached to its document
through `Applications.attach`, like any file the clerk attaches. Which attachment the program made is kept
with the import (its id and sha256): a new import replaces that one file, never one the clerk attached by
hand. The steps, each one transaction: the new PDF is attached; the import is saved (refused: the new PDF
is removed again); the PDF of the import it replaced is removed. A crash between two steps leaves at most
one extra generated PDF attached, never a lost import or a lost file.

The column mapping a firm confirmed is remembered per enterprise and list (`list_mapping`): its 金蝶 export
has the same headers next year. A convenience: the last confirmation wins.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop.attachments import CheckedFile
from desktop.engine.list_totals import ListTotal
from desktop.lists.rows import ListReading, reading_from_data, reading_to_data
from desktop.policy.lists import ListKind
from desktop.problems import Problem
from desktop.store.errors import StoreError, existing, local_time
from desktop.store.filing import Applications
from desktop.store.models import (
    ApplicationDocumentRecord,
    ApplicationRecord,
    AssessmentRecord,
    AttachmentRecord,
    ImportedListRecord,
    ListMappingRecord,
    utc_now,
)

if TYPE_CHECKING:
    from desktop.store.repository import Store


class ListChangedError(StoreError):
    """The list was imported again elsewhere since the version this import was based on; nothing was
    written. `theirs` is what is stored now (None: it was removed)."""

    def __init__(self, problem: Problem, theirs: StoredList | None) -> None:
        super().__init__(problem)
        self.theirs = theirs


@dataclass(frozen=True)
class StoredList:
    list_id: str
    source: str
    total: Decimal
    version: int
    imported_at: dt.datetime
    data: Mapping[str, Any]

    @property
    def reading(self) -> ListReading:
        return reading_from_data(self.data)

    @property
    def attachment_id(self) -> int | None:
        made = self.data.get("attachment")
        return int(made["id"]) if isinstance(made, Mapping) and isinstance(made.get("id"), int) else None

    def as_total(self) -> ListTotal:
        counted, left_out = self.data.get("counted", 0), self.data.get("left_out", 0)
        return ListTotal(self.list_id, self.total, self.source, self.imported_at, int(counted), int(left_out))


def _stored(record: ImportedListRecord) -> StoredList:
    return StoredList(
        record.list_id, record.source_name, record.total, record.version, record.imported_at, dict(record.data)
    )


class ImportedLists:
    """The imported lists of one store. Not thread-safe: use it from one thread."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # -- remembered columns ---------------------------------------------------------------------------------
    def enterprise_of(self, assessment_id: int) -> int:
        with self.store.transaction() as session:
            return existing(session, AssessmentRecord, assessment_id, "assessment").enterprise_id

    def mapping(self, enterprise_id: int, list_id: str) -> dict[str, str]:
        """Per list column, the header the firm's file had for it when the list was last imported."""
        with self.store.transaction() as session:
            record = session.scalar(
                select(ListMappingRecord).where(
                    ListMappingRecord.enterprise_id == enterprise_id, ListMappingRecord.list_id == list_id
                )
            )
            columns = record.mapping.get("columns", {}) if record is not None else {}
            return {str(k): str(v) for k, v in columns.items()} if isinstance(columns, Mapping) else {}

    def remember_mapping(self, enterprise_id: int, list_id: str, columns: Mapping[str, str]) -> None:
        try:
            with self.store.transaction() as session:
                record = session.scalar(
                    select(ListMappingRecord).where(
                        ListMappingRecord.enterprise_id == enterprise_id, ListMappingRecord.list_id == list_id
                    )
                )
                if record is None:
                    record = ListMappingRecord(enterprise_id=enterprise_id, list_id=list_id)
                    session.add(record)
                record.mapping = {"columns": dict(columns)}
                record.updated_at = utc_now()
        except IntegrityError:  # remembered by another window a moment ago: its choice stands
            return

    # -- imports --------------------------------------------------------------------------------------------
    @staticmethod
    def _record(session: Session, assessment_id: int, list_id: str) -> ImportedListRecord | None:
        return session.scalar(
            select(ImportedListRecord).where(
                ImportedListRecord.assessment_id == assessment_id, ImportedListRecord.list_id == list_id
            )
        )

    def get(self, assessment_id: int, list_id: str) -> StoredList | None:
        with self.store.transaction() as session:
            record = self._record(session, assessment_id, list_id)
            return _stored(record) if record is not None else None

    def totals(self, assessment_id: int) -> dict[str, ListTotal]:
        """Every list imported for the assessment, as the answers (and the mismatch check) see it."""
        with self.store.transaction() as session:
            records = session.scalars(
                select(ImportedListRecord).where(ImportedListRecord.assessment_id == assessment_id)
            ).all()
            return {r.list_id: _stored(r).as_total() for r in records}

    def keep(
        self,
        assessment_id: int,
        kind: ListKind,
        reading: ListReading,
        *,
        based_on: int | None,
        pdf: CheckedFile | None = None,
    ) -> StoredList:
        """Keep an import (and attach its PDF), if the stored import is still at version `based_on` (None:
        none was stored). See the module's description for the order of the steps."""
        if reading.list_id != kind.id:
            raise StoreError(Problem("store.list_mismatch", reading=reading.list_id, kind=kind.id))
        applications = Applications(self.store)
        made = applications.attach(assessment_id, kind.item, kind.document, pdf) if pdf is not None else None
        data: dict[str, Any] = reading_to_data(reading) | {"counted": reading.counted, "left_out": reading.left_out}
        if made is not None and made.stored is not None:
            data["attachment"] = {"id": made.stored, "sha256": made.sha256}
        replaced: int | None = None
        try:
            with self.store.transaction() as session:
                existing(session, AssessmentRecord, assessment_id, "assessment")
                record = self._record(session, assessment_id, kind.id)
                if record is None:
                    if based_on is not None:
                        raise ListChangedError(Problem("store.list_deleted"), None)
                    record = ImportedListRecord(assessment_id=assessment_id, list_id=kind.id, version=1)
                    session.add(record)
                elif record.version != based_on:
                    raise self._changed(record)
                else:
                    replaced = _stored(record).attachment_id
                record.source_name = reading.source
                record.total = reading.total
                record.data = data
                record.imported_at = utc_now()
                session.flush()
                kept = _stored(record)
        except (StaleDataError, IntegrityError):  # another import committed between our read and our write
            self._undo(applications, made)
            raise self._reread(assessment_id, kind.id) from None
        except BaseException:
            self._undo(applications, made)
            raise
        if replaced is not None and replaced != kept.attachment_id:
            applications.remove_attachment(replaced)  # the program's own earlier PDF, by its id only
        return kept

    @staticmethod
    def _undo(applications: Applications, made: Any) -> None:
        if made is not None and made.stored is not None:
            applications.remove_attachment(made.stored)

    def _changed(self, record: ImportedListRecord) -> ListChangedError:
        when = local_time(record.imported_at)
        return ListChangedError(Problem("store.list_changed", when=when, source=record.source_name), _stored(record))

    def _reread(self, assessment_id: int, list_id: str) -> ListChangedError:
        with self.store.transaction() as session:
            record = self._record(session, assessment_id, list_id)
            if record is None:
                return ListChangedError(Problem("store.list_modified"), None)
            return self._changed(record)

    @staticmethod
    def keep_totals(session: Session, assessment_id: int, totals: Mapping[str, ListTotal]) -> None:
        """Lists an answers file says were imported (their totals and sources, not their rows): a new
        assessment made from the file keeps where its figures came from."""
        for total in totals.values():
            data = {"list": total.list_id, "source": total.source, "counted": total.counted, "left_out": total.left_out}
            moment = total.imported_at or utc_now()
            session.add(_record(assessment_id, total.list_id, total.source, total.total, data, moment))
        session.flush()

    # -- copies ---------------------------------------------------------------------------------------------
    @staticmethod
    def copy_lists(session: Session, source_id: int, target_id: int) -> None:
        """The imports of one assessment into its copy (after `Applications.copy_documents`): the copy's
        answers hold the same totals, and its generated PDFs stay known as generated (found again by their
        document and content), so a new import in the copy replaces them too."""
        records = session.scalars(select(ImportedListRecord).where(ImportedListRecord.assessment_id == source_id)).all()
        for record in records:
            data = dict(record.data)
            made = data.get("attachment")
            if isinstance(made, Mapping):
                data["attachment"] = _copied_attachment(session, record, target_id, made)
            session.add(_record(target_id, record.list_id, record.source_name, record.total, data, record.imported_at))
        session.flush()


def _record(
    assessment_id: int, list_id: str, source: str, total: Decimal, data: dict[str, Any], moment: dt.datetime
) -> ImportedListRecord:
    return ImportedListRecord(
        assessment_id=assessment_id, list_id=list_id, source_name=source, total=total, data=data, imported_at=moment
    )


def _copied_attachment(
    session: Session, record: ImportedListRecord, target_id: int, made: Mapping[str, Any]
) -> dict[str, Any] | None:
    original = session.get(AttachmentRecord, made.get("id"))
    if original is None:
        return None
    document = original.document
    found = session.scalar(
        select(AttachmentRecord.id)
        .join(ApplicationDocumentRecord, AttachmentRecord.document_row_id == ApplicationDocumentRecord.id)
        .join(ApplicationRecord, ApplicationDocumentRecord.application_id == ApplicationRecord.id)
        .where(
            ApplicationRecord.assessment_id == target_id,
            ApplicationRecord.item_id == document.application.item_id,
            ApplicationDocumentRecord.document_id == document.document_id,
            AttachmentRecord.sha256 == original.sha256,
        )
        .order_by(AttachmentRecord.id.desc())
        .limit(1)
    )
    return {"id": found, "sha256": original.sha256} if found is not None else None


class AssessmentLists:
    """The imported lists of one open assessment, as the window uses them: the firm's remembered columns,
    the stored import (its version is what the next import is based on) and keeping a new one."""

    def __init__(self, store: Store, assessment_id: int) -> None:
        self.lists = ImportedLists(store)
        self.assessment_id = assessment_id
        self._enterprise_id: int | None = None

    @property
    def enterprise_id(self) -> int:
        """Looked up when first needed: opening an assessment asks the database nothing more."""
        if self._enterprise_id is None:
            self._enterprise_id = self.lists.enterprise_of(self.assessment_id)
        return self._enterprise_id

    def remembered(self, list_id: str) -> dict[str, str]:
        return self.lists.mapping(self.enterprise_id, list_id)

    def remember(self, list_id: str, columns: Mapping[str, str]) -> None:
        self.lists.remember_mapping(self.enterprise_id, list_id, columns)

    def stored(self, list_id: str) -> StoredList | None:
        return self.lists.get(self.assessment_id, list_id)

    def keep(
        self, kind: ListKind, reading: ListReading, *, based_on: int | None, pdf: CheckedFile | None
    ) -> StoredList:
        return self.lists.keep(self.assessment_id, kind, reading, based_on=based_on, pdf=pdf)
