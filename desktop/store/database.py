"""Opening the database: where it is, SQLite settings, damaged or locked files, migrations.

SQLite runs in WAL mode with `synchronous=FULL`: a commit that has returned survives a killed
process and a power cut, and a reader (the start page) never blocks the writer (autosave).

Two kinds of failure are kept apart. "Cannot read or write it now" (a full disk, an I/O error, no
permission, a lock) changes nothing on disk and is said in words; only "this file is not a sound
database" (SQLite reports it corrupt, or its check finds damage) sets the file aside. A file that is
not an SQLite database at all is refused and left as it is: a database is never created where
another file stands.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError
from sqlalchemy.pool import StaticPool

from desktop.paths import database_target
from desktop.problems import Listed, Message, Problem
from desktop.store import set_aside
from desktop.store.errors import StoreError, StoreLockedError, StoreReadOnlyError
from desktop.store.migrate import upgrade
from desktop.store.repository import Store

SQLITE_MAGIC = b"SQLite format 3\x00"
DEFAULT_BUSY_TIMEOUT = 5.0
# SQLite's primary result codes that say the file itself is unsound (SQLITE_CORRUPT, SQLITE_NOTADB).
# Every other failure (SQLITE_FULL 13, SQLITE_IOERR 10, SQLITE_CANTOPEN 14, SQLITE_PERM 3,
# SQLITE_READONLY 8, SQLITE_BUSY 5, SQLITE_LOCKED 6, SQLITE_NOMEM 7...) only says "not now".
DAMAGE_CODES = frozenset({11, 26})


def open_store(url: str | None = None, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> Store:
    """The store at `url` (else the environment, else the data folder), migrated to the newest schema.

    Raises StoreError (or a subclass) with a message to show. A damaged SQLite file is not an error:
    it is renamed aside, a fresh database is started, and `store.notices` says what happened, at this
    start and every later one until `store.acknowledge_notices()`; should opening then fail anyway,
    the error says it too.
    """
    target = database_target(url)
    try:
        # The data folder's file as a path, never through a URL text (desktop.paths.database_target).
        parsed = URL.create("sqlite", database=str(target)) if isinstance(target, Path) else make_url(target)
    except ArgumentError:
        raise StoreError(Problem("store.bad_url", target=str(target))) from None
    path = _sqlite_path(parsed)
    moved: dict[Path, Problem | str] = {}
    try:
        if path is not None:
            _check_folder(path)
            _refuse_other_files(path)
        return _open(parsed, path, busy_timeout, moved)
    except StoreError as exc:
        earlier = _set_aside_notices(path, moved)
        if not earlier:
            raise
        raise type(exc)(
            Problem("store.with_notices", notices=Listed(tuple(earlier), "paragraphs"), problem=exc.problem)
        ) from None


_memory_template: sqlite3.Connection | None = None
"""An in-memory database brought to the newest schema once per process; each memory store is a copy."""


def open_memory_store() -> Store:
    """A store in memory: the window's store when no database can be opened. It works as any other (the
    same schema, the same code); nothing in it outlives the program (`Store.lasting` is False).

    The schema is made by the migrations once per process (about 170 ms) and copied for each store
    (about 1 ms): the tests open hundreds."""
    global _memory_template
    if _memory_template is None:
        template = sqlite3.connect(":memory:", check_same_thread=False)
        migrating = create_engine("sqlite://", creator=lambda: template, poolclass=StaticPool)
        upgrade(migrating)
        _memory_template = template

    def copy() -> sqlite3.Connection:
        connection = sqlite3.connect(":memory:", check_same_thread=False)
        assert _memory_template is not None
        _memory_template.backup(connection)
        return connection

    # One connection for the store's life (StaticPool): another would be another, empty, database.
    engine = create_engine("sqlite://", creator=copy, poolclass=StaticPool)
    event.listen(engine, "connect", _on_connect)
    return Store(engine, lasting=False)


def _open(parsed: URL, path: Path | None, busy_timeout: float, moved: dict[Path, Problem | str]) -> Store:
    engine = _engine(parsed, busy_timeout)
    try:
        problem = _damage(engine) if path is not None and path.exists() else None
        if problem is not None and path is not None:
            engine.dispose()
            moved[set_aside.move_aside(path, problem)] = problem
            engine = _engine(parsed, busy_timeout)
        upgrade(engine)
    except OperationalError as exc:
        engine.dispose()
        raise _explain(exc, parsed, path) from None
    except DBAPIError as exc:
        engine.dispose()
        raise StoreError(Problem("store.cannot_open", database=_shown(parsed), reason=_reason(exc))) from None
    except BaseException:
        engine.dispose()
        raise
    files = set_aside.unacknowledged(path) if path is not None else []
    return Store(engine, notices=_set_aside_notices(path, moved), set_aside=files)


def _set_aside_notices(path: Path | None, moved: dict[Path, Problem | str]) -> list[Message]:
    """One notice per set-aside file the user has not acknowledged: the one of this start with its reason."""
    if path is None:
        return []
    return [set_aside.notice(p, moved.get(p)) for p in set_aside.unacknowledged(path)]


def _sqlite_path(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database).expanduser().resolve()


def _check_folder(path: Path) -> None:
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = str(exc.strerror or exc)
        raise StoreReadOnlyError(Problem("store.folder_cannot_make", folder=str(folder), reason=reason)) from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise StoreReadOnlyError(Problem("store.folder_read_only", folder=str(folder)))
    if path.exists() and not os.access(path, os.W_OK):
        raise StoreReadOnlyError(Problem("store.file_read_only", path=str(path)))


def _refuse_other_files(path: Path) -> None:
    """Refuse a path that holds something other than an SQLite database (an empty file is an empty one).

    `--database` pointing at a document by mistake must not rename the document and put a database in
    its place."""
    if path.exists() and not path.is_file():
        raise StoreError(Problem("store.not_a_file", path=str(path)))
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StoreError(Problem("store.cannot_read_file", path=str(path), reason=str(exc.strerror or exc))) from None
    if head and head != SQLITE_MAGIC:
        raise StoreError(Problem("store.not_sqlite", path=str(path)))


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
    finally:
        cursor.close()


def _engine(url: URL, busy_timeout: float) -> Engine:
    """The engine for `url`; a database kind or driver this program does not have is said in words."""
    try:
        return _create(url, busy_timeout)
    except NoSuchModuleError:
        raise StoreError(Problem("store.unsupported", driver=url.drivername)) from None
    except ImportError as exc:
        # psycopg without a libpq on this machine (Linux builds use the system's: apt install libpq5).
        raise StoreError(Problem("store.driver_missing", backend=url.get_backend_name(), reason=str(exc))) from None


def _create(url: URL, busy_timeout: float) -> Engine:
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": busy_timeout})
        event.listen(engine, "connect", _on_connect)
        return engine
    connect_args: dict[str, Any] = {}
    if url.get_backend_name() == "postgresql":
        connect_args["connect_timeout"] = max(1, int(busy_timeout))
    return create_engine(url, pool_pre_ping=True, connect_args=connect_args)


def _damage(engine: Engine) -> Problem | str | None:
    """Why an SQLite file is unsound, or None. `quick_check` reads every page once.

    Only SQLite's own verdict counts as damage (a corrupt page, not a database); a failure to read now
    (disk full, I/O error, lock, permission) is raised, to be said in words, and the file left alone."""
    try:
        with engine.connect() as connection:
            rows = [r[0] for r in connection.execute(text("PRAGMA quick_check"))]
    except DBAPIError as exc:
        code = getattr(exc.orig, "sqlite_errorcode", None)
        if isinstance(code, int) and code & 0xFF in DAMAGE_CODES:
            return _reason(exc)
        raise
    return (
        None if rows == ["ok"] else Problem("store.damaged", found=Listed(tuple(str(r) for r in rows[:3]), "clauses"))
    )


def _nearly_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < 4 * 1024 * 1024
    except OSError:
        return False


def _reason(exc: DBAPIError) -> str:
    return str(exc.orig).strip() or type(exc.orig).__name__


def _shown(url: URL) -> str:
    return url.render_as_string(hide_password=True)


def _explain(exc: OperationalError, url: URL, path: Path | None) -> StoreError:
    reason = _reason(exc)
    lowered = reason.lower()
    database = str(path) if path is not None else _shown(url)
    if "locked" in lowered or "busy" in lowered:
        return StoreLockedError(Problem("store.open_locked", database=database))
    if "full" in lowered or (path is not None and "i/o" in lowered and _nearly_full(path)):
        # A full disk often shows as an I/O error: SQLite cannot grow the -shm file it needs to read.
        return StoreError(Problem("store.open_disk_full", database=database))
    if "readonly" in lowered or "read-only" in lowered or "unable to open" in lowered:
        return StoreReadOnlyError(Problem("store.open_read_only", database=database, reason=reason))
    if "disk i/o" in lowered:
        return StoreError(Problem("store.open_io", database=database, reason=reason))
    if path is None:
        return StoreError(Problem("store.server", database=_shown(url), reason=reason))
    return StoreError(Problem("store.cannot_open", database=str(path), reason=reason))
