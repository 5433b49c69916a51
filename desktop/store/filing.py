"""The applications of stored assessments: documents and their files, claims, amounts received.

An assessment's answers say what it could claim; this module keeps what the enterprise does about it:
per item, the documents (state, note, attached files) and the claim (submitted, accepted, 公示, paid).
These change after an assessment is finalised (the filing starts then), so they never touch the
assessment's row, its version or its snapshot: each document and each claim has a version of its own,
and a save names the version it was based on — two users changing one claim, or one document, are never
silently overwritten (`FilingChangedError` carries what is stored now). Two users changing two different
documents of one item both succeed.

Attached files are kept in the same database as the assessment (a shared server shares them, a backup is
one thing), each file's bytes once (`attachment_content`, by sha256): copying an assessment shares them,
and bytes no attachment refers to any more are removed in the same transaction. Adding a file is one
transaction: after a crash it is there whole or not at all. Every public method is one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop.attachments import MAX_ASSESSMENT_BYTES, AttachmentRefusedError, CheckedFile, FileLoader
from desktop.engine.filing import (
    DOCUMENT_STATES,
    Claim,
    DocumentRecord,
    DocumentState,
    FileRef,
    Filing,
    Received,
)
from desktop.engine.filing_file import MAX_NOTE, MAX_TITLE, claim_problems
from desktop.engine.limits import text_problem
from desktop.problems import Listed, Problem, Term
from desktop.quoting import encodable
from desktop.safe_read import size_text
from desktop.store.errors import StoreError, existing, local_time
from desktop.store.models import (
    ApplicationDocumentRecord,
    ApplicationRecord,
    AssessmentRecord,
    AttachmentContentRecord,
    AttachmentRecord,
    EnterpriseRecord,
    ReceivedRecord,
    utc_now,
)

if TYPE_CHECKING:
    from desktop.store.repository import Store


class FilingChangedError(StoreError):
    """A document or claim saved elsewhere since the version this save was based on; nothing was written.
    `theirs` is what is stored now (a DocumentRecord, a Claim, or None where it was removed) and `version`
    its version, to base a deliberate overwrite on."""

    def __init__(self, problem: Problem, theirs: DocumentRecord | Claim | None, version: int | None) -> None:
        super().__init__(problem)
        self.theirs = theirs
        self.version = version


class AttachmentLimitError(StoreError):
    """The assessment's attached files would pass their total limit."""


@dataclass(frozen=True)
class StoredFiling:
    """An assessment's applications as stored, with the versions the next saves are based on."""

    filing: Filing
    document_versions: Mapping[tuple[str, str], int] = field(default_factory=dict)
    """(item, document) → the version of its record; a document never recorded has none."""
    claim_versions: Mapping[str, int] = field(default_factory=dict)
    """item → the version of its application (its claim); an item never recorded has none."""
    attached_bytes: int = 0


HAND_SOURCE = "hand"
"""The `source` of an amount the clerk recorded in the window (one read from an answers file says which)."""
ANSWERS_SOURCE = "答卷 "
"""The `source` of an amount read from an answers file begins so, then the file's name."""


@dataclass(frozen=True)
class StoredReceived:
    id: int
    enterprise_id: int
    received: Received
    source: str
    created_at: dt.datetime


@dataclass(frozen=True)
class ClaimRow:
    """One claim of the progress view across all stored assessments."""

    assessment_id: int
    enterprise_id: int
    enterprise: str
    label: str
    pack_id: str
    assessed_on: dt.date | None
    item_id: str
    claim: Claim
    updated_at: dt.datetime


def _file_ref(a: AttachmentRecord) -> FileRef:
    return FileRef(
        name=a.name,
        stored=a.id,
        media_type=a.media_type,
        size=a.size,
        sha256=a.sha256,
        pages=a.pages,
        added_at=a.added_at,
        width=a.width,
        height=a.height,
    )


def _record(d: ApplicationDocumentRecord) -> DocumentRecord:
    return DocumentRecord(
        state=d.state,  # type: ignore[arg-type]  # the table's check constraint holds it to DocumentState
        note=d.note,
        files=tuple(_file_ref(a) for a in d.attachments),
        title=d.title,
    )


def _claim(r: ApplicationRecord) -> Claim | None:
    if r.claim_state is None:
        return None
    return Claim(
        state=r.claim_state,  # type: ignore[arg-type]  # held to ClaimState by the table's check constraint
        submitted_on=r.submitted_on,
        channel=r.channel,
        reference=r.reference,
        accepted_on=r.accepted_on,
        publicized_from=r.publicized_from,
        publicized_to=r.publicized_to,
        paid_amount=r.paid_amount,
        paid_on=r.paid_on,
        reason=r.reason,
        note=r.note,
    )


def _clean(text: str) -> str:
    return encodable(text.replace("\x00", "")).strip()


class Applications:
    """The applications of the assessments of one store. Not thread-safe: use it from one thread."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # -- lookups --------------------------------------------------------------------------------------
    @staticmethod
    def _assessment(session: Session, assessment_id: int) -> AssessmentRecord:
        return existing(session, AssessmentRecord, assessment_id, "assessment")

    @staticmethod
    def _application(session: Session, assessment_id: int, item_id: str) -> ApplicationRecord | None:
        return session.scalar(
            select(ApplicationRecord).where(
                ApplicationRecord.assessment_id == assessment_id, ApplicationRecord.item_id == item_id
            )
        )

    def _application_or_new(self, session: Session, assessment_id: int, item_id: str) -> ApplicationRecord:
        found = self._application(session, assessment_id, item_id)
        if found is not None:
            return found
        self._assessment(session, assessment_id)
        record = ApplicationRecord(assessment_id=assessment_id, item_id=item_id, updated_at=utc_now())
        session.add(record)
        try:
            session.flush()
        except IntegrityError:  # the assessment was deleted, or the row made by another user a moment ago
            raise StoreError(Problem("store.claim_gone")) from None
        return record

    @staticmethod
    def _document(
        session: Session, application: ApplicationRecord, document_id: str
    ) -> ApplicationDocumentRecord | None:
        return session.scalar(
            select(ApplicationDocumentRecord).where(
                ApplicationDocumentRecord.application_id == application.id,
                ApplicationDocumentRecord.document_id == document_id,
            )
        )

    # -- reading --------------------------------------------------------------------------------------
    def filing(self, assessment_id: int) -> StoredFiling:
        """Everything recorded of the assessment's applications, and the enterprise's amounts received
        elsewhere (other assessments' paid claims, amounts recorded by hand)."""
        with self.store.transaction() as session:
            assessment = self._assessment(session, assessment_id)
            applications = session.scalars(
                select(ApplicationRecord).where(ApplicationRecord.assessment_id == assessment_id)
            ).all()
            documents: dict[str, dict[str, DocumentRecord]] = {}
            claims: dict[str, Claim] = {}
            document_versions: dict[tuple[str, str], int] = {}
            claim_versions: dict[str, int] = {}
            for application in applications:
                claim_versions[application.item_id] = application.version
                claim = _claim(application)
                if claim is not None:
                    claims[application.item_id] = claim
                rows = sorted(application.documents, key=lambda d: (d.position, d.id))
                for row in rows:
                    documents.setdefault(application.item_id, {})[row.document_id] = _record(row)
                    document_versions[(application.item_id, row.document_id)] = row.version
            received = self._history(session, assessment.enterprise_id, assessment_id)
            size = self._attached_bytes(session, assessment_id)
        return StoredFiling(Filing(documents, claims, received), document_versions, claim_versions, size)

    @staticmethod
    def _attached_bytes(session: Session, assessment_id: int) -> int:
        return int(
            session.scalar(
                select(func.coalesce(func.sum(AttachmentRecord.size), 0))
                .join(ApplicationDocumentRecord, AttachmentRecord.document_row_id == ApplicationDocumentRecord.id)
                .join(ApplicationRecord, ApplicationDocumentRecord.application_id == ApplicationRecord.id)
                .where(ApplicationRecord.assessment_id == assessment_id)
            )
            or 0
        )

    @staticmethod
    def _history(session: Session, enterprise_id: int, but: int | None) -> tuple[Received, ...]:
        """The enterprise's amounts received: recorded by hand, and paid claims of its assessments other
        than `but` (an assessment's own claims are no history to itself)."""
        rows = session.scalars(
            select(ReceivedRecord)
            .where(ReceivedRecord.enterprise_id == enterprise_id)
            .order_by(ReceivedRecord.paid_on, ReceivedRecord.id)
        ).all()
        found = [Received(r.policy, r.item_id, r.amount, r.paid_on, r.title, r.note) for r in rows]
        paid = session.execute(
            select(AssessmentRecord.pack_id, ApplicationRecord)
            .join(AssessmentRecord, ApplicationRecord.assessment_id == AssessmentRecord.id)
            .where(
                AssessmentRecord.enterprise_id == enterprise_id,
                ApplicationRecord.claim_state == "paid",
                AssessmentRecord.id != (but if but is not None else -1),
            )
            .order_by(ApplicationRecord.paid_on, ApplicationRecord.id)
        ).all()
        for pack_id, application in paid:
            if application.paid_amount is not None and application.paid_on is not None:
                found.append(
                    Received(
                        pack_id,
                        application.item_id,
                        application.paid_amount,
                        application.paid_on,
                        "",
                        application.reference,
                    )
                )
        return tuple(sorted(found, key=lambda r: r.paid_on))

    def history(self, assessment_id: int) -> tuple[Received, ...]:
        """What the assessment's rules read as "already received" (see `filing`)."""
        with self.store.transaction() as session:
            assessment = self._assessment(session, assessment_id)
            return self._history(session, assessment.enterprise_id, assessment_id)

    def loader(self) -> FileLoader:
        """Attached files as the dossier binds them: checked when they were attached, so read back as they
        were kept (a scan decoded again would cost some 30 ms for nothing)."""

        def load(ref: FileRef) -> CheckedFile:
            if ref.stored is None:
                raise AttachmentRefusedError(Problem("store.file_not_stored"))
            try:
                data = self.attachment_bytes(ref.stored)
            except StoreError as exc:
                raise AttachmentRefusedError(*exc.problems) from None
            return CheckedFile(ref.name, ref.media_type, data, ref.sha256, ref.pages, ref.width, ref.height)

        return load

    def attachment_bytes(self, attachment_id: int) -> bytes:
        with self.store.transaction() as session:
            attachment = existing(session, AttachmentRecord, attachment_id, "attachment")
            content = session.get(AttachmentContentRecord, attachment.sha256)
            if content is None:  # cannot happen while the foreign key holds; said, not crashed on
                raise StoreError(Problem("store.content_not_stored", name=attachment.name))
            return content.data

    # -- documents ------------------------------------------------------------------------------------
    def set_document(
        self,
        assessment_id: int,
        item_id: str,
        document_id: str,
        *,
        state: DocumentState,
        note: str = "",
        title: str = "",
        based_on: int | None,
    ) -> int:
        """Record a document's state and note (and, for one the clerk added, its title), if it is still at
        the version `based_on` (None: never recorded). Returns the new version."""
        if state not in DOCUMENT_STATES:
            raise StoreError(Problem("store.document_state", state=repr(state)))
        for text, limit in ((note, MAX_NOTE), (title, MAX_TITLE)):
            problem = text_problem(text, limit, single_line=False)
            if problem is not None:
                raise StoreError(problem)
        try:
            with self.store.transaction() as session:
                application = self._application_or_new(session, assessment_id, item_id)
                row = self._document(session, application, document_id)
                if row is None:
                    if based_on is not None:
                        raise FilingChangedError(Problem("store.document_deleted"), None, None)
                    row = self._new_document(session, application, document_id)
                elif row.version != based_on:
                    raise self._document_changed(row)
                row.state, row.note, row.title = state, _clean(note), _clean(title)
                row.updated_at = utc_now()
                session.flush()
                return row.version
        except (StaleDataError, IntegrityError):  # another writer committed between our read and our write
            raise self._reread_document(assessment_id, item_id, document_id) from None

    @staticmethod
    def _new_document(
        session: Session, application: ApplicationRecord, document_id: str, state: str = "missing"
    ) -> ApplicationDocumentRecord:
        """A document's record, after the application's others (the order the clerk added them in)."""
        position = session.scalar(
            select(func.max(ApplicationDocumentRecord.position)).where(
                ApplicationDocumentRecord.application_id == application.id
            )
        )
        row = ApplicationDocumentRecord(
            application_id=application.id,
            document_id=document_id,
            state=state,
            position=(position or 0) + 1,
            version=1,
            updated_at=utc_now(),
        )
        session.add(row)
        session.flush()
        return row

    def _document_changed(self, row: ApplicationDocumentRecord) -> FilingChangedError:
        return FilingChangedError(
            Problem("store.document_changed", when=local_time(row.updated_at)), _record(row), row.version
        )

    def _reread_document(self, assessment_id: int, item_id: str, document_id: str) -> FilingChangedError:
        with self.store.transaction() as session:
            application = self._application(session, assessment_id, item_id)
            row = None if application is None else self._document(session, application, document_id)
            if row is None:
                return FilingChangedError(Problem("store.document_modified"), None, None)
            return self._document_changed(row)

    def remove_document(self, assessment_id: int, item_id: str, document_id: str, *, based_on: int) -> None:
        """Forget what was recorded of a document the clerk added, with its files (the window asks first)."""
        with self.store.transaction() as session:
            application = self._application(session, assessment_id, item_id)
            row = None if application is None else self._document(session, application, document_id)
            if row is None:
                return
            if row.version != based_on:
                raise self._document_changed(row)
            hashes = {a.sha256 for a in row.attachments}
            session.delete(row)
            session.flush()
            self._drop_unused_content(session, hashes)

    # -- attached files -------------------------------------------------------------------------------
    def attach(self, assessment_id: int, item_id: str, document_id: str, checked: CheckedFile) -> FileRef:
        """Keep a checked file as the last one of the document (recording the document, still missing, if
        it was not yet). One transaction: after a crash the file is there whole or not at all."""
        with self.store.transaction() as session:
            return _file_ref(self._attach(session, assessment_id, item_id, document_id, checked))

    def _attach(
        self, session: Session, assessment_id: int, item_id: str, document_id: str, checked: CheckedFile
    ) -> AttachmentRecord:
        used = self._attached_bytes(session, assessment_id)
        if used + checked.size > MAX_ASSESSMENT_BYTES:
            raise AttachmentLimitError(
                Problem(
                    "store.attachments_total",
                    total=size_text(used + checked.size),
                    limit=size_text(MAX_ASSESSMENT_BYTES),
                    name=checked.name,
                )
            )
        application = self._application_or_new(session, assessment_id, item_id)
        row = self._document(session, application, document_id) or self._new_document(session, application, document_id)
        if session.get(AttachmentContentRecord, checked.sha256) is None:
            session.add(AttachmentContentRecord(sha256=checked.sha256, size=checked.size, data=checked.data))
        position = session.scalar(
            select(func.max(AttachmentRecord.position)).where(AttachmentRecord.document_row_id == row.id)
        )
        record = AttachmentRecord(
            document_row_id=row.id,
            position=(position or 0) + 1,
            name=checked.name,
            media_type=checked.media_type,
            size=checked.size,
            sha256=checked.sha256,
            pages=checked.pages,
            width=checked.width,
            height=checked.height,
            added_at=utc_now(),
        )
        session.add(record)
        session.flush()
        return record

    def store_filing(
        self,
        session: Session,
        assessment_id: int,
        enterprise_id: int,
        filing: Filing,
        contents: Mapping[tuple[str, str, str], CheckedFile],
        source: str,
    ) -> None:
        """An answers file's documents (states, notes, files already read and checked: `contents` by item,
        document and path), claims and amounts received, into a new assessment — within the caller's
        transaction, so an import is all there or not at all."""
        for item_id, records in filing.documents.items():
            application = self._application_or_new(session, assessment_id, item_id)
            for document_id, record in records.items():
                row = self._new_document(session, application, document_id, record.state)
                row.note, row.title = _clean(record.note), _clean(record.title)
                for ref in record.files:
                    self._attach(
                        session, assessment_id, item_id, document_id, contents[(item_id, document_id, ref.path)]
                    )
        for item_id, claim in filing.claims.items():
            self._write_claim(self._application_or_new(session, assessment_id, item_id), claim)
        for received in filing.received:
            self._add_received(session, enterprise_id, received, source)
        session.flush()

    def remove_attachment(self, attachment_id: int) -> None:
        """Detach a file (one already gone, removed in another window, is no error)."""
        with self.store.transaction() as session:
            record = session.get(AttachmentRecord, attachment_id)
            if record is None:
                return
            digest = record.sha256
            session.delete(record)
            session.flush()
            self._drop_unused_content(session, {digest})

    def move_attachment(self, attachment_id: int, step: int) -> None:
        """Move a file `step` places up (negative) or down among its document's files."""
        with self.store.transaction() as session:
            record = existing(session, AttachmentRecord, attachment_id, "attachment")
            siblings = session.scalars(
                select(AttachmentRecord)
                .where(AttachmentRecord.document_row_id == record.document_row_id)
                .order_by(AttachmentRecord.position, AttachmentRecord.id)
            ).all()
            order = list(siblings)
            index = order.index(record)
            target = max(0, min(len(order) - 1, index + step))
            order.insert(target, order.pop(index))
            for position, sibling in enumerate(order, start=1):
                sibling.position = position

    @staticmethod
    def _drop_unused_content(session: Session, hashes: Iterable[str]) -> None:
        for digest in hashes:
            still = session.scalar(select(func.count()).where(AttachmentRecord.sha256 == digest))
            if not still:
                session.execute(delete(AttachmentContentRecord).where(AttachmentContentRecord.sha256 == digest))

    # -- claims ---------------------------------------------------------------------------------------
    def set_claim(
        self, assessment_id: int, item_id: str, claim: Claim | None, *, based_on: int | None, today: dt.date
    ) -> int:
        """Record where the application stands (None: no claim), if still at the version `based_on` (None:
        the item was never recorded, or had no claim). Refused like an answers file refuses a bad claim."""
        if claim is not None:
            problems = claim_problems(claim, today)
            if problems:
                raise StoreError(
                    Problem("claim.problems", problems=Listed(tuple(p for _field, p in problems), "clauses"))
                )
            for name, limit in (("channel", 100), ("reference", 100), ("reason", MAX_NOTE), ("note", MAX_NOTE)):
                problem = text_problem(getattr(claim, name), limit, single_line=name in ("channel", "reference"))
                if problem is not None:
                    raise StoreError(problem)
        try:
            with self.store.transaction() as session:
                application = self._application(session, assessment_id, item_id)
                if application is None:
                    if based_on is not None:
                        raise FilingChangedError(Problem("store.claim_deleted"), None, None)
                    application = self._application_or_new(session, assessment_id, item_id)
                elif application.version != based_on and not (based_on is None and application.claim_state is None):
                    raise self._claim_changed(application)
                self._write_claim(application, claim)
                session.flush()
                return application.version
        except (StaleDataError, IntegrityError):
            raise self._reread_claim(assessment_id, item_id) from None

    @staticmethod
    def _write_claim(application: ApplicationRecord, given: Claim | None) -> None:
        """The claim's fields, or (None) all of them cleared: no claim recorded."""
        claim = given or Claim()
        application.claim_state = None if given is None else claim.state
        application.submitted_on, application.accepted_on = claim.submitted_on, claim.accepted_on
        application.publicized_from, application.publicized_to = claim.publicized_from, claim.publicized_to
        application.paid_amount, application.paid_on = claim.paid_amount, claim.paid_on
        application.channel, application.reference = _clean(claim.channel), _clean(claim.reference)
        application.reason, application.note = _clean(claim.reason), _clean(claim.note)
        application.updated_at = utc_now()

    def _claim_changed(self, application: ApplicationRecord) -> FilingChangedError:
        theirs = _claim(application)
        state = Term(f"claim_{theirs.state}") if theirs is not None else Term("claim_unrecorded")
        changed = Problem("store.claim_changed", when=local_time(application.updated_at), state=state)
        return FilingChangedError(changed, theirs, application.version)

    def _reread_claim(self, assessment_id: int, item_id: str) -> FilingChangedError:
        with self.store.transaction() as session:
            application = self._application(session, assessment_id, item_id)
            if application is None:
                return FilingChangedError(Problem("store.claim_modified"), None, None)
            return self._claim_changed(application)

    def claims(self) -> list[ClaimRow]:
        """Every recorded claim of every stored assessment, with its firm: the progress view's rows."""
        with self.store.transaction() as session:
            rows = session.execute(
                select(ApplicationRecord, AssessmentRecord, EnterpriseRecord.name)
                .join(AssessmentRecord, ApplicationRecord.assessment_id == AssessmentRecord.id)
                .join(EnterpriseRecord, AssessmentRecord.enterprise_id == EnterpriseRecord.id)
                .where(ApplicationRecord.claim_state.is_not(None))
                .order_by(EnterpriseRecord.name, AssessmentRecord.id, ApplicationRecord.item_id)
            ).all()
            found: list[ClaimRow] = []
            for application, assessment, name in rows:
                claim = _claim(application)
                assert claim is not None
                found.append(
                    ClaimRow(
                        assessment.id,
                        assessment.enterprise_id,
                        name,
                        assessment.label,
                        assessment.pack_id,
                        assessment.assessed_on,
                        application.item_id,
                        claim,
                        application.updated_at,
                    )
                )
            return found

    # -- amounts received recorded by hand ------------------------------------------------------------
    def received_of(self, enterprise_id: int) -> list[StoredReceived]:
        with self.store.transaction() as session:
            rows = session.scalars(
                select(ReceivedRecord)
                .where(ReceivedRecord.enterprise_id == enterprise_id)
                .order_by(ReceivedRecord.paid_on, ReceivedRecord.id)
            ).all()
            return [
                StoredReceived(
                    r.id,
                    r.enterprise_id,
                    Received(r.policy, r.item_id, r.amount, r.paid_on, r.title, r.note),
                    r.source,
                    r.created_at,
                )
                for r in rows
            ]

    def add_received(self, enterprise_id: int, received: Received, source: str = "") -> int | None:
        """Record an amount received; None when the enterprise's history already holds the same one (the
        same pack, item, amount and day: an answers file exported here and imported again)."""
        with self.store.transaction() as session:
            existing(session, EnterpriseRecord, enterprise_id, "enterprise")
            return self._add_received(session, enterprise_id, received, source)

    def _add_received(self, session: Session, enterprise_id: int, received: Received, source: str) -> int | None:
        if received.amount <= Decimal(0):
            raise StoreError(Problem("store.received_positive"))
        key = (received.policy, received.item, received.amount, received.paid_on)
        if any((r.policy, r.item, r.amount, r.paid_on) == key for r in self._history(session, enterprise_id, None)):
            return None
        record = ReceivedRecord(
            enterprise_id=enterprise_id,
            policy=_clean(received.policy),
            item_id=_clean(received.item),
            title=_clean(received.title),
            amount=received.amount,
            paid_on=received.paid_on,
            note=_clean(received.note),
            source=_clean(source),
            created_at=utc_now(),
        )
        session.add(record)
        session.flush()
        return record.id

    def recorded_for(self, assessment_id: int) -> tuple[int, list[StoredReceived]]:
        """The assessment's enterprise and the amounts recorded for it by hand or read from answers files
        (the paid claims of its other assessments are in `history`, changed where they were recorded)."""
        with self.store.transaction() as session:
            enterprise_id = self._assessment(session, assessment_id).enterprise_id
        return enterprise_id, self.received_of(enterprise_id)

    def delete_received(self, received_id: int) -> None:
        with self.store.transaction() as session:
            record = session.get(ReceivedRecord, received_id)
            if record is not None:
                session.delete(record)

    # -- copies ---------------------------------------------------------------------------------------
    @staticmethod
    def copy_documents(session: Session, source_id: int, target_id: int) -> None:
        """The documents recorded for one assessment, with their files (the bytes shared), into another:
        a copy for next year or another scenario starts with what is ready. Claims are not copied: a claim
        is one filing, of one assessment."""
        applications = session.scalars(
            select(ApplicationRecord).where(ApplicationRecord.assessment_id == source_id)
        ).all()
        now = utc_now()
        for application in applications:
            if not application.documents:
                continue
            copy = ApplicationRecord(assessment_id=target_id, item_id=application.item_id, updated_at=now)
            session.add(copy)
            session.flush()
            for row in application.documents:
                new_row = ApplicationDocumentRecord(
                    application_id=copy.id,
                    document_id=row.document_id,
                    title=row.title,
                    state=row.state,
                    note=row.note,
                    position=row.position,
                    updated_at=now,
                )
                session.add(new_row)
                session.flush()
                for a in row.attachments:
                    session.add(
                        AttachmentRecord(
                            document_row_id=new_row.id,
                            position=a.position,
                            name=a.name,
                            media_type=a.media_type,
                            size=a.size,
                            sha256=a.sha256,
                            pages=a.pages,
                            width=a.width,
                            height=a.height,
                            added_at=a.added_at,
                        )
                    )
        session.flush()

    @staticmethod
    def remove_unused_content(session: Session) -> None:
        """After deleting assessments (their attachments cascade): bytes no attachment refers to."""
        used = select(AttachmentRecord.sha256)
        session.execute(delete(AttachmentContentRecord).where(AttachmentContentRecord.sha256.not_in(used)))
