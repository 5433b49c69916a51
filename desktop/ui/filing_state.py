"""The applications of the open stored assessment, as the window shows and edits them.

One object per open assessment, given to the views that show it (the results page's 申报 tab, the
item's application dialog); they only display it and forward the clerk's input. Every change is written
to the database at once (the store checks each record's version: a change made meanwhile elsewhere is
never overwritten — the record is read again and the clerk told what changed there), then `changed` is
emitted so every view shows the same thing.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices

from desktop.attachments import AttachmentRefusedError, check_file
from desktop.engine.filing import NO_FILING, Claim, DocumentRecord, DocumentState, Filing, Received
from desktop.filenames import safe_stem
from desktop.problems import Problem
from desktop.safe_write import write_bytes
from desktop.store import Store, StoreError
from desktop.store.filing import HAND_SOURCE, Applications, FilingChangedError, StoredFiling, StoredReceived

Today = Callable[[], dt.date]


class FilingState(QObject):
    changed = Signal()
    """After every change, and after reading the records again."""
    conflicted = Signal(object)
    """A save refused because another window or colleague changed the record: its Problem."""
    """A change was refused because the record changed elsewhere; the text says what happened."""
    closing = Signal()
    """The window lets go of the assessment: views of it close."""

    def __init__(
        self, store: Store, assessment_id: int, today: Today = dt.date.today, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.assessment_id = assessment_id
        self.applications = Applications(store)
        self.today = today
        self.stored = StoredFiling(NO_FILING)
        self.release_checks: list[Callable[[], bool]] = []
        """Asked before the window lets go of the assessment (another opened, the list, closing): a view
        holding something typed and not saved asks the clerk, and False keeps the assessment open."""
        self.reload()

    # -- reading ---------------------------------------------------------------------------------------
    @property
    def filing(self) -> Filing:
        return self.stored.filing

    @property
    def received(self) -> tuple[Received, ...]:
        return self.stored.filing.received

    def reload(self) -> None:
        """Read the records again (after a conflict, or when the window comes back to the assessment)."""
        self.stored = self.applications.filing(self.assessment_id)
        self.changed.emit()

    def record(self, item_id: str, document_id: str) -> DocumentRecord:
        return self.filing.record(item_id, document_id)

    # -- documents ------------------------------------------------------------------------------------
    def set_document(
        self,
        item_id: str,
        document_id: str,
        *,
        state: DocumentState | None = None,
        note: str | None = None,
        title: str | None = None,
    ) -> None:
        """The document's state, note or title as the clerk set it; StoreError for the caller to show."""
        current = self.record(item_id, document_id)
        try:
            self.applications.set_document(
                self.assessment_id,
                item_id,
                document_id,
                state=state if state is not None else current.state,
                note=note if note is not None else current.note,
                title=title if title is not None else current.title,
                based_on=self.stored.document_versions.get((item_id, document_id)),
            )
        except FilingChangedError as exc:
            self._conflict(exc)
            return
        self.reload()

    def add_document(self, item_id: str, title: str) -> str:
        """A document the item's list lacks (the bureau's own form, a letter): kept under an id of its own."""
        taken = set(self.filing.documents.get(item_id, {}))
        number = 1
        while f"added_{number}" in taken:
            number += 1
        ident = f"added_{number}"
        self.set_document(item_id, ident, state="missing", title=title.strip())
        return ident

    def remove_document(self, item_id: str, document_id: str) -> None:
        version = self.stored.document_versions.get((item_id, document_id))
        if version is None:
            return
        try:
            self.applications.remove_document(self.assessment_id, item_id, document_id, based_on=version)
        except FilingChangedError as exc:
            self._conflict(exc)
            return
        self.reload()

    def attach(self, item_id: str, document_id: str, paths: Sequence[Path]) -> list[tuple[str, Problem]]:
        """Each file read, checked and kept in order; (file name, problem) for each that could not be. A
        document still missing becomes ready with its first file (the clerk can set it back)."""
        problems: list[tuple[str, Problem]] = []
        attached = 0
        for path in paths:
            try:
                checked = check_file(path)
                self.applications.attach(self.assessment_id, item_id, document_id, checked)
                attached += 1
            except (AttachmentRefusedError, StoreError) as exc:
                problems.append((path.name, exc.problem))
        self.stored = self.applications.filing(self.assessment_id)
        if attached and self.record(item_id, document_id).state == "missing":
            self.set_document(item_id, document_id, state="have")
        else:
            self.changed.emit()
        return problems

    def remove_attachment(self, attachment_id: int) -> None:
        self.applications.remove_attachment(attachment_id)
        self.reload()

    def move_attachment(self, attachment_id: int, step: int) -> None:
        self.applications.move_attachment(attachment_id, step)
        self.reload()

    def open_attachment(self, attachment_id: int, name: str) -> bool:
        """Show a file in the system's viewer: a copy written to a folder of the program's own (the
        viewer gets a path the program made, never one from a file)."""
        data = self.applications.attachment_bytes(attachment_id)
        folder = Path(tempfile.gettempdir()) / "zs-trade-attachments"
        folder.mkdir(exist_ok=True)
        stem, _, suffix = name.rpartition(".")
        target = folder / f"{attachment_id}-{safe_stem(stem or name)}.{re.sub(r'[^a-z]', '', suffix.lower())[:5]}"
        write_bytes(target, data)
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))

    # -- the claim ------------------------------------------------------------------------------------
    def set_claim(self, item_id: str, claim: Claim | None) -> None:
        """Where the application stands; StoreError (a step out of order, a date after today) for the caller."""
        try:
            self.applications.set_claim(
                self.assessment_id,
                item_id,
                claim,
                based_on=self.stored.claim_versions.get(item_id),
                today=self.today(),
            )
        except FilingChangedError as exc:
            self._conflict(exc)
            return
        self.reload()

    # -- amounts received recorded by hand -----------------------------------------------------------
    def recorded(self) -> list[StoredReceived]:
        """The amounts recorded for the enterprise by hand or from answers files (StoreError for the caller)."""
        return self.applications.recorded_for(self.assessment_id)[1]

    def add_received(self, received: Received) -> bool:
        """Record an amount received by hand; False when the record already holds the same one."""
        enterprise_id, _ = self.applications.recorded_for(self.assessment_id)
        added = self.applications.add_received(enterprise_id, received, HAND_SOURCE) is not None
        self.reload()
        return added

    def delete_received(self, received_id: int) -> None:
        self.applications.delete_received(received_id)
        self.reload()

    def _conflict(self, exc: FilingChangedError) -> None:
        self.reload()
        self.conflicted.emit(exc.problem)
