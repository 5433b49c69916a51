"""The repository: everything the window and the command line do with stored enterprises and assessments.

Every statement is built by SQLAlchemy with bound parameters; no SQL is ever assembled from text a
user typed. Each public method is one transaction.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, case, func, or_, select
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from desktop.attachments import AttachmentRefusedError, CheckedFile, files_beside
from desktop.engine import AnswersError, AnswersFile, Assessment, Enterprise, assess_file, read_answers_file
from desktop.engine.answers import answers_file_to_data, validate_answers
from desktop.engine.filing import CLAIM_STATES, DocumentRecord, Filing
from desktop.engine.filing_file import filing_to_data
from desktop.engine.list_totals import list_totals_to_data
from desktop.engine.result import assessment_from_data, assessment_to_data
from desktop.filenames import UniqueNames, safe_stem
from desktop.policy import Pack, PackRegistry
from desktop.problems import Listed, Message, Param, Problem, Term
from desktop.quoting import encodable
from desktop.safe_write import write_bytes, write_text
from desktop.store.errors import (
    AssessmentFinalError,
    ConflictError,
    DuplicateCreditCodeError,
    StoreError,
    StoreLockedError,
    StoreReadOnlyError,
    UnknownRecordError,
    existing,
    local_time,
)
from desktop.store.filing import ANSWERS_SOURCE, Applications
from desktop.store.lists import ImportedLists
from desktop.store.models import (
    DRAFT,
    FINAL,
    ApplicationDocumentRecord,
    ApplicationRecord,
    AssessmentRecord,
    EnterpriseRecord,
    ResultRecord,
    utc_now,
)
from desktop.store.packs import installed_registry, resolver, stored_pack, unloadable_answers
from desktop.store.records import (
    IMPORTED_LABEL,
    TRAINING_LABEL,
    AssessmentKey,
    AssessmentSummary,
    EnterpriseSummary,
    FilingCounts,
    ImportOutcome,
    NameChoice,
    NameDecider,
    OpenedAssessment,
    SaveReceipt,
    StoredAssessment,
    StoredEnterprise,
)
from desktop.store.set_aside import mark_read


def _code(raw: str) -> str | None:
    """The credit code as kept: upper case without spaces, or NULL when none was given."""
    compact = "".join(raw.replace("\x00", "").split()).upper()
    return compact or None


def _clean(text: str) -> str:
    """Text as stored. NUL is dropped: PostgreSQL refuses it, and no name or phone number contains it.
    A lone surrogate (a file name in no valid encoding) becomes U+FFFD: no database driver encodes it."""
    return encodable(text.replace("\x00", ""))


def _cleaned(enterprise: Enterprise) -> Enterprise:
    return Enterprise(
        _clean(enterprise.name),
        _clean(enterprise.credit_code),
        _clean(enterprise.town),
        _clean(enterprise.contact),
        _clean(enterprise.phone),
    )


def _answers_json(answers_file: AnswersFile) -> dict[str, Any]:
    answers = answers_file_to_data(answers_file)["answers"]
    assert isinstance(answers, dict)
    return answers


def _keep_result(record: AssessmentRecord, result: Assessment) -> None:
    """The total for the listing, and the pack it was computed with (every save)."""
    record.total = result.total
    record.pack_id, record.pack_version, record.pack_hash = result.pack_id, result.pack_version, result.pack_hash


def _freeze(record: AssessmentRecord, result: Assessment) -> None:
    """The full result in both languages (finalising, recomputing): some 40 KB, so not on every autosave."""
    _keep_result(record, result)
    data = assessment_to_data(result, None)
    if record.snapshot is None:
        record.snapshot = ResultRecord(data=data)
    else:
        record.snapshot.data = data


def _conflict(theirs: StoredAssessment) -> ConflictError:
    when = local_time(theirs.updated_at)
    code = "store.conflict_final" if theirs.is_final else "store.conflict"
    return ConflictError(Problem(code, when=when), theirs)


def _firm_conflict(theirs: StoredAssessment, details: list[str]) -> ConflictError:
    when = local_time(theirs.updated_at)
    fields = Listed(tuple(Term(f"firm.{field}") for field in details))
    return ConflictError(Problem("store.firm_conflict", fields=fields, when=when), theirs)


def _replaced_error(assessment_id: int) -> UnknownRecordError:
    return UnknownRecordError(Problem("store.replaced", id=assessment_id))


# The firm's details by the words a copy's label keeps them under ("（我填写的联系人：…）": stored data).
FIRM_FIELDS = {
    "name": "企业名称",
    "credit_code": "统一社会信用代码",
    "town": "镇街",
    "contact": "联系人",
    "phone": "电话",
}


def _firm_name(record: EnterpriseRecord) -> Param:
    """An enterprise as a message names it: by its name, or as one without a name."""
    return record.name or Term("firm.no_name")


def _firm(record: EnterpriseRecord) -> Enterprise:
    return Enterprise(record.name, record.credit_code or "", record.town, record.contact, record.phone)


@dataclass(frozen=True)
class _Read:
    """What this store last read or wrote of one assessment: what its next save is based on."""

    version: int
    enterprise_id: int
    created_at: dt.datetime
    """With the id, which record was read: a save never lands on another record that took the same id."""
    firm: Enterprise
    """The firm's details as the window holds them (as read, and with the window's own saved changes):
    a save writes only the details that differ from these, and only over these values."""


def _read_of(record: AssessmentRecord) -> _Read:
    return _Read(record.version, record.enterprise_id, record.created_at, _firm(record.enterprise))


def _final_error() -> AssessmentFinalError:
    return AssessmentFinalError(Problem("store.final"))


def _attached_files(
    path: Path, answers_file: AnswersFile
) -> tuple[dict[tuple[str, str, str], CheckedFile], list[Problem]]:
    """Every file the answers file attaches, read (relative to it, never from outside its folder) and
    checked; a file that cannot be kept is one line naming the answers file, the document and the file."""
    load = files_beside(path)
    contents: dict[tuple[str, str, str], CheckedFile] = {}
    refused: list[Problem] = []
    for item_id, records in answers_file.filing.documents.items():
        for document_id, record in records.items():
            for ref in record.files:
                try:
                    contents[(item_id, document_id, ref.path)] = load(ref)
                except AttachmentRefusedError as exc:
                    where = (_clean(path.name), f"documents.{item_id}.{document_id}")
                    refused.append(Problem("store.attached_file", name=ref.path, problem=exc.problem, where=where))
    return contents, refused


STORED_COLUMNS = tuple(f.name for f in fields(StoredAssessment) if f.name not in ("enterprise", "answers", "snapshot"))
"""The fields of a StoredAssessment that are columns of the assessment table, under the same names."""


def _stored(r: AssessmentRecord) -> StoredAssessment:
    e = r.enterprise
    return StoredAssessment(
        id=r.id,
        enterprise_id=e.id,
        enterprise=Enterprise(e.name, e.credit_code or "", e.town, e.contact, e.phone),
        label=r.label,
        pack_id=r.pack_id,
        pack_version=r.pack_version,
        pack_hash=r.pack_hash,
        assessed_on=r.assessed_on,
        answers=dict(r.answers or {}),
        snapshot=r.snapshot.data if r.snapshot is not None else None,
        total=r.total,
        status=r.status,
        created_at=r.created_at,
        updated_at=r.updated_at,
        finalised_at=r.finalised_at,
        version=r.version,
        guide_id=r.guide_id,
    )


class Store:
    """One database. Not thread-safe: use it from one thread (the window's).

    Optimistic concurrency: the store remembers the version of each assessment it opened or wrote, and
    every later write of that assessment is based on it. If the database holds a newer version (another
    copy of the program, another user of the shared server), the write is refused with ConflictError
    carrying what is stored now; nothing is overwritten.
    """

    def __init__(
        self,
        engine: Engine,
        *,
        notices: Sequence[Message] = (),
        registry: PackRegistry | None = None,
        set_aside: Sequence[Path] = (),
        lasting: bool = True,
    ) -> None:
        self.engine = engine
        self.lasting = lasting
        """False for a store in memory (`desktop.store.database.open_memory_store`): nothing outlives the program."""
        self.notices: list[Message] = list(notices)
        """What the user must read (a damaged file moved aside...): shown until `acknowledge_notices`."""
        self.set_aside: tuple[Path, ...] = tuple(set_aside)
        """The set-aside database files the notices are about."""
        self._registry = registry
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._read: dict[int, _Read] = {}
        """Assessment id -> what this store last read (open) or wrote of it: what its saves are based on."""

    # -- plumbing -----------------------------------------------------------------------------------------
    @property
    def registry(self) -> PackRegistry:
        """The packs used to open and import assessments; the bundled ones plus those the user added."""
        if self._registry is None:
            self._registry = installed_registry()
        return self._registry

    @registry.setter
    def registry(self, registry: PackRegistry) -> None:
        self._registry = registry

    def acknowledge_notices(self) -> None:
        """The user has read the notices: they are not shown again, at this start or any later one."""
        mark_read(self.set_aside)
        self.notices = []

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def transaction(self) -> AbstractContextManager[Session]:
        """One transaction with this store's handling of database errors, for the modules that keep other
        tables of the same database (`desktop.store.scenarios`)."""
        return self._transaction()

    @contextmanager
    def _transaction(self) -> Iterator[Session]:
        try:
            with self._sessions.begin() as session:
                yield session
        except IntegrityError:
            raise
        except OperationalError as exc:
            reason = str(exc.orig).lower()
            if "locked" in reason or "busy" in reason:
                raise StoreLockedError(Problem("store.busy")) from None
            if "readonly" in reason or "read-only" in reason:
                raise StoreReadOnlyError(Problem("store.read_only")) from None
            if "full" in reason:
                raise StoreError(Problem("store.disk_full")) from None
            if self.dialect != "sqlite":
                raise StoreError(Problem("store.connection", reason=str(exc.orig))) from None
            raise StoreError(Problem("store.failed", reason=str(exc.orig))) from None
        except DBAPIError as exc:
            raise StoreError(Problem("store.failed", reason=str(exc.orig))) from None

    @staticmethod
    def _assessment(session: Session, assessment_id: int) -> AssessmentRecord:
        return existing(session, AssessmentRecord, assessment_id, "assessment")

    @staticmethod
    def _enterprise(session: Session, enterprise_id: int) -> EnterpriseRecord:
        return existing(session, EnterpriseRecord, enterprise_id, "enterprise")

    # -- the start page -----------------------------------------------------------------------------------
    def listing(self, search: str = "") -> list[EnterpriseSummary]:
        """Enterprises (by name) with their assessments (newest first); `search` matches name or credit code.

        Core, not ORM, and only the shown columns: this is the one query that reads every row, and the
        index `ix_assessment_listing` answers it without touching the assessment rows themselves."""
        e, a = EnterpriseRecord.__table__.c, AssessmentRecord.__table__.c
        stmt = (
            select(
                e.id, e.name, e.credit_code, e.training, a.id, a.label, a.assessed_on, a.status, a.total, a.updated_at
            )
            .select_from(EnterpriseRecord.__table__.outerjoin(AssessmentRecord.__table__, a.enterprise_id == e.id))
            .order_by(e.name, e.id, a.updated_at.desc(), a.id.desc())
        )
        term = search.strip()
        if term:
            stmt = stmt.where(
                or_(
                    e.name.icontains(term, autoescape=True),
                    e.credit_code.icontains("".join(term.split()), autoescape=True),
                )
            )
        try:
            with self.engine.connect() as connection:
                rows = connection.execute(stmt).all()
        except DBAPIError as exc:
            raise StoreError(Problem("store.cannot_read", reason=str(exc.orig))) from None
        filing = self._filing_counts()
        result: list[EnterpriseSummary] = []
        current: tuple[int, str, str] | None = None
        training = False
        items: list[AssessmentSummary] = []
        for row in rows:
            if current is None or current[0] != row[0]:
                if current is not None:
                    result.append(EnterpriseSummary(*current, assessments=tuple(items), training=training))
                current, training, items = (row[0], row[1], row[2] or ""), bool(row[3]), []
            if row[4] is not None:
                items.append(AssessmentSummary(row[4], row[5], row[6], row[7], row[8], row[9], filing.get(row[4])))
        if current is not None:
            result.append(EnterpriseSummary(*current, assessments=tuple(items), training=training))
        return result

    def _filing_counts(self) -> dict[int, FilingCounts]:
        """Per assessment something was recorded for: its documents recorded and ready, its claims by state.
        Two grouped queries over the application tables, which hold rows only for the few assessments a
        clerk has started on (not one row per assessment)."""
        ap, d = ApplicationRecord.__table__.c, ApplicationDocumentRecord.__table__.c
        joined = ApplicationRecord.__table__.join(ApplicationDocumentRecord.__table__, d.application_id == ap.id)
        documents = (
            select(
                ap.assessment_id,
                func.count(d.id),
                func.sum(case((d.state == "have", 1), else_=0)),
                func.sum(case((d.state == "help", 1), else_=0)),
            )
            .select_from(joined)
            .group_by(ap.assessment_id)
        )
        claims = (
            select(ap.assessment_id, ap.claim_state, func.count(ap.id))
            .where(ap.claim_state.is_not(None))
            .group_by(ap.assessment_id, ap.claim_state)
        )
        try:
            with self.engine.connect() as connection:
                counted = {
                    row[0]: (int(row[1]), int(row[2] or 0), int(row[3] or 0)) for row in connection.execute(documents)
                }
                states: dict[int, dict[str, int]] = {}
                for assessment_id, state, count in connection.execute(claims):
                    states.setdefault(assessment_id, {})[state] = int(count)
        except DBAPIError as exc:
            raise StoreError(Problem("store.cannot_read", reason=str(exc.orig))) from None
        order: dict[str, int] = {state: index for index, state in enumerate(CLAIM_STATES)}
        return {
            assessment_id: FilingCounts(
                documents=counted.get(assessment_id, (0, 0, 0))[0],
                have=counted.get(assessment_id, (0, 0, 0))[1],
                claims=tuple(
                    sorted(states.get(assessment_id, {}).items(), key=lambda pair: order.get(pair[0], len(order)))
                ),
                help=counted.get(assessment_id, (0, 0, 0))[2],
            )
            for assessment_id in counted.keys() | states.keys()
        }

    def assessment_keys(self) -> list[AssessmentKey]:
        """Every assessment's id, version, pack, date, status, picked guide and firm, in one light query (no
        answers, no snapshot): what the calendar needs to know which assessments to compute."""
        e, a = EnterpriseRecord.__table__.c, AssessmentRecord.__table__.c
        stmt = (
            select(
                a.id,
                a.version,
                a.pack_id,
                a.pack_version,
                a.pack_hash,
                a.assessed_on,
                a.status,
                a.guide_id,
                e.name,
                e.credit_code,
                e.training,
            )
            .select_from(AssessmentRecord.__table__.join(EnterpriseRecord.__table__, a.enterprise_id == e.id))
            .order_by(a.id)
        )
        try:
            with self.engine.connect() as connection:
                rows = connection.execute(stmt).all()
        except DBAPIError as exc:
            raise StoreError(Problem("store.cannot_read", reason=str(exc.orig))) from None
        return [
            AssessmentKey(a_id, version, pack, ver, digest, day, status, guide, name, code or "", bool(training))
            for a_id, version, pack, ver, digest, day, status, guide, name, code, training in rows
        ]

    def assessments(self, ids: Sequence[int]) -> list[StoredAssessment]:
        """These assessments with their enterprises and answers, a few hundred per query; their result
        snapshots are not read (`snapshot` is None: `get` brings a finalised one's). Ids no longer stored
        are left out."""
        e, a = EnterpriseRecord.__table__.c, AssessmentRecord.__table__.c
        firm_columns = (e.name.label("e_name"), e.credit_code.label("e_code"), e.town, e.contact, e.phone)
        joined = AssessmentRecord.__table__.join(EnterpriseRecord.__table__, a.enterprise_id == e.id)
        wanted = list(ids)
        found: list[StoredAssessment] = []
        try:
            with self.engine.connect() as connection:
                for start in range(0, len(wanted), 500):
                    stmt = select(*a, *firm_columns).select_from(joined).where(a.id.in_(wanted[start : start + 500]))
                    for row in connection.execute(stmt.order_by(a.id)).mappings():
                        firm = Enterprise(row["e_name"], row["e_code"] or "", row["town"], row["contact"], row["phone"])
                        columns = {name: row[name] for name in STORED_COLUMNS}
                        answers = dict(row["answers"] or {})
                        found.append(StoredAssessment(**columns, enterprise=firm, answers=answers, snapshot=None))
        except DBAPIError as exc:
            raise StoreError(Problem("store.cannot_read", reason=str(exc.orig))) from None
        return found

    def counts(self) -> tuple[int, int]:
        """(enterprises, assessments)."""
        with self._transaction() as session:
            enterprises = session.scalar(select(func.count()).select_from(EnterpriseRecord)) or 0
            assessments = session.scalar(select(func.count()).select_from(AssessmentRecord)) or 0
        return enterprises, assessments

    # -- enterprises -------------------------------------------------------------------------------------
    @staticmethod
    def _holder(session: Session, code: str | None, training: bool = False) -> EnterpriseRecord | None:
        """The enterprise registered under this code: among real firms, or among training examples (the two
        never meet: an example opened for a training never takes a real firm's record, or its windows)."""
        if code is None:
            return None
        wanted = select(EnterpriseRecord).where(EnterpriseRecord.credit_code == code)
        return session.scalar(wanted.where(EnterpriseRecord.training.is_(training)))

    def _check_code_free(self, session: Session, code: str | None, own_id: int | None, training: bool = False) -> None:
        other = self._holder(session, code, training)
        if other is not None and other.id != own_id:
            raise DuplicateCreditCodeError(
                Problem("store.code_taken", code=code or "", name=_firm_name(other)), other.id
            )

    def create_enterprise(self, enterprise: Enterprise, notes: str = "") -> int:
        with self._transaction() as session:
            code = _code(enterprise.credit_code)
            self._check_code_free(session, code, None)
            record = EnterpriseRecord(
                name=_clean(enterprise.name),
                credit_code=code,
                town=_clean(enterprise.town),
                contact=_clean(enterprise.contact),
                phone=_clean(enterprise.phone),
                notes=_clean(notes),
            )
            session.add(record)
            session.flush()
            return record.id

    def update_enterprise(self, enterprise_id: int, enterprise: Enterprise, notes: str | None = None) -> None:
        with self._transaction() as session:
            record = self._enterprise(session, enterprise_id)
            code = _code(enterprise.credit_code)
            self._check_code_free(session, code, enterprise_id, record.training)
            record.name, record.credit_code = _clean(enterprise.name), code
            record.town, record.contact, record.phone = map(
                _clean, (enterprise.town, enterprise.contact, enterprise.phone)
            )
            if notes is not None:
                record.notes = _clean(notes)
            record.updated_at = utc_now()

    def get_enterprise(self, enterprise_id: int) -> StoredEnterprise:
        with self._transaction() as session:
            r = self._enterprise(session, enterprise_id)
            enterprise = Enterprise(r.name, r.credit_code or "", r.town, r.contact, r.phone)
            return StoredEnterprise(r.id, enterprise, r.notes, r.created_at, r.updated_at)

    def find_enterprise(self, credit_code: str, *, training: bool = False) -> int | None:
        """The real firm (or, with `training`, the training example) registered under this code."""
        with self._transaction() as session:
            found = self._holder(session, _code(credit_code), training)
            return found.id if found is not None else None

    def delete_enterprise(self, enterprise_id: int) -> None:
        """The enterprise and all its assessments."""
        with self._transaction() as session:
            session.delete(self._enterprise(session, enterprise_id))
            session.flush()
            Applications.remove_unused_content(session)  # the files its assessments' documents held

    # -- assessments --------------------------------------------------------------------------------------
    def new_assessment(
        self,
        enterprise_id: int,
        pack: Pack,
        *,
        assessed_on: dt.date | None = None,
        label: str = "",
        answers_file: AnswersFile | None = None,
        result: Assessment | None = None,
    ) -> int:
        with self._transaction() as session:
            enterprise = self._enterprise(session, enterprise_id)
            record = AssessmentRecord(
                enterprise=enterprise,
                label=label,
                pack_id=pack.id,
                pack_version=pack.version,
                pack_hash=pack.hash,
                assessed_on=assessed_on or (answers_file.assessed_on if answers_file else None),
                answers=_answers_json(answers_file) if answers_file else {},
                guide_id=answers_file.guide if answers_file else None,
                status=DRAFT,
            )
            if result is not None:
                _keep_result(record, result)
            session.add(record)
            session.flush()
            self._read[record.id] = _read_of(record)
            return record.id

    def new_for_enterprise(
        self, enterprise: Enterprise, pack: Pack, *, assessed_on: dt.date | None = None, label: str = ""
    ) -> tuple[int, int, bool]:
        """A new draft for this enterprise: the stored one with the same credit code, else a new one.

        Returns (enterprise id, assessment id, whether an existing enterprise was matched)."""
        existing = self.find_enterprise(enterprise.credit_code)
        enterprise_id = existing if existing is not None else self.create_enterprise(enterprise)
        assessment_id = self.new_assessment(enterprise_id, pack, assessed_on=assessed_on, label=label)
        return enterprise_id, assessment_id, existing is not None

    def get(self, assessment_id: int) -> StoredAssessment:
        with self._transaction() as session:
            return _stored(self._assessment(session, assessment_id))

    def based_on(self, assessment_id: int) -> int | None:
        """The version this store's next save of the assessment is based on (None: not opened here)."""
        read = self._read.get(assessment_id)
        return read.version if read is not None else None

    def open(self, assessment_id: int) -> OpenedAssessment:
        """Typed answers and the pack to fill them in with. A finalised one brings its frozen result.

        From now on this store's saves of the assessment are based on the version read here."""
        stored = self.get(assessment_id)
        self._read[assessment_id] = _Read(stored.version, stored.enterprise_id, stored.created_at, stored.enterprise)
        pack, problems = stored_pack(self.registry, stored.pack_id, stored.pack_version, stored.assessed_on)
        notes: list[Message] = []
        answers, answer_problems = validate_answers(pack, stored.answers, notes=notes)
        if answer_problems:
            problems.append(Problem("store.answers_not_loaded"))
            problems.extend(answer_problems)
        snapshot = assessment_from_data(stored.snapshot) if stored.snapshot and stored.is_final else None
        lists = ImportedLists(self).totals(assessment_id)  # where answers came from, for the mismatch check
        answers_file = AnswersFile(
            stored.enterprise, answers, pack.id, stored.assessed_on, stored.guide_id, lists=lists
        )
        if notes and stored.is_final:
            notes = []  # its result is frozen as it was; nothing to check item by item
        elif notes:
            self._carry_over(assessment_id, answers_file)
        return OpenedAssessment(stored, answers_file, pack, snapshot, tuple(problems), tuple(notes))

    def _carry_over(self, assessment_id: int, answers_file: AnswersFile) -> None:
        """Store answers an older program wrote in the form of the questions that replaced them, once: the
        user is told when it happens, and never again. Another writer first: it happens at their next opening."""
        try:
            with self._versioned(assessment_id, None) as (_session, record):
                record.answers = {**self._unloadable(record), **_answers_json(answers_file)}
                record.updated_at = utc_now()
        except ConflictError:
            pass

    def save_draft(
        self,
        assessment_id: int,
        answers_file: AnswersFile,
        result: Assessment | None = None,
        *,
        expected_version: int | None = None,
    ) -> SaveReceipt:
        """Autosave: answers, enterprise details and (when given) the result's total, in one transaction.

        A draft keeps no result snapshot: it is recomputed from its answers whenever it is opened.
        Based on `expected_version`, else on the version this store last read or wrote (ConflictError
        when the database holds another)."""
        return self._save(assessment_id, answers_file, result, final=False, expected=expected_version)

    @contextmanager
    def _versioned(self, assessment_id: int, expected: int | None) -> Iterator[tuple[Session, AssessmentRecord]]:
        """One write of an assessment, refused (ConflictError) unless the database still holds the version
        it is based on, of the very record it read (UnknownRecordError when that record is gone, even if
        another took its id); the version the write produced is remembered for the next one."""
        read = self._read.get(assessment_id)
        based_on = expected if expected is not None else (read.version if read is not None else None)
        try:
            with self._transaction() as session:
                record = self._assessment(session, assessment_id)
                if read is not None and (record.enterprise_id, record.created_at) != (
                    read.enterprise_id,
                    read.created_at,
                ):
                    raise _replaced_error(assessment_id)
                if based_on is not None and record.version != based_on:
                    raise _conflict(_stored(record))
                yield session, record
                session.flush()
                done = _read_of(record)
        except StaleDataError:  # another writer committed between our read and our write
            raise _conflict(self.get(assessment_id)) from None
        self._read[assessment_id] = replace(done, firm=read.firm) if read is not None else done

    def _save(
        self,
        assessment_id: int,
        answers_file: AnswersFile,
        result: Assessment | None,
        *,
        final: bool,
        expected: int | None = None,
    ) -> SaveReceipt:
        """One write of a draft's answers; with `final`, its result is frozen and it becomes final."""
        now = utc_now()
        warnings: list[Problem] = []
        read = self._read.get(assessment_id)
        with self._versioned(assessment_id, expected) as (session, record):
            if record.status == FINAL:
                raise _final_error()
            shown = self._write(session, record, answers_file, result, now, warnings, read.firm if read else None)
            if final:
                assert result is not None
                _freeze(record, result)
                record.status, record.finalised_at = FINAL, now
        done = self._read[assessment_id] = replace(self._read[assessment_id], firm=shown)
        return SaveReceipt(now, tuple(warnings), done.version)

    def keep_as_copy(self, conflict: ConflictError, mine: AnswersFile, base: dict[str, Any], label: str) -> int:
        """After a conflict: the user's own answers as a new draft beside the stored version, nothing lost.

        The enterprise is shared by both: a detail only the user changed (compared with `base`, the
        answers-file data the user's work started from) is taken over; one changed on both sides keeps
        the stored value and the user's is written into the copy's label."""
        theirs = conflict.theirs
        assert isinstance(theirs, StoredAssessment)
        before = base.get("enterprise", {})
        before = before if isinstance(before, dict) else {}
        with self._transaction() as session:
            enterprise = self._enterprise(session, theirs.enterprise_id)
            pack = (theirs.pack_id, theirs.pack_version, theirs.pack_hash)
            return self._copy_of_edits(session, enterprise, mine, before, label, pack)

    def keep_as_new(
        self, assessment_id: int, mine: AnswersFile, pack: Pack, label: str, result: Assessment | None = None
    ) -> int:
        """Edits that could not be saved (the assessment was deleted elsewhere) as a new draft of the firm:
        the one the assessment belonged to if it is still stored, else the one with the typed credit code,
        else a new one with the typed details."""
        read = self._read.get(assessment_id)
        before = {field: getattr(read.firm, field) for field in FIRM_FIELDS} if read is not None else {}
        typed = _cleaned(mine.enterprise)
        code = _code(typed.credit_code)
        with self._transaction() as session:
            enterprise = session.get(EnterpriseRecord, read.enterprise_id) if read is not None else None
            if enterprise is None:
                enterprise = self._holder(session, code)
            if enterprise is None:
                enterprise = EnterpriseRecord(
                    name=typed.name, credit_code=code, town=typed.town, contact=typed.contact, phone=typed.phone
                )
                session.add(enterprise)
                before = {field: getattr(typed, field) for field in FIRM_FIELDS}
            where = (pack.id, pack.version, pack.hash)
            return self._copy_of_edits(session, enterprise, mine, before, label, where, result)

    def _copy_of_edits(
        self,
        session: Session,
        enterprise: EnterpriseRecord,
        mine: AnswersFile,
        before: dict[str, Any],
        label: str,
        pack: tuple[str, str, str],
        result: Assessment | None = None,
    ) -> int:
        """A new draft of `enterprise` holding the user's answers; of the firm details the user changed
        (compared with `before`), those no one else changed are taken over, the others go into the label."""
        typed = _cleaned(mine.enterprise)
        kept: list[str] = []
        for field, shown in FIRM_FIELDS.items():
            my_value, old_value = getattr(typed, field), str(before.get(field, "") or "")
            stored_value = getattr(enterprise, field) or ""
            if my_value in (old_value, stored_value):
                continue
            if stored_value == old_value and field != "credit_code":
                setattr(enterprise, field, my_value)
                enterprise.updated_at = utc_now()
            else:
                kept.append(f"{shown}：{my_value}")
        record = AssessmentRecord(
            enterprise=enterprise,
            label=_clean(label + ("（我填写的" + "；".join(kept) + "）" if kept else "")),
            pack_id=pack[0],
            pack_version=pack[1],
            pack_hash=pack[2],
            assessed_on=mine.assessed_on,
            answers=_answers_json(mine),
            guide_id=mine.guide,
            status=DRAFT,
        )
        if result is not None:  # its total on the start page, as for any draft
            _keep_result(record, result)
        session.add(record)
        session.flush()
        self._read[record.id] = _read_of(record)
        return record.id

    def _write(
        self,
        session: Session,
        record: AssessmentRecord,
        answers_file: AnswersFile,
        result: Assessment | None,
        now: dt.datetime,
        warnings: list[Problem],
        base: Enterprise | None,
    ) -> Enterprise:
        """Write the answers, and of the firm's details only those the window changed since `base` (what it
        read; None: what is stored now). A detail changed elsewhere meanwhile is kept; one changed on both
        sides to different values refuses the save (ConflictError). Returns the details the window now
        holds, as the base of its next save."""
        record.answers = {**self._unloadable(record), **_answers_json(answers_file)}
        record.assessed_on = answers_file.assessed_on
        record.guide_id = answers_file.guide
        record.updated_at = now
        if result is not None:
            _keep_result(record, result)
        enterprise = record.enterprise
        stored = _firm(enterprise)
        typed = _cleaned(answers_file.enterprise)
        typed = replace(typed, credit_code=_code(typed.credit_code) or "")
        read = replace(base, credit_code=_code(base.credit_code) or "") if base is not None else stored
        mine = {f: getattr(typed, f) for f in FIRM_FIELDS if getattr(typed, f) != getattr(read, f)}
        clashes = [f for f, value in mine.items() if getattr(stored, f) not in (getattr(read, f), value)]
        if clashes:
            raise _firm_conflict(_stored(record), clashes)
        code = mine.get("credit_code")
        if code:
            other = self._holder(session, code, enterprise.training)
            if other is not None and other.id != enterprise.id:
                # Keep the answers, refuse only the code: two rows for one firm is what the code prevents.
                warnings.append(Problem("store.code_kept", code=code, name=_firm_name(other)))
                del mine["credit_code"]
        changes = {f: value for f, value in mine.items() if getattr(stored, f) != value}
        for field, value in changes.items():
            setattr(enterprise, field, (value or None) if field == "credit_code" else value)
        if changes:
            enterprise.updated_at = now
        return replace(read, **mine)

    def _unloadable(self, record: AssessmentRecord) -> dict[str, Any]:
        """Stored answers that `open` could not hand to the questionnaire (a newer pack dropped the question
        or changed its choices): the session never had them, so its save must not erase them."""
        stored = record.answers or {}
        if not stored:
            return {}
        try:  # the very pack `open` chose for this row
            pack, _ = stored_pack(self.registry, record.pack_id, record.pack_version, record.assessed_on)
        except LookupError:
            return dict(stored)
        return unloadable_answers(pack, stored)

    def finalise(self, assessment_id: int, answers_file: AnswersFile, result: Assessment) -> SaveReceipt:
        """Save and freeze: the snapshot stays as it is, whatever pack is installed later."""
        return self._save(assessment_id, answers_file, result, final=True)

    def reopen(self, assessment_id: int) -> None:
        """Back to draft: editable again. The old snapshot stays until the next finalising replaces it."""
        with self._versioned(assessment_id, None) as (_session, record):
            record.status, record.finalised_at, record.updated_at = DRAFT, None, utc_now()

    def recompute(self, assessment_id: int, result: Assessment) -> None:
        """Replace a finalised assessment's snapshot by a new computation (the user asked for it)."""
        with self._versioned(assessment_id, None) as (_session, record):
            now = utc_now()
            _freeze(record, result)
            record.updated_at = now
            if record.status == FINAL:
                record.finalised_at = now

    def duplicate(self, assessment_id: int, label: str | None = None) -> int:
        """A new draft starting from this one's answers (next year, another scenario)."""
        with self._transaction() as session:
            source = self._assessment(session, assessment_id)
            copy = AssessmentRecord(
                enterprise_id=source.enterprise_id,
                label=label if label is not None else (f"{source.label}（副本）" if source.label else "副本"),
                pack_id=source.pack_id,
                pack_version=source.pack_version,
                pack_hash=source.pack_hash,
                assessed_on=source.assessed_on,
                answers=json.loads(json.dumps(source.answers)),
                guide_id=source.guide_id,
                total=source.total,
                status=DRAFT,
            )
            session.add(copy)
            session.flush()
            Applications.copy_documents(session, source.id, copy.id)
            ImportedLists.copy_lists(session, source.id, copy.id)
            self._read[copy.id] = _read_of(copy)
            return copy.id

    def set_label(self, assessment_id: int, label: str) -> None:
        with self._versioned(assessment_id, None) as (_session, record):
            record.label, record.updated_at = _clean(label), utc_now()

    def most_recent_draft(self) -> int | None:
        """The draft edited last: after a crash or a killed process, the window reopens it where it was."""
        with self._transaction() as session:
            return session.scalar(
                select(AssessmentRecord.id)
                .where(AssessmentRecord.status == DRAFT)
                .order_by(AssessmentRecord.updated_at.desc(), AssessmentRecord.id.desc())
                .limit(1)
            )

    def delete_assessment(self, assessment_id: int) -> None:
        with self._transaction() as session:
            session.delete(self._assessment(session, assessment_id))
            session.flush()
            Applications.remove_unused_content(session)  # the files its documents held, unless shared

    # -- files --------------------------------------------------------------------------------------------
    def export_answers(self, assessment_id: int, path: Path) -> list[Path]:
        """Write the answers file (`zs-trade-assessment/1`) with what was recorded of its applications:
        documents, claims, and the enterprise's amounts received elsewhere; the attached files go into a
        folder beside it (`<name>-files/<item>/<document>/`), named in the file relative to it. Each file is
        written beside its final name and renamed into place, the answers file last. Returns the attached
        files written."""
        stored = self.get(assessment_id)
        data = stored.answers_file_data()
        if lists := ImportedLists(self).totals(assessment_id):  # where its figures came from
            data["lists"] = list_totals_to_data(lists)
        applications = Applications(self)
        filing = applications.filing(assessment_id).filing
        written: list[Path] = []
        try:
            if not filing.empty:
                pack, _ = stored_pack(self.registry, stored.pack_id, stored.pack_version, stored.assessed_on)
                filing, written = self._export_files(applications, filing, pack, path)
                data.update(filing_to_data(filing))
            write_text(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        except OSError as exc:
            raise StoreError(Problem("store.cannot_write", path=str(path), reason=str(exc.strerror or exc))) from None
        return written

    @staticmethod
    def _export_files(applications: Applications, filing: Filing, pack: Pack, path: Path) -> tuple[Filing, list[Path]]:
        """The attached files written beside the answers file; the filing with their paths, and a title on
        every document the pack's list lacks (an answers file names those by title)."""
        folder_name = safe_stem(f"{path.stem}-files", fallback="files")
        names = UniqueNames()
        written: list[Path] = []
        documents: dict[str, dict[str, DocumentRecord]] = {}
        for item_id, records in filing.documents.items():
            found = pack.item(item_id)
            listed = {d.id for d in found[1].documents} if found is not None else set()
            for document_id, record in records.items():
                refs = []
                for position, ref in enumerate(record.files, start=1):
                    assert ref.stored is not None
                    stem = Path(ref.name).stem
                    name = names.claim(
                        f"{item_id}/{document_id}/{position:02d}-{safe_stem(stem)}", Path(ref.name).suffix
                    )
                    target = path.parent / folder_name / name
                    target.parent.mkdir(parents=True, exist_ok=True)
                    write_bytes(target, applications.attachment_bytes(ref.stored))
                    written.append(target)
                    refs.append(replace(ref, path=f"{folder_name}/{name}"))
                title = record.title or ("" if document_id in listed else document_id)
                documents.setdefault(item_id, {})[document_id] = replace(record, files=tuple(refs), title=title)
        return replace(filing, documents=documents), written

    def import_files(
        self,
        paths: Sequence[Path],
        *,
        today: dt.date | None = None,
        training: bool = False,
        decide: NameDecider | None = None,
    ) -> list[ImportOutcome]:
        """Each file checked on its own: a bad one is reported by name and does not stop the others.

        A file whose credit code is stored under another name is matched to that enterprise only as `decide`
        says, asked before anything is written ("file": take the file's name, "stored": keep the stored
        one, "skip": import nothing); without `decide` the stored name stays. `training` imports into
        training examples, which never meet the real firms."""
        resolve = resolver(self.registry)
        outcomes: list[ImportOutcome] = []
        for path in paths:
            name = _clean(path.name)
            try:
                answers_file, pack = read_answers_file(path, resolve, today=today)
            except AnswersError as exc:
                outcomes.append(ImportOutcome(path, problems=tuple(exc.problems)))
                continue
            contents, refused = _attached_files(path, answers_file)
            if refused:  # every file is read and checked first: an import is whole or not at all
                outcomes.append(ImportOutcome(path, problems=tuple(refused)))
                continue
            try:
                result = assess_file(pack, answers_file, today or dt.date.today())
                choice = self._name_choice(path, answers_file.enterprise, training, decide)
                if choice == "skip":
                    outcomes.append(ImportOutcome(path, skipped=True, training=training))
                    continue
                outcomes.append(
                    self._import_one(path, answers_file, pack, result, training, choice == "file", contents)
                )
            except StoreError as exc:
                outcomes.append(ImportOutcome(path, problems=tuple(p.at(name) for p in exc.problems)))
            except IntegrityError:  # another user registered the same credit code a moment ago
                outcomes.append(ImportOutcome(path, problems=(Problem("store.import_clash", where=(name,)),)))
            except Exception as exc:  # a fault of the program must not drop the files after this one
                why = Problem("workspace.internal", kind=type(exc).__name__, where=(name,))
                outcomes.append(ImportOutcome(path, problems=(why,)))
        return outcomes

    def _name_choice(self, path: Path, typed: Enterprise, training: bool, decide: NameDecider | None) -> NameChoice:
        """Where the file's firm is stored under another name, what the user says to do (asked before the
        file is imported, not after)."""
        if decide is None:
            return "stored"
        new = _clean(typed.name).strip()
        with self._transaction() as session:
            held = self._holder(session, _code(_clean(typed.credit_code)), training)
            old = held.name.strip() if held is not None else ""
        if not new or not old or new == old:
            return "stored"
        return decide(path, new, old)

    def _import_one(
        self,
        path: Path,
        answers_file: AnswersFile,
        pack: Pack,
        result: Assessment,
        training: bool,
        rename: bool,
        contents: Mapping[tuple[str, str, str], CheckedFile],
    ) -> ImportOutcome:
        typed = _cleaned(answers_file.enterprise)
        code = _code(typed.credit_code)
        with self._transaction() as session:
            enterprise = self._holder(session, code, training)
            matched = enterprise is not None
            if enterprise is None:
                enterprise = EnterpriseRecord(
                    name=typed.name,
                    credit_code=code,
                    town=typed.town,
                    contact=typed.contact,
                    phone=typed.phone,
                    training=training,
                )
                session.add(enterprise)
            else:
                if rename and typed.name:  # the user said the file's name is the right one
                    enterprise.name = typed.name
                # The stored enterprise wins; the file only fills what is still empty.
                for name in ("name", "town", "contact", "phone"):
                    if not getattr(enterprise, name) and getattr(typed, name):
                        setattr(enterprise, name, getattr(typed, name))
            record = AssessmentRecord(
                enterprise=enterprise,
                label=_clean(f"{TRAINING_LABEL if training else IMPORTED_LABEL}{path.stem}"),
                pack_id=pack.id,
                pack_version=pack.version,
                pack_hash=pack.hash,
                assessed_on=answers_file.assessed_on,
                answers=_answers_json(answers_file),
                guide_id=answers_file.guide,
                total=result.total,
                status=DRAFT,
            )
            session.add(record)
            session.flush()
            if not answers_file.filing.empty:
                Applications(self).store_filing(
                    session, record.id, enterprise.id, answers_file.filing, contents, _clean(ANSWERS_SOURCE + path.name)
                )
            if answers_file.lists:
                ImportedLists.keep_totals(session, record.id, answers_file.lists)
            self._read[record.id] = _read_of(record)
            return ImportOutcome(
                path,
                record.id,
                enterprise.id,
                matched,
                file_name=typed.name,
                stored_name=enterprise.name,
                training=training,
            )
