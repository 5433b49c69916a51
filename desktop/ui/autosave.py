"""Autosave: every change of the questionnaire reaches the database within a second, without a "save?" ever.

The first change after a save starts a short timer; later changes ride along instead of restarting it,
so even a clerk typing without pause is saved at least every `delay_ms`. Closing the window calls
`flush()`. A failed save (database locked by another program, disk full, the assessment deleted
elsewhere) is reported and retried; the answers stay in the session meanwhile. When the window lets go
of them (`final_save`) and they are still not written, the window asks how to keep them
(desktop.ui.unsaved): they are never dropped without a question.

A save refused because the assessment was saved elsewhere in between (ConflictError: another copy of
the program, another user of the shared server) is not retried: retrying would overwrite the other
side. `conflicted` hands the conflict to the window (desktop.ui.conflict), which keeps both versions.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, SignalInstance

from desktop.engine import AnswersFile, Assessment
from desktop.engine.answers import answers_file_to_data
from desktop.problems import Problem
from desktop.store.errors import AssessmentFinalError, ConflictError, StoreError, UnknownRecordError
from desktop.store.records import SaveReceipt
from desktop.ui.said import autosave_text, said

DEFAULT_DELAY_MS = 400
RETRY_MS = 3000


class EditedAssessment(Protocol):
    """What the autosaver needs of the questionnaire's session (`desktop.ui.session.AssessmentSession`)."""

    @property
    def changed(self) -> SignalInstance: ...

    @property
    def result(self) -> Assessment: ...

    def to_answers_file(self) -> AnswersFile: ...


class DraftWriter(Protocol):
    """What the autosaver needs of the store (`desktop.store.repository.Store`)."""

    def save_draft(
        self, assessment_id: int, answers_file: AnswersFile, result: Assessment | None = None
    ) -> SaveReceipt: ...


class Autosaver(QObject):
    saved = Signal(object)
    """A local, zone-aware `datetime` of the save that just reached the disk (for "已保存 HH:MM:SS")."""
    failed = Signal(str)
    """Why the last save did not happen, in words; another attempt follows by itself."""
    warned = Signal(str)
    """The save happened but something was not taken over (e.g. a credit code another enterprise has)."""
    conflicted = Signal(object, bool)
    """(ConflictError, whether the saver is being stopped): the stored assessment is newer than the one
    these edits started from. Nothing more is written; the edits stay in the session."""

    def __init__(
        self,
        session: EditedAssessment,
        store: DraftWriter,
        assessment_id: int,
        *,
        delay_ms: int = DEFAULT_DELAY_MS,
        retry_ms: int = RETRY_MS,
        stored_total: Decimal | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._store = store
        self.assessment_id = assessment_id
        self._delay_ms = delay_ms
        self._retry_ms = retry_ms
        self._pending = False
        self._stopped = False
        self._stopping = False
        self.conflict: ConflictError | None = None
        """The conflict that stopped the saves, until the window resolves it (by opening another version)."""
        # What the database holds now; a "change" that lands on the same data writes nothing.
        self._written: dict[str, object] | None = answers_file_to_data(session.to_answers_file())
        self._written_total = stored_total
        """The total the database holds for the start page's list (None: not known, not compared). Amounts
        received change it with the answers unchanged: it is written then too."""
        self._warnings: tuple[Problem, ...] = ()
        self.last_saved: dt.datetime | None = None
        self.last_error: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)
        session.changed.connect(self._on_changed)
        if stored_total is not None and session.result.total != stored_total:
            self._on_changed()  # amounts received meanwhile (another assessment paid) changed the total
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.flush)

    @property
    def pending(self) -> bool:
        """Changes that are not in the database yet."""
        return self._pending

    @property
    def base(self) -> dict[str, object] | None:
        """The answers-file data the database held for these edits: as opened, or as last saved."""
        return self._written

    def _on_changed(self) -> None:
        if self._stopped:
            return
        self._pending = True
        if not self._timer.isActive():
            self._timer.start(self._delay_ms)

    def flush(self) -> bool:
        """Write now if anything is pending; True when the database holds everything the session holds."""
        self._timer.stop()
        if not self._pending:
            return True
        if self.conflict is not None:
            return False
        answers_file = self._session.to_answers_file()
        data = answers_file_to_data(answers_file)
        if data == self._written and self._written_total in (None, self._session.result.total):
            self._pending = False
            return True
        try:
            receipt = self._store.save_draft(self.assessment_id, answers_file, self._session.result)
        except ConflictError as exc:
            self.conflict = exc
            self.last_error = autosave_text(exc)
            self.failed.emit(self.last_error)
            self.conflicted.emit(exc, self._stopping)
            return False
        except AssessmentFinalError as exc:
            # Waiting will not help: the assessment is frozen. Said once; the answers stay in the window.
            self.last_error = autosave_text(exc)
            self.failed.emit(self.last_error)
            return False
        except UnknownRecordError as exc:
            # Gone (deleted elsewhere): said at every attempt, which goes on as slowly as for a full disk,
            # so the window keeps saying it; closing asks how to keep the edits.
            self.last_error = autosave_text(exc)
            self.failed.emit(self.last_error)
            if not self._stopped and not self._stopping:
                self._timer.start(self._retry_ms)
            return False
        except StoreError as exc:
            self.last_error = autosave_text(exc)
            self.failed.emit(self.last_error)
            if not self._stopped and not self._stopping:
                self._timer.start(self._retry_ms)
            return False
        self._pending = False
        self._written = data
        if self._written_total is not None:
            self._written_total = self._session.result.total
        self.last_error = None
        self.last_saved = receipt.saved_at.astimezone()
        self.saved.emit(self.last_saved)
        for warning in receipt.warnings:
            if warning not in self._warnings:
                self.warned.emit(said(warning))
        self._warnings = receipt.warnings
        return True

    def final_save(self) -> bool:
        """The last write before the window lets go (closing, another assessment); a conflict found now is
        handed over as one found while stopping (kept as a copy without a question). True when the
        database holds everything; `resume` if the window stays after all."""
        self._stopping = True
        return self.flush()

    def resume(self) -> None:
        """The window stays with edits that could not be written: saving goes on being tried."""
        self._stopping = False
        if self._pending and self.conflict is None and not self._stopped:
            self._timer.start(self._retry_ms)

    def stop(self) -> bool:
        """Last write and detach (the window closes, or another assessment is opened)."""
        self._stopping = True
        done = self.flush()
        if not self._stopped:
            self._stopped = True
            self._timer.stop()
            self._session.changed.disconnect(self._on_changed)
        return done
