"""Local storage: enterprises, assessments and their history (SQLAlchemy 2 + Alembic). No Qt here.

Importing this package is cheap on purpose: SQLAlchemy costs 300 ms or more to import, so the window
imports `desktop.store.database` only after it is shown. `open_store` is re-exported lazily.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop.later import later
from desktop.store.errors import (
    AssessmentFinalError,
    DuplicateCreditCodeError,
    StoreError,
    StoreLockedError,
    StoreReadOnlyError,
    UnknownRecordError,
)

if TYPE_CHECKING:
    from desktop.store import database as _database
    from desktop.store import repository as _repository
    from desktop.store.database import open_memory_store, open_store
    from desktop.store.repository import Store
else:
    # SQLAlchemy and Alembic: 300 ms or more, which the window takes only once it is shown
    _database = later("desktop.store.database")
    _repository = later("desktop.store.repository")

__all__ = [
    "AssessmentFinalError",
    "DuplicateCreditCodeError",
    "Store",
    "StoreError",
    "StoreLockedError",
    "StoreReadOnlyError",
    "UnknownRecordError",
    "open_memory_store",
    "open_store",
]


def __getattr__(name: str) -> Any:
    if name in ("open_store", "open_memory_store"):
        return getattr(_database, name)
    if name == "Store":
        return _repository.Store
    raise AttributeError(name)
